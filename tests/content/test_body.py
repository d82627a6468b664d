"""A body in the case-study profile: rendered and checked in one parse (contract §1 "Body", §5).

The checks run on the renderer's own tree, so each test here asserts both what
an editor is told (problems at file lines) and what the page would get (HTML).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from macros.content.body import (
    MAX_BACKTICK_RUNS, MAX_BRACKETS, MAX_NESTING, BodyProblem, RenderedBody, heading_id, render_body, url_problem,
)


def render(body: str, first_line: int = 1, *, questions: bool = False) -> RenderedBody:
    return render_body(body, first_line, page_url="case-studies/x/", site=None, questions=questions)


def attributes(html: str) -> list[tuple[str, str, str]]:
    """Every (tag, attribute, value) in a piece of HTML."""
    found: list[tuple[str, str, str]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend((tag, name, value or "") for name, value in attrs)

    Collect().feed(html)
    return found


def problems(body: str, first_line: int = 1, *, questions: bool = False) -> list[tuple[int, str]]:
    return [(problem.line, problem.message) for problem in render(body, first_line, questions=questions).problems]


# --- link addresses -------------------------------------------------------------------


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


# --- one reading: what Markdown treats as code, the checks treat as code --------------------


def test_code_is_shown_as_code_and_never_checked_as_html() -> None:
    rendered = render("a `<b>` c\n\n```\n<div>\n```\n\n~~~~\n<p>\n~~~~\n\nafter")
    assert rendered.problems == ()
    assert "<code>&lt;b&gt;</code>" in rendered.html and "<pre><code>&lt;div&gt;\n</code></pre>" in rendered.html


def test_an_unclosed_fence_is_not_code_to_markdown_so_not_to_the_checks() -> None:
    # Python-Markdown needs a closing fence: without one, the lines are text, and the tag is reported.
    assert problems("```\n<script>x</script>\n", 4) == [
        (5, "raw HTML is not allowed ('<script') — write it in Markdown; to show a '<' sign, put a space after it "
            "or write it inside `backticks`"),
    ]


def test_a_line_markdown_reads_as_inline_code_hides_nothing_after_it() -> None:
    found = problems("Code: ``` not a fence ``` here.\n\n<script>x</script>\n\n[a](javascript:x)\n", 10)
    assert [line for line, _ in found] == [12, 14]


def test_escaped_backticks_open_no_code_span() -> None:
    found = problems("An escaped \\` backtick.\n\n<img src=x onerror=y>\n\nand \\`\n", 3)
    assert found == [(5, "raw HTML is not allowed ('<img') — write it in Markdown; to show a '<' sign, put a space "
                         "after it or write it inside `backticks`")]


def test_raw_html_is_text_on_the_page_and_a_problem_at_its_line() -> None:
    rendered = render("Hello <b>there</b>.\n\n<div markdown=\"1\">\n*x*\n</div>\n\n<!-- note -->\n", 8)
    assert [problem.line for problem in rendered.problems] == [8, 10, 12, 14]
    assert "<b>" not in rendered.html and "<div" not in rendered.html and "&lt;b&gt;" in rendered.html


def test_autolinks_are_links_not_html() -> None:
    rendered = render("See <https://example.org> or <editor@example.org>.")
    assert rendered.problems == ()
    assert '<a href="https://example.org">' in rendered.html and "mailto:" in rendered.html


def test_reference_definitions_are_checked_where_the_address_stands() -> None:
    assert [line for line, _ in problems("[a][x]\n\n[x]: <javascript:alert(1)>\n", 5)] == [7]
    # The address may be on the line after the label, as Markdown allows.
    assert [line for line, _ in problems("[a][x]\n\n[x]:\n  javascript:alert(1)\n", 5)] == [8]


def test_footnotes_are_footnotes_not_links() -> None:
    rendered = render("The figure.[^1]\n\n[^1]: See the report.\n")
    assert rendered.problems == ()
    assert 'class="footnote-ref"' in rendered.html and 'id="fn:1"' in rendered.html
    assert {"fn:1", "fnref:1"} <= rendered.ids


# --- nothing can set an attribute ---------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "## Heading {: id='x\" onmouseover=\"alert(1)' }",
        "## Heading {#__search}",
        "Paragraph.\n{: .md-dialog }",
        "[a](../../hubs/){: onclick=x }",
        "* item {: .md-banner }",
    ],
)
def test_an_attribute_list_is_refused_and_sets_nothing(body: str) -> None:
    rendered = render(body)
    assert [message.split(" cannot")[0][:18] for _, message in problems(body)] == ["attribute lists ('"]
    for tag, name, value in attributes(rendered.html):
        assert not name.startswith("on") and "md-" not in value and not value.startswith(("__", "x")), (tag, name, value)


def test_headings_get_ids_from_their_text_never_the_pages_own() -> None:
    rendered = render("## Results &amp; next steps\n\n## cb facts heading\n\n## Results &amp; next steps\n\n### Élan\n")
    assert [heading.id for heading in rendered.toc] == ["results-next-steps", "section-cb-facts-heading", "results-next-steps_1"]
    assert rendered.toc[0].text == "Results & next steps"
    assert rendered.toc[2].children[0].id == "elan"
    assert heading_id("__drawer") == "drawer" and heading_id("!!!") == "section"
    assert heading_id("The trust's approach: year 1") == "the-trusts-approach-year-1"  # as Markdown's toc makes it


def test_a_heading_naming_markup_is_plain_text_in_the_table_of_contents() -> None:
    rendered = render('## Results &lt;img src=x onerror="alert(1)"&gt;\n')
    assert rendered.problems == ()
    assert rendered.toc[0].text == 'Results <img src=x onerror="alert(1)">'  # escaped where it is printed
    assert re.fullmatch(r"[a-z0-9-]+", rendered.toc[0].id)


@pytest.mark.parametrize("level", [1, 5, 6])
def test_headings_are_level_two_to_four(level: int) -> None:
    [(line, message)] = problems(f"Intro.\n\n{'#' * level} A heading\n", 9)
    assert line == 11 and f"a level-{level} heading" in message


def test_admonitions_only_of_the_casebooks_types_and_never_the_themes_classes() -> None:
    rendered = render('!!! md-dialog "Signed out"\n    [Sign in](https://evil.example/)\n\n??? note md-banner\n    x\n\n'
                      '!!! tip\n    fine\n', 20)
    assert [line for line, _ in problems('!!! md-dialog "Signed out"\n    x\n\n??? note md-banner\n    x\n\n!!! tip\n    y\n', 20)] == [20, 23]
    assert "md-dialog" not in rendered.html and "md-banner" not in rendered.html
    assert '<div class="admonition note">' in rendered.html and '<details class="note">' in rendered.html
    assert '<div class="admonition tip">' in rendered.html


def test_a_fence_takes_no_attributes() -> None:
    rendered = render('```{.md-dialog #__search}\ncode\n```\n', 3)
    assert [line for line, _ in problems('```{.md-dialog #__search}\ncode\n```\n', 3)] == [3]
    assert rendered.html == "<pre><code>code\n</code></pre>"


def test_fences_keep_every_later_line_where_it_was() -> None:
    body = "```\none\ntwo\nthree\n```\n\n<b>\n\n```\n```\n\n<i>\n"
    assert [line for line, _ in problems(body, 1)] == [7, 12]


# --- images are files of this site ---------------------------------------------------------


@pytest.mark.parametrize("src", ["https://tracker.example/p.gif", "//tracker.example/p.gif", "http://x.example/p.png"])
def test_an_image_from_another_site_is_refused_and_never_fetched(src: str) -> None:
    rendered = render(f"Intro.\n\n![pixel]({src})\n", 4)
    [(line, message)] = problems(f"Intro.\n\n![pixel]({src})\n", 4)
    assert line == 6 and "is on another site — the casebook never makes a reader's browser call another site" in message
    assert "src=" not in rendered.html and 'alt="pixel"' in rendered.html


# --- what a body may cost ------------------------------------------------------------------


def test_cost_limits_count_everything_markdown_will_read_code_included() -> None:
    found = problems("```x``` " + "[" * (MAX_BRACKETS + 1) + "\n\n" + "` " * (MAX_BACKTICK_RUNS + 1) + "\n", 9)
    assert [line for line, _ in found] == [9, 11]
    assert "more than 500 '['" in found[0][1] and "runs of backticks" in found[1][1]


def test_a_paragraph_over_the_limit_is_reported_once_at_its_first_line() -> None:
    found = problems("Intro.\n\n" + ("word " * 100 + "\n") * 50, 9)
    assert found == [(11, "this paragraph is over 20,000 characters long — split it with blank lines")]


def test_deep_nesting_is_refused_before_markdown_recurses() -> None:
    [(line, message)] = problems("Fine.\n\n" + "> " * (MAX_NESTING + 1) + "deep\n", 2)
    assert line == 4 and "nested more than" in message


def test_markdown_that_recurses_too_deeply_is_a_problem_not_a_crash() -> None:
    [(line, message)] = problems("*" * 5000 + "a" + "*" * 5000)
    assert line == 1 and "nested too deeply" in message


# --- words and questions -----------------------------------------------------------------------


def test_word_count_ignores_code() -> None:
    assert render("Pupils' number sense grew.\n\n```\nignored code words here\n```\n\nTwo `not this` more.").word_count == 6


def test_an_underlined_heading_is_a_level_two_heading() -> None:
    [(line, message)] = problems("Background\n---\n\n" + "".join(f"## {n}. Q\n" for n in range(1, 6)), questions=True)
    assert line == 1
    assert "followed by a '---' line is a level-2 heading" in message


def test_a_rule_after_a_blank_line_is_not_a_heading() -> None:
    body = "Intro.\n\n---\n\n" + "".join(f"## {n}. Q\n" for n in range(1, 6))
    assert problems(body, questions=True) == []


def test_out_of_order_question() -> None:
    body = "".join(f"## {n}. Q\n" for n in (1, 2, 3, 2, 4, 5))
    assert problems(body, questions=True) == [(4, "'## 2. Q' is out of order: the next question should be '## 4. …'")]


def test_a_heading_markdown_does_not_read_as_one_is_not_a_question() -> None:
    # A trailing backslash keeps Python-Markdown from reading a heading: the checks agree with the page.
    body = "## 1. One \\\n\n" + "".join(f"## {n}. Q\n" for n in range(2, 6))
    rendered = render(body, questions=True)
    assert "<h2" not in rendered.html.split("\n")[0]
    assert rendered.problems[0].message.startswith("question 1 is missing before '## 2. Q'")


def test_table_columns_are_aligned_without_a_style_attribute() -> None:
    # The pages' Content-Security-Policy refuses style attributes, so alignment is the align attribute.
    rendered = render("| A | B |\n|:--|--:|\n| 1 | 2 |\n")
    assert '<th align="left">A</th>' in rendered.html and '<td align="right">2</td>' in rendered.html
    assert "style=" not in rendered.html


# --- abbreviations: the glossary's, and a body's own -------------------------------------------

GLOSSARY = {"TA": "teaching assistant", "TAs": "teaching assistants"}


def with_glossary(body: str, abbreviations: dict[str, str] | None = GLOSSARY) -> RenderedBody:
    return render_body(body, 1, page_url="case-studies/x/", site=None, abbreviations=abbreviations)


def test_the_glossarys_abbreviations_are_explained_outside_code() -> None:
    rendered = with_glossary("## Why TAs matter\n\nA TA, two TAs, and `TA` in code; not TAKE or ta.\n")
    assert rendered.html == (
        '<h2 id="why-tas-matter">Why <abbr title="teaching assistants">TAs</abbr> matter'
        '<a class="headerlink" href="#why-tas-matter" title="Permanent link">¶</a></h2>\n'
        '<p>A <abbr title="teaching assistant">TA</abbr>, two <abbr title="teaching assistants">TAs</abbr>, '
        "and <code>TA</code> in code; not TAKE or ta.</p>"
    )
    assert [(heading.id, heading.text) for heading in rendered.toc] == [("why-tas-matter", "Why TAs matter")]


def test_an_abbreviation_changes_no_word_count() -> None:
    body = "Our TA, (TA) and TA/TAs non-TAs x.\n"
    assert with_glossary(body).word_count == with_glossary(body, None).word_count == 7


def test_a_bodys_own_definitions_win_for_that_body_and_never_reach_the_next() -> None:
    own = with_glossary("Our TA met the XYZ group.\n\n*[TA]: technical adviser\n*[XYZ]: a group\n")
    assert '<abbr title="technical adviser">TA</abbr>' in own.html and '<abbr title="a group">XYZ</abbr>' in own.html
    after = with_glossary("Our TA met the XYZ group.\n")
    assert after.html == '<p>Our <abbr title="teaching assistant">TA</abbr> met the XYZ group.</p>'
    removed = with_glossary('Our TA.\n\n*[TA]: ""\n')  # Python-Markdown's way to drop one for a body
    assert removed.html == "<p>Our TA.</p>"
    assert with_glossary("Our TA.\n", None).html == "<p>Our TA.</p>"


def test_markup_in_a_bodys_own_definition_is_reported_and_stays_an_escaped_title() -> None:
    rendered = with_glossary('Our TA.\n\n*[TA]: <script>alert("x")</script>\n')
    assert rendered.problems == (BodyProblem(3, (
        "raw HTML is not allowed ('<script') in what '*[TA]:' stands for — write plain text; "
        "to show a '<' sign, put a space after it")),)
    assert '<abbr title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">TA</abbr>' in rendered.html
    assert "<script" not in rendered.html
    # The glossary's own titles are trusted text, and escaped all the same.
    assert 'title="a &quot;b&quot; &amp; c"' in with_glossary("TA\n", {"TA": 'a "b" & c'}).html


# --- how a body begins: RenderedBody.opening, for /case-studies.json -----------------------


def test_the_opening_is_the_first_paragraph_as_plain_text() -> None:
    body = ("```\nfirst <b>code</b>\n```\n\n## A heading\n\nIt *began* with a `<script>` [question](https://example.org)"
            "[^1], &amp; a \\* star &copy;.\n\nThe second paragraph.\n\n[^1]: A note.\n")
    assert render(body).opening == "It began with a question, & a * star ©."


def test_a_find_out_in_fives_opening_is_its_first_answer() -> None:
    five = "An introduction.\n\n" + "".join(f"## {n}. Question {n}?\n\nAnswer {n}.\n\n" for n in range(1, 6))
    assert render(five, questions=True).opening == "Answer 1."
    assert render(five).opening == "An introduction."  # not a Find Out in Five: the first paragraph
    # A first answer with no paragraph of its own: the body's first paragraph.
    listed = "".join(f"## {n}. Question {n}?\n\n- Answer {n}.\n\n" for n in range(1, 6)) + "A closing line.\n"
    assert render(listed, questions=True).opening == "A closing line."


def test_the_opening_is_cut_at_a_word_and_empty_without_a_paragraph() -> None:
    opening = render("A sentence that goes on. " * 40).opening
    assert len(opening) <= 400 and opening.endswith("…") and opening[:-1] == opening[:-1].rstrip()
    assert ("A sentence that goes on. " * 40).startswith(opening[:-1])
    assert render("- only\n- a list\n").opening == ""
    assert render("").opening == ""


def test_no_code_or_markup_reaches_the_opening_of_a_hostile_body() -> None:
    hostile = ("<script>alert(1)</script>\n\n```html\n<img src=x onerror=alert(1)>\n```\n\n"
               "Text `<img src=x onerror=alert(1)>` with \u202egnirts\u202c\tand    spaces\n\n")
    rendered = render(hostile)
    assert rendered.problems  # the checks refuse the tag; the opening is still text
    assert "onerror" not in rendered.opening and "\x02" not in rendered.opening and "\x03" not in rendered.opening
    assert rendered.opening in ("<script>alert(1)</script>", "Text with \u202egnirts\u202c and spaces")
    assert render("```\ncode\n```\n\nText `<img src=x onerror=alert(1)>` with  \u202egnirts\u202c\n").opening == (
        "Text with \u202egnirts\u202c")
