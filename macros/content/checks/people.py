"""The people a case study names (contract §1: ``people``, each ``name`` and ``role``)."""

from __future__ import annotations

from macros.content.model import Person
from macros.content.strict_yaml import YamlList, YamlMap

from .checker import Checker
from .plain_text import text
from .primitives import describe, unknown_keys

PERSON_FIELDS = ("name", "role")


def people(checker: Checker, fm: YamlMap) -> tuple[Person, ...]:
    value = fm.get("people")
    if value is None:
        return ()
    entries = YamlList([value]) if isinstance(value, YamlMap) else value
    if not isinstance(entries, YamlList):
        checker.add(fm.line_of("people"), "people", f"must be a list of people, each '- name: …' with an optional 'role: …', not {describe(value)}")
        return ()
    lines = getattr(entries, "item_lines", None) or [fm.line_of("people")] * len(entries)
    found = []
    for position, (entry, line) in enumerate(zip(entries, lines), start=1):
        field = f"people.{position}"  # numbered from one, as an editor counts
        if not isinstance(entry, YamlMap):
            checker.add(line, field, f"must be '- name: …' with an optional 'role: …', not {describe(entry)}")
            continue
        unknown_keys(checker, entry, PERSON_FIELDS, f"{field}.")
        name = text(checker, entry, "name", f"{field}.name", required=True, one_line=True, missing_line=line)
        role = text(checker, entry, "role", f"{field}.role")
        if name:
            found.append(Person(name=name, role=role))
    return tuple(found)
