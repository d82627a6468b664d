"""The glossary, ``data/glossary.yml``: the abbreviations case studies use and what each stands for.

One file serves three things: every case-study page shows the abbreviations with
their meaning (``<abbr title="…">``, macros/content/body.py), the site search treats an
abbreviation and its long form as one word (macros/outputs/search_words.py), and the
Glossary page lists them (macros/site/page_macros.py).

It is checked like the vocabularies: every problem in one run, each at the line of
its key, and no glossary (None) when there is any. A project without the file has
an empty glossary.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.content.checks import control_character, control_character_message, describe, key_field, unknown_key_message
from macros.content.loading import BOM, decode, display_path
from macros.content.model import Problem
from macros.content.strict_yaml import YamlList, YamlMap, YamlProblem, load_yaml

GLOSSARY_FILE = "glossary.yml"
KEYS = ("abbreviation", "stands_for", "plural", "plural_stands_for", "description")
ABBREVIATION = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")
ABBREVIATION_LIMIT = 12
STANDS_FOR_LIMIT = 100  # a tooltip and a table cell
DESCRIPTION_LIMIT = 300  # one sentence
_MARKUP = re.compile(r"<[A-Za-z/!?]")


@dataclass(frozen=True)
class GlossaryTerm:
    abbreviation: str  # "TA", as written (case matters)
    stands_for: str  # "teaching assistant"
    plural: str | None = None  # "TAs", as written
    plural_stands_for: str | None = None  # the plural's long form: as written, or stands_for + "s"; None without a plural
    description: str | None = None  # one plain-text sentence for the Glossary page
    line: int = 1  # the line of the entry in data/glossary.yml

    @property
    def forms(self) -> tuple[tuple[str, str], ...]:
        """Every (short, long) pair as written: (("TA", "teaching assistant"), ("TAs", "teaching assistants"))."""
        pairs = [(self.abbreviation, self.stands_for)]
        if self.plural is not None:
            pairs.append((self.plural, self.plural_stands_for or f"{self.stands_for}s"))
        return tuple(pairs)

    def appears_in(self, text: str, lowered: str | None = None) -> bool:
        """Whether ``text`` uses the term, as the search finds it: a short form as a word, as a page's
        abbreviations are marked (case matters: "TA", not "ta"), or a long form in any case.
        ``lowered`` is ``text`` in lower case with single spaces, if the caller has it (a library's
        worth of texts is checked for every term: a plain substring test first keeps that cheap)."""
        if lowered is None:
            lowered = " ".join(text.split()).lower()
        shorts, longs = self._patterns
        if any(short in text for short, _ in self.forms) and shorts.search(text):
            return True
        return any(long.lower() in lowered for _, long in self.forms) and longs.search(lowered) is not None

    @functools.cached_property
    def _patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The short forms as words, case kept; the long forms as words in lower-cased, single-spaced text."""
        shorts = sorted({short for short, _ in self.forms}, key=len, reverse=True)
        longs = sorted({" ".join(long.lower().split()) for _, long in self.forms}, key=len, reverse=True)
        return (
            re.compile(r"\b(?:" + "|".join(map(re.escape, shorts)) + r")\b"),
            re.compile(r"\b(?:" + "|".join(map(re.escape, longs)) + r")\b"),
        )


