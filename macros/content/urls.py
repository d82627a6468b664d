"""Which link and image addresses a case study may use (contract §5 "Links")."""

from __future__ import annotations

import html
import re

ALLOWED_SCHEMES = ("https", "http", "mailto")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def _as_browsers_read(url: str) -> str:
    # Browsers decode entities and ignore whitespace and control characters inside a
    # scheme ("java&#x9;script:"), so the checks must too.
    return re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url))


def url_problem(url: str) -> str | None:
    """Why a link target is refused, or None: https, http, mailto, relative paths and #fragments only."""
    cleaned = _as_browsers_read(url)
    match = _SCHEME.match(cleaned)
    if match is None or match.group(1).lower() in ALLOWED_SCHEMES:
        return None
    return (
        f"links may only use https:, http: or mailto: (or a relative path or #fragment), "
        f"not '{match.group(1).lower()}:'"
    )


def is_other_site(url: str) -> bool:
    """An address on another site (``https://…``, ``//host/…``), as opposed to a file of this one."""
    cleaned = _as_browsers_read(url)
    return bool(_SCHEME.match(cleaned)) or cleaned.startswith(("//", "\\\\", "/\\", "\\/"))
