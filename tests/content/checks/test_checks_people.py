"""The people a case study names (macros/content/checks/people.py). Their keys start on line 8."""

from __future__ import annotations

from pathlib import Path

from test_checks import only_problem  # the one-file project every check test writes


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
