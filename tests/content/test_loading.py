"""Reading a case-study file: encoding, size, line endings and fences (contract §1, §5), and
finding files without following a link or opening a pipe, terminal or device."""

from __future__ import annotations

import inspect
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY, case_study_text, front_matter, problems, run_build, write

from macros.content import loading
from macros.content.library import load_library
from macros.content.loading import MAX_BYTES, find_case_study_files, read_case_study


def split(project: Path, content: str | bytes, name: str = "story.md"):  # type: ignore[no-untyped-def]
    return read_case_study(write(project, name, content), project)


def test_a_valid_file_splits_into_front_matter_and_body(project: Path) -> None:
    result, found = split(project, case_study_text(body="First line of the body.\n"))
    assert found == []
    assert result is not None
    assert result.slug == "story"
    assert result.display_path == "case_studies/story.md"
    assert result.front_matter["title"] == "Rethinking fractions with the hub"
    assert result.body == "First line of the body.\n"
    assert result.body_line == 9  # `---`, six fields, `---`, then the body


def test_bom_and_crlf_line_endings_are_accepted(project: Path) -> None:
    text = case_study_text(body="Body.\n").replace("\n", "\r\n")
    result, found = split(project, b"\xef\xbb\xbf" + text.encode())
    assert found == [] and result is not None
    assert result.body == "Body.\n"


def test_lone_cr_line_endings_are_accepted(project: Path) -> None:
    result, found = split(project, case_study_text().replace("\n", "\r"))
    assert found == [] and result is not None


def test_sub_folders_do_not_change_the_slug(project: Path) -> None:
    result, _ = split(project, case_study_text(), name="2025/north/story.md")
    assert result is not None and result.slug == "story"
    assert result.display_path == "case_studies/2025/north/story.md"


def test_not_utf8_names_the_byte_offset_and_line(project: Path) -> None:
    data = case_study_text().encode().replace(b"fractions", b"fr\xe9ctions")
    write(project, "latin1.md", data)
    offset = data.index(b"\xe9")
    assert problems(project) == [
        f"case_studies/latin1.md:2: file: is not valid UTF-8 at byte offset {offset} — save the file with UTF-8 encoding"
    ]


def test_nul_bytes_are_refused(project: Path) -> None:
    data = case_study_text().encode() + b"\x00binary"
    write(project, "nul.md", data)
    [found] = problems(project)
    assert found.startswith("case_studies/nul.md:10: file: contains a NUL byte at byte offset")


def test_empty_file(project: Path) -> None:
    write(project, "empty.md", "")
    write(project, "blank.md", "\n  \n")
    assert problems(project) == [
        "case_studies/blank.md:1: file: is empty — a case study starts with front matter between '---' lines",
        "case_studies/empty.md:1: file: is empty — a case study starts with front matter between '---' lines",
    ]


