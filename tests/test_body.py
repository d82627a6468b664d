"""Body scanning: what counts as text, links and headings (contract §1 "Body", §5)."""

from __future__ import annotations

import pytest

from macros.body import check_body, count_words, text_lines, url_problem


@pytest.mark.parametrize(
    "url", ["https://www.ncetm.org.uk/", "http://example.org", "mailto:editor@example.org", "../x.md", "other.md#a", "#top", ""]
)
def test_allowed_urls(url: str) -> None:
    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("javascript:alert(1)", "javascript"),
        (" JAVASCRIPT:alert(1)", "javascript"),
        ("java\tscript:alert(1)", "javascript"),
        ("java&#x09;script:alert(1)", "javascript"),
        ("javascript&#58;alert(1)", "javascript"),
        ("data:text/html;base64,PHNjcmlwdD4=", "data"),
        ("vbscript:msgbox", "vbscript"),
        ("file:///etc/passwd", "file"),
        ("C:\\Users\\report.docx", "c"),
    ],
)
def test_refused_urls_name_the_scheme(url: str, scheme: str) -> None:
    assert url_problem(url) == (
        f"links may only use https:, http: or mailto: (or a relative path or #fragment), not '{scheme}:'"
    )


def test_fenced_code_is_skipped_and_code_spans_blanked() -> None:
    body = "a `<b>` c\n```\n<div>\n```\n~~~~\n<p>\n~~~~\nafter"
    assert list(text_lines(body, 10)) == [(10, "a       c"), (17, "after")]


def test_an_unclosed_fence_hides_the_rest_from_html_checks_but_not_from_the_sanitiser() -> None:
    # Everything after an unclosed fence renders as code, so it is text, not HTML.
    assert check_body("```\n<script>x</script>\n", 1, questions=False) == []


def test_autolinks_are_not_html() -> None:
    assert check_body("See <https://example.org> or <editor@example.org>.", 1, questions=False) == []


def test_reference_definitions_are_checked() -> None:
    [problem] = check_body("[a][x]\n\n[x]: <javascript:alert(1)>\n", 5, questions=False)
    assert problem.line == 7


def test_word_count_ignores_code() -> None:
    assert count_words("Pupils' number sense grew.\n```\nignored code words here\n```\nTwo more.") == 6


def test_an_underlined_heading_is_a_level_two_heading() -> None:
    [problem] = check_body("Background\n---\n" + "".join(f"## {n}. Q\n" for n in range(1, 6)), 1, questions=True)
    assert problem.line == 1
    assert "followed by a '---' line is a level-2 heading" in problem.message


def test_a_rule_after_a_blank_line_is_not_a_heading() -> None:
    body = "Intro.\n\n---\n\n" + "".join(f"## {n}. Q\n" for n in range(1, 6))
    assert check_body(body, 1, questions=True) == []


def test_out_of_order_question() -> None:
    body = "".join(f"## {n}. Q\n" for n in (1, 2, 3, 2, 4, 5))
    [problem] = check_body(body, 1, questions=True)
    assert problem.line == 4
    assert problem.message == "'## 2. Q' is out of order: the next question should be '## 4. …'"
