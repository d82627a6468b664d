"""Dates as teachers write them (macros/content/dates.py): one parser for `casebook new` and the issue form."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.content.dates import DateError, format_date, future_problem, parse_date, parse_source_date

MARCH_14 = dt.date(2025, 3, 14)


@pytest.mark.parametrize("written", [
    "2025-03-14", "14/03/2025", "14/3/2025", "14-03-2025", "14.03.2025", "14 March 2025", "14 Mar 2025",
    "March 14, 2025", "14th March 2025", "14 march 2025", "  14   March   2025 ", "Friday 14 March 2025",
    "14 Mar. 2025", "2025/03/14",
])
def test_the_ways_teachers_write_a_day(written: str) -> None:
    assert parse_date(written) == MARCH_14


def test_numeric_dates_are_day_first() -> None:
    assert parse_date("04/03/2025") == dt.date(2025, 3, 4)
    assert parse_date("1/12/2024") == dt.date(2024, 12, 1)


@pytest.mark.parametrize("written, message", [
    ("31/02/2025", "'31/02/2025' is not a real date: February 2025 has 28 days"),
    ("29/02/2025", "'29/02/2025' is not a real date: February 2025 has 28 days"),
    ("31 April 2025", "'31 April 2025' is not a real date: April 2025 has 30 days"),
    ("03/14/2025", "'03/14/2025' is not a real date: there is no month 14 — write the day first, as in 14/03/2025"),
    ("14/03/25", "'14/03/25': write the year in full, as in 14/03/2025 or 14 March 2025"),
    ("14 Marhc 2025", "'14 Marhc 2025': 'Marhc' is not a month — did you mean 'March'?"),
    ("Monday 14 March 2025", "'Monday 14 March 2025': 14 March 2025 is a Friday — check the day and the date"),
    ("next week", "'next week' is not a date we can read — write it like 14/03/2025 or 14 March 2025"),
    ("14/03-2025", "'14/03-2025' is not a date we can read — write it like 14/03/2025 or 14 March 2025"),
    ("", "is empty — write a date such as 14/03/2025 or 14 March 2025"),
    ("March 2025", "'March 2025' has no day — write the day it was published, such as 14 March 2025; "
                   "if the source does not give the day, leave it empty for today"),
    ("2025", "'2025' has no day — write the day it was published, such as 14 March 2025; "
             "if the source does not give the day, leave it empty for today"),
])
def test_anything_else_is_refused_saying_what_to_write(written: str, message: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_date(written)
    assert str(raised.value) == message


def test_what_to_do_without_a_day_depends_on_where_it_was_asked() -> None:
    with pytest.raises(DateError, match="if the source does not give the day, leave out --date for today$"):
        parse_date("2025-03", if_no_day="leave out --date for today")


def test_a_future_day() -> None:
    assert future_problem(dt.date(2025, 6, 2), dt.date(2025, 6, 1)) == (
        "2025-06-02 is in the future — give the day it was published (today or earlier)"
    )
    assert future_problem(dt.date(2025, 6, 1), dt.date(2025, 6, 1)) is None


@pytest.mark.parametrize("written, read", [
    ("14 March 2025", MARCH_14), ("March 2025", "2025-03"), ("Mar 2025", "2025-03"), ("03/2025", "2025-03"),
    ("2025-03", "2025-03"), ("2025", "2025"),
])
def test_a_source_date_is_as_precise_as_the_source(written: str, read: object) -> None:
    assert parse_source_date(written) == read


def test_said_back_in_words() -> None:
    assert format_date(dt.date(2025, 3, 4)) == "4 March 2025"
