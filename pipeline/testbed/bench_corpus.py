"""A realistic corpus of deliberation pages for ``ccin bench``, made from the bundled sample.

``generate_store(raw_dir, n)`` keeps ``n`` article pages (the site's HTML, ``pipeline.testbed.sample``)
built on the four sample deliberations: each page takes one as its skeleton (headings,
visas, closing formulas — the boilerplate every deliberation repeats), mixes in
paragraphs and list items of the same section from the others, and varies what differs
from one deliberation to the next: its number and dates, the controller and the bodies
it names (with their acronyms), the software, the finalités, list items, durations, and
the wording (paraphrases, connectives). ``shared_sentence_share(texts)`` measures the
result: the mean share of a document's sentences found in another document, to be no
larger than the four seeds' own (``ccin bench`` prints both).
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from extractors.common.dates import MONTH_NAMES
from extractors.common.normalise import normalise
from extractors.sections import split_sections
from pipeline.build.inputs import InputDocument, to_article
from pipeline.testbed.bench_vocab import (
    ABOUT,
    BODY_HEADS,
    CONNECTIVES,
    DOMAINS,
    EXTRA_ITEMS,
    MARKERS,
    PARAPHRASES,
    PRODUCTS,
    PURPOSE_HEADS,
    PURPOSE_OBJECTS,
    ROLES,
    SYLLABLES,
    SYNONYMS,
    TOPIC_NOUNS,
)
from pipeline.testbed.sample import article_html
from scrapers.journal_de_monaco import SITE

_DATE = re.compile(rf"\b(1er|\d{{1,2}}) ({'|'.join(MONTH_NAMES)}) (\d{{4}})")
_DURATION = re.compile(r"\b(\d{1,2}) (mois|ans|jours|semaines)\b")
_QUOTE = re.compile(r"«\s*([A-ZÀ-Þ][^«»]{11,160}?)\s*»")  # a finalité, not quoted speech
_PROTECTED = re.compile(
    r"^(?:[IVX]+\.?\s|•\s*Sur\b|Sur\b|Préambule|La Commission de Contrôle des Informations "
    r"Nominatives,$|Après en avoir délibéré|Sous le bénéfice|Rappelle que :$|Le Président|"
    r"Vu la Constitution|Vu la Convention|Vu la loi|Vu l'Ordonnance|Vu l'arrêté|Vu la délibération)"
)
_OPTIONAL_VISA = re.compile(r"^Vu (?:la Convention|la loi n° (?!1\.165)|l'arrêté|la délibération)")
_SPLIT = re.compile(r"\n|(?<=[.!?;])\s+(?=[«(\"]?\s*[A-ZÀ-Þ])")

_ROLE = re.compile("|".join(re.escape(n) for n, _ in ROLES))
_ROLE_OF = dict(ROLES)
_SYNONYM = re.compile(r"\b(" + "|".join(SYNONYMS) + r")\b")
#: Sentence openers that a connective may precede ("Par ailleurs, le …").
_OPENER = re.compile(r"^(Le|La|Les|Il|Elle|Ce|Cette|Ces|Un|Une) ")


@dataclass(frozen=True)
class Template:
    title: str
    lines: tuple[str, ...]
    kinds: tuple[str, ...]  # each line's section kind
    lang: str


def load_templates(sample_dir: Path) -> list[Template]:
    out = []
    for path in sorted(sample_dir.glob("*.html")):
        article, _ = to_article(InputDocument(str(path), path.read_bytes(), "html"))
        assert article is not None, path
        text = normalise(article.title + "\n" + article.body)
        sections, _ = split_sections(text)
        lines, kinds, pos = [], [], 0
        for line in text.split("\n")[1:]:
            pos = text.index(line, pos)
            kind = next((str(s.kind) for s in sections if s.start <= pos < s.end), "other")
            lines.append(line)
            kinds.append(kind)
        lang = "en" if "No. Journal" in path.read_text(encoding="utf-8") else "fr"
        out.append(Template(text.split("\n")[0], tuple(lines), tuple(kinds), lang))
    return out


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def _acronym(name: str, rng: random.Random) -> str:
    caps = "".join(w[0] for w in re.findall(r"[A-ZÉ][\w-]+", name.replace("'", " ")))
    return (caps + rng.choice("ABCDEFGHMNPRST"))[:5].upper()


def _cast(rng: random.Random) -> dict[str, str]:
    cast: dict[str, str] = {}
    for i in range(1, 5):
        name = f"{rng.choice(BODY_HEADS)} {rng.choice(DOMAINS)}"
        if rng.random() < 0.3:
            name = f"{rng.choice(('Société', 'Fondation', 'Association'))} {_word(rng, 3)} {_word(rng, 2)}"
        cast[f"body{i}"], cast[f"acr{i}"] = name, _acronym(name, rng)
    cast["service1"] = f"Service {rng.choice(DOMAINS)}"
    cast["service2"] = f"Bureau {rng.choice(DOMAINS)}"
    cast["council"] = rng.choice(
        ("Conseil d'Administration", "Comité de Direction", "Conseil Communal")
    )
    cast["school"] = f"{rng.choice(('Lycée', 'Collège', 'École'))} {_word(rng, 3)}"
    for i in range(1, 4):
        cast[f"system{i}"] = (
            rng.choice(PRODUCTS) if rng.random() < 0.4 else _word(rng, rng.randint(2, 3))
        )
    return cast


def _purpose(rng: random.Random, cast: dict[str, str]) -> str:
    tail = rng.choice(
        ("", f" de la {cast['acr1']}", f" au sein du {cast['service1']}", f" via {cast['system1']}")
    )
    return f"{rng.choice(PURPOSE_HEADS)} {rng.choice(PURPOSE_OBJECTS)}{tail}"


def _date(rng: random.Random, year: int) -> str:
    d = date(year, 1, 1) + timedelta(days=rng.randrange(365))
    return f"{'1er' if d.day == 1 else d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def _items(line: str, rng: random.Random, topic: str) -> str:
    """A list item "label : a, b, c ;" with its elements varied (prose after the label reworded)."""
    m = re.match(r"^(-\s+[^:]{2,60}:\s+)(.+?)(\s*[;.])?$", line)
    if not m:
        return _reword(line, rng, topic)
    items = [i.strip() for i in re.split(r",\s*(?![^()]*\))", m[2]) if i.strip()]
    if sum(len(i.split()) for i in items) > 7 * len(items):
        return m[1] + _reword(m[2] + (m[3] or ""), rng, topic)
    rng.shuffle(items)
    items = items[: max(1, len(items) - rng.randint(0, 1))]
    items += rng.sample(EXTRA_ITEMS, rng.randint(2, 4))
    return m[1] + ", ".join(dict.fromkeys(items)) + (m[3] or " ;")


def _inline_some_lists(
    lines: list[str], kinds: list[str], rng: random.Random
) -> list[tuple[str, str]]:
    """Some dash lists written inline after their intro ("… sont : a ; b ; c."), items shuffled."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].startswith("- ") and ":" not in lines[j][:60]:
            j += 1
        if j - i >= 2:
            items = [re.sub(r"\s*[;.,]$", "", ln[2:]) for ln in lines[i:j]]
            rng.shuffle(items)
            items = items[: max(2, len(items) - rng.randint(0, 2))]
            intro = out[-1][0] if out else ""
            if intro.endswith(":") and not _PROTECTED.match(intro) and rng.random() < 0.3:
                out.pop()
                inline = " ; ".join(it[:1].lower() + it[1:] for it in items)
                out.append((f"{intro} {inline}.", kinds[i]))
            else:
                out += [
                    (f"- {it} ;" if n < len(items) - 1 else f"- {it}.", kinds[i])
                    for n, it in enumerate(items)
                ]
            i = j
            continue
        out.append((lines[i], kinds[i]))
        i += 1
    return out


