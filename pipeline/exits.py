"""The exit codes of ``ccin refresh``, ``rebuild``, ``extract`` and ``demo``, for cron.

Every code but 0 comes with one line on stderr saying why (``error: …``). The README's
table "exit code → what happened → what to do" is this one.
"""

from __future__ import annotations

OK = 0
CRASH = 1
FAILING = 2
LOCKED = 3
STALE = 4
SITE_DOWN = 5
REFUSED = 6
SHRINK = 7
PARTIAL = 8
BAD_INPUT = 9

#: code → (what happened, what to do)
MEANING: dict[int, tuple[str, str]] = {
    OK: ("the run did its work", "nothing"),
    CRASH: (
        "the run crashed (a bug, a full disk): the corpus is the previous one",
        "read the error line and the log; fix and run again",
    ),
    FAILING: (
        "most pages tried failed (or most of three or more articles, not for their own sake), "
        "or no year listing could be read (a listing that links no issue is not read)",
        "look at `ccin status` and the issues table; the failed pages are retried next run",
    ),
    LOCKED: (
        "another run or writer holds the data directory's lock",
        "let it finish; cron: space the runs out",
    ),
    STALE: (
        "no new deliberation for far longer than usual",
        "check the site by hand: a changed layout or a new authority name?",
    ),
    SITE_DOWN: (
        "the site could not be reached (down, DNS failure, robots.txt unreachable): "
        "nothing was published, nothing parked",
        "nothing: the next run goes on where this one stopped",
    ),
    REFUSED: (
        "robots.txt forbids the pages the run needs: nothing was fetched",
        "read the site's robots.txt; do not work around it",
    ),
    SHRINK: (
        "the new corpus would have fewer deliberations than the one in place: not published",
        "find why (`ccin status`, the issues table); `--allow-shrink` publishes it anyway",
    ),
    PARTIAL: (
        "--max-runtime reached: what was fetched is published, the rest is pending",
        "nothing: the next run goes on; raise --max-runtime for a first run",
    ),
    BAD_INPUT: ("a source or an option cannot be used", "read the error line"),
}
