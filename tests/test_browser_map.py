"""The map in real headless Chromium (Debian's /usr/bin/chromium via Playwright), network blocked.

Every request the page makes is recorded and anything but the map file itself is aborted,
so a test fails if the page reaches for a CDN, a font, or an ``<img src=x>`` from the data.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner
from map_fixtures import (
    HOSTILE,
    corpus_extractions,
    graph_of,
    hostile_extractions,
    news_extractions,
)

from kg.cli import cli
from kg.map.render import render_html
from kg.network.graph import to_networkx
from kg.store import open_store

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "001-us-envoy-heads-to-moscow.txt"
VIEWPORT = {"width": 1280, "height": 800}
# Records CSP violations, so an inline script that the policy blocked is noticed too.
WATCH = """window.__kgViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__kgViolations.push(e.violatedDirective + ' ' + e.blockedURI));"""


@dataclass
class Opened:
    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expr: str, arg: Any = None) -> Any:
        return self.page.evaluate(expr, arg)

    def wait(self, expr: str, arg: Any = None, timeout: float = 60.0) -> None:
        """Poll ``expr`` until truthy (page.wait_for_function needs eval, which the CSP forbids)."""
        end = time.monotonic() + timeout
        while not self.js(expr, arg):
            if time.monotonic() > end:
                raise AssertionError(f"timed out waiting for {expr}")
            self.page.wait_for_timeout(50)

    def drawn_edges(self) -> list[dict]:
        """The edges the vis network holds now (after filters), with endpoint labels."""
        return self.js("""Object.keys(kgNetwork.body.edges).filter(id => kg.edgeView.get(id))
          .map(id => { const e = kgEdges.get(id);
            return {id, kind: e.kind, rel: e.rel, from: kgNodes.get(e.from).label,
                    to: kgNodes.get(e.to).label, label: e.label}; })""")

    def drawn_nodes(self) -> list[str]:
        return self.js("kgNetwork.body.nodeIndices.map(id => kgNodes.get(id).label)")

    def dom_point(self, canvas_xy: dict) -> tuple[float, float]:
        p = self.js("""xy => { const d = kgNetwork.canvasToDOM(xy);
          const r = document.getElementById('net').getBoundingClientRect();
          return [d.x + r.left, d.y + r.top]; }""", canvas_xy)
        return p[0], p[1]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make dev-setup does)")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport=VIEWPORT, service_workers="block")
        yield ctx
        ctx.close()


@pytest.fixture
def open_map(browser: Any) -> Iterator[Any]:
    pages: list[Any] = []

    def open_(path: Path) -> Opened:
        page = browser.new_page()
        pages.append(page)
        o = Opened(page, path.resolve().as_uri())

        def route(r: Any) -> None:
            if r.request.url == o.url:
                r.continue_()
            else:
                o.blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("request", lambda r: o.requests.append(r.url))
        page.on("dialog", lambda d: (o.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: o.errors.append(str(e)))
        page.add_init_script(WATCH)
        page.goto(o.url)
        o.wait("window.kgReady === true")
        return o

    yield open_
    for page in pages:
        page.close()


@pytest.fixture(scope="module")
def news_map(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, nx.MultiDiGraph]:
    g = graph_of(news_extractions())
    path = tmp_path_factory.mktemp("news") / "map.html"
    render_html(g, path)
    return path, g


def test_harness_sees_and_blocks_requests(open_map: Any, tmp_path: Path) -> None:
    """The interception the other tests rely on does catch a page that reaches out."""
    html = render_html(nx.MultiDiGraph()).replace(
        "<body>", '<body><img src="http://example.invalid/x.png">', 1)
    path = tmp_path / "leaky.html"
    path.write_text(html, encoding="utf-8")
    o = open_map(path)
    o.page.wait_for_timeout(200)
    assert "http://example.invalid/x.png" in o.requests  # what the other tests check
    # and the page's own policy stopped it before the network (route interception is the
    # second net, for anything the policy would let through)
    assert o.js("window.__kgViolations") == ["img-src http://example.invalid/x.png"]


def test_fixture_map_draws_nodes_and_meeting_edges(open_map: Any, news_map: tuple) -> None:
    path, g = news_map
    o = open_map(path)
    assert sorted(o.drawn_nodes()) == sorted(d["label"] for _, d in g.nodes(data=True))
    edges = o.drawn_edges()
    assert len(edges) == g.number_of_edges()
    meetings = {(frozenset((e["from"], e["to"])), e["label"]) for e in edges
                if e["kind"] == "meeting"}
    assert meetings == {
        (frozenset({"Vladimir Putin", "Steve Witkoff"}), "met in Moscow, Tuesday (planned)"),
        (frozenset({"Volodymyr Zelensky", "Emmanuel Macron"}), "met in Paris, Monday (happened)"),
        (frozenset({"American delegation", "Ukrainian delegation"}), "met in Miami (happened)"),
    }
    assert o.js("document.getElementById('status').textContent").startswith("11 entities")
    assert o.js("document.querySelectorAll('#types input').length") == 5  # legend = type filters
    assert o.requests == [o.url] and o.blocked == [] and o.errors == []
    assert o.js("window.__kgViolations") == []


def test_search_box_finds_putin_and_focuses_him(open_map: Any, news_map: tuple) -> None:
    o = open_map(news_map[0])
    o.page.fill("#search", "putin")
    o.page.press("#search", "Enter")
    sel = o.js("kgNetwork.getSelectedNodes().map(id => kgNodes.get(id).label)")
    assert sel == ["Vladimir Putin"]
    panel = o.page.inner_text("#panel")
    assert "Vladimir Putin" in panel and "President" in panel
    assert "President Vladimir Putin is expected to meet Steve Witkoff" in panel
    assert "fx-001-envoy" in panel
    # focused: Putin ends up at the centre of the view (after a short animation)
    o.wait("""() => { const v = kgNetwork.getViewPosition(), id = kgNetwork.getSelectedNodes()[0],
              p = kgNetwork.getPositions([id])[id];
              return Math.abs(p.x - v.x) < 5 && Math.abs(p.y - v.y) < 5; }""", None, 10)
    # by an alias, and case/accent-insensitively
    assert o.js("kg.search('MR. WITKOFF')").endswith("steve-witkoff")
    assert o.js("kg.search('nobody at all')") is None


def test_meetings_filter_hides_other_edges_without_blanking(open_map: Any,
                                                             news_map: tuple) -> None:
    o = open_map(news_map[0])
    before = o.js("kgNetwork.getPositions()")
    total = len(o.drawn_edges())
    o.page.check("#only-meetings")
    edges = o.drawn_edges()
    assert len(edges) == 3 and {e["kind"] for e in edges} == {"meeting"}
    nodes = o.drawn_nodes()
    assert "Vladimir Putin" in nodes and "Kremlin" not in nodes
    o.page.uncheck("#only-meetings")
    assert len(o.drawn_edges()) == total
    after = o.js("kgNetwork.getPositions()")
    assert after.keys() == before.keys()
    assert all(abs(after[k]["x"] - before[k]["x"]) < 1 for k in before)  # nothing jumped
    # entity-type filter from the legend: places go, and so do their edges
    o.page.uncheck("#types input[value=place]")
    assert "Moscow" not in o.drawn_nodes()
    assert all("Moscow" not in (e["from"], e["to"]) for e in o.drawn_edges())
    o.page.check("#types input[value=place]")
    assert "Moscow" in o.drawn_nodes()
    # one relation type from the Relations menu; entities left with no edge go too
    o.page.click("#rels summary")
    o.page.uncheck("#rel-list input[value='say']")
    assert all(e["rel"] != "say" for e in o.drawn_edges())
    assert len(o.drawn_edges()) == total - 1 and "Kremlin" not in o.drawn_nodes()
    o.page.click("#rels-all")
    assert len(o.drawn_edges()) == total and "Kremlin" in o.drawn_nodes()


def test_clicks_show_facts_and_provenance(open_map: Any, news_map: tuple) -> None:
    o = open_map(news_map[0])
    putin = o.js("kgNodes.get().find(n => n.label === 'Vladimir Putin').id")
    xy = o.js("id => kgNetwork.getPositions([id])[id]", putin)
    o.page.mouse.click(*o.dom_point(xy))
    panel = o.page.inner_text("#panel")
    assert "meeting with" in panel and "planned · Tuesday · 2025-12-02 · in Moscow" in panel
    edge = o.js("kgEdges.get().find(e => e.relation === 'travels to').id")
    mid = o.js("id => kgNetwork.body.edges[id].edgeType.getPoint(0.5)", edge)
    o.page.mouse.click(*o.dom_point(mid))
    panel = o.page.inner_text("#panel")
    assert panel.splitlines()[1:3] == ["travels to", "Steve Witkoff → Moscow"]
    assert "Provenance" in panel and "The Kremlin said Mr. Witkoff travels to Moscow." in panel
    assert "article fx-001-envoy · sentence 3" in panel


def test_edge_labels_appear_on_hover_and_zoom(open_map: Any, news_map: tuple) -> None:
    o = open_map(news_map[0])
    o.js("kgNetwork.moveTo({scale: 0.8})")
    edge = o.js("kgEdges.get().find(e => e.relation === 'travels to').id")
    assert o.js("id => kg.edgeLabelVisible(id)", edge) is False
    mid = o.js("id => kgNetwork.body.edges[id].edgeType.getPoint(0.5)", edge)
    o.page.mouse.move(*o.dom_point(mid))
    o.wait("id => kg.edgeLabelVisible(id)", edge, 5)
    o.page.mouse.move(5, 400)
    o.wait("id => !kg.edgeLabelVisible(id)", edge, 5)
    o.js("kgNetwork.moveTo({scale: 2})")
    assert o.js("id => kg.edgeLabelVisible(id)", edge) is True


def test_hostile_text_shows_as_text_and_runs_nothing(open_map: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    render_html(graph_of(hostile_extractions()), path)
    o = open_map(path)
    assert sorted(o.drawn_nodes()) == sorted(HOSTILE)
    for name in HOSTILE:  # search each name, open its panel, hover and click its edges
        assert o.js("q => kg.search(q)", name) is not None
        o.page.wait_for_timeout(50)
        assert name in o.page.inner_text("#panel")
    for edge in o.js("kgEdges.getIds()"):
        o.js("id => kg.showEdge(id)", edge)
        mid = o.js("id => kgNetwork.body.edges[id].edgeType.getPoint(0.5)", edge)
        o.page.mouse.move(*o.dom_point(mid))
    o.page.wait_for_timeout(400)
    # a node's hover tooltip (vis-network's popup) is text too
    o.page.click("#panel .close")
    o.js("kgNetwork.fit({animation: false})")
    o.page.mouse.move(5, 400)
    first = o.js("kgNodes.get().find(n => n.label.startsWith('<img')).id")
    o.page.mouse.move(*o.dom_point(o.js("id => kgNetwork.getPositions([id])[id]", first)))
    o.wait("(document.querySelector('div.vis-tooltip') || {}).innerText"
           "?.startsWith('<img src=x onerror=')", None, 10)
    # innerText turns newlines into <br>; nothing else may be an element
    assert o.js("[...document.querySelector('div.vis-tooltip').children]"
                ".every(c => c.tagName === 'BR')")
    o.js("kg.showEdge(kgEdges.get().find(e => e.kind === 'meeting').id)")
    panel = o.page.inner_text("#panel")
    assert '<img src=x onerror="window.pwnedPlace=1">' in panel
    assert "<script>window.pwnedSentence=1</script>" in panel
    assert o.js("Object.keys(window).filter(k => k.startsWith('pwned'))") == []
    assert o.js("document.querySelectorAll('#panel *:not(div):not(h2):not(h4):not(button)"
                ":not(span):not(b)').length") == 0
    assert o.js("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert o.dialogs == [] and o.errors == []
    assert o.requests == [o.url] and o.blocked == []
    assert o.js("window.__kgViolations") == []


def test_big_map_uses_the_precomputed_layout(open_map: Any, tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    for i in range(600):
        g.add_node(f"n{i}", label=f"Entity {i}", type=("person", "place", "country")[i % 3])
    for i in range(1, 600):
        g.add_edge(f"n{i}", f"n{(i * 7) % i}", kind="relation", relation="knows",
                   sentence=f"Sentence {i}.", article="a", sentence_index=i)
    path = tmp_path / "big.html"
    render_html(g, path)
    o = open_map(path)
    assert o.js("kgNetwork.physics.physicsEnabled") is False
    assert len(o.drawn_nodes()) == 600
    assert abs(o.js("kgNetwork.getPositions(['n5']).n5.x") - o.js("kgNodes.get('n5').x")) < 1


@pytest.mark.model
def test_seed_map_from_the_cli_opens_offline(open_map: Any, tmp_path: Path) -> None:
    """Acceptance: `kg build seeds` then `kg map` writes a map that draws the seed's graph
    with the network blocked; its screenshot is docs/map.png (shown in the README)."""
    store, out = tmp_path / "store", tmp_path / "out" / "map.html"
    r = CliRunner().invoke(cli, ["build", str(SEED), "--store", str(store)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["map", "--store", str(store), "-o", str(out)])
    assert r.exit_code == 0, r.output
    with open_store(str(store), writable=False) as s:
        g = to_networkx(s)
    o = open_map(out)
    nodes = o.drawn_nodes()
    assert {"Vladimir Putin", "Steve Witkoff"} <= set(nodes)
    assert sorted(nodes) == sorted(d["label"] for _, d in g.nodes(data=True))
    edges = o.drawn_edges()
    assert len(edges) == g.number_of_edges()
    want = {frozenset((g.nodes[u]["label"], g.nodes[v]["label"]))
            for u, v, k in g.edges(data="kind") if k == "meeting"}
    assert {frozenset((e["from"], e["to"])) for e in edges if e["kind"] == "meeting"} == want
    assert o.js("kg.search('Putin')").endswith("vladimir-putin")
    o.page.mouse.click(5, 400)  # close the panel for the picture
    o.js("kgNetwork.fit({animation: false})")
    o.page.wait_for_timeout(300)
    assert o.requests == [o.url] and o.blocked == [] and o.errors == []
    shot = tmp_path / "map.png"
    o.page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    (ROOT / "docs").mkdir(exist_ok=True)
    shutil.copyfile(shot, ROOT / "docs" / "map.png")



def test_notebook_iframe_draws_the_same_map(browser: Any, news_map: tuple,
                                            tmp_path: Path) -> None:
    """kg.show's inline HTML (an iframe srcdoc, as Jupyter and VS Code render it) works."""
    from kg.map.render import show

    frame = show(news_map[1], focus="Witkoff", hops=1)._repr_html_()
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body><h1>cell output</h1>{frame}</body></html>",
                    encoding="utf-8")
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(host.as_uri())
        end = time.monotonic() + 30
        while True:
            inner = [f for f in page.frames if f != page.main_frame]
            if inner and inner[0].evaluate("window.kgReady === true"):
                break
            assert time.monotonic() < end, "the map in the iframe never got ready"
            page.wait_for_timeout(50)
        labels = inner[0].evaluate("kgNetwork.body.nodeIndices.map(id => kgNodes.get(id).label)")
        assert sorted(labels) == ["Kremlin", "Moscow", "Steve Witkoff", "Vladimir Putin"]
        assert inner[0].evaluate("kgNetwork.getSelectedNodes().length") == 1  # the focus
        assert requests == [host.as_uri()]
    finally:
        page.close()


