"""The "Submit a case study" page lists every field and every allowed value,
from the checks and data/ at build time, so it never drifts."""

from __future__ import annotations

from pathlib import Path

from conftest import run_build

from macros.checks import FIELDS
from macros.field_guide import GUIDE, render_field_table


def test_every_field_the_checks_accept_is_explained() -> None:
    assert list(GUIDE) == list(FIELDS)
    table = render_field_table()
    assert all(f"<code>{field}</code>" in table for field in FIELDS)


def test_the_page_follows_the_data(project: Path) -> None:
    hubs = project / "data" / "hubs.yml"
    hubs.write_text(hubs.read_text() + "- id: new-hub\n  name: A Brand New Maths Hub\n  description: Added today.\n")
    result = run_build(project, "--strict", env={"REPO_URL": "https://github.com/example/casebook"})
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "contribute" / "index.html").read_text()
    assert "<tr><td><code>new-hub</code></td><td>A Brand New Maths Hub</td></tr>" in html
    assert "<tr><td><code>trust-leaders-lead-for-hub</code></td>" in html
    assert '<th scope="row"><code>partnership_models</code></th><td>For trust-model and find-out-in-five</td>' in html
    assert 'href="https://github.com/example/casebook/issues/new?template=case-study.yml"' in html
