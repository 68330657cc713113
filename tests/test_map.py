"""The map without a browser: filters (kg.map.view), page data and policy (kg.map.render), the CLI."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import date
from html.parser import HTMLParser

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
from kg.errors import MapError
from kg.map.corpus import first_view
from kg.map.layout import spring
from kg.map.render import PHYSICS_THRESHOLD, render_html, show, vis_data
from kg.map.view import MapQuery, resolve, select
from kg.rdf.mapping import to_rdf
from kg.store import open_store


@pytest.fixture(scope="module")
def news() -> nx.MultiDiGraph:
    return graph_of(news_extractions())


def labels(g: nx.MultiDiGraph) -> set[str]:
    return {d["label"] for _, d in g.nodes(data=True)}


class Page(HTMLParser):
    """Scripts (attributes and text), and every URL-bearing attribute, of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.urls: list[str] = []
        self.meta: list[dict] = []
        self._in: dict | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        self.urls += [v for k, v in a.items() if k in ("src", "href", "action", "srcset") and v]
        if tag == "meta":
            self.meta.append(a)
        if tag == "script":
            self._in, self._text = a, []

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in is not None:
            self.scripts.append((self._in, "".join(self._text)))
            self._in = None


def parse(html: str) -> Page:
    p = Page()
    p.feed(html)
    return p


def page_data(html: str) -> dict:
    (data,) = [t for a, t in parse(html).scripts if a.get("type") == "application/json"]
    return json.loads(data)


# --- kg.map.view -------------------------------------------------------------------------

def test_only_meetings_keeps_meeting_edges_and_their_nodes(news: nx.MultiDiGraph) -> None:
    v = select(news, MapQuery(only=("meetings",)))
    assert {d["kind"] for *_, d in v.graph.edges(data=True)} == {"meeting"}
    assert v.graph.number_of_edges() == 3
    assert "Kremlin" not in labels(v.graph) and "Vladimir Putin" in labels(v.graph)


def test_only_a_relation_by_predicate_or_surface_form(news: nx.MultiDiGraph) -> None:
    for name in ("travel to", "Travels To"):
        g = select(news, MapQuery(only=(name,))).graph
        assert labels(g) == {"Steve Witkoff", "Moscow"}


def test_focus_hops_is_the_ego_network_by_any_name(news: nx.MultiDiGraph) -> None:
    one = select(news, MapQuery(focus="president vladimir putin", hops=1))
    assert labels(one.graph) == {"Vladimir Putin", "Steve Witkoff"}
    assert news.nodes[one.focus]["label"] == "Vladimir Putin"
    two = select(news, MapQuery(focus="Witkoff", hops=2))
    assert labels(two.graph) == {"Vladimir Putin", "Steve Witkoff", "Moscow", "Kremlin"}
    assert select(news, MapQuery(focus="Putin", hops=0)).graph.number_of_nodes() == 1


def test_focus_unknown_or_ambiguous_is_one_clear_error(news: nx.MultiDiGraph) -> None:
    with pytest.raises(MapError, match="no entity called 'Putn'.*Putin"):
        resolve(news, "Putn")
    with pytest.raises(MapError, match="matches 2 entities"):
        resolve(news, "delegation")


def test_article_filter(news: nx.MultiDiGraph) -> None:
    g = select(news, MapQuery(article="fx-002-paris")).graph
    assert labels(g) == {"Emmanuel Macron", "Volodymyr Zelensky"}
    assert [d["relation"] for *_, d in g.edges(data=True)] == ["hosted"]
    with pytest.raises(MapError, match="no facts from an article"):
        select(news, MapQuery(article="nope"))


def test_since_until_keep_dated_meetings_in_range(news: nx.MultiDiGraph) -> None:
    def meetings(q: MapQuery) -> set[str | None]:
        return {d.get("place") for *_, d in select(news, q).graph.edges(data=True)
                if d["kind"] == "meeting"}

    assert meetings(MapQuery(since=date(2025, 12, 2))) == {"Moscow"}
    assert meetings(MapQuery(until=date(2025, 12, 1))) == {"Paris"}
    assert meetings(MapQuery(since=date(2025, 12, 1), until=date(2025, 12, 2))) == {"Moscow",
                                                                                  "Paris"}
    with pytest.raises(MapError, match="after"):
        select(news, MapQuery(since=date(2025, 12, 3), until=date(2025, 12, 1)))


def test_max_nodes_keeps_the_most_connected_and_reports_the_rest(news: nx.MultiDiGraph) -> None:
    v = select(news, MapQuery(max_nodes=3))
    assert v.graph.number_of_nodes() == 3
    deg = dict(news.degree())
    kept = min(deg[n] for n in v.graph)
    assert all(deg[n] <= kept for n in news if n not in v.graph)
    assert len(v.dropped) == news.number_of_nodes() - 3
    assert set(v.dropped) == labels(news) - labels(v.graph)
    # the focus is never the one cut
    focus = select(news, MapQuery(focus="Kremlin", hops=2, max_nodes=1))
    assert labels(focus.graph) == {"Kremlin"}


