"""Measurements of a page at a phone's and a tablet's size, for tests/test_mobile.py and scripts/mobile.py."""

from __future__ import annotations

PHONE = {"width": 375, "height": 812}
TABLET = {"width": 1024, "height": 768}
FIGURE = ".bp-web-figuur svg"


def smallest_label(page) -> float:
    """The kernpunt-bron figure's smallest label as rendered, in CSS px: computed font size × the SVG's scale."""
    return page.eval_on_selector(FIGURE, "svg => { const scale = svg.getBoundingClientRect().width"
                                         " / svg.viewBox.baseVal.width; return Math.min(...[...svg.querySelectorAll"
                                         "('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale)); }")


def figure_labels(page) -> list[dict]:
    """Each label of the figure: its visible text and its title (the full name of a cut one, else '')."""
    return page.eval_on_selector_all(f"{FIGURE} text", "texts => texts.map(t => ({title: t.querySelector('title')"
                                                       "?.textContent ?? '', text: [...t.childNodes].filter(n => "
                                                       "n.nodeType === 3).map(n => n.textContent).join('').trim()}))")


def first_kernpunt_screens(page) -> float:
    """Where the first kernpunt starts on the freshly loaded page, in screen heights from the top."""
    return page.evaluate("() => (document.querySelector('.bp-kernpunt').getBoundingClientRect().top + scrollY)"
                         " / innerHeight")
