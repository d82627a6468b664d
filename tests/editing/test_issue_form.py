"""The issue form (generated from data/) and the converter from a submitted form
to a case-study file, on realistic submissions, good and bad."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import TODAY, ROOT, case_study_text, problems, write

from macros.editing.issue_form import (
    FIELDS, FORM_PATH, PERMISSION, build_issue_form, case_study_from_issue, gfm_text, parse_issue_body, reply_comment,
)
from macros.content.vocabularies import load_vocabularies

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
        "Permission": f"- [X] {PERMISSION}",
    }
    defaults.update(answers)
    # GitHub renders every field of the form, in the form's order.
    order = [form_field.label for form_field in FIELDS] + ["Permission"]
    return "\n\n".join(f"### {label}\n\n{defaults.get(label, '_No response_')}" for label in order) + "\n"


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
    assert {form_field.id for form_field in FIELDS} | {"permission"} >= set(answers)


def test_a_good_submission_becomes_a_valid_case_study(project: Path) -> None:
    assert VOCABULARIES is not None
    conversion = case_study_from_issue(issue(submission()), project, VOCABULARIES, TODAY)
    assert conversion.problems == []
    assert conversion.path == project / "case_studies" / "how-a-dorset-trust-grew-its-own-mastery-specialists.md"
    text = conversion.text
    # No "Date first published", and the Source date (2025-11-28) is after TODAY: the day it is added.
    assert "type: find-out-in-five\n" in text and f"date: {TODAY.isoformat()}\n" in text
    assert "hubs: [jurassic, mobius]\n" in text
    assert "partnership_models: [hub-work-groups, trust-led-trust-groups]\n" in text
    assert "trust:\n  name: Diocese of Salisbury Academy Trust\n  schools: 28\n  counties:\n  - Dorset\n  - Wiltshire\n" in text
    assert "- name: Heidi Whitney\n  role: Deputy Director, NCETM\n" in text
    write(project, conversion.path.name, text)
    assert problems(project, TODAY) == []


@pytest.mark.parametrize(
    ("people", "block"),
    [
        ("Sam Patel - maths lead", "people:\n- name: Sam Patel\n  role: maths lead\n"),
        ("Sam Patel – maths lead", "people:\n- name: Sam Patel\n  role: maths lead\n"),
        ("Sam Patel — maths lead", "people:\n- name: Sam Patel\n  role: maths lead\n"),
        ("Sam Patel: maths lead", "people:\n- name: Sam Patel\n  role: maths lead\n"),
        ("Sam Patel (maths lead)", "people:\n- name: Sam Patel\n  role: maths lead\n"),
        ("Sam Patel, maths lead", "people:\n- name: Sam Patel\n  role: maths lead\n"),
        # The first separator splits; what follows is all role.
        ("Heidi Whitney, Deputy Director, NCETM", "people:\n- name: Heidi Whitney\n  role: Deputy Director, NCETM\n"),
        ("Sam Patel - head of maths (Years 5-8)", "people:\n- name: Sam Patel\n  role: head of maths (Years 5-8)\n"),
        ("Sam Patel (maths lead, Year 6)", "people:\n- name: Sam Patel\n  role: maths lead, Year 6\n"),
        # A hyphen inside a name is not a separator, and a name alone has no role.
        ("Mary-Jane Smith - maths lead\n- Kat Adams\n\nJo Li",
         "people:\n- name: Mary-Jane Smith\n  role: maths lead\n- name: Kat Adams\n- name: Jo Li\n"),
    ],
)
def test_people_are_read_as_name_and_role_however_they_are_separated(project: Path, people: str, block: str) -> None:
    assert VOCABULARIES is not None
    conversion = case_study_from_issue(issue(submission(People=people)), project, VOCABULARIES, TODAY)
    assert conversion.problems == []
    assert block + "source:\n" in conversion.text


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
        ("Title", "is 2 characters long; it must be 5 to 120 characters"),
        ("Summary", "is 9 characters long; it must be 20 to 300 characters"),
        ("Number of schools in the trust", "must be a whole number of at least 1, not 'about thirty'"),
        ("Source web address", "links may only use https:, http: or mailto: (or a relative path or #fragment), not 'javascript:'"),
        ("The story", "raw HTML is not allowed ('<script') — write it in Markdown; to show a '<' sign, put a space after it or write it inside `backticks`"),
        ("The story", "'## Not a question' is not allowed in a Find Out in Five: its ## headings are exactly the five "
                      "questions '## 1. …' to '## 5. …' — use ### for a heading inside an answer"),
        ("The story", "a Find Out in Five needs five question headings '## 1. …' to '## 5. …': "
                      "questions 1 to 5 are missing at the end"),
    ]


def test_a_choice_that_is_not_on_the_list_and_a_missing_answer(project: Path) -> None:
    assert VOCABULARIES is not None
    body = submission(**{"Maths Hubs": "Atlantis Maths Hub", "Type of case study": "School story", "Phases": "_No response_",
                         "Partnership models": "_No response_", "The story": "A story."})
    conversion = case_study_from_issue(issue(body), project, VOCABULARIES, TODAY)
    assert ("Maths Hubs", "'Atlantis Maths Hub' is not one of the choices — pick from the list") in conversion.problems
    assert any(label == "Phases" and message.startswith("is required") for label, message in conversion.problems)


def test_a_title_like_an_existing_case_study_is_refused(project: Path) -> None:
    assert VOCABULARIES is not None
    write(project, "how-a-dorset-trust-grew-its-own-mastery-specialists.md", case_study_text())
    conversion = case_study_from_issue(issue(submission()), project, VOCABULARIES, TODAY)
    assert conversion.problems == [
        ("Title", "a case study with a very similar title already exists "
                  "(case_studies/how-a-dorset-trust-grew-its-own-mastery-specialists.md) — change the title a little")
    ]


def test_jinja_in_a_submission_stays_text(project: Path) -> None:
    assert VOCABULARIES is not None
    body = submission(**{"Type of case study": "School story", "The story": "Seven sevens are {{ 7*7 }}. {% include 'x' %}"})
    conversion = case_study_from_issue(issue(body), project, VOCABULARIES, TODAY)
    assert conversion.problems == [] and "{{ 7*7 }}" in conversion.text


def run_from_issue(
    project: Path, tmp_path: Path, body: str | None = None, *, event: Path | None = None
) -> tuple[subprocess.CompletedProcess[str], Path, Path, Path]:
    if event is None:
        event = tmp_path / "event.json"
        event.write_text(json.dumps({"action": "opened", "issue": issue(body or submission())}))
    outputs, comment, pull_request = tmp_path / "outputs", tmp_path / "comment.md", tmp_path / "pull-request.md"
    result = subprocess.run(
        [sys.executable, "-m", "macros.editing.cli", "from-issue", "--event", str(event), "--comment", str(comment),
         "--pull-request-body", str(pull_request)],
        capture_output=True, text=True, cwd=project, env={**os.environ, "GITHUB_OUTPUT": str(outputs)}, timeout=60,
    )
    return result, outputs, comment, pull_request


def read_outputs(path: Path) -> dict[str, str]:
    """GITHUB_OUTPUT as the runner reads it: name<<DELIMITER, the value's lines, DELIMITER."""
    values: dict[str, str] = {}
    lines = iter(path.read_text(encoding="utf-8").split("\n"))
    for line in lines:
        if not line:
            continue
        name, delimiter = line.split("<<", 1)
        value = []
        for inner in lines:
            if inner == delimiter:
                break
            value.append(inner)
        values[name] = "\n".join(value)
    return values


