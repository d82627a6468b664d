"""Machine-readable outputs of the index: ``/case-studies.json`` (contract §4)."""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any

from .index import CaseStudyIndex
from .model import CaseStudy

JSON_PATH = "case-studies.json"


def build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that a rebuild can be byte-for-byte the same."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def json_entry(case_study: CaseStudy) -> dict[str, Any]:
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
    }


def build_json_index(index: CaseStudyIndex, generated: dt.datetime) -> str:
    """Published case studies only, newest first then by slug (the index's own order)."""
    document = {
        "generated": generated.isoformat(),
        "count": len(index.case_studies),
        "case_studies": [json_entry(case_study) for case_study in index.case_studies],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
