"""Which modules the page's script loads: casebook.js and, transitively, what it imports.

The browser finds a module's imports only once it has fetched the module, so a chain
entry → component → helper costs a round trip per link. Listed in the page as
``<link rel="modulepreload">`` (overrides/main.html), they are fetched together; only
what the entry really imports, so nothing is fetched for nothing.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

ENTRY = "casebook.js"
# A static import: `import … from "./x.mjs";` or `import "./x.mjs";` (the casebook's own style).
_IMPORT = re.compile(r'^\s*import\s+(?:[^"\';]*?\s+from\s+)?"(\.{1,2}/[^"]+)"\s*;', re.M)


def imported_modules(read: Callable[[str], str | None], entry: str = ENTRY) -> list[str]:
    """The modules ``entry`` imports, directly or not, as paths beside it (``components/finder/finder.mjs``),
    in a stable order. ``read`` gives a module's text by that path, or None if there is none."""
    found: list[str] = []
    waiting = [entry]
    seen = {entry}
    while waiting:
        path = waiting.pop(0)
        text = read(path)
        if text is None:
            continue
        for target in _IMPORT.findall(text):
            module = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            if module not in seen and not module.startswith(".."):
                seen.add(module)
                found.append(module)
                waiting.append(module)
    return sorted(found)
