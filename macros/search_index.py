"""A small inverted index of case-study bodies for the finder's free-text search.

The finder matches titles, summaries and names from the cards on the page; the
words of the bodies live here instead, split into one file per first letter
and fetched only when a reader types, so the finder page stays light and a
first search loads a few small files. Words are normalised exactly as the
finder's JavaScript normalises a query: accents removed, lower case, split on
anything that is not a letter or digit.

Each file maps a word to the positions (in the finder's newest-first order) of
the case studies using it, delta-encoded: ``"mixed": [3, 2, 9]`` means
positions 3, 5 and 14.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import CaseStudy

SEARCH_DIR = "case-studies/search"
_SPLIT = re.compile(r"[^a-z0-9]+")
# Markdown link targets and reference definitions are addresses, not words.
_LINK_TARGET = re.compile(r"\]\([^)]*\)|^\s{0,3}\[[^\]]+\]:.*$", re.MULTILINE)
# Words too common to narrow a search; the finder drops them from queries too.
STOPWORDS = frozenset(
    """a about after all also an and are as at be been but by can could did do does for from had has have he her
    his how i if in into is it its me more most my no not of on one or our out she so some than that the their them
    then there these they this those to up us was we were what when which who will with would you your""".split()
)


def normalise(text: str) -> str:
    """Lower case, accents removed: the same on both sides of a search."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def words(text: str) -> set[str]:
    return {word for word in _SPLIT.split(normalise(text)) if len(word) > 1 and word not in STOPWORDS}


@dataclass(frozen=True)
class SearchFiles:
    version: str  # changes whenever the content does, so browsers never mix old and new files
    files: dict[str, str]  # "a" -> JSON text

    @property
    def base(self) -> str:
        return f"{SEARCH_DIR}/{self.version}/"

    def path(self, key: str) -> str:
        return f"{self.base}{key}.json"

    @property
    def keys(self) -> list[str]:
        return sorted(self.files)


def build_search_files(case_studies: Sequence[CaseStudy]) -> SearchFiles:
    """One file per first character of the words in the bodies, in the order given."""
    postings: dict[str, list[int]] = defaultdict(list)
    for position, case_study in enumerate(case_studies):
        for word in words(_LINK_TARGET.sub(" ", case_study.body)):
            postings[word].append(position)
    chunks: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for word in sorted(postings):
        chunks[word[0]][word] = _deltas(postings[word])
    files = {key: json.dumps(chunk, separators=(",", ":")) for key, chunk in sorted(chunks.items())}
    digest = hashlib.sha256()
    for case_study in case_studies:
        digest.update(case_study.slug.encode())
    for key, text in files.items():
        digest.update(key.encode() + text.encode())
    return SearchFiles(version=digest.hexdigest()[:12], files=files)


def _deltas(positions: Iterable[int]) -> list[int]:
    previous, result = 0, []
    for position in positions:  # already ascending
        result.append(position - previous)
        previous = position
    return result
