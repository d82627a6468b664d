"""Shapes every field is made of: how a value is described to an editor, keys that
are not in the model, nested mappings, whole numbers and dates."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from macros.content.dates import DateError, parse_date
from macros.content.strict_yaml import InvalidDate, YamlList, YamlMap

from .checker import Checker

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def describe(value: Any) -> str:
    """A value's kind in an editor's words, for "must be X, not Y"."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, YamlList):
        return "a list"
    if isinstance(value, YamlMap):
        return "a set of 'key: value' lines"
    return f"'{value}'"


def key_field(prefix: str, key: Any) -> str:
    """The field of a problem with a key: the key as written (``trust.nmae``), unless
    it is empty or holds what would break ``path:line: field: message``; then its parent."""
    text = str(key)
    if text and text == text.strip() and not any(c in text for c in ":\n\r\t") and text.isprintable():
        return f"{prefix}{text}"
    return prefix.rstrip(".") or "front matter"


def unknown_key_message(key: Any, allowed: tuple[str, ...]) -> str:
    message = f"unknown key {str(key)!r}"
    close = difflib.get_close_matches(str(key).lower(), allowed, n=1, cutoff=0.6)
    if close:
        return f"{message} — did you mean '{close[0]}'?"
    return f"{message} — allowed keys are {', '.join(allowed)}"


def unknown_keys(checker: Checker, mapping: YamlMap, allowed: tuple[str, ...], prefix: str) -> None:
    for key in mapping:
        if key not in allowed:
            checker.add(mapping.line_of(key), key_field(prefix, key), unknown_key_message(key, allowed))


def nested_mapping(checker: Checker, parent: YamlMap, key: str, allowed: tuple[str, ...]) -> YamlMap | None:
    """The 'key: value' lines under ``key`` (trust, school, source), their unknown keys reported."""
    value = parent.get(key)
    if value is None:
        return None
    if not isinstance(value, YamlMap):
        checker.add(
            parent.line_of(key), key,
            f"must be 'key: value' lines indented under '{key}:' (such as '  {allowed[0]}: …'), not {describe(value)}",
        )
        return None
    unknown_keys(checker, value, allowed, f"{key}.")
    return value


def whole_number(checker: Checker, mapping: YamlMap, key: str, field: str) -> int | None:
    value = mapping.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    hint = " — remove the quotes" if isinstance(value, str) and value.strip().isdigit() else ""
    checker.add(mapping.line_of(key), field, f"must be a whole number of at least 1, not {describe(value)}{hint}")
    return None


def date(checker: Checker, mapping: YamlMap, key: str, field: str, *, required: bool = False) -> dt.date | None:
    """A full date (the case study's, or its source's when it gives a day)."""
    value = mapping.get(key)
    line = mapping.line_of(key)
    if value is None:
        if required:
            where = line if key in mapping else 1
            checker.add(where, field, f"is required — add '{key}: YYYY-MM-DD', the date it was published")
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            value = InvalidDate(value.strip())
    if isinstance(value, InvalidDate):
        checker.add(line, field, f"'{value}' is not a real date — check the month and day")
        return None
    # A date written the way people write them (14/03/2025, 14 March 2025): show it in ISO.
    try:
        meant = parse_date(value) if isinstance(value, str) else None
    except DateError:
        meant = None
    if meant is not None:
        checker.add(line, field, f"must be written YYYY-MM-DD, not {describe(value)} — write {key}: {meant.isoformat()}")
    else:
        checker.add(line, field, f"must be a date written YYYY-MM-DD (e.g. 2025-11-28), not {describe(value)}")
    return None
