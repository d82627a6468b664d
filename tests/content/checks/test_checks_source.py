"""The source (macros/content/checks/source.py): its date and address. Its keys start on line 8."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_checks import only_problem  # the one-file project every check test writes


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
