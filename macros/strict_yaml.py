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
