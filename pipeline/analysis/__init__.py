"""The researchers' layer: data functions the notebooks and ``ccin`` commands import.

``corpus`` loads the tables; ``overview``, ``retention``, ``actions`` and ``access`` turn
them into small frames (one function per question); ``figures`` draws them (a figure
with no data says so); ``provenance`` rebuilds a document's text from its sections and
finds the sentence behind each fact. Every function works on empty tables.
"""