def test_select_does_not_change_its_input(news: nx.MultiDiGraph) -> None:
    before = (news.number_of_nodes(), news.number_of_edges())
    select(news, MapQuery(only=("meetings",), max_nodes=2))
    assert (news.number_of_nodes(), news.number_of_edges()) == before


# --- kg.map.render --------------------------------------------------------------------------

def test_page_data_has_styled_nodes_and_labelled_meetings(news: nx.MultiDiGraph) -> None:
    data = page_data(render_html(news))
    nodes = {n["label"]: n for n in data["nodes"]}
    shape = {t: s["shape"] for t, s in data["styles"].items()}
    assert shape[nodes["Vladimir Putin"]["type"]] == "dot" and shape["place"] == "triangle"
    assert len({s["color"] for s in data["styles"].values()}) == len(data["styles"])
    assert nodes["Steve Witkoff"]["value"] > nodes["Paris"]["value"]  # size by degree
    assert "President Vladimir Putin" in nodes["Vladimir Putin"]["names"]
    meetings = [e for e in data["edges"] if e["kind"] == "meeting"]
    assert sorted(e["relation"] for e in meetings) == [
        "met in Miami (happened)", "met in Moscow, Tuesday (planned)",
        "met in Paris, Monday (happened)"]
    planned = next(e for e in meetings if e["status"] == "planned")
    relation = data["options"]["edges"]  # other edges take the defaults
    assert planned["dashes"] and planned["width"] > relation["width"]
    assert planned["color"]["color"] != relation["color"]["color"]
    assert next(e for e in meetings if e["status"] == "happened")["dashes"] is False
    assert planned["sentence"].startswith("President Vladimir Putin is expected")
    assert data["relations"][0] == {"key": "meeting", "label": "meetings", "count": 3}
    assert {t["type"] for t in data["legend"]} == {"person", "place", "country", "group",
                                                    "organization"}
    assert data["options"]["physics"]["enabled"] is True


