"""What a case study is and when: its file name (the slug), title, type, draft,
date and summary (contract §1)."""

from __future__ import annotations

import datetime as dt
import re

from macros.content.strict_yaml import YamlMap

from .checker import Checker
from .ids import unknown_id_message
from .plain_text import text
from .primitives import date, describe, slugify

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# case-studies/index.md is the finder, case-studies/compare/ the comparison (macros/site/compare.py);
# case-studies/images/ holds the pictures.
RESERVED_SLUGS = {"index", "images", "compare", "search"}  # case-studies/search/ holds the search index
QUESTION_TYPE = "find-out-in-five"


def check_slug(slug: str) -> str | None:
    """Why a file name cannot be a slug, or None."""
    if slug in RESERVED_SLUGS:
        return f"'{slug}' is reserved for the site's own pages — choose another file name"
    if SLUG_PATTERN.match(slug):
        return None
    suggestion = slugify(slug) or "my-case-study"
    return (
        f"'{slug}' is not a valid file name for a case study — use lower-case letters, digits and "
        f"single hyphens, such as '{suggestion}.md'"
    )


def slug(checker: Checker) -> None:
    if reason := check_slug(checker.file.slug):
        checker.add(1, "slug", reason)


def title(checker: Checker, fm: YamlMap) -> str | None:
    return text(checker, fm, "title", required=True, lengths=(5, 120), one_line=True)


def type_id(checker: Checker, fm: YamlMap) -> str | None:
    value = fm.get("type")
    vocabulary = checker.vocabularies.types
    if value is None:
        if "type" in fm:
            checker.add(fm.line_of("type"), "type", f"is empty — use one of: {', '.join(vocabulary.ids)}")
        else:
            checker.add(1, "type", f"is required — add 'type: …', one of: {', '.join(vocabulary.ids)}")
        return None
    if not isinstance(value, str):
        checker.add(fm.line_of("type"), "type", f"must be one type id, not {describe(value)}")
        return None
    if value not in vocabulary:
        checker.add(fm.line_of("type"), "type", unknown_id_message(value, vocabulary))
        return None
    return value


def draft(checker: Checker, fm: YamlMap) -> bool:
    value = fm.get("draft", False)
    if value is None or isinstance(value, bool):
        return bool(value)
    checker.add(fm.line_of("draft"), "draft", f"must be true or false, not {describe(value)}")
    return True  # unknown intent: never treat it as published


def publication_date(checker: Checker, fm: YamlMap, *, draft: bool) -> dt.date | None:
    """The required date; a day after today only for a draft, which is never published."""
    published = date(checker, fm, "date", "date", required=True)
    if published is not None and published > checker.today and not draft:
        checker.add(
            fm.line_of("date"), "date",
            f"{published.isoformat()} is in the future — use the publication date (today or earlier), "
            f"or add 'draft: true' until it is published",
        )
    return published


def summary(checker: Checker, fm: YamlMap) -> str | None:
    return text(checker, fm, "summary", required=True, lengths=(20, 300))
