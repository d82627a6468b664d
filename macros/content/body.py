"""A case study's body: the case-study Markdown profile, rendered and checked in one parse.

Contract §1 "Body" and §5 "One reading of a body". The checks are not a second
reading of the text: they run inside the renderer, on its own tree, so what
Python-Markdown treats as code, text or a link, the checks treat the same way
and no line can hide the rest of a body from them. The profile cannot express
an attribute: there is no attr_list, no md_in_html and no raw HTML (a tag is
shown as text and reported), heading ids are made here from the heading text,
classes come only from the profile's own blocks, and images are files of this
site. The HTML is then passed through an allow-list sanitiser as well
(macros/content/sanitise.py), so safety never rests on one layer.

Nothing here raises for any input: every failure becomes a :class:`BodyProblem`.
"""

from __future__ import annotations

import bisect
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import markdown
from markdown.blockparser import BlockParser
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrExtension
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension, slugify
from markdown.inlinepatterns import HTML_RE, InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER, AtomicString

from macros.content.glossary import short_forms_in
from macros.content.images import WHERE
from macros.content.links import SiteMap, relative_url, resolve
from macros.content.sanitise import ADMONITION_TYPES, sanitise_body
from macros.content.urls import ALLOWED_SCHEMES, is_other_site, url_problem

__all__ = ["ADMONITION_TYPES", "ALLOWED_SCHEMES", "BodyLink", "BodyProblem", "Heading", "RenderedBody", "render_body", "url_problem"]

HEADING_LEVELS = (2, 3, 4)

# Python-Markdown's inline parser slows down with the square of a paragraph's length
# for each '[' or run of backticks it cannot close (20,000 '[' take minutes), so a
# pull request could stall every build. These are counted over the whole text,
# code included, before anything is parsed: they bound what the renderer will do,
# whatever it makes of the text. Real case studies stay far inside them.
MAX_PARAGRAPH = 20_000  # characters between blank lines
MAX_BRACKETS = 500  # '[' in the whole body: links, images and footnotes
MAX_BACKTICK_RUNS = 1_000  # runs of backticks in the whole body
MAX_NESTING = 12  # block quotes, lists and blocks inside each other
OPENING_LENGTH = 400  # characters of RenderedBody.opening, cut at a word

_BACKTICKS = re.compile(r"`+")
_MARKUP = re.compile(r"<(?=[A-Za-z/!?])")
# attr_list's syntax: not part of the profile, so it would show as text; an editor who wrote it meant an attribute.
_ATTRIBUTE_LIST = re.compile(r"\{:[^}\n]*\}|\{[ \t]*[#.][A-Za-z_][^}\n]*\}")
_ESCAPED = re.compile("\x02(\\d+)\x03")  # a backslash escape, until Markdown unescapes it
_QUESTION = re.compile(r"^(\d+)\.\s+\S")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}-+\s*$")
_GENERATED_LINKS = ("headerlink", "footnote-ref", "footnote-backref")
# Ids the page around the body uses (macros/site/render.py); a heading never takes one.
_PAGE_IDS = frozenset({"cb-facts-heading", "cb-related-heading"})


@dataclass(frozen=True)
class BodyProblem:
    line: int
    message: str


@dataclass(frozen=True)
class Heading:
    """One entry of the table of contents: the casebook's own id and the heading as plain text."""

    level: int
    id: str
    text: str
    children: tuple[Heading, ...] = ()


@dataclass(frozen=True)
class BodyLink:
    """A link with an ``#anchor`` for the build to check: on this page (``src_path`` None) or the one it leads to."""

    line: int
    written: str  # as the editor wrote it
    src_path: str | None
    anchor: str


@dataclass(frozen=True)
class RenderedBody:
    html: str  # sanitised; links already relative to the case study's page
    toc: tuple[Heading, ...] = ()
    ids: frozenset[str] = frozenset()
    anchors: tuple[BodyLink, ...] = ()
    problems: tuple[BodyProblem, ...] = ()
    word_count: int = 0  # words outside code, for the reading time
    # How the body begins, as plain text for /case-studies.json: a Find Out in Five's first answer
    # (its first paragraph after "## 1."), else the first paragraph; at most OPENING_LENGTH characters.
    opening: str = ""

    def original(self, written: str) -> tuple[int, str] | None:
        """Where a link MkDocs reports on stands in the file, and how the editor wrote it."""
        for link in self.anchors:
            if link.written == written:
                return link.line, link.written
        return None