# --- a corpus map: first view within a budget, search, expand/collapse, time filter --------

BUDGET = 10


@pytest.fixture(scope="module")
def corpus_map(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, nx.MultiDiGraph]:
    g = graph_of(corpus_extractions())
    path = tmp_path_factory.mktemp("corpus") / "map.html"
    render_html(g, path, budget=BUDGET)
    return path, g


def clean(o: Opened) -> None:
    assert o.requests == [o.url] and o.blocked == [] and o.errors == []
    assert o.js("window.__kgViolations") == []


def test_first_view_keeps_the_budget_and_says_what_is_left_out(open_map: Any,
                                                               corpus_map: tuple) -> None:
    path, g = corpus_map
    o = open_map(path)
    drawn = o.drawn_nodes()
    assert len(drawn) == BUDGET and "Ada Hub" in drawn
    # meeting participants first (up to 3/4 of the budget), then the most connected
    assert all(n.startswith("Leaf ") and n.endswith(("-0", "-1")) for n in drawn
               if n != "Ada Hub")
    notes = o.page.inner_text("#notes")
    assert f"Drawn: {BUDGET} of {g.number_of_nodes()} entities" in notes
    assert f"Left out: {g.number_of_nodes() - BUDGET} entities" in notes
    assert o.page.inner_text("#status").startswith(f"drawn: {BUDGET} of {g.number_of_nodes()}")
    clean(o)