def _vary(
    line: str,
    rng: random.Random,
    names: dict[str, str],
    year: int,
    quotes: dict[str, str],
    reword: bool = True,
) -> str:
    """The line with this page's names, finalités, dates, durations, items and wording."""
    line = _ROLE.sub(lambda m: names[_ROLE_OF[m[0]]], line)

    def purpose(m: re.Match[str]) -> str:
        if m[1] not in quotes:  # the first finalité met is the page's own
            quotes[m[1]] = _purpose(rng, names) if quotes else names["purpose"]
        return f"« {quotes[m[1]]} »"

    line = _QUOTE.sub(purpose, line)
    if _PROTECTED.match(line) or not reword:
        return line
    line = _DATE.sub(
        lambda m: m[0] if re.search(r"n° [\d.-]+ du $", line[: m.start()]) else _date(rng, year),
        line,
    )
    line = _DURATION.sub(lambda m: f"{rng.randint(1, 36)} {m[2]}", line)
    for phrase, options in PARAPHRASES:
        if phrase in line and rng.random() < 0.7:
            line = line.replace(phrase, rng.choice(options), 1)
    if line.startswith("- ") and ":" in line[:60]:
        return _items(line, rng, names["topic"])
    topic = names["topic"]
    if line.endswith(":"):
        line = " ".join(
            _reword(s, rng, topic) for s in re.split(r"(?<=[.!?]) (?=[A-ZÀ-Þ«])", line[:-1])
        )
        return f"{line.rstrip()} {rng.choice(ABOUT)} {topic} :"
    if " : " in line and " ; " in line:  # an inline list: each item reworded
        head, _, items = line.partition(" : ")
        head = " ".join(_reword(s, rng) for s in re.split(r"(?<=[.!?]) (?=[A-ZÀ-Þ«])", head))
        return head + " : " + " ; ".join(_reword(it, rng, topic) for it in items.split(" ; "))
    return " ".join(_reword(s, rng, topic) for s in re.split(r"(?<=[.!?]) (?=[A-ZÀ-Þ«])", line))