def render_body(
    body: str,
    first_line: int,
    *,
    page_url: str,
    site: SiteMap | None,
    questions: bool = False,
    abbreviations: Mapping[str, str] | None = None,
) -> RenderedBody:
    """Render a body in the case-study profile and report every problem, at its file line.

    ``page_url`` is the case study's URL (``case-studies/<slug>/``), which its relative
    links start from; ``site`` resolves them (None: links are not followed).
    ``questions`` applies the Find Out in Five heading rule. ``abbreviations`` (the
    glossary's, short form to long form) are shown as ``<abbr title="…">`` wherever the
    body uses them; a body's own ``*[TA]: …`` overrides one for that body alone.
    """
    limits = cost_problems(body, first_line)
    if limits:  # too costly to parse: say so and go no further
        return RenderedBody("", problems=tuple(limits))
    reading = _Reading(body, first_line, page_url, site, abbreviations=dict(abbreviations or {}), questions_rule=questions)
    try:
        converted = _profile().render(reading)
    except RecursionError:
        return RenderedBody("", problems=(BodyProblem(first_line, "is nested too deeply to be read — "
                                                      "use fewer block quotes and lists inside each other"),))
    except Exception as error:  # never a traceback for an editor, whatever Markdown makes of the text
        return RenderedBody("", problems=(BodyProblem(first_line, f"could not be read as Markdown "
                                                      f"({type(error).__name__}) — simplify the body"),))
    if questions:
        reading.problems.extend(_question_problems(reading.questions, first_line))
    return RenderedBody(
        html=sanitise_body(converted),
        toc=reading.toc,
        ids=frozenset(reading.ids),
        anchors=tuple(reading.anchors),
        problems=tuple(sorted(reading.problems, key=lambda problem: problem.line)),
        word_count=reading.words,
        opening=reading.opening,
    )


def heading_id(text: str, separator: str = "-") -> str:
    """A heading's id, as Python-Markdown's toc makes it (so anchors stay what they were), but never
    starting with '_' (the theme's ids, such as ``__drawer``) and never one the page itself uses."""
    slug = slugify(text, separator).strip("_-")[:80] or "section"
    return f"section-{slug}" if slug in _PAGE_IDS or slug.startswith(("cb-", "md-")) else slug


# --- what a body may cost, before it is parsed ---------------------------------------


def cost_problems(body: str, first_line: int) -> list[BodyProblem]:
    """Each cost limit passed, reported once, at the line where it is passed."""
    problems: list[BodyProblem] = []
    brackets = backticks = 0
    paragraph_start, paragraph_size = first_line, 0
    reported: set[str] = set()
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        if not line.strip():
            paragraph_start, paragraph_size = number + 1, 0
            continue
        paragraph_size += len(line) + 1
        if paragraph_size > MAX_PARAGRAPH and f"p{paragraph_start}" not in reported:
            reported.add(f"p{paragraph_start}")
            problems.append(BodyProblem(paragraph_start, f"this paragraph is over {MAX_PARAGRAPH:,} characters long — "
                                                         "split it with blank lines"))
        brackets += line.count("[")
        if brackets > MAX_BRACKETS and "brackets" not in reported:
            reported.add("brackets")
            problems.append(BodyProblem(number, f"more than {MAX_BRACKETS} '[' characters in the body — a case study "
                                                "needs far fewer; remove the stray brackets"))
        if "`" in line:
            backticks += len(_BACKTICKS.findall(line))
            if backticks > MAX_BACKTICK_RUNS and "backticks" not in reported:
                reported.add("backticks")
                problems.append(BodyProblem(number, f"more than {MAX_BACKTICK_RUNS:,} runs of backticks (`) in the "
                                                    "body — remove the stray ones"))
        if "nesting" not in reported and _nesting(line) > MAX_NESTING:
            reported.add("nesting")
            problems.append(BodyProblem(number, f"is nested more than {MAX_NESTING} levels deep (block quotes '>' or "
                                                "indented lists) — use fewer levels"))
    return problems


def _nesting(line: str) -> int:
    """How deep a line's start nests: each '>' is a level, and so is each four columns of indentation after the last."""
    lead = re.match(r"[ \t>]*", line)
    run = lead.group() if lead else ""
    after_quotes = run.rpartition(">")[2]
    return run.count(">") + len(after_quotes.expandtabs(4)) // 4


