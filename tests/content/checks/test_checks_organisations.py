"""The trust and the school (macros/content/checks/organisations.py). Their keys start on line 8."""

from __future__ import annotations

from pathlib import Path

from test_checks import only_problem  # the one-file project every check test writes


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