def _reword(sentence: str, rng: random.Random, topic: str = "") -> str:
    """Synonyms, a connective, an incise, what it is about: as one drafter differs from another."""
    sentence = _SYNONYM.sub(
        lambda m: rng.choice(SYNONYMS[m[1]]) if rng.random() < 0.5 else m[1], sentence
    )
    commas = [m.start() for m in re.finditer(", ", sentence)]
    if commas and rng.random() < 0.5:
        at = rng.choice(commas)
        sentence = f"{sentence[:at]}, {rng.choice(MARKERS)}{sentence[at:]}"
    if _OPENER.match(sentence) and rng.random() < 0.5:
        sentence = f"{rng.choice(CONNECTIVES)}, {sentence[0].lower()}{sentence[1:]}"
    if topic and rng.random() < 0.99:
        end = len(sentence.rstrip(" ;.:"))
        sentence = f"{sentence[:end]}, {rng.choice(ABOUT)} {topic}{sentence[end:]}"
    return sentence


@dataclass(frozen=True)
class Page:
    name: str
    html: str
    text: str  # the body as generated (for the sentence share)
    url: str = ""  # where the site would publish it


def page(templates: list[Template], i: int, seed: int = 0) -> Page:
    """The i-th page of the bench corpus (deterministic)."""
    rng = random.Random(f"{seed}:{i}")
    t = rng.choice(templates)
    year = 2009 + i % 16
    seq = i // 16 + 1
    names = _cast(rng)
    names["purpose"] = _purpose(rng, names)
    names["topic"] = (
        f"de {rng.choice(('la', 'cette', 'toute'))} {rng.choice(TOPIC_NOUNS)} {rng.choice(PURPOSE_OBJECTS)}"
    )
    quotes: dict[str, str] = {}
    body: list[str] = []
    lines = _inline_some_lists(list(t.lines), list(t.kinds), rng)
    for line, kind in lines:
        if _OPTIONAL_VISA.match(line) and rng.random() < 0.6:
            continue  # not every deliberation cites the conventions or sector laws
        if line.startswith("• Sur") and rng.random() < 0.5:
            continue  # nor has sub-headings
        if kind not in ("visas", "decision") and not _PROTECTED.match(line) and rng.random() < 0.25:
            pool = [
                ln
                for o in templates
                for ln, k in zip(o.lines, o.kinds, strict=True)
                if k == kind and not _PROTECTED.match(ln)
            ]
            if pool and rng.random() < 0.5:
                line = rng.choice(pool)  # a paragraph of another deliberation instead
            elif line.startswith("- ") and rng.random() < 0.5:
                continue  # a list item dropped
        body.append(_vary(line, rng, names, year, quotes))
    adopted = _date(rng, year)
    title = re.sub(r"n° \d{4}-\d+ du \S+ \S+ \d{4}", f"n° {year}-{seq} du {adopted}", t.title)
    title = _vary(title, rng, names, year, quotes, reword=False)
    journal = 7000 + i
    published = date(year, 1, 1) + timedelta(days=rng.randrange(330, 364))
    meta = (str(journal), published.strftime("%d/%m/%Y"), "100%", "")
    html = article_html(title, body, meta, t.lang)
    url = f"{SITE}/Journaux/{published.year}/Journal-{journal}/Deliberation-n-{year}-{seq}"
    return Page(f"deliberation-{year}-{seq}.html", html, title + "\n" + "\n".join(body), url)


def sentences(text: str) -> set[bytes]:
    """The document's sentences (3 words or more, case and list marks aside), hashed."""
    out = set()
    for s in _SPLIT.split(normalise(text)):
        key = re.sub(r"\s+", " ", s.strip(" -•–>;.:,")).lower()
        if len(key.split()) >= 3:
            out.add(hashlib.blake2b(key.encode(), digest_size=8).digest())
    return out


def shared_sentence_share(texts: Iterable[str]) -> float:
    """Mean share of a document's sentences that occur in at least one other document."""
    docs = [sentences(t) for t in texts]
    counts = Counter(h for d in docs for h in d)
    shares = [sum(counts[h] > 1 for h in d) / len(d) for d in docs if d]
    return sum(shares) / len(shares) if shares else 0.0


def generate_store(raw_dir: Path, n: int, sample_dir: Path, seed: int = 0) -> list[str]:
    """Keep ``n`` pages in a raw-page store at ``raw_dir``, as ``ccin refresh`` keeps what it
    fetches (one object and one index record per article page); return their texts."""
    from pipeline.store import FetchRecord, RawStore

    templates = load_templates(sample_dir)
    store = RawStore(raw_dir)
    texts = []
    for i in range(n):
        p = page(templates, i, seed)
        body = p.html.encode("utf-8")
        sha = store.put(body)
        store.append(
            FetchRecord(
                url=p.url,
                kind="article",
                fetched_at="2026-01-01T00:00:00+00:00",
                status=200,
                sha256=sha,
                size=len(body),
                content_type="text/html; charset=utf-8",
                run_id="bench",
            )
        )
        texts.append(p.text)
    return texts
