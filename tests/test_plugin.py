"""The build, end to end: case-study files in a temporary project, a real
`mkdocs build`, and assertions on the HTML and JSON it writes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, case_study_text, make_project, run_build, write

FIVE_QUESTIONS = "Intro.\n\n" + "".join(f"## {n}. Question {n}?\n\nAn answer.\n\n" for n in range(1, 6))
TRICKY_TITLE = "Tom & Jerry's \"quotes\" <5 pupils"
TRICKY_TITLE_HTML = "Tom &amp; Jerry&#x27;s &quot;quotes&quot; &lt;5 pupils"
FORMULA_SCHOOL = "=HYPERLINK(\"https://evil.example\", \"Click\") Academy"


def card_links(html: str) -> list[str]:
    """The case studies a page lists, in order, as the slugs its cards link to."""
    return re.findall(r'class="cb-card__title"><a href="[./]*case-studies/([a-z0-9-]+)/">', html)


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("library") / "project")
    write(project, "alpha.md", case_study_text(
        title="Alpha primary story", date="2025-03-01", hubs="[jurassic, mobius]", programmes="[mastering-number]",
        school="\n  name: Alpha Primary\n  location: Dorchester\n  age_range: 4-11\n  pupils: 210\n  fsm_percent: 18.5",
        body="Seven sevens are {{ 7*7 }}. {% include 'mkdocs.yml' %} {{ config.site_name }}\n",
    ))
    write(project, "beta.md", case_study_text(
        title="Beta trust model", type="trust-model", date="2025-05-01", phases="[secondary, post-16]",
        partnership_models="[hub-led-trust-groups]", trust="\n  name: Beta Learning Trust\n  schools: 12",
    ))
    write(project, "2024/gamma.md", case_study_text(
        title="Gamma early years interview", type="find-out-in-five", date="2024-12-01", phases="[early-years]",
        hubs="[central]", partnership_models="[trust-led-trust-groups]", programmes="[sktm]", body=FIVE_QUESTIONS,
    ))
    write(project, "tricky.md", case_study_text(
        title=json.dumps(TRICKY_TITLE), date="2025-03-01", summary=json.dumps('Summary with {{ config }} and a & b "quoted"'),
        school=f"\n  name: {json.dumps(FORMULA_SCHOOL)}",
    ))
    write(project, "secret.md", case_study_text(
        title="Secret draft story", date="2999-01-01", draft="true", hubs="[angles]",
    ))
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_each_published_case_study_gets_its_own_page(site: Path) -> None:
    for slug in ("alpha", "beta", "gamma", "tricky"):
        assert (site / "case-studies" / slug / "index.html").is_file()
    html = page(site, "case-studies/alpha")
    assert '<h1 id="cb-title" class="cb-study__title" tabindex="-1">Alpha primary story</h1>' in html
    assert "How one primary school used a Work Group to rethink fractions." in html


def test_content_comes_from_the_built_project_not_the_repository(site: Path) -> None:
    assert not (site / "case-studies" / "dsat-jurassic-mobius").exists()


def test_the_facts_box_shows_the_front_matter(site: Path) -> None:
    facts = page(site, "case-studies/alpha").split('<section class="cb-facts"')[1].split("</section>")[0]
    assert "<dt>School</dt> <dd>Alpha Primary, Dorchester" in facts
    assert "ages 4–11 · 210 pupils · 18.5% eligible for free school meals" in facts
    assert '<a href="../../hubs/jurassic/">Jurassic Maths Hub</a>, <a href="../../hubs/mobius/">Mobius Maths Hub</a>' in facts
    assert '<a href="../../phases/primary/">Primary</a>' in facts
    assert '<a href="../../programmes/mastering-number/">Mastering Number</a>' in facts
    assert '<time datetime="2025-03-01">1 March 2025</time>' in facts
    assert "<dt>Reading time</dt> <dd>1 minute</dd>" in facts
    trust = page(site, "case-studies/beta")
    assert "<dt>Trust</dt> <dd>Beta Learning Trust<br><span class=\"cb-facts__detail\">12 schools</span>" in trust
    assert '<a href="../../partnership-models/hub-led-trust-groups/">' in trust


def test_listings_show_their_case_studies_newest_first(site: Path) -> None:
    assert card_links(page(site, "hubs/jurassic")) == ["beta", "alpha", "tricky"]
    assert card_links(page(site, "hubs/mobius")) == ["alpha"]
    assert card_links(page(site, "hubs/central")) == ["gamma"]
    assert card_links(page(site, "phases/primary")) == ["alpha", "tricky"]
    assert card_links(page(site, "phases/post-16")) == ["beta"]
    assert card_links(page(site, "partnership-models/hub-led-trust-groups")) == ["beta"]
    assert card_links(page(site, "partnership-models/trust-led-trust-groups")) == ["gamma"]
    assert card_links(page(site, "programmes/sktm")) == ["gamma"]
    assert card_links(page(site, "programmes/mastering-number")) == ["alpha"]
    assert card_links(page(site, "case-studies")) == ["beta", "alpha", "tricky", "gamma"]


def test_listing_pages_carry_their_vocabulary_entry(site: Path) -> None:
    html = page(site, "hubs/jurassic")
    assert '<h1 id="cb-title" tabindex="-1">Jurassic Maths Hub</h1>' in html
    assert "Region: South West" in html
    assert '<h2 id="case-studies">3 case studies</h2>' in html
    model = page(site, "partnership-models/hub-led-trust-groups")
    assert "Expertise from outside the trust; the work involves the trust&#x27;s own schools only." in model


def test_an_empty_listing_says_so_and_points_to_contributing(site: Path) -> None:
    html = page(site, "hubs/angles")
    assert card_links(html) == []
    assert "There are no case studies for Angles Maths Hub yet." in html
    assert '<a href="../../contribute/">Find out how to share your case study</a>' in html


def test_index_pages_list_every_entry_with_counts(site: Path) -> None:
    hubs = page(site, "hubs")
    assert '<a href="../hubs/jurassic/">Jurassic Maths Hub</a> <span class="cb-terms__count">(3 case studies)</span>' in hubs
    assert '<a href="../hubs/angles/">Angles Maths Hub</a> <span class="cb-terms__count">(0 case studies)</span>' in hubs
    for url in ("phases", "programmes"):
        assert "cb-terms" in page(site, url)
    grid = page(site, "partnership-models")
    assert '<th scope="row">Expertise from outside the trust</th>' in grid
    assert "1 case study" in grid


def test_the_json_index_follows_the_contract(site: Path) -> None:
    document = json.loads((site / "case-studies.json").read_text(encoding="utf-8"))
    # The contract's keys, and the casebook's "vocabularies" (README: the JSON's extensions).
    assert set(document) == {"generated", "count", "case_studies", "vocabularies"}
    assert document["count"] == 4
    assert re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$", document["generated"])
    assert [entry["slug"] for entry in document["case_studies"]] == ["beta", "alpha", "tricky", "gamma"]
    assert document["case_studies"][0] == {
        "slug": "beta",
        "url": "case-studies/beta/",
        "title": "Beta trust model",
        "type": "trust-model",
        "date": "2025-05-01",
        "summary": "How one primary school used a Work Group to rethink fractions.",
        "phases": ["secondary", "post-16"],
        "hubs": ["jurassic"],
        "partnership_models": ["hub-led-trust-groups"],
        "programmes": [],
        "trust": "Beta Learning Trust",
        "school": None,
        # The casebook's extensions, after the contract's fields.
        "trust_details": {"schools": 12, "counties": []},
        "school_details": None,
        "people": [],
        "opening": "A short body about the work.",
    }
    alpha = document["case_studies"][1]
    assert alpha["school"] == "Alpha Primary" and alpha["trust"] is None
    tricky = document["case_studies"][2]
    assert tricky["title"] == TRICKY_TITLE


def test_a_draft_appears_nowhere(site: Path) -> None:
    assert not (site / "case-studies" / "secret").exists()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".txt", ".csv"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "Secret draft story" not in text, path
            assert "case-studies/secret/" not in text, path


def test_jinja_in_a_body_is_shown_literally(site: Path) -> None:
    html = page(site, "case-studies/alpha")
    assert "<p>Seven sevens are {{ 7*7 }}. {% include 'mkdocs.yml' %} {{ config.site_name }}</p>" in html
    assert "Seven sevens are 49" not in html


def test_front_matter_strings_are_escaped_wherever_they_land(site: Path) -> None:
    html = page(site, "case-studies/tricky")
    assert f"<title>{TRICKY_TITLE_HTML} - Maths Hubs partnership casebook</title>" in html
    assert 'content="Summary with {{ config }} and a &amp; b &quot;quoted&quot;"' in html
    assert f'<h1 id="cb-title" class="cb-study__title" tabindex="-1">{TRICKY_TITLE_HTML}</h1>' in html
    assert TRICKY_TITLE not in html
    listing = page(site, "hubs/jurassic")
    assert f'case-studies/tricky/">{TRICKY_TITLE_HTML}</a>' in listing
    assert "Summary with {{ config }} and a &amp; b &quot;quoted&quot;" in listing


def test_related_case_studies_share_something_and_are_deterministic(site: Path) -> None:
    related = page(site, "case-studies/alpha").split('<section class="cb-related"')[1]
    # tricky shares hub and phase; beta shares the hub; gamma shares nothing.
    assert card_links(related) == ["tricky", "beta"]
    assert "cb-related" not in page(site, "case-studies/gamma")


def test_case_studies_stay_out_of_the_navigation(site: Path) -> None:
    home = page(site, "")
    assert "case-studies/alpha/" not in home.split('<div class="md-content"')[0]
    listing = page(site, "hubs/jurassic")
    assert "Alpha primary story" not in listing.split('<div class="md-content"')[0]


def test_every_navigation_link_on_every_page_leads_to_a_page(site: Path) -> None:
    """The navigation is rendered once and reused on pages outside it: its relative
    links must still be right wherever it lands."""
    from urllib.parse import urljoin

    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 40
    everywhere: set[tuple[str, ...]] = set()
    for html_file in pages:
        url = "/" + html_file.parent.relative_to(site).as_posix() + "/"
        url = "/" if url == "/./" else url
        nav = html_file.read_text(encoding="utf-8").split('class="md-nav md-nav--primary"', 1)[1].split("md-sidebar--secondary", 1)[0]
        # (The page being read also lists its own headings, as #anchors: not navigation.)
        targets = {t for t in re.findall(r'<a href="([^"]+)" class="md-nav__link', nav) if "#" not in t}
        assert len(targets) >= 8, html_file
        resolved = sorted(urljoin(url, target).rstrip("/") + "/" for target in targets)
        for target in resolved:
            assert (site / target.lstrip("/") / "index.html").is_file(), (html_file, target)
        everywhere.add(tuple(resolved))
    assert len(everywhere) == 1  # the same pages, from wherever the reader is


def test_pages_outside_the_navigation_share_it_by_folder() -> None:
    from types import SimpleNamespace

    from macros.plugin import nav_cache_key

    in_nav = SimpleNamespace(url="hubs/")
    nav = SimpleNamespace(pages=[in_nav, SimpleNamespace(url="")])
    assert nav_cache_key(SimpleNamespace(url="case-studies/x/"), nav) == "case-studies/"  # type: ignore[arg-type]
    assert nav_cache_key(SimpleNamespace(url="hubs/jurassic/"), nav) == "hubs/"  # type: ignore[arg-type]
    assert nav_cache_key(in_nav, nav) is None  # type: ignore[arg-type]  # it has an active item
    assert nav_cache_key(SimpleNamespace(url=""), nav) is None  # type: ignore[arg-type]
    # A page with a navigation page inside its own folder links to it differently.
    nested = SimpleNamespace(pages=[SimpleNamespace(url="guides/extra/more/")])
    assert nav_cache_key(SimpleNamespace(url="guides/extra/"), nested) is None  # type: ignore[arg-type]


# --- builds that must fail or must keep working ---------------------------------------


def test_any_problem_stops_the_build_and_lists_every_error(project: Path) -> None:
    write(project, "good.md", case_study_text())
    write(project, "bad-one.md", case_study_text(hubs="[jurrasic]"))
    write(project, "bad-two.md", case_study_text(title="No", summary=None))
    result = run_build(project)  # not --strict: problems fail the build regardless
    assert result.returncode != 0
    assert "case_studies/bad-one.md:7: hubs: unknown hub 'jurrasic' — did you mean 'jurassic'?" in result.stderr
    assert "case_studies/bad-two.md:1: summary: is required" in result.stderr
    assert "case_studies/bad-two.md:2: title: is 2 characters long" in result.stderr
    assert "3 problems in 2 files" in result.stderr
    assert "Traceback" not in result.stderr


def test_case_studies_are_never_rendered_as_templates_even_if_macros_render_by_default(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("render_by_default: false", "render_by_default: true"))
    write(project, "story.md", case_study_text(
        title='"Sevens: {{ 7*7 }}"', summary='"A summary that says {{ 7*7 }} out loud."', body="Seven sevens are {{ 7*7 }}.\n",
    ))
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "case-studies" / "story" / "index.html").read_text()
    assert "Seven sevens are {{ 7*7 }}." in html
    assert "<title>Sevens: {{ 7*7 }} - " in html
    assert 'content="A summary that says {{ 7*7 }} out loud."' in html
    assert "Sevens: 49" not in html and "says 49" not in html and "are 49" not in html


def test_edit_link_points_at_the_case_study_file(project: Path) -> None:
    write(project, "2025/story.md", case_study_text())
    result = run_build(project, "--strict", env={"REPO_URL": "https://github.com/example/casebook"})
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "case-studies" / "story" / "index.html").read_text()
    assert 'href="https://github.com/example/casebook/edit/main/case_studies/2025/story.md"' in html
    assert "edit/main/docs/case-studies/story.md" not in html
    guide = (project / "site" / "about-maths-hubs" / "index.html").read_text()
    assert 'href="https://github.com/example/casebook/edit/main/docs/about-maths-hubs.md"' in guide
    listing = (project / "site" / "hubs" / "jurassic" / "index.html").read_text()
    assert "/edit/" not in listing  # generated from data: no file of its own to edit


def test_a_slug_that_would_replace_a_hand_written_page_stops_the_build(project: Path) -> None:
    (project / "docs" / "case-studies").mkdir()
    (project / "docs" / "case-studies" / "story.md").write_text("# Hand-written\n")
    write(project, "story.md", case_study_text())
    result = run_build(project)
    assert result.returncode != 0
    assert "case_studies/story.md:1: slug: 'story' would replace the hand-written page docs/case-studies/story.md" in result.stderr


def test_the_bundled_library_builds_strict_with_no_warning(tmp_path: Path) -> None:
    result = run_build(ROOT, "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def test_the_build_works_with_properdocs(project: Path) -> None:
    write(project, "story.md", case_study_text())
    result = run_build(project, "--strict", tool="properdocs")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "case-studies" / "story" / "index.html").is_file()
    assert json.loads((project / "site" / "case-studies.json").read_text())["count"] == 1


# --- taking it away: feeds, CSV, link previews, sitemap (issue 8) ------------------------

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default when SITE_URL is not set


def test_the_site_feed_lists_the_newest_case_studies_with_front_matter_dates(site: Path) -> None:
    import xml.etree.ElementTree as ET

    feed = ET.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        f"{SITE_URL}case-studies/{slug}/" for slug in ("beta", "alpha", "tricky", "gamma")
    ]
    assert [e.findtext(f"{ATOM}updated") for e in entries] == [
        "2025-05-01T00:00:00Z", "2025-03-01T00:00:00Z", "2025-03-01T00:00:00Z", "2024-12-01T00:00:00Z"
    ]
    assert feed.findtext(f"{ATOM}updated") == "2025-05-01T00:00:00Z"
    assert entries[2].findtext(f"{ATOM}title") == TRICKY_TITLE
    jurassic = ET.parse(site / "hubs" / "jurassic" / "feed.xml").getroot()
    assert [e.findtext(f"{ATOM}id") for e in jurassic.findall(f"{ATOM}entry")] == [
        f"{SITE_URL}case-studies/{slug}/" for slug in ("beta", "alpha", "tricky")
    ]
    assert ET.parse(site / "hubs" / "angles" / "feed.xml").getroot().findall(f"{ATOM}entry") == []


def test_pages_link_to_their_feeds(site: Path) -> None:
    feed_link = '<link rel="alternate" type="application/atom+xml" title="New case studies" href="{}feed.xml">'
    assert feed_link.format("../../") in page(site, "case-studies/alpha")
    assert feed_link.format("") in (site / "index.html").read_text(encoding="utf-8")
    hub = page(site, "hubs/jurassic")
    assert feed_link.format("../../") in hub
    # Its own feed is linked in the text (see on_page_context for why not in the head).
    assert '<a rel="alternate" type="application/atom+xml" href="../../hubs/jurassic/feed.xml">Follow new case studies from' in hub
    assert hub.count('<link rel="alternate"') == 1
    assert '<a class="cb-finder__feed" rel="alternate" type="application/atom+xml" href="../feed.xml">' in page(site, "case-studies")


def test_the_csv_has_the_json_entries_and_no_formula(site: Path) -> None:
    import csv

    raw = (site / "case-studies.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))
    entries = json.loads((site / "case-studies.json").read_text(encoding="utf-8"))["case_studies"]
    assert len(rows) == len(entries) == 4
    for row, entry in zip(rows, entries):
        assert list(row) == list(entry)[: len(row)]  # the contract's fields; the JSON's extensions are not in the CSV
        for key, value in ((key, entry[key]) for key in row):
            expected = "; ".join(value) if isinstance(value, list) else "" if value is None else str(value)
            assert row[key] == ("'" + expected if expected.startswith("=") else expected)
    assert rows[2]["school"] == "'" + FORMULA_SCHOOL
    assert rows[0]["phases"] == "secondary; post-16"


def test_every_case_study_has_a_canonical_url_and_link_preview_meta(site: Path) -> None:
    from html.parser import HTMLParser

    class Head(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.meta: dict[str, str] = {}
            self.canonical = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if tag == "meta" and (found.get("property") or found.get("name")):
                self.meta[str(found.get("property") or found.get("name"))] = str(found.get("content"))
            if tag == "link" and found.get("rel") == "canonical":
                self.canonical = str(found.get("href"))

    head = Head()
    head.feed(page(site, "case-studies/tricky"))
    url = f"{SITE_URL}case-studies/tricky/"
    assert head.canonical == url
    assert head.meta["og:url"] == url and head.meta["og:type"] == "article"
    assert head.meta["og:title"] == head.meta["twitter:title"] == TRICKY_TITLE
    assert head.meta["og:description"] == head.meta["twitter:description"] == 'Summary with {{ config }} and a & b "quoted"'
    assert head.meta["og:image"] == f"{SITE_URL}assets/images/social.png"
    assert (site / "assets" / "images" / "social.png").read_bytes().startswith(b"\x89PNG")
    assert head.meta["twitter:card"] == "summary_large_image"


def test_the_sitemap_lists_every_case_study(site: Path) -> None:
    import xml.etree.ElementTree as ET

    urls = {loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert {f"{SITE_URL}case-studies/{slug}/" for slug in ("alpha", "beta", "gamma", "tricky")} <= urls
    assert f"{SITE_URL}case-studies/secret/" not in urls


def test_the_hubs_page_draws_who_works_with_which_hub(site: Path) -> None:
    html = page(site, "hubs")
    assert '<svg class="cb-network__svg"' in html
    listing = html[html.index('<ul class="cb-network__list">'):]
    assert '<a href="../hubs/jurassic/">' in listing
    for name in ("Beta Learning Trust", "Alpha Primary"):
        assert f"<li>{name} <span" in listing


def test_the_skip_link_leads_to_the_title_and_the_table_of_contents_is_unchanged(site: Path) -> None:
    story = page(site, "case-studies/alpha")
    assert '<a href="#cb-title" class="md-skip">' in story
    listing = page(site, "hubs/jurassic")  # no <h2>: Material printed no skip link here before
    assert '<a href="#cb-title" class="md-skip">' in listing
    assert 'data-md-component="toc"' not in listing  # the title alone is no table of contents
    home = page(site, "")
    assert '<a href="#maths-hubs-partnership-casebook" class="md-skip">' in home
    assert '<h1 id="maths-hubs-partnership-casebook" tabindex="-1">' in home


def test_no_label_names_a_table_of_contents_toggle_that_is_not_there(site: Path) -> None:
    # Material's toc title is <label for="__toc">; only a page in the navigation prints the __toc box.
    for html_file in site.rglob("index.html"):
        html = html_file.read_text(encoding="utf-8")
        assert ('for="__toc"' in html) <= ('id="__toc"' in html), html_file


ON_TWO_CORES = (
    "import sys, macros.content.bodies as bodies, macros.outputs.search_worker as words\n"
    "bodies.WORTH_A_PROCESS = words.WORTH_A_PROCESS = 1  # the second processes, however small the library\n"
    "from mkdocs.__main__ import cli\n"
    "cli()\n"
)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the second processes are only used with two cores")
def test_a_build_on_two_cores_makes_the_site_a_build_on_one_makes(tmp_path: Path) -> None:
    """The bodies (macros/content/bodies.py) and the search words (macros/outputs/search_worker.py)
    are done partly in other processes at 200 and 300 case studies; here, at any size, for the
    real library and tests/hostile/'s valid files."""
    project = make_project(tmp_path / "project")
    for path in (ROOT / "case_studies").rglob("*.md"):
        target = project / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    # And the hostile files that are valid case studies: markup, RTL overrides, CR line ends,
    # a byte-order mark, footnotes and bodies near every cost limit, through both processes.
    for path in (ROOT / "tests" / "hostile").glob("*-valid.md"):
        (project / "case_studies" / path.name).write_bytes(path.read_bytes())
    one = run_build(project)
    assert one.returncode == 0, one.stderr
    (project / "site").rename(tmp_path / "one-core")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "DISABLE_MKDOCS_2_WARNING": "true"}
    two = subprocess.run([sys.executable, "-c", ON_TWO_CORES, "build", "-f", str(project / "mkdocs.yml"),
                          "-d", str(tmp_path / "two-cores")], capture_output=True, text=True, env=env, cwd=project, timeout=300)
    assert two.returncode == 0, two.stderr

    def files(site: Path) -> dict[str, bytes]:
        return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}

    one_core, two_cores = files(tmp_path / "one-core"), files(tmp_path / "two-cores")
    assert sorted(one_core) == sorted(two_cores)
    generated = re.compile(rb'"generated": ?"[^"]*"')  # the build's time, in /case-studies.json
    differ = [name for name in one_core if generated.sub(b"", one_core[name]) != generated.sub(b"", two_cores[name])]
    assert differ == []
    assert any(name.startswith("search/") for name in two_cores)  # the passage texts, which the other process writes
    assert "case-studies/compare-fields-valid/index.html" in two_cores  # the hostile files were built too
