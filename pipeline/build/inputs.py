"""What ``ccin extract`` reads: pages, text renderings, JSON Lines, directories.

``iter_sources(paths)`` yields one ``InputDocument`` per page found (HTML ``.html``/
``.htm``, text renderings ``.txt`` in any common encoding, one document per line of
``.jsonl`` files with ``url`` and ``html`` or ``text``; directories are read recursively,
in name order). ``to_article(doc)`` reads a document into an ``Article`` (pure; problems
as issues). Nothing is dropped without a trace: a skipped file, an unreadable folder, a
symbolic link loop, a line too long, a ``url`` that is not a page of the site each have
an ``issues`` row.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from models.enums import Severity
from models.records import Article, Issue
from scrapers.decoding import decode_page_as, decode_text
from scrapers.journal_de_monaco import (
    SITE,
    canonical_url,
    is_site_url,
    looks_like_html,
    parse_article_html,
    parse_article_text,
)

SUFFIXES = {".html": "html", ".htm": "html", ".txt": "text", ".jsonl": "jsonl"}


@dataclass(frozen=True, slots=True)
class InputDocument:
    """One page to read. ``content`` is None for a file not read yet: ``path`` is read by
    ``to_article``, in the worker process, so that the main process neither reads every
    file nor sends its bytes through a pipe (``ccin bench``)."""

    source: str  # where it came from: a file path, "file.jsonl:12", or the canonical URL
    content: bytes | str | None
    kind: str  # "html" or "text"
    url: str | None = None
    path: str | None = None
    content_type: str | None = None  # a fetched page's HTTP header ("" if none): decoded as fetched


class SourceError(Exception):
    """A source given on the command line cannot be read at all."""


#: A ``.jsonl`` line longer than this is skipped (an ``issues`` row), never held whole.
MAX_LINE_BYTES = 10 * 1024 * 1024


def _issue(code: str, message: str, source: str, severity: Severity = Severity.ERROR) -> Issue:
    return Issue("read", severity, code, message, None, source)


def iter_sources(paths: Iterable[Path], issues: list[Issue]) -> Iterator[InputDocument]:
    """Every document under ``paths``; unreadable lines, files and folders go to ``issues``."""
    for file in list_files(paths, issues):
        yield from _read_file(file, issues)


def list_files(paths: Iterable[Path], issues: list[Issue] | None = None) -> list[Path]:
    """The files ``iter_sources`` reads: those named, and the pages under the directories
    named (recursively, links followed, in path order). What a directory holds that is
    not read (a PDF, an unreadable folder, a symbolic link loop or a broken link) goes to
    ``issues``. Raises ``SourceError`` for a path named that does not exist."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(_walk_dir(path, issues if issues is not None else []))
        elif path.is_file():
            found.append(path)
        else:
            raise SourceError(f"no such file or directory: {path}")
    return found


def _walk_dir(root: Path, issues: list[Issue]) -> list[Path]:
    files: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def unreadable(exc: OSError) -> None:
        issues.append(_issue("unreadable_dir", f"cannot read the folder: {exc}", str(exc.filename)))

    for top, dirs, names in os.walk(root, onerror=unreadable, followlinks=True):
        try:
            st = Path(top).stat()
        except OSError as exc:
            unreadable(exc)
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:
            message = "a symbolic link loop: this folder was read already"
            issues.append(_issue("symlink_loop", message, top, Severity.WARNING))
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs.sort()
        for name in names:
            path = Path(top) / name
            if not path.is_file():
                message = "a broken link or not a regular file: not read"
                issues.append(_issue("unreadable_file", message, str(path), Severity.WARNING))
            elif path.suffix.lower() in SUFFIXES:
                files.append(path)
            else:
                known = ", ".join(sorted(SUFFIXES))
                message = f"not read: {path.suffix or 'no suffix'} is not a page ({known})"
                issues.append(_issue("skipped_file", message, str(path), Severity.INFO))
    return sorted(files)


def count_documents(files: Iterable[Path]) -> int:
    """How many documents the files hold (a ``.jsonl`` line each), for a progress bar."""
    total = 0
    for f in files:
        if f.suffix.lower() != ".jsonl":
            total += 1
            continue
        try:
            with f.open("rb") as fh:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        except OSError:
            total += 1
    return total


