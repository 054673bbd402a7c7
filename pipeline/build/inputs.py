"""What ``ccin extract`` reads: pages, text renderings, JSON Lines, directories.

``iter_sources(paths)`` yields one ``InputDocument`` per page found (HTML ``.html``/
``.htm``, text renderings ``.txt``, one document per line of ``.jsonl`` files with
``url`` and ``html`` or ``text``; directories are read recursively, in name order).
``to_article(doc)`` reads a document into an ``Article`` (pure; problems as issues).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from models.enums import Severity
from models.records import Article, Issue
from scrapers.journal_de_monaco import (
    canonical_url,
    decode_html,
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


def iter_sources(paths: Iterable[Path], issues: list[Issue]) -> Iterator[InputDocument]:
    """Every document under ``paths``; unreadable lines and files go to ``issues``."""
    for path in paths:
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
            for file in files:
                yield from _read_file(file, issues)
        elif path.is_file():
            yield from _read_file(path, issues)
        else:
            raise SourceError(f"no such file or directory: {path}")


def list_files(paths: Iterable[Path]) -> list[Path]:
    """The files ``iter_sources`` would read (to size a progress bar)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            )
        elif path.is_file():
            out.append(path)
        else:
            raise SourceError(f"no such file or directory: {path}")
    return out


def _read_file(path: Path, issues: list[Issue]) -> Iterator[InputDocument]:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind in ("html", "text"):
        yield InputDocument(str(path), None, kind, path=str(path))  # read by to_article
        return
    try:
        content = path.read_bytes()
    except OSError as exc:
        issues.append(
            Issue(
                "read",
                Severity.ERROR,
                "unreadable_file",
                f"cannot read {path}: {exc}",
                None,
                str(path),
            )
        )
        return
    if kind == "jsonl":
        yield from _read_jsonl(path, content, issues)
        return
    if kind is None:  # a file named explicitly with another suffix: sniff it
        kind = "html" if looks_like_html(content) else "text"
    yield InputDocument(str(path), content, kind)


def _read_jsonl(path: Path, content: bytes, issues: list[Issue]) -> Iterator[InputDocument]:
    for n, line in enumerate(content.decode("utf-8", "replace").splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            issues.append(
                Issue(
                    "read",
                    Severity.ERROR,
                    "bad_jsonl",
                    f"line {n} is not JSON: {exc}",
                    None,
                    source,
                )
            )
            continue
        if not isinstance(obj, dict):
            issues.append(
                Issue(
                    "read",
                    Severity.ERROR,
                    "bad_jsonl",
                    f"line {n} is not a JSON object",
                    None,
                    source,
                )
            )
            continue
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        if url:
            url = canonical_url(url)
            source = url
        if isinstance(obj.get("html"), str):
            yield InputDocument(source, obj["html"], "html", url)
        elif isinstance(obj.get("text"), str):
            yield InputDocument(source, obj["text"], "text", url)
        else:
            issues.append(
                Issue(
                    "read",
                    Severity.ERROR,
                    "bad_jsonl",
                    f"line {n} has neither 'html' nor 'text'",
                    None,
                    source,
                )
            )


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
    if isinstance(content, bytes) and doc.content_type is not None:
        from pipeline.fetch.client import decode_body  # a fetched page: its header's charset first

        text = decode_body(content, doc.content_type)
    elif isinstance(content, bytes):
        text = decode_html(content) if doc.kind == "html" else content.decode("utf-8", "replace")
    else:
        text = content
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
