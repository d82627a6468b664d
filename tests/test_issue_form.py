"""The issue form (generated from data/) and the converter from a submitted form
to a case-study file, on realistic submissions, good and bad."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import TODAY, ROOT, case_study_text, problems, write

from macros.issue_form import FIELDS, FORM_PATH, build_issue_form, case_study_from_issue, parse_issue_body
from macros.vocabularies import load_vocabularies

VOCABULARIES = load_vocabularies(ROOT / "data", ROOT)[0]
FIVE = "\n\n".join(f"## {n}. Question {n}?\n\nThe answer, reported." for n in range(1, 6))


def submission(**answers: str) -> str:
    """An issue body as GitHub renders a submitted form: one ### section per field."""
    defaults = {
        "Title": "How a Dorset trust grew its own Mastery Specialists",
        "Type of case study": "Find Out in Five",
        "Summary": "A regional director explains how a trust of 28 schools works with two Maths Hubs.",
        "Phases": "Primary",
        "Maths Hubs": "Jurassic Maths Hub, Mobius Maths Hub",
        "Partnership models": "Trust schools join hub Work Groups, Trust leaders run hub work for trust schools",
        "Programmes": "Teaching for Mastery, Mastering Number",
        "Trust name": "Diocese of Salisbury Academy Trust",
        "Number of schools in the trust": "28",
        "Counties the trust covers": "Dorset, Wiltshire",
        "School name": "_No response_",
        "People": "Jane Dhillon, Regional Director of Education\nHeidi Whitney, Deputy Director, NCETM",
        "Source title": "Building maths leadership through trust and Maths Hub collaboration",
        "Source date": "2025-11-28",
        "Source web address": "https://ncetm.org.uk/features/building-maths-leadership-through-trust-and-maths-hub-collaboration",
        "The story": "An introduction.\n\n" + FIVE,
        "Permission": "- [X] I have permission to share this",
    }
    defaults.update(answers)
    return "\n\n".join(f"### {label}\n\n{value}" for label, value in defaults.items()) + "\n"


def issue(body: str) -> dict[str, object]:
    return {"number": 7, "title": "Case study: x", "body": body, "created_at": "2025-05-20T10:00:00Z"}


def test_the_committed_form_is_up_to_date_with_data() -> None:
    committed = (ROOT / FORM_PATH).read_text(encoding="utf-8")
    assert VOCABULARIES is not None
    assert committed == build_issue_form(VOCABULARIES), "run 'casebook issue-form' and commit the result"


def test_the_form_offers_every_id_by_name_and_is_valid_issue_form_yaml() -> None:
    assert VOCABULARIES is not None
    form = yaml.safe_load(build_issue_form(VOCABULARIES))
    dropdowns = {item["id"]: item["attributes"]["options"] for item in form["body"] if item["type"] == "dropdown"}
    assert dropdowns["hubs"] == [entry.name for entry in VOCABULARIES.hubs]
    assert dropdowns["type"] == [entry.name for entry in VOCABULARIES.types]
    # GitHub joins multiple answers with ", ", so no option may contain it.
    assert all(", " not in option for options in dropdowns.values() for option in options)
    ids = [item.get("id") for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids))
    assert form["labels"] == ["case-study"]


def test_parsing_a_rendered_form() -> None:
    answers = parse_issue_body(submission())
    assert answers["hubs"] == "Jurassic Maths Hub, Mobius Maths Hub"
    assert "school_name" not in answers  # "_No response_"
    assert answers["story"].startswith("An introduction.")
    assert {form_field.id for form_field in FIELDS} >= set(answers)


def test_a_good_submission_becomes_a_valid_case_study(project: Path) -> None:
    assert VOCABULARIES is not None
    conversion = case_study_from_issue(issue(submission()), project, VOCABULARIES, TODAY)
    assert conversion.problems == []
    assert conversion.path == project / "case_studies" / "how-a-dorset-trust-grew-its-own-mastery-specialists.md"
    text = conversion.text
    assert "type: find-out-in-five\n" in text and "date: 2025-05-20\n" in text
    assert "hubs: [jurassic, mobius]\n" in text
    assert "partnership_models: [hub-work-groups, trust-led-trust-groups]\n" in text
    assert "trust:\n  name: Diocese of Salisbury Academy Trust\n  schools: 28\n  counties:\n  - Dorset\n  - Wiltshire\n" in text
    assert "- name: Heidi Whitney\n  role: Deputy Director, NCETM\n" in text
    write(project, conversion.path.name, text)
    assert problems(project, TODAY) == []


def test_a_school_story_with_school_details(project: Path) -> None:
    assert VOCABULARIES is not None
    body = submission(**{
        "Type of case study": "School story", "Partnership models": "_No response_", "Trust name": "_No response_",
        "School name": "Rocklands School", "School location": "Lichfield", "Age range": "2-11",
        "Number of pupils": "140", "Pupils eligible for free school meals (%)": "46%",
        "The story": "## Where they started\n\nA story.",
    })
    conversion = case_study_from_issue(issue(body), project, VOCABULARIES, TODAY)
    assert conversion.problems == []
    assert "school:\n  name: Rocklands School\n  location: Lichfield\n  age_range: 2-11\n  pupils: 140\n  fsm_percent: 46\n" in conversion.text