def test_page_is_self_contained_with_licence_and_script_hashes(news: nx.MultiDiGraph) -> None:
    html = render_html(news)
    page = parse(html)
    assert page.urls == []
    assert not re.search(r"<(script|link|img|iframe)[^>]+https?://", html)
    assert "Permission is hereby granted" in html and "Almende" in html
    (csp,) = [m["content"] for m in page.meta if m.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    code = [t for a, t in page.scripts if "type" not in a]
    assert len(code) == 2
    for text in code:
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_hostile_text_is_escaped_in_the_page_and_round_trips() -> None:
    g = graph_of(hostile_extractions())
    html = render_html(g)
    for payload in HOSTILE:
        assert "<" not in payload or payload not in html
    assert html.count("</script>") == 3  # data, vis-network, viewer
    data = page_data(html)
    assert {n["label"] for n in data["nodes"]} == set(HOSTILE)


def test_big_graphs_get_a_precomputed_layout_and_no_physics() -> None:
    g = nx.MultiDiGraph(nx.gnm_random_graph(PHYSICS_THRESHOLD + 20, 900, seed=3))
    data = vis_data(g)
    assert data["options"]["physics"]["enabled"] is False
    xy = [(n["x"], n["y"]) for n in data["nodes"]]
    assert len(set(xy)) == len(xy)
    assert vis_data(g)["nodes"] == data["nodes"]  # seeded: same layout every time


def test_layout_pulls_neighbours_together() -> None:
    g = nx.connected_caveman_graph(6, 8)
    pos = spring(g, seed=2)

    def dist(a: int, b: int) -> float:
        return float(((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5)

    inside = sum(dist(u, v) for u, v in g.edges()) / g.number_of_edges()
    apart = sum(dist(u, v) for u in range(0, 48, 8) for v in range(4, 48, 8) if u // 8 != v // 8)
    assert inside < apart / 30 / 2


def test_show_is_an_inline_iframe_of_the_same_page(news: nx.MultiDiGraph) -> None:
    m = show(news, focus="Macron", hops=1, height=420)
    frame = m._repr_html_()
    assert frame.startswith('<iframe srcdoc="') and 'height:420px' in frame
    assert 'sandbox="allow-scripts"' in frame
    inner = re.search(r'srcdoc="([^"]*)"', frame)
    assert inner is not None
    import html as h

    assert h.unescape(inner.group(1)) == m.html
    assert {n["label"] for n in page_data(m.html)["nodes"]} == {"Emmanuel Macron",
                                                               "Volodymyr Zelensky"}


# --- kg map -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    d = tmp_path_factory.mktemp("mapstore") / "store"
    with open_store(str(d)) as store:
        for x in news_extractions():
            store.replace_article(to_rdf(x))
    return str(d)


def test_cli_map_with_filters(store_dir: str, tmp_path) -> None:
    out = tmp_path / "m.html"
    r = CliRunner().invoke(cli, ["map", "--store", store_dir, "-o", str(out), "--focus", "Putin",
                                 "--hops", "1", "--only", "meetings"])
    assert r.exit_code == 0, r.output
    assert "2 nodes, 1 edges" in r.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["focus"].endswith("vladimir-putin")


def test_cli_map_max_nodes_says_what_it_dropped(store_dir: str, tmp_path) -> None:
    r = CliRunner().invoke(cli, ["map", "--store", store_dir, "-o", str(tmp_path / "m.html"),
                                 "--max-nodes", "9"])
    assert r.exit_code == 0, r.output
    assert "left out 2 entities" in r.output


def test_cli_map_bad_focus_is_one_line_and_no_file(store_dir: str, tmp_path) -> None:
    out = tmp_path / "m.html"
    r = CliRunner().invoke(cli, ["map", "--store", store_dir, "-o", str(out), "--focus", "Nobody"])
    assert r.exit_code == 1
    assert r.output.strip().splitlines() == ["kg: error: no entity called 'Nobody' in the graph"]
    assert not out.exists()


# --- a corpus map (kg.map.corpus) -----------------------------------------------------------

@pytest.fixture(scope="module")
def corpus() -> nx.MultiDiGraph:
    return graph_of(corpus_extractions())


def test_first_view_puts_meeting_participants_then_hubs_within_the_budget(
        corpus: nx.MultiDiGraph) -> None:
    drawn = first_view(corpus, 10)
    names = [corpus.nodes[n]["label"] for n in drawn]
    assert len(drawn) == 10 and names[7] == "Ada Hub"  # after 3/4 of the budget
    assert all(n.endswith(("-0", "-1")) for n in names[:7])  # meeting participants
    hub = next(n for n in corpus if corpus.nodes[n]["label"] == "Ada Hub")
    assert first_view(corpus, 3, keep=[hub])[0] == hub


def test_corpus_page_draws_the_first_view_and_packs_everything_else(
        corpus: nx.MultiDiGraph) -> None:
    data = page_data(render_html(corpus, budget=10))
    assert len(data["nodes"]) == 10 and data["options"]["physics"]["enabled"] is False
    more = data["more"]
    assert len(data["nodes"]) + len(more["nodes"]) == corpus.number_of_nodes()
    relations = sum(1 for *_, k in corpus.edges(data="kind") if k == "relation")
    assert len(more["rel"]) == relations  # every relation edge, drawn or not
    drawn_meetings = [e for e in data["edges"] if e["kind"] == "meeting"]
    assert len(drawn_meetings) + len(more["meet"]) == 12
    ids = {more["base"] + r[0] for r in more["nodes"]} | {n["id"] for n in data["nodes"]}
    assert ids == set(corpus)
    row = next(r for r in more["rel"] if more["sent"][r[6]].startswith("Ada Hub advised Leaf 7-3"))
    assert more["str"][row[2]] == "advise" and more["str"][row[3]] == "advised"
    assert more["str"][row[4]] == "fx-day-07" and more["str"][row[8]] == "2025-01-07"
    assert "Drawn: 10 of 61 entities" in data["notes"][0]
    # under the budget, the page is what it always was
    assert "more" not in page_data(render_html(corpus, budget=100))


def test_corpus_page_escapes_hostile_text_it_does_not_draw() -> None:
    g = graph_of(hostile_extractions())
    html = render_html(g, budget=2)
    for payload in HOSTILE:
        assert "<" not in payload or payload not in html
    assert html.count("</script>") == 3
    data = page_data(html)
    labels = {n["label"] for n in data["nodes"]} | {r[1] for r in data["more"]["nodes"]}
    assert labels == set(HOSTILE)


def test_since_until_also_keep_facts_by_their_article_date(news: nx.MultiDiGraph) -> None:
    v = select(news, MapQuery(since=date(2025, 12, 3)))
    assert [d["relation"] for *_, d in v.graph.edges(data=True)] == ["hosted"]  # fx-002 only


def test_cli_map_of_a_store_over_the_budget(store_dir: str, tmp_path) -> None:
    out = tmp_path / "m.html"
    r = CliRunner().invoke(cli, ["map", "--store", store_dir, "-o", str(out), "--max-nodes", "4"])
    assert r.exit_code == 0, r.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 4 and len(data["more"]["nodes"]) == 7
    assert "left out 7 entities" in r.output
