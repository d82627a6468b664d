"""The id lists (contract §1): phases, hubs, partnership_models and programmes, each
from its file in data/. ``type``, one id, is with the other identity fields."""

from __future__ import annotations

from typing import Any

from macros.content.model import Vocabulary
from macros.content.strict_yaml import YamlList, YamlMap

from .checker import Checker
from .ids import several_ids, suggest_id, unknown_id_message
from .primitives import describe

TYPES_NEEDING_MODELS = ("trust-model", "find-out-in-five")


def phases(checker: Checker, fm: YamlMap) -> tuple[str, ...]:
    return id_list(checker, fm, "phases", checker.vocabularies.phases, required=True)


def hubs(checker: Checker, fm: YamlMap) -> tuple[str, ...]:
    return id_list(checker, fm, "hubs", checker.vocabularies.hubs, required=True)


def partnership_models(checker: Checker, fm: YamlMap, type_id: str | None) -> tuple[str, ...]:
    """Required for the types that are about how a trust works with its hub; optional for the rest."""
    needs_models = type_id in TYPES_NEEDING_MODELS
    return id_list(checker, fm, "partnership_models", checker.vocabularies.partnership_models, required=needs_models,
                   why=f" for a '{type_id}' case study" if needs_models else "")


def programmes(checker: Checker, fm: YamlMap) -> tuple[str, ...]:
    return id_list(checker, fm, "programmes", checker.vocabularies.programmes, required=False)


def id_list(
    checker: Checker, fm: YamlMap, key: str, vocabulary: Vocabulary, *, required: bool, why: str = ""
) -> tuple[str, ...]:
    """The known ids listed under ``key``; a bare string is a list of one, and each id appears once."""
    value = fm.get(key)
    line = fm.line_of(key)
    example = vocabulary.ids[0] if vocabulary.ids else "…"
    if value is None:
        if required:
            if key in fm:
                checker.add(line, key, f"is empty — list at least one {vocabulary.singular}{why}, e.g. '{key}: {example}'")
            else:
                checker.add(1, key, f"is required{why} — add '{key}: {example}' (one or more {vocabulary.singular} ids)")
        return ()
    written = [value] if isinstance(value, str) else list(value) if isinstance(value, YamlList) else []
    split = [several_ids(item, vocabulary) if isinstance(item, str) else None for item in written]
    if any(split) and all(isinstance(item, str) for item in written):  # 'primary, secondary', '- primary secondary'
        _suggest_a_list(checker, line, key, [part for item, parts in zip(written, split) for part in parts or [item]], vocabulary)
        return ()
    if isinstance(value, str):
        items: list[Any] = [value]
    elif isinstance(value, YamlList):
        items = list(value)
    else:
        checker.add(line, key, f"must be a list of {vocabulary.singular} ids, not {describe(value)}")
        return ()
    if not items and required:
        checker.add(line, key, f"is empty — list at least one {vocabulary.singular}{why}, e.g. '{key}: {example}'")
    result: list[str] = []
    for item in items:
        if not isinstance(item, str):
            checker.add(line, key, f"{describe(item)} is not a {vocabulary.singular} id — write ids such as '{example}'")
        elif item in result:
            checker.add(line, key, f"lists '{item}' twice — remove one")
        elif item not in vocabulary:
            checker.add(line, key, unknown_id_message(item, vocabulary))
            result.append(item)
        else:
            result.append(item)
    return tuple(item for item in result if item in vocabulary)


def _suggest_a_list(checker: Checker, line: int, key: str, parts: list[str], vocabulary: Vocabulary) -> None:
    """'phases: primary, secondary' is one unknown phase to YAML: say how to write a list,
    with the ids recognised (corrected) in the order written, and name each part that is not one."""
    recognised: list[str] = []
    for part in parts:
        entry_id = part if part in vocabulary else suggest_id(part, vocabulary)
        if entry_id is None:
            checker.add(line, key, unknown_id_message(part, vocabulary))
        elif entry_id not in recognised:
            recognised.append(entry_id)
    if recognised:
        checker.add(
            line, key,
            f"write several {vocabulary.singular}s as a list in square brackets: {key}: [{', '.join(recognised)}]",
        )
