"""Counts in words: ``counted(1, "document")`` → "1 document", ``counted(3, "document")``
→ "3 documents", ``counted(1.5, "month")`` → "1.5 months" (singular for exactly 1; fractions to two decimals)."""

from __future__ import annotations


def counted(n: float, singular: str, plural: str | None = None) -> str:
    """``n`` followed by ``singular`` when it is 1, else by ``plural`` (default: + "s")."""
    word = singular if n == 1 else (plural or f"{singular}s")
    number = f"{int(n):,}" if float(n).is_integer() else f"{n:,.2f}".rstrip("0")
    return f"{number} {word}"
