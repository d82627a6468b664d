"""The contract's rules for one case study (§1 and §5), as problems for people.

``check_case_study`` never stops at the first problem: it reports every field
that is wrong, each at the line of its key, and builds a :class:`CaseStudy`
only when nothing is. The body is checked as it is rendered (macros/body.py),
once every case study is known, so that its links can be followed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from typing import Any

from .dates import DateError, parse_date
from .loading import CaseStudyFile
from .model import CaseStudy, Person, Problem, School, Source, Trust, Vocabularies, Vocabulary
from .strict_yaml import InvalidDate, YamlList, YamlMap
from .urls import url_problem

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RESERVED_SLUGS = {"index", "images"}  # case-studies/index.md is the finder; case-studies/images/ holds the pictures
TYPES_NEEDING_MODELS = ("trust-model", "find-out-in-five")
QUESTION_TYPE = "find-out-in-five"

FIELDS = (
    "title", "type", "date", "summary", "phases", "hubs", "partnership_models",
    "programmes", "trust", "school", "people", "source", "draft",
)
TRUST_FIELDS = ("name", "schools", "counties")
SCHOOL_FIELDS = ("name", "location", "age_range", "pupils", "fsm_percent", "setting")
PERSON_FIELDS = ("name", "role")
SOURCE_FIELDS = ("title", "publisher", "date", "url")

_MARKUP = re.compile(r"<[A-Za-z/!?]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")
_AGE_RANGE = re.compile(r"^\s*(\d{1,2})\s*[-–]\s*(\d{1,2})\s*$")
# source.url names the original publication: an absolute http(s) or mailto address, never a path.
_ABSOLUTE_URL = re.compile(r"^(?:https?://[^/\s]|mailto:\S)", re.IGNORECASE)
_FILE_ENDINGS = {"pdf", "htm", "html", "doc", "docx", "ppt", "pptx", "xls", "xlsx", "txt", "csv", "md", "png", "jpg", "jpeg", "gif"}
_HOST = re.compile(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/:?#]|$)")  # www.ncetm.org.uk/x, ncetm.org.uk

# What plain text may not hold (contract §5 "Plain text"): every character of Unicode
# category Cc (U+0000–U+001F, U+007F–U+009F) but "\n" and "\t", the line and paragraph
# separators U+2028 and U+2029, and the bidirectional controls U+202A–U+202E and
# U+2066–U+2069, which make text read differently from what it is. U+0085 is Cc.
# A field that must be one line refuses "\t" too ("\n" has its own message there).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Names for people of the control characters Unicode gives no name (unicodedata.name is None).
_CONTROL_NAMES = {
    "\x00": "null", "\x07": "bell", "\x08": "backspace", "\t": "tab", "\n": "line feed",
    "\x0b": "vertical tab", "\x0c": "form feed", "\r": "carriage return", "\x1b": "escape",
    "\x7f": "delete", "\x85": "next line",
}


def check_slug(slug: str) -> str | None:
    """Why a file name cannot be a slug, or None."""
    if slug in RESERVED_SLUGS:
        return f"'{slug}' is reserved for the site's own pages — choose another file name"
    if SLUG_PATTERN.match(slug):
        return None
    suggestion = slugify(slug) or "my-case-study"
    return (
        f"'{slug}' is not a valid file name for a case study — use lower-case letters, digits and "
        f"single hyphens, such as '{suggestion}.md'"
    )


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def describe(value: Any) -> str:
    """A value's kind in an editor's words, for "must be X, not Y"."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, YamlList):
        return "a list"
    if isinstance(value, YamlMap):
        return "a set of 'key: value' lines"
    return f"'{value}'"


def control_character(text: str, *, allowed: str = "\n\t") -> str | None:
    """The first invisible control character in ``text`` other than those ``allowed``
    (plain text allows line feeds and tabs; see ``_CONTROL``), or None."""
    for match in _CONTROL.finditer(text):
        if match.group() not in allowed:
            return match.group()
    return None


