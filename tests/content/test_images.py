"""Pictures for case studies (macros/content/images.py): files in case_studies/images/, linked as ../images/<file>."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import case_study_text, problems, run_build, write

from macros.content.images import MAX_IMAGE_BYTES

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
WHERE = "put pictures in case_studies/images/ and link them from a case study as '../images/<file>'"


def picture(project: Path, name: str, content: bytes = PNG) -> Path:
    path = project / "case_studies" / "images" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_a_picture_in_case_studies_images_is_published_beside_the_case_studies(project: Path) -> None:
    picture(project, "pupils-with-rekenreks.png")
    write(project, "story.md", case_study_text(body="Intro.\n\n![Pupils using rekenreks](../images/pupils-with-rekenreks.png)\n"))
    assert problems(project) == []
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "case-studies" / "images" / "pupils-with-rekenreks.png").read_bytes() == PNG
    page = (project / "site" / "case-studies" / "story" / "index.html").read_text(encoding="utf-8")
    assert '<img alt="Pupils using rekenreks" src="../images/pupils-with-rekenreks.png">' in page


def test_a_missing_picture_is_told_where_pictures_go(project: Path) -> None:
    write(project, "story.md", case_study_text(body="Intro.\n\n![Pupils](../images/pupils.png)\n"))
    assert problems(project) == [
        f"case_studies/story.md:11: body: image '../images/pupils.png' is not a picture of the casebook — {WHERE} "
        "(check the file's name)"
    ]


def test_a_picture_that_leads_to_a_page_or_has_no_description(project: Path) -> None:
    picture(project, "chart.png")
    write(project, "story.md", case_study_text(body="![A hub](../../hubs/jurassic/)\n\n![](../images/chart.png)\n"))
    assert problems(project) == [
        f"case_studies/story.md:9: body: image '../../hubs/jurassic/' leads to a page, not a picture — {WHERE}",
        "case_studies/story.md:11: body: image '../images/chart.png' has no description — say what it shows between "
        "the brackets, for readers who cannot see it: ![Pupils sharing a number line](../images/chart.png)",
    ]


def test_another_sites_picture_is_refused(project: Path) -> None:
    write(project, "story.md", case_study_text(body="![A pixel](https://tracker.example/p.gif)\n"))
    assert problems(project) == [
        "case_studies/story.md:9: body: image 'https://tracker.example/p.gif' is on another site — the casebook never "
        f"makes a reader's browser call another site: save the picture and {WHERE}"
    ]


def test_a_picture_left_beside_the_case_studies_is_told_to_move(project: Path) -> None:
    (project / "case_studies" / "Photo.JPG").write_bytes(b"\xff\xd8\xff" + b"\x00" * 20)
    assert problems(project) == [
        "case_studies/Photo.JPG:1: file: 'Photo.JPG' is a picture, and pictures are read only from "
        "case_studies/images/ — move it there and link it from the case study as '../images/photo.jpg'"
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
         "SVG pictures are not accepted (an SVG file can hold a script) — save it as PNG or JPEG and put that in "
         "case_studies/images/"),
        ("page.png", b"<html><script>alert(1)</script></html>",
         "is not a PNG picture inside, whatever its name says — save it again from a picture editor as PNG or JPEG"),
        ("My Photo.PNG", PNG,
         "'My Photo.PNG' is not a valid picture name — use lower-case letters, digits and single hyphens, such as "
         "'my-photo.png'"),
        ("notes.txt", b"hello", "'notes.txt' is not a picture the casebook publishes — use a PNG, JPEG, GIF or WebP "
                                "file (or, for a case study, a Markdown file ending in '.md')"),
        ("big.png", PNG + b"\x00" * MAX_IMAGE_BYTES,
         f"is {len(PNG) + MAX_IMAGE_BYTES:,} bytes; a picture may be at most 2 MB ({MAX_IMAGE_BYTES:,} bytes) — make "
         "it smaller (1,600 pixels wide is plenty for the page)"),
    ],
)
def test_what_is_not_a_picture_is_refused_with_why(project: Path, name: str, content: bytes, message: str) -> None:
    picture(project, name, content)
    assert problems(project) == [f"case_studies/images/{name}:1: file: {message}"]


def test_a_linked_picture_is_refused_unread(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.png"
    outside.write_bytes(PNG)
    (project / "case_studies" / "images").mkdir()
    os.symlink(outside, project / "case_studies" / "images" / "secret.png")
    assert problems(project) == [
        "case_studies/images/secret.png:1: file: is a symbolic link — put the picture file itself in case_studies/images/"
    ]


def test_a_case_studys_own_page_by_its_full_address_should_be_relative(project: Path) -> None:
    write(project, "a.md", case_study_text(body="See [b](https://maths-hubs.github.io/casebook/case-studies/b/).\n"))
    write(project, "b.md", case_study_text(title="Another story here"))
    assert problems(project) == [
        "case_studies/a.md:9: body: link 'https://maths-hubs.github.io/casebook/case-studies/b/' is a page of this "
        "casebook written as a full web address — link it as '../b/' so it keeps working wherever the site is published"
    ]
    # Another site's address that only looks similar is left alone.
    write(project, "a.md", case_study_text(body="See [NCETM](https://www.ncetm.org.uk/case-studies/).\n"))
    assert problems(project) == []


def test_images_is_not_a_case_studys_name(project: Path) -> None:
    write(project, "images.md", case_study_text())
    assert problems(project) == [
        "case_studies/images.md:1: slug: 'images' is reserved for the site's own pages — choose another file name"
    ]
