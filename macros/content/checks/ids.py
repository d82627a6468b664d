"""Reading what an editor wrote as a vocabulary's id: by id in any case, by the
entry's name, or by a close spelling, and the message for an id that is none."""

from __future__ import annotations

import difflib

from macros.content.model import Vocabulary

from .primitives import slugify


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
