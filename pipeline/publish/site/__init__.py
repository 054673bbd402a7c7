"""The reading room: the corpus as a static site (``ccin site``), see ``build``."""
