"""How the search reduces text to words: written once here for the index, and
once in the browser for queries (overrides/assets/javascripts/lib/words.mjs).

The two must agree word for word: tests/data/stems.tsv is read by the tests of
both, so a change to one side that the other does not share fails a test.

- **Normalising**: accents removed, lower case, split on anything that is not a
  letter or digit.
- **Stemming**: a light English stemmer, so "resits" finds "resit" and
  "estimating" finds "estimate", but short words keep their endings ("posting"
  is not "post"). A stem is always a prefix of its word, so the words of one
  stem live in the words files of its first letters.
- **Joined numbers**: "Year 7" is also the word "year7", so the 7 counts.
- **Glossary**: an acronym and its long form (data/glossary.yml) are one word,
  the acronym's: "teaching assistants" is also "ta".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Too common to narrow a search; the JavaScript drops them from queries too.
STOPWORDS = frozenset(
    """a about after all also an and are as at be been but by can could did do does for from had has have he her
    his how i if in into is it its me more most my no not of on one or our out she so some than that the their them
    then there these they this those to up us was we were what when which who will with would you your""".split()
)

_COMBINING_MARKS = re.compile("[\u0300-\u036f]")  # what the JavaScript removes, no more
_TOKEN = re.compile(r"[a-z0-9]+")
# A number of one or two digits after a word of letters: "year 7", "key stage 2". Numbers are
# found first (they are rare), then the word before each: far faster than one pattern for both.
_DIGITS = re.compile(r"[0-9]+")
_WORD_BEFORE = re.compile(r"(?<![a-z0-9])([a-z]{2,})[^a-z0-9]+$")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")  # as tokens() reads them: ASCII, after normalise()
_ONE_CHARACTER = _LETTERS | frozenset("0123456789")


def normalise(text: str) -> str:
    """Lower case, accents removed: the same on both sides of a search."""
    if text.isascii():  # nearly all text, and ten times faster
        return text.lower()
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()


def tokens(normalised: str) -> list[str]:
    return _TOKEN.findall(normalised)


_STEMS: dict[str, str] = {}  # a library uses some tens of thousands of distinct words


def stem(word: str) -> str:
    """The light stem of a normalised word; always a prefix of it."""
    found = _STEMS.get(word)
    if found is None:
        found = _STEMS[word] = _stem(word)
    return found


def _stem(word: str) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    w = word
    if w.endswith("ies") and len(w) > 4:  # studies -> stud (as study)
        w = w[:-3]
    elif w.endswith("sses"):  # classes -> class
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):  # resits -> resit; focus, analysis stay
        w = w[:-1]
    for ending in ("ing", "ed"):
        # Only where five letters are left: "estimating" -> "estimat", but "posting" stays.
        if w.endswith(ending) and len(w) - len(ending) >= 5:
            w = w[: -len(ending)]
            if w[-1] == w[-2] and w[-1] not in "aeiouslz":  # planning -> plan, resitting -> resit
                w = w[:-1]
            break
    if w.endswith("ation") and len(w) >= 8:  # estimation -> estimat (as estimate)
        w = w[:-3]
    if w.endswith("e") and not w.endswith("ee") and len(w) >= 5:  # estimate -> estimat; trainee stays
        w = w[:-1]
    elif w.endswith(("y", "i")) and len(w) >= 4:  # study, studi(ed) -> stud
        w = w[:-1]
    return w


def joined_numbers(normalised: str) -> list[str]:
    """ "year 7" -> ["year7"]: the words a number after a word makes."""
    joined = []
    for number in _DIGITS.finditer(normalised):
        start, end = number.span()
        if end - start > 2 or start == 0 or normalised[start - 1] in _LETTERS or normalised[end : end + 1] in _LETTERS:
            continue
        before = _WORD_BEFORE.search(normalised, max(0, start - 40), start)
        if before:
            joined.append(before.group(1) + number.group())
    return joined


@dataclass(frozen=True)
class GlossaryWords:
    """The glossary as the search reads it: each acronym's word, the words its
    written forms are (TA, TAs), and the stems of its long forms."""

    entries: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()  # (word, shorts, long forms)

    @classmethod
    def from_forms(cls, terms: Iterable[tuple[str, Iterable[tuple[str, str]]]]) -> GlossaryWords:
        """From (abbreviation, its (short, long) written forms) pairs."""
        entries = []
        for abbreviation, forms in terms:
            pairs = list(forms)
            word = "".join(tokens(normalise(abbreviation)))
            shorts = tuple(dict.fromkeys("".join(tokens(normalise(short))) for short, _ in pairs))
            longs = tuple(dict.fromkeys(normalise(long) for _, long in pairs))
            entries.append((word, shorts, longs))
        return cls(tuple(entries))

    def as_json(self) -> list[list[object]]:
        """What the browser reads (lib/words.mjs: readGlossary)."""
        return [[word, list(shorts), list(longs)] for word, shorts, longs in self.entries]

    def short_words(self) -> dict[str, str]:
        return {short: word for word, shorts, _ in self.entries for short in shorts}

    def phrases(self) -> dict[str, str]:
        """' teach assistant ' -> 'ta': a long form's stems, spaced, for a substring test."""
        found = {}
        for word, _, longs in self.entries:
            for long in longs:
                found[" " + " ".join(stem(token) for token in tokens(long)) + " "] = word
        return found


NO_GLOSSARY = GlossaryWords()


class WordReader:
    """The search words of a piece of text, with one glossary."""

    def __init__(self, glossary: GlossaryWords = NO_GLOSSARY) -> None:
        self.short_words = glossary.short_words()
        self.phrases = glossary.phrases()

    def words(self, text: str) -> set[str]:
        normalised = normalise(text)
        found = tokens(normalised)
        words = set(found) - _ONE_CHARACTER - STOPWORDS
        words.update(joined_numbers(normalised))
        if self.short_words:
            words.update(self.short_words[word] for word in words & self.short_words.keys())
        if self.phrases:
            cached = list(map(_STEMS.get, found))  # most words are met before: no call per word
            if None in cached:
                cached = [known if known is not None else stem(token) for known, token in zip(cached, found)]
            stems = " " + " ".join(cached) + " "  # type: ignore[arg-type]
            words.update(word for phrase, word in self.phrases.items() if phrase in stems)
        return words
