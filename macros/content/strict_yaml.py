"""A strict, safe YAML reader for front matter and vocabularies.

Values are read as an editor means them, not as YAML 1.1 guesses: only
``true``/``false`` are booleans (``No``, ``Yes``, ``On``, ``Off`` stay text),
plain decimal numbers are numbers, ``YYYY-MM-DD`` is a date. A key given twice
in one mapping, anchors and aliases (the way into "billion laughs" expansion),
tags and very deep nesting are errors, never silent behaviour.

Mappings and lists come back as :class:`YamlMap` and :class:`YamlList`, which
remember the file line of every key and item so that checks can point at them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

try:  # libyaml's event parser is ~5x faster; the composer stays in Python
    from yaml._yaml import CParser as _Parser

    _C_PARSER = True
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser as _Parser  # type: ignore[assignment]
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    _C_PARSER = False

MAX_DEPTH = 20

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
DATE = "tag:yaml.org,2002:timestamp"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"


class YamlMap(dict):  # type: ignore[type-arg]
    """A mapping that knows the file line of each of its keys."""

    line: int
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class YamlList(list):  # type: ignore[type-arg]
    """A list that knows the file line of each of its items."""

    line: int
    item_lines: list[int]


@dataclass(frozen=True)
class InvalidDate:
    """Text shaped like a date that is not one (``2025-02-30``): the checker reports it."""

    text: str

    def __str__(self) -> str:
        return self.text


class YamlProblem(Exception):
    """Why YAML is refused, at a file line. ``message`` stands on its own. A problem
    with one key (written twice) also has ``field``, the key's dotted path as written
    (``trust.name``, ``people.1.name``; its parent when the key would not print
    safely), and ``field_message``, the message to show in that field."""

    def __init__(self, line: int, message: str, field: str | None = None, field_message: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.field = field
        self.field_message = field_message or message


class _Resolver(BaseResolver):
    """YAML 1.2 core-schema scalars, minus everything that surprises editors."""


_Resolver.yaml_implicit_resolvers = {}
_Resolver.add_implicit_resolver(BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Resolver.add_implicit_resolver(NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Resolver.add_implicit_resolver(INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Resolver.add_implicit_resolver(
    FLOAT,
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+)$"),
    list("-+.0123456789"),
)
_Resolver.add_implicit_resolver(DATE, re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), list("0123456789"))


class _Loader(Composer, _Parser, _Resolver):
    def __init__(self, text: str) -> None:
        if _C_PARSER:
            _Parser.__init__(self, text)
        else:  # pragma: no cover
            Reader.__init__(self, text)  # type: ignore[arg-type]
            Scanner.__init__(self)  # type: ignore[arg-type]
            _Parser.__init__(self)  # type: ignore[call-arg]
        Composer.__init__(self)
        _Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        mark: Any = getattr(event, "start_mark", None)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.MarkedYAMLError(problem="ANCHOR", problem_mark=mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise yaml.MarkedYAMLError(problem="DEPTH", problem_mark=mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml(text: str, first_line: int = 1) -> Any:
    """Parse one YAML document. Lines in the result and in errors are file lines,
    ``first_line`` being the file line on which ``text`` starts."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise _problem_from_marked(error, text, first_line) from None
    except yaml.YAMLError as error:  # ReaderError: a character YAML refuses
        position = getattr(error, "position", 0) or 0
        line = first_line + text.count("\n", 0, position)
        raise YamlProblem(line, _reader_message(error)) from None
    finally:
        loader.dispose()
    if node is None:
        return None
    return _Builder(first_line).build(node)


