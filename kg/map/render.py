"""The map stage: NetworkX → one self-contained, offline HTML file drawn with vis-network.

Everything is inlined: vis-network 9.1.2 (script, CSS and licence notice, from pyvis's
bundled copy) and the viewer (``assets/map.js``). The graph is JSON inside a
``<script type="application/json">`` element with ``<``, ``>`` and ``&`` escaped, read with
``JSON.parse``; the viewer only ever inserts text with ``textContent``, and the page's
Content-Security-Policy allows exactly the two inline scripts (by hash) and no network.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(); g.add_node("a", label="<b>A</b>", type="person")
>>> html = render_html(g)
>>> "<b>A</b>" in html, "\\\\u003cb\\\\u003eA" in html
(False, True)
"""

from __future__ import annotations

import base64
import hashlib
import html as htmlmod
import json
import re
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import MapError

__all__ = ["render_html", "write_map", "show", "MapDisplay", "TYPE_STYLE", "PHYSICS_THRESHOLD",
           "MEETING_COLOUR"]

#: Node type -> (colour, vis shape, legend glyph).
TYPE_STYLE: dict[str, tuple[str, str, str]] = {
    "person": ("#4e79a7", "dot", "●"),
    "organization": ("#f28e2b", "square", "■"),
    "country": ("#59a14f", "diamond", "◆"),
    "place": ("#17becf", "triangle", "▲"),
    "group": ("#b07aa1", "hexagon", "⬢"),
    "event": ("#e6b800", "star", "★"),
    "other": ("#8c8c8c", "dot", "●"),
}
#: Above this many nodes the layout is computed in Python and physics stays off.
PHYSICS_THRESHOLD = 500
#: In-browser physics iterations before the first frame (starting from the NumPy layout).
STABILIZATION_ITERATIONS = 50
MEETING_COLOUR = "#d62728"
RELATION_COLOUR = "#b4b9bf"
#: Edge labels are drawn when font size × zoom reaches this (vis ``drawThreshold``): relation
#: labels (11 px) from zoom ≈ 1.5, meeting labels (16 px) from zoom ≈ 0.4, all when hovered.
EDGE_LABEL_THRESHOLD = 17.5
MEETING_LABEL_THRESHOLD = 7.0
_ASSETS = Path(__file__).parent / "assets"
_TOKEN = re.compile(r"/\*KG:(\w+)\*/|<!--KG:(\w+)-->")


@cache
def _vis_asset(name: str) -> str:
    try:
        import pyvis
    except ImportError as e:  # pyvis is a dependency; only its bundled vis-network is used
        raise MapError("pyvis is not installed: it provides vis-network for the map") from e
    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text(
        encoding="utf-8")


def _safe_json(obj: Any) -> str:
    # Inside <script> only "</" or "<!--" could end or confuse the element; escaping every
    # <, > and & keeps the JSON valid and inert wherever it is embedded.
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


def meeting_label(d: dict[str, Any]) -> str:
    """The short label of a meeting edge: place and time as written, and the status.

    >>> meeting_label({"place": "Moscow", "time": "Tuesday", "status": "planned"})
    'met in Moscow, Tuesday (planned)'
    """
    when = d.get("time") or d.get("date") or ""
    where = f" in {d['place']}" if d.get("place") else ""
    sep = "," if where and when else ""
    status = f" ({d['status']})" if d.get("status") else ""
    return f"met{where}{sep}{(' ' + str(when)) if when else ''}{status}"


def _node(n: Hashable, d: dict[str, Any], degree: int) -> dict[str, Any]:
    # Compact: shape, colour and tooltip come from ``styles`` in the viewer (map.js).
    kind = d.get("type", "other") if d.get("type") in TYPE_STYLE else "other"
    label = str(d.get("label", n))
    node: dict[str, Any] = {"id": str(n), "label": label, "type": kind, "value": degree}
    names = list(dict.fromkeys([label, *map(str, d.get("aliases", ()))]))
    if len(names) > 1:
        node["names"] = names
    if d.get("titles"):
        node["titles"] = list(map(str, d["titles"]))
    return node


