"""The original publication the facts come from (contract §1: ``source``): its
title, publisher, date (a year or month is enough) and address."""

from __future__ import annotations

import datetime as dt
import re

from macros.content.model import Source
from macros.content.strict_yaml import YamlMap
from macros.content.urls import url_problem

from .checker import Checker
from .plain_text import control_character, control_character_message, text
from .primitives import date, describe, nested_mapping

SOURCE_FIELDS = ("title", "publisher", "date", "url")

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")
# source.url names the original publication: an absolute http(s) or mailto address, never a path.
_ABSOLUTE_URL = re.compile(r"^(?:https?://[^/\s]|mailto:\S)", re.IGNORECASE)
_FILE_ENDINGS = {"pdf", "htm", "html", "doc", "docx", "ppt", "pptx", "xls", "xlsx", "txt", "csv", "md", "png", "jpg", "jpeg", "gif"}
_HOST = re.compile(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/:?#]|$)")  # www.ncetm.org.uk/x, ncetm.org.uk


def source(checker: Checker, fm: YamlMap) -> Source | None:
    found = nested_mapping(checker, fm, "source", SOURCE_FIELDS)
    if found is None:
        return None
    title = text(checker, found, "title", "source.title", one_line=True)
    publisher = text(checker, found, "publisher", "source.publisher", one_line=True)
    when = _source_date(checker, found)
    url = _url(checker, found)
    return Source(title=title, publisher=publisher, date=when, url=url)


def _source_date(checker: Checker, source: YamlMap) -> dt.date | str | None:
    value = source.get("date")
    if isinstance(value, int) and not isinstance(value, bool) and 1800 <= value <= 2999:
        return str(value)
    if isinstance(value, str) and _PARTIAL_DATE.match(value.strip()):
        return value.strip()
    return date(checker, source, "date", "source.date")


def _url(checker: Checker, source: YamlMap) -> str | None:
    value = source.get("url")
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        checker.add(source.line_of("url"), "source.url", f"must be a web address, not {describe(value)}")
        return None
    if reason := url_problem(value):
        checker.add(source.line_of("url"), "source.url", reason)
        return None
    if char := control_character(value.strip(), allowed=""):  # an address holds none, not even a tab
        checker.add(source.line_of("url"), "source.url", control_character_message(char))
        return None
    address = value.strip()
    # A web or e-mail address without its scheme would be published as a broken relative link.
    # (A relative path or #fragment to the site itself stays allowed: contract §5 "Links".)
    if not _ABSOLUTE_URL.match(address) and (hint := _missing_scheme(address)):
        checker.add(source.line_of("url"), "source.url", f"{describe(address)} is not a full web address — {hint}")
        return None
    return address


def _missing_scheme(address: str) -> str | None:
    """How to write ``address`` (no scheme) when it is a web or e-mail address missing its scheme, else None."""
    bare = address[2:] if address.startswith("//") else address
    ending = re.split(r"[/:?#]", bare, maxsplit=1)[0].rsplit(".", 1)[-1].lower()
    if typo := re.match(r"(https?):/*(?!/)", address, re.IGNORECASE):
        return f"write two slashes after '{typo.group(1)}:', as in {typo.group(1)}://{address[typo.end():]}"
    if _HOST.match(bare) and ending.isalpha() and ending not in _FILE_ENDINGS:
        return f"start it with https://, as in https://{bare}"
    if re.fullmatch(r"[^@\s/:]+@[^@\s/:]+\.[^@\s/:]+", address):
        return f"start an email address with mailto:, as in mailto:{address}"
    return None
