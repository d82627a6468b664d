"""Which link and image addresses a case study may use (contract §5 "Links")."""

from __future__ import annotations

import html
import re

ALLOWED_SCHEMES = ("https", "http", "mailto")


def url_problem(url: str) -> str | None:
    """Why a link target is refused, or None: https, http, mailto, relative paths and #fragments only."""
    # Browsers decode entities and ignore whitespace and control characters inside a
    # scheme ("java&#x9;script:"), so the check must too.
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", cleaned)
    if match is None or match.group(1).lower() in ALLOWED_SCHEMES:
        return None
    return (
        f"links may only use https:, http: or mailto: (or a relative path or #fragment), "
        f"not '{match.group(1).lower()}:'"
    )


def is_other_site(url: str) -> bool:
    """An address on another site (``https://…``, ``//host/…``), as opposed to a file of this one."""
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url))
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", cleaned)) or cleaned.startswith(("//", "\\\\", "/\\", "\\/"))
