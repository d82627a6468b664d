"""Reading and checking the controlled vocabularies in ``data/`` (contract §2)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from macros.content.loading import decode, display_path
from macros.content.model import Problem, Vocabularies, Vocabulary, VocabularyEntry
from macros.content.strict_yaml import YamlList, YamlMap, YamlProblem, load_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

REGIONS = (
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)

# file stem: (singular, plural heading, keys beyond id/name/description, ids the contract fixes)
SPECS: dict[str, tuple[str, str, dict[str, tuple[str, ...] | None], tuple[str, ...]]] = {
    "types": (
        "type", "Types", {},
        ("find-out-in-five", "trust-model", "school-story", "q-and-a", "profile", "research", "perspective"),
    ),
    "phases": ("phase", "Phases", {}, ("early-years", "primary", "secondary", "post-16")),
    "partnership_models": (
        "partnership model", "Partnership models",
        {"expertise": ("within", "outside"), "reach": ("trust-only", "wider-network"), "short_name": None},
        ("hub-work-groups", "hub-led-trust-groups", "trust-led-trust-groups", "trust-leaders-lead-for-hub"),
    ),
    "hubs": (
        "hub", "Maths Hubs", {"region": REGIONS},
        (
            "jurassic", "mobius", "archimedes-ne", "west-yorkshire", "north-mids", "london-central-and-west",
            "yorkshire-ridings", "central", "great-north", "angles", "east-midlands-west", "kent-and-medway",
            "origin", "solent", "code", "cambridge", "london-south-west", "abacus-nw", "north-west-three",
            "turing-nw", "london-south-east-plus", "north-north-west", "boolean", "south-yorkshire",
        ),
    ),
    "programmes": (
        "programme", "Programmes", {},
        (
            "teaching-for-mastery", "mastering-number", "sktm", "targeted-support", "mastery-specialist",
            "years-5-8-continuity", "securing-foundations-year-7", "multiplicative-reasoning-ks3",
            "maths-science-coherence", "l2-qualification", "research-and-innovation", "llme-development",
        ),
    ),
}
REQUIRED_EXTRA = {"partnership_models": ("expertise", "reach")}


def load_vocabularies(data_dir: Path, root: Path) -> tuple[Vocabularies | None, list[Problem]]:
    """Read every vocabulary file; None when any of them cannot be used."""
    problems: list[Problem] = []
    loaded: dict[str, Vocabulary] = {}
    for key, (singular, plural, extra_keys, required_ids) in SPECS.items():
        path = data_dir / f"{key}.yml"
        shown = display_path(path, root)
        entries, file_problems = _read_entries(path, shown, extra_keys, REQUIRED_EXTRA.get(key, ()))
        problems.extend(file_problems)
        present = {entry.id for entry in entries}
        for required in required_ids:
            if entries and required not in present:
                problems.append(Problem(shown, 1, "id", f"the contract's id '{required}' is missing — add an entry for it"))
        if key == "partnership_models":
            problems.extend(_check_model_cells(entries, shown))
        loaded[key] = Vocabulary(key=key, singular=singular, plural=plural, entries=tuple(entries))
    if problems:
        return None, problems
    return Vocabularies(**loaded), []


def _read_entries(
    path: Path, shown: str, extra_keys: dict[str, tuple[str, ...] | None], required_extra: tuple[str, ...]
) -> tuple[list[VocabularyEntry], list[Problem]]:
    try:
        text, problem = decode(path.read_bytes())
    except OSError:
        return [], [Problem(shown, 1, "file", "is missing — every vocabulary in data/ is needed to check case studies")]
    if problem is not None:
        return [], [Problem(shown, problem[0], "file", problem[1])]
    try:
        data = load_yaml(text or "")
    except YamlProblem as error:
        return [], [Problem(shown, error.line, "file", error.message)]
    if not isinstance(data, YamlList) or not data:
        return [], [Problem(shown, 1, "file", "must be a YAML list of entries, each with 'id' and 'name'")]

    entries: list[VocabularyEntry] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    allowed = {"id", "name", "description", *extra_keys}
    for position, (item, line) in enumerate(zip(data, data.item_lines), start=1):
        if not isinstance(item, YamlMap):
            problems.append(Problem(shown, line, str(position), "each entry must be a mapping with 'id' and 'name'"))
            continue
        entry_problems = _check_entry(item, shown, allowed, extra_keys, required_extra)
        problems.extend(entry_problems)
        entry_id = item.get("id")
        if isinstance(entry_id, str):
            if entry_id in seen:
                problems.append(
                    Problem(shown, item.line_of("id"), "id", f"'{entry_id}' is used twice (also on line {seen[entry_id]})")
                )
            seen.setdefault(entry_id, item.line_of("id"))
        if not entry_problems:
            entries.append(
                VocabularyEntry(
                    id=item["id"],
                    name=item["name"],
                    description=(item.get("description") or "").strip(),
                    extra={key: item[key] for key in extra_keys if key in item},
                )
            )
    return entries, problems


def _check_entry(
    item: YamlMap,
    shown: str,
    allowed: set[str],
    extra_keys: dict[str, tuple[str, ...] | None],
    required_extra: tuple[str, ...],
) -> list[Problem]:
    problems = []

    def add(key: str, message: str) -> None:
        problems.append(Problem(shown, item.line_of(key), key, message))

    for key in item:
        if key not in allowed:
            add(str(key), f"unknown key '{key}' — allowed keys are {', '.join(sorted(allowed))}")
    entry_id = item.get("id")
    if not isinstance(entry_id, str) or not ID_PATTERN.match(entry_id):
        add("id", f"'{entry_id}' is not a kebab-case id (lower-case letters, digits and single hyphens)")
    for key in ("name", *required_extra):
        if not isinstance(item.get(key), str) or not item[key].strip():
            add(key, f"'{key}' is required and must be text")
    if "description" in item and not isinstance(item["description"], str):
        add("description", "must be text")
    for key, choices in extra_keys.items():
        value: Any = item.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            add(key, "must be text")
        elif choices is not None and value not in choices:
            add(key, f"'{value}' is not one of: {', '.join(choices)}")
    return problems


def _check_model_cells(entries: list[VocabularyEntry], shown: str) -> list[Problem]:
    """The models are read off two axes: each (expertise, reach) cell holds one model."""
    cells: dict[tuple[str, str], str] = {}
    problems = []
    for entry in entries:
        cell = (entry.get("expertise"), entry.get("reach"))
        if cell in cells:
            problems.append(
                Problem(shown, 1, "expertise", f"'{entry.id}' and '{cells[cell]}' sit in the same cell {cell} of the 2×2")
            )
        cells[cell] = entry.id
    return problems
