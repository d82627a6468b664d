"""Rules for a case study's Markdown body (contract §1 "Body" and §5).

The scan is line by line and skips fenced code and inline code, which is what
an editor reads as "not text". It errs towards reporting: the rendered page is
also run through an allow-list sanitiser, so anything this scan cannot see is
still never script.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .loading import iter_lines

ALLOWED_SCHEMES = ("https", "http", "mailto")

_FENCE_OPEN = re.compile(r"^\s*(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
# "<" then a letter, "/", "!" or "?" is markup (contract §5), except Markdown autolinks.
_MARKUP = re.compile(r"<(?=[A-Za-z/!?])")
_AUTOLINK = re.compile(r"<(?:(?:https?|ftp)://[^<>\s]*|mailto:[^<>\s]*|[^<>\s!@]+@[^<>\s@]+)>", re.IGNORECASE)
_ANGLED_DESTINATION = re.compile(r"(?:\]\(\s*|^ {0,3}\[[^\]]+\]:\s*)<[^>\n]*>")
_INLINE_LINK = re.compile(r"\]\(\s*(<[^>\n]*>|[^\s)]*)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>\n]*>|\S+)")
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?!#)(.*?)\s*#*\s*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")
_QUESTION = re.compile(r"^(\d+)\.\s+\S")


@dataclass(frozen=True)
class BodyProblem:
    line: int
    message: str


@dataclass(frozen=True)
class BodyScan:
    problems: list[BodyProblem]
    word_count: int  # whitespace-separated words outside code, for the reading time


def url_problem(url: str) -> str | None:
    """Why a link target is refused, or None: https, http, mailto, relative paths and #fragments only."""
    # Browsers decode entities and ignore whitespace and control characters inside a
    # scheme ("java&#x9;script:"), so the check must too.
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", cleaned)
    if match is None or match.group(1).lower() in ALLOWED_SCHEMES:
        return None
    return (
        f"links may only use https:, http: or mailto: (or a relative path or #fragment), "
        f"not '{match.group(1).lower()}:'"
    )


