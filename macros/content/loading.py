"""Reading case-study files: bytes to text, text to front matter and body.

This is the only place a case-study file is parsed. The build renders exactly
the body found here and the checks see exactly the front matter found here, so
there is no second parser to disagree with (MkDocs never sees an editor's
front matter). Every failure becomes a :class:`Problem`; nothing here raises.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from macros.content.images import IMAGES_FOLDER, is_image_name
from macros.content.model import Problem
from macros.content.strict_yaml import YamlMap, YamlProblem, load_yaml

CASE_STUDIES_DIR = "case_studies"  # as in library.py, which imports this module
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
        return _from_root(path, root).relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# --- finding files: every byte under case_studies/ is hostile, names and links included ---

LINK = (
    "is a symbolic link; a case study must be a real file or folder inside case_studies/ "
    "— replace the link with the file or folder itself"
)
_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "named pipe (FIFO)"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)
# Opening never follows a link, never waits on a pipe or terminal, never adopts a terminal.
OPEN_UNTRUSTED = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def find_case_study_files(paths: Iterable[Path], root: Path) -> tuple[list[Path], list[Problem]]:
    """Expand folders to the Markdown files in them (sorted, recursive), following no link.

    Anything in a case-study folder that is not a ``.md`` file is reported: a
    ``story.markdown`` or ``story.MD`` would otherwise never be published and
    nobody would be told. Links and special files are reported without being
    opened (contract §1); a badly named folder is reported and its files still read.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for given in paths:
        found, found_problems = _find(_from_root(given, root), root)
        files.extend(found)
        problems.extend(found_problems)
    # A file or folder named twice (`check case_studies/x.md case_studies`) counts once.
    return list(dict.fromkeys(files)), list(dict.fromkeys(problems))


