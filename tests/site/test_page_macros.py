"""Macros for hand-written pages, through a real build: the same cards as everywhere."""

from __future__ import annotations

from pathlib import Path

from conftest import case_study_text, run_build, write
from test_plugin import card_links


def hand_written(project: Path, body: str) -> str:
    (project / "docs" / "guide.md").write_text(f"---\nrender_macros: true\n---\n\n# Guide\n\n{body}\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - Submit a case study: contribute.md", "  - Submit a case study: contribute.md\n  - Guide: guide.md"))
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return (project / "site" / "guide" / "index.html").read_text()


def library(project: Path) -> None:
    write(project, "a.md", case_study_text(title="Alpha story here", date="2025-01-01", hubs="[jurassic]"))
    write(project, "b.md", case_study_text(title="Beta story here", date="2025-02-01", hubs="[mobius]", phases="[secondary]"))
    write(project, "c.md", case_study_text(title="Gamma story here", date="2025-03-01", hubs="[mobius]"))


def test_case_studies_macro_filters_like_the_finder(project: Path) -> None:
    library(project)
    html = hand_written(project, "{{ case_studies(hub=['jurassic', 'mobius'], phase='primary') }}\n\n"
                                 "There are {{ case_study_count(hub='mobius') }} Mobius stories.\n\n"
                                 "{{ case_studies(limit=1) }}")
    assert card_links(html) == ["c", "a", "c"]
    assert '<a href="../case-studies/c/">Gamma story here</a>' in html
    assert "There are 2 Mobius stories." in html


def test_index_grid_and_link_macros(project: Path) -> None:
    library(project)
    html = hand_written(project, "{{ entry_link('hubs', 'mobius') }}\n\n{{ vocabulary_index('phases') }}\n\n{{ partnership_models_grid() }}"
                                 "\n\n{{ case_study_link('a') }} and {{ case_study_link('gone', 'a retired story') }}")
    assert '<a href="../hubs/mobius/">Mobius Maths Hub</a>' in html
    assert '<a class="cb-case-study-link" href="../case-studies/a/">Alpha story here</a> and a retired story' in html
    assert '<a href="../phases/primary/">Primary</a> <span class="cb-terms__count">(2 case studies)</span>' in html
    assert '<table class="cb-grid__table">' in html


def test_the_home_page_lists_the_latest(project: Path) -> None:
    library(project)
    assert run_build(project, "--strict").returncode == 0
    assert card_links((project / "site" / "index.html").read_text()) == ["c", "b", "a"]


def test_a_macro_naming_an_unknown_id_fails_the_build(project: Path) -> None:
    library(project)
    (project / "docs" / "guide.md").write_text("---\nrender_macros: true\n---\n\n{{ case_studies(hub='jurrasic') }}\n")
    result = run_build(project)
    assert result.returncode != 0
    assert "unknown hub 'jurrasic' in a macro call" in result.stderr + result.stdout


def test_the_figures_page_is_built_from_data(project: Path) -> None:
    figures = project / "data" / "figures.yml"
    figures.write_text(figures.read_text().replace("value: 8461", "value: 9999"))
    assert run_build(project, "--strict").returncode == 0
    html = (project / "site" / "programme-in-numbers" / "index.html").read_text()
    assert "Primary schools in Teaching for Mastery Work Groups: 9,999 schools" in html
    assert "8,461" not in html
    # Both of the report's numbers for one thing are shown, with where each comes from.
    assert "148 or 152 institutions" in html and "571 or 559 participants" in html
    assert html.count('<svg class="cb-chart__svg"') == 6
    assert '<h2 id="chart-organisations">' in html


def test_the_models_page_is_built_from_data(project: Path) -> None:
    models = project / "data" / "partnership_models.yml"
    models.write_text(models.read_text().replace("name: Trust schools join hub Work Groups", "name: Joining local Work Groups"))
    write(project, "a.md", case_study_text(partnership_models="[hub-work-groups]"))
    assert run_build(project, "--strict").returncode == 0
    html = (project / "site" / "partnership-models" / "index.html").read_text()
    assert '<a class="cb-grid__model" href="../partnership-models/hub-work-groups/">Joining local Work Groups</a>' in html
    assert '<p class="cb-grid__count">1 case study</p>' in html


def test_the_home_page_has_entry_points_by_phase_model_and_hub(project: Path) -> None:
    library(project)
    assert run_build(project, "--strict").returncode == 0
    html = (project / "site" / "index.html").read_text()
    assert '<a href="phases/primary/">Primary <span class="cb-chips__count">(2)</span></a>' in html
    assert '<a href="partnership-models/hub-work-groups/">Trust schools join hub Work Groups <span class="cb-chips__count">(0)</span></a>' in html  # as the finder names it
    assert '<a href="hubs/mobius/">Mobius Maths Hub <span class="cb-chips__count">(2)</span></a>' in html
