"""Keys and shapes every field shares (macros/content/checks/primitives.py): unknown keys,
keys written twice, a nested mapping that is not one. Extra keys start on line 8.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import case_study_text, problems, write
from test_checks import only_problem  # the one-file project every check test writes


def test_unknown_top_level_keys_suggest_the_right_one(project: Path) -> None:
    assert only_problem(project, hub="jurassic", tags="[fractions]") == [
        "case_studies/story.md:8: hub: unknown key 'hub' — did you mean 'hubs'?",
        "case_studies/story.md:9: tags: unknown key 'tags' — allowed keys are title, type, date, summary, "
        "phases, hubs, partnership_models, programmes, trust, school, people, source, draft",
    ]


def test_duplicate_keys_are_an_error_never_an_overwrite(project: Path) -> None:
    write(project, "story.md", case_study_text().replace("hubs: [jurassic]\n", "hubs: [jurassic]\nhubs: [mobius]\n"))
    assert problems(project) == [
        "case_studies/story.md:8: hubs: appears twice (first on line 7) — keep one of them"
    ]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"title": "One title\ntitle: Another title"}, "case_studies/story.md:3: title: appears twice (first on line 2)"),
        ({"trust": "\n  name: A trust\n  schools: 3\n  name: B trust"}, "case_studies/story.md:11: trust.name: appears twice (first on line 9)"),
        (
            {"people": "\n  - name: Ann Smith\n  - name: Bo Jones\n    role: Head\n    name: Cy Lee"},
            "case_studies/story.md:12: people.2.name: appears twice (first on line 10)",
        ),
        # A key that would break 'path:line: field: message' is named in the message, in its parent's field.
        ({"trust": "\n  name: A trust\n  'a: b': 1\n  'a: b': 2"}, "case_studies/story.md:11: trust: key 'a: b' appears twice"),
        ({"'': 1\n''": "2"}, "case_studies/story.md:9: front matter: key '' appears twice (first on line 8)"),
    ],
)
def test_a_key_written_twice_is_an_error_in_its_own_field_at_its_second_line(
    project: Path, fields: dict[str, str], expected: str
) -> None:
    found = only_problem(project, **fields)
    assert len(found) == 1 and found[0].startswith(expected), found
    assert found[0].endswith(" — keep one of them")


def test_nested_shapes(project: Path) -> None:
    assert only_problem(project, trust="Diocese of Salisbury Academy Trust") == [
        "case_studies/story.md:8: trust: must be 'key: value' lines indented under 'trust:' (such as '  name: …'), "
        "not 'Diocese of Salisbury Academy Trust'"
    ]


# --- the words of a message (macros/content/checks/primitives.py) ------------------------------------


def test_a_value_is_described_in_an_editors_words() -> None:
    import datetime as dt

    from macros.content.checks import describe
    from macros.content.strict_yaml import YamlList, YamlMap

    assert describe(None) == "empty"
    assert describe(True) == "'true' (true/false)"
    assert describe(7) == "the number 7"
    assert describe(dt.date(2025, 3, 14)) == "the date 2025-03-14"
    assert describe(YamlList([])) == "a list"
    assert describe(YamlMap()) == "a set of 'key: value' lines"
    assert describe("yes") == "'yes'"


def test_a_key_that_would_break_the_problem_line_is_reported_in_its_parents_field() -> None:
    from macros.content.checks import key_field

    assert key_field("trust.", "nmae") == "trust.nmae"
    assert key_field("trust.", "a: b") == "trust"
    assert key_field("", " padded") == "front matter"
    assert key_field("people.1.", "") == "people.1"
