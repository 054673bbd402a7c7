"""Helpers the extractors share: normalisation, text and list handling, clauses and subjects, dates and durations, the fast word-initial regexes, the never-raise guard."""
