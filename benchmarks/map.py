"""Map benchmark: real stores through to_networkx, `kg map` and Chromium; and a 2,000-node
graph drawn by kg and by pyvis, in one run.

With ``--stores DIR [DIR ...]`` (stores built by ``kg build``, e.g. with
``benchmarks/corpus.py --limit 5000 --keep-store DIR``) it measures the path a user takes,
per store: ``to_networkx`` (wall, CPU, peak RSS, in a fresh process), the same projection
with the union-graph queries it replaced (the baseline, stopped at ``--baseline-timeout``),
``kg map`` end to end (wall, peak RSS, file size) and the page in headless Chromium (ready,
search for an entity not drawn, expand, time filter), and how each grows with the store.

For each page it prints the time to write the HTML, the file size (with pyvis's ``lib/``
folder), and the time from navigation until the page reports the network drawn and stable
in headless Chromium (Debian's /usr/bin/chromium, network blocked):

* kg: ``window.kg.readyAt`` — first frame drawn after the precomputed layout (physics off);
  also the time for the "meetings only" filter and a full redraw once it is up;
* pyvis 0.3.2 default (``Network().write_html``, which also writes ``lib/``): it loads
  vis-network from cdnjs, so offline it never draws;
* pyvis with ``cdn_resources="in_line"`` (vis-network inlined; Bootstrap still from a CDN,
  blocked): first frame, ``stabilizationIterationsDone`` (its loading bar goes) and
  ``stabilized`` (physics at rest; pyvis leaves physics on).

    .venv/bin/python benchmarks/map.py [--nodes 2000] [--edges 5000] [--timeout 90]
    .venv/bin/python benchmarks/map.py --stores ../data/stores/reuters-1k ../data/stores/reuters-5k
"""

# ruff: noqa: T201  (a benchmark prints its figures)
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

from kg.map.layout import spring  # noqa: E402
from kg.map.render import TYPE_STYLE, render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TYPES = ["person", "organization", "country", "place", "group", "event"]
RELATIONS = ["meet with", "visit", "criticise", "support", "lead", "sanction", "call", "praise"]
# Notes pyvis's page events with times relative to navigation start.
PYVIS_WATCH = """window.__t = {};
const iv = setInterval(() => {
  if (typeof network === 'undefined' || !network || !network.once) return;
  clearInterval(iv);
  window.__t.created = performance.now();
  network.once('afterDrawing', () => { window.__t.drawn = performance.now(); });
  network.once('stabilizationIterationsDone', () => { window.__t.iterations = performance.now(); });
  network.once('stabilized', () => { window.__t.stable = performance.now(); });
  network.on('stabilizationProgress', p => { window.__t.progress = p.iterations / p.total; });
}, 2);"""


def news_like_graph(n: int, m: int, seed: int = 1) -> nx.MultiDiGraph:
    """A graph shaped like news: a few hubs, many leaves; 1 edge in 10 a dated meeting."""
    rnd = random.Random(seed)
    weights = [1 / (i + 10) ** 0.9 for i in range(n)]
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(f"e{i}", label=f"Entity {i} {rnd.choice(['Smith', 'Ivanova', 'Corp', 'City'])}",
                   type=rnd.choice(TYPES), aliases=[f"E{i}"], titles=[])
    nodes = list(g)
    while g.number_of_edges() < m:
        u, v = rnd.choices(nodes, weights, k=2)
        if u == v:
            continue
        i = g.number_of_edges()
        common = {"article": f"art{i % 400}", "sentence_index": i % 30,
                  "sentence": f"Sentence {i} says that {g.nodes[u]['label']} and "
                              f"{g.nodes[v]['label']} were involved."}
        if i % 10 == 0:
            g.add_edge(u, v, kind="meeting", relation="met", status="happened",
                       place="Geneva", time="Monday", date=f"2025-{1 + i % 12:02d}-10", **common)
        else:
            rel = rnd.choice(RELATIONS)
            g.add_edge(u, v, kind="relation", relation=rel, predicate=rel, confidence=0.5,
                       **common)
    return g