class _Builder:
    def __init__(self, first_line: int) -> None:
        self.first_line = first_line

    def line(self, node: Node) -> int:
        return self.first_line + node.start_mark.line

    def build(self, node: Node, path: tuple[Any, ...] = ()) -> Any:
        """``path`` is the keys (and 1-based item numbers) leading to ``node``."""
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if isinstance(node, SequenceNode):
            self.refuse_tag(node, SEQ)
            items = YamlList(self.build(item, (*path, number)) for number, item in enumerate(node.value, start=1))
            items.line = self.line(node)
            items.item_lines = [self.line(item) for item in node.value]
            return items
        assert isinstance(node, MappingNode)
        self.refuse_tag(node, MAP)
        mapping = YamlMap()
        mapping.line = self.line(node)
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem(self.line(key_node), "a key must be a plain word, not a list or mapping")
            key = self.scalar(key_node)
            if key in mapping.key_lines:
                raise _written_twice(self.line(key_node), mapping.key_lines[key], (*path, key))
            mapping.key_lines[key] = self.line(key_node)
            mapping[key] = self.build(value_node, (*path, key))
        return mapping

    def refuse_tag(self, node: Node, expected: str) -> None:
        if node.tag != expected:
            raise YamlProblem(self.line(node), f"YAML tags such as '{_short_tag(node.tag)}' are not allowed — remove it")

    def scalar(self, node: ScalarNode) -> Any:
        value: str = node.value
        tag = node.tag
        try:
            if tag == STR:
                return value
            if tag == NULL:
                return None
            if tag == BOOL:
                return value.lower() == "true"
            if tag == INT:
                return int(value)
            if tag == FLOAT:
                return float(value)
            if tag == DATE:
                try:
                    return dt.date.fromisoformat(value)
                except ValueError:
                    return InvalidDate(value)
        except ValueError:
            raise YamlProblem(self.line(node), f"'{value}' is not a valid {_short_tag(tag)[2:]}") from None
        raise YamlProblem(self.line(node), f"YAML tags such as '{_short_tag(tag)}' are not allowed — remove it")


def _written_twice(line: int, first: int, path: tuple[Any, ...]) -> YamlProblem:
    """Contract §5: an error in the key's own field, at its second line."""
    again = f"appears twice (first on line {first}) — keep one of them"
    message = f"key '{path[-1]}' {again}"
    named = _printable_prefix(path)
    if len(named) == len(path):
        return YamlProblem(line, message, ".".join(named), again)
    return YamlProblem(line, message, ".".join(named) or None)


def _printable_prefix(path: tuple[Any, ...]) -> list[str]:
    """The leading keys of ``path`` that print safely in ``path:line: field: message``
    (the rule of checks.key_field, which imports this module)."""
    named = []
    for key in path:
        text = str(key)
        if not text or text != text.strip() or any(c in text for c in ":\n\r\t") or not text.isprintable():
            break
        named.append(text)
    return named


def _short_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


# PyYAML's (and libyaml's) own words are for programmers; these say what to do.
_FRIENDLY = (
    ("mapping values are not allowed", "a value contains ': ' or a line is indented too far — put the value in quotes or line the key up"),
    ("could not find expected ':'", "a line is not 'key: value' — check for a missing ':' or an unclosed quote"),
    ("did not find expected key", "the indentation is uneven, or text follows a closing quote — line up keys at the same level"),
    ("did not find expected '-' indicator", "a list item is not lined up — start each item with '- ' at the same indent"),
    ("found unexpected end of stream", "a quote or bracket is never closed"),
    ("did not find expected ',' or ']'", "a [list] is not closed — check for a missing ']' or ','"),
    ("did not find expected ',' or '}'", "a {mapping} is not closed — check for a missing '}' or ','"),
    ("found undefined tag handle", "YAML tags are not allowed — remove the '!' before the value"),
    ("expected a single document", "the front matter holds more than one YAML document — remove the extra '---' or '...'"),
    ("found unknown escape character", "a backslash inside double quotes starts an escape — use single quotes instead"),
)


def _problem_from_marked(error: yaml.MarkedYAMLError, text: str, first_line: int) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    line = first_line + (mark.line if mark is not None else 0)
    problem = error.problem or ""
    if problem == "ANCHOR":
        return YamlProblem(line, "YAML anchors and aliases ('&name', '*name') are not allowed — write the value out")
    if problem == "DEPTH":
        return YamlProblem(line, f"the YAML is nested more than {MAX_DEPTH} levels deep — flatten it")
    if quoting := _quoting_problem(error, text, first_line):
        return quoting
    if "cannot start any token" in problem and mark is not None:
        character = _character_at(text, mark.line, mark.column)
        if character == "\t":
            return YamlProblem(line, "YAML syntax error: a tab is used for indenting — indent with spaces")
        if character:
            return YamlProblem(line, f"YAML syntax error: a value cannot start with '{character}' — put the value in quotes")
    for needle, friendly in _FRIENDLY:
        if needle in problem or needle in (error.context or ""):
            return YamlProblem(line, f"YAML syntax error: {friendly}")
    detail = " ".join(part for part in (error.context, problem) if part)
    return YamlProblem(line, f"YAML syntax error: {detail or 'the YAML cannot be read'}")