# --- one reading: what the renderer found, with lines ---------------------------------


@dataclass
class _Reading:
    """One body on its way through the profile: its text and what the checks found in it."""

    body: str
    first_line: int
    page_url: str
    site: SiteMap | None
    abbreviations: dict[str, str] = field(default_factory=dict)  # the glossary's: short form -> long form
    problems: list[BodyProblem] = field(default_factory=list)
    anchors: list[BodyLink] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    questions: list[tuple[int, str, bool]] = field(default_factory=list)  # line, text, underlined (setext)
    toc: tuple[Heading, ...] = ()
    words: int = 0
    questions_rule: bool = False  # a Find Out in Five: its opening is the first answer
    opening: str = ""
    # Filled in by the parser: the text it read and, for each top-level element, where its blocks stand.
    text: str = ""
    newlines: list[int] = field(default_factory=list)
    spans: dict[etree.Element, list[tuple[int, int]]] = field(default_factory=dict)

    def add(self, line: int, message: str) -> None:
        self.problems.append(BodyProblem(line, message))

    def line_at(self, offset: int) -> int:
        return self.first_line + bisect.bisect_left(self.newlines, offset)

    def locate(self, top: etree.Element | None, needle: str) -> int:
        """The file line of ``needle`` within the blocks a top-level element was read from."""
        spans = self.spans.get(top, []) if top is not None else []
        for start, end in spans:
            found = self.text.find(needle, start, end) if needle else -1
            if found >= 0:
                return self.line_at(found)
        if needle and (found := self.text.find(needle)) >= 0:  # footnotes are read apart from their blocks
            return self.line_at(found)
        return self.line_at(spans[0][0]) if spans else self.first_line

    def line_text(self, line: int) -> str:
        """One line of the text the parser read (from the newlines it noted, not a split per call)."""
        index = line - self.first_line
        if not 0 <= index <= len(self.newlines):
            return ""
        start = self.newlines[index - 1] + 1 if index > 0 else 0
        end = self.newlines[index] if index < len(self.newlines) else len(self.text)
        return self.text[start:end]


class _Profile:
    """The case-study profile: one Python-Markdown instance, reset for each body (building one costs more than a body)."""

    def __init__(self) -> None:
        self.extension = _CaseStudyExtension()
        self.abbr = AbbrExtension()
        self.md = markdown.Markdown(
            extensions=[
                self.abbr, "admonition", "def_list", "footnotes", "pymdownx.details",
                # align="…", not style="…": the pages' Content-Security-Policy refuses style attributes.
                TableExtension(use_align_attribute=True),
                TocExtension(permalink=True, slugify=heading_id),
                self.extension,
            ],
            output_format="html",
        )

    def render(self, reading: _Reading) -> str:
        # reset() empties the abbreviations and starts them again from the glossary, so a
        # body's own definitions (*[TA]: …) last for that body alone.
        # Only the abbreviations the body has: with none, the abbr extension has no work to do.
        self.abbr.glossary = {short: reading.abbreviations[short]
                              for short in short_forms_in(reading.body, tuple(reading.abbreviations))}
        self.md.reset()
        self.extension.reading = reading
        try:
            converted = str(self.md.convert(reading.body))
            reading.toc = tuple(_heading(token) for token in getattr(self.md, "toc_tokens", []))
            return converted
        finally:
            self.extension.reading = None


_PROFILE: _Profile | None = None


def _profile() -> _Profile:
    global _PROFILE
    if _PROFILE is None:
        _PROFILE = _Profile()
    return _PROFILE


def _heading(token: dict[str, Any]) -> Heading:
    return Heading(
        level=int(token["level"]),
        id=str(token["id"]),
        text=html.unescape(str(token["name"])),
        children=tuple(_heading(child) for child in token.get("children", [])),
    )


class _CaseStudyExtension(Extension):
    """What makes Python-Markdown the case-study profile (see the module's docstring)."""

    reading: _Reading | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's name
        md.preprocessors.deregister("html_block")  # a tag is text, reported, never passed through
        md.preprocessors.register(_FencedCode(md, self), "fenced_code_block", 25)
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.register(_TagAsText(HTML_RE, md), "html", 90)
        md.treeprocessors.register(_Checks(md, self), "casebook_checks", 1)  # after toc (5), before unescape (0)
        # The block processors hold this parser, so it is given the line-tracking loop in place.
        md.parser.__class__ = _LineTrackingParser
        setattr(md.parser, "extension", self)