def _edge(i: int, u: Hashable, v: Hashable, d: dict[str, Any]) -> dict[str, Any]:
    # Relation edges take their look from the global edge options; only meetings (few)
    # carry their own. Labels and tooltips are made from these fields in map.js.
    meeting = d.get("kind") == "meeting"
    relation = meeting_label(d) if meeting else str(d.get("relation", ""))
    e: dict[str, Any] = {
        "id": f"e{i}", "from": str(u), "to": str(v), "kind": "meeting" if meeting else "relation",
        "rel": "meeting" if meeting else str(d.get("predicate") or relation),
        "relation": relation, "article": str(d.get("article", "")),
        "sentence": " ".join(str(d.get("sentence", "")).split()),
        "si": int(d.get("sentence_index", -1)),
    }
    if d.get("confidence") is not None:
        e["confidence"] = round(float(d["confidence"]), 3)
    # The time filter reads an interval per edge (start/end when an edge spans several
    # reports, else the meeting's or the article's day) and draws weight as width.
    for k in ("published", "start", "end"):
        if d.get(k):
            e[k] = str(d[k])[:10]
    if d.get("weight") is not None:
        e["weight"] = float(d["weight"])
    if not meeting:
        if d.get("predicate") and d["predicate"] != relation:
            e["predicate"] = str(d["predicate"])
        if d.get("negated"):
            e["negated"] = True
        return e
    status = d.get("status")
    colour = "#b58b8b" if status == "negated" else MEETING_COLOUR
    e.update({
        "status": status, "place": d.get("place"), "time": d.get("time"),
        "date": str(d["date"]) if d.get("date") else None,
        "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": 1.0},
        "width": 3, "arrows": "", "font": {"size": 16, "color": "#8b1a1a"},
        "dashes": [2, 6] if status == "negated" else [10, 6] if status == "planned" else False,
        # Meeting labels appear from a lower zoom than other edge labels.
        "thr": MEETING_LABEL_THRESHOLD,
        "scaling": {"label": {"drawThreshold": MEETING_LABEL_THRESHOLD}},
    })
    return e