def text_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Body lines outside fenced code, with inline code spans blanked out."""
    for number, line in _lines_outside_fences(body, first_line):
        yield number, blank_code_spans(line) if "`" in line else line


def _lines_outside_fences(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    fence: str | None = None
    for number, line in iter_lines(body, first_line):
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        if match := _FENCE_OPEN.match(line):
            fence = match.group(1)
            continue
        yield number, line


def blank_code_spans(line: str) -> str:
    """The line with each inline code span (a run of backticks up to the next run of
    the same length, as CommonMark reads it) blanked out.

    Linear in the line's length: a regular expression with a backreference
    takes minutes over a hostile line of thousands of backticks.
    """
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(line)]
    by_length: dict[int, list[int]] = {}
    for position, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(position)
    pieces, kept_to, position = [], 0, 0
    while position < len(runs):
        start, end = runs[position]
        same = by_length[end - start]
        later = bisect.bisect_right(same, position)
        if later == len(same):  # no closing run: these backticks are text
            position += 1
            continue
        closer = same[later]
        close_end = runs[closer][1]
        pieces += [line[kept_to:start], " " * (close_end - start)]
        kept_to, position = close_end, closer + 1
    return "".join(pieces) + line[kept_to:]


def scan_body(body: str, first_line: int, *, questions: bool) -> BodyScan:
    """Every body problem, and the word count, in one pass.

    ``questions`` applies the Find Out in Five heading rule.
    """
    problems: list[BodyProblem] = []
    headings: list[tuple[int, str, bool]] = []  # line, text, underlined (setext)
    text: list[str] = []
    previous = ""
    limits = _Limits(problems)
    for number, raw in _lines_outside_fences(body, first_line):
        line = blank_code_spans(raw) if "`" in raw else raw
        limits.add(number, raw, line)
        text.append(line)
        if "<" in line:
            problems.extend(_markup_problems(number, line))
        if "]" in line:
            problems.extend(_link_problems(number, line))
        if not line.startswith(("#", " ", "-", "=")):
            previous = line
            continue
        if heading := _ATX_HEADING.match(line):
            if len(heading.group(1)) == 2:
                headings.append((number, heading.group(2).strip(), False))
        elif _SETEXT_UNDERLINE.match(line) and previous.strip() and not _ATX_HEADING.match(previous):
            if line.strip().startswith("-"):
                headings.append((number - 1, previous.strip(), True))
        previous = line
    if questions:
        problems.extend(_question_problems(headings, first_line))
    return BodyScan(sorted(problems, key=lambda problem: problem.line), len("\n".join(text).split()))


# Python-Markdown's inline parser slows down with the square of a paragraph's length
# for each '[' or run of backticks it cannot close (20,000 '[' take minutes), so a
# pull request could stall every build. Real case studies stay far inside these.
MAX_PARAGRAPH = 20_000  # characters
MAX_BRACKETS = 500  # '[' in the whole body: links, images and footnotes
MAX_BACKTICK_RUNS = 1_000  # runs of backticks in the whole body, code spans' included


class _Limits:
    """Counts what makes Markdown slow, reporting each limit once, where it is passed."""

    def __init__(self, problems: list[BodyProblem]) -> None:
        self.problems = problems
        self.brackets = self.backticks = 0
        self.paragraph_start = self.paragraph_size = self.last = 0
        self.reported: set[object] = set()

    def add(self, number: int, raw: str, line: str) -> None:
        if not raw.strip() or number != self.last + 1:
            self.paragraph_start, self.paragraph_size = number, 0
        self.last = number
        self.paragraph_size += len(raw) + 1
        if self.paragraph_size > MAX_PARAGRAPH and ("paragraph", self.paragraph_start) not in self.reported:
            self.reported.add(("paragraph", self.paragraph_start))
            self.report(self.paragraph_start, f"this paragraph is over {MAX_PARAGRAPH:,} characters long — split it with blank lines")
        self.brackets += line.count("[")
        if self.brackets > MAX_BRACKETS and "brackets" not in self.reported:
            self.reported.add("brackets")
            self.report(number, f"more than {MAX_BRACKETS} '[' characters in the body — a case study needs far fewer; "
                                "remove the stray brackets")
        if "`" in raw:
            self.backticks += len(_BACKTICKS.findall(raw))
            if self.backticks > MAX_BACKTICK_RUNS and "backticks" not in self.reported:
                self.reported.add("backticks")
                self.report(number, f"more than {MAX_BACKTICK_RUNS:,} runs of backticks (`) in the body — "
                                    "remove the stray ones")

    def report(self, line: int, message: str) -> None:
        self.problems.append(BodyProblem(line, message))


def check_body(body: str, first_line: int, *, questions: bool) -> list[BodyProblem]:
    return scan_body(body, first_line, questions=questions).problems


def count_words(body: str) -> int:
    return scan_body(body, 1, questions=False).word_count


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _markup_problems(number: int, line: str) -> Iterator[BodyProblem]:
    # Autolinks and <angle-bracketed> link destinations are Markdown, not HTML;
    # their targets are checked as links.
    scrubbed = _AUTOLINK.sub(_blank, line)
    scrubbed = _ANGLED_DESTINATION.sub(_blank, scrubbed)
    for match in _MARKUP.finditer(scrubbed):
        snippet = re.match(r"<[^\s>]{0,15}", scrubbed[match.start() :])
        shown = snippet.group() if snippet else "<"
        yield BodyProblem(
            number,
            f"raw HTML is not allowed ('{shown}') — write it in Markdown; "
            f"to show a '<' sign, put a space after it or write it inside `backticks`",
        )
        return  # one per line is enough to find it


@dataclass(frozen=True)
class LinkTarget:
    line: int  # in the file
    index: int  # line index within the body
    start: int  # the target's place in that line, without <angle brackets>
    end: int
    target: str


def link_targets(body: str, first_line: int) -> Iterator[LinkTarget]:
    """Every link and image destination in the body, outside code, where it stands."""
    for number, raw in _lines_outside_fences(body, first_line):
        if "]" not in raw:
            continue
        line = blank_code_spans(raw) if "`" in raw else raw
        for match in _destinations(line):
            start, end = match.span(1)
            if line[start:end].startswith("<") and line[start:end].endswith(">"):
                start, end = start + 1, end - 1
            if end > start:
                yield LinkTarget(number, number - first_line, start, end, raw[start:end])


def _destinations(line: str) -> list[re.Match[str]]:
    """The link and image destinations of one line (code spans already blanked), as group 1."""
    matches = list(_INLINE_LINK.finditer(line))
    if definition := _REFERENCE_DEFINITION.match(line):
        matches.append(definition)
    return matches


def _link_problems(number: int, line: str) -> Iterator[BodyProblem]:
    for match in _destinations(line):
        reason = url_problem(match.group(1).strip("<>"))
        if reason:
            yield BodyProblem(number, reason)


def _question_problems(headings: list[tuple[int, str, bool]], first_line: int) -> Iterator[BodyProblem]:
    expected = 1  # the next question number
    for number, text, underlined in headings:
        clipped = text if len(text) <= 40 else f"{text[:39]}…"
        shown = f"## {clipped}"
        match = _QUESTION.match(text)
        if underlined and match is None:
            yield BodyProblem(
                number,
                f"'{clipped}' followed by a '---' line is a level-2 heading, which a Find Out in Five keeps "
                f"for its five questions — put a blank line before '---' if you meant a dividing line",
            )
            continue
        if match is None:
            yield BodyProblem(
                number,
                f"'{shown}' is not allowed in a Find Out in Five: its ## headings are exactly the five "
                f"questions '## 1. …' to '## 5. …' — use ### for a heading inside an answer",
            )
            continue
        found = int(match.group(1))
        if found > 5 or expected > 5:
            yield BodyProblem(number, f"'{shown}' is one question too many: a Find Out in Five has exactly five")
        elif found < expected:
            yield BodyProblem(number, f"'{shown}' is out of order: the next question should be '## {expected}. …'")
        elif found > expected:
            yield BodyProblem(number, f"{_missing(expected, found - 1)} before '{shown}' — number the questions 1 to 5 in order")
            expected = found + 1
        else:
            expected += 1
    if expected <= 5:
        line = headings[-1][0] if headings else first_line
        yield BodyProblem(
            line,
            f"a Find Out in Five needs five question headings '## 1. …' to '## 5. …': "
            f"{_missing(expected, 5)} at the end",
        )


def _missing(first: int, last: int) -> str:
    if first == last:
        return f"question {first} is missing"
    return f"questions {first} to {last} are missing"
