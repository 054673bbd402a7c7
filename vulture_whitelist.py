"""Names ``vulture`` (``make lint``) would report as dead code but that are used where it
cannot see: by pyarrow and JSON through ``dataclasses.fields``, by templates, by the
standard library's servers and parsers, by click and by pytest. Not imported by anything.

To add one: ``.venv/bin/vulture --make-whitelist`` prints the line to copy.
"""

# ruff: noqa: B018, F821

# record fields written to Parquet or JSON by ``dataclasses.fields`` / ``asdict``
recipient  # models/records.py Recipient
request_filed_on  # models/records.py Deliberation
extension_notified_on
extractor_version
n_chars
started_at  # pipeline/refresh.py RunReport (runs.jsonl)
new_ids
covered_since
_.covered_since
_.new_ids
search_pages  # pipeline/publish/site/build.py SiteReport (bench/latest.json)
figure  # pipeline/publish/site/doctrine.py Part, read by the templates
alt
collapsed
BY_NAME  # pipeline/publish/site/facts.py, the reading room's table index

# the codes' meanings beside the codes (pipeline/exits.py): the README's table is this one
MEANING

# lazy module attribute (pipeline/analysis/__init__.py)
__getattr__

# overrides called by the standard library, rich and click
_.caption  # rich.table.Table
_.format_usage  # click.HelpFormatter
_.format_options
_.log_message  # http.server.BaseHTTPRequestHandler
_.do_GET
_.close_connection
protocol_version
daemon_threads  # socketserver.ThreadingMixIn
_.handle_starttag  # html.parser.HTMLParser
_.handle_endtag
_.handle_data

# pytest: hooks, marks and autouse fixtures
pytest_addoption
pytestmark
_close  # tests/test_figures.py
_fresh_faults  # tests/test_refresh.py
