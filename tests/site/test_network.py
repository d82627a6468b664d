"""The hubs network on /hubs/: a build-time SVG and the same links as a list."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from conftest import VOCABULARIES, study

from macros.content.index import build_index
from macros.content.model import School, Trust
from macros.site.network import MAX_ORGANISATIONS, organisations, render_network

SVG = "{http://www.w3.org/2000/svg}"


def network(*studies: object) -> str:
    return render_network(build_index(studies, VOCABULARIES), "../")  # type: ignore[arg-type]


def svg_of(html: str) -> ET.Element:
    found = re.search(r"<svg.*?</svg>", html, re.S)
    assert found, html
    return ET.fromstring(found.group(0).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def test_trusts_and_schools_without_a_trust_with_their_hubs() -> None:
    found = organisations(build_index([
        study("a", hubs=("mobius", "jurassic"), trust=Trust(name="Wessex Trust"), school=School(name="Ignored")),
        study("b", hubs=("central",), trust=Trust(name="Wessex Trust")),
        study("c", hubs=("central",), school=School(name="Lone Primary")),
        study("d", hubs=("solent",)),  # names neither: not in the picture
    ], VOCABULARIES))
    assert [(o.name, o.kind, o.case_studies) for o in found] == [("Wessex Trust", "trust", 2), ("Lone Primary", "school", 1)]
    order = VOCABULARIES.hubs.ids
    assert list(found[0].hubs) == sorted(["mobius", "jurassic", "central"], key=order.index)


def test_the_picture_has_a_line_per_link_and_the_list_says_the_same() -> None:
    html = network(
        study("a", hubs=("mobius", "jurassic"), trust=Trust(name="Wessex Trust")),
        study("b", hubs=("central",), school=School(name="Lone <Primary> & Co")),
    )
    svg = svg_of(html)
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title") is not None and svg.find(f"{SVG}desc") is not None
    assert len(svg.findall(f"{SVG}path")) == 3
    labels = ["".join(text.itertext()) for text in svg.iter(f"{SVG}text") if text.get("class") == "cb-network__label"]
    assert "Lone <Primary> & Co" in labels and "Wessex Trust" in labels
    assert {VOCABULARIES.hubs.name(h) for h in ("mobius", "jurassic", "central")} <= set(labels)
    listing = html[html.index('<ul class="cb-network__list">'):]
    items = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>\n<ul>(.*?)</ul></li>', listing)
    as_list = {href: re.findall(r"<li>(.*?) <span", names) for href, _, names in items}
    assert as_list == {
        "../hubs/jurassic/": ["Wessex Trust"],
        "../hubs/mobius/": ["Wessex Trust"],
        "../hubs/central/": ["Lone &lt;Primary&gt; &amp; Co"],
    }


def test_a_large_library_shows_the_busiest_organisations_and_says_how_many_more() -> None:
    studies = [study(f"s{n}", hubs=("jurassic",), trust=Trust(name=f"Trust {n:03}")) for n in range(MAX_ORGANISATIONS + 5)]
    studies.append(study("extra", hubs=("mobius",), trust=Trust(name="Trust 044")))
    html = network(*studies)
    assert "Trust 044" in html  # two case studies: among the busiest
    assert len(svg_of(html).findall(f"{SVG}path")) == MAX_ORGANISATIONS + 1
    assert "5 others appear in the" in html


def test_nothing_when_no_case_study_names_a_trust_or_school() -> None:
    assert network(study("a")) == ""
