"""The body rules as the checks report them (macros/content/body.py, run once every case study
is known): a Find Out in Five's five questions, raw HTML, link schemes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_checks import FIVE_QUESTIONS, only_problem  # the one-file project every check test writes


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
