"""What the casebook is made of: case studies, vocabularies and problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Facets as they appear in the finder's query string (contract §3), each with the
# CaseStudy attribute and the vocabulary it draws from.
FACETS: dict[str, tuple[str, str]] = {
    "phase": ("phases", "phases"),
    "hub": ("hubs", "hubs"),
    "model": ("partnership_models", "partnership_models"),
    "programme": ("programmes", "programmes"),
    "type": ("types", "types"),
}

# The other way round: "hubs" -> "hub".
FACET_OF_VOCABULARY: dict[str, str] = {vocabulary: facet for facet, (_, vocabulary) in FACETS.items()}

# Listed by name wherever a reader chooses from them (the finder, the home page); the others keep data/'s order.
LISTED_BY_NAME = ("hubs", "programmes")

# Vocabularies with a listing page per entry (contract §3), and their URL folder.
LISTED_VOCABULARIES: dict[str, str] = {
    "hubs": "hubs",
    "phases": "phases",
    "partnership_models": "partnership-models",
    "programmes": "programmes",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, printed as ``path:line: field: message``."""

    path: str
    line: int
    field: str
    message: str

    def __post_init__(self) -> None:
        # One problem, one line: what an editor wrote may hold line breaks or control characters.
        for name in ("path", "field", "message"):
            text = getattr(self, name)
            if not text.isprintable():
                object.__setattr__(self, name, "".join(c if c.isprintable() else repr(c)[1:-1] for c in text))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


@dataclass(frozen=True)
class VocabularyEntry:
    id: str
    name: str
    description: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.extra.get(key, default)


@dataclass(frozen=True)
class Vocabulary:
    """One file of ``data/``: an ordered list of entries with stable ids."""

    key: str  # "hubs", the file stem
    singular: str  # "hub", for messages and labels
    plural: str  # "Maths Hubs", for headings
    entries: tuple[VocabularyEntry, ...]

    def __iter__(self) -> Iterator[VocabularyEntry]:
        return iter(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return any(entry.id == entry_id for entry in self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(entry.id for entry in self.entries)

    def get(self, entry_id: str) -> VocabularyEntry | None:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        return None

    def name(self, entry_id: str) -> str:
        entry = self.get(entry_id)
        return entry.name if entry else entry_id


@dataclass(frozen=True)
class Vocabularies:
    types: Vocabulary
    phases: Vocabulary
    partnership_models: Vocabulary
    hubs: Vocabulary
    programmes: Vocabulary

    def __getitem__(self, key: str) -> Vocabulary:
        vocabulary = getattr(self, key)
        assert isinstance(vocabulary, Vocabulary)
        return vocabulary


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None


@dataclass(frozen=True)
class Trust:
    name: str
    schools: int | None = None
    counties: tuple[str, ...] = ()


@dataclass(frozen=True)
class School:
    name: str
    location: str | None = None
    age_range: str | None = None
    pupils: int | None = None
    fsm_percent: float | None = None
    setting: str | None = None


@dataclass(frozen=True)
class Source:
    title: str | None = None
    publisher: str | None = None
    date: dt.date | str | None = None  # a full date, or "YYYY" / "YYYY-MM" when that is all the source gives
    url: str | None = None


@dataclass(frozen=True)
class CaseStudy:
    """A checked case study, ready to be published (unless it is a draft)."""

    slug: str
    path: Path
    display_path: str  # as printed in problems and used for "edit this page"
    title: str
    type: str
    date: dt.date
    summary: str
    phases: tuple[str, ...]
    hubs: tuple[str, ...]
    partnership_models: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    trust: Trust | None = None
    school: School | None = None
    people: tuple[Person, ...] = ()
    source: Source | None = None
    draft: bool = False
    body: str = ""
    body_line: int = 1
    word_count: int = 0

    @property
    def url(self) -> str:
        """Site-relative URL, as in /case-studies.json."""
        return f"case-studies/{self.slug}/"

    @property
    def src_uri(self) -> str:
        """Where the page pretends to live in the docs folder."""
        return f"case-studies/{self.slug}.md"

    @property
    def types(self) -> tuple[str, ...]:
        """The type as a one-item facet, so every facet is a tuple of ids."""
        return (self.type,)

    @property
    def reading_minutes(self) -> int:
        return max(1, -(-self.word_count // 200))

    def facet_ids(self, facet: str) -> tuple[str, ...]:
        attribute = FACETS[facet][0]
        values = getattr(self, attribute)
        assert isinstance(values, tuple)
        return values