def vis_data(g: nx.MultiDiGraph, *, seed: int = 7, focus: Hashable | None = None,
             notes: Sequence[str] = (), budget: int | None = None) -> dict[str, Any]:
    """The JSON the page draws: nodes, edges, vis options, legend, relation list, focus, notes.

    Over ``budget`` nodes, only the first view (:func:`kg.map.corpus.first_view`) is drawn
    and the rest of ``g`` goes in ``more``, compact, for search and expansion.
    """
    from kg.map.corpus import compact_rest, describe, first_view
    from kg.map.layout import spring

    whole, deg = g, dict(g.degree())
    corpus = budget is not None and g.number_of_nodes() > budget
    if corpus:
        drawn = first_view(g, budget or 0, keep=[focus] if focus in g else ())
        notes = [*notes, *describe(g, drawn)]
        g = g.subgraph(drawn)
    big = g.number_of_nodes() > PHYSICS_THRESHOLD or corpus
    nodes = [_node(n, d, deg.get(n, 0)) for n, d in g.nodes(data=True)]
    # Every map starts from the NumPy layout; below the threshold the browser's physics only
    # refines it, which takes far fewer iterations than starting from random positions.
    if nodes:
        pos = spring(g, seed=seed,
                     spacing=60.0 if g.number_of_nodes() > PHYSICS_THRESHOLD else 100.0)
        for node, n in zip(nodes, g.nodes(), strict=True):
            node["x"], node["y"] = pos[n]
    edges = [_edge(i, u, v, d) for i, (u, v, d) in enumerate(g.edges(data=True))
             if not corpus or d.get("kind") == "meeting"]  # a corpus packs relations (more)
    types = Counter(_node(n, d, 0)["type"] for n, d in whole.nodes(data=True))
    rels = Counter("meeting" if d.get("kind") == "meeting" else
                   str(d.get("predicate") or d.get("relation", ""))
                   for *_, d in whole.edges(data=True))
    order = sorted(rels.items(), key=lambda kc: (kc[0] != "meeting", -kc[1], kc[0]))
    relations = [{"key": k, "label": "meetings" if k == "meeting" else k, "count": c}
                 for k, c in order]
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": False},
        # barnesHut refined 500 nodes in ~2/3 of forceAtlas2Based's time here.
        "physics": {"enabled": not big, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -3000, "springLength": 110,
                                  "avoidOverlap": 0.2},
                    "stabilization": {"enabled": True, "iterations": STABILIZATION_ITERATIONS,
                                      "updateInterval": 50, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 200, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "multiselect": False},
        "nodes": {"scaling": {"min": 8, "max": 36,
                              "label": {"enabled": True, "min": 12, "max": 26,
                                        "drawThreshold": 7, "maxVisible": 26}},
                  "font": {"size": 13, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        # Opaque colours and, on big maps, no arrowheads: translucency and 5,000 arrows
        # made each frame of the 2,000-node benchmark 3-5x slower.
        "edges": {"color": {"color": RELATION_COLOUR, "highlight": "#555555",
                            "hover": "#555555", "opacity": 1.0},
                  "width": 1, "arrows": "" if big else "to",
                  "font": {"size": 11, "align": "horizontal", "strokeWidth": 3,
                           "strokeColor": "#ffffff", "color": "#444444"},
                  "scaling": {"label": {"enabled": False, "drawThreshold": EDGE_LABEL_THRESHOLD,
                                        "maxVisible": 22}},
                  "smooth": False if big else {"type": "dynamic"},
                  "selectionWidth": 2, "hoverWidth": 1.5, "arrowStrikethrough": False},
    }
    data = {
        "nodes": nodes, "edges": edges, "options": options,
        "legend": [{"type": t, "color": TYPE_STYLE[t][0], "glyph": TYPE_STYLE[t][2],
                    "count": types[t]} for t in TYPE_STYLE if types[t]],
        "relations": relations, "meetings": rels.get("meeting", 0),
        "styles": {t: {"color": c, "shape": shape} for t, (c, shape, _) in TYPE_STYLE.items()},
        "edgeThreshold": EDGE_LABEL_THRESHOLD,
        "focus": str(focus) if focus is not None and focus in whole else None,
        "notes": list(notes),
    }
    if corpus:
        data["more"] = compact_rest(whole, list(g.nodes()), _node, _edge)
    return data


def _licence() -> str:
    text = (_ASSETS / "vis-network-LICENSE.txt").read_text(encoding="utf-8")
    return "<!--\n" + text.replace("--", "- -") + "-->"


def render_html(g: nx.MultiDiGraph, path: str | Path | None = None, *, seed: int = 7,
                focus: Hashable | None = None, notes: Sequence[str] = (),
                budget: int | None = None) -> str:
    """The map of ``g`` as one HTML string (written to ``path`` too, atomically, when given).

    Nodes are coloured and shaped by type and sized by degree; meeting edges are thick and
    red (dashed when planned, dotted when negated) and labelled with place and time; ``focus``
    is selected when the page opens; ``notes`` are shown under the legend. Over ``budget``
    nodes the page draws the first view and carries the rest for search and expansion.
    """
    app_js = (_ASSETS / "map.js").read_text(encoding="utf-8")
    vis_js = _vis_asset("vis-network.min.js").replace("</script", "<\\/script")
    parts = {
        "LICENSE": _licence(),
        "VIS_CSS": _vis_asset("vis-network.css").replace("</style", "<\\/style"),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
        "SCRIPT_HASHES": f"{_csp_hash(vis_js)} {_csp_hash(app_js)}",
        "DATA": _safe_json(vis_data(g, seed=seed, focus=focus, notes=notes, budget=budget)),
    }
    template = (_ASSETS / "map.html").read_text(encoding="utf-8")
    # One pass, so nothing inserted (vis-network, the data) is ever scanned for tokens again.
    html = _TOKEN.sub(lambda m: parts[m.group(1) or m.group(2)], template)
    if path is not None:
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(out)
    return html


def write_map(store: Any, path: str | Path, query: Any = None) -> Any:
    """Project ``store`` to NetworkX, apply ``query`` (a :class:`kg.map.view.MapQuery`), draw it.

    The page carries every entity the filters leave; ``max_nodes`` (default
    :data:`kg.map.corpus.DEFAULT_BUDGET`) is how many it draws first. Returns the
    :class:`kg.map.view.MapView` (its graph, focus, and the labels not drawn first).
    """
    from dataclasses import replace

    from kg.map.corpus import DEFAULT_BUDGET, first_view
    from kg.map.view import MapQuery, MapView, select
    from kg.network.graph import to_networkx

    q = query or MapQuery()
    budget = q.max_nodes or DEFAULT_BUDGET
    view = select(to_networkx(store), replace(q, max_nodes=None))
    g = view.graph
    render_html(g, path, focus=view.focus, budget=budget)
    left: tuple[str, ...] = ()
    if g.number_of_nodes() > budget:
        drawn = set(first_view(g, budget, keep=[view.focus] if view.focus in g else ()))
        left = tuple(sorted(str(d.get("label", n)) for n, d in g.nodes(data=True)
                            if n not in drawn))
    return MapView(graph=g, focus=view.focus, dropped=left)


@dataclass(frozen=True)
class MapDisplay:
    """A map for notebooks: Jupyter and VS Code show it inline (an ``iframe`` with ``srcdoc``)."""

    html: str
    height: int = 600

    def _repr_html_(self) -> str:
        # The whole page goes in one attribute: html.escape with quote=True makes it inert
        # there, and the sandbox (scripts, no same-origin) keeps it away from the notebook.
        return (f'<iframe srcdoc="{htmlmod.escape(self.html, quote=True)}" '
                f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd" '
                'sandbox="allow-scripts" title="kg relationship map"></iframe>')

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (the same HTML as ``kg map``)."""
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(self.html, encoding="utf-8")
        return out


def show(source: Any, *, focus: str | None = None, hops: int = 1,
         only: str | Sequence[str] = (), article: str | None = None,
         since: date | None = None, until: date | None = None, max_nodes: int | None = None,
         height: int = 600) -> MapDisplay:
    """Display the map of ``source`` inline in a notebook.

    ``source`` is a NetworkX graph, an open store, or a store spec (a directory or
    ``memory:``); the filters are those of ``kg map`` (:class:`kg.map.view.MapQuery`):
    ``focus="Putin", hops=2``, ``only="meetings"`` ...; ``max_nodes`` is how many entities
    are drawn first, as for ``kg map``.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("a", label='"A" & <b>', type="person")
    >>> frame = show(g)._repr_html_()
    >>> frame.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;'), '"A"' in frame
    (True, False)
    """
    from kg.map.view import MapQuery, select

    if isinstance(source, nx.Graph):
        g = source if isinstance(source, nx.MultiDiGraph) else nx.MultiDiGraph(source)
    else:
        from kg.network.graph import to_networkx
        from kg.store import open_store

        if isinstance(source, str | Path):
            with open_store(str(source), writable=False) as store:
                g = to_networkx(store)
        else:
            g = to_networkx(source)
    from kg.map.corpus import DEFAULT_BUDGET

    kinds = (only,) if isinstance(only, str) else tuple(only)
    view = select(g, MapQuery(focus, hops, kinds, article, since, until))
    html = render_html(view.graph, focus=view.focus, budget=max_nodes or DEFAULT_BUDGET)
    return MapDisplay(html, height)
