"""Every rule of the content model (contract §1 and §5), each with an invalid
example whose message names the file, the line of the offending key and the field.

Line numbers follow conftest.BASE_FIELDS: title 2, type 3, date 4, summary 5,
phases 6, hubs 7, extra keys from 8.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import case_study_text, problems, write

FIVE_QUESTIONS = "".join(f"## {n}. Question {n}?\n\nAn answer.\n\n" for n in range(1, 6))


def only_problem(project: Path, **fields: str | None) -> list[str]:
    body = fields.pop("body", None) or "A short body about the work.\n"
    write(project, "story.md", case_study_text(body=body, **fields))
    return problems(project)


def test_the_base_example_is_valid(project: Path) -> None:
    assert only_problem(project) == []


# --- required fields -----------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "case_studies/story.md:1: title: is required — add 'title: …' (5 to 120 characters)"),
        ("type", "case_studies/story.md:1: type: is required — add 'type: …', one of: find-out-in-five, "
                 "trust-model, school-story, q-and-a, profile, research, perspective"),
        ("date", "case_studies/story.md:1: date: is required — add 'date: YYYY-MM-DD', the date it was published"),
        ("summary", "case_studies/story.md:1: summary: is required — add 'summary: …' (20 to 300 characters)"),
        ("phases", "case_studies/story.md:1: phases: is required — add 'phases: early-years' (one or more phase ids)"),
        ("hubs", "case_studies/story.md:1: hubs: is required — add 'hubs: jurassic' (one or more hub ids)"),
    ],
)
def test_required_fields(project: Path, field: str, expected: str) -> None:
    assert only_problem(project, **{field: None}) == [expected]


def test_every_problem_in_every_file_in_one_run(project: Path) -> None:
    write(project, "one.md", case_study_text(title="No", hubs="[jurrasic]", summary="Too short"))
    write(project, "two.md", case_study_text(type="case-study", phases="[]"))
    assert problems(project) == [
        "case_studies/one.md:2: title: is 2 characters long; it must be 5 to 120 characters",
        "case_studies/one.md:5: summary: is 9 characters long; it must be 20 to 300 characters",
        "case_studies/one.md:7: hubs: unknown hub 'jurrasic' — did you mean 'jurassic'?",
        "case_studies/two.md:3: type: unknown type 'case-study' — use one of: find-out-in-five, trust-model, "
        "school-story, q-and-a, profile, research, perspective",
        "case_studies/two.md:6: phases: is empty — list at least one phase, e.g. 'phases: early-years'",
    ]


# --- text fields -----------------------------------------------------------------


def test_title_length(project: Path) -> None:
    assert only_problem(project, title="x" * 121) == [
        "case_studies/story.md:2: title: is 121 characters long; it must be 5 to 120 characters"
    ]


def test_title_no_is_the_string_no_and_then_too_short(project: Path) -> None:
    assert only_problem(project, title="No") == [
        "case_studies/story.md:2: title: is 2 characters long; it must be 5 to 120 characters"
    ]


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

    from macros.checks import control_character

    bidi = {*range(0x202A, 0x202F), *range(0x2066, 0x206A)}
    for code in range(0x3000):
        char = chr(code)
        refused = (unicodedata.category(char) == "Cc" and char not in "\n\t") or code in {0x2028, 0x2029, *bidi}
        assert (control_character(char) is not None) == refused, hex(code)
    assert control_character("a\tb", allowed="\n") == "\t"  # a one-line field
    assert control_character("a\nb\tc\rd", allowed="") == "\n"  # an address


# --- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("28/11/2025", "must be written YYYY-MM-DD, not '28/11/2025' — write date: 2025-11-28"),
        ("2025-02-30", "'2025-02-30' is not a real date — check the month and day"),
        ("2025", "must be a date written YYYY-MM-DD (e.g. 2025-11-28), not the number 2025"),
    ],
)
def test_date_must_be_an_iso_date(project: Path, value: str, expected: str) -> None:
    assert only_problem(project, date=value) == [f"case_studies/story.md:4: date: {expected}"]


def test_quoted_iso_dates_are_dates(project: Path) -> None:
    assert only_problem(project, date='"2025-03-14"') == []


def test_future_dates_need_draft(project: Path) -> None:
    assert only_problem(project, date="2025-06-02") == [
        "case_studies/story.md:4: date: 2025-06-02 is in the future — use the publication date (today or "
        "earlier), or add 'draft: true' until it is published"
    ]


def test_a_future_draft_is_valid(project: Path) -> None:
    assert only_problem(project, date="2026-01-01", draft="true") == []


def test_draft_must_be_a_boolean(project: Path) -> None:
    assert only_problem(project, draft="yes") == [
        "case_studies/story.md:8: draft: must be true or false, not 'yes'"
    ]


# --- ids ---------------------------------------------------------------------------------


def test_unknown_id_suggests_the_closest(project: Path) -> None:
    assert only_problem(project, hubs="[jurrasic]", phases="[secondry]") == [
        "case_studies/story.md:6: phases: unknown phase 'secondry' — did you mean 'secondary'?",
        "case_studies/story.md:7: hubs: unknown hub 'jurrasic' — did you mean 'jurassic'?",
    ]


def test_unknown_id_written_as_a_name_suggests_its_id(project: Path) -> None:
    assert only_problem(project, hubs="North Mids Maths Hub") == [
        "case_studies/story.md:7: hubs: unknown hub 'North Mids Maths Hub' — did you mean 'north-mids'?"
    ]


def test_unknown_id_without_a_close_match_points_to_the_list(project: Path) -> None:
    assert only_problem(project, hubs="[atlantis]", programmes="[knitting]") == [
        "case_studies/story.md:7: hubs: unknown hub 'atlantis' — see data/hubs.yml for the ids",
        "case_studies/story.md:8: programmes: unknown programme 'knitting' — use one of: teaching-for-mastery, "
        "mastering-number, sktm, targeted-support, mastery-specialist, years-5-8-continuity, "
        "securing-foundations-year-7, multiplicative-reasoning-ks3, maths-science-coherence, l2-qualification, "
        "research-and-innovation, llme-development",
    ]


def test_a_list_of_one_may_be_a_bare_string(project: Path) -> None:
    assert only_problem(project, hubs="jurassic", phases="primary", programmes="sktm") == []


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"phases": "primary, secondary"},
         ["6: phases: write several phases as a list in square brackets: phases: [primary, secondary]"]),
        ({"phases": "primary secondary"},
         ["6: phases: write several phases as a list in square brackets: phases: [primary, secondary]"]),
        # Names and near-misses are recognised, corrected, in the order written.
        ({"phases": "Secondary, primry"},
         ["6: phases: write several phases as a list in square brackets: phases: [secondary, primary]"]),
        ({"hubs": "Jurassic Maths Hub, Mobius"},
         ["7: hubs: write several hubs as a list in square brackets: hubs: [jurassic, mobius]"]),
        ({"partnership_models": "hub-work-groups, trust-led-trust-groups"},
         ["8: partnership_models: write several partnership models as a list in square brackets: "
          "partnership_models: [hub-work-groups, trust-led-trust-groups]"]),
        # A part that is no id is named; the list still shows the ones that are.
        ({"programmes": "sktm, knitting, Mastering Number"},
         ["8: programmes: unknown programme 'knitting' — use one of: teaching-for-mastery, mastering-number, sktm, "
          "targeted-support, mastery-specialist, years-5-8-continuity, securing-foundations-year-7, "
          "multiplicative-reasoning-ks3, maths-science-coherence, l2-qualification, research-and-innovation, "
          "llme-development",
          "8: programmes: write several programmes as a list in square brackets: programmes: [sktm, mastering-number]"]),
        ({"hubs": "jurassic, atlantis"},
         ["7: hubs: unknown hub 'atlantis' — see data/hubs.yml for the ids",
          "7: hubs: write several hubs as a list in square brackets: hubs: [jurassic]"]),
        # In a list too: an item that is several ids.
        ({"phases": "\n  - early-years\n  - primary, secondary"},
         ["6: phases: write several phases as a list in square brackets: phases: [early-years, primary, secondary]"]),
        ({"hubs": "[jurassic mobius]"}, ["7: hubs: write several hubs as a list in square brackets: hubs: [jurassic, mobius]"]),
        # One name of several words stays one name; so does an id written with spaces.
        ({"hubs": "North Mids Maths Hub"}, ["7: hubs: unknown hub 'North Mids Maths Hub' — did you mean 'north-mids'?"]),
        ({"phases": "early years"}, ["6: phases: unknown phase 'early years' — did you mean 'early-years'?"]),
    ],
)
def test_several_ids_in_one_string_are_shown_as_a_list(project: Path, fields: dict[str, str], expected: list[str]) -> None:
    assert only_problem(project, **fields) == [f"case_studies/story.md:{problem}" for problem in expected]
    # The list it suggests is valid.
    for problem in expected:
        if ": write several " in problem:
            key, suggested = problem.split(" square brackets: ", 1)[1].split(": ", 1)
            assert only_problem(project, **{key: suggested}) == []


def test_a_suggestion_is_a_question_with_no_full_stop_after_it(project: Path) -> None:
    found = only_problem(project, type="school-stroy", hubs="jurrasic, mobius", phases="[secondry]", hub="x")
    assert found == [
        "case_studies/story.md:3: type: unknown type 'school-stroy' — did you mean 'school-story'?",
        "case_studies/story.md:6: phases: unknown phase 'secondry' — did you mean 'secondary'?",
        "case_studies/story.md:7: hubs: write several hubs as a list in square brackets: hubs: [jurassic, mobius]",
        "case_studies/story.md:8: hub: unknown key 'hub' — did you mean 'hubs'?",
    ]
    assert not any(problem.endswith("?.") or "?. " in problem for problem in found)


def test_id_lists_reject_duplicates(project: Path) -> None:
    assert only_problem(project, hubs="[jurassic, mobius, jurassic]") == [
        "case_studies/story.md:7: hubs: lists 'jurassic' twice — remove one"
    ]


def test_id_lists_reject_non_text_items(project: Path) -> None:
    assert only_problem(project, phases="[primary, 7]") == [
        "case_studies/story.md:6: phases: the number 7 is not a phase id — write ids such as 'early-years'"
    ]


def test_id_list_must_be_a_list(project: Path) -> None:
    assert only_problem(project, hubs="\n  name: jurassic") == [
        "case_studies/story.md:7: hubs: must be a list of hub ids, not a set of 'key: value' lines"
    ]


@pytest.mark.parametrize("type_id", ["trust-model", "find-out-in-five"])
def test_partnership_models_are_required_for_trust_models_and_find_out_in_five(project: Path, type_id: str) -> None:
    body = FIVE_QUESTIONS if type_id == "find-out-in-five" else None
    assert only_problem(project, type=type_id, body=body) == [
        f"case_studies/story.md:1: partnership_models: is required for a '{type_id}' case study — add "
        f"'partnership_models: hub-work-groups' (one or more partnership model ids)"
    ]


def test_partnership_models_are_optional_for_other_types(project: Path) -> None:
    assert only_problem(project, partnership_models="[hub-led-trust-groups]") == []
    assert only_problem(project) == []


def test_empty_partnership_models_for_a_trust_model(project: Path) -> None:
    assert only_problem(project, type="trust-model", partnership_models="[]") == [
        "case_studies/story.md:8: partnership_models: is empty — list at least one partnership model for a "
        "'trust-model' case study, e.g. 'partnership_models: hub-work-groups'"
    ]


# --- unknown keys ------------------------------------------------------------------------


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


# --- trust, school, people, source ------------------------------------------------------------


def test_trust(project: Path) -> None:
    trust = "\n  name: Diocese of Salisbury Academy Trust\n  schools: 28\n  counties: [Dorset, Wiltshire]"
    assert only_problem(project, trust=trust) == []


def test_trust_problems(project: Path) -> None:
    trust = "\n  schools: 0\n  counties: Dorset\n  website: https://example.org"
    assert only_problem(project, trust=trust) == [
        "case_studies/story.md:8: trust.name: is required — add 'name: …'",
        "case_studies/story.md:9: trust.schools: must be a whole number of at least 1, not the number 0",
        "case_studies/story.md:11: trust.website: unknown key 'website' — allowed keys are name, schools, counties",
    ]


def test_school(project: Path) -> None:
    school = (
        "\n  name: Rocklands School\n  location: Lichfield\n  age_range: 2-11\n  pupils: 140"
        "\n  fsm_percent: 46\n  setting: special school"
    )
    assert only_problem(project, school=school) == []


def test_school_problems(project: Path) -> None:
    school = '\n  name: Rocklands School\n  age_range: 11\n  pupils: "140"\n  fsm_percent: 46%\n  size: small'
    assert only_problem(project, school=school) == [
        "case_studies/story.md:10: school.age_range: must be the youngest and oldest ages, such as \"4-11\", not the number 11",
        "case_studies/story.md:11: school.pupils: must be a whole number of at least 1, not '140' — remove the quotes",
        "case_studies/story.md:12: school.fsm_percent: must be a number from 0 to 100, not '46%' — write the number without '%'",
        "case_studies/story.md:13: school.size: unknown key 'size' — allowed keys are name, location, age_range, "
        "pupils, fsm_percent, setting",
    ]


def test_fsm_percent_range(project: Path) -> None:
    assert only_problem(project, school="\n  name: A school\n  fsm_percent: 146") == [
        "case_studies/story.md:10: school.fsm_percent: must be a number from 0 to 100, not the number 146"
    ]


def test_people(project: Path) -> None:
    people = "\n  - name: Kat Adams\n    role: Deputy headteacher\n  - name: Jane Dhillon"
    assert only_problem(project, people=people) == []


def test_people_problems_are_numbered_from_one(project: Path) -> None:
    people = "\n  - name: Kat Adams\n    rol: Deputy headteacher\n  - role: Maths lead\n  - Jane Dhillon"
    assert only_problem(project, people=people) == [
        "case_studies/story.md:10: people.1.rol: unknown key 'rol' — did you mean 'role'?",
        "case_studies/story.md:11: people.2.name: is required — add 'name: …'",
        "case_studies/story.md:12: people.3: must be '- name: …' with an optional 'role: …', not 'Jane Dhillon'",
    ]


def test_source(project: Path) -> None:
    source = (
        "\n  title: Maths Hubs Programme Annual Report 2024/25\n  publisher: NCETM\n  date: 2025-10-01"
        "\n  url: https://www.ncetm.org.uk/"
    )
    assert only_problem(project, source=source) == []


def test_source_may_give_just_a_year_or_month(project: Path) -> None:
    assert only_problem(project, source="\n  title: A blog post\n  date: 2015") == []
    assert only_problem(project, source="\n  title: A blog post\n  date: 2015-03") == []


@pytest.mark.parametrize(
    ("url", "scheme"),
    [("javascript:alert(1)", "javascript"), ("data:text/html,hi", "data"), ("VBScript:x", "vbscript"),
     ("'java\tscript:alert(1)'", "javascript"), ("ftp://example.org/x", "ftp")],
)
def test_source_url_schemes(project: Path, url: str, scheme: str) -> None:
    assert only_problem(project, source=f"\n  title: A report\n  url: {url}") == [
        f"case_studies/story.md:10: source.url: links may only use https:, http: or mailto: (or a relative "
        f"path or #fragment), not '{scheme}:'"
    ]


@pytest.mark.parametrize("url", ["https://www.ncetm.org.uk/", "http://example.org", "HTTPS://EXAMPLE.ORG/x", "mailto:a@b.org",
                                 "../report.pdf", "report.pdf", "#top"])
def test_allowed_source_urls(project: Path, url: str) -> None:
    assert only_problem(project, source=f"\n  title: A report\n  url: '{url}'") == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("www.ncetm.org.uk/x", "'www.ncetm.org.uk/x' is not a full web address — start it with https://, as in "
                               "https://www.ncetm.org.uk/x"),
        ("ncetm.org.uk/x", "'ncetm.org.uk/x' is not a full web address — start it with https://, as in "
                           "https://ncetm.org.uk/x"),
        ("//www.ncetm.org.uk/x", "'//www.ncetm.org.uk/x' is not a full web address — start it with https://, as in "
                                 "https://www.ncetm.org.uk/x"),
        ("maths@ncetm.org.uk", "'maths@ncetm.org.uk' is not a full web address — start an email address with "
                               "mailto:, as in mailto:maths@ncetm.org.uk"),
        ("https:/www.ncetm.org.uk", "'https:/www.ncetm.org.uk' is not a full web address — write two slashes after "
                                    "'https:', as in https://www.ncetm.org.uk"),
    ],
)
def test_a_source_address_must_be_a_full_web_address(project: Path, url: str, expected: str) -> None:
    # (A relative path or #fragment stays allowed, as the contract's §5 "Links" says; see test_allowed_source_urls.)
    assert only_problem(project, source=f"\n  title: A report\n  url: {url}") == [
        f"case_studies/story.md:10: source.url: {expected}"
    ]
    if " as in " in expected:  # what it suggests is accepted
        assert only_problem(project, source=f"\n  title: A report\n  url: {expected.split(' as in ', 1)[1]}") == []


def test_unknown_keys_inside_source(project: Path) -> None:
    assert only_problem(project, source="\n  title: A report\n  link: https://x.org") == [
        "case_studies/story.md:10: source.link: unknown key 'link' — allowed keys are title, publisher, date, url"
    ]


def test_nested_shapes(project: Path) -> None:
    assert only_problem(project, trust="Diocese of Salisbury Academy Trust") == [
        "case_studies/story.md:8: trust: must be 'key: value' lines indented under 'trust:' (such as '  name: …'), "
        "not 'Diocese of Salisbury Academy Trust'"
    ]


# --- slugs ------------------------------------------------------------------------------------


def test_slug_form(project: Path) -> None:
    write(project, "My Story.md", case_study_text())
    write(project, "double--hyphen.md", case_study_text())
    write(project, "index.md", case_study_text())
    assert problems(project) == [
        "case_studies/My Story.md:1: slug: 'My Story' is not a valid file name for a case study — use "
        "lower-case letters, digits and single hyphens, such as 'my-story.md'",
        "case_studies/double--hyphen.md:1: slug: 'double--hyphen' is not a valid file name for a case study — "
        "use lower-case letters, digits and single hyphens, such as 'double-hyphen.md'",
        "case_studies/index.md:1: slug: 'index' is reserved for the site's own pages — choose another file name",
    ]


def test_duplicate_slugs_are_reported_on_every_file(project: Path) -> None:
    write(project, "north/story.md", case_study_text())
    write(project, "south/story.md", case_study_text())
    assert problems(project) == [
        "case_studies/north/story.md:1: slug: 'story' is also the file name of case_studies/south/story.md — "
        "two case studies cannot share a slug; rename one",
        "case_studies/south/story.md:1: slug: 'story' is also the file name of case_studies/north/story.md — "
        "two case studies cannot share a slug; rename one",
    ]


# --- body ---------------------------------------------------------------------------------------


def test_find_out_in_five_with_five_questions_is_valid(project: Path) -> None:
    body = "An introduction.\n\n" + FIVE_QUESTIONS.replace("An answer.", "An answer.\n\n### A sub-heading\n\nMore.")
    assert only_problem(project, type="find-out-in-five", partnership_models="[hub-work-groups]", body=body) == []


def test_find_out_in_five_heading_rules(project: Path) -> None:
    body = "Intro.\n\n## 1. One?\n\nA.\n\n## Background\n\nB.\n\n## 2. Two?\n\n## 4. Four?\n\n## 5. Five?\n"
    # partnership_models is line 8, the closing fence 9, so the body starts on line 10.
    assert only_problem(project, type="find-out-in-five", partnership_models="[hub-work-groups]", body=body) == [
        "case_studies/story.md:16: body: '## Background' is not allowed in a Find Out in Five: its ## headings "
        "are exactly the five questions '## 1. …' to '## 5. …' — use ### for a heading inside an answer",
        "case_studies/story.md:22: body: question 3 is missing before '## 4. Four?' — number the questions 1 to 5 in order",
    ]


def test_find_out_in_five_with_too_few_questions(project: Path) -> None:
    body = "## 1. One?\n\n## 2. Two?\n"
    assert only_problem(project, type="find-out-in-five", partnership_models="[hub-work-groups]", body=body) == [
        "case_studies/story.md:12: body: a Find Out in Five needs five question headings '## 1. …' to '## 5. …': "
        "questions 3 to 5 are missing at the end"
    ]


def test_find_out_in_five_with_six_questions(project: Path) -> None:
    body = FIVE_QUESTIONS + "## 6. Six?\n"
    [found] = only_problem(project, type="find-out-in-five", partnership_models="[hub-work-groups]", body=body)
    assert found == "case_studies/story.md:30: body: '## 6. Six?' is one question too many: a Find Out in Five has exactly five"


def test_other_types_are_free_in_structure(project: Path) -> None:
    assert only_problem(project, body="## Background\n\n## What happened\n\n## Next\n") == []


def test_raw_html_in_a_body_is_refused(project: Path) -> None:
    body = "Fine text.\n\n<script>alert(1)</script>\n\nAnd `<code>` is fine, as is <https://example.org>.\n"
    assert only_problem(project, body=body) == [
        "case_studies/story.md:11: body: raw HTML is not allowed ('<script') — write it in Markdown; to show a "
        "'<' sign, put a space after it or write it inside `backticks`"
    ]


def test_html_inside_fenced_code_is_text(project: Path) -> None:
    assert only_problem(project, body="```html\n<div>shown as code</div>\n```\n") == []


@pytest.mark.parametrize(
    "link",
    ["[x](javascript:alert(1))", "![img](data:image/png;base64,AAAA)", "[x](  JavaScript:void(0))",
     "[x]: vbscript:msgbox", "[x](java&#x09;script:alert(1))"],
)
def test_unsafe_link_schemes_in_a_body(project: Path, link: str) -> None:
    [found] = only_problem(project, body=f"Some text.\n\n{link}\n")
    assert found.startswith("case_studies/story.md:11: body: links may only use https:, http: or mailto:")


def test_jinja_in_a_body_is_just_text_to_the_checker(project: Path) -> None:
    assert only_problem(project, body="Seven sevens are {{ 7*7 }}. {% include 'x' %}\n") == []


@pytest.mark.parametrize(("written", "iso"), [("14/03/2025", "2025-03-14"), ("14 March 2025", "2025-03-14"), ("'3/4/2025'", "2025-04-03")])
def test_a_date_written_as_people_write_it_is_shown_in_iso(project: Path, written: str, iso: str) -> None:
    shown = written.strip("'")
    assert only_problem(project, date=written) == [
        f"case_studies/story.md:4: date: must be written YYYY-MM-DD, not '{shown}' — write date: {iso}"
    ]