def write_kg(g: nx.MultiDiGraph, out: Path) -> dict[str, float]:
    t0 = time.perf_counter()
    spring(g)
    layout = time.perf_counter() - t0
    t0 = time.perf_counter()
    render_html(g, out)
    return {"write_s": time.perf_counter() - t0, "layout_s": layout, "bytes": out.stat().st_size}


def write_pyvis(g: nx.MultiDiGraph, folder: Path, mode: str) -> dict[str, float]:
    from pyvis.network import Network

    simple = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        simple.add_node(n, label=d["label"], title=d["label"], color=TYPE_STYLE[d["type"]][0])
    for u, v, d in g.edges(data=True):
        simple.add_edge(u, v, title=f"{d['relation']}: {d['sentence']}")
    cwd = os.getcwd()
    os.chdir(folder)  # pyvis writes lib/ into the working directory
    try:
        t0 = time.perf_counter()
        net = Network(height="800px", width="100%", directed=True, cdn_resources=mode)
        net.from_nx(simple)
        net.write_html("pyvis.html")
        secs = time.perf_counter() - t0
    finally:
        os.chdir(cwd)
    page = folder / "pyvis.html"
    files = (folder / "lib").rglob("*") if mode == "local" else ()
    lib = sum(p.stat().st_size for p in files if p.is_file())
    return {"write_s": secs, "bytes": page.stat().st_size, "lib_bytes": lib}


def open_page(ctx: Any, path: Path, init: str | None) -> tuple[Any, list[str]]:
    """Open ``path`` with every request but file:// ones aborted (and counted)."""
    page = ctx.new_page()
    outside: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    if init:
        page.add_init_script(init)
    page.goto(path.resolve().as_uri(), wait_until="commit")
    return page, outside


def poll(page: Any, expr: str, timeout: float) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        v = page.evaluate(expr)
        if v:
            return v
        page.wait_for_timeout(20)
    return None


def time_kg(ctx: Any, path: Path, timeout: float) -> dict[str, Any]:
    page, outside = open_page(ctx, path, None)
    ready = poll(page, "window.kg && window.kg.ready && window.kg.readyAt", timeout)
    res: dict[str, Any] = {"ready_s": ready / 1000 if ready else None, "outside": len(outside)}
    if ready:
        res.update(page.evaluate("""() => ({script_s: kg.startedAt / 1000,
                                            created_s: kg.createdAt / 1000})"""))
        res["filter_ms"] = page.evaluate("""() => { const t = performance.now();
            kg.meetingsOnly(true); kg.network.redraw(); const a = performance.now() - t;
            kg.meetingsOnly(false); return a; }""")
        res["redraw_ms"] = page.evaluate("""() => { const t = performance.now();
            for (let i = 0; i < 5; i++) kg.network.redraw();
            return (performance.now() - t) / 5; }""")
    page.close()
    return res


def time_pyvis(ctx: Any, path: Path, timeout: float) -> dict[str, Any]:
    page, outside = open_page(ctx, path, PYVIS_WATCH)
    poll(page, "window.__t && (window.__t.stable || (!window.vis && performance.now() > 5000))",
         timeout)
    t = page.evaluate("window.__t || {}")
    page.close()

    def s(k: str) -> float | None:
        return round(t[k] / 1000, 2) if k in t else None

    return {"drawn_s": s("drawn"), "iterations_s": s("iterations"), "stable_s": s("stable"),
            "outside": len(outside), "progress": t.get("progress"), "vis": "created" in t}


