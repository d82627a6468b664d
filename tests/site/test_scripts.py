"""The page preloads exactly the modules its script imports, and each is in the site."""

from __future__ import annotations

import re
from typing import Any

from conftest import ROOT, ServedSite

from macros.site.scripts import imported_modules

SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"


def test_the_modules_are_found_by_following_the_imports() -> None:
    modules = {
        "casebook.js": 'import * as a from "./components/a/a.mjs";\nimport { x } from "./lib/x.mjs";\n',
        "components/a/a.mjs": 'import {\n  x, y,\n} from "../../lib/x.mjs";\nimport "../../lib/side.mjs";\n// import "./not-code.mjs" is a comment\n',
        "lib/x.mjs": 'import { z } from "./z.mjs";\nexport var x = import("./later.mjs");  // loaded when asked: not preloaded\n',
        "lib/z.mjs": 'import { x } from "./x.mjs";\n',  # a cycle ends
        "lib/side.mjs": 'import "../../../outside.mjs";\nimport "https://cdn.example/x.mjs";\n',
    }
    assert imported_modules(modules.get) == ["components/a/a.mjs", "lib/side.mjs", "lib/x.mjs", "lib/z.mjs"]
    assert imported_modules({"casebook.js": 'import "./gone.mjs";'}.get) == ["gone.mjs"]  # named, though missing
    assert imported_modules({}.get) == []


def test_the_real_entry_imports_its_components_and_helpers() -> None:
    found = imported_modules(lambda path: (SCRIPTS / path).read_text() if (SCRIPTS / path).is_file() else None)
    assert "components/finder/finder.mjs" in found and "lib/words.mjs" in found
    assert all((SCRIPTS / module).is_file() for module in found)


def test_every_page_preloads_the_script_s_modules(bundled_site: ServedSite, page: Any) -> None:
    html = (bundled_site.site / "case-studies" / "index.html").read_text()
    preloaded = re.findall(r'<link rel="modulepreload" href="\.\./assets/javascripts/([^"]+)">', html)
    expected = imported_modules(lambda path: (SCRIPTS / path).read_text() if (SCRIPTS / path).is_file() else None)
    assert preloaded == expected
    assert all((bundled_site.site / "assets" / "javascripts" / module).is_file() for module in preloaded)
    # The policy lets them load, and the page's script still starts.
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(bundled_site.url + "case-studies/")
    page.wait_for_selector(".cb-finder__form:not([hidden])")
    assert errors == []