def _character_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def _reader_message(error: yaml.YAMLError) -> str:
    character = getattr(error, "character", None)
    if isinstance(character, str):
        return f"YAML cannot contain the control character U+{ord(character):04X} — delete it"
    return "YAML cannot contain a control character here — delete it"


# --- quotes and colons: the line that works -------------------------------------------------
#
# Most YAML errors an editor meets are one value on one line: a ': ' inside it, a quote that
# never closes, a " inside double quotes, an apostrophe inside single quotes. The error is
# recognised from the line itself and answered with that line rewritten the one way that always
# works for plain text: in single quotes, each ' written twice. A rewrite is only offered when it
# parses alone to the value meant and, put back in the front matter, gets YAML past the error.

_SINGLE_QUOTES = "put the whole value in single quotes, writing any ' inside it twice"
_CURLY = {'"': "”“", "'": "’‘"}  # the curly quotes a straight one may be closed with by mistake
_KEY_VALUE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$")


@dataclass(frozen=True)
class _Shape:
    """One front-matter line as far as nesting goes: the column of its content (after any
    '- '), the column of its '- ' (None when it is not a list item), its key and the rest."""

    column: int
    dash: int | None
    key: str | None
    value: str


def _shape(line: str) -> _Shape | None:
    content = line.lstrip(" ")
    if not content or content.startswith("#"):
        return None
    column = len(line) - len(content)
    dash = None
    if content == "-" or content.startswith("- "):
        dash = column
        content = content[1:].lstrip(" ")
        column = len(line) - len(content)
    match = _KEY_VALUE.match(content.rstrip())
    if match is None:
        return _Shape(column, dash, None, content.strip())
    return _Shape(column, dash, match.group(1), (match.group(2) or "").strip())


def _key_path(lines: list[str], index: int) -> list[str | int] | None:
    """The keys and 1-based item numbers leading to the key on ``lines[index]``, read from
    indentation alone (the YAML could not be read), or None when the nesting is unclear."""
    shape = _shape(lines[index])
    if shape is None or shape.key is None:
        return None
    path: list[str | int] = [shape.key]
    column, dash = shape.column, shape.dash
    while True:
        if dash is not None:  # an item of a list: count the items before it, then find the list's key
            number, j = 1, index - 1
            while j >= 0:
                above = _shape(lines[j])
                if above is not None:
                    if above.dash == dash:
                        number += 1
                    elif not ((above.dash is None and above.column > dash) or (above.dash or 0) > dash):
                        break
                j -= 1
            path.insert(0, number)
            if j < 0:
                return path if dash == 0 else None  # a list at the top (a data/ file)
            parent = _shape(lines[j])
            assert parent is not None
            if parent.key is None or parent.value or parent.column > dash:
                return None
            path.insert(0, parent.key)
            column, dash, index = parent.column, parent.dash, j
            continue
        if column == 0:
            return path
        j = index - 1
        while j >= 0:
            above = _shape(lines[j])
            if above is not None and (above.column < column or (above.column == column and above.dash is not None)):
                break
            j -= 1
        if j < 0:
            return None
        parent = _shape(lines[j])
        assert parent is not None
        if parent.column == column:  # a later key of the list item that line starts
            dash, index = parent.dash, j
            continue
        if parent.key is None or parent.value:
            return None
        path.insert(0, parent.key)
        column, dash, index = parent.column, parent.dash, j


def _closing_quote(value: str, quote: str) -> int | None:
    """Where the quote that opens ``value`` closes as the editor meant it: a quoted word
    inside (`"It's "our" story"`) opens and closes its own pair, an apostrophe between two
    letters (`It's`) and a ' written twice are text. None when it never closes."""
    depth, i = 1, 1
    while i < len(value):
        char = value[i]
        if quote == '"' and char == "\\":
            i += 2
            continue
        if char == quote:
            if quote == "'" and value[i + 1 : i + 2] == "'":
                i += 2
                continue
            before, after = value[i - 1], value[i + 1 : i + 2]
            if quote == "'" and before.isalnum() and after.isalnum():
                i += 1
                continue
            if (before.isspace() or before in "([{") and after and not after.isspace():
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return i
        i += 1
    return None