def outside_code_spans(markdown: str) -> str:
    """The Markdown with every code span removed: what GitHub would render live."""
    return re.sub(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", "", markdown)


def test_the_command_writes_the_file_the_preview_and_the_workflow_outputs(project: Path, tmp_path: Path) -> None:
    result, outputs, comment, pull_request = run_from_issue(project, tmp_path, submission())
    assert result.returncode == 0, result.stderr
    assert (project / "case_studies" / "how-a-dorset-trust-grew-its-own-mastery-specialists.md").is_file()
    assert read_outputs(outputs) == {
        "path": "case_studies/how-a-dorset-trust-grew-its-own-mastery-specialists.md",
        "slug": "how-a-dorset-trust-grew-its-own-mastery-specialists",
        "title": "How a Dorset trust grew its own Mastery Specialists",
    }
    reply = comment.read_text(encoding="utf-8")
    assert reply.startswith("Thank you for sharing this case study: it passed the checks")
    assert "## How a Dorset trust grew its own Mastery Specialists\n" in reply
    assert "| Maths Hubs | Jurassic Maths Hub, Mobius Maths Hub |" in reply
    assert "| Trust | Diocese of Salisbury Academy Trust · 28 schools · Dorset, Wiltshire |" in reply
    assert "## 1\\. Question 1?" not in reply and "## 1. Question 1?\n" in reply  # the story is Markdown
    body = pull_request.read_text(encoding="utf-8")
    assert body.startswith("Adds `case_studies/how-a-dorset-trust-grew-its-own-mastery-specialists.md` from the form in #7. Closes #7.")
    assert "## How a Dorset trust grew its own Mastery Specialists\n" in body


def test_the_command_writes_a_reply_when_something_must_change(project: Path, tmp_path: Path) -> None:
    result, outputs, comment, pull_request = run_from_issue(project, tmp_path, submission(Title="Hi"))
    assert result.returncode == 1
    assert comment.read_text().startswith("Thank you for sharing this case study. A few things need changing")
    assert "- **Title**: `is 2 characters long; it must be 5 to 120 characters`" in comment.read_text()
    assert list((project / "case_studies").iterdir()) == [] and not outputs.exists() and not pull_request.exists()


def test_a_real_issue_event_from_github(project: Path, tmp_path: Path) -> None:
    """The payload GitHub sends when the form is submitted: CRLF line endings, every field rendered."""
    result, outputs, comment, pull_request = run_from_issue(project, tmp_path, event=ROOT / "tests" / "data" / "issue-opened-event.json")
    assert result.returncode == 0, result.stderr
    written = (project / "case_studies" / "how-a-dorset-trust-grew-its-own-mastery-specialists.md").read_text(encoding="utf-8")
    assert "### A subheading inside the answer\n\nMore of the answer.\n\n## 2. Question 2?" in written
    # An issue from before the form asked for the date: the day it is added (today, not the day it was opened).
    today = dt.datetime.now(dt.timezone.utc).date()
    assert "\r" not in written and f"date: {today.isoformat()}\n" in written
    assert read_outputs(outputs)["title"] == "How a Dorset trust grew its own Mastery Specialists"
    assert "Closes #42." in pull_request.read_text(encoding="utf-8")


# --- the editor's words kept whole ------------------------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        "Intro.\n\n### Where it began\n\nThe start.",
        "Intro.\n\n### Title\n\nNot the form's title.",
        "### Summary\n\nA story that opens with a label of the form.\n\n### Maths Hubs\n\nAnd another.",
        "Intro.\n\n### Permission\n\n- [ ] a box in the story is the story's",
        "    An indented first line stays indented.\n\nTrailing spaces inside  \nstay (a line break).\n\n😀 é ‘quotes’",
    ],
)
def test_the_story_keeps_every_line_even_those_that_look_like_the_forms(project: Path, story: str) -> None:
    assert VOCABULARIES is not None
    body = submission(**{"Type of case study": "School story", "Partnership models": "_No response_", "The story": story})
    answers = parse_issue_body(body)
    assert answers["story"] == story
    assert answers["title"] == "How a Dorset trust grew its own Mastery Specialists"
    conversion = case_study_from_issue(issue(body), project, VOCABULARIES, TODAY)
    assert conversion.problems == [], conversion.problems
    assert conversion.text.endswith("---\n\n" + story + "\n")