def control_character_message(char: str) -> str:
    """ "contains an invisible control character (U+000D, carriage return) — …", naming it."""
    name = unicodedata.name(char, None)
    label = name.lower() if name else _CONTROL_NAMES.get(char)
    code = f"U+{ord(char):04X}, {label}" if label else f"U+{ord(char):04X}"
    hint = "use a space instead" if char == "\t" else "retype the text without it"
    return f"contains an invisible control character ({code}) — {hint}"


def unknown_id_message(value: str, vocabulary: Vocabulary) -> str:
    message = f"unknown {vocabulary.singular} '{value}'"
    suggestion = suggest_id(value, vocabulary)
    if suggestion:
        return f"{message} — did you mean '{suggestion}'?"
    if len(vocabulary) <= 12:
        return f"{message} — use one of: {', '.join(vocabulary.ids)}"
    return f"{message} — see data/{vocabulary.key}.yml for the ids"


def _ids_by_name(vocabulary: Vocabulary) -> dict[str, str]:
    by_name: dict[str, str] = {}
    for entry in vocabulary:
        name = slugify(entry.name)
        by_name[name] = entry.id
        by_name[name.removesuffix("-maths-hub")] = entry.id
    return by_name


def exact_id(value: str, vocabulary: Vocabulary) -> str | None:
    """The id ``value`` is, written as the id in any case or as the entry's name, or None."""
    wanted = slugify(value)
    if wanted in vocabulary.ids:
        return wanted
    return _ids_by_name(vocabulary).get(wanted)


def suggest_id(value: str, vocabulary: Vocabulary) -> str | None:
    """The id an editor most likely meant: by id, by name, then by spelling."""
    if found := exact_id(value, vocabulary):
        return found
    wanted = slugify(value)
    by_name = _ids_by_name(vocabulary)
    close = difflib.get_close_matches(wanted, [*vocabulary.ids, *by_name], n=1, cutoff=0.6)
    if close:
        return close[0] if close[0] in vocabulary.ids else by_name[close[0]]
    return None


def several_ids(value: str, vocabulary: Vocabulary) -> list[str] | None:
    """The parts of one string that is several ids written together ('primary, secondary',
    'primary secondary'), in the order written, or None when it is one id (or one name:
    'North Mids Maths Hub' is one hub, split only where every word is an id)."""
    if value in vocabulary:
        return None
    parts: list[str] = []
    for part in (piece.strip() for piece in value.split(",")):
        words = part.split()
        if len(words) > 1 and exact_id(part, vocabulary) is None and all(exact_id(word, vocabulary) for word in words):
            parts.extend(words)
        elif part:
            parts.append(part)
    return parts if len(parts) > 1 else None


def _missing_scheme(address: str) -> str | None:
    """How to write ``address`` (no scheme) when it is a web or e-mail address missing its scheme, else None."""
    bare = address[2:] if address.startswith("//") else address
    ending = re.split(r"[/:?#]", bare, maxsplit=1)[0].rsplit(".", 1)[-1].lower()
    if typo := re.match(r"(https?):/*(?!/)", address, re.IGNORECASE):
        return f"write two slashes after '{typo.group(1)}:', as in {typo.group(1)}://{address[typo.end():]}"
    if _HOST.match(bare) and ending.isalpha() and ending not in _FILE_ENDINGS:
        return f"start it with https://, as in https://{bare}"
    if re.fullmatch(r"[^@\s/:]+@[^@\s/:]+\.[^@\s/:]+", address):
        return f"start an email address with mailto:, as in mailto:{address}"
    return None


def key_field(prefix: str, key: Any) -> str:
    """The field of a problem with a key: the key as written (``trust.nmae``), unless
    it is empty or holds what would break ``path:line: field: message``; then its parent."""
    text = str(key)
    if text and text == text.strip() and not any(c in text for c in ":\n\r\t") and text.isprintable():
        return f"{prefix}{text}"
    return prefix.rstrip(".") or "front matter"


