"""The one compile helper for the patterns the extractors search: ``word_re(pattern)``.

Most of the extractors' vocabulary is word-initial (``\\bconserv…``). Python's ``re``
skips quickly to where a match can begin only when a pattern starts with a literal or a
set of characters; a pattern that starts with ``\\b`` it tries at every position. The
``regex`` module skips ahead for those too, so ``word_re`` compiles with ``regex``, in its
``VERSION0`` mode (``re``'s syntax and behaviour); the result has the methods of
``re.Pattern`` the extractors use (``search``, ``finditer``, ``match``, ``sub`` …).

Chosen by measure. The 154 patterns compiled here, each searched (``finditer``) over 200
whole bench pages, took 7.7–8.2 s of CPU with ``regex`` and 10.0–11.1 s with ``re`` (three
runs each), the same matches. On the whole extraction the patterns weigh little: CPU time of
``extract_article`` on 600 bench pages, best of 3, is within the machine's noise for both
(regex 4.53–5.32 s, re 4.48–5.06 s over eight runs each, the last three by
``python -m pipeline.testbed.compile_bench``), with the same records.
"""

from __future__ import annotations

import re

import regex

_FLAGS = (
    (re.IGNORECASE, regex.IGNORECASE),
    (re.MULTILINE, regex.MULTILINE),
    (re.DOTALL, regex.DOTALL),
    (re.VERBOSE, regex.VERBOSE),
    (re.ASCII, regex.ASCII),
)


def word_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled for searching (see the module doc); ``flags`` are ``re``'s."""
    mode = regex.VERSION0
    for ours, theirs in _FLAGS:
        if flags & ours:
            mode |= theirs
    return regex.compile(pattern, mode)  # a regex.Pattern, used as an re.Pattern