def test_search_brings_an_undrawn_entity_in_with_its_neighbours(open_map: Any,
                                                                corpus_map: tuple) -> None:
    o = open_map(corpus_map[0])
    assert "Leaf 7-3" not in o.drawn_nodes()
    o.page.fill("#search", "leaf 7-3")
    o.page.press("#search", "Enter")
    assert "Leaf 7-3" in o.drawn_nodes()
    sel = o.js("kgNetwork.getSelectedNodes().map(id => kgNodes.get(id).label)")
    assert sel == ["Leaf 7-3"]
    assert {(e["from"], e["to"], e["rel"]) for e in o.drawn_edges()} >= {
        ("Ada Hub", "Leaf 7-3", "advise")}
    panel = o.page.inner_text("#panel")
    assert "Ada Hub advised Leaf 7-3 on day 7." in panel and "fx-day-07" in panel
    clean(o)


def test_click_expands_a_node_and_the_panel_collapses_it(open_map: Any,
                                                         corpus_map: tuple) -> None:
    path, g = corpus_map
    o = open_map(path)
    before = set(o.drawn_nodes())
    hub = o.js("kgNodes.get().find(n => n.label === 'Ada Hub').id")
    hidden = o.js("id => kg.hiddenNeighbours(id)", hub)
    assert hidden == len(set(g.successors(hub)) | set(g.predecessors(hub))) - (BUDGET - 1)
    xy = o.js("id => kgNetwork.getPositions([id])[id]", hub)
    o.page.mouse.click(*o.dom_point(xy))
    after = set(o.drawn_nodes())
    assert before < after and len(after - before) == min(hidden, 40)
    assert all(n.startswith("Leaf ") for n in after - before)
    assert "Ada Hub" in o.page.inner_text("#panel")
    o.page.click("#panel .collapse")
    assert set(o.drawn_nodes()) == before
    assert all(e["from"] in before and e["to"] in before for e in o.drawn_edges())
    clean(o)


