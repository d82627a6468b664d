"""An allow-list sanitiser for the HTML rendered from a case study's body.

The case-study profile (macros/content/body.py) cannot express an attribute and the
checks refuse raw HTML and unsafe link schemes with a message; this is the
next line: whatever the profile's extensions produce from an untrusted body,
only known-harmless tags, attributes, classes and URL schemes reach the page.
The classes are the profile's own blocks, so a body can never borrow the
theme's (``md-dialog``, ``md-banner``…) to dress the page.
"""

from __future__ import annotations

import re

import nh3

from macros.content.urls import ALLOWED_SCHEMES

# The block types of the case-study profile (contract §1 "Body"); macros/content/body.py renders any other as a note.
ADMONITION_TYPES = ("note", "info", "tip", "example", "quote", "warning")

_TAGS = (set(nh3.ALLOWED_TAGS) - {"area", "map"}) | {"tfoot"}
_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(names) - {"class"} for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"id", "title", "lang", "dir"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "td": {"colspan", "rowspan", "align"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "type"},
    "time": {"datetime"},
    "details": {"open"},
}
_CLASSES: dict[str, set[str]] = {
    "a": {"headerlink", "footnote-ref", "footnote-backref"},
    "div": {"admonition", "footnote", *ADMONITION_TYPES},
    "details": set(ADMONITION_TYPES),
    "p": {"admonition-title"},
}
_EMPTY_CLASS = re.compile(r'(<[a-z0-9]+\b[^<>]*?) class=""')


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and (value.startswith("_") or value.startswith("md-") or value.startswith("cb-")):
        return None  # the theme's and the page's own elements use ids such as "__search"
    if attribute == "align":
        return value if value in ("left", "right", "center") else None  # table column alignment
    return value


# Built once: configuring a sanitiser costs more than most pages take to clean.
_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    clean_content_tags={"script", "style"},
    attributes=_ATTRIBUTES,
    allowed_classes=_CLASSES,
    attribute_filter=_filter_attribute,
    url_schemes=set(ALLOWED_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def sanitise_body(html: str) -> str:
    # Inside a tag only (text holds no raw '<'): what is left of a class attribute with no class allowed.
    return _EMPTY_CLASS.sub(r"\1", _CLEANER.clean(html))
