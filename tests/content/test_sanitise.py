"""The allow-list sanitiser behind the body checks."""

from __future__ import annotations

from macros.content.sanitise import sanitise_body


def test_script_and_event_handlers_are_removed() -> None:
    html = sanitise_body('<p onclick="x()">Hi<script>alert(1)</script><img src="a.png" onerror="x()"></p>')
    assert html == '<p>Hi<img src="a.png"></p>'


def test_unsafe_schemes_are_removed_even_when_hidden() -> None:
    html = sanitise_body('<a href="javascript:x()">a</a><a href="java&#x09;script:x()">b</a><img src="data:image/png;base64,AA">')
    assert "javascript" not in html and "data:" not in html


def test_what_markdown_produces_survives() -> None:
    html = (
        '<h2 id="q1">1. Question<a class="headerlink" href="#q1" title="Permanent link">¶</a></h2>\n'
        '<div class="admonition note"><p class="admonition-title">Note</p><p>x</p></div>\n'
        '<table><thead><tr><th align="left">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>\n'
        '<p>Text<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup> <a href="../other/">link</a></p>'
    )
    assert sanitise_body(html) == html


def test_material_element_ids_and_arbitrary_styles_are_dropped() -> None:
    assert sanitise_body('<p id="__search" style="position: fixed">x</p>') == "<p>x</p>"


def test_only_the_profiles_own_classes_survive_never_the_themes() -> None:
    html = (
        '<div class="admonition note md-dialog md-dialog--active"><p class="admonition-title md-banner">T</p></div>'
        '<a class="md-button headerlink" href="#x">¶</a><details class="md-consent tip"><summary>s</summary></details>'
        '<p class="md-typeset">x</p>'
    )
    assert sanitise_body(html) == (
        '<div class="admonition note"><p class="admonition-title">T</p></div>'
        '<a class="headerlink" href="#x">¶</a><details class="tip"><summary>s</summary></details><p>x</p>'
    )


def test_ids_the_theme_or_the_page_use_are_dropped() -> None:
    assert sanitise_body('<h2 id="__drawer">a</h2><h2 id="md-x">b</h2><h2 id="cb-facts-heading">c</h2><h2 id="ok">d</h2>') == (
        '<h2>a</h2><h2>b</h2><h2>c</h2><h2 id="ok">d</h2>'
    )
