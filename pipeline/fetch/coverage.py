"""What a data directory holds of the site: per year and per issue, complete, pending or
parked, and why, read from the raw store's index alone (``ccin status``).

An issue is *complete* when its sommaire and every candidate article on it were fetched,
*parked* when it (or one of its articles) failed structurally too often to be tried again
without ``--full`` and the rest is fetched, *pending* otherwise: the next run does it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.store import PageState, RawStore, page_states, read_history

_YEAR = re.compile(r"/Journaux/(\d{4})$")


@dataclass
class IssueCoverage:
    url: str
    state: str  # complete, pending, parked
    why: str = ""


@dataclass
class YearCoverage:
    year: int
    listing: str  # "read", "no issue listed" (none yet, or no page), "failed: …"
    issues: list[IssueCoverage] = field(default_factory=list)

    def count(self, state: str) -> int:
        return sum(1 for i in self.issues if i.state == state)

    @property
    def complete(self) -> bool:
        return self.listing in ("read", "no issue listed") and all(
            i.state != "pending" for i in self.issues
        )


@dataclass
class Coverage:
    years: list[YearCoverage]  # newest first
    unlisted: list[IssueCoverage]  # issues known from earlier listings, linked by none now
    last_run: dict | None

    def complete_stretch(self) -> tuple[int, int] | None:
        """The oldest years, contiguous, that are complete: (first, last)."""
        stretch = None
        for y in sorted(self.years, key=lambda y: y.year):
            if not y.complete:
                break
            stretch = (stretch[0] if stretch else y.year, y.year)
        return stretch


def _why(state: PageState) -> str:
    last = state.last
    if last.outage:
        return f"the site was unreachable ({last.error})"
    n = state.failures
    return f"{last.error} ({n} failed fetch{'es' if n != 1 else ''} in a row)"


def issue_coverage(url: str, states: dict[str, PageState]) -> IssueCoverage:
    state = states.get(url)
    if state is None:
        return IssueCoverage(url, "pending", "sommaire not fetched yet")
    if state.last_ok is None:
        return IssueCoverage(url, "parked" if state.parked else "pending", "sommaire: " + _why(state))
    waiting: Counter[str] = Counter()
    parked: Counter[str] = Counter()
    for ref in state.last_ok.refs:
        art = states.get(ref)
        if art is None:
            waiting["not fetched yet"] += 1
        elif art.last_ok is None and art.parked:
            parked[art.last.error or "?"] += 1
        elif art.last_ok is None:
            waiting[_why(art)] += 1
    if waiting:
        why = "; ".join(f"{n} article{'s' if n > 1 else ''}: {w}" for w, n in waiting.items())
        return IssueCoverage(url, "pending", why)
    if parked:
        why = "; ".join(f"{n} article{'s' if n > 1 else ''} parked: {w}" for w, n in parked.items())
        return IssueCoverage(url, "parked", why)
    return IssueCoverage(url, "complete")


def coverage(data_dir: Path) -> Coverage:
    states = page_states(RawStore(Path(data_dir) / "raw").records())
    years: list[YearCoverage] = []
    listed: set[str] = set()
    for url, state in states.items():
        m = _YEAR.search(url)
        if state.last.kind != "year" or not m:
            continue
        ok = state.last_ok
        if ok is None:
            listing = "failed: " + _why(state)
        elif not state.last.ok:
            listing = "failed (last good copy used): " + _why(state)
        else:
            listing = "read" if ok.refs else "no issue listed"
        refs = ok.refs if ok is not None else ()
        listed.update(refs)
        years.append(YearCoverage(int(m[1]), listing, [issue_coverage(r, states) for r in refs]))
    years.sort(key=lambda y: y.year, reverse=True)
    unlisted = [
        issue_coverage(url, states)
        for url, state in states.items()
        if state.last.kind == "issue" and url not in listed
    ]
    runs = read_history(data_dir)
    return Coverage(years, unlisted, runs[-1] if runs else None)