class _FencedCode(Preprocessor):
    """Fenced code at the top level, as Python-Markdown's fenced_code reads it, but never with
    attributes (``{#id .class}`` would set them) and keeping every line where it was."""

    def __init__(self, md: markdown.Markdown, extension: _CaseStudyExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        reading = self.extension.reading
        position = 0
        while match := FencedBlockPreprocessor.FENCED_BLOCK_RE.search(text, position):
            if match.group("attrs") is not None and reading is not None:
                line = reading.first_line + text.count("\n", 0, match.start())
                reading.add(line, "a code fence takes no {…} attributes — write just ``` (or ```text) on its own line")
            code = html.escape(match.group("code"), quote=False)
            placeholder = self.md.htmlStash.store(f"<pre><code>{code}</code></pre>")
            # The same number of lines, so every later problem keeps its line; the
            # placeholder in a paragraph of its own (the text around a fence starts and ends a line).
            newlines = match.group(0).count("\n")
            replacement = "\n" + placeholder + "\n" * (newlines - 1)
            text = text[: match.start()] + replacement + text[match.end() :]
            position = match.start() + len(replacement)
        return text.split("\n")


class _TagAsText(InlineProcessor):
    """Where Markdown would pass an HTML tag or comment through, the profile keeps it as text (the checks report it)."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:  # noqa: N802 - Markdown's name
        return AtomicString(m.group(0)), m.start(0), m.end(0)


class _TrackedBlocks(list[str]):
    """The top-level blocks, each with the offset in the text where it starts.

    Block processors take blocks from the front and may put a remainder back; a
    remainder is the tail of the block it came from, so its offset follows from it.
    """

    def __init__(self, text: str) -> None:
        blocks = text.split("\n\n")
        super().__init__(blocks)
        self.offsets: list[int] = []
        offset = 0
        for block in blocks:
            self.offsets.append(offset)
            offset += len(block) + 2
        self.last_popped = (0, "")

    def pop(self, index: Any = -1) -> str:
        block = super().pop(index)
        offset = self.offsets.pop(index)
        if index == 0:
            self.last_popped = (offset, block)
        return block

    def insert(self, index: Any, block: str) -> None:
        super().insert(index, block)
        popped_offset, popped = self.last_popped
        if index == 0 and popped.endswith(block):
            offset = popped_offset + len(popped) - len(block)
        else:
            offset = popped_offset
        self.offsets.insert(index, offset)


class _LineTrackingParser(BlockParser):
    """Python-Markdown's block parser, noting for each top-level element where in the text it was read from."""

    extension: _CaseStudyExtension

    def parseDocument(self, lines: list[str]) -> etree.ElementTree:  # noqa: N802 - Markdown's name
        self.root = etree.Element(self.md.doc_tag)
        text = "\n".join(lines)
        reading = self.extension.reading
        blocks = _TrackedBlocks(text)
        spans: dict[etree.Element, list[tuple[int, int]]] = {}
        while blocks:
            start = blocks.offsets[0]
            children = len(self.root)
            for processor in self.blockprocessors:
                if processor.test(self.root, blocks[0]):
                    if processor.run(self.root, blocks) is not False:
                        break
            end = blocks.offsets[0] if blocks else len(text)
            touched = list(self.root[children:]) or list(self.root[-1:])
            for element in touched:
                spans.setdefault(element, []).append((start, max(end, start + 1)))
        if reading is not None:
            reading.text = text
            reading.newlines = [match.start() for match in re.finditer("\n", text)]
            reading.spans = spans
        return etree.ElementTree(self.root)


# --- the checks, on the renderer's own tree -------------------------------------------


_ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title", "class"}),
    "img": frozenset({"src", "alt", "title"}),
    "abbr": frozenset({"title"}),
    "th": frozenset({"align"}),
    "td": frozenset({"align"}),
    "ol": frozenset({"start"}),
    "details": frozenset({"open", "class"}),
    "div": frozenset({"class"}),
    "p": frozenset({"class"}),
    "sup": frozenset({"id"}),
    "li": frozenset({"id"}),
    **{f"h{level}": frozenset({"id"}) for level in range(1, 7)},
}
_ALLOWED_CLASSES: dict[str, frozenset[str]] = {
    "a": frozenset(_GENERATED_LINKS),
    "details": frozenset(ADMONITION_TYPES),
    "div": frozenset({"admonition", "footnote", *ADMONITION_TYPES}),
    "p": frozenset({"admonition-title"}),
}
_FOOTNOTE_ID = re.compile(r"^fn(ref\d*)?:")


