"""Writing case-study files: what `casebook new` and the issue-form converter produce.

The front matter is emitted with python-frontmatter's YAML handler (PyYAML's
safe dumper), one field at a time so id lists stay on one line and people,
trust and school read as indented blocks. Every value written here reads back
as the same value. A file from the issue form passes `casebook check` as
written; a file from `casebook new` passes once the editor has replaced the
template's prompts (``templates.scaffold_problems`` finds the ones left).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from macros.content.checks import FIELDS

# The order fields are written in: the contract's table.
FIELD_ORDER = FIELDS
ID_LISTS = {"phases", "hubs", "partnership_models", "programmes"}

OPTIONAL_FIELDS_COMMENT = """\
# Optional fields: remove the '# ' in front of the ones you use.
# trust:
#   name: Name of the trust
#   schools: 12                 # how many schools it has
#   counties: [Dorset, Wiltshire]
# school:
#   name: Name of the school
#   location: Town or area
#   age_range: "4-11"
#   pupils: 210
#   fsm_percent: 24             # % of pupils eligible for free school meals, no % sign
#   setting: e.g. special school, three mixed-age classes
# people:
#   - name: Full name
#     role: Their role, and where
# source:
#   title: Title of the original publication
#   publisher: Who published it
#   date: 2025-11-28
#   url: https://www.example.org/the-original
# draft: true                   # keeps it off the site until you remove this line
"""

_HANDLER = YAMLHandler()


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, quoting every string the checks' YAML 1.2 reader would take for a
    number: PyYAML (YAML 1.1) writes '1e3' and '1.5e3' bare, which macros/content/strict_yaml.py reads as floats."""


_Dumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+)$"),
    list("-+.0123456789"),
)


def dump_field(key: str, value: Any) -> str:
    flow = key in ID_LISTS or key == "counties"
    text: str = _HANDLER.export(
        {key: value}, Dumper=_Dumper, sort_keys=False, default_flow_style=None if flow else False, width=88
    )
    return text.rstrip("\n") + "\n"


def render_case_study(fields: Mapping[str, Any], body: str, *, with_comments: bool = False) -> str:
    """A complete case-study file: front matter in the contract's order, then the body."""
    unknown = set(fields) - set(FIELD_ORDER)
    if unknown:
        raise ValueError(f"not content-model fields: {sorted(unknown)}")
    front = "".join(dump_field(key, fields[key]) for key in FIELD_ORDER if fields.get(key) not in (None, [], ()))
    comments = OPTIONAL_FIELDS_COMMENT if with_comments else ""
    # Only the blank lines around the body go: its first line's indentation is the editor's.
    return f"---\n{front}{comments}---\n\n{body.lstrip(chr(10)).rstrip()}\n"


def today() -> dt.date:
    return dt.datetime.now(dt.timezone.utc).date()
