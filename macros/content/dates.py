"""Dates as teachers write them, read in one place for `casebook new` and the issue form.

A case study's ``date`` is written ISO ``YYYY-MM-DD``; people type ``14/03/2025``,
``14 March 2025`` or ``March 14, 2025``. Numeric dates are read the UK way, day
first. Anything that is not one day that exists is refused with a message that
says what to write instead; nothing is guessed (no two-digit years, no month
without a day).
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re

# English names whatever the machine's locale (calendar.month_name follows the locale).
MONTHS: dict[str, int] = {}
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
for _number, _name in enumerate(_MONTH_NAMES, start=1):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_NAMES = {**{name: n for n, name in enumerate(_WEEKDAYS)}, **{name[:3]: n for n, name in enumerate(_WEEKDAYS)}}

EXAMPLES = "14/03/2025 or 14 March 2025"
_ORDINAL = r"(?:st|nd|rd|th)?"
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d+)")
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}}){_ORDINAL} (?:of )?([a-z]+)\.? (\d+)")
_MONTH_DAY_YEAR = re.compile(rf"([a-z]+)\.? (\d{{1,2}}){_ORDINAL} (\d+)")
_MONTH_YEAR = re.compile(r"([a-z]+)\.? (\d{4})")
_NUMERIC_MONTH_YEAR = re.compile(r"(\d{4})-(\d{1,2})|(\d{1,2})[/.-](\d{4})")
_YEAR = re.compile(r"\d{4}")


class DateError(ValueError):
    """Not a day that exists, written a way we read; the message says what to write."""


def parse_date(text: str, *, if_no_day: str = "leave it empty for today") -> dt.date:
    """One day from how a person wrote it, or DateError saying why not.

    ``if_no_day`` ends the message for a month or year without a day: what to do
    when the source does not give the day (the contract's "otherwise").
    """
    shown = " ".join(text.split())
    words = shown.lower().replace(",", " ")
    words = " ".join(words.split())
    weekday = None
    first, _, rest = words.partition(" ")
    if first.rstrip(".") in _WEEKDAY_NAMES and rest:
        weekday, words = _WEEKDAY_NAMES[first.rstrip(".")], rest
    if not words:
        raise DateError(f"is empty — write a date such as {EXAMPLES}")

    if match := _ISO.fullmatch(words):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_FIRST.fullmatch(words):
        day, month, year = int(match[1]), int(match[3]), _year(match[4], shown)
    elif match := _DAY_MONTH_YEAR.fullmatch(words):
        day, month, year = int(match[1]), _month(match[2], shown), _year(match[3], shown)
    elif match := _MONTH_DAY_YEAR.fullmatch(words):
        month, day, year = _month(match[1], shown), int(match[2]), _year(match[3], shown)
    elif (match := _MONTH_YEAR.fullmatch(words)) and _month(match[1], shown):
        raise DateError(_no_day(shown, if_no_day))
    elif _NUMERIC_MONTH_YEAR.fullmatch(words) or _YEAR.fullmatch(words):
        raise DateError(_no_day(shown, if_no_day))
    else:
        raise DateError(f"'{shown}' is not a date we can read — write it like {EXAMPLES}")

    if not 1 <= month <= 12:
        raise DateError(f"'{shown}' is not a real date: there is no month {month} — write the day first, as in 14/03/2025")
    if year < dt.MINYEAR:
        raise DateError(f"'{shown}' is not a real date: there is no year {year}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        month_name = _MONTH_NAMES[month - 1].capitalize()
        raise DateError(f"'{shown}' is not a real date: {month_name} {year} has {last} days")
    date = dt.date(year, month, day)
    if weekday is not None and date.weekday() != weekday:
        actual = _WEEKDAYS[date.weekday()].capitalize()
        raise DateError(f"'{shown}': {format_date(date)} is a {actual} — check the day and the date")
    return date


def parse_source_date(text: str) -> dt.date | str:
    """A source's date as the source states it: a day (a date), a month ('2025-03') or a year ('2025');
    DateError otherwise. Nothing is made more precise than the source is."""
    shown = " ".join(text.split())
    words = " ".join(shown.lower().replace(",", " ").split())
    if _YEAR.fullmatch(words):
        return words
    if match := _NUMERIC_MONTH_YEAR.fullmatch(words):
        year, month = (match[1], int(match[2])) if match[1] else (match[4], int(match[3]))
    elif (match := _MONTH_YEAR.fullmatch(words)) and match[1] in MONTHS:
        year, month = match[2], MONTHS[match[1]]
    else:
        return parse_date(text, if_no_day="give the month and year, or just the year")
    if not 1 <= month <= 12:
        raise DateError(f"'{shown}' is not a real date: there is no month {month}")
    return f"{year}-{month:02d}"


def future_problem(date: dt.date, today: dt.date) -> str | None:
    """Why ``date`` cannot be a published case study's date, or None (contract: not in the future)."""
    if date > today:
        return f"{date.isoformat()} is in the future — give the day it was published (today or earlier)"
    return None


def format_date(date: dt.date) -> str:
    """14 March 2025: how a date is said back to a person."""
    return f"{date.day} {_MONTH_NAMES[date.month - 1].capitalize()} {date.year}"


def _year(text: str, shown: str) -> int:
    if len(text) != 4:
        raise DateError(f"'{shown}': write the year in full, as in {EXAMPLES}")
    return int(text)


def _month(word: str, shown: str) -> int:
    if word in MONTHS:
        return MONTHS[word]
    close = difflib.get_close_matches(word, _MONTH_NAMES, n=1, cutoff=0.6)
    hint = f" — did you mean '{close[0].capitalize()}'?" if close else f" — write it like {EXAMPLES}"
    typed = re.search(re.escape(word), shown, re.IGNORECASE)
    raise DateError(f"'{shown}': '{typed.group() if typed else word}' is not a month{hint}")


def _no_day(shown: str, if_no_day: str) -> str:
    return (
        f"'{shown}' has no day — write the day it was published, such as 14 March 2025; "
        f"if the source does not give the day, {if_no_day}"
    )