def test_a_section_removed_from_the_issue_is_missing_not_taken_from_its_neighbour(project: Path) -> None:
    body = submission().replace("### Summary\n\nA regional director explains how a trust of 28 schools works with two Maths Hubs.\n\n", "")
    answers = parse_issue_body(body)
    assert "summary" not in answers and answers["phases"] == "Primary"
    assert VOCABULARIES is not None
    conversion = case_study_from_issue(issue(body), project, VOCABULARIES, TODAY)
    assert [label for label, _ in conversion.problems] == ["Summary"]


# --- consent --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "permission",
    [f"- [ ] {PERMISSION}", None, "- [X] I have permission to share this", "_No response_", f"[X] {PERMISSION}"],
    ids=["unticked", "removed", "other words", "no response", "not a box"],
)
def test_nothing_is_published_without_the_permission_box_ticked(project: Path, tmp_path: Path, permission: str | None) -> None:
    body = submission(**({"Permission": permission} if permission is not None else {}))
    if permission is None:
        body = body.split("### Permission")[0]
    result, outputs, comment, _ = run_from_issue(project, tmp_path, body)
    assert result.returncode == 1
    assert list((project / "case_studies").iterdir()) == [] and not outputs.exists()
    reply = comment.read_text(encoding="utf-8")
    assert "- **Permission**: `the box saying you have permission to share this is not ticked" in reply