def test_files_over_one_megabyte_are_refused(project: Path) -> None:
    write(project, "huge.md", case_study_text(body="word " * (MAX_BYTES // 5 + 10)))
    [found] = problems(project)
    assert found.startswith("case_studies/huge.md:1: file: is ") and "at most 1 MB" in found


def test_missing_opening_fence(project: Path) -> None:
    write(project, "bare.md", "title: No fences here\n\nBody.\n")
    assert problems(project) == [
        "case_studies/bare.md:1: front matter: a case study must start with front matter: make the first line exactly '---'"
    ]


def test_missing_closing_fence(project: Path) -> None:
    write(project, "open.md", "---\n" + front_matter() + "Body without a closing fence.\n")
    assert problems(project) == [
        "case_studies/open.md:1: front matter: the front matter is never closed — add a line that is exactly '---' after it"
    ]


def test_dot_fence_is_an_error_at_its_line(project: Path) -> None:
    write(project, "dots.md", "---\n" + front_matter() + "...\nBody.\n")
    assert problems(project) == [
        "case_studies/dots.md:8: front matter: '...' cannot end the front matter — use a line that is exactly '---'"
    ]


def test_four_dash_or_spaced_fences_are_not_fences(project: Path) -> None:
    write(project, "four.md", "---\n" + front_matter() + "----\nBody.\n")
    write(project, "spaced.md", "--- \n" + front_matter() + "---\nBody.\n")
    assert problems(project) == [
        "case_studies/four.md:8: front matter: '----' cannot end the front matter — use a line that is exactly '---'",
        "case_studies/spaced.md:1: front matter: the opening '---' has spaces after it — make the first line exactly '---'",
    ]


def test_front_matter_that_is_not_a_mapping(project: Path) -> None:
    write(project, "list.md", "---\n- title\n- type\n---\nBody.\n")
    write(project, "scalar.md", "---\njust a sentence\n---\nBody.\n")
    write(project, "nothing.md", "---\n---\nBody.\n")
    write(project, "comment.md", "---\n# only a comment\n---\nBody.\n")
    found = problems(project)
    assert found == [
        "case_studies/comment.md:1: front matter: is empty — write 'key: value' lines such as 'title: …' between the '---' lines",
        "case_studies/list.md:1: front matter: is a list, not 'key: value' lines — write fields such as 'title: …' between the '---' lines",
        "case_studies/nothing.md:1: front matter: is empty — write 'key: value' lines such as 'title: …' between the '---' lines",
        "case_studies/scalar.md:1: front matter: is a single value, not 'key: value' lines — write fields such as 'title: …' between the '---' lines",
    ]


def test_yaml_syntax_errors_use_the_file_line(project: Path) -> None:
    write(project, "syntax.md", case_study_text(summary="Why this works: a summary with a colon"))
    assert problems(project) == [
        "case_studies/syntax.md:5: front matter: summary: the value holds a ': ' (colon and space), which YAML reads as a new "
        "field — put the whole value in single quotes, writing any ' inside it twice: "
        "summary: 'Why this works: a summary with a colon'"
    ]
    # A key indented too far is not one value's quoting: the general words, at its line.
    write(project, "syntax.md", case_study_text(summary="How one school used a Work Group.\n  phases: [primary]"))
    assert problems(project) == [
        "case_studies/syntax.md:6: front matter: YAML syntax error: a value contains ': ' or a line is "
        "indented too far — put the value in quotes or line the key up"
    ]


# --- quotes and colons: the line that works (a teacher who has never written YAML) -------------

QUOTES_HOW = "put the whole value in single quotes, writing any ' inside it twice"
COLON = "the value holds a ': ' (colon and space), which YAML reads as a new field"
DOUBLE_IN_DOUBLE = 'the value is in double quotes but also holds a " inside it, which YAML reads as the end of the value'
NEVER_CLOSED = 'the value starts with a " that is never closed, so YAML cannot tell where it ends'
TEXT_AFTER = 'YAML reads a value that starts with a " as ending at the next ", so the text after it cannot be read'
APOSTROPHE = (
    "the value is in single quotes but also holds a ' (an apostrophe) inside it, which YAML reads as the end of "
    "the value — write each ' inside it twice"
)
CURLY_CLOSE = 'the value starts with a straight " but ends with a curly ”, which YAML does not count as a closing quote'
STORY = """It's "our" story: a year"""
SUMMARY = "a year of fractions, told by the school's maths lead"
SUMMARY_QUOTED = "'a year of fractions, told by the school''s maths lead'"


@pytest.mark.parametrize(
    ("fields", "bad", "line", "field", "message", "path", "meant"),
    [
        ({"title": STORY}, f"title: {STORY}", 2, "title",
         f"""{COLON} — {QUOTES_HOW}: title: 'It''s "our" story: a year'""", ("title",), STORY),
        # What "put the value in quotes" used to lead to.
        ({"title": f'"{STORY}"'}, f'title: "{STORY}"', 2, "title",
         f"""{DOUBLE_IN_DOUBLE} — {QUOTES_HOW}: title: 'It''s "our" story: a year'""", ("title",), STORY),
        # Curly quotes are ordinary characters: only the colon matters.
        ({"title": "“Our” story: a year"}, "title: “Our” story: a year", 2, "title",
         f"{COLON} — {QUOTES_HOW}: title: '“Our” story: a year'", ("title",), "“Our” story: a year"),
        ({"summary": f'"Why it works: {SUMMARY}'}, f'summary: "Why it works: {SUMMARY}', 5, "summary",
         f"{NEVER_CLOSED} — {QUOTES_HOW}: summary: 'Why it works: {SUMMARY_QUOTED[1:]}",
         ("summary",), f"Why it works: {SUMMARY}"),
        ({"summary": f"'{SUMMARY}'"}, f"summary: '{SUMMARY}'", 5, "summary",
         f"{APOSTROPHE}: summary: {SUMMARY_QUOTED}", ("summary",), SUMMARY),
        ({"title": '"Our" year of fractions'}, 'title: "Our" year of fractions', 2, "title",
         f"""{TEXT_AFTER} — {QUOTES_HOW}: title: '"Our" year of fractions'""", ("title",), '"Our" year of fractions'),
        # A straight quote that opens, with curly ones inside or closing it.
        ({"title": '"“Our” year of fractions'}, 'title: "“Our” year of fractions', 2, "title",
         f"{NEVER_CLOSED} — {QUOTES_HOW}: title: '“Our” year of fractions'", ("title",), "“Our” year of fractions"),
        ({"title": '"Our year: fractions”'}, 'title: "Our year: fractions”', 2, "title",
         f"{CURLY_CLOSE} — {QUOTES_HOW}: title: 'Our year: fractions'", ("title",), "Our year: fractions"),
        # Names under trust and people: the field is dotted, the line keeps its indentation.
        ({"trust": "\n  name: St Mary's: a trust\n  schools: 3"}, "  name: St Mary's: a trust", 9, "trust.name",
         f"{COLON} — {QUOTES_HOW}:   name: 'St Mary''s: a trust'", ("trust", "name"), "St Mary's: a trust"),
        ({"people": "\n  - name: Kat Adams\n  - name: Sam Patel: maths lead"}, "  - name: Sam Patel: maths lead", 10,
         "people.2.name", f"{COLON} — {QUOTES_HOW}:   - name: 'Sam Patel: maths lead'", ("people", 1, "name"),
         "Sam Patel: maths lead"),
        ({"people": '\n  - name: Kat Adams\n    role: "Our "maths" lead"'}, '    role: "Our "maths" lead"', 10,
         "people.1.role", f"""{DOUBLE_IN_DOUBLE} — {QUOTES_HOW}:     role: 'Our "maths" lead'""",
         ("people", 0, "role"), 'Our "maths" lead'),
        # A quote left open runs on to the next " lines below: the line that opened it is named.
        ({"school": '\n  name: "Rocklands School\n  location: "Lichfield"'}, '  name: "Rocklands School', 9,
         "school.name", f"{NEVER_CLOSED} — {QUOTES_HOW}:   name: 'Rocklands School'", ("school", "name"),
         "Rocklands School"),
    ],
)
def test_a_quote_or_colon_yaml_cannot_read_gets_the_line_that_works(
    project: Path, fields: dict[str, str], bad: str, line: int, field: str, message: str,
    path: tuple[str | int, ...], meant: str,
) -> None:
    text = case_study_text(**fields)
    assert bad in text.split("\n")
    write(project, "story.md", text)
    # Contract §5: a syntax problem is in the field 'front matter'; its message names the key.
    assert problems(project) == [f"case_studies/story.md:{line}: front matter: {field}: {message}"]
    # Doing what it says works: the suggested line, written back, gives the value meant and no problem.
    suggested = message.split(" twice: ", 1)[1]
    write(project, "story.md", text.replace(bad, suggested))
    assert problems(project) == []
    result, _ = split(project, text.replace(bad, suggested))
    assert result is not None
    value: Any = result.front_matter
    for step in path:
        value = value[step]
    assert value == meant


def test_curly_quotes_yaml_reads_as_text_are_fine(project: Path) -> None:
    write(project, "story.md", case_study_text(title="“Our” year of ‘fractions’", summary="It’s the “story” of a year of fractions."))
    assert problems(project) == []


def test_line_separators_yaml_would_count_differently_are_refused(project: Path) -> None:
    write(project, "sep.md", case_study_text(title="Rethinking\u2028fractions with the hub"))
    assert problems(project) == [
        "case_studies/sep.md:2: front matter: contains an invisible line separator (U+2028) — retype this line"
    ]


def test_files_that_are_not_markdown_are_reported_not_ignored(project: Path) -> None:
    write(project, "story.markdown", case_study_text())
    write(project, "Story.MD", case_study_text())
    write(project, ".hidden/notes.txt", "editor's scratch file")
    assert problems(project) == [
        "case_studies/Story.MD:1: file: 'Story.MD' is not read: case studies must be Markdown files ending in '.md' "
        "— rename it to 'story.md' or move it out of this folder",
        "case_studies/story.markdown:1: file: 'story.markdown' is not read: case studies must be Markdown files "
        "ending in '.md' — rename it to 'story.md' or move it out of this folder",
    ]


# --- links and special files: refused without being opened (contract §1) ---------------------

LINK = (
    "is a symbolic link; a case study must be a real file or folder inside case_studies/ "
    "— replace the link with the file or folder itself"
)
# Valid front matter, with a hub that would be reported if the file were ever read.
OUTSIDE = case_study_text(hubs="[secret-outside-hub]", title="Secret outside title")


def casebook_check(project: Path, *paths: str) -> subprocess.CompletedProcess[str]:
    """`casebook check` as CI runs it; the timeout turns a hang into a failure."""
    result = subprocess.run(
        [sys.executable, "-m", "macros.editing.cli", "check", "--config-file", str(project / "mkdocs.yml"), *paths],
        capture_output=True, text=True, timeout=60, cwd=project,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result


def link(project: Path, name: str, target: Path | str) -> Path:
    path = project / "case_studies" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)
    return path


@pytest.fixture
def terminal() -> Iterator[str]:
    """The path of a terminal no one ever types into: reading it would wait forever."""
    leader, follower = os.openpty()
    yield os.ttyname(follower)
    os.close(leader)
    os.close(follower)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A valid case study outside the project: a link to it must not publish it."""
    path = tmp_path / "elsewhere" / "outside.md"
    path.parent.mkdir()
    path.write_text(OUTSIDE, encoding="utf-8")
    return path


@pytest.mark.parametrize("target", ["/dev/zero", "terminal", "outside", "dangling", "folder"])
def test_a_linked_file_is_refused_never_followed(project: Path, target: str, request: pytest.FixtureRequest) -> None:
    # /dev/zero never ends, a terminal never answers, the outside file must not be published.
    where = {"dangling": str(project / "case_studies" / "gone.md"), "folder": str(project / "docs")}
    if target in ("terminal", "outside"):
        where[target] = str(request.getfixturevalue(target))
    link(project, "x.md", where.get(target, target))
    assert problems(project) == [f"case_studies/x.md:1: file: {LINK}"]
    result = casebook_check(project)
    assert result.stdout == f"case_studies/x.md:1: file: {LINK}\n"
    assert "secret" not in (result.stdout + result.stderr).lower()


def test_read_case_study_itself_refuses_a_link(project: Path, outside: Path) -> None:
    result, found = read_case_study(link(project, "x.md", outside), project)
    assert result is None
    assert [str(problem) for problem in found] == [f"case_studies/x.md:1: file: {LINK}"]


def test_a_linked_folder_is_refused_and_not_entered(project: Path, outside: Path) -> None:
    link(project, "imported", outside.parent)
    link(project, "2025/north", project / "case_studies" / "imported-gone")  # dangling
    assert problems(project) == [
        f"case_studies/2025/north:1: file: {LINK}",
        f"case_studies/imported:1: file: {LINK}",
    ]
    assert load_library(project, today=TODAY).files_checked == 0


@pytest.mark.parametrize("target", ["folder", "dangling"])
def test_case_studies_itself_a_link_is_refused(project: Path, outside: Path, target: str) -> None:
    (project / "case_studies").rmdir()
    (project / "case_studies").symlink_to(outside.parent if target == "folder" else project / "nowhere")
    assert problems(project) == [f"case_studies:1: file: {LINK}"]
    result = casebook_check(project)
    assert result.stdout == f"case_studies:1: file: {LINK}\n"


def special(kind: str) -> str:
    return (
        f"is a {kind}, not a regular file; a case study must be a real file inside case_studies/ "
        "— replace it with the Markdown file itself"
    )


def test_a_named_pipe_is_refused_without_waiting_on_it(project: Path) -> None:
    write(project, "story.md", case_study_text())
    os.mkfifo(project / "case_studies" / "x.md")
    os.mkfifo(project / "case_studies" / "notes.txt")  # not .md: still not opened
    expected = [
        f"case_studies/notes.txt:1: file: {special('named pipe (FIFO)')}",
        f"case_studies/x.md:1: file: {special('named pipe (FIFO)')}",
    ]
    assert problems(project) == expected
    assert casebook_check(project).stdout.splitlines() == expected
    assert casebook_check(project, "case_studies/x.md").stdout.splitlines() == expected[1:]


def test_a_socket_is_refused(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project / "case_studies")  # a socket's path must be short
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind("x.md")
        assert problems(project) == [f"case_studies/x.md:1: file: {special('socket')}"]


def test_a_device_named_on_the_command_line_is_refused(project: Path, terminal: str) -> None:
    found = load_library(project, paths=[Path("/dev/zero"), Path(terminal)], today=TODAY).problems
    assert [str(problem) for problem in found] == sorted(
        [f"/dev/zero:1: file: {special('character device')}", f"{terminal}:1: file: {special('character device')}"]
    )


def test_swapped_in_after_the_check_is_refused_by_what_was_opened(
    project: Path, monkeypatch: pytest.MonkeyPatch, terminal: str
) -> None:
    """Race-safe: a pipe or link that replaces the file between lstat and open is refused
    on the descriptor (fstat) or by O_NOFOLLOW, without blocking."""
    pipe = project / "case_studies" / "pipe.md"
    os.mkfifo(pipe)
    linked = link(project, "linked.md", terminal)
    regular = os.lstat(project / "mkdocs.yml")
    monkeypatch.setattr(loading.os, "lstat", lambda path: regular)
    assert [str(p) for p in read_case_study(pipe, project)[1]] == [f"case_studies/pipe.md:1: file: {special('named pipe (FIFO)')}"]
    assert [str(p) for p in read_case_study(linked, project)[1]] == [f"case_studies/linked.md:1: file: {LINK}"]


def test_hidden_entries_are_skipped_even_when_links_or_pipes(project: Path) -> None:
    link(project, ".zero.md", "/dev/zero")
    os.mkfifo(project / "case_studies" / ".pipe.md")
    link(project, ".git", "/")
    assert problems(project) == []


# --- explicit paths (casebook check PATH) ------------------------------------------------------


def test_an_explicit_path_that_is_a_link_is_refused(project: Path, outside: Path) -> None:
    link(project, "x.md", outside)
    result = casebook_check(project, "case_studies/x.md", str(project / "case_studies" / "x.md"))
    assert result.stdout == f"case_studies/x.md:1: file: {LINK}\n"
    assert "secret" not in (result.stdout + result.stderr).lower()


def test_an_explicit_path_through_a_linked_folder_is_refused(project: Path, outside: Path) -> None:
    link(project, "imported", outside.parent)
    result = casebook_check(project, "case_studies/imported/outside.md", "case_studies/imported")
    assert result.stdout.splitlines() == [
        f"case_studies/imported:1: file: {LINK}",
        f"case_studies/imported/outside.md:1: file: is inside 'case_studies/imported', which {LINK}",
    ]
    assert "secret" not in (result.stdout + result.stderr).lower()


def test_an_explicit_path_with_dot_dot_is_read_where_it_leads_lexically(project: Path) -> None:
    write(project, "story.md", case_study_text(hubs="[nowhere]"))
    (project / "case_studies" / "2025").mkdir()
    result = casebook_check(project, "case_studies/2025/../story.md")
    assert result.stdout.startswith("case_studies/story.md:7: hubs: unknown hub 'nowhere'")


# --- folder names follow the slug rule (they are part of "edit this page" addresses) ----------


def folder_message(shown: str, name: str, suggestion: str) -> str:
    return (
        f"{shown}:1: slug: folder name {name!r} does not follow the slug rule — rename the folder to "
        f"'{suggestion}' (lower-case letters, digits and single hyphens)"
    )


def test_badly_named_folders_are_reported_once_and_their_files_still_checked(project: Path) -> None:
    write(project, "My Stories/good.md", case_study_text())
    write(project, "My Stories/more.md", case_study_text(hubs="[nowhere]"))
    write(project, "2025/Bob's/story-two.md", case_study_text())
    write(project, "-leading/story-three.md", case_study_text())
    write(project, "CAPITALS/story-four.md", case_study_text())
    write(project, "trailing\n/story-five.md", case_study_text())  # '$' in a regex would let this through
    write(project, "fine-2025/nested/story-six.md", case_study_text())
    found = problems(project)
    unknown_hub = found.pop(4)
    assert unknown_hub.startswith("case_studies/My Stories/more.md:7: hubs: unknown hub 'nowhere'")
    assert found == [
        folder_message("case_studies/-leading", "-leading", "leading"),
        folder_message("case_studies/2025/Bob's", "Bob's", "bob-s"),
        folder_message("case_studies/CAPITALS", "CAPITALS", "capitals"),
        folder_message("case_studies/My Stories", "My Stories", "my-stories"),
        folder_message("case_studies/trailing\\n", "trailing\n", "trailing"),
    ]
    library = load_library(project, today=TODAY)
    assert library.files_checked == 7
    assert {case_study.slug for case_study in library.case_studies} == {
        "good", "story-two", "story-three", "story-four", "story-five", "story-six"
    }


def test_a_folder_with_no_letters_gets_no_empty_suggestion(project: Path) -> None:
    write(project, "___/story.md", case_study_text())
    assert problems(project) == [
        "case_studies/___:1: slug: folder name '___' does not follow the slug rule — rename the folder "
        "(lower-case letters, digits and single hyphens)"
    ]


def test_an_explicit_path_in_a_badly_named_folder_reports_the_folder(project: Path) -> None:
    write(project, "My Stories/good.md", case_study_text())
    result = casebook_check(project, "case_studies/My Stories/good.md", "case_studies/My Stories")
    assert result.stdout == folder_message("case_studies/My Stories", "My Stories", "my-stories") + "\n"


def test_folders_nested_deeper_than_python_recurses_are_walked(project: Path) -> None:
    # 300 folders against a recursion limit of 100 more than the current depth: a recursive walk
    # would fail, and the tree stays shallow enough for shutil.rmtree (which recurses) to clean up.
    folder = project / "case_studies"
    for _ in range(300):
        folder = folder / "a"
    folder.mkdir(parents=True)
    (folder / "deep.md").write_text(case_study_text(), encoding="utf-8")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 100)
    try:
        files, found = find_case_study_files([project / "case_studies"], project)
    finally:
        sys.setrecursionlimit(limit)
    assert (files, found) == ([folder / "deep.md"], [])


def test_the_build_fails_naming_every_link_pipe_and_badly_named_folder(project: Path, outside: Path) -> None:
    write(project, "story.md", case_study_text())
    link(project, "zero.md", "/dev/zero")
    link(project, "imported", outside.parent)
    os.mkfifo(project / "case_studies" / "pipe.md")
    write(project, "My Stories/good.md", case_study_text())
    result = run_build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for expected in (
        f"case_studies/zero.md:1: file: {LINK}",
        f"case_studies/imported:1: file: {LINK}",
        f"case_studies/pipe.md:1: file: {special('named pipe (FIFO)')}",
        folder_message("case_studies/My Stories", "My Stories", "my-stories"),
    ):
        assert expected in result.stderr
    assert "secret" not in result.stderr.lower()


# --- reads are capped --------------------------------------------------------------------------


def test_a_large_file_is_read_no_further_than_the_limit(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(project, "huge.md", case_study_text(body="word " * (5 * MAX_BYTES // 5)))
    size = path.stat().st_size
    read: list[int] = []
    real_read = os.read

    def counting_read(descriptor: int, length: int) -> bytes:
        chunk = real_read(descriptor, length)
        read.append(len(chunk))
        return chunk

    monkeypatch.setattr(loading.os, "read", counting_read)
    result, found = read_case_study(path, project)
    assert result is None
    assert [str(problem) for problem in found] == [
        f"case_studies/huge.md:1: file: is {size:,} bytes; a case study may be at most 1 MB ({MAX_BYTES:,} bytes) — shorten it"
    ]
    assert sum(read) == MAX_BYTES + 1


def test_a_sparse_ten_gigabyte_file_is_refused_quickly(project: Path) -> None:
    path = write(project, "sparse.md", case_study_text())
    os.truncate(path, 10 * 1024**3)
    started = time.monotonic()
    assert problems(project) == [
        f"case_studies/sparse.md:1: file: is {10 * 1024**3:,} bytes; a case study may be at most 1 MB "
        f"({MAX_BYTES:,} bytes) — shorten it"
    ]
    assert time.monotonic() - started < 10
