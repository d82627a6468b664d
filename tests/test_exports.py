"""/case-studies.json (contract §4)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from test_index import VOCABULARIES, study

from macros.exports import build_json_index, build_time
from macros.index import build_index
from macros.model import School, Trust


def test_document_shape_and_order() -> None:
    index = build_index(
        [
            study("old", "2024-01-01", trust=Trust(name="T"), school=School(name="S")),
            study("new", "2025-01-01"),
            study("draft", "2025-06-01", draft=True),
        ],
        VOCABULARIES,
    )
    document = json.loads(build_json_index(index, dt.datetime(2025, 7, 1, 12, 0, tzinfo=dt.timezone.utc)))
    assert document["generated"] == "2025-07-01T12:00:00+00:00"
    assert document["count"] == 2
    assert [entry["slug"] for entry in document["case_studies"]] == ["new", "old"]
    old = document["case_studies"][1]
    assert old["trust"] == "T" and old["school"] == "S"
    assert old["partnership_models"] == [] and old["programmes"] == []
    assert list(old) == [
        "slug", "url", "title", "type", "date", "summary", "phases", "hubs",
        "partnership_models", "programmes", "trust", "school",
    ]


def test_build_time_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_time().isoformat() == "2023-11-14T22:13:20+00:00"
