"""The W3C Nu HTML checker (vnu-jar, pinned in package.json) over every page the
build writes, as built here and as the deploy workflow builds it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, ServedSite

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material's own markup, on every page, that the checker calls an error. Each is
# matched by its message and the markup it points at, so the same message
# anywhere else (our templates, our generated pages) still fails.
ALLOWED = [
    # base.html writes the drawer and search toggles as
    # <input type="checkbox" id="__drawer|__search" autocomplete="off">. HTML allows
    # autocomplete only on text-like inputs; Material sets it so that Firefox does
    # not restore a toggle's checked state (an open drawer or search) on Back.
    (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
        "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
        re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__\1" autocomplete="off">'),
    ),
    # partials/nav-item.html writes tabindex="{{ tabindex }}" on a section's label,
    # which is empty for sections (the navigation.sections feature). Browsers treat
    # it as no tabindex; Material's script finds these labels by `label[tabindex]`
    # to keep the section's aria-expanded in step in the phone drawer, so dropping
    # or changing the attribute in our nav.html would break that.
    (
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
        re.compile(r'<label class="md-nav__link" for="(__nav_\d+(?:_\d+)*)" id="\1_label" tabindex="">'),
    ),
]


def java_and_checker() -> str:
    """Java and the checker's jar. Missing: skip locally, fail in CI (CI=true)."""
    java = shutil.which("java")
    missing = []
    if java is None:
        missing.append("Java is not installed (apt-get install -y default-jre-headless)")
    if not VNU_JAR.exists():
        missing.append(f"{VNU_JAR.relative_to(ROOT)} is missing (npm ci --ignore-scripts)")
    if missing:
        message = "; ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}: the HTML checker must run in CI")
        pytest.skip(message)
    assert java is not None
    return java


def allowed(message: dict[str, Any]) -> bool:
    extract = message.get("extract", "")
    start, length = message.get("hiliteStart", 0), message.get("hiliteLength", 0)
    marked = extract[start : start + length]
    return any(message["message"] == text and markup.fullmatch(marked) for text, markup in ALLOWED)


def test_every_built_page_is_valid_html(bundled_site: ServedSite, published_site: ServedSite) -> None:
    java = java_and_checker()
    sites = [bundled_site.site, published_site.site]
    pages = [page for site in sites for page in site.rglob("*.html")]
    assert len(pages) > 120  # both builds, every page and the 404 page
    # One run over both sites: starting the checker's JVM is most of its time.
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always", "--verbose",
         "--skip-non-html", *map(str, sites)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    checked = {Path(line) for line in result.stderr.splitlines() if line.endswith(".html")}  # --verbose names each
    assert checked == set(pages), sorted(map(str, set(pages) - checked))[:5]
    messages = json.loads(result.stdout)["messages"]
    problems = [
        f"{message.get('url', '?')}:{message.get('lastLine', '?')}: {message['message']}"
        f" — {message.get('extract', '').strip()}"
        for message in messages
        if message["type"] != "info" and not allowed(message)
    ]
    assert problems == []
    # When Material stops writing one of them, its entry goes from ALLOWED.
    for text, markup in ALLOWED:
        assert any(message["message"] == text and allowed(message) for message in messages), f"no longer needed: {text}"
