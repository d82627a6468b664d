"""One pass over a project: what `casebook check` and the build share."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY, case_study_text, write

from macros.content.library import load_library


def test_drafts_are_checked_but_not_published(project: Path) -> None:
    write(project, "live.md", case_study_text())
    write(project, "draft.md", case_study_text(draft="true", date="2030-01-01"))
    library = load_library(project, today=TODAY)
    assert library.problems == ()
    assert {cs.slug for cs in library.case_studies} == {"live", "draft"}
    assert [cs.slug for cs in library.published] == ["live"]


def test_an_invalid_draft_still_fails(project: Path) -> None:
    write(project, "draft.md", case_study_text(draft="true", hubs="[jurrasic]"))
    assert [str(p) for p in load_library(project, today=TODAY).problems] == [
        "case_studies/draft.md:7: hubs: unknown hub 'jurrasic' — did you mean 'jurassic'?"
    ]


def test_checking_some_files_still_catches_a_clash_with_the_library(project: Path, tmp_path: Path) -> None:
    write(project, "story.md", case_study_text())
    incoming = tmp_path / "incoming" / "story.md"
    incoming.parent.mkdir()
    incoming.write_text(case_study_text())
    library = load_library(project, paths=[incoming], today=TODAY)
    assert library.files_checked == 1
    assert [p.message for p in library.problems] == [
        "'story' is also the file name of case_studies/story.md — two case studies cannot share a slug; rename one"
    ]


def test_no_case_studies_folder_is_an_empty_library(project: Path) -> None:
    (project / "case_studies").rmdir()  # what a fresh clone of a library with no case studies has
    library = load_library(project, today=TODAY)
    assert library.problems == () and library.case_studies == ()


def test_the_glossary_is_loaded_once_and_explains_every_body(project: Path) -> None:
    (project / "data" / "glossary.yml").write_text("- abbreviation: TA\n  stands_for: teaching assistant\n")
    write(project, "story.md", case_study_text("Our TA led it.\n"))
    library = load_library(project, today=TODAY)
    assert library.problems == ()
    assert library.glossary is not None and [term.abbreviation for term in library.glossary] == ["TA"]
    assert '<abbr title="teaching assistant">TA</abbr>' in library.bodies["story"].html


def test_without_a_glossary_file_the_glossary_is_empty(project: Path) -> None:
    (project / "data" / "glossary.yml").unlink()
    write(project, "story.md", case_study_text("Our TA led it.\n"))
    library = load_library(project, today=TODAY)
    assert library.problems == () and library.glossary is not None and len(library.glossary) == 0
    assert "<abbr" not in library.bodies["story"].html