def test_time_filter_shows_the_relationships_of_a_few_days(open_map: Any,
                                                           corpus_map: tuple) -> None:
    o = open_map(corpus_map[0])
    total = len(o.drawn_edges())
    assert o.js("document.getElementById('time').hidden") is False
    assert "2025-01-01 – 2025-01-12" in o.page.inner_text("#t-label")

    def slide(which: str, index: int) -> None:
        o.js("""([id, v]) => { const s = document.getElementById(id); s.value = v;
                 s.dispatchEvent(new Event('input')); }""", [which, index])

    slide("t1", 1)  # days are 2025-01-01 .. 2025-01-12: index 1 is the 2nd
    assert o.page.inner_text("#t-label") == "2025-01-01 – 2025-01-02"
    days = o.js("kg.visibleEdges().map(e => e.d0)")
    assert days and set(days) <= {"2025-01-01", "2025-01-02"} and len(days) < total
    nodes = set(o.drawn_nodes())
    assert "Ada Hub" in nodes and "Leaf 1-0" in nodes
    assert nodes <= {"Ada Hub", "Leaf 1-0", "Leaf 1-1", "Leaf 2-0", "Leaf 2-1"}
    slide("t0", 11)  # the "from" handle pushes "until" along
    assert o.page.inner_text("#t-label") == "2025-01-12 – 2025-01-12"
    assert set(o.js("kg.visibleEdges().map(e => e.d0)")) == {"2025-01-12"}
    slide("t0", 0)
    assert len(o.drawn_edges()) == total
    assert o.page.inner_text("#t-label").startswith("all dates")
    clean(o)


def test_hostile_entity_brought_in_by_search_runs_nothing(open_map: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile-corpus.html"
    render_html(graph_of(hostile_extractions()), path, budget=1)
    o = open_map(path)
    assert len(o.drawn_nodes()) == 1
    for name in HOSTILE:
        assert o.js("q => kg.search(q)", name) is not None
        assert name in o.page.inner_text("#panel") and name in o.drawn_nodes()
    o.page.fill("#search", "<")  # the suggestions are text too
    assert o.js("Object.keys(window).filter(k => k.startsWith('pwned'))") == []
    assert o.js("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert o.dialogs == [] and o.errors == []
    assert o.requests == [o.url] and o.blocked == []
    assert o.js("window.__kgViolations") == []
