"""Plain text (macros/content/checks/plain_text.py): text, not a number or a list; no HTML;
no invisible control character. Line numbers follow conftest.BASE_FIELDS: title 2,
type 3, date 4, summary 5, phases 6, hubs 7, extra keys from 8.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_checks import only_problem  # the one-file project every check test writes


def test_a_number_where_text_belongs(project: Path) -> None:
    assert only_problem(project, title="2025") == [
        'case_studies/story.md:2: title: must be text, not the number 2025 — put it in quotes: title: "2025"'
    ]


def test_text_where_a_list_is_wrong_shape(project: Path) -> None:
    assert only_problem(project, summary="\n  - one\n  - two") == [
        "case_studies/story.md:5: summary: must be text, not a list"
    ]


def test_markup_in_plain_text_is_an_error(project: Path) -> None:
    assert only_problem(project, title="Fractions <b>bold</b> approach") == [
        "case_studies/story.md:2: title: contains HTML ('<b…') — write plain text; a '<' directly followed by a "
        "letter, '/', '!' or '?' counts as HTML, so add a space after '<' if you mean 'less than'"
    ]


@pytest.mark.parametrize("snippet", ["<script>", "</p>", "<!-- x -->", "<?php", "<img src=x>"])
def test_every_kind_of_markup_counts(project: Path, snippet: str) -> None:
    [found] = only_problem(project, summary=f"'A long enough summary with {snippet} inside it'")
    assert found.startswith("case_studies/story.md:5: summary: contains HTML")


def test_less_than_greater_than_and_ampersands_are_ordinary_text(project: Path) -> None:
    assert only_problem(project, summary="'Free school meals rose from <5% to >40% & \"more\" < 7 pupils'") == []


def invisible(field: str, line: int, code: str, hint: str = "retype the text without it") -> str:
    return f"case_studies/story.md:{line}: {field}: contains an invisible control character ({code}) — {hint}"


# Each value is YAML, so a double-quoted escape ("\r", "\e", "\L", "\u202E") puts the raw
# character into the field, as an editor's file (or the issue form) could.
@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"title": r'"Rethinking\rfractions"'}, [invisible("title", 2, "U+000D, carriage return")]),
        ({"title": r'"Rethinking\efractions"'}, [invisible("title", 2, "U+001B, escape")]),
        ({"title": r'"Rethinking\x1bfractions"'}, [invisible("title", 2, "U+001B, escape")]),
        ({"title": r'"Rethinking\afractions"'}, [invisible("title", 2, "U+0007, bell")]),
        ({"title": r'"Rethinking\x01fractions"'}, [invisible("title", 2, "U+0001")]),
        ({"title": r'"Rethinking\x7ffractions"'}, [invisible("title", 2, "U+007F, delete")]),
        ({"title": r'"Rethinking\u009bfractions"'}, [invisible("title", 2, "U+009B")]),
        ({"title": r'"Rethinking\Lfractions"'}, [invisible("title", 2, "U+2028, line separator")]),
        ({"title": r'"Rethinking\u2029fractions"'}, [invisible("title", 2, "U+2029, paragraph separator")]),
        ({"title": r'"Rethinking\Nfractions"'}, [invisible("title", 2, "U+0085, next line")]),
        ({"title": r'"Rethinking \u202Esnoitcarf"'}, [invisible("title", 2, "U+202E, right-to-left override")]),
        ({"title": r'"Rethinking \u2066fractions\u2069"'}, [invisible("title", 2, "U+2066, left-to-right isolate")]),
        ({"title": r'"Rethinking\tfractions"'}, [invisible("title", 2, "U+0009, tab", "use a space instead")]),
        ({"summary": r'"How one primary school used\ra Work Group to rethink fractions."'},
         [invisible("summary", 5, "U+000D, carriage return")]),
        ({"summary": r'"How one primary school used\Pa Work Group to rethink fractions."'},
         [invisible("summary", 5, "U+2029, paragraph separator")]),
        ({"summary": r'"How one primary school used \u202Aa Work Group to rethink fractions."'},
         [invisible("summary", 5, "U+202A, left-to-right embedding")]),
        ({"trust": '\n  name: "Diocese\\u202Dof Salisbury"\n  counties: [Dorset, "Wilt\\eshire"]'},
         [invisible("trust.name", 9, "U+202D, left-to-right override"),
          invisible("trust.counties.2", 10, "U+001B, escape")]),
        ({"trust": '\n  name: Diocese of Salisbury\n  counties: "Dor\\tset"'},
         [invisible("trust.counties.1", 10, "U+0009, tab", "use a space instead")]),
        ({"school": '\n  name: "Rocklands\\NSchool"\n  location: "Lich\\u2067field"\n  setting: "special\\x0cschool"'},
         [invisible("school.name", 9, "U+0085, next line"),
          invisible("school.location", 10, "U+2067, right-to-left isolate"),
          invisible("school.setting", 11, "U+000C, form feed")]),
        ({"people": '\n  - name: "Kat\\nAdams"\n    role: "Deputy\\rheadteacher"'},
         ["case_studies/story.md:9: people.1.name: must be on one line",
          invisible("people.1.role", 10, "U+000D, carriage return")]),
        ({"people": '\n  - name: "Kat\\tAdams"\n    role: "Deputy\\u2068headteacher"'},
         [invisible("people.1.name", 9, "U+0009, tab", "use a space instead"),
          invisible("people.1.role", 10, "U+2068, first strong isolate")]),
        ({"source": '\n  title: "A report\\u202C"\n  publisher: "NC\\x08ETM"\n  url: "https://www.ncetm.org.uk/a\\rb"'},
         [invisible("source.title", 9, "U+202C, pop directional formatting"),
          invisible("source.publisher", 10, "U+0008, backspace"),
          invisible("source.url", 11, "U+000D, carriage return")]),
    ],
)
def test_invisible_control_characters_in_plain_text_are_refused(
    project: Path, fields: dict[str, str], expected: list[str]
) -> None:
    assert only_problem(project, **fields) == expected


def test_a_field_with_many_control_characters_is_reported_once_by_its_first(project: Path) -> None:
    assert only_problem(project, title=r'"Re\u202Ethinking\r\e\afractions"') == [
        invisible("title", 2, "U+202E, right-to-left override")
    ]


def test_a_line_break_in_a_one_line_field_is_reported_beside_a_control_character(project: Path) -> None:
    assert only_problem(project, title=r'"Rethinking\r\nfractions"') == [
        invisible("title", 2, "U+000D, carriage return"),
        "case_studies/story.md:2: title: must be on one line",
    ]


def test_line_breaks_and_tabs_are_still_text_where_a_field_may_be_several_lines(project: Path) -> None:
    summary = "|\n  How one primary school used a Work Group\n  to rethink fractions.\n"
    assert only_problem(project, summary=summary) == []
    assert only_problem(project, summary=r'"How one primary school\tused a Work Group\nto rethink fractions."') == []
    people = '\n  - name: Kat Adams\n    role: "Deputy headteacher,\\n\\tmaths lead"'
    assert only_problem(project, people=people) == []
    assert only_problem(project, school='\n  name: A school\n  setting: "three\\tmixed-age\\nclasses"') == []


def test_ordinary_punctuation_and_symbols_are_still_plain_text(project: Path) -> None:
    title = "'From <5% to >40%: \"mastery\" & the hub''s “Work Groups” — año 2025 ✓'"
    assert only_problem(project, title=title) == []
    # Non-breaking and other spaces, zero-width joiners (emoji, Indic scripts) are not control characters.
    assert only_problem(project, title='"Rethinking\\u00a0fractions with Kat\\u200dand\\u2009the hub"') == []


def test_the_control_characters_refused_are_exactly_those_of_the_rule() -> None:
    import unicodedata

    from macros.content.checks import control_character

    bidi = {*range(0x202A, 0x202F), *range(0x2066, 0x206A)}
    for code in range(0x3000):
        char = chr(code)
        refused = (unicodedata.category(char) == "Cc" and char not in "\n\t") or code in {0x2028, 0x2029, *bidi}
        assert (control_character(char) is not None) == refused, hex(code)
    assert control_character("a\tb", allowed="\n") == "\t"  # a one-line field
    assert control_character("a\nb\tc\rd", allowed="") == "\n"  # an address
