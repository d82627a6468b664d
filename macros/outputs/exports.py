"""Machine-readable outputs of the index: ``/case-studies.json`` (contract §4) and ``/case-studies.csv``.

The JSON holds the contract's fields and, after them, the casebook's extensions
(the vocabularies' names; each entry's trust and school details, people and
opening, for the comparison and the briefing). The CSV holds the contract's
fields, in the JSON's order, for people who
open data in a spreadsheet: lists are joined with "; ", it starts with a byte
order mark so Excel reads it as UTF-8, and no cell can be taken for a formula.
The finder's "Download this list" (overrides/assets/javascripts/lib/csv.mjs)
writes the same format for a filtered view; a browser test keeps the two equal.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Mapping
from typing import Any

from macros.content.body import RenderedBody
from macros.content.index import CaseStudyIndex
from macros.content.model import CaseStudy, Vocabularies

LIST_SEPARATOR = "; "
# A spreadsheet reads a cell starting with one of these as a formula (OWASP's
# "CSV injection"); a leading apostrophe makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that a rebuild can be byte-for-byte the same."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


# The casebook's extensions of the contract's JSON (README, "Take it with you"): the names of the
# vocabularies' ids, and per entry what a comparison or a briefing shows. The contract's fields come
# first, as they were; the CSV keeps exactly those (CSV_COLUMNS).
JSON_VOCABULARIES = ("types", "phases", "hubs", "partnership_models", "programmes")


def json_entry(case_study: CaseStudy, body: RenderedBody | None = None) -> dict[str, Any]:
    """One case study in /case-studies.json: the contract's fields, then the casebook's own."""
    trust, school = case_study.trust, case_study.school
    return {
        "slug": case_study.slug,
        "url": case_study.url,
        "title": case_study.title,
        "type": case_study.type,
        "date": case_study.date.isoformat(),
        "summary": case_study.summary,
        "phases": list(case_study.phases),
        "hubs": list(case_study.hubs),
        "partnership_models": list(case_study.partnership_models),
        "programmes": list(case_study.programmes),
        "trust": case_study.trust.name if case_study.trust else None,
        "school": case_study.school.name if case_study.school else None,
        "trust_details": {"schools": trust.schools, "counties": list(trust.counties)} if trust else None,
        "school_details": {
            "location": school.location, "age_range": school.age_range, "pupils": school.pupils,
            "fsm_percent": school.fsm_percent, "setting": school.setting,
        } if school else None,
        "people": [{"name": person.name, "role": person.role} for person in case_study.people],
        "opening": body.opening if body else "",
    }


CSV_COLUMNS = (
    "slug", "url", "title", "type", "date", "summary", "phases", "hubs",
    "partnership_models", "programmes", "trust", "school",
)  # the contract's keys of json_entry, in its order


def json_vocabularies(vocabularies: Vocabularies) -> dict[str, dict[str, str]]:
    """Each vocabulary's ids with their names, in data/'s order, so a reader of the JSON can show names."""
    return {key: {entry.id: entry.name for entry in vocabularies[key]} for key in JSON_VOCABULARIES}


def build_json_index(
    index: CaseStudyIndex, generated: dt.datetime, bodies: Mapping[str, RenderedBody] | None = None
) -> str:
    """Published case studies only, newest first then by slug (the index's own order).

    ``bodies`` are the rendered bodies by slug (macros/content/body.py), for each entry's "opening"."""
    document = {
        "generated": generated.isoformat(),
        "count": len(index.case_studies),
        "vocabularies": json_vocabularies(index.vocabularies),
        "case_studies": [json_entry(case_study, (bodies or {}).get(case_study.slug)) for case_study in index.case_studies],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def csv_cell(value: Any) -> str:
    if value is None:
        text = ""
    elif isinstance(value, list):
        text = LIST_SEPARATOR.join(value)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def build_csv_index(index: CaseStudyIndex) -> str:
    """Published case studies, in the JSON's order and with its fields, as CSV text with a BOM."""
    entries = [json_entry(case_study) for case_study in index.case_studies]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        writer.writerow([csv_cell(entry[column]) for column in CSV_COLUMNS])
    return "\ufeff" + out.getvalue()
