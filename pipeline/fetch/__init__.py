"""How we fetch: the polite HTTP client (``client``) and the walk of the site (``walk``)."""