def _unescape(text: str, quote: str) -> str:
    return text.replace("''", "'") if quote == "'" else text.replace('\\"', '"')


def _meant(value: str) -> tuple[str, str] | None:
    """(why YAML cannot read ``value``, the text the editor meant), or None."""
    quote = value[:1]
    if quote not in ('"', "'"):
        if ": " in value and value[0] not in "[{":  # not a [list] or {mapping}
            return "the value holds a ': ' (colon and space), which YAML reads as a new field", value
        return None
    closing = _closing_quote(value, quote)
    if closing == len(value) - 1:
        inner = value[1:-1]
        lone = inner.replace("''", "") if quote == "'" else inner.replace('\\"', "")
        if quote not in lone:
            return None
        if quote == "'":
            return (
                "the value is in single quotes but also holds a ' (an apostrophe) inside it, which YAML reads "
                "as the end of the value",
                _unescape(inner, quote),
            )
        return (
            f"the value is in double quotes but also holds a {quote} inside it, which YAML reads as the end "
            "of the value",
            _unescape(inner, quote),
        )
    if closing is not None:
        return (
            f"YAML reads a value that starts with a {quote} as ending at the next {quote}, so the text after it "
            "cannot be read",
            value,
        )
    if len(value) > 1 and value[-1] in _CURLY[quote]:
        return (
            f"the value starts with a straight {quote} but ends with a curly {value[-1]}, which YAML does not "
            "count as a closing quote",
            _unescape(value[1:-1], quote),
        )
    return (
        f"the value starts with a {quote} that is never closed, so YAML cannot tell where it ends",
        _unescape(value[1:], quote),
    )


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _reads_as(line: str, key: str, meant: str) -> bool:
    """Whether ``line`` alone is the mapping {key: meant}."""
    loader = _Loader(line)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()
    return (
        isinstance(node, MappingNode) and len(node.value) == 1
        and isinstance(node.value[0][1], ScalarNode) and node.value[0][0].value == key
        and node.value[0][1].tag == STR and node.value[0][1].value == meant
    )


def _error_line(text: str) -> int | None:
    """The 0-based line of the YAML error in ``text``, or None when it parses."""
    loader = _Loader(text)
    try:
        loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return mark.line if mark is not None else 0
    except yaml.YAMLError as error:
        return text.count("\n", 0, getattr(error, "position", 0) or 0)
    finally:
        loader.dispose()
    return None


def _quoting_problem(error: yaml.MarkedYAMLError, text: str, first_line: int) -> YamlProblem | None:
    marks = [mark.line for mark in (error.problem_mark, error.context_mark) if mark is not None]
    if not marks:
        return None
    lines = text.split("\n")
    at = min(marks[0], len(lines) - 1)
    candidates = [at, *marks[1:]]
    # A quote left open swallows the lines after it: YAML stops somewhere below it.
    for index in range(min(at, len(lines) - 1) + 1):
        shape = _shape(lines[index])
        if shape is not None and shape.key is not None and shape.value[:1] in ('"', "'"):
            if _closing_quote(shape.value, shape.value[0]) is None:
                candidates.append(index)
                break
    for index in dict.fromkeys(candidates):
        if not 0 <= index < len(lines):
            continue
        line = lines[index]
        shape = _shape(line)
        if shape is None or shape.key is None or not shape.value:
            continue
        found = _meant(shape.value)
        if found is None:
            continue
        why, meant = found
        quoted = _single_quoted(meant)
        lead = line[: len(line) - len(line.lstrip(" -"))]
        fixed = f"{lead}{shape.key}: {quoted}"
        if not meant.strip() or not _reads_as(f"{shape.key}: {quoted}", shape.key, meant):
            continue
        repaired = _error_line("\n".join([*lines[:index], fixed, *lines[index + 1 :]]))
        if repaired is not None and repaired <= at:
            continue
        how = "write each ' inside it twice" if why.startswith("the value is in single") else _SINGLE_QUOTES
        message = f"{why} — {how}: {fixed}"
        path = _key_path(lines, index)
        named = _printable_prefix(tuple(path)) if path else []
        if path and len(named) == len(path):
            field = ".".join(named)
            # Contract §5: syntax is the field 'front matter'; the message names the key.
            return YamlProblem(first_line + index, f"{field}: {message}")
        return YamlProblem(first_line + index, f"YAML syntax error: {message}")
    return None
