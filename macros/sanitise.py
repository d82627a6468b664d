"""An allow-list sanitiser for the HTML rendered from a case study's body.

The checker refuses raw HTML and unsafe link schemes with a message; this is
the second line: whatever Markdown extensions produce from an untrusted body
(attribute lists can set any attribute, entities can hide a scheme), only
known-harmless tags, attributes and URL schemes reach the page.
"""

from __future__ import annotations

import re

import nh3

from .body import ALLOWED_SCHEMES

_TAGS = (set(nh3.ALLOWED_TAGS) - {"area", "map"}) | {"tfoot"}
_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"class", "id", "title", "lang", "dir"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "td": {"colspan", "rowspan", "style"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "type"},
    "time": {"datetime"},
    "details": {"open"},
}
_TEXT_ALIGN = re.compile(r"^\s*text-align:\s*(left|right|center);?\s*$")


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and value.startswith("__"):
        return None  # Material's own elements use ids such as "__search"
    if attribute == "style":
        return value if _TEXT_ALIGN.match(value) else None  # only table column alignment
    return value


# Built once: configuring a sanitiser costs more than most pages take to clean.
_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    clean_content_tags={"script", "style"},
    attributes=_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes=set(ALLOWED_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def sanitise_body(html: str) -> str:
    return _CLEANER.clean(html)
