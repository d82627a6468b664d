"""`casebook new`: from flags or answers to a file whose front matter passes the checks,
each answer checked as it is given, in the checker's words."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import TODAY, case_study_text, problems, write

from macros.editing.authoring import ENDED, STOPPED, NewCaseStudyError, Request, Stopped, plan_new_case_study
from macros.content.vocabularies import load_vocabularies


def vocabularies(project: Path):  # type: ignore[no-untyped-def]
    return load_vocabularies(project / "data", project)[0]


def answers(*replies: str) -> Iterator[str]:
    return iter(replies)


def asker(replies: Iterator[str], asked: list[str]) -> Callable[[str], str]:
    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(replies)
    return ask


def story_request(**values: object) -> Request:
    request = Request(type="school-story", title="A school story of its own", summary="A summary long enough to pass.",
                      phases=["primary"], hubs=["central"])
    for name, value in values.items():
        setattr(request, name, value)
    return request


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
        "14 March 2025",            # date
        "Primary, Secondary",       # phases by name
        "jurrasic",                 # hub misspelt...
        "jurassic, 2",              # ...then an id and a number (2 = mobius)
        "",                         # partnership models: optional for a Q&A
        "",                         # programmes: optional
    )
    path, text = plan_new_case_study(Request(), vocabularies(project), project, asker(replies, asked), TODAY)
    assert path.name == "a-conversation-with-a-maths-lead.md"
    assert "type: q-and-a\n" in text and "phases: [primary, secondary]\n" in text and "hubs: [jurassic, mobius]\n" in text
    assert "date: 2025-03-14\n" in text
    assert "Types — one:\n   1. Find Out in Five (find-out-in-five)" in asked[0]
    said = capsys.readouterr().out.splitlines()
    # The checker's words (`casebook check` says "title: is 2 characters long; ..."), each answer as it is given.
    assert said == [
        "  title: is 2 characters long; it must be 5 to 120 characters",
        "  summary: is 9 characters long; it must be 20 to 300 characters",
        "  date: 2025-03-14 (14 March 2025)",
        "  hubs: unknown hub 'jurrasic' — did you mean 'jurassic'?",
    ]
    # Each refused answer is asked again straight away, before the next question.
    assert [prompt.split(" (")[0].split("\n")[0] for prompt in asked[1:5]] == ["Title", "Title", "Summary, one or two sentences",
                                                                          "Summary, one or two sentences"]


def test_a_title_that_is_taken_is_refused_at_once_and_asked_again(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, "2024/existing-story.md", case_study_text())
    asked: list[str] = []
    replies = answers("Existing story", "<b>Bold</b> story", "A story of our own", "", "", "")
    request = story_request(title=None)
    path, _ = plan_new_case_study(request, vocabularies(project), project, asker(replies, asked), TODAY)
    assert path.name == "a-story-of-our-own.md"
    assert [prompt for prompt in asked[:3]] == ["Title (5 to 120 characters): "] * 3  # not after every question
    assert capsys.readouterr().out.splitlines() == [
        "  title: 'existing-story' is also the file name of case_studies/2024/existing-story.md — two case studies "
        "cannot share a slug; choose another title",
        "  title: contains HTML ('<b…') — write plain text; a '<' directly followed by a letter, '/', '!' or '?' "
        "counts as HTML, so add a space after '<' if you mean 'less than'",
        "  date: 2025-06-01 (today)",
    ]


def test_no_message_ends_in_doubled_punctuation(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replies = answers("scool story", "School story", "", "")
    request = story_request(type=None, hubs=["central"], date="2025-03-14")
    plan_new_case_study(request, vocabularies(project), project, asker(replies, []), TODAY)
    said = capsys.readouterr().out
    assert said == "  type: unknown type 'scool story' — did you mean 'school-story'?\n"
    assert "?." not in said


def test_types_and_partnership_models_are_offered_with_what_they_mean(project: Path) -> None:
    asked: list[str] = []
    replies = answers("trust-model", "1", "")
    request = Request(title="How our trust works with its hub", summary="A trust of twelve schools explains its partnership.",
                      phases=["primary"], hubs=["jurassic"], date="2025-03-14")
    plan_new_case_study(request, vocabularies(project), project, asker(replies, asked), TODAY)
    types, models, programmes = asked
    assert "   2. Trust model (trust-model)\n      How a multi-academy trust organises its partnership with one or more" in types
    assert ("   1. Trust schools join hub Work Groups (hub-work-groups)\n"
            "      The trust's schools take part in the hub's local Work Groups side by side with") in models
    assert programmes.splitlines()[1] == "   1. Teaching for Mastery (teaching-for-mastery)"  # no descriptions there


@pytest.mark.parametrize("stop, status, message", [(KeyboardInterrupt, 130, STOPPED), (EOFError, 1, ENDED)])
def test_stopping_half_way_says_nothing_was_saved(project: Path, stop: type[BaseException], status: int, message: str) -> None:
    replies = iter(["school-story", "A story begun and left"])

    def ask(prompt: str) -> str:
        for reply in replies:
            return reply
        raise stop

    with pytest.raises(Stopped) as raised:
        plan_new_case_study(Request(), vocabularies(project), project, ask, TODAY)
    assert raised.value.status == status
    assert str(raised.value) == message
    assert "nothing was saved" in message and "\n" not in message
    assert list((project / "case_studies").iterdir()) == []


def test_without_a_terminal_every_problem_is_reported_at_once(project: Path) -> None:
    with pytest.raises(NewCaseStudyError) as raised:
        plan_new_case_study(Request(title="x", hubs=["jurrasic"], type="trust-model", date="March 2025"),
                            vocabularies(project), project, None, TODAY)
    assert str(raised.value).splitlines() == [
        "--title: is 1 character long; it must be 5 to 120 characters",
        "--date: 'March 2025' has no day — write the day it was published, such as 14 March 2025; "
        "if the source does not give the day, leave out --date for today",
        "--hub: unknown hub 'jurrasic' — did you mean 'jurassic'?",
        "missing --summary, --phase, --model — give them as options, or run 'casebook new' in a terminal to be asked",
    ]


def test_never_overwrites_and_refuses_bad_slugs(project: Path) -> None:
    write(project, "2024/existing-story.md", case_study_text())
    request = story_request(title="Existing story")
    with pytest.raises(NewCaseStudyError) as raised:
        plan_new_case_study(request, vocabularies(project), project, None, TODAY)
    assert str(raised.value) == (
        "--title: 'existing-story' is also the file name of case_studies/2024/existing-story.md — two case studies "
        "cannot share a slug; choose another --title, or give a different --slug"
    )
    request.slug = "index"
    with pytest.raises(NewCaseStudyError, match="--slug: 'index' is reserved for the site's own pages"):
        plan_new_case_study(request, vocabularies(project), project, None, TODAY)
    request.slug = "existing-story"  # checked before any question is asked
    with pytest.raises(NewCaseStudyError, match="--slug: 'existing-story' is also the file name of"):
        plan_new_case_study(request, vocabularies(project), project, asker(answers(), []), TODAY)


def test_long_titles_make_readable_slugs(project: Path) -> None:
    request = story_request(title="A very long title " * 6)
    path, _ = plan_new_case_study(request, vocabularies(project), project, None, TODAY)
    assert len(path.stem) <= 60 and not path.stem.endswith("-")


# --- the date ----------------------------------------------------------------------------------


@pytest.mark.parametrize("written", [
    "2025-03-14", "14/03/2025", "14/3/2025", "14-03-2025", "14.03.2025", "14 March 2025", "14 Mar 2025", "March 14, 2025",
])
def test_a_date_as_teachers_write_it_is_written_iso(project: Path, written: str) -> None:
    _, text = plan_new_case_study(story_request(date=written), vocabularies(project), project, None, TODAY)
    assert "date: 2025-03-14\n" in text


@pytest.mark.parametrize("written, message", [
    ("March 2025", "--date: 'March 2025' has no day — write the day it was published, such as 14 March 2025; "
                   "if the source does not give the day, leave out --date for today"),
    ("31/02/2025", "--date: '31/02/2025' is not a real date: February 2025 has 28 days"),
    ("03/14/2025", "--date: '03/14/2025' is not a real date: there is no month 14 — write the day first, as in 14/03/2025"),
    ("next week", "--date: 'next week' is not a date we can read — write it like 14/03/2025 or 14 March 2025"),
    ("14/06/2025", "--date: 2025-06-14 is in the future — give the day it was published (today or earlier), "
                   "or add --draft to keep it off the site until it is published"),
])
def test_a_date_that_is_not_one_day_gone_by_is_refused(project: Path, written: str, message: str) -> None:
    with pytest.raises(NewCaseStudyError) as raised:
        plan_new_case_study(story_request(date=written), vocabularies(project), project, None, TODAY)
    assert str(raised.value) == message


def test_a_draft_may_have_a_future_date(project: Path) -> None:
    _, text = plan_new_case_study(story_request(date="14/06/2025", draft=True), vocabularies(project), project, None, TODAY)
    assert "date: 2025-06-14\n" in text and "draft: true\n" in text


def test_the_date_is_asked_for_with_what_it_means(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    asked: list[str] = []
    replies = answers("March 2025", "31/02/2025", "1/7/2025", "", "", "")
    plan_new_case_study(story_request(), vocabularies(project), project, asker(replies, asked), TODAY)
    assert asked[0] == (
        "Date first published: the day the original was published, if it was; otherwise leave it empty for today, "
        "the day it is added to the casebook.\n"
        "Date (such as 14/03/2025 or 14 March 2025; Enter for today): "
    )
    assert asked[1:4] == ["Date (such as 14/03/2025 or 14 March 2025; Enter for today): "] * 3
    assert capsys.readouterr().out.splitlines() == [
        "  date: 'March 2025' has no day — write the day it was published, such as 14 March 2025; "
        "if the source does not give the day, leave it empty for today",
        "  date: '31/02/2025' is not a real date: February 2025 has 28 days",
        "  date: 2025-07-01 is in the future — give the day it was published (today or earlier); "
        "to start a story not published yet, run 'casebook new --draft'",
        "  date: 2025-06-01 (today)",
    ]


# --- the new file and the checks ---------------------------------------------------------------


def test_the_new_file_fails_the_checks_only_on_the_prompts_left_in_it(project: Path) -> None:
    path, text = plan_new_case_study(story_request(), vocabularies(project), project, None, TODAY)
    write(project, path.name, text)
    found = problems(project)
    assert found and all(": body: this is the template's prompt ('" in problem for problem in found)
    front, fence, body = text.partition("\n---\n")
    story = "\n".join(line if not line.strip() or line.startswith("#") else "In our own words." for line in body.splitlines())
    write(project, path.name, front + fence + story + "\n")
    assert problems(project) == []