def fmt(x: float | None, unit: str = "s", timeout: float = 0) -> str:
    return f"never (> {timeout:.0f} s)" if x is None else f"{x:.2f} {unit}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--edges", type=int, default=5000)
    ap.add_argument("--timeout", type=float, default=90.0, help="seconds to wait for each page")
    ap.add_argument("--small", default="300,500", metavar="N,N",
                    help="also time kg alone on these node counts (physics below 500 nodes)")
    ap.add_argument("--stores", nargs="+", type=Path, metavar="DIR",
                    help="measure these kg stores instead (smallest first): the real path")
    ap.add_argument("--baseline-timeout", type=float, default=120.0,
                    help="stop the union-graph baseline projection after this many seconds")
    a = ap.parse_args()
    if a.stores:
        real_path(a.stores, a.timeout, a.baseline_timeout)
        return
    from playwright.sync_api import sync_playwright

    g = news_like_graph(a.nodes, a.edges)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for mode in ("local", "in_line"):
            (d / mode).mkdir()
        ours = write_kg(g, d / "kg.html")
        default = write_pyvis(g, d / "local", "local")
        inline = write_pyvis(g, d / "in_line", "in_line")
        with sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(
                str(d / "profile"), executable_path=CHROMIUM, args=ARGS, headless=True,
                viewport={"width": 1280, "height": 800})
            k = time_kg(ctx, d / "kg.html", a.timeout)
            pd = time_pyvis(ctx, d / "local" / "pyvis.html", a.timeout)
            pi = time_pyvis(ctx, d / "in_line" / "pyvis.html", a.timeout)
            small = []
            for n in (int(x) for x in a.small.split(",") if x):
                write_kg(news_like_graph(n, n * a.edges // a.nodes), d / f"kg{n}.html")
                small.append((n, time_kg(ctx, d / f"kg{n}.html", a.timeout)))
            ctx.close()
    t = a.timeout

    def row(name: str, *cells: str) -> None:
        print(f"{name:30}" + "".join(f"{c:>22}" for c in cells))

    print(f"graph: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges "
          f"({sum(1 for *_, kd in g.edges(data='kind') if kd == 'meeting'):,} meetings); "
          f"Chromium headless, network blocked")
    row("", "kg map", "pyvis default", "pyvis in_line")
    row("write HTML", *(f"{x['write_s']:.2f} s" for x in (ours, default, inline)))
    row("  of which layout (NumPy)", f"{ours['layout_s']:.2f} s", "-", "-")
    row("file size", f"{ours['bytes'] / 1e6:.2f} MB",
        f"{default['bytes'] / 1e6:.2f} MB+lib/ {default['lib_bytes'] / 1e6:.2f}",
        f"{inline['bytes'] / 1e6:.2f} MB")
    row("requests outside the file", *(str(x["outside"]) for x in (k, pd, pi)))
    row("first frame drawn", fmt(k["ready_s"]), fmt(pd["drawn_s"], timeout=t),
        fmt(pi["drawn_s"], timeout=t))
    row("stabilisation done", "(precomputed)", fmt(pd["iterations_s"], timeout=t),
        fmt(pi["iterations_s"], timeout=t))
    row("drawn and stable", fmt(k["ready_s"]), fmt(pd["stable_s"], timeout=t),
        fmt(pi["stable_s"], timeout=t))
    for name, x in (("pyvis default", pd), ("pyvis in_line", pi)):
        if not x["vis"]:
            print(f"{name}: vis-network never loaded (it comes from a CDN)")
        elif x["stable_s"] is None and x["progress"] is not None:
            print(f"{name}: stabilisation {x['progress']:.0%} done after {t:.0f} s")
    if k["ready_s"] is not None:
        print(f"kg: script starts {k['script_s']:.2f} s, network built {k['created_s']:.2f} s, "
              f"meetings-only filter {k['filter_ms']:.0f} ms, full redraw {k['redraw_ms']:.0f} ms")
    for n, x in small:
        print(f"kg, {n} nodes (browser physics from the NumPy layout): drawn and stable "
              f"{fmt(x['ready_s'], timeout=t)}")
    if k["ready_s"] and pi["stable_s"]:
        print(f"pyvis in_line stable / kg ready: {pi['stable_s'] / k['ready_s']:.1f}x")



# --- the real path: store -> to_networkx -> kg map -> Chromium ----------------------------

# The projection as it was before it read each fact in its own graph: every pattern joined
# over the union of all article graphs (kept here, and only here, as the baseline).
OLD_NODES = """PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX kg: <https://w3id.org/kg-news/vocab#>
SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?class)
       (GROUP_CONCAT(DISTINCT COALESCE(?alt, ""); SEPARATOR="\\u001f") AS ?aliases)
       (GROUP_CONCAT(DISTINCT COALESCE(?title, ""); SEPARATOR="\\u001f") AS ?titles)
WHERE {
  ?e rdfs:label ?l ; a ?c .
  VALUES ?c { schema:Person schema:Organization schema:Country schema:Place kg:Group
              schema:Event schema:Thing }
  OPTIONAL { ?e skos:altLabel ?alt }
  OPTIONAL { ?e schema:jobTitle ?title }
}
GROUP BY ?e"""
OLD_STATEMENTS = """PREFIX schema: <https://schema.org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX kg: <https://w3id.org/kg-news/vocab#>
SELECT ?st ?s ?o ?predicate ?relation ?confidence ?negated ?article ?sentence ?si
WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:object ?o ; rdf:predicate ?p ;
      kg:relationText ?relation ; kg:confidence ?confidence ; prov:wasDerivedFrom ?sent .
  ?s rdfs:label ?sl . ?o rdfs:label ?ol .
  ?p rdfs:label ?predicate .
  OPTIONAL { ?st kg:negated ?negated }
  ?sent schema:text ?sentence ; kg:sentenceIndex ?si ; schema:isPartOf ?art .
  ?art schema:identifier ?article .
}"""
OLD_MEETINGS = """PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX kg: <https://w3id.org/kg-news/vocab#>
SELECT ?m ?a ?status ?place ?time ?date ?trigger ?article ?sentence ?si
WHERE {
  ?m a kg:Meeting ; schema:attendee ?a ; kg:status ?st ; kg:trigger ?trigger ;
     prov:wasDerivedFrom ?sent .
  VALUES (?st ?status) { (kg:Happened "happened") (kg:Planned "planned") (kg:Negated "negated") }
  OPTIONAL { ?m kg:placeText ?place }
  OPTIONAL { ?m kg:timeText ?time }
  OPTIONAL { ?m schema:startDate ?date }
  ?sent schema:text ?sentence ; kg:sentenceIndex ?si ; schema:isPartOf ?art .
  ?art schema:identifier ?article .
}"""
# Run in a fresh process, so that peak RSS is the projection's own.
PROJECT = """import json, resource, sys, time
from kg.store import open_store
old = sys.argv[2] == "old"
with open_store(sys.argv[1], writable=False) as s:
    t, c = time.perf_counter(), time.process_time()
    if old:
        rows = [len(s.query(q).rows) for q in json.loads(sys.argv[3])]
        n, m = rows[0], rows[1]
    else:
        from kg.network.graph import to_networkx
        g = to_networkx(s)
        n, m = g.number_of_nodes(), g.number_of_edges()
    print(json.dumps({"wall": time.perf_counter() - t, "cpu": time.process_time() - c,
                      "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "nodes": n, "edges": m}))
"""


def project(store: Path, how: str, timeout: float) -> dict[str, Any] | None:
    """to_networkx (``new``) or the old union-graph queries (``old``) on ``store``."""
    cmd = [sys.executable, "-c", PROJECT, str(store), how,
           json.dumps([OLD_NODES, OLD_STATEMENTS, OLD_MEETINGS])]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def kg_map(store: Path, out: Path) -> dict[str, Any]:
    """``kg map`` end to end: wall time, peak RSS of the process, file size."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_common", ROOT / "benchmarks" / "_common.py")
    assert spec and spec.loader
    common = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(common)
    TreeRSS = common.TreeRSS  # noqa: N806

    kg = str(Path(sys.executable).with_name("kg"))
    t0 = time.perf_counter()
    proc = subprocess.Popen([kg, "map", "--store", str(store), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeRSS(proc.pid) as rss:
        stdout, stderr = proc.communicate()
    return {"wall": time.perf_counter() - t0, "rss": rss.peak_mb, "exit": proc.returncode,
            "bytes": out.stat().st_size if out.exists() else 0, "said": stdout.strip()}


def time_corpus_page(ctx: Any, path: Path, timeout: float) -> dict[str, Any]:
    """Ready time, then search for the least connected entity not drawn, expand and collapse
    the hub, and a time filter over the middle third of the days."""
    page, outside = open_page(ctx, path, None)
    ready = poll(page, "window.kg && window.kg.ready && window.kg.readyAt", timeout)
    res: dict[str, Any] = {"ready_s": ready / 1000 if ready else None, "outside": len(outside)}
    if ready:
        res.update(page.evaluate("""() => {
          const ms = f => {
            const t = performance.now(); const r = f(); return [performance.now() - t, r]; };
          const hub = kg.nodes.get().sort((a, b) => b.value - a.value)[0];
          const undrawn = kg.allNodes.filter(n => !kg.nodes.get(n.id));
          const out = {drawn: kg.nodes.length, entities: kg.allNodes.length};
          let [t, r] = ms(() => kg.expand(hub.id)); out.expand_ms = t; out.expanded = r;
          [t, r] = ms(() => kg.collapse(hub.id)); out.collapse_ms = t;
          if (undrawn.length) {
            [t, r] = ms(() => kg.search(undrawn[undrawn.length - 1].names[0]));
            out.search_undrawn_ms = t; out.found = r !== null; }
          [t, r] = ms(() => kg.setRange('1987-03-01', '1987-03-31'));
          out.range_ms = t; out.range_edges = r;
          kg.setRange(null);
          return out; }"""))
    page.close()
    return res


def real_path(stores: list[Path], timeout: float, baseline_timeout: float) -> None:
    from playwright.sync_api import sync_playwright

    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at start "
          f"(timings on a shared machine: CPU seconds say what an idle one would take)")
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(Path(tmp) / "profile"), executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport={"width": 1280, "height": 800})
        for store in stores:
            new = project(store, "new", 3600)
            old = project(store, "old", baseline_timeout) if baseline_timeout > 0 else None
            m = kg_map(store, Path(tmp) / f"{store.name}.html")
            page = time_corpus_page(ctx, Path(tmp) / f"{store.name}.html", timeout)
            rows.append((store.name, new, old, m, page))
            print(f"{store.name}: to_networkx {new}; baseline {old or 'timed out'}; "
                  f"kg map {m}; page {page}", flush=True)
        ctx.close()
    print()
    print(f"{'store':14}{'nodes':>8}{'edges':>8}{'to_nx wall':>11}{'cpu':>7}{'rss MB':>8}"
          f"{'old (union)':>14}{'kg map':>8}{'rss MB':>8}{'MB file':>8}{'page ready':>11}")
    for name, new, old, m, page in rows:
        base = (f"{old['wall']:.1f} s" if old else f"> {baseline_timeout:.0f} s")
        ready = page.get("ready_s")
        print(f"{name:14}{new['nodes']:>8,}{new['edges']:>8,}{new['wall']:>9.1f} s"
              f"{new['cpu']:>5.1f} s{new['rss']:>8.0f}{base:>14}{m['wall']:>6.1f} s"
              f"{m['rss']:>8.0f}{m['bytes'] / 1e6:>8.1f}"
              f"{(f'{ready:.2f} s' if ready else 'never'):>11}")
        if old:
            print(f"  union-graph baseline / to_networkx: {old['wall'] / new['wall']:.0f}x")
        elif baseline_timeout > new["wall"]:
            print(f"  union-graph baseline / to_networkx: > {baseline_timeout / new['wall']:.0f}x")
        else:
            print(f"  union-graph baseline stopped at {baseline_timeout:.0f} s, before an answer")
    first = rows[0]
    for name, new, _, m, _page in rows[1:]:
        k = new["edges"] / max(first[1]["edges"], 1)
        print(f"growth {first[0]} -> {name}: edges x{k:.1f}, to_networkx cpu "
              f"x{new['cpu'] / max(first[1]['cpu'], 1e-9):.1f}, rss x"
              f"{new['rss'] / first[1]['rss']:.1f}, kg map x{m['wall'] / first[3]['wall']:.1f}, "
              f"file x{m['bytes'] / max(first[3]['bytes'], 1):.1f}")


if __name__ == "__main__":
    main()
