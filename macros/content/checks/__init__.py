"""The contract's rules for one case study (§1 and §5), as problems for people.

``check_case_study`` never stops at the first problem: it reports every field
that is wrong, each at the line of its key, and builds a :class:`CaseStudy`
only when nothing is. The body is checked as it is rendered (macros/content/body.py),
once every case study is known, so that its links can be followed.

A rule lives with its field: identity.py (slug, title, type, draft, date,
summary), vocabularies.py (the id lists), organisations.py (trust, school),
people.py, source.py; the shapes they share are in primitives.py,
plain_text.py and ids.py, and case_study.py calls them in the contract's order.
"""

from .case_study import FIELDS, check_case_study
from .identity import QUESTION_TYPE, SLUG_PATTERN, check_slug
from .ids import suggest_id, unknown_id_message
from .plain_text import control_character, control_character_message
from .primitives import describe, key_field, slugify, unknown_key_message
from .vocabularies import TYPES_NEEDING_MODELS

__all__ = [
    "FIELDS",
    "QUESTION_TYPE",
    "SLUG_PATTERN",
    "TYPES_NEEDING_MODELS",
    "check_case_study",
    "check_slug",
    "control_character",
    "control_character_message",
    "describe",
    "key_field",
    "slugify",
    "suggest_id",
    "unknown_id_message",
    "unknown_key_message",
]