def test_a_ticked_box_in_lower_case_is_permission(project: Path) -> None:
    assert VOCABULARIES is not None
    conversion = case_study_from_issue(issue(submission(Permission=f"- [x] {PERMISSION}")), project, VOCABULARIES, TODAY)
    assert conversion.problems == []


# --- the reply is the bot's voice: nothing from the form is live in it ---------------------------------

HOSTILE_VALUES = {
    "Title": "Hi @maths-hubs/editors",
    "Maths Hubs": "[Claim your grant](https://evil.example/login), ![x](https://evil.example/p.png)",
    "Trust name": "<img src=x onerror=alert(1)> @everyone",
    "Number of schools in the trust": "`` ` `` `@x`",
}


def test_a_reply_quotes_the_form_only_inside_code_spans(project: Path, tmp_path: Path) -> None:
    result, _, comment, _ = run_from_issue(project, tmp_path, submission(**HOSTILE_VALUES))
    assert result.returncode == 1
    reply = comment.read_text(encoding="utf-8")
    live = outside_code_spans(reply)
    for marker in ("@maths-hubs", "@everyone", "](", "<img", "evil.example"):
        assert marker not in live, (marker, live)
    assert "evil.example" in reply and "<i" in reply and "@x" in reply  # quoted, so the editor sees what to change


def test_the_preview_shows_the_fields_as_text_and_breaks_mentions_in_the_story(project: Path) -> None:
    assert VOCABULARIES is not None
    body = submission(**{
        "Title": "Year 3 [pupils](https://evil.example) and @maths-hubs/editors",
        "Summary": "A summary with *stars*, <5% and www.evil.example and a | pipe, long enough.",
        "Type of case study": "School story", "Partnership models": "_No response_",
        "The story": "Thanks to @a-teacher and mail@example.org; see https://evil.example/.",
    })
    conversion = case_study_from_issue(issue(body), project, VOCABULARIES, TODAY)
    assert conversion.problems == []
    reply = reply_comment(conversion, VOCABULARIES)
    assert "## Year 3 \\[pupils\\]\\(https\\://\u2060evil\\.example\\) and @\u2060maths\\-hubs/editors\n" in reply
    assert "\\*stars\\*" in reply and "\\<5%" in reply and "www\\.\u2060evil" in reply and "\\|" in reply
    assert "@\u2060a-teacher" in reply and "mail@\u2060example.org" in reply and "https://\u2060evil.example/" in reply
    assert "@maths" not in reply and "@a-teacher" not in reply


def test_plain_text_escaping_round_trips_every_character() -> None:
    text = "a*b_c`d[e](f)<g>#h!i|j~k&l:m@n.o\\p"
    escaped = gfm_text(text)
    assert escaped.replace("\u2060", "").replace("\\", "") == text.replace("\\", "")


# --- one line, no control characters ------------------------------------------------------------------


@pytest.mark.parametrize("title", ["A title\u2028with a line separator", "A title\x1bwith an escape", "A title\x07bell"])
def test_a_title_with_a_control_character_is_refused_and_never_reaches_the_outputs(
    project: Path, tmp_path: Path, title: str
) -> None:
    result, outputs, comment, _ = run_from_issue(project, tmp_path, submission(Title=title))
    assert result.returncode == 1
    assert not outputs.exists()
    assert "- **Title**: `" in comment.read_text(encoding="utf-8")


