"""Feed links, link-preview meta and links marked for print (macros/site/sharing.py)."""

from __future__ import annotations

from html.parser import HTMLParser

from macros.site.sharing import SOCIAL_IMAGE, head_tags, mark_links_for_print


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append({"tag": tag, **dict(attrs)})


def parsed(html: str) -> list[dict[str, str | None]]:
    parser = Tags()
    parser.feed(html)
    return parser.found


def test_head_tags_escape_every_value_and_use_absolute_urls() -> None:
    html = head_tags(
        title='"><script>alert(1)</script>', description="From <5% to >40% & more", site_name="Casebook",
        site_url="https://example.org/casebook/", canonical_url="https://example.org/casebook/case-studies/x/",
        article=True, feeds=[("../../feed.xml", "New case studies")],
    )
    assert "<script>" not in html
    tags = parsed(html)
    meta = {t.get("property") or t.get("name"): t.get("content") for t in tags if t["tag"] == "meta"}
    assert meta["og:title"] == meta["twitter:title"] == '"><script>alert(1)</script>'
    assert meta["og:description"] == "From <5% to >40% & more"
    assert meta["og:type"] == "article"
    assert meta["og:url"] == "https://example.org/casebook/case-studies/x/"
    assert meta["og:image"] == meta["twitter:image"] == "https://example.org/casebook/" + SOCIAL_IMAGE
    assert meta["twitter:card"] == "summary_large_image"
    links = [t for t in tags if t["tag"] == "link"]
    assert links == [
        {"tag": "link", "rel": "alternate", "type": "application/atom+xml", "title": "New case studies", "href": "../../feed.xml"}
    ]


def test_without_a_site_url_only_the_feed_links() -> None:
    html = head_tags(title="t", description="d", site_name="s", site_url=None, canonical_url=None, article=False,
                     feeds=[("feed.xml", "New")])
    assert [t["tag"] for t in parsed(html)] == ["link"]


def test_links_are_marked_with_their_absolute_urls_for_print() -> None:
    html = (
        '<p><a href="../../hubs/jurassic/">hub</a> <a href="https://ncetm.org.uk/x?a=1&amp;b=2">NCETM</a> '
        '<a href="mailto:hub@example.org">write</a> <a href="#section">here</a> '
        '<a class="headerlink" href="#h">¶</a> <a title="t" href="notes/">notes</a></p>'
    )
    tags = parsed(mark_links_for_print(html, "https://e.org/case-studies/x/"))
    marked = {t.get("href"): t.get("data-print-url") for t in tags if t["tag"] == "a"}
    assert marked == {
        "../../hubs/jurassic/": "https://e.org/hubs/jurassic/",
        "https://ncetm.org.uk/x?a=1&b=2": "https://ncetm.org.uk/x?a=1&b=2",
        "mailto:hub@example.org": "hub@example.org",
        "#section": None,
        "#h": None,
        "notes/": "https://e.org/case-studies/x/notes/",
    }
    assert mark_links_for_print('<a href="x/">x</a>', None) == '<a href="x/">x</a>'


# --- print, in a real browser -------------------------------------------------------------


def pdf_text(page: object, url: str) -> tuple[str, int]:
    import io

    from pypdf import PdfReader

    page.goto(url)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))  # type: ignore[attr-defined]
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297), "A4"
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages), len(reader.pages)


def test_a_printed_case_study_has_the_facts_and_body_and_no_navigation(page: object, bundled_site: object) -> None:
    import re as _re

    site = bundled_site
    slug = "dsat-jurassic-mobius"
    source = (site.project / "case_studies" / f"{slug}.md").read_text(encoding="utf-8")  # type: ignore[attr-defined]
    source_url = _re.search(r"^  url: (\S+)", source, _re.M).group(1)  # type: ignore[union-attr]
    text, pages = pdf_text(page, f"{site.url}case-studies/{slug}/")  # type: ignore[attr-defined]
    assert "At a glance" in text
    assert "Diocese of Salisbury Academy Trust" in text
    assert f"({source_url})" in text.replace(" ", ""), "the source's address is printed after its link"
    for navigation in ("Skip to content", "Submit a case study", "Programme in numbers", "Related case studies",
                       "Search", "Edit this page", "Made with"):
        assert navigation not in text, navigation
    assert pages <= 6


def test_the_printed_finder_is_the_list_without_its_controls(page: object, bundled_site: object) -> None:
    text, _ = pdf_text(page, f"{bundled_site.url}case-studies/?phase=primary")  # type: ignore[attr-defined]
    assert "Download this list" not in text and "Sort by" not in text and "Filter" not in text
    assert "case studies" in text