class _Checks(Treeprocessor):
    """Every body rule, on the tree the page is made from; links resolved and attributes held to the profile's own."""

    def __init__(self, md: markdown.Markdown, extension: _CaseStudyExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        reading = self.extension.reading
        if reading is None:
            return
        for top in list(root):
            self.check_top_level(top, reading)
            for element, in_code in _walk(top):
                self.check(element, top, in_code, reading)
        # A reference definition is a link even where no text uses it (Markdown keeps it in md.references).
        for url, _title in getattr(self.md, "references", {}).values():
            if problem := url_problem(_unescape(url)):
                line = reading.locate(None, _unescape(url))
                if BodyProblem(line, problem) not in reading.problems:
                    reading.add(line, problem)
        self.check_abbreviations(reading)
        reading.opening = _opening(root, self.md, reading.questions_rule)

    def check_abbreviations(self, reading: _Reading) -> None:
        """A body's own ``*[TA]: …`` is plain text too: it becomes a title, which is escaped, but a tag in it is reported."""
        for extension in self.md.registeredExtensions:
            if not isinstance(extension, AbbrExtension):
                continue
            for short, title in extension.abbrs.items():
                if reading.abbreviations.get(short) == title or not (match := _MARKUP.search(title)):
                    continue
                snippet = re.match(r"<[^\s>]{0,15}", title[match.start():])
                shown = snippet.group() if snippet else "<"
                line = reading.locate(None, f"*[{short}]") if f"*[{short}]" in reading.text else reading.locate(None, title)
                reading.add(line, (
                    f"raw HTML is not allowed ('{shown}') in what '*[{short}]:' stands for — write plain text; "
                    "to show a '<' sign, put a space after it"))

    def check_top_level(self, top: etree.Element, reading: _Reading) -> None:
        if top.tag == "h2":
            text = _text_of(top)
            line = reading.locate(top, _needle(text, reading, top))
            underlined = bool(_SETEXT_UNDERLINE.match(reading.line_text(line + 1))) and not reading.line_text(line).lstrip().startswith("#")
            reading.questions.append((line, text, underlined))

    def check(self, element: etree.Element, top: etree.Element, in_code: bool, reading: _Reading) -> None:
        tag = element.tag
        if not in_code:
            for text in (element.text, element.tail):
                if text and "<" in text and (match := _MARKUP.search(text)):
                    snippet = re.match(r"<[^\s>]{0,15}", text[match.start():])
                    shown = snippet.group() if snippet else "<"
                    reading.add(reading.locate(top, shown), (
                        f"raw HTML is not allowed ('{shown}') — write it in Markdown; "
                        "to show a '<' sign, put a space after it or write it inside `backticks`"))
                if text and "{" in text and (found := _ATTRIBUTE_LIST.search(text)):
                    shown = found.group() if len(found.group()) <= 30 else found.group()[:29] + "…"
                    reading.add(reading.locate(top, found.group()), (
                        f"attribute lists ('{shown}') cannot be used in a case study: nothing in a body may set an "
                        "HTML attribute — remove it (headings get their ids from their text)"))
            reading.words += len((element.text or "").split()) + len((element.tail or "").split())
            reading.words -= _glued_to_abbreviations(element)
        if tag in ("h1", "h5", "h6"):
            level = int(tag[1])
            reading.add(reading.locate(top, _needle(_text_of(element), reading, top)),
                        f"a level-{level} heading ('{'#' * level} …') is not used in a case study — "
                        "use ## for a section, ### and #### inside one")
        elif tag == "a":
            self.link(element, top, reading)
        elif tag == "img":
            self.image(element, top, reading)
        elif tag in ("div", "details"):
            self.block_type(element, top, reading)
        self.hold_attributes(element, reading)

    def link(self, element: etree.Element, top: etree.Element, reading: _Reading) -> None:
        if element.get("class") in _GENERATED_LINKS:
            return
        href = _unescape(element.get("href", ""))
        element.set("href", href)
        written = href.replace(AMP_SUBSTITUTE, "&")  # e-mail addresses come obfuscated as entities
        if problem := url_problem(written):
            reading.add(reading.locate(top, written), problem)
            element.attrib.pop("href")
            return
        if reading.site is not None and (own := _own_page(written, reading.site)) is not None:
            # The casebook's own page by its full address breaks when the site moves.
            reading.add(reading.locate(top, written), (
                f"link '{written}' is a page of this casebook written as a full web address — link it as "
                f"'{relative_url(own, reading.page_url)}' so it keeps working wherever the site is published"))
            return
        self.follow(element, "href", written, top, reading)

    def image(self, element: etree.Element, top: etree.Element, reading: _Reading) -> None:
        written = _unescape(element.get("src", "")).replace(AMP_SUBSTITUTE, "&")
        problem = url_problem(written)
        if problem is None and is_other_site(written):
            problem = (f"image '{written}' is on another site — the casebook never makes a reader's browser call "
                       f"another site: save the picture and {WHERE}")
        if problem:
            reading.add(reading.locate(top, written), problem)
            element.attrib.pop("src", None)  # never fetched from anywhere
            return
        element.set("src", written)
        if not element.get("alt", "").strip():
            reading.add(reading.locate(top, written), (
                f"image '{written}' has no description — say what it shows between the brackets, for readers "
                f"who cannot see it: ![Pupils sharing a number line]({written})"))
        self.follow(element, "src", written, top, reading, picture=True)

    def follow(
        self, element: etree.Element, attribute: str, written: str, top: etree.Element, reading: _Reading,
        *, picture: bool = False,
    ) -> None:
        """Point a link at where it leads on the site, noting an #anchor for the build to check."""
        if reading.site is None:
            return
        resolved = resolve(written.strip(), reading.page_url, reading.site)
        line = reading.locate(top, written) if written else reading.locate(top, "")
        if picture and not resolved.problem and resolved.src_path is not None and resolved.src_path.endswith(".md"):
            reading.add(line, f"image '{written}' leads to a page, not a picture — {WHERE}")
            return
        if picture and resolved.problem:
            reading.add(line, f"image '{written}' is not a picture of the casebook — {WHERE} (check the file's name)")
            return
        if resolved.problem:
            reading.add(line, resolved.problem)
            return
        anchor = written.partition("#")[2]
        if resolved.src_path is None:
            if written.startswith("#") and anchor:
                reading.anchors.append(BodyLink(line, written, None, anchor))
            return
        element.set(attribute, relative_url(resolved.url, reading.page_url) + resolved.suffix)
        if anchor:
            reading.anchors.append(BodyLink(line, written, resolved.src_path, anchor))

    def block_type(self, element: etree.Element, top: etree.Element, reading: _Reading) -> None:
        classes = (element.get("class") or "").split()
        if element.tag == "div" and classes[:1] != ["admonition"]:
            return
        kinds = classes[1:] if element.tag == "div" else classes
        if kinds and (len(kinds) > 1 or kinds[0] not in ADMONITION_TYPES):
            marker = "!!!" if element.tag == "div" else "???"
            reading.add(reading.locate(top, " ".join(kinds)),
                        f"'{marker} {' '.join(kinds)}' is not a block type of the casebook — use one of: "
                        f"{', '.join(ADMONITION_TYPES)}")
        kind = kinds[0] if len(kinds) == 1 and kinds[0] in ADMONITION_TYPES else "note"
        element.set("class", f"admonition {kind}" if element.tag == "div" else kind)

    def hold_attributes(self, element: etree.Element, reading: _Reading) -> None:
        """Only the attributes the profile itself makes, whatever an extension let through."""
        tag = str(element.tag)
        allowed = _ALLOWED_ATTRIBUTES.get(tag, frozenset())
        for name, value in list(element.attrib.items()):
            keep = name in allowed
            if name == "class":
                kept = [c for c in value.split() if c in _ALLOWED_CLASSES.get(tag, frozenset())]
                keep = bool(kept)
                value = " ".join(kept)
            elif name == "align":
                keep = keep and value in ("left", "right", "center")
            elif name == "id":
                keep = keep and (tag.startswith("h") or bool(_FOOTNOTE_ID.match(value)))
                if keep:
                    reading.ids.add(value)
            if keep:
                element.set(name, value)
            else:
                del element.attrib[name]


def _opening(root: etree.Element, md: markdown.Markdown, first_answer: bool) -> str:
    """How a body begins, as plain text: the first top-level paragraph with words (after the
    question "## 1." and before the next question, for a Find Out in Five, when it has one).
    Read from the tree before its placeholders are replaced: code, footnote marks and what
    the stash holds (code blocks; entities are read as the characters they stand for) are left out."""
    first: str | None = None
    answer: str | None = None
    in_answer = False
    for top in root:
        if top.tag == "h2":
            in_answer = answer is None and bool(re.match(r"1\.\s", _text_of(top)))
            continue
        if top.tag != "p":
            continue
        text = _plain_text(top, md)
        if not text:
            continue
        if in_answer and answer is None:
            answer = text
        if first is None:
            first = text
        if answer is not None or not first_answer:
            break  # all that is needed: the rest of a long body is not read
    found = answer if first_answer and answer else first
    return _clip(found or "", OPENING_LENGTH)


_STASHED = re.compile(re.escape(HTML_PLACEHOLDER).replace("%s", r"(\d+)"))
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _plain_text(element: etree.Element, md: markdown.Markdown) -> str:
    """An element's words, whitespace collapsed: no code, no footnote marks, nothing stashed but entities."""
    parts: list[str] = []

    def collect(node: etree.Element) -> None:
        skip = node.tag in ("code", "pre") or node.get("class") == "footnote-ref"
        if not skip:
            parts.append(node.text or "")
            for child in node:
                collect(child)
                parts.append(child.tail or "")

    collect(element)

    def stashed(match: re.Match[str]) -> str:
        blocks = md.htmlStash.rawHtmlBlocks
        index = int(match.group(1))
        raw = str(blocks[index]) if index < len(blocks) else ""
        return html.unescape(raw) if _ENTITY.fullmatch(raw) else " "

    text = _STASHED.sub(stashed, _unescape("".join(parts)).replace(AMP_SUBSTITUTE, "&"))
    return " ".join(text.split())


def _clip(text: str, most: int) -> str:
    """``text``, or its first words within ``most`` characters and "…"."""
    if len(text) <= most:
        return text
    cut = text[: most - 1]
    space = cut.rfind(" ")
    if space > most // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


def _walk(top: etree.Element) -> Iterator[tuple[etree.Element, bool]]:
    """Every element under ``top`` (itself included), and whether it is inside code."""
    stack: list[tuple[etree.Element, bool]] = [(top, top.tag in ("code", "pre"))]
    while stack:
        element, in_code = stack.pop()
        yield element, in_code
        for child in reversed(list(element)):
            stack.append((child, in_code or child.tag in ("code", "pre")))


def _glued_to_abbreviations(element: etree.Element) -> int:
    """How many words the ``<abbr>`` children of ``element`` split in two, so that an abbreviation
    changes no word count: "TAs," and "(TA)" are one word each, however the tree holds them."""
    glued = 0
    before = element.text
    for child in element:
        if child.tag == "abbr":
            glued += bool(before and not before[-1].isspace()) + bool(child.tail and not child.tail[0].isspace())
        before = child.tail
    return glued


def _own_page(url: str, site: SiteMap) -> str | None:
    """The casebook page a full web address names, when its path ends with one of the casebook's
    case-study or listing pages (wherever the site is published), else None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    tail = "/".join(segments[-2:]) + "/" if len(segments) >= 2 else ""
    if tail.startswith(_OWN_FOLDERS) and (tail in site.pages or tail in site.drafts):
        return tail
    return None


_OWN_FOLDERS = ("case-studies/", "hubs/", "phases/", "partnership-models/", "programmes/")


def _text_of(element: etree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.get("class") != "headerlink":
            parts.append(_text_of(child))
        parts.append(child.tail or "")
    return _unescape("".join(parts)).replace(AMP_SUBSTITUTE, "&").strip()


def _needle(text: str, reading: _Reading, top: etree.Element) -> str:
    """The longest start of ``text`` that stands in the top-level element's blocks (its words may be marked up)."""
    for size in (len(text), 40, 20, 8, 3):
        needle = text[:size]
        spans = reading.spans.get(top, [])
        if needle and any(reading.text.find(needle, start, end) >= 0 for start, end in spans):
            return needle
    return ""


def _unescape(value: str) -> str:
    """Backslash escapes back to the characters they stand for (Markdown does it after the checks)."""
    return _ESCAPED.sub(lambda match: chr(int(match.group(1))), value)


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