def _find(path: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    shown = display_path(path, root)
    linked = _linked_folder(path, root)
    if linked is not None:
        return [], [Problem(shown, 1, "file", f"is inside '{display_path(linked, root)}', which {LINK}")]
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return [], [Problem(shown, 1, "file", "no such file or folder")]
    except OSError as error:
        return [], [Problem(shown, 1, "file", _unreadable(error))]
    folders = [*_folders_between(root, path), *([path] if stat.S_ISDIR(mode) else [])]
    problems = [problem for folder in folders for problem in _folder_name_problems(folder, root)]
    if stat.S_ISDIR(mode):
        found, walked = _walk(path, root)
        return found, problems + walked
    if stat.S_ISREG(mode):
        return [path], problems
    return [], [*problems, Problem(shown, 1, "file", _not_regular(mode))]


def _walk(top: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """Every ``.md`` file below ``top``; hidden entries are skipped, links never followed.
    A loop, not recursion: a hostile tree may nest deeper than Python recurses."""
    files: list[Path] = []
    problems: list[Problem] = []
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as scanned:
                entries = [(entry.name, entry.stat(follow_symlinks=False).st_mode) for entry in scanned]
        except OSError as error:
            problems.append(Problem(display_path(folder, root), 1, "file", _unreadable(error)))
            continue
        for name, mode in sorted(entries):
            if name.startswith("."):
                continue
            child = folder / name
            if folder == root / CASE_STUDIES_DIR / IMAGES_FOLDER and not stat.S_ISDIR(mode) and child.suffix != ".md":
                continue  # a picture, or what claims to be one: macros/content/images.py checks it
            if stat.S_ISDIR(mode):
                problems.extend(_folder_name_problems(child, root))
                pending.append(child)
            elif not stat.S_ISREG(mode):
                problems.append(Problem(display_path(child, root), 1, "file", _not_regular(mode)))
            elif child.suffix == ".md":
                files.append(child)
            elif is_image_name(name):
                problems.append(Problem(
                    display_path(child, root), 1, "file",
                    f"'{name}' is a picture, and pictures are read only from case_studies/images/ — move it "
                    f"there and link it from the case study as '../images/{name.lower()}'",
                ))
            else:
                problems.append(
                    Problem(
                        display_path(child, root), 1, "file",
                        f"'{child.name}' is not read: case studies must be Markdown files ending in "
                        f"'.md' — rename it to '{child.stem.lower()}.md' or move it out of this folder",
                    )
                )
    return sorted(files), problems


def _from_root(path: Path, root: Path) -> Path:
    """``path`` made absolute and spelled from the project root, following no link
    below the root. Links above it are fine (``/tmp`` is one on macOS): ``root`` is
    resolved, so the first folder on the way that resolves to it is the root."""
    absolute = Path(os.path.abspath(path))  # lexical; os.getcwd() is already link-free
    if absolute.is_relative_to(root):
        return absolute
    parts = absolute.parts
    for cut in range(1, len(parts)):
        if os.path.realpath(Path(*parts[:cut])) == str(root):
            return root.joinpath(*parts[cut:])
    return absolute


def _folders_between(root: Path, path: Path) -> list[Path]:
    """The folders below ``root`` that hold ``path`` (none when it is outside the project)."""
    if not path.is_relative_to(root):
        return []
    parts = path.relative_to(root).parts[:-1]
    return [root.joinpath(*parts[: count + 1]) for count in range(len(parts))]


def _linked_folder(path: Path, root: Path) -> Path | None:
    """The first folder between the project and ``path`` that is a symbolic link, if any."""
    return next((folder for folder in _folders_between(root, path) if folder.is_symlink()), None)


def _folder_name_problems(folder: Path, root: Path) -> list[Problem]:
    """A sub-folder's name is part of the file's "edit this page" address: it follows the slug rule."""
    content = root / CASE_STUDIES_DIR
    if folder == content or not folder.is_relative_to(content):
        return []
    from .checks import SLUG_PATTERN, slugify  # here, not at the top: checks imports this module

    if SLUG_PATTERN.fullmatch(folder.name):  # fullmatch: '$' would let a final line break through
        return []
    suggestion = slugify(folder.name)
    rename = f"rename the folder to '{suggestion}'" if suggestion else "rename the folder"
    return [
        Problem(
            display_path(folder, root), 1, "slug",
            f"folder name {folder.name!r} does not follow the slug rule — {rename} "
            "(lower-case letters, digits and single hyphens)",
        )
    ]


def _not_regular(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return LINK
    kind = next((name for test, name in _SPECIAL_KINDS if test(mode)), "special file")
    return (
        f"is a {kind}, not a regular file; a case study must be a real file inside case_studies/ "
        "— replace it with the Markdown file itself"
    )


def _unreadable(error: OSError) -> str:
    return f"cannot be read ({error.strerror or error})"


# --- reading one file ---------------------------------------------------------------------


def read_case_study(path: Path, root: Path) -> tuple[CaseStudyFile | None, list[Problem]]:
    """Read one file. Returns the split file, or None with the problems that stop it."""
    shown = display_path(path, root)
    data, problem = _read_capped(path)
    if problem is not None:
        return None, [Problem(shown, 1, "file", problem)]
    return parse_case_study(data, path, shown)


def _read_capped(path: Path) -> tuple[bytes, str | None]:
    """At most ``MAX_BYTES + 1`` bytes of a regular file, or why not. A link, pipe,
    terminal or device is refused before it is opened (lstat), and again after
    (fstat of what was opened), in case it was swapped in between."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        return b"", _unreadable(error)
    if not stat.S_ISREG(mode):
        return b"", _not_regular(mode)
    try:
        descriptor = os.open(path, OPEN_UNTRUSTED)
    except OSError as error:
        return b"", LINK if error.errno == errno.ELOOP else _unreadable(error)
    try:
        opened = os.fstat(descriptor)
        if not stat.S_ISREG(opened.st_mode):
            return b"", _not_regular(opened.st_mode)
        data = _read_at_most(descriptor, MAX_BYTES + 1)
    except OSError as error:
        return b"", _unreadable(error)
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        return b"", _too_big(max(len(data), opened.st_size))
    return data, None


def _read_at_most(descriptor: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    while limit > 0 and (chunk := os.read(descriptor, min(limit, 1 << 16))):
        chunks.append(chunk)
        limit -= len(chunk)
    return b"".join(chunks)


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
    except YamlProblem as error:  # a key written twice is an error in that key's field (§5)
        return fail(error.line, error.field or "front matter", error.field_message)
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
        return None, (1, _too_big(len(data)))
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


def _too_big(size: int) -> str:
    return f"is {size:,} bytes; a case study may be at most 1 MB ({MAX_BYTES:,} bytes) — shorten it"


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
