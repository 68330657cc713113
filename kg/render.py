"""The map stage: NetworkX → one self-contained, offline HTML file (vis-network from pyvis).

Everything is inlined: vis-network's script and CSS come from pyvis's bundled copy, and
the graph data is embedded as JSON inside a ``<script type="application/json">`` element
(with ``<``, ``>`` and ``&`` escaped) and read with ``JSON.parse``; names and sentences are
only ever inserted with ``textContent``, so hostile article text shows as text.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(); g.add_node("a", label="<b>A</b>", type="person")
>>> html = render_html(g)
>>> "<b>A</b>" in html, "\\\\u003cb\\\\u003eA" in html
(False, True)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

__all__ = ["render_html", "write_map", "TYPE_STYLE", "PHYSICS_THRESHOLD"]

#: Node type -> (colour, vis shape).
TYPE_STYLE: dict[str, tuple[str, str]] = {
    "person": ("#4e79a7", "dot"),
    "organization": ("#f28e2b", "square"),
    "country": ("#59a14f", "diamond"),
    "place": ("#76b7b2", "triangle"),
    "group": ("#b07aa1", "hexagon"),
    "event": ("#edc948", "star"),
    "other": ("#9c9c9c", "dot"),
}
#: Above this many nodes the layout is computed in Python and physics stays off.
PHYSICS_THRESHOLD = 500
MEETING_COLOUR = "#d62728"


def _vis_asset(name: str) -> str:
    import pyvis

    root = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (root / name).read_text(encoding="utf-8")


def _safe_json(obj: Any) -> str:
    # Inside <script> only "</" or "<!--" could end or confuse the element; escaping every
    # <, > and & keeps the JSON valid and inert wherever it is embedded.
    return (json.dumps(obj, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _edge_label(d: dict[str, Any]) -> str:
    if d.get("kind") == "meeting":
        bits = [d.get("status") or "", d.get("date") or d.get("time") or "", d.get("place") or ""]
        return "met " + ", ".join(b for b in bits if b)
    return str(d.get("relation", ""))


def _vis_data(g: nx.MultiDiGraph, seed: int) -> dict[str, Any]:
    deg = dict(g.degree())
    big = g.number_of_nodes() > PHYSICS_THRESHOLD
    pos = nx.spring_layout(nx.Graph(g), seed=seed, iterations=30) if big else {}
    nodes = []
    for n, d in g.nodes(data=True):
        colour, shape = TYPE_STYLE.get(d.get("type", "other"), TYPE_STYLE["other"])
        label = str(d.get("label", n))
        names = [label, *[a for a in d.get("aliases", []) if a != label]]
        node: dict[str, Any] = {
            "id": n, "label": label, "names": names, "type": d.get("type", "other"),
            "titles": list(d.get("titles", [])), "color": colour, "shape": shape,
            "value": 1 + deg.get(n, 0), "title": f"{label} ({d.get('type', 'other')})",
        }
        if big:
            x, y = pos[n]
            node.update(x=float(x) * 1000, y=float(y) * 1000)
        nodes.append(node)
    edges = []
    for i, (u, v, k, d) in enumerate(g.edges(keys=True, data=True)):
        meeting = d.get("kind") == "meeting"
        label = _edge_label(d)
        edges.append({
            "id": f"e{i}", "from": u, "to": v, "kind": d.get("kind", "relation"),
            "relation": label, "label": label, "article": d.get("article", ""),
            "sentence": d.get("sentence", ""), "sentence_index": d.get("sentence_index", -1),
            "title": f"{label}\n{d.get('sentence', '')}\n— {d.get('article', '')}",
            "color": {"color": MEETING_COLOUR if meeting else "#b0b0b0"},
            "width": 3 if meeting else 1, "dashes": False,
            "arrows": "" if meeting else "to",
        })
    used = sorted({n["type"] for n in nodes})
    options: dict[str, Any] = {
        "layout": {"randomSeed": seed, "improvedLayout": not big},
        "physics": {"enabled": not big, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": True, "iterations": 400, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big},
        "nodes": {"scaling": {"min": 8, "max": 40}, "font": {"size": 14}},
        "edges": {"font": {"size": 0, "align": "middle"}, "smooth": not big,
                  "chosen": {"label": True}},
    }
    return {"nodes": nodes, "edges": edges, "options": options,
            "legend": [{"type": t, "color": TYPE_STYLE.get(t, TYPE_STYLE["other"])[0]} for t in used]}


def render_html(g: nx.MultiDiGraph, path: str | Path | None = None, *, seed: int = 7) -> str:
    """The map of ``g`` as one HTML string (written to ``path`` too, when given).

    Nodes are coloured and shaped by type, sized by degree; meeting edges are thick and
    red; every edge's tooltip and the side panel show the source sentence as text.
    """
    template = (Path(__file__).parent / "assets" / "map.html").read_text(encoding="utf-8")
    vis_js = _vis_asset("vis-network.min.js")
    licence = vis_js.split("*/", 1)[0].lstrip("/*").replace("--", "- -")
    html = (template
            .replace("<!--VIS_LICENSE-->", "<!-- vis-network 9.1.2, bundled from pyvis:\n"
                     + licence + "-->")
            .replace("/*VIS_CSS*/", _vis_asset("vis-network.css"))
            .replace("/*VIS_JS*/", vis_js.replace("</script", "<\\/script"))
            .replace("/*KG_DATA*/", _safe_json(_vis_data(g, seed))))
    if path is not None:
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(out)
    return html


def write_map(store: Any, path: str | Path) -> nx.MultiDiGraph:
    """Project ``store`` to NetworkX and write its map to ``path``; returns the graph drawn."""
    from kg.graph import to_networkx

    g = to_networkx(store)
    render_html(g, path)
    return g