def unknown_key_message(key: Any, allowed: tuple[str, ...]) -> str:
    message = f"unknown key {str(key)!r}"
    close = difflib.get_close_matches(str(key).lower(), allowed, n=1, cutoff=0.6)
    if close:
        return f"{message} — did you mean '{close[0]}'?"
    return f"{message} — allowed keys are {', '.join(allowed)}"


def check_case_study(
    file: CaseStudyFile, vocabularies: Vocabularies, today: dt.date
) -> tuple[CaseStudy | None, list[Problem]]:
    """Check one split file against the contract."""
    return _CaseStudyChecker(file, vocabularies, today).run()


class _CaseStudyChecker:
    def __init__(self, file: CaseStudyFile, vocabularies: Vocabularies, today: dt.date) -> None:
        self.file = file
        self.vocabularies = vocabularies
        self.today = today
        self.problems: list[Problem] = []

    def add(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.file.display_path, line, field, message))

    def run(self) -> tuple[CaseStudy | None, list[Problem]]:
        fm = self.file.front_matter
        if reason := check_slug(self.file.slug):
            self.add(1, "slug", reason)
        self.unknown_keys(fm, FIELDS, "")

        title = self.text(fm, "title", required=True, lengths=(5, 120), one_line=True)
        type_id = self.type_id(fm)
        draft = self.draft(fm)
        date = self.date(fm, "date", "date", required=True)
        if date is not None and date > self.today and not draft:
            self.add(
                fm.line_of("date"), "date",
                f"{date.isoformat()} is in the future — use the publication date (today or earlier), "
                f"or add 'draft: true' until it is published",
            )
        summary = self.text(fm, "summary", required=True, lengths=(20, 300))
        phases = self.ids(fm, "phases", self.vocabularies.phases, required=True)
        hubs = self.ids(fm, "hubs", self.vocabularies.hubs, required=True)
        needs_models = type_id in TYPES_NEEDING_MODELS
        models = self.ids(fm, "partnership_models", self.vocabularies.partnership_models, required=needs_models,
                          why=f" for a '{type_id}' case study" if needs_models else "")
        programmes = self.ids(fm, "programmes", self.vocabularies.programmes, required=False)
        trust = self.trust(fm)
        school = self.school(fm)
        people = self.people(fm)
        source = self.source(fm)

        if self.problems:
            return None, self.problems
        assert title and type_id and date and summary
        return (
            CaseStudy(
                slug=self.file.slug,
                path=self.file.path,
                display_path=self.file.display_path,
                title=title,
                type=type_id,
                date=date,
                summary=summary,
                phases=phases,
                hubs=hubs,
                partnership_models=models,
                programmes=programmes,
                trust=trust,
                school=school,
                people=people,
                source=source,
                draft=draft,
                body=self.file.body,
                body_line=self.file.body_line,
            ),
            [],
        )

    # --- shapes -------------------------------------------------------------

    def unknown_keys(self, mapping: YamlMap, allowed: tuple[str, ...], prefix: str) -> None:
        for key in mapping:
            if key not in allowed:
                self.add(mapping.line_of(key), key_field(prefix, key), unknown_key_message(key, allowed))

    def text(
        self,
        mapping: YamlMap,
        key: str,
        field: str | None = None,
        *,
        required: bool = False,
        lengths: tuple[int, int] | None = None,
        one_line: bool = False,
        missing_line: int = 1,
    ) -> str | None:
        """A plain-text field: present (when required), text, within length, no markup."""
        field = field or key
        value = mapping.get(key)
        line = mapping.line_of(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required and key not in mapping:
                hint = f" ({lengths[0]} to {lengths[1]} characters)" if lengths else ""
                self.add(missing_line, field, f"is required — add '{key}: …'{hint}")
            elif required:
                self.add(line, field, "is empty — write the text after the colon")
            return None
        return self.plain_text(value, line, field, key=key, lengths=lengths, one_line=one_line)

    def plain_text(
        self,
        value: Any,
        line: int,
        field: str,
        *,
        key: str,
        lengths: tuple[int, int] | None = None,
        one_line: bool = False,
    ) -> str | None:
        if not isinstance(value, str):
            quoted = f' — put it in quotes: {key}: "{value}"' if isinstance(value, (int, float, bool, dt.date)) else ""
            self.add(line, field, f"must be text, not {describe(value)}{quoted}")
            return None
        value = value.strip()
        ok = True
        if one_line and "\n" in value:
            self.add(line, field, "must be on one line")
            ok = False
        if char := control_character(value, allowed="\n" if one_line else "\n\t"):
            self.add(line, field, control_character_message(char))
            ok = False
        if lengths and not lengths[0] <= len(value) <= lengths[1]:
            length = f"{len(value)} character" + ("" if len(value) == 1 else "s")
            self.add(line, field, f"is {length} long; it must be {lengths[0]} to {lengths[1]} characters")
            ok = False
        if match := _MARKUP.search(value):
            self.add(
                line, field,
                f"contains HTML ('{match.group()}…') — write plain text; a '<' directly followed by a letter, "
                f"'/', '!' or '?' counts as HTML, so add a space after '<' if you mean 'less than'",
            )
            ok = False
        return value if ok else None

    def ids(
        self, fm: YamlMap, key: str, vocabulary: Vocabulary, *, required: bool, why: str = ""
    ) -> tuple[str, ...]:
        value = fm.get(key)
        line = fm.line_of(key)
        example = vocabulary.ids[0] if vocabulary.ids else "…"
        if value is None:
            if required:
                if key in fm:
                    self.add(line, key, f"is empty — list at least one {vocabulary.singular}{why}, e.g. '{key}: {example}'")
                else:
                    self.add(1, key, f"is required{why} — add '{key}: {example}' (one or more {vocabulary.singular} ids)")
            return ()
        written = [value] if isinstance(value, str) else list(value) if isinstance(value, YamlList) else []
        split = [several_ids(item, vocabulary) if isinstance(item, str) else None for item in written]
        if any(split) and all(isinstance(item, str) for item in written):  # 'primary, secondary', '- primary secondary'
            self.several_ids(line, key, [part for item, parts in zip(written, split) for part in parts or [item]], vocabulary)
            return ()
        if isinstance(value, str):
            items: list[Any] = [value]
        elif isinstance(value, YamlList):
            items = list(value)
        else:
            self.add(line, key, f"must be a list of {vocabulary.singular} ids, not {describe(value)}")
            return ()
        if not items and required:
            self.add(line, key, f"is empty — list at least one {vocabulary.singular}{why}, e.g. '{key}: {example}'")
        result: list[str] = []
        for item in items:
            if not isinstance(item, str):
                self.add(line, key, f"{describe(item)} is not a {vocabulary.singular} id — write ids such as '{example}'")
            elif item in result:
                self.add(line, key, f"lists '{item}' twice — remove one")
            elif item not in vocabulary:
                self.add(line, key, unknown_id_message(item, vocabulary))
                result.append(item)
            else:
                result.append(item)
        return tuple(item for item in result if item in vocabulary)

    def several_ids(self, line: int, key: str, parts: list[str], vocabulary: Vocabulary) -> None:
        """'phases: primary, secondary' is one unknown phase to YAML: say how to write a list,
        with the ids recognised (corrected) in the order written, and name each part that is not one."""
        recognised: list[str] = []
        for part in parts:
            entry_id = part if part in vocabulary else suggest_id(part, vocabulary)
            if entry_id is None:
                self.add(line, key, unknown_id_message(part, vocabulary))
            elif entry_id not in recognised:
                recognised.append(entry_id)
        if recognised:
            self.add(
                line, key,
                f"write several {vocabulary.singular}s as a list in square brackets: {key}: [{', '.join(recognised)}]",
            )

    def type_id(self, fm: YamlMap) -> str | None:
        value = fm.get("type")
        vocabulary = self.vocabularies.types
        if value is None:
            if "type" in fm:
                self.add(fm.line_of("type"), "type", f"is empty — use one of: {', '.join(vocabulary.ids)}")
            else:
                self.add(1, "type", f"is required — add 'type: …', one of: {', '.join(vocabulary.ids)}")
            return None
        if not isinstance(value, str):
            self.add(fm.line_of("type"), "type", f"must be one type id, not {describe(value)}")
            return None
        if value not in vocabulary:
            self.add(fm.line_of("type"), "type", unknown_id_message(value, vocabulary))
            return None
        return value

    def draft(self, fm: YamlMap) -> bool:
        value = fm.get("draft", False)
        if value is None or isinstance(value, bool):
            return bool(value)
        self.add(fm.line_of("draft"), "draft", f"must be true or false, not {describe(value)}")
        return True  # unknown intent: never treat it as published

    def date(self, mapping: YamlMap, key: str, field: str, *, required: bool = False) -> dt.date | None:
        value = mapping.get(key)
        line = mapping.line_of(key)
        if value is None:
            if required:
                where = line if key in mapping else 1
                self.add(where, field, f"is required — add '{key}: YYYY-MM-DD', the date it was published")
            return None
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and _ISO_DATE.match(value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                value = InvalidDate(value.strip())
        if isinstance(value, InvalidDate):
            self.add(line, field, f"'{value}' is not a real date — check the month and day")
            return None
        # A date written the way people write them (14/03/2025, 14 March 2025): show it in ISO.
        try:
            meant = parse_date(value) if isinstance(value, str) else None
        except DateError:
            meant = None
        if meant is not None:
            self.add(line, field, f"must be written YYYY-MM-DD, not {describe(value)} — write {key}: {meant.isoformat()}")
        else:
            self.add(line, field, f"must be a date written YYYY-MM-DD (e.g. 2025-11-28), not {describe(value)}")
        return None

    def whole_number(self, mapping: YamlMap, key: str, field: str) -> int | None:
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        hint = " — remove the quotes" if isinstance(value, str) and value.strip().isdigit() else ""
        self.add(mapping.line_of(key), field, f"must be a whole number of at least 1, not {describe(value)}{hint}")
        return None

    def mapping(self, parent: YamlMap, key: str, allowed: tuple[str, ...]) -> YamlMap | None:
        value = parent.get(key)
        if value is None:
            return None
        if not isinstance(value, YamlMap):
            self.add(
                parent.line_of(key), key,
                f"must be 'key: value' lines indented under '{key}:' (such as '  {allowed[0]}: …'), not {describe(value)}",
            )
            return None
        self.unknown_keys(value, allowed, f"{key}.")
        return value

    # --- nested fields -----------------------------------------------------

    def trust(self, fm: YamlMap) -> Trust | None:
        trust = self.mapping(fm, "trust", TRUST_FIELDS)
        if trust is None:
            return None
        name = self.text(trust, "name", "trust.name", required=True, one_line=True, missing_line=fm.line_of("trust"))
        schools = self.whole_number(trust, "schools", "trust.schools")
        counties = self.text_list(trust, "counties", "trust.counties")
        return Trust(name=name, schools=schools, counties=counties) if name else None

    def school(self, fm: YamlMap) -> School | None:
        school = self.mapping(fm, "school", SCHOOL_FIELDS)
        if school is None:
            return None
        name = self.text(school, "name", "school.name", required=True, one_line=True, missing_line=fm.line_of("school"))
        location = self.text(school, "location", "school.location", one_line=True)
        age_range = self.age_range(school)
        pupils = self.whole_number(school, "pupils", "school.pupils")
        fsm_percent = self.percent(school)
        setting = self.text(school, "setting", "school.setting")
        if not name:
            return None
        return School(name, location, age_range, pupils, fsm_percent, setting)

    def age_range(self, school: YamlMap) -> str | None:
        value = school.get("age_range")
        if value is None:
            return None
        match = _AGE_RANGE.match(value) if isinstance(value, str) else None
        if match is None or int(match.group(1)) >= int(match.group(2)):
            self.add(
                school.line_of("age_range"), "school.age_range",
                f"must be the youngest and oldest ages, such as \"4-11\", not {describe(value)}",
            )
            return None
        return f"{int(match.group(1))}-{int(match.group(2))}"

    def percent(self, school: YamlMap) -> float | None:
        value = school.get("fsm_percent")
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 100:
            return value
        hint = " — write the number without '%'" if isinstance(value, str) and "%" in value else ""
        self.add(school.line_of("fsm_percent"), "school.fsm_percent", f"must be a number from 0 to 100, not {describe(value)}{hint}")
        return None

    def text_list(self, mapping: YamlMap, key: str, field: str) -> tuple[str, ...]:
        value = mapping.get(key)
        if value is None:
            return ()
        items = YamlList([value]) if isinstance(value, str) else value
        if not isinstance(items, YamlList):
            self.add(mapping.line_of(key), field, f"must be a list of names, not {describe(value)}")
            return ()
        result = []
        for position, item in enumerate(items, start=1):
            text = self.plain_text(item, mapping.line_of(key), f"{field}.{position}", key=key, one_line=True)
            if text:
                result.append(text)
        return tuple(result)

    def people(self, fm: YamlMap) -> tuple[Person, ...]:
        value = fm.get("people")
        if value is None:
            return ()
        entries = YamlList([value]) if isinstance(value, YamlMap) else value
        if not isinstance(entries, YamlList):
            self.add(fm.line_of("people"), "people", f"must be a list of people, each '- name: …' with an optional 'role: …', not {describe(value)}")
            return ()
        lines = getattr(entries, "item_lines", None) or [fm.line_of("people")] * len(entries)
        people = []
        for position, (entry, line) in enumerate(zip(entries, lines), start=1):
            field = f"people.{position}"
            if not isinstance(entry, YamlMap):
                self.add(line, field, f"must be '- name: …' with an optional 'role: …', not {describe(entry)}")
                continue
            self.unknown_keys(entry, PERSON_FIELDS, f"{field}.")
            name = self.text(entry, "name", f"{field}.name", required=True, one_line=True, missing_line=line)
            role = self.text(entry, "role", f"{field}.role")
            if name:
                people.append(Person(name=name, role=role))
        return tuple(people)

    def source(self, fm: YamlMap) -> Source | None:
        source = self.mapping(fm, "source", SOURCE_FIELDS)
        if source is None:
            return None
        title = self.text(source, "title", "source.title", one_line=True)
        publisher = self.text(source, "publisher", "source.publisher", one_line=True)
        date = self.source_date(source)
        url = self.url(source)
        return Source(title=title, publisher=publisher, date=date, url=url)

    def source_date(self, source: YamlMap) -> dt.date | str | None:
        value = source.get("date")
        if isinstance(value, int) and not isinstance(value, bool) and 1800 <= value <= 2999:
            return str(value)
        if isinstance(value, str) and _PARTIAL_DATE.match(value.strip()):
            return value.strip()
        return self.date(source, "date", "source.date")

    def url(self, source: YamlMap) -> str | None:
        value = source.get("url")
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.add(source.line_of("url"), "source.url", f"must be a web address, not {describe(value)}")
            return None
        if reason := url_problem(value):
            self.add(source.line_of("url"), "source.url", reason)
            return None
        if char := control_character(value.strip(), allowed=""):  # an address holds none, not even a tab
            self.add(source.line_of("url"), "source.url", control_character_message(char))
            return None
        address = value.strip()
        # A web or e-mail address without its scheme would be published as a broken relative link.
        # (A relative path or #fragment to the site itself stays allowed: contract §5 "Links".)
        if not _ABSOLUTE_URL.match(address) and (hint := _missing_scheme(address)):
            self.add(source.line_of("url"), "source.url", f"{describe(address)} is not a full web address — {hint}")
            return None
        return address

