"""`casebook new`: from flags or answers to a file that passes the checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import TODAY, case_study_text, write

from macros.authoring import NewCaseStudyError, Request, plan_new_case_study
from macros.vocabularies import load_vocabularies


def vocabularies(project: Path):  # type: ignore[no-untyped-def]
    return load_vocabularies(project / "data", project)[0]


def answers(*replies: str) -> Iterator[str]:
    return iter(replies)


def asker(replies: Iterator[str], asked: list[str]):  # type: ignore[no-untyped-def]
    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(replies)
    return ask


def test_from_flags(project: Path) -> None:
    request = Request(type="trust-model", title="How our trust works with two hubs", summary="A trust of twelve schools explains its partnership.",
                      phases=["primary"], hubs=["jurassic", "mobius"], partnership_models=["hub-work-groups"])
    path, text = plan_new_case_study(request, vocabularies(project), project, None, TODAY)
    assert path == project / "case_studies" / "how-our-trust-works-with-two-hubs.md"
    assert "date: 2025-06-01\n" in text and "partnership_models: [hub-work-groups]\n" in text
    assert "# trust:\n" in text  # optional fields shown as comments
    assert "## How the partnership began" in text


def test_asks_for_what_is_missing_and_again_until_it_is_valid(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    asked: list[str] = []
    replies = answers(
        "4",                        # type: list number 4 is q-and-a
        "Hi",                       # title too short...
        "A conversation with a maths lead",
        "Too short",                # summary too short...
        "A maths lead talks about two years of Work Groups.",
        "Primary, Secondary",       # phases by name
        "jurrasic",                 # hub misspelt...
        "jurassic, 2",              # ...then an id and a number (2 = mobius)
        "",                         # partnership models: optional for a Q&A
        "",                         # programmes: optional
    )
    path, text = plan_new_case_study(Request(), vocabularies(project), project, asker(replies, asked), TODAY)
    assert path.name == "a-conversation-with-a-maths-lead.md"
    assert "type: q-and-a\n" in text and "phases: [primary, secondary]\n" in text and "hubs: [jurassic, mobius]\n" in text
    assert "Types — one:\n   1. Find Out in Five (find-out-in-five)" in asked[0]
    said = capsys.readouterr().out
    assert "That title does not work: it is 2 characters long; write 5 to 120." in said
    assert "Unknown hub 'jurrasic' — did you mean 'jurassic'?" in said


def test_partnership_models_are_asked_for_until_given_when_the_type_needs_them(project: Path) -> None:
    replies = answers("", "hub-led-trust-groups", "")  # models (required, so asked again), then programmes
    request = Request(type="find-out-in-five", title="Five questions for a trust", summary="A trust leader answers five questions.",
                      phases=["primary"], hubs=["central"])
    _, text = plan_new_case_study(request, vocabularies(project), project, asker(replies, []), TODAY)
    assert "partnership_models: [hub-led-trust-groups]\n" in text


def test_without_a_terminal_every_problem_is_reported_at_once(project: Path) -> None:
    with pytest.raises(NewCaseStudyError) as raised:
        plan_new_case_study(Request(title="x", hubs=["jurrasic"], type="trust-model"), vocabularies(project), project, None, TODAY)
    assert str(raised.value).splitlines() == [
        "--title: it is 1 character long; write 5 to 120",
        "--hub: unknown hub 'jurrasic' — did you mean 'jurassic'?",
        "missing --summary, --phase, --model — give them as options, or run 'casebook new' in a terminal to be asked",
    ]


def test_never_overwrites_and_refuses_bad_slugs(project: Path) -> None:
    write(project, "2024/existing-story.md", case_study_text())
    request = Request(type="school-story", title="Existing story", summary="A summary long enough to pass.", phases=["primary"], hubs=["central"])
    with pytest.raises(NewCaseStudyError, match="case_studies/2024/existing-story.md already exists"):
        plan_new_case_study(request, vocabularies(project), project, None, TODAY)
    request.slug = "index"
    with pytest.raises(NewCaseStudyError, match="--slug: 'index' cannot be a file name"):
        plan_new_case_study(request, vocabularies(project), project, None, TODAY)


def test_long_titles_make_readable_slugs(project: Path) -> None:
    request = Request(type="school-story", title="A very long title " * 6, summary="A summary long enough to pass.",
                      phases=["primary"], hubs=["central"])
    path, _ = plan_new_case_study(request, vocabularies(project), project, None, TODAY)
    assert len(path.stem) <= 60 and not path.stem.endswith("-")
