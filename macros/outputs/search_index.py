"""The site's search index: one set of small files serving the header search box
and the finder's free-text search.

Nothing is fetched until a reader searches. Then the browser loads the words
file covering each query word, and a small file for each result it shows: tens
of kilobytes at most, however large the library grows. Words are read by
macros/outputs/search_words.py, which the JavaScript mirrors.

Files, under ``case-studies/search/<version>/``:

- ``<key>.json``: the words starting with ``key`` (a letter, or two or three
  when one letter's words would make too big a file), each mapped to the
  documents using it, as ascending ``id * 4 + field``, where field is 2 for the
  title, 1 for the summary and facts (type, phases, hubs, models, programmes,
  trust, school, people), 0 for the body; delta-encoded (``[9, 5]`` is 9,
  document 2 in its facts, then 14, document 3 in its title). A word is stored
  as written (normalised), not as its stem:
  the browser stems the words of a file it fetches. A word too short for its
  letter's longer keys stays in the shorter key's file, so a query word needs
  every key that starts with it or that it starts with.
- ``docs-<n>.json``: ``[url, title, summary]`` of documents ``n * 10`` to
  ``n * 10 + 9``, the url relative to the site root: fetched for the results shown.
- ``search.json``: what a first search reads before any words file: the
  glossary's words (search_words.GlossaryWords.as_json) and where the texts are.
- ``../texts-<digest>/<id>.json``: each case study's text as a string (facts,
  then body, plain), fetched only to show a passage for a result on screen whose
  words are not in its title or summary. In a folder of their own, named by
  their content, because they are known as soon as the case studies are and are
  written while the pages are built (write_passage_texts, in search_worker's
  process). The other documents' texts are ``text-<id>.json`` here.

Case studies come first, in the finder's newest-first order, so a document id
below the number of case studies is also the position of its card in the finder.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from macros.outputs.search_words import NO_GLOSSARY, GlossaryWords, WordReader

SEARCH_DIR = "case-studies/search"
# Few enough that ten results spread over ten files stay small, enough to keep the files few.
DOCUMENTS_PER_FILE = 10
TEXT_LENGTH = 12_000  # characters of a document's text kept for passages
TITLE, FACTS, BODY = 2, 1, 0  # where a word is: the field of a posting
WORDS_FILE_SIZE = 40_000  # characters of JSON before a key is split by its next letter
LONGEST_KEY = 3
# Markdown link targets and reference definitions are addresses, not words.
_LINK_TARGET = re.compile(r"\]\([^)]*\)|^\s{0,3}\[[^\]]+\]:.*$", re.MULTILINE)


def words(text: str, reader: WordReader | None = None) -> set[str]:
    """The search words of ``text``, link targets left out."""
    if "]" in text:  # only then can there be a link target to leave out
        text = _LINK_TARGET.sub(" ", text)
    return (reader or _PLAIN).words(text)


_PLAIN = WordReader()


@dataclass(frozen=True)
class SearchDocument:
    url: str  # relative to the site root, e.g. "case-studies/some-slug/"
    title: str
    summary: str  # shown under the title in results
    text: str  # the body, as plain text
    facts: str = ""  # names worth finding it by: type, phases, hubs, trust, people…


@dataclass(frozen=True)
class SearchFiles:
    version: str  # changes whenever the content does, so browsers never mix old and new files
    files: dict[str, str]  # file stem ("a", "docs-0") -> JSON text
    word_keys: tuple[str, ...]  # the prefixes that have a words file
    documents: int

    @property
    def base(self) -> str:
        return f"{SEARCH_DIR}/{self.version}/"

    def write(self, site_dir: Path) -> None:
        """Into the built site (not handed to MkDocs one by one: it makes each file's folder again)."""
        _write_json_files(site_dir / self.base, self.files.items())


Postings = dict[str, list[int]]  # word -> ascending id * 4 + field
WordSource = tuple[str, str, str]  # (title, summary and facts, body): what index_words reads


def index_words(documents: Iterable[WordSource], first: int = 0, glossary: GlossaryWords = NO_GLOSSARY) -> Postings:
    """The words of each document, numbering the documents from ``first``."""
    reader = WordReader(glossary)
    postings: Postings = defaultdict(list)
    for number, (title, facts, text) in enumerate(documents, start=first):
        in_title = words(title, reader)
        in_facts = words(facts, reader) - in_title
        for word in in_title:
            postings[word].append(number * 4 + TITLE)
        for word in in_facts:
            postings[word].append(number * 4 + FACTS)
        for word in words(text, reader) - in_title - in_facts:
            postings[word].append(number * 4 + BODY)
    return dict(postings)


def word_sources(documents: Iterable[SearchDocument]) -> list[WordSource]:
    """What index_words reads of each document (plain tuples travel well between processes)."""
    return [(document.title, document.summary + "\n" + document.facts, document.text) for document in documents]


@dataclass(frozen=True)
class PassageTexts:
    """Where the texts passages are drawn from are, for the first ``count`` documents (the
    case studies): a folder named by what is in it, one small file each. They are known as
    soon as the case studies are, so they are written while the pages are built (by the
    search worker), and they change only when a text does."""

    folder: str  # relative to the site root: case-studies/search/texts-<digest>/
    count: int


def passage_texts(documents: Sequence[SearchDocument]) -> tuple[PassageTexts, list[str]]:
    """Where each document's passage text goes, and the texts, as JSON (written by write_passage_texts)."""
    files = [_json(passage_text(document)) for document in documents]
    digest = hashlib.sha256("\0".join(files).encode()).hexdigest()[:12]
    return PassageTexts(f"{SEARCH_DIR}/texts-{digest}/", len(files)), files


def write_passage_texts(site_dir: Path, texts: PassageTexts, files: Sequence[str]) -> None:
    """Write each document's passage text into its folder under ``site_dir``."""
    _write_json_files(site_dir / texts.folder, ((str(number), text) for number, text in enumerate(files)))


def _write_json_files(folder: Path, named: Iterable[tuple[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in named:
        (folder / f"{name}.json").write_text(text, encoding="utf-8")


def build_search_files(
    documents: Sequence[SearchDocument],
    parts: Sequence[Postings] | None = None,
    glossary: GlossaryWords = NO_GLOSSARY,
    texts: PassageTexts | None = None,
) -> SearchFiles:
    """The search files for ``documents``. ``parts`` are index_words of consecutive runs of
    them, in order, together all of them (one run is indexed in another process: see
    search_worker); without them every document is indexed here. ``texts`` holds the first
    documents' passage texts, written already; the rest are written with these files as
    ``text-<id>.json``."""
    if parts is None:
        parts = [index_words(word_sources(documents), glossary=glossary)]
    postings: Postings = {}
    for part in parts:
        for word, ids in part.items():
            postings.setdefault(word, []).extend(ids)  # later runs, higher ids: still ascending
    by_letter: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for word in sorted(postings):
        by_letter[word[0]][word] = _deltas(postings[word])
    chunks: dict[str, str] = {}
    for letter, group in sorted(by_letter.items()):
        chunks.update(_words_files(letter, group))
    files = dict(chunks)
    texts = texts or PassageTexts(f"{SEARCH_DIR}/texts-none/", 0)
    # What a first search reads before any words file: the glossary, and where the texts are.
    files["search"] = _json({
        "glossary": glossary.as_json(),
        "texts": {"base": "../" + texts.folder.removeprefix(SEARCH_DIR + "/"), "count": texts.count},
    })
    for start in range(0, len(documents), DOCUMENTS_PER_FILE):
        batch = documents[start : start + DOCUMENTS_PER_FILE]
        files[f"docs-{start // DOCUMENTS_PER_FILE}"] = _json([[d.url, d.title, d.summary] for d in batch])
    for number, document in enumerate(documents[texts.count :], start=texts.count):
        text = passage_text(document)
        if text:
            files[f"text-{number}"] = _json(text)
    digest = hashlib.sha256()
    for key, text in sorted(files.items()):
        digest.update(key.encode() + b"\0" + text.encode())
    return SearchFiles(
        version=digest.hexdigest()[:12], files=files, word_keys=tuple(sorted(chunks)), documents=len(documents)
    )


def passage_text(document: SearchDocument) -> str:
    """What a passage is drawn from: the facts, then the body, one space between words."""
    text = " ".join((document.facts + " " + document.text).split())
    return text[:TEXT_LENGTH].rsplit(" ", 1)[0] if len(text) > TEXT_LENGTH else text


def _words_files(prefix: str, group: dict[str, list[int]]) -> dict[str, str]:
    """One file for ``group`` (its words all start with ``prefix``), or, if that is
    too big, one per next letter plus one for the words no longer than the prefix."""
    text = _json(group)
    if len(text) <= WORDS_FILE_SIZE or len(prefix) >= LONGEST_KEY:
        return {prefix: text}
    files: dict[str, str] = {}
    short = {word: ids for word, ids in group.items() if len(word) == len(prefix)}
    if short:
        files[prefix] = _json(short)
    longer: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for word, ids in group.items():
        if len(word) > len(prefix):
            longer[word[: len(prefix) + 1]][word] = ids
    for child, child_group in sorted(longer.items()):
        files.update(_words_files(child, child_group))
    return files


def _json(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _deltas(values: list[int]) -> list[int]:
    return [value - previous for previous, value in zip([0, *values], values)]  # values ascend


# A fenced block, from its opening line to the closing fence of the same kind: code and
# examples (an error message naming a misspelt hub) are not what a reader searches for.
_FENCED = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
_MARKDOWN_NOISE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|<[^>]+>|[#>*_`|\[\]()!-]+", re.DOTALL)


# What a case study's Markdown writes besides its words (its profile has no HTML, no macros):
# the marks of emphasis, code and tables go by str.translate, the marks that open a line by one pattern.
_MARKUP_CHARACTERS = str.maketrans({"*": " ", "`": " ", "|": " ", "[": None, "]": None})
_LINE_MARKUP = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]|>[ \t]?|[-+][ \t]|[!?]{3}\+?[ \t]+[a-z]+|[ \t:-]*-{3}[ \t:-]*$)", re.MULTILINE
)


def case_study_text(markdown: str) -> str:
    """A case study's body as plain text, for its search words and passages."""
    text = _LINK_TARGET.sub(" ", markdown).replace("](", " ").translate(_MARKUP_CHARACTERS)
    return _LINE_MARKUP.sub(" ", text)


def markdown_text(markdown: str) -> str:
    """Searchable text of a hand-written page's Markdown: macros, code, markup and link targets removed."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---", 4)
        markdown = markdown[end + 4 :] if end > 0 else markdown
    markdown = _FENCED.sub(" ", markdown)
    return re.sub(r"\s+", " ", _MARKDOWN_NOISE.sub(" ", _LINK_TARGET.sub(" ", markdown))).strip()