def _read_file(path: Path, issues: list[Issue]) -> Iterator[InputDocument]:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind in ("html", "text"):
        yield InputDocument(str(path), None, kind, path=str(path))  # read by to_article
        return
    if kind == "jsonl":
        yield from _read_jsonl(path, issues)
        return
    try:  # a file named explicitly with another suffix: sniff it
        content = path.read_bytes()
    except OSError as exc:
        issues.append(_issue("unreadable_file", f"cannot read {path}: {exc}", str(path)))
        return
    kind = "html" if looks_like_html(content) else "text"
    yield InputDocument(str(path), content, kind)


def _lines(path: Path, issues: list[Issue]) -> Iterator[tuple[int, bytes]]:
    """The lines of a file, numbered, each at most ``MAX_LINE_BYTES`` (longer ones skipped)."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        issues.append(_issue("unreadable_file", f"cannot read {path}: {exc}", str(path)))
        return
    with fh:
        n = 0
        while line := fh.readline(MAX_LINE_BYTES + 1):
            n += 1
            if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                message = f"line {n} is longer than {MAX_LINE_BYTES:,} bytes: not read"
                issues.append(_issue("oversized_line", message, f"{path}:{n}"))
                continue
            yield n, line


def _read_jsonl(path: Path, issues: list[Issue]) -> Iterator[InputDocument]:
    for n, raw in _lines(path, issues):
        if not raw.strip():
            continue
        source = f"{path}:{n}"
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            issues.append(_issue("bad_jsonl", f"line {n} is not JSON: {exc}", source))
            continue
        if not isinstance(obj, dict):
            issues.append(_issue("bad_jsonl", f"line {n} is not a JSON object", source))
            continue
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        if url:
            if is_site_url(url):
                url = source = canonical_url(url)
            else:
                message = f"line {n}: url {url[:200]!r} is not a page of {SITE}: not kept"
                issues.append(_issue("bad_url", message, source, Severity.WARNING))
                url = None
        if isinstance(obj.get("html"), str):
            yield InputDocument(source, obj["html"], "html", url)
        elif isinstance(obj.get("text"), str):
            yield InputDocument(source, obj["text"], "text", url)
        else:
            issues.append(_issue("bad_jsonl", f"line {n} has neither 'html' nor 'text'", source))


_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _binary_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    return len(_NOT_TEXT.findall(sample)) / len(sample)


def load(doc: InputDocument) -> tuple[InputDocument, Issue | None]:
    """The document with its file read (a listed file), or as it is with an error issue."""
    if doc.content is not None or doc.path is None:
        return doc, None
    try:
        return dataclasses.replace(doc, content=Path(doc.path).read_bytes()), None
    except OSError as exc:
        message = f"cannot read {doc.path}: {exc}"
        return doc, Issue("read", Severity.ERROR, "unreadable_file", message, None, doc.source)


def to_article(doc: InputDocument) -> tuple[Article | None, list[Issue]]:
    """The document read into an ``Article``, or None with an error issue."""
    issues: list[Issue] = []

    def issue(severity: Severity, code: str, message: str) -> None:
        issues.append(Issue("read", severity, code, message, None, doc.source))

    doc, unreadable = load(doc)
    if unreadable is not None:
        return None, [unreadable]
    content = doc.content
    if content is None:
        issue(Severity.ERROR, "empty_page", "the page is empty")
        return None, issues
    if isinstance(content, bytes) and (doc.content_type is not None or doc.kind == "html"):
        decoded = decode_page_as(content, doc.content_type)  # a fetched page: its header first
    else:
        decoded = decode_text(content)
        if decoded.encoding not in (None, "utf-8", "utf-8-sig"):
            issue(Severity.INFO, "encoding", f"not UTF-8: read as {decoded.encoding}")
    text = decoded.text
    if decoded.replaced:
        message = f"some bytes are not {decoded.encoding}: replaced by U+FFFD"
        issue(Severity.WARNING, "undecodable_characters", message)
    if not text.strip():
        issue(Severity.ERROR, "empty_page", "the page is empty")
        return None, issues
    if _binary_share(text) > 0.02:
        issue(
            Severity.ERROR, "binary_content", "the page is not text (binary or undecodable content)"
        )
        return None, issues
    if doc.kind == "html" or looks_like_html(text):
        article, warnings = parse_article_html(text, url=doc.url)
        for w in warnings:
            issue(Severity.WARNING, "layout", w)
    else:
        article = parse_article_text(text, url=doc.url)
    return article, issues