# --- the date ------------------------------------------------------------------------------------------


def test_the_form_asks_for_the_date_first_published_and_may_be_left_empty() -> None:
    assert VOCABULARIES is not None
    form = yaml.safe_load(build_issue_form(VOCABULARIES))
    date = next(item for item in form["body"] if item.get("id") == "date")
    assert date["type"] == "input" and "validations" not in date
    assert date["attributes"]["label"] == "Date first published"
    assert date["attributes"]["description"] == (
        "The day the story was first published, if it was, such as 14/03/2025 or 14 March 2025 (day first). "
        "You may leave it empty: the casebook then uses the Source date below if it gives the day, "
        "otherwise the day the casebook adds the case study."
    )


@pytest.mark.parametrize("written", ["14/03/2025", "14 March 2025", "March 14, 2025", "2025-03-14", "14.03.2025"])
def test_the_date_first_published_as_people_write_it(project: Path, written: str) -> None:
    assert VOCABULARIES is not None
    conversion = case_study_from_issue(issue(submission(**{"Date first published": written})), project, VOCABULARIES, TODAY)
    assert conversion.problems == []
    assert "date: 2025-03-14\n" in conversion.text


@pytest.mark.parametrize("source_date, date, written", [
    ("14 March 2025", "2025-03-14", "  date: 2025-03-14\n"),  # the source states the day: the original's day
    ("March 2025", TODAY.isoformat(), "  date: 2025-03\n"),   # it does not: the day the casebook adds it
    ("2024", TODAY.isoformat(), "  date: 2024\n"),
])
def test_left_empty_the_date_is_the_sources_day_or_today(project: Path, source_date: str, date: str, written: str) -> None:
    assert VOCABULARIES is not None
    body = submission(**{"Date first published": "_No response_", "Source date": source_date})
    conversion = case_study_from_issue(issue(body), project, VOCABULARIES, TODAY)
    assert conversion.problems == []
    assert f"\ndate: {date}\n" in conversion.text and written in conversion.text  # the source's date, as it states it


@pytest.mark.parametrize("written, message", [
    ("March 2025", "'March 2025' has no day — write the day it was published, such as 14 March 2025; if the source "
                   "does not give the day, leave this empty and give 'March 2025' as the Source date"),
    ("31/02/2025", "'31/02/2025' is not a real date: February 2025 has 28 days"),
    ("14/06/2025", "2025-06-14 is in the future — give the day it was published (today or earlier)"),
    ("soon", "'soon' is not a date we can read — write it like 14/03/2025 or 14 March 2025"),
])
def test_a_date_that_is_not_one_day_gone_by_is_explained_by_its_label(project: Path, written: str, message: str) -> None:
    assert VOCABULARIES is not None
    conversion = case_study_from_issue(issue(submission(**{"Date first published": written})), project, VOCABULARIES, TODAY)
    assert conversion.problems == [("Date first published", message)]


def test_a_source_date_that_is_not_a_date_is_explained_by_its_label(project: Path) -> None:
    assert VOCABULARIES is not None
    conversion = case_study_from_issue(issue(submission(**{"Source date": "Spring 2025"})), project, VOCABULARIES, TODAY)
    assert conversion.problems == [("Source date", "'Spring 2025': 'Spring' is not a month — write it like 14/03/2025 or 14 March 2025")]


def test_a_story_that_is_still_the_templates_prompts_is_refused(project: Path) -> None:
    assert VOCABULARIES is not None
    body = submission(**{"Type of case study": "School story", "Partnership models": "_No response_",
                         "The story": "Set the scene: the school, its pupils, and its Maths Hub."})
    conversion = case_study_from_issue(issue(body), project, VOCABULARIES, TODAY)
    assert conversion.problems == [("The story", "this is the template's prompt ('Set the scene: the school, its pupils, "
                                                 "and its Maths Hub.') — replace it with your own words")]
