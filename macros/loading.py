"""Reading case-study files: bytes to text, text to front matter and body.

This is the only place a case-study file is parsed. The build renders exactly
the body found here and the checks see exactly the front matter found here, so
there is no second parser to disagree with (MkDocs never sees an editor's
front matter). Every failure becomes a :class:`Problem`; nothing here raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .model import Problem
from .strict_yaml import YamlMap, YamlProblem, load_yaml

MAX_BYTES = 1024 * 1024
BOM = b"\xef\xbb\xbf"
FENCE = "---"
# YAML treats these as line breaks, Markdown does not: the two would disagree on lines.
_YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")


@dataclass(frozen=True)
class CaseStudyFile:
    """A case-study file split into its parts, before any field is checked."""

    path: Path
    display_path: str
    slug: str
    front_matter: YamlMap
    body: str
    body_line: int  # file line of the body's first line


def display_path(path: Path, root: Path) -> str:
    """The path as editors see it: relative to the project (``root`` is resolved), with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def find_case_study_files(paths: Iterable[Path], root: Path) -> tuple[list[Path], list[Problem]]:
    """Expand folders to the Markdown files in them (sorted, recursive).

    Anything in a case-study folder that is not a ``.md`` file is reported: a
    ``story.markdown`` or ``story.MD`` would otherwise never be published and
    nobody would be told.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in child.relative_to(path).parts) or child.is_dir():
                    continue
                if child.suffix == ".md":
                    files.append(child)
                else:
                    problems.append(
                        Problem(
                            display_path(child, root), 1, "file",
                            f"'{child.name}' is not read: case studies must be Markdown files ending in "
                            f"'.md' — rename it to '{child.stem.lower()}.md' or move it out of this folder",
                        )
                    )
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(display_path(path, root), 1, "file", "no such file or folder"))
    return files, problems


def read_case_study(path: Path, root: Path) -> tuple[CaseStudyFile | None, list[Problem]]:
    """Read one file. Returns the split file, or None with the problems that stop it."""
    shown = display_path(path, root)

    def fail(line: int, field: str, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown, line, field, message)]

    try:
        data = path.read_bytes()
    except OSError as error:
        return fail(1, "file", f"cannot be read ({error.strerror or error})")
    return parse_case_study(data, path, shown)


def parse_case_study(data: bytes, path: Path, shown: str) -> tuple[CaseStudyFile | None, list[Problem]]:
    """Split a case study's bytes (from a file, or about to be written to one)."""

    def fail(line: int, field: str, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown, line, field, message)]

    text, problem = decode(data)
    if problem is not None:
        line, message = problem
        return fail(line, "file", message)
    assert text is not None
    lines = text.split("\n")
    closing, problem = split_front_matter(lines)
    if problem is not None:
        line, message = problem
        return fail(line, "front matter", message)
    assert closing is not None
    front_text = "\n".join(lines[1:closing])
    if match := _YAML_ONLY_BREAKS.search(front_text):
        line = 2 + front_text.count("\n", 0, match.start())
        return fail(line, "front matter", f"contains an invisible line separator (U+{ord(match.group()):04X}) — retype this line")
    try:
        front_matter = load_yaml(front_text, first_line=2)
    except YamlProblem as error:
        return fail(error.line, "front matter", error.message)
    if not isinstance(front_matter, YamlMap):
        return fail(1, "front matter", _not_a_mapping(front_matter))
    if not front_matter:
        return fail(1, "front matter", _not_a_mapping(None))
    body = "\n".join(lines[closing + 1 :])
    return (
        CaseStudyFile(
            path=path,
            display_path=shown,
            slug=path.stem,
            front_matter=front_matter,
            body=body,
            body_line=closing + 2,
        ),
        [],
    )


def decode(data: bytes) -> tuple[str | None, tuple[int, str] | None]:
    """UTF-8 bytes to text with ``\\n`` line endings, or (line, message) saying why not."""
    if len(data) > MAX_BYTES:
        return None, (1, f"is {len(data):,} bytes; a case study may be at most 1 MB ({MAX_BYTES:,} bytes) — shorten it")
    offset = len(BOM) if data.startswith(BOM) else 0
    if not data[offset:].strip():
        return None, (1, "is empty — a case study starts with front matter between '---' lines")
    nul = data.find(b"\x00")
    if nul >= 0:
        return None, (
            data.count(b"\n", 0, nul) + 1,
            f"contains a NUL byte at byte offset {nul} — this is not a text file; save it as UTF-8 text",
        )
    try:
        text = data[offset:].decode("utf-8")
    except UnicodeDecodeError as error:
        position = offset + error.start
        return None, (
            data.count(b"\n", 0, position) + 1,
            f"is not valid UTF-8 at byte offset {position} — save the file with UTF-8 encoding",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def split_front_matter(lines: list[str]) -> tuple[int | None, tuple[int, str] | None]:
    """Index of the closing fence, or (line, message) when the fences are wrong (contract §5)."""
    first = lines[0]
    if first != FENCE:
        if first.rstrip() == FENCE:
            return None, (1, "the opening '---' has spaces after it — make the first line exactly '---'")
        if first.startswith("---"):
            return None, (1, f"the first line is '{_clip(first)}' — it must be exactly '---'")
        return None, (1, "a case study must start with front matter: make the first line exactly '---'")
    for index in range(1, len(lines)):
        if lines[index] == FENCE:
            return index, None
        if lines[index] == "...":
            return None, (index + 1, "'...' cannot end the front matter — use a line that is exactly '---'")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FENCE or re.fullmatch(r"-{4,}\s*", lines[index]):
            return None, (index + 1, f"'{_clip(lines[index])}' cannot end the front matter — use a line that is exactly '---'")
    return None, (1, "the front matter is never closed — add a line that is exactly '---' after it")


def _not_a_mapping(value: object) -> str:
    if value is None:
        return "is empty — write 'key: value' lines such as 'title: …' between the '---' lines"
    kind = "a list" if isinstance(value, list) else "a single value"
    return f"is {kind}, not 'key: value' lines — write fields such as 'title: …' between the '---' lines"


def _clip(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def iter_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """The body's lines with their file line numbers."""
    for offset, line in enumerate(body.split("\n")):
        yield first_line + offset, line
