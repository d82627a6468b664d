"""Pictures for case studies: files in ``case_studies/images/``, published at ``/case-studies/images/``.

A case study links a picture as its readers see the site, from its own page:
``![Pupils using rekenreks](../images/rekenreks.jpg)``. Pictures arrive by pull
request like everything else, so each is held to what it claims to be: a real
file (no link, no device), a name that follows the slug rule, one of four
raster formats whose first bytes match its extension, and at most 2 MB. SVG is
refused: served from the site, an SVG document can run script.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from macros.content.model import Problem

IMAGES_FOLDER = "images"  # inside case_studies/
IMAGES_URL = "case-studies/images/"  # where the build publishes them
MAX_IMAGE_BYTES = 2 * 1024 * 1024
# What each extension's file starts with.
_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),  # and "WEBP" at byte 8, checked below
}
IMAGE_EXTENSIONS = tuple(_SIGNATURES)
_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\.(png|jpe?g|gif|webp)")
WHERE = "put pictures in case_studies/images/ and link them from a case study as '../images/<file>'"


@dataclass(frozen=True)
class Image:
    path: Path  # the file
    site_path: str  # "case-studies/images/rekenreks.jpg"


def is_image_name(name: str) -> bool:
    return Path(name).suffix.lower() in (*IMAGE_EXTENSIONS, ".svg")


def find_images(case_studies: Path, shown: str) -> tuple[list[Image], list[Problem]]:
    """The pictures in ``case_studies/images/``, each checked; ``shown`` is that folder as editors see it.
    Only files directly inside it are pictures."""
    folder = case_studies / IMAGES_FOLDER
    try:
        mode = os.lstat(folder).st_mode
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [Problem(shown, 1, "file", f"cannot be read ({error.strerror or error})")]
    if not stat.S_ISDIR(mode):
        return [], [Problem(shown, 1, "file", f"must be a real folder of pictures — {WHERE}")]
    images: list[Image] = []
    problems: list[Problem] = []
    with os.scandir(folder) as entries:
        listed = sorted((entry.name, entry.stat(follow_symlinks=False).st_mode) for entry in entries)
    for name, entry_mode in listed:
        if name.startswith(".") or name.endswith(".md"):
            continue  # hidden, or a case study kept here (read as any other)
        where = f"{shown}/{name}"
        if stat.S_ISDIR(entry_mode):
            continue  # read by the case-study walk, which says where its pictures should be
        problem = check_image(folder / name, entry_mode)
        if problem:
            problems.append(Problem(where, 1, "file", problem))
        else:
            images.append(Image(folder / name, IMAGES_URL + name))
    return images, problems


def check_image(path: Path, mode: int) -> str | None:
    """Why a file cannot be a case study's picture, or None."""
    name = path.name
    suffix = path.suffix.lower()
    if stat.S_ISLNK(mode):
        return "is a symbolic link — put the picture file itself in case_studies/images/"
    if not stat.S_ISREG(mode):
        return "is not a regular file — put the picture file itself in case_studies/images/"
    if suffix == ".svg":
        return ("SVG pictures are not accepted (an SVG file can hold a script) — save it as PNG or JPEG "
                "and put that in case_studies/images/")
    if suffix not in _SIGNATURES:
        return (f"'{name}' is not a picture the casebook publishes — use a PNG, JPEG, GIF or WebP file "
                "(or, for a case study, a Markdown file ending in '.md')")
    if not _NAME.fullmatch(name):
        stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "picture"
        return (f"'{name}' is not a valid picture name — use lower-case letters, digits and single hyphens, "
                f"such as '{stem}{suffix.lower().replace('.jpeg', '.jpg')}'")
    from .loading import OPEN_UNTRUSTED  # here: macros/content/loading.py imports this module

    try:
        descriptor = os.open(path, OPEN_UNTRUSTED)
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    try:
        size = os.fstat(descriptor).st_size
        start = os.read(descriptor, 16)
    finally:
        os.close(descriptor)
    if size > MAX_IMAGE_BYTES:
        return (f"is {size:,} bytes; a picture may be at most 2 MB ({MAX_IMAGE_BYTES:,} bytes) — make it smaller "
                "(1,600 pixels wide is plenty for the page)")
    signatures = _SIGNATURES[suffix]
    if not start.startswith(signatures) or (suffix == ".webp" and start[8:12] != b"WEBP"):
        return (f"is not a {suffix.lstrip('.').upper()} picture inside, whatever its name says — "
                "save it again from a picture editor as PNG or JPEG")
    return None
