// kg map viewer. Every piece of text from the data goes into the page with textContent or
// as a vis-network label/title (drawn on canvas / set with innerText): never parsed as HTML.
(function () {
  "use strict";
  var startedAt = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var byId = new Map();
  // The data is compact: looks, tooltips and defaults are filled in here.
  data.nodes.forEach(function (n) {
    var s = data.styles[n.type] || data.styles.other;
    n.names = n.names || [n.label]; n.titles = n.titles || [];
    n.shape = s.shape;
    n.color = {background: s.color, border: "#333333", highlight: {background: s.color, border: "#000000"},
               hover: {background: s.color, border: "#000000"}};
    n.title = n.label + " (" + [n.type].concat(n.titles).join(", ") + ") · " + n.value + " links";
    byId.set(n.id, n);
  });
  data.edges.forEach(function (e) {
    e.label = e.relation; e.thr = e.thr || data.edgeThreshold;
    e.title = e.relation + "\n“" + e.sentence + "”\n— " + e.article;
  });
  var hiddenTypes = new Set(), hiddenRels = new Set(), linked = null;
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);

  function edgeShown(e) {
    return !hiddenRels.has(e.rel) && !hiddenTypes.has(byId.get(e.from).type) &&
      !hiddenTypes.has(byId.get(e.to).type);
  }
  // When relations are filtered, entities left with no visible edge are hidden too.
  var nodeView = new vis.DataView(nodes, {filter: function (n) {
    return !hiddenTypes.has(n.type) && (linked === null || linked.has(n.id));
  }});
  var edgeView = new vis.DataView(edges, {filter: edgeShown});
  var net = new vis.Network($("net"), {nodes: nodeView, edges: edgeView}, data.options);
  var kg = {ready: false, startedAt: startedAt, createdAt: performance.now(), network: net, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView};
  window.kg = kg; window.kgNetwork = net; window.kgNodes = nodes; window.kgEdges = edges; window.kgReady = false;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function plural(n, word) { return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s"); }
  function status() {
    var nv = nodeView.length, ev = edgeView.length, nt = data.nodes.length, et = data.edges.length;
    $("status").textContent = (nv === nt && ev === et)
      ? plural(nt, "entity").replace("entitys", "entities") + " · " + plural(et, "edge") + " · " + plural(data.meetings, "meeting")
      : "showing " + nv.toLocaleString("en") + " of " + nt.toLocaleString("en") + " entities, " +
        ev.toLocaleString("en") + " of " + et.toLocaleString("en") + " edges";
  }
  // Nodes shown again by a filter come back where they were: the DataSet keeps every node's
  // position (precomputed, or saved after stabilising), updated when a node is dragged.
  function savePositions(ids) {
    var p = net.getPositions(ids);
    nodes.update(Object.keys(p).map(function (id) { return {id: id, x: p[id].x, y: p[id].y}; }));
  }
  net.on("dragEnd", function (p) { if (p.nodes.length) savePositions(p.nodes); });
  function refresh() {
    if (hiddenRels.size) {
      linked = new Set();
      edges.forEach(function (e) { if (edgeShown(e)) { linked.add(e.from); linked.add(e.to); } });
    } else { linked = null; }
    nodeView.refresh(); edgeView.refresh(); status();
    $("only-meetings").checked = data.relations.every(function (r) { return (r.key === "meeting") !== hiddenRels.has(r.key); }) && hiddenRels.size > 0;
    document.querySelectorAll("#rel-list input").forEach(function (b) { b.checked = !hiddenRels.has(b.value); });
  }

  // Legend: one checkbox per entity type (shape and colour as on the map).
  data.legend.forEach(function (t) {
    var lab = el("label"), box = el("input"), g = el("span", t.glyph, "g");
    box.type = "checkbox"; box.checked = true; box.value = t.type; g.style.color = t.color;
    box.addEventListener("change", function () { if (box.checked) hiddenTypes.delete(t.type); else hiddenTypes.add(t.type); refresh(); });
    lab.append(box, g, el("span", t.type), el("span", "(" + t.count + ")", "n"));
    $("types").appendChild(lab);
  });
  data.relations.forEach(function (r) {
    var lab = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = r.key;
    box.addEventListener("change", function () { if (box.checked) hiddenRels.delete(r.key); else hiddenRels.add(r.key); refresh(); });
    lab.append(box, el("span", r.label), el("span", r.count, "n"));
    $("rel-list").appendChild(lab);
  });
  function setRelations(keep) {
    hiddenRels = new Set(data.relations.map(function (r) { return r.key; }).filter(function (k) { return !keep(k); }));
    refresh();
  }
  $("rels-all").addEventListener("click", function () { setRelations(function () { return true; }); });
  $("rels-none").addEventListener("click", function () { setRelations(function () { return false; }); });
  $("only-meetings").addEventListener("change", function (ev) { kg.meetingsOnly(ev.target.checked); });
  data.notes.forEach(function (n) { $("notes").appendChild(el("div", n)); });

  kg.meetingsOnly = function (on) { setRelations(function (k) { return !on || k === "meeting"; }); return edgeView.length; };
  kg.showType = function (type, on) { if (on) hiddenTypes.delete(type); else hiddenTypes.add(type); refresh(); return nodeView.length; };
  kg.showRelation = function (key, on) { if (on) hiddenRels.delete(key); else hiddenRels.add(key); refresh(); return edgeView.length; };
  kg.visibleEdges = function () { return edgeView.get(); };
  kg.visibleNodes = function () { return nodeView.get(); };
  window.kgVisibleEdges = function () { return edgeView.length; };

  // Search by any name (label or alias), ignoring case and accents: exact, then prefix, then substring.
  function norm(s) { return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim(); }
  var names = [];
  data.nodes.forEach(function (n) { n.names.forEach(function (x) { names.push([norm(x), n]); }); });
  var dl = $("names"), seen = new Set();
  names.forEach(function (p) { var x = p[1].names[0]; if (!seen.has(x)) { seen.add(x); var o = el("option"); o.value = x; dl.appendChild(o); } });
  function find(q) {
    q = norm(q); if (!q) return null;
    var tests = [function (x) { return x === q; }, function (x) { return x.startsWith(q); }, function (x) { return x.indexOf(q) >= 0; }];
    for (var i = 0; i < tests.length; i++) {
      var hits = names.filter(function (p) { return tests[i](p[0]); });
      if (hits.length) { hits.sort(function (a, b) { return b[1].value - a[1].value; }); return hits[0][1]; }
    }
    return null;
  }
  kg.search = function (q) {
    var n = find(q);
    if (!n) { $("status").textContent = "no entity matches “" + q + "”"; return null; }
    if (!nodeView.get(n.id)) { $("status").textContent = n.label + " is hidden by a filter"; return null; }
    net.selectNodes([n.id]);
    net.focus(n.id, {scale: Math.max(net.getScale(), 1.2), animation: {duration: 300, easingFunction: "easeInOutQuad"}});
    showNode(n.id);
    return n.id;
  };
  window.kgSearch = kg.search;
  $("search").addEventListener("change", function (ev) { kg.search(ev.target.value); });
  $("search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") kg.search(ev.target.value); });

  // Side panel: an entity's facts, or one edge's provenance; all text via textContent.
  var panel = $("panel");
  function openPanel(title, meta) {
    panel.textContent = ""; panel.style.display = "block";
    var close = el("button", "×", "close"); close.type = "button"; close.setAttribute("aria-label", "close");
    close.addEventListener("click", function () { panel.style.display = "none"; net.unselectAll(); });
    panel.append(close, el("h2", title));
    if (meta) panel.appendChild(el("div", meta, "meta"));
  }
  function who(id) {
    var b = el("button", byId.get(id).label, "who"); b.type = "button";
    b.addEventListener("click", function () { kg.search(byId.get(id).names[0]); });
    return b;
  }
  function meetingLine(e) {
    return [e.status, e.time, e.date, e.place ? "in " + e.place : ""].filter(Boolean).join(" · ");
  }
  function source(box, e) {
    box.appendChild(el("div", "“" + e.sentence + "”", "src"));
    box.appendChild(el("div", "article " + e.article + " · sentence " + e.si +
      (e.confidence !== null && e.confidence !== undefined ? " · confidence " + e.confidence : ""), "prov"));
  }
  function showNode(id) {
    var n = byId.get(id); if (!n) return;
    openPanel(n.label, [n.type].concat(n.titles).join(" · "));
    if (n.names.length > 1) panel.appendChild(el("div", "also called: " + n.names.slice(1).join("; "), "meta"));
    var facts = edges.get({filter: function (e) { return e.from === id || e.to === id; }});
    facts.sort(function (a, b) { return (b.kind === "meeting") - (a.kind === "meeting") || a.article.localeCompare(b.article) || a.si - b.si; });
    panel.appendChild(el("h4", plural(facts.length, "fact")));
    facts.forEach(function (e) {
      var f = el("div", null, "fact" + (e.kind === "meeting" ? " meeting" : "")), line = el("div");
      if (e.kind === "meeting") {
        line.append(el("span", "meeting", "rel"), " with ", who(e.from === id ? e.to : e.from));
        f.append(line, el("div", meetingLine(e), "meta"));
      } else {
        line.append(e.from === id ? el("b", n.label) : who(e.from), " ", el("span", e.relation, "rel"), " ",
          e.to === id ? el("b", n.label) : who(e.to));
        f.appendChild(line);
      }
      source(f, e); panel.appendChild(f);
    });
  }
  function showEdge(id) {
    var e = edges.get(id); if (!e) return;
    openPanel(e.kind === "meeting" ? "Meeting" : e.relation, byId.get(e.from).label + (e.kind === "meeting" ? " and " : " → ") + byId.get(e.to).label);
    var f = el("div", null, "fact" + (e.kind === "meeting" ? " meeting" : ""));
    if (e.kind === "meeting") f.appendChild(el("div", meetingLine(e), "rel"));
    else f.appendChild(el("div", "relation: " + e.relation + (e.predicate && e.predicate !== e.relation ? " (" + e.predicate + ")" : "") + (e.negated ? " · negated" : ""), "meta"));
    panel.appendChild(el("h4", "Provenance"));
    source(f, e); panel.appendChild(f);
  }
  kg.showNode = showNode; kg.showEdge = showEdge;

  // Edge labels stay hidden until zoomed in (vis drawThreshold) or while hovered or selected.
  var labelled = new Set();
  function label(ids) {
    var want = new Set(ids), upd = [];
    labelled.forEach(function (id) { var e = edges.get(id); if (!want.has(id) && e) upd.push({id: id, scaling: {label: {drawThreshold: e.thr}}}); });
    want.forEach(function (id) { if (!labelled.has(id)) upd.push({id: id, scaling: {label: {drawThreshold: 0}}}); });
    labelled = want; if (upd.length) edges.update(upd);
  }
  var hovered = null;
  net.on("hoverEdge", function (p) { hovered = p.edge; label(net.getSelectedEdges().concat([hovered])); });
  net.on("blurEdge", function () { hovered = null; label(net.getSelectedEdges()); });
  net.on("select", function (p) { label(p.edges.concat(hovered ? [hovered] : [])); });
  kg.edgeLabelVisible = function (id) { var e = net.body.edges[id]; return !!(e && e.labelModule.visible()); };

  net.on("click", function (p) {
    if (p.nodes.length) { showNode(p.nodes[0]); return; }
    if (p.edges.length) { showEdge(p.edges[0]); return; }
    panel.style.display = "none";
  });

  function ready() {
    if (kg.ready) return;
    kg.ready = window.kgReady = true; kg.readyAt = performance.now();
    status();
    document.documentElement.setAttribute("data-kg-ready", "1");
    if (data.focus !== null && byId.has(data.focus)) kg.search(byId.get(data.focus).names[0]);
  }
  if (!data.nodes.length) {
    setTimeout(ready, 0);  // nothing to draw or stabilise
  } else if (data.options.physics.enabled) {
    net.once("stabilizationIterationsDone", function () {
      net.setOptions({physics: {enabled: false}});
      savePositions();
      net.once("afterDrawing", ready); net.redraw();
    });
  } else {
    net.once("afterDrawing", ready);
  }
})();
