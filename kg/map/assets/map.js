// kg map viewer. Every piece of text from the data goes into the page with textContent or
// as a vis-network label/title (drawn on canvas / set with innerText): never parsed as HTML.
(function () {
  "use strict";
  var startedAt = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var byId = new Map();
  // A corpus map draws a first view and carries every other entity and edge, compact
  // (kg/map/corpus.py): unpacked here into the same objects as the drawn ones.
  var more = data.more || null, allNodes = data.nodes.slice(), allEdges = data.edges.slice();
  if (more) {
    more.nodes.forEach(function (r) {
      var n = {id: more.base + r[0], label: r[1], type: r[2], value: r[3]};
      if (r[4]) n.names = r[4];
      if (r[5]) n.titles = r[5];
      allNodes.push(n);
    });
    more.rel.forEach(function (r, i) {
      var rel = more.str[r[2]], relation = more.str[r[3]];
      var e = {id: "x" + i, from: allNodes[r[0]].id, to: allNodes[r[1]].id, kind: "relation",
               rel: rel, relation: relation, article: more.str[r[4]], si: r[5], sentence: more.sent[r[6]]};
      if (r[7] !== null) e.confidence = r[7];
      if (rel !== relation) e.predicate = rel;
      if (r[8]) e.published = more.str[r[8]];
      if (r[9]) e.negated = true;
      allEdges.push(e);
    });
    more.meet.forEach(function (e) { allEdges.push(e); });
  }
  // The data is compact: looks, tooltips and defaults are filled in here.
  allNodes.forEach(function (n) {
    var s = data.styles[n.type] || data.styles.other;
    n.names = n.names || [n.label]; n.titles = n.titles || [];
    n.shape = s.shape;
    n.color = {background: s.color, border: "#333333", highlight: {background: s.color, border: "#000000"},
               hover: {background: s.color, border: "#000000"}};
    n.title = n.label + " (" + [n.type].concat(n.titles).join(", ") + ") · " + n.value + " links";
    byId.set(n.id, n);
  });
  // Each edge's interval for the time filter: its own start/end, else its day.
  var adj = new Map(), days = new Set();
  allEdges.forEach(function (e) {
    e.label = e.relation; e.thr = e.thr || data.edgeThreshold;
    e.title = e.relation + "\n“" + e.sentence + "”\n— " + e.article;
    e.d0 = e.start || (e.kind === "meeting" ? e.date : e.published) || null;
    e.d1 = e.end || e.d0;
    if (e.d0) { days.add(e.d0); days.add(e.d1); }
    if (e.weight > 1) e.width = Math.min(10, (e.width || 1) + Math.log2(e.weight));
    [e.from, e.to].forEach(function (id) { if (!adj.has(id)) adj.set(id, []); adj.get(id).push(e); });
  });
  days = Array.from(days).sort();
  var hiddenTypes = new Set(), hiddenRels = new Set(), linked = null, range = null;
  var drawnIds = new Set(data.nodes.map(function (n) { return n.id; }));
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(more ? allEdges.filter(function (e) {
    return drawnIds.has(e.from) && drawnIds.has(e.to); }) : data.edges);

  function inRange(e) { return range === null || (e.d0 !== null && e.d0 <= range[1] && e.d1 >= range[0]); }
  function edgeShown(e) {
    return !hiddenRels.has(e.rel) && !hiddenTypes.has(byId.get(e.from).type) &&
      !hiddenTypes.has(byId.get(e.to).type) && inRange(e);
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
    if (more) {
      $("status").textContent = "drawn: " + nv.toLocaleString("en") + " of " + allNodes.length.toLocaleString("en") +
        " entities, " + ev.toLocaleString("en") + " of " + allEdges.length.toLocaleString("en") + " edges";
      return;
    }
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
    if (hiddenRels.size || range !== null) {
      linked = new Set();
      edges.forEach(function (e) { if (edgeShown(e)) { linked.add(e.from); linked.add(e.to); } });
    } else { linked = null; }
    nodeView.refresh(); edgeView.refresh(); status(); fitBar();
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
  allNodes.forEach(function (n) { n.names.forEach(function (x) { names.push([norm(x), n]); }); });
  var dl = $("names");
  function suggest(list) {
    var seen = new Set(); dl.textContent = "";
    list.forEach(function (p) { var x = p[1].names[0]; if (!seen.has(x)) { seen.add(x); var o = el("option"); o.value = x; dl.appendChild(o); } });
  }
  if (!more) suggest(names);
  else $("search").addEventListener("input", function (ev) {
    // Thousands of options would slow typing: offer the 30 best-connected matches.
    var q = norm(ev.target.value);
    suggest(q.length < 2 ? [] : names.filter(function (p) { return p[0].indexOf(q) >= 0; })
      .sort(function (a, b) { return b[1].value - a[1].value; }).slice(0, 30));
  });
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
    if (!nodes.get(n.id)) bringIn(n.id);
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
    var facts = more ? (adj.get(id) || []).slice() : edges.get({filter: function (e) { return e.from === id || e.to === id; }});
    facts.sort(function (a, b) { return (b.kind === "meeting") - (a.kind === "meeting") || a.article.localeCompare(b.article) || a.si - b.si; });
    if (more) expandButtons(id);
    panel.appendChild(el("h4", plural(facts.length, "fact")));
    if (facts.length > FACTS_SHOWN) panel.appendChild(el("div", "the first " + FACTS_SHOWN + " are listed", "meta"));
    facts.slice(0, FACTS_SHOWN).forEach(function (e) {
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
    if (!byId.has(e.from) || !byId.has(e.to)) return;
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
    if (p.nodes.length) {
      if (more && !expanded.has(p.nodes[0])) kg.expand(p.nodes[0]);
      showNode(p.nodes[0]); return;
    }
    if (p.edges.length) { showEdge(p.edges[0]); return; }
    panel.style.display = "none";
  });

  // --- a corpus map: bring entities in (search, expand) and take them out again (collapse).
  var FACTS_SHOWN = 200, EXPAND_MAX = 40;
  var base = new Set(data.nodes.map(function (n) { return n.id; })), expanded = new Map();
  function hiddenNeighbours(id) {
    var seen = new Set(), out = [];
    (adj.get(id) || []).forEach(function (e) {
      var o = e.from === id ? e.to : e.from;
      if (!seen.has(o) && !nodes.get(o)) { seen.add(o); out.push(byId.get(o)); }
    });
    return out.sort(function (a, b) { return b.value - a.value || a.label.localeCompare(b.label); });
  }
  // New nodes go on a ring around where they connect, so nothing jumps and no physics runs.
  function place(ids, at) {
    var r = 90 + 12 * Math.sqrt(ids.length);
    nodes.add(ids.map(function (id, i) {
      var a = 2 * Math.PI * i / Math.max(ids.length, 1);
      var n = byId.get(id);
      n.x = at.x + r * Math.cos(a); n.y = at.y + r * Math.sin(a);
      return n;
    }));
    var add = new Map();
    ids.forEach(function (id) {
      (adj.get(id) || []).forEach(function (e) { if (!edges.get(e.id) && nodes.get(e.from) && nodes.get(e.to)) add.set(e.id, e); });
    });
    edges.add(Array.from(add.values()));
  }
  function anchorOf(id) {
    var near = (adj.get(id) || []).map(function (e) { return e.from === id ? e.to : e.from; })
      .filter(function (o) { return nodes.get(o); });
    if (!near.length) return net.getViewPosition();
    var p = net.getPositions(near.slice(0, 20)), xs = Object.keys(p);
    var c = xs.reduce(function (s, k) { return {x: s.x + p[k].x / xs.length, y: s.y + p[k].y / xs.length}; }, {x: 0, y: 0});
    return {x: c.x + 60, y: c.y + 60};
  }
  function bringIn(id) {
    if (nodes.get(id)) return;
    place([id], anchorOf(id)); base.add(id);
    kg.expand(id);
  }
  kg.expand = function (id) {
    var add = hiddenNeighbours(id).slice(0, EXPAND_MAX).map(function (n) { return n.id; });
    if (!add.length) return 0;
    var at = net.getPositions([id])[id] || net.getViewPosition();
    place(add, at);
    expanded.set(id, (expanded.get(id) || []).concat(add));
    status(); return add.length;
  };
  kg.collapse = function (id) {
    var gone = [];
    (function drop(x) {
      (expanded.get(x) || []).forEach(function (y) {
        if (!base.has(y) && nodes.get(y)) { drop(y); gone.push(y); }
      });
      expanded.delete(x);
    })(id);
    var set = new Set(gone);
    edges.remove(edges.getIds({filter: function (e) { return set.has(e.from) || set.has(e.to); }}));
    nodes.remove(gone);
    status(); return gone.length;
  };
  kg.hiddenNeighbours = function (id) { return hiddenNeighbours(id).length; };
  kg.allNodes = allNodes;
  function expandButtons(id) {
    var box = el("div", null, "meta"), left = hiddenNeighbours(id).length;
    if (left) {
      var b = el("button", left > EXPAND_MAX ? "show " + EXPAND_MAX + " more of " + plural(left, "undrawn neighbour")
        : "show its " + plural(left, "undrawn neighbour"), "expand");
      b.type = "button"; b.addEventListener("click", function () { kg.expand(id); showNode(id); });
      box.appendChild(b);
    }
    if (expanded.has(id)) {
      var c = el("button", "hide the neighbours it brought in", "collapse");
      c.type = "button"; c.addEventListener("click", function () { kg.collapse(id); showNode(id); });
      box.appendChild(c);
    }
    if (box.childNodes.length) panel.appendChild(box);
  }
  // Time filter: a range over the days of meetings and articles (edges without a day are
  // hidden while a range is set).
  kg.setRange = function (from, to) {
    range = (from === null || from === undefined) ? null : [String(from), String(to)];
    if (days.length > 1) {
      $("t0").value = range ? lowerIndex(range[0]) : 0;
      $("t1").value = range ? upperIndex(range[1]) : days.length - 1;
    }
    timeLabel(); refresh(); return edgeView.length;
  };
  function lowerIndex(d) { var i = days.findIndex(function (x) { return x >= d; }); return i < 0 ? days.length - 1 : i; }
  function upperIndex(d) { for (var i = days.length - 1; i >= 0; i--) if (days[i] <= d) return i; return 0; }
  function timeLabel() {
    if (days.length > 1) $("t-label").textContent = range ? range[0] + " – " + range[1] : "all dates (" + days[0] + " – " + days[days.length - 1] + ")";
  }
  if (days.length > 1) {
    $("time").hidden = false;
    ["t0", "t1"].forEach(function (k) { $(k).max = days.length - 1; });
    $("t1").value = days.length - 1; timeLabel();
    var onSlide = function () {
      var a = +$("t0").value, b = +$("t1").value;
      if (a > b) { if (this.id === "t0") $("t1").value = a; else $("t0").value = b; a = +$("t0").value; b = +$("t1").value; }
      range = (a === 0 && b === days.length - 1) ? null : [days[a], days[b]];
      timeLabel(); refresh();
    };
    $("t0").addEventListener("input", onSlide); $("t1").addEventListener("input", onSlide);
  }

  // The toolbar wraps on narrow windows (or with the dates slider): the map and the panel
  // start below it.
  function fitBar() {
    var h = $("bar").offsetHeight + "px";
    if ($("net").style.top !== h) { $("net").style.top = h; $("panel").style.top = h; }
  }
  fitBar(); window.addEventListener("resize", fitBar);

  function ready() {
    if (kg.ready) return;
    kg.ready = window.kgReady = true; kg.readyAt = performance.now();
    status(); fitBar();
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