def test_bad_submissions_are_explained_by_form_label(project: Path) -> None:
    assert VOCABULARIES is not None
    body = submission(**{
        "Title": "Hi",
        "Summary": "Too short",
        "Number of schools in the trust": "about thirty",
        "Source web address": "javascript:alert(1)",
        "The story": "<script>alert(1)</script>\n\n## Not a question",
    })
    conversion = case_study_from_issue(issue(body), project, VOCABULARIES, TODAY)
    assert not conversion.ok
    assert conversion.problems == [
        "**Title**: is 2 characters long; it must be 5 to 120 characters",
        "**Summary**: is 9 characters long; it must be 20 to 300 characters",
        "**Number of schools in the trust**: must be a whole number of at least 1, not 'about thirty'",
        "**Source web address**: links may only use https:, http: or mailto: (or a relative path or #fragment), not 'javascript:'",
        "**The story**: raw HTML is not allowed ('<script') — write it in Markdown; to show a '<' sign, put a space after it or write it inside `backticks`",
        "**The story**: '## Not a question' is not allowed in a Find Out in Five: its ## headings are exactly the five "
        "questions '## 1. …' to '## 5. …' — use ### for a heading inside an answer",
        "**The story**: a Find Out in Five needs five question headings '## 1. …' to '## 5. …': "
        "questions 1 to 5 are missing at the end",
    ]


def test_a_choice_that_is_not_on_the_list_and_a_missing_answer(project: Path) -> None:
    assert VOCABULARIES is not None
    body = submission(**{"Maths Hubs": "Atlantis Maths Hub", "Type of case study": "School story", "Phases": "_No response_",
                         "Partnership models": "_No response_", "The story": "A story."})
    conversion = case_study_from_issue(issue(body), project, VOCABULARIES, TODAY)
    assert "**Maths Hubs**: 'Atlantis Maths Hub' is not one of the choices — pick from the list" in conversion.problems
    assert any(p.startswith("**Phases**: is required") for p in conversion.problems)


def test_a_title_like_an_existing_case_study_is_refused(project: Path) -> None:
    assert VOCABULARIES is not None
    write(project, "how-a-dorset-trust-grew-its-own-mastery-specialists.md", case_study_text())
    conversion = case_study_from_issue(issue(submission()), project, VOCABULARIES, TODAY)
    assert conversion.problems == [
        "**Title**: a case study with a very similar title already exists "
        "(case_studies/how-a-dorset-trust-grew-its-own-mastery-specialists.md) — change the title a little"
    ]


def test_jinja_in_a_submission_stays_text(project: Path) -> None:
    assert VOCABULARIES is not None
    body = submission(**{"Type of case study": "School story", "The story": "Seven sevens are {{ 7*7 }}. {% include 'x' %}"})
    conversion = case_study_from_issue(issue(body), project, VOCABULARIES, TODAY)
    assert conversion.problems == [] and "{{ 7*7 }}" in conversion.text


def run_from_issue(project: Path, tmp_path: Path, body: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"action": "opened", "issue": issue(body)}))
    outputs, comment = tmp_path / "outputs", tmp_path / "comment.md"
    result = subprocess.run(
        [sys.executable, "-m", "macros.cli", "from-issue", "--event", str(event), "--comment", str(comment)],
        capture_output=True, text=True, cwd=project, env={**os.environ, "GITHUB_OUTPUT": str(outputs)}, timeout=60,
    )
    return result, outputs, comment


def test_the_command_writes_the_file_and_the_workflow_outputs(project: Path, tmp_path: Path) -> None:
    result, outputs, comment = run_from_issue(project, tmp_path, submission())
    assert result.returncode == 0, result.stderr
    assert (project / "case_studies" / "how-a-dorset-trust-grew-its-own-mastery-specialists.md").is_file()
    assert outputs.read_text() == (
        "path=case_studies/how-a-dorset-trust-grew-its-own-mastery-specialists.md\n"
        "slug=how-a-dorset-trust-grew-its-own-mastery-specialists\n"
        "title<<CASEBOOK_EOF\nHow a Dorset trust grew its own Mastery Specialists\nCASEBOOK_EOF\n"
    )
    assert not comment.exists()


def test_the_command_writes_a_comment_when_something_must_change(project: Path, tmp_path: Path) -> None:
    result, outputs, comment = run_from_issue(project, tmp_path, submission(Title="Hi"))
    assert result.returncode == 1
    assert comment.read_text().startswith("Thank you for sharing this case study. A few things need changing")
    assert "- **Title**: is 2 characters long; it must be 5 to 120 characters" in comment.read_text()
    assert list((project / "case_studies").iterdir()) == [] and not outputs.exists()