@dataclass(frozen=True)
class Glossary:
    terms: tuple[GlossaryTerm, ...] = ()  # in the file's order

    def __iter__(self) -> Iterator[GlossaryTerm]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def terms_in(self, text: str) -> set[str]:
        """The abbreviations of the terms ``text`` uses, as appears_in reads it. A library's worth of
        text is read for every term, so one pattern finds the short forms the text may use and a
        plain substring test the long forms; each form's own pattern then confirms it."""
        found = set()
        for short in short_forms_in(text, tuple(self._short_forms)):
            abbreviation, pattern = self._short_forms[short]
            if abbreviation not in found and pattern.search(text):
                found.add(abbreviation)
        lowered = text.lower()
        for long, (abbreviation, pattern) in self._long_forms.items():
            if abbreviation not in found and long in lowered and pattern.search(lowered):
                found.add(abbreviation)
        return found

    @functools.cached_property
    def _short_forms(self) -> dict[str, tuple[str, re.Pattern[str]]]:
        """Every short form, as written -> its term's abbreviation, and the form as a word."""
        return {
            short: (term.abbreviation, re.compile(r"\b" + re.escape(short) + r"\b"))
            for term in self.terms for short, _ in term.forms
        }

    @functools.cached_property
    def _long_forms(self) -> dict[str, tuple[str, re.Pattern[str]]]:
        """Every long form, in lower case -> its abbreviation, and the form as words (any spaces between)."""
        forms = {}
        for term in self.terms:
            for _, long in term.forms:
                words = long.lower().split()
                forms[" ".join(words)] = (term.abbreviation, re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b"))
        return forms

    def abbreviations(self) -> dict[str, str]:
        """Every written short form with its long form, for Python-Markdown's abbr extension."""
        return {short: long for term in self.terms for short, long in term.forms}


def short_forms_in(text: str, shorts: tuple[str, ...]) -> set[str]:
    """The ``shorts`` (abbreviations as written) that ``text`` may use as words: every one it
    does, perhaps a few that only end a word. One search of one pattern, not one per form."""
    return set(_short_forms_pattern(shorts).findall(text)) if shorts else set()


@functools.lru_cache(maxsize=8)
def _short_forms_pattern(shorts: tuple[str, ...]) -> re.Pattern[str]:
    # No \b before: starting with a letter lets the regex engine skip to the letters a form
    # could start with, several times faster. A short form is letters and digits (ABBREVIATION),
    # so a match never runs over the start of a word that is one. Longest first: "TAs" as itself.
    return re.compile("(?:" + "|".join(map(re.escape, sorted(shorts, key=len, reverse=True))) + r")\b")


def load_glossary(data_dir: Path, root: Path) -> tuple[Glossary | None, list[Problem]]:
    """Read data/glossary.yml; without the file the glossary is empty, with any problem it is None."""
    path = data_dir / GLOSSARY_FILE
    if not path.is_file():
        return Glossary(), []
    checker = _GlossaryChecker(display_path(path, root))
    terms = checker.read(path)
    problems = sorted(checker.problems, key=lambda problem: (problem.line, problem.field))
    return (None if problems else Glossary(tuple(terms))), problems


class _GlossaryChecker:
    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.problems: list[Problem] = []
        self.seen: dict[str, tuple[str, int]] = {}  # casefolded short form -> (as written, line)

    def add(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.shown, line, field, message))

    def read(self, path: Path) -> list[GlossaryTerm]:
        try:
            data = path.read_bytes()
        except OSError as error:
            self.add(1, "file", f"cannot be read ({error.strerror or type(error).__name__}) — check the file")
            return []
        if not data.removeprefix(BOM).strip():  # an empty file: no terms yet
            return []
        text, problem = decode(data)
        if problem is not None:
            self.add(problem[0], "file", problem[1])
            return []
        try:
            entries = load_yaml(text or "")
        except YamlProblem as error:
            self.add(error.line, "file", error.message)
            return []
        if entries is None:  # comments only: no terms yet
            return []
        if not isinstance(entries, YamlList):
            self.add(getattr(entries, "line", 1), "file",
                     "must be a YAML list of entries, each starting '- abbreviation: …' with a 'stands_for: …' line")
            return []
        terms = []
        for position, (item, line) in enumerate(zip(entries, entries.item_lines), start=1):
            if not isinstance(item, YamlMap):
                self.add(line, str(position), "each entry must be a mapping with 'abbreviation' and 'stands_for'")
                continue
            if (term := self.term(item)) is not None:
                terms.append(term)
        return terms

    def term(self, entry: YamlMap) -> GlossaryTerm | None:
        before = len(self.problems)
        for key in entry:
            if key not in KEYS:
                self.add(entry.line_of(key), key_field("", key), unknown_key_message(key, KEYS))
        abbreviation = self.short_form(entry, "abbreviation", required=True)
        written = entry.get("abbreviation")
        shown = abbreviation or (written if isinstance(written, str) and written.strip() else "the abbreviation")
        stands_for = self.text(entry, "stands_for", required=True, limit=STANDS_FOR_LIMIT, one_line=True,
                               what=f"what {shown} stands for")
        if stands_for is not None and stands_for == shown:
            self.add(entry.line_of("stands_for"), "stands_for", f"is the abbreviation itself — write what {shown} stands for")
        plural = None
        if isinstance(entry.get("plural"), str) and entry["plural"].strip() == shown:
            self.add(entry.line_of("plural"), "plural",
                     f"is the abbreviation itself — write the plural as case studies do (such as {shown}s), or remove it")
        else:
            plural = self.short_form(entry, "plural", required=False)
        plural_stands_for = self.text(entry, "plural_stands_for", required=False, limit=STANDS_FOR_LIMIT, one_line=True,
                                      what=f"what {plural or 'the plural'} stands for")
        description = self.text(entry, "description", required=False, limit=DESCRIPTION_LIMIT,
                                what=f"one sentence saying what {shown} is")
        if "plural_stands_for" in entry and "plural" not in entry:
            self.add(entry.line_of("plural_stands_for"), "plural_stands_for",
                     "goes with 'plural' — add 'plural: …' (the plural as case studies write it) or remove this line")
        if len(self.problems) > before:
            return None
        assert abbreviation and stands_for
        return GlossaryTerm(
            abbreviation=abbreviation,
            stands_for=stands_for,
            plural=plural,
            plural_stands_for=(plural_stands_for or f"{stands_for}s") if plural else None,
            description=description,
            line=entry.line,
        )

    def short_form(self, entry: YamlMap, key: str, *, required: bool) -> str | None:
        """An abbreviation or its plural: letters and digits as case studies write it, unique in the glossary."""
        written: Any = entry.get(key)
        line = entry.line_of(key)
        if not self.present(entry, key, required=required, what="the abbreviation as case studies write it, such as TA"):
            return None
        if not isinstance(written, str):
            self.add(line, key, f"must be text, not {describe(written)}")
            return None
        value = written.strip()
        if not ABBREVIATION.match(value) or len(value) > ABBREVIATION_LIMIT:
            self.add(line, key, (
                f"'{value}' cannot be an abbreviation in the glossary — write it with letters and digits only, "
                f"starting with a letter, at most {ABBREVIATION_LIMIT} characters (such as KS1 or TAs)"))
            return None
        folded = value.casefold()
        if folded in self.seen:
            earlier, first = self.seen[folded]
            if earlier == value:
                self.add(line, key, f"'{value}' is already in the glossary (line {first}) — keep one entry for each abbreviation")
            else:
                self.add(line, key, (
                    f"'{value}' is already in the glossary as '{earlier}' (line {first}) — keep one of them: "
                    "the search does not tell capitals from small letters"))
            return None
        self.seen[folded] = (value, line)
        return value

    def text(self, entry: YamlMap, key: str, *, required: bool, limit: int, what: str, one_line: bool = False) -> str | None:
        """Plain text (contract §5): no markup, no control characters, within its length."""
        written: Any = entry.get(key)
        line = entry.line_of(key)
        if not self.present(entry, key, required=required, what=what):
            return None
        if not isinstance(written, str):
            self.add(line, key, f"must be text, not {describe(written)}")
            return None
        value = written.strip()
        if one_line and "\n" in value:
            self.add(line, key, "must be on one line")
            return None
        if char := control_character(value, allowed="" if one_line else "\n\t"):
            self.add(line, key, control_character_message(char))
            return None
        value = " ".join(value.split())  # a description folded over several lines is one sentence
        if match := _MARKUP.search(value):
            self.add(line, key, (
                f"contains HTML ('{match.group()}…') — write plain text; a '<' directly followed by a letter, "
                "'/', '!' or '?' counts as HTML, so add a space after '<' if you mean 'less than'"))
            return None
        if len(value) > limit:
            self.add(line, key, f"is {len(value)} characters long; keep it to {limit}")
            return None
        return value

    def present(self, entry: YamlMap, key: str, *, required: bool, what: str) -> bool:
        """Whether ``key`` holds something to check; reports it missing (when required) or empty."""
        value = entry.get(key)
        if key not in entry:
            if required:
                self.add(entry.line, key, f"is required — add '{key}: …', {what}")
            return False
        if value is None or (isinstance(value, str) and not value.strip()):
            self.add(entry.line_of(key), key, f"is empty — write {what} after the colon, or remove the line")
            return False
        return True
