"""How counts read in English, wherever the casebook says one: a page, a report, a problem."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``plural(1, "file")`` is "1 file"; ``plural(1200, "case study", "case studies")`` is "1,200 case studies"."""
    return f"{count:,} {singular if count == 1 else (plural_form or singular + 's')}"
