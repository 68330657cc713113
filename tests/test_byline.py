"""kg's byline search (kg/sources/byline.py) finds what trafilatura's extract_author finds."""

from __future__ import annotations

import pytest
from lxml import html
from trafilatura.metadata import extract_author

from kg.sources.byline import find_byline
from kg.sources.html import article_from_html


def tree(body: str):
    return html.fromstring(f"<html><head><title>T</title></head><body>{body}</body></html>")


PAGES = {
    # tier 1: rel=author wins over a tier-2 byline that comes first in the page
    "rel author": ('<p class="byline">Desk Team Alpha</p><a rel="author">Ines Moreau</a>',
                   "Ines Moreau"),
    "author element": ("<author>Tomas Berg</author>", "Tomas Berg"),
    "class author-name": ('<span class="post author-name">Kofi Mensah</span>', "Kofi Mensah"),
    "rel child": ("<div><rel>me</rel>Ada Park</div>", "Me Ada Park"),
    # tier 2: an h4 with a class containing "author"; a class written in Chinese pinyin
    "h4 author": ('<h4 class="entry-author">By Lea Vogt</h4>', "Lea Vogt"),
    "zuozhe": ('<span id="zuozhe_box">Li Wei</span>', "Li Wei"),
    "itemprop": ('<span itemprop="author">Sara Holm</span>', "Sara Holm"),
    # tier 3: any element, e.g. a <li> with a Byline class or data-component
    "li byline": ('<ul><li class="StoryByline">Ravi Nair</li></ul>', "Ravi Nair"),
    "data-component": ('<section data-component="Byline">Maya Cole</section>', "Maya Cole"),
    # discarded places: comments, sidebars, quotes, dates and figures are not bylines
    "in comments": ('<div id="comments"><span class="author">Troll Guy</span></div>'
                    '<p class="meta"><span class="writer">Eva Lund</span></p>', "Eva Lund"),
    "in sidebar": ('<div class="sidebar-right"><p class="byline">Ad Desk</p></div>', None),
    "in figure": ('<figure><span class="author">Photo Agency</span></figure>', None),
    # a date inside the byline is cut out of it, its tail text kept
    "time inside": ('<p class="byline">By <time>3 March</time>Nadia Sousa</p>', "Nadia Sousa"),
    "quote inside": ('<div class="author">Jan Kos<span class="quote">Wise words</span></div>',
                     "Jan Kos"),
    # too short or too long a text: the next candidate is tried
    "too short": ('<span class="author">AB</span><span class="byline">Olga Petrova</span>',
                  "Olga Petrova"),
    "too long": ('<div class="author">' + "word " * 30 + '</div><a class="byline">Iva Novak</a>',
                 "Iva Novak"),
    "none": ('<p class="lead">Nothing here names a writer.</p>', None),
}


@pytest.mark.parametrize("name", PAGES)
def test_byline_is_trafilaturas_author(name):
    body, expected = PAGES[name]
    assert find_byline(tree(body)) == expected
    assert extract_author(tree(body)) == expected  # the reference it replaces


def test_byline_search_leaves_the_page_untouched():
    t = tree('<p class="byline">By <time>3 March</time>Nadia Sousa</p>')
    before = html.tostring(t)
    find_byline(t)
    assert html.tostring(t) == before


def test_page_reader_takes_the_byline_when_meta_tags_have_no_author():
    page = ("<html><head><title>Ferry strike ends</title></head><body><article>"
            "<h1>Ferry strike ends</h1><p class='byline'>By Nadia Sousa</p>"
            "<p>The ferry crews of the island line went back to work on Friday after the "
            "company agreed to hire twelve more sailors.</p></article></body></html>")
    assert article_from_html(page, "f").author == "Nadia Sousa"
