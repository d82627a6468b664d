"""Every rule of the content model (contract §1 and §5), each with an invalid
example whose message names the file, the line of the offending key and the field.

Here: the checks as a whole (macros/content/checks/case_study.py), the rules that cross
fields, and ``only_problem``, which every tests/test_checks_<concern>.py uses.
The rules of one field are tested beside its module: test_checks_identity.py,
test_checks_plain_text.py, test_checks_vocabularies.py, test_checks_primitives.py,
test_checks_organisations.py, test_checks_people.py, test_checks_source.py, and
test_checks_body.py for the body rules the same run reports.

Line numbers follow conftest.BASE_FIELDS: title 2, type 3, date 4, summary 5,
phases 6, hubs 7, extra keys from 8.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, TODAY, case_study_text, problems, write

import macros.content.checks
from macros.content.checks import check_case_study
from macros.content.loading import parse_case_study
from macros.content.vocabularies import load_vocabularies

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


def test_a_suggestion_is_a_question_with_no_full_stop_after_it(project: Path) -> None:
    found = only_problem(project, type="school-stroy", hubs="jurrasic, mobius", phases="[secondry]", hub="x")
    assert found == [
        "case_studies/story.md:3: type: unknown type 'school-stroy' — did you mean 'school-story'?",
        "case_studies/story.md:6: phases: unknown phase 'secondry' — did you mean 'secondary'?",
        "case_studies/story.md:7: hubs: write several hubs as a list in square brackets: hubs: [jurassic, mobius]",
        "case_studies/story.md:8: hub: unknown key 'hub' — did you mean 'hubs'?",
    ]
    assert not any(problem.endswith("?.") or "?. " in problem for problem in found)


# --- the order of the problems --------------------------------------------------------------


def test_one_case_studys_problems_come_in_the_order_of_the_contracts_fields() -> None:
    # The library sorts by line; an editor's tools (casebook new's prompts) read
    # check_case_study's own list, which follows the fields, not the lines.
    text = case_study_text(
        source="\n  url: www.ncetm.org.uk", people="\n  - role: Head", school="\n  name: A school\n  pupils: 0",
        trust="\n  name: A trust\n  mottos: x", programmes="[knitting]", partnership_models="[hub-work-grups]",
        draft="yes", hubs="[jurrasic]", phases="[secondry]", summary="Too short", date="2025-02-30",
        type="school-stroy", title="No", hub="jurassic",
    )
    split, found = parse_case_study(text.encode(), ROOT / "case_studies" / "My Story.md", "case_studies/My Story.md")
    vocabularies, _ = load_vocabularies(ROOT / "data", ROOT)
    assert split is not None and vocabularies is not None and found == []
    case_study, problems_found = check_case_study(split, vocabularies, TODAY)
    assert case_study is None
    assert [f"{problem.line}: {problem.field}: {problem.message}" for problem in problems_found] == [
        "1: slug: 'My Story' is not a valid file name for a case study — use lower-case letters, digits and "
        "single hyphens, such as 'my-story.md'",
        "21: hub: unknown key 'hub' — did you mean 'hubs'?",
        "2: title: is 2 characters long; it must be 5 to 120 characters",
        "3: type: unknown type 'school-stroy' — did you mean 'school-story'?",
        "20: draft: must be true or false, not 'yes'",
        "4: date: '2025-02-30' is not a real date — check the month and day",
        "5: summary: is 9 characters long; it must be 20 to 300 characters",
        "6: phases: unknown phase 'secondry' — did you mean 'secondary'?",
        "7: hubs: unknown hub 'jurrasic' — did you mean 'jurassic'?",
        "19: partnership_models: unknown partnership model 'hub-work-grups' — did you mean 'hub-work-groups'?",
        "18: programmes: unknown programme 'knitting' — use one of: teaching-for-mastery, mastering-number, sktm, "
        "targeted-support, mastery-specialist, years-5-8-continuity, securing-foundations-year-7, "
        "multiplicative-reasoning-ks3, maths-science-coherence, l2-qualification, research-and-innovation, "
        "llme-development",
        "17: trust.mottos: unknown key 'mottos' — allowed keys are name, schools, counties",
        "14: school.pupils: must be a whole number of at least 1, not the number 0",
        "11: people.1.name: is required — add 'name: …'",
        "9: source.url: 'www.ncetm.org.uk' is not a full web address — start it with https://, as in "
        "https://www.ncetm.org.uk",
    ]


def test_the_package_exports_what_the_rest_of_the_casebook_imports() -> None:
    # Other modules import these from macros.content.checks, never from its modules.
    assert sorted(macros.content.checks.__all__) == [
        "FIELDS", "QUESTION_TYPE", "SLUG_PATTERN", "TYPES_NEEDING_MODELS", "check_case_study", "check_slug",
        "control_character", "control_character_message", "describe", "key_field", "slugify", "suggest_id",
        "unknown_id_message", "unknown_key_message",
    ]
    assert all(hasattr(macros.content.checks, name) for name in macros.content.checks.__all__)
