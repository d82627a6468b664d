"""Plain text (contract §5 "Plain text"): a text field is text, within its length,
on one line where it must be, with no invisible control character and no HTML."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from macros.content.strict_yaml import YamlList, YamlMap

from .checker import Checker
from .primitives import describe

_MARKUP = re.compile(r"<[A-Za-z/!?]")

# What plain text may not hold (contract §5 "Plain text"): every character of Unicode
# category Cc (U+0000–U+001F, U+007F–U+009F) but "\n" and "\t", the line and paragraph
# separators U+2028 and U+2029, and the bidirectional controls U+202A–U+202E and
# U+2066–U+2069, which make text read differently from what it is. U+0085 is Cc.
# A field that must be one line refuses "\t" too ("\n" has its own message there).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Names for people of the control characters Unicode gives no name (unicodedata.name is None).
_CONTROL_NAMES = {
    "\x00": "null", "\x07": "bell", "\x08": "backspace", "\t": "tab", "\n": "line feed",
    "\x0b": "vertical tab", "\x0c": "form feed", "\r": "carriage return", "\x1b": "escape",
    "\x7f": "delete", "\x85": "next line",
}


def control_character(text: str, *, allowed: str = "\n\t") -> str | None:
    """The first invisible control character in ``text`` other than those ``allowed``
    (plain text allows line feeds and tabs; see ``_CONTROL``), or None."""
    for match in _CONTROL.finditer(text):
        if match.group() not in allowed:
            return match.group()
    return None


def control_character_message(char: str) -> str:
    """ "contains an invisible control character (U+000D, carriage return) — …", naming it."""
    name = unicodedata.name(char, None)
    label = name.lower() if name else _CONTROL_NAMES.get(char)
    code = f"U+{ord(char):04X}, {label}" if label else f"U+{ord(char):04X}"
    hint = "use a space instead" if char == "\t" else "retype the text without it"
    return f"contains an invisible control character ({code}) — {hint}"


def text(
    checker: Checker,
    mapping: YamlMap,
    key: str,
    field: str | None = None,
    *,
    required: bool = False,
    lengths: tuple[int, int] | None = None,
    one_line: bool = False,
    missing_line: int = 1,
) -> str | None:
    """A plain-text field: present (when required), text, within length, no markup."""
    field = field or key
    value = mapping.get(key)
    line = mapping.line_of(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required and key not in mapping:
            hint = f" ({lengths[0]} to {lengths[1]} characters)" if lengths else ""
            checker.add(missing_line, field, f"is required — add '{key}: …'{hint}")
        elif required:
            checker.add(line, field, "is empty — write the text after the colon")
        return None
    return plain_text(checker, value, line, field, key=key, lengths=lengths, one_line=one_line)


def plain_text(
    checker: Checker,
    value: Any,
    line: int,
    field: str,
    *,
    key: str,
    lengths: tuple[int, int] | None = None,
    one_line: bool = False,
) -> str | None:
    """One value that must be plain text; every rule it breaks is reported, not just the first."""
    if not isinstance(value, str):
        quoted = f' — put it in quotes: {key}: "{value}"' if isinstance(value, (int, float, bool, dt.date)) else ""
        checker.add(line, field, f"must be text, not {describe(value)}{quoted}")
        return None
    value = value.strip()
    ok = True
    if one_line and "\n" in value:
        checker.add(line, field, "must be on one line")
        ok = False
    if char := control_character(value, allowed="\n" if one_line else "\n\t"):
        checker.add(line, field, control_character_message(char))
        ok = False
    if lengths and not lengths[0] <= len(value) <= lengths[1]:
        length = f"{len(value)} character" + ("" if len(value) == 1 else "s")
        checker.add(line, field, f"is {length} long; it must be {lengths[0]} to {lengths[1]} characters")
        ok = False
    if match := _MARKUP.search(value):
        checker.add(
            line, field,
            f"contains HTML ('{match.group()}…') — write plain text; a '<' directly followed by a letter, "
            f"'/', '!' or '?' counts as HTML, so add a space after '<' if you mean 'less than'",
        )
        ok = False
    return value if ok else None


def text_list(checker: Checker, mapping: YamlMap, key: str, field: str) -> tuple[str, ...]:
    """A list of one-line names (trust.counties); a bare string is a list of one."""
    value = mapping.get(key)
    if value is None:
        return ()
    items = YamlList([value]) if isinstance(value, str) else value
    if not isinstance(items, YamlList):
        checker.add(mapping.line_of(key), field, f"must be a list of names, not {describe(value)}")
        return ()
    result = []
    for position, item in enumerate(items, start=1):
        found = plain_text(checker, item, mapping.line_of(key), f"{field}.{position}", key=key, one_line=True)
        if found:
            result.append(found)
    return tuple(result)
