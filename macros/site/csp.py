"""The Content-Security-Policy every page carries (overrides/main.html prints it).

Scripts may come only from the site's own files, plus the few inline scripts
Material's templates print. Those are allowed by their SHA-256 hash, taken from
the partials rendered with the trusted config (see ``script_partials``), never
from a built page: an inline script injected into a page must not be allowed by
hashing the page. Material's instant navigation keeps the first page's policy
for the pages it swaps in, so every allowed script must be the same on every
page; ``script_hashes`` renders each partial at two depths to make sure.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit


class PolicyError(Exception):
    """The config asks for a script the policy cannot allow."""


# Not `frame-ancestors`, `report-uri` or `sandbox`: a <meta> policy cannot carry them.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),  # the hashes of Material's inline scripts are added after this
    # The site prints no style attribute or <style>, and Material and casebook.js
    # style elements only through the CSSOM (el.style), which style-src does not govern.
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # Material's stylesheet draws its icons as data: SVG
    ("font-src", "'self'"),
    ("connect-src", "'self'"),  # instant navigation, the search index, the finder's JSON
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# `base_url` as the home page and a page two folders down see it.
_DEPTHS = (".", "../..")
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def scope(site_url: str | None) -> str:
    """The path of ``site_url``, for Material's ``extra.scope``: the same on every page, where
    its default (``base_url``) differs by depth and would change the hash of its first script."""
    path = urlsplit(site_url or "").path or "/"
    return path if path.endswith("/") else path + "/"


def script_partials(features: Sequence[str], palette: Any, extra: Mapping[str, Any]) -> list[str]:
    """The partials of Material 9 that print an inline script, for this config (as base.html and
    partials/header.html include them)."""
    if extra.get("analytics"):
        raise PolicyError(
            "extra.analytics loads a script from another site; the casebook's Content-Security-Policy "
            "allows scripts from the site only (macros/site/csp.py)"
        )
    partials = ["partials/javascripts/base.html", "partials/javascripts/content.html"]
    if palette and not isinstance(palette, Mapping):
        partials.append("partials/javascripts/palette.html")
    if "announce.dismiss" in features:
        partials.append("partials/javascripts/announce.html")
    if extra.get("consent"):
        partials.append("partials/javascripts/consent.html")
    if extra.get("version"):
        partials.append("partials/javascripts/outdated.html")
    return partials


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script in ``html`` that a browser would run (JSON data is not run)."""
    found = []
    for attributes, text in _SCRIPT.findall(html):
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") in _JAVASCRIPT_TYPES:
            found.append(text)
    return found


def script_hash(text: str) -> str:
    """A CSP hash source for an inline script's exact text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def script_hashes(render: Callable[[str, str], str], partials: Iterable[str]) -> list[str]:
    """Hashes of the inline scripts the partials print; ``render(partial, base_url)`` renders one
    with the trusted config. A script that differs by page depth cannot share one policy."""
    hashes: list[str] = []
    for partial in partials:
        shallow, deep = (inline_scripts(render(partial, base_url)) for base_url in _DEPTHS)
        if shallow != deep:
            raise PolicyError(
                f"{partial} prints a script that differs from page to page (it uses base_url), so one "
                "Content-Security-Policy cannot allow it on every page (macros/site/csp.py)"
            )
        hashes += [script_hash(text) for text in shallow if script_hash(text) not in hashes]
    return hashes


def policy(hashes: Iterable[str]) -> str:
    """The policy, for a <meta http-equiv="Content-Security-Policy"> (printed unescaped)."""
    allowed = list(hashes)
    for source in allowed:
        if not re.fullmatch(r"'sha256-[A-Za-z0-9+/]+={0,2}'", source):
            raise ValueError(f"not a hash source: {source!r}")
    parts = []
    for name, value in DIRECTIVES:
        if name == "script-src":
            value = " ".join([value, *allowed])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def site_policy(
    render: Callable[[str, str], str], features: Sequence[str], palette: Any, extra: Mapping[str, Any]
) -> str:
    """The policy for a site with this theme config; ``render`` as for ``script_hashes``."""
    return policy(script_hashes(render, script_partials(features, palette, extra)))
