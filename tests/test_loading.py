"""Reading a case-study file: encoding, size, line endings and fences (contract §1, §5)."""

from __future__ import annotations

from pathlib import Path

from conftest import case_study_text, front_matter, problems, write

from macros.loading import MAX_BYTES, read_case_study


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
        "case_studies/syntax.md:5: front matter: YAML syntax error: a value contains ': ' or a line is "
        "indented too far — put the value in quotes or line the key up"
    ]


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
