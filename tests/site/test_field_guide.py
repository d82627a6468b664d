"""The "Submit a case study" page lists every field and every allowed value,
from the checks and data/ at build time, so it never drifts."""

from __future__ import annotations

from pathlib import Path

from conftest import run_build

from macros.content.checks import FIELDS
from macros.site.field_guide import GUIDE, render_allowed_values, render_field_table


def test_every_field_the_checks_accept_is_explained() -> None:
    assert list(GUIDE) == list(FIELDS)
    table = render_field_table()
    assert all(f"<code>{field}</code>" in table for field in FIELDS)


def test_the_tables_scroll_containers_can_be_reached_by_keyboard() -> None:
    # They scroll sideways on a phone (axe: scrollable-region-focusable).
    from conftest import VOCABULARIES

    assert render_field_table().startswith(
        '<div class="cb-table" tabindex="0" role="region" aria-label="The fields of a case study"><table>'
    )
    hubs = render_allowed_values(VOCABULARIES["hubs"])
    assert hubs.startswith('<div class="cb-table" tabindex="0" role="region" aria-label="Maths Hubs: the ids you can use">')


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


def test_types_and_models_are_explained_where_they_are_offered(project: Path) -> None:
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "contribute" / "index.html").read_text()
    assert '<th scope="col">What it means</th>' in html
    assert "<tr><td><code>trust-leaders-lead-for-hub</code></td><td>" in html
    # Without REPO_URL there is no repository to link to, and the page says where the form is instead.
    assert "(in the repository: <strong>Issues</strong>, <strong>New issue</strong>, then <strong>Share a case study</strong>)" in html
    assert "Words used on this page" in html and "<dt>Slug</dt>" in html


def test_the_guides_give_the_commands_that_work_from_a_fork() -> None:
    """A teacher cannot push to the casebook's repository: both guides send them through a fork, push a new
    branch with -u (a plain `git push` fails with "no upstream branch"), and point to the form instead."""
    from conftest import ROOT

    for guide in (ROOT / "CONTRIBUTING.md", ROOT / "docs" / "contribute.md"):
        text = guide.read_text(encoding="utf-8")
        assert "Fork" in text and "git push -u origin my-case-study" in text, guide
        assert "git clone https://github.com/YOUR-NAME/REPOSITORY.git" in text, guide
        assert "route 1" in text.lower() and "case_studies/images/" in text, guide
        assert "an hour" in text, guide  # how long it takes
