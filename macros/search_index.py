"""The site's search index: one set of small files serving the header search box
and the finder's free-text search.

Nothing is fetched until a reader searches. Then the browser loads the words
file covering each query word, and the documents files holding the results it
shows, tens of kilobytes at most, however large the library grows. Words are
normalised exactly as the JavaScript normalises a query: accents removed, lower
case, split on anything that is not a letter or digit.

Files, under ``case-studies/search/<version>/``:

- ``<key>.json``: the words starting with ``key`` (a letter, or two or three
  when one letter's words would make too big a file), each mapped to the
  documents using it, as ascending ``id * 2 + 1 if the word is in the title else
  id * 2``, delta-encoded (``[6, 3]`` means document 3, then document 4 in its
  title). A word too short for its letter's longer keys stays in the shorter
  key's file, so a query word needs every key that starts with it or that it
  starts with.
- ``docs-<n>.json``: documents ``n * 100`` to ``n * 100 + 99`` as
  ``[url, title, summary]``, the url relative to the site root.

Case studies come first, in the finder's newest-first order, so a document id
below the number of case studies is also the position of its card in the finder.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SEARCH_DIR = "case-studies/search"
DOCUMENTS_PER_FILE = 100
WORDS_FILE_SIZE = 40_000  # characters of JSON before a key is split by its next letter
LONGEST_KEY = 3
_WORD = re.compile(r"[a-z0-9]{2,}")  # one-letter words narrow nothing
# Markdown link targets and reference definitions are addresses, not words.
_LINK_TARGET = re.compile(r"\]\([^)]*\)|^\s{0,3}\[[^\]]+\]:.*$", re.MULTILINE)
# Words too common to narrow a search; the JavaScript drops them from queries too.
STOPWORDS = frozenset(
    """a about after all also an and are as at be been but by can could did do does for from had has have he her
    his how i if in into is it its me more most my no not of on one or our out she so some than that the their them
    then there these they this those to up us was we were what when which who will with would you your""".split()
)


_COMBINING_MARKS = re.compile("[\u0300-\u036f]")  # what the JavaScript removes, no more


def normalise(text: str) -> str:
    """Lower case, accents removed: the same on both sides of a search."""
    if text.isascii():  # nearly all text, and ten times faster
        return text.lower()
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()


def words(text: str) -> set[str]:
    if "]" in text:  # only then can there be a link target to leave out
        text = _LINK_TARGET.sub(" ", text)
    return set(_WORD.findall(normalise(text))) - STOPWORDS


@dataclass(frozen=True)
class SearchDocument:
    url: str  # relative to the site root, e.g. "case-studies/some-slug/"
    title: str
    summary: str  # shown under the title in results
    text: str  # everything else worth finding it by (names, body)


@dataclass(frozen=True)
class SearchFiles:
    version: str  # changes whenever the content does, so browsers never mix old and new files
    files: dict[str, str]  # file stem ("a", "docs-0") -> JSON text
    word_keys: tuple[str, ...]  # the prefixes that have a words file
    documents: int

    @property
    def base(self) -> str:
        return f"{SEARCH_DIR}/{self.version}/"

    def path(self, key: str) -> str:
        return f"{self.base}{key}.json"


Postings = dict[str, list[int]]  # word -> ascending id * 2 + in title


def index_words(documents: Iterable[tuple[str, str, str]], first: int = 0) -> Postings:
    """The words of each (title, summary, text), numbering the documents from ``first``."""
    postings: Postings = defaultdict(list)
    for number, (title, summary, text) in enumerate(documents, start=first):
        in_title = words(title)
        for word in in_title:
            postings[word].append(number * 2 + 1)
        for word in words(summary + "\n" + text) - in_title:
            postings[word].append(number * 2)
    return dict(postings)


def word_sources(documents: Iterable[SearchDocument]) -> list[tuple[str, str, str]]:
    """What index_words reads of each document (plain tuples travel well between processes)."""
    return [(document.title, document.summary, document.text) for document in documents]


def build_search_files(documents: Sequence[SearchDocument], indexed: tuple[int, Postings] | None = None) -> SearchFiles:
    """The search files for ``documents``. ``indexed`` is index_words of the first
    few of them, done already (see search_worker); the rest are indexed here."""
    done, postings = indexed or (0, {})
    for word, ids in index_words(word_sources(documents[done:]), first=done).items():
        postings.setdefault(word, []).extend(ids)  # later documents, higher ids: still ascending
    by_letter: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for word in sorted(postings):
        by_letter[word[0]][word] = _deltas(postings[word])
    chunks: dict[str, str] = {}
    for letter, group in sorted(by_letter.items()):
        chunks.update(_words_files(letter, group))
    files = dict(chunks)
    for start in range(0, len(documents), DOCUMENTS_PER_FILE):
        page = documents[start : start + DOCUMENTS_PER_FILE]
        files[f"docs-{start // DOCUMENTS_PER_FILE}"] = _json([[d.url, d.title, d.summary] for d in page])
    digest = hashlib.sha256()
    for key, text in sorted(files.items()):
        digest.update(key.encode() + b"\0" + text.encode())
    return SearchFiles(
        version=digest.hexdigest()[:12], files=files, word_keys=tuple(sorted(chunks)), documents=len(documents)
    )


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


_MARKDOWN_NOISE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|```.*?```|<[^>]+>|[#>*_`|\[\]()!-]+", re.DOTALL)


def markdown_text(markdown: str) -> str:
    """Searchable text of a hand-written page's Markdown: macros, code, markup and link targets removed."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---", 4)
        markdown = markdown[end + 4 :] if end > 0 else markdown
    return re.sub(r"\s+", " ", _MARKDOWN_NOISE.sub(" ", _LINK_TARGET.sub(" ", markdown))).strip()
