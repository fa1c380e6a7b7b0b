/* The kg explorer: search, filters, neighbourhood highlight and a details panel over vis-network.
 *
 * Every string from the graph (labels, headlines, sentences) reaches the document through textContent or
 * as a plain-text vis-network tooltip, never as markup: the news text may contain anything.
 * Positions come from Python (kg/explore/html.py); physics stays off, so the picture does not move under you.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var E = data.entities, L = data.links, A = data.articles;
  var status = document.getElementById("kg-status");
  var SVG = "http://www.w3.org/2000/svg";
  var MAX_LIST = 12;  // items shown before a "more" button in the panel

  // ---- indexes ----------------------------------------------------------------------------------------
  var linksOf = E.map(function () { return []; });
  L.forEach(function (link, k) { linksOf[link.from].push(k); linksOf[link.to].push(k); });
  var mentionedIn = A.map(function () { return []; });
  E.forEach(function (e, i) { (e.mentions || []).forEach(function (a) { mentionedIn[a].push(i); }); });
  var drawn = E.map(function (e) { return e.x !== undefined; });
  var degree = linksOf.map(function (ks) { return ks.length; });
  // Size and rank go by the relations drawn from the start (not "位于", off at first): kg/explore/html.py weights().
  var weight = linksOf.map(function (ks) {
    return ks.filter(function (k) {
      return L[k].facts.some(function (f) { return !data.relations[f.rel].background; });
    }).length;
  });
  var nDrawn = drawn.filter(Boolean).length;
  var focus = null;  // {nodes: [...], edges: [...]}: the neighbourhood a selection brings forward
  var big = nDrawn > 1500;

  // Node radius and font size grow with the square root of the degree: the formula of kg/explore/html.py sizes().
  var topWeight = Math.max.apply(null, [1].concat(weight));
  function sizeOf(i) {
    var t = Math.sqrt(Math.min(1, Math.max(0, (weight[i] - 1) / Math.max(topWeight - 1, 1))));
    return {radius: 9 + 15 * t, font: 13 + 5 * t};
  }

  // ---- small DOM helpers: text only --------------------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function append(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return parent;
  }

  // A legend swatch drawn like the vis-network shape (viewBox 0 0 20 20).
  var SHAPES = {
    dot: ["circle", {cx: 10, cy: 10, r: 7}],
    square: ["rect", {x: 3, y: 3, width: 14, height: 14}],
    diamond: ["polygon", {points: "10,1 19,10 10,19 1,10"}],
    triangle: ["polygon", {points: "10,2 19,18 1,18"}],
    triangleDown: ["polygon", {points: "1,2 19,2 10,18"}],
    star: ["polygon", {points: "10,1 12.6,7.2 19,7.6 14,11.8 15.6,18.4 10,14.8 4.4,18.4 6,11.8 1,7.6 7.4,7.2"}],
    hexagon: ["polygon", {points: "5,2 15,2 19.5,10 15,18 5,18 0.5,10"}]
  };
  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function typeSwatch(type) {
    var svg = svgEl("svg", {viewBox: "0 0 20 20", "class": "kg-swatch", "aria-hidden": "true"});
    var shape = SHAPES[type.shape] || SHAPES.dot;
    var attrs = Object.assign({fill: type.color}, shape[1]);
    svg.appendChild(svgEl(shape[0], attrs));
    return svg;
  }
  function relationSwatch(rel) {
    var svg = svgEl("svg", {viewBox: "0 0 20 20", "class": "kg-swatch", "aria-hidden": "true"});
    var attrs = {x1: 1, y1: 10, x2: 19, y2: 10, stroke: rel.color, "stroke-width": 2.2};
    if (rel.dashes) { attrs["stroke-dasharray"] = "4 3"; }
    svg.appendChild(svgEl("line", attrs));
    return svg;
  }

  // ---- what vis-network draws --------------------------------------------------------------------------
  function typeOf(i) { return data.types[E[i].type]; }

  function postsOf(i) {  // "部长 @ 中共聊城市委宣传部" for each post a person holds
    var posts = [];
    linksOf[i].forEach(function (k) {
      if (L[k].from !== i) { return; }
      L[k].facts.forEach(function (f) {
        if (data.relations[f.rel].key === "post") { posts.push(f.label + " @ " + E[L[k].to].label); }
      });
    });
    return posts;
  }

  function nodeTip(i) {
    var e = E[i], lines = [e.label + " · " + data.kinds[e.kind]];
    if (e.alt) { lines.push("别名：" + e.alt.join("、")); }
    var posts = postsOf(i);
    if (posts.length) {
      lines.push("职务：" + posts.slice(0, 4).join("；") + (posts.length > 4 ? "；等 " + posts.length + " 项" : ""));
    }
    if (e.mentions) { lines.push("见于 " + e.mentions.length + " 篇报道"); }
    lines.push("点击查看详情");
    return lines.join("\n");
  }

  function linkLabel(link) {
    var labels = [];
    link.facts.forEach(function (f) { if (labels.indexOf(f.label) < 0) { labels.push(f.label); } });
    return labels.join("、");
  }

  function linkTip(link) {
    var lines = [E[link.from].label + " → " + E[link.to].label + "：" + linkLabel(link)];
    var shown = 0;
    link.facts.forEach(function (f) {
      f.evidence.forEach(function (ev) {
        if (shown++ < 2 && ev[0]) { lines.push("“" + ev[0] + "”"); }
      });
    });
    lines.push("点击查看出处");
    return lines.join("\n");
  }

  function linkRelation(link) { return data.relations[link.facts[0].rel]; }

  function baseNode(i) {
    var t = typeOf(i);
    return {
      id: i, label: E[i].label, x: E[i].x, y: E[i].y, shape: t.shape, size: sizeOf(i).radius,
      color: {background: t.color, border: t.color, highlight: {background: t.color, border: "#111"},
              hover: {background: t.color, border: "#333"}},
      font: {color: "#222", size: sizeOf(i).font}, title: nodeTip(i), hidden: false
    };
  }

  function baseEdge(k) {
    var link = L[k], rel = linkRelation(link);
    return {
      id: k, from: link.from, to: link.to, label: linkLabel(link), title: linkTip(link),
      color: {color: rel.color, highlight: "#1d3f63", hover: rel.color, opacity: big ? 1 : 0.75},
      dashes: rel.dashes, font: {color: "#555"}, hidden: false
    };
  }

  var nodes = new vis.DataSet(E.map(function (e, i) { return i; }).filter(function (i) {
    return drawn[i];
  }).map(baseNode));
  var edges = new vis.DataSet(L.map(function (link, k) { return baseEdge(k); }));

  var options = {
    autoResize: true,
    physics: false,
    layout: {improvedLayout: false},
    nodes: {
      borderWidth: 1, borderWidthSelected: 3,
      font: {face: data.font, size: 13, strokeWidth: 3, strokeColor: "#ffffff"},
      // vis-network draws a name from 11 px on screen (drawThreshold - 1); smaller, see writeNames().
      scaling: {label: {drawThreshold: 12, maxVisible: 24}}
    },
    edges: {
      width: 1.1, selectionWidth: 1.5, hoverWidth: 0.6,
      // On a big graph arrows would double the time a frame takes; the panel says which way a relation goes.
      arrows: {to: {enabled: !big, scaleFactor: 0.4}},
      font: {face: data.font, size: 11, strokeWidth: 3, strokeColor: "#ffffff", align: "middle"},
      // Straight lines on a big graph: curves cost more to draw than they add.
      smooth: big ? false : {enabled: true, type: "curvedCW", roundness: 0.08},
      scaling: {label: {drawThreshold: 9}}
    },
    interaction: {
      hover: true, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
      navigationButtons: false, keyboard: false, multiselect: false
    }
  };

  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);

  // ---- names when zoomed out ------------------------------------------------------------------------------
  // vis-network draws a name only once it is at least 11 px on screen (drawThreshold below). Further out,
  // the names are written here at a readable size, most connected first, leaving out any that would cover
  // one already written: zooming in makes room for more, until vis-network takes over.
  var VIS_MIN_PX = 11, MAX_NAMES = 150;
  var byWeight = E.map(function (e, i) { return i; }).filter(function (i) { return drawn[i]; })
    .sort(function (a, b) { return weight[b] - weight[a] || a - b; });
  var nameWidth = {};  // label width at 100 px, measured once
  var namesWritten = [];  // the boxes of the names written in the last frame, in canvas units

  function measuredName(ctx, i) {
    if (nameWidth[i] === undefined) {
      ctx.font = "100px " + data.font;
      nameWidth[i] = ctx.measureText(E[i].label).width;
    }
    return nameWidth[i];
  }

  function namePx(i) { return 11 + (sizeOf(i).font - 13) * 0.4; }  // 11 to 13 px on screen

  function writeNames(ctx, ids) {
    var scale = network.getScale();
    var a = network.DOMtoCanvas({x: 0, y: 0});
    var b = network.DOMtoCanvas({x: container.clientWidth, y: container.clientHeight});
    var taken = [], written = 0;
    namesWritten = taken;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = "#ffffff";
    ctx.fillStyle = "#222222";
    for (var n = 0; n < ids.length && written < MAX_NAMES; n++) {
      var i = ids[n], size = sizeOf(i);
      if (size.font * scale >= VIS_MIN_PX || hiddenNow.nodes[i]) { continue; }
      var at = network.getPosition(i);
      if (at.x < a.x || at.x > b.x || at.y < a.y || at.y > b.y) { continue; }
      var px = namePx(i) / scale;
      var w = measuredName(ctx, i) * px / 100, y = at.y + size.radius + 3 / scale;
      var box = [at.x - w / 2, y, at.x + w / 2, y + px * 1.15];
      if (taken.some(function (t) { return box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]; })) {
        continue;
      }
      taken.push(box);
      written++;
      ctx.font = px + "px " + data.font;
      ctx.strokeText(E[i].label, at.x, y);
      ctx.fillText(E[i].label, at.x, y);
    }
  }

  network.on("afterDrawing", function (ctx) {
    if (focus) {
      drawFocus(ctx);
      writeNames(ctx, focus.nodes);
    } else {
      writeNames(ctx, byWeight);
    }
  });

  // ---- filters -------------------------------------------------------------------------------------------
  var typeOn = data.types.map(function () { return true; });
  var relationOn = data.relations.map(function (rel) { return !rel.background; });
  var revealed = {};  // entities shown on demand (not drawn at first): id -> true
  var comention = new vis.DataSet();  // their "mentioned together" edges, ids "c<i>-<j>"
  var forced = null;  // the selected node stays visible whatever the filters say

  function edgeVisible(k) {
    var link = L[k];
    return link.facts.some(function (f) { return relationOn[f.rel]; }) &&
      typeOn[E[link.from].type] && typeOn[E[link.to].type];
  }

  var hiddenNow = {nodes: {}, edges: {}};  // what is hidden at present, so that only changes are sent

  function applyFilters() {
    var nodeShown = {}, nodeUpdates = [], edgeUpdates = [], visible = 0;
    L.forEach(function (link, k) {
      var hide = !edgeVisible(k);
      if (!hide) { nodeShown[link.from] = nodeShown[link.to] = true; }
      if (hide !== !!hiddenNow.edges[k]) { edgeUpdates.push({id: k, hidden: hide}); hiddenNow.edges[k] = hide; }
    });
    nodes.getIds().forEach(function (i) {
      // A node whose relations are all filtered out goes too, rather than float alone; one with no
      // relation at all (shown on demand) stays while its type is on.
      var hide = !(typeOn[E[i].type] && (nodeShown[i] || degree[i] === 0) || i === forced);
      if (hide !== !!hiddenNow.nodes[i]) { nodeUpdates.push({id: i, hidden: hide}); hiddenNow.nodes[i] = hide; }
      if (!hide) { visible++; }
    });
    // Updating thousands of items costs vis-network a few hundred ms: send only the ones that change.
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    document.body.setAttribute("data-kg-visible", visible);
  }

  function filterRow(parent, item, swatch, count, checked, onChange) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () {
      label.classList.toggle("kg-off", !box.checked);
      onChange(box.checked);
    });
    label.setAttribute("data-key", item.key);
    label.classList.toggle("kg-off", !checked);
    append(label, box, swatch, el("span", "kg-name", item.name), el("span", "kg-count", count));
    parent.appendChild(label);
  }

  data.types.forEach(function (type, t) {
    var count = E.filter(function (e, i) { return drawn[i] && e.type === t; }).length;
    if (!count) { return; }  // a type whose entities are only mentioned: found by search, not filtered
    filterRow(document.getElementById("kg-types"), type, typeSwatch(type), count, true, function (on) {
      typeOn[t] = on;
      applyFilters();
    });
  });
  data.relations.forEach(function (rel, r) {
    var count = L.filter(function (link) { return link.facts.some(function (f) { return f.rel === r; }); }).length;
    filterRow(document.getElementById("kg-relations"), rel, relationSwatch(rel), count, !rel.background, function (on) {
      relationOn[r] = on;
      applyFilters();
    });
  });

  // ---- neighbourhood highlight ----------------------------------------------------------------------------
  // The rest of the graph is veiled in white after vis-network has drawn it, and the neighbourhood drawn
  // again on top. Restyling thousands of nodes through the DataSet would take seconds on a big graph;
  // this costs nothing until the next frame. It uses vis-network's node and edge objects (body.nodes,
  // body.edges: the 9.x build inlined here); without them a selection is shown in vis-network's own way.
  var internals = network.body && network.body.nodes && network.body.edges;

  function drawFocus(ctx) {
    if (!internals) { return; }
    var a = network.DOMtoCanvas({x: 0, y: 0});
    var b = network.DOMtoCanvas({x: container.clientWidth, y: container.clientHeight});
    ctx.fillStyle = "rgba(255, 255, 255, 0.8)";
    ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y);
    focus.edges.forEach(function (id) {
      var edge = network.body.edges[id];
      if (edge && edge.connected && !edge.options.hidden) { edge.draw(ctx); edge.drawArrows(ctx); }
    });
    var labels = [];
    focus.nodes.forEach(function (id) {
      var node = network.body.nodes[id];
      if (!node || node.options.hidden) { return; }
      var drawn = node.draw(ctx);
      if (drawn && drawn.drawExternalLabel) { labels.push(drawn.drawExternalLabel); }
    });
    labels.forEach(function (draw) { draw(); });
  }

  function highlight(nodeIds, edgeIds) {
    focus = {nodes: nodeIds, edges: edgeIds};
    network.redraw();
  }

  function highlightNode(i) {
    var near = [i], links = linksOf[i].slice();
    linksOf[i].forEach(function (k) { near.push(L[k].from === i ? L[k].to : L[k].from); });
    comention.forEach(function (c) {
      if (c.from === i || c.to === i) { near.push(c.from === i ? c.to : c.from); links.push(c.id); }
    });
    highlight(near, links);
  }

  // ---- entities shown on demand ----------------------------------------------------------------------------
  function coMentioned(i) {  // [entity, shared articles] by number of shared articles, most first
    var counts = {};
    (E[i].mentions || []).forEach(function (a) {
      mentionedIn[a].forEach(function (j) { if (j !== i) { counts[j] = (counts[j] || 0) + 1; } });
    });
    return Object.keys(counts).map(Number).sort(function (a, b) {
      return counts[b] - counts[a] || degree[b] - degree[a] || a - b;
    }).map(function (j) { return [j, counts[j]]; });
  }

  function reveal(i) {
    if (drawn[i] || revealed[i]) { return; }
    revealed[i] = true;
    var near = coMentioned(i).filter(function (pair) {
      return drawn[pair[0]] || revealed[pair[0]];
    }).slice(0, 8);
    var x = 0, y = 0;
    near.forEach(function (pair) {
      var at = network.getPositions([pair[0]])[pair[0]];
      x += at.x; y += at.y;
    });
    if (near.length) {
      // Beside the entities it is mentioned with, a little off their centre so it does not cover one.
      var angle = (i * 2.399) % (2 * Math.PI);
      x = x / near.length + 70 * Math.cos(angle);
      y = y / near.length + 70 * Math.sin(angle);
    } else {
      var centre = network.getViewPosition();
      x = centre.x; y = centre.y;
    }
    E[i].x = x; E[i].y = y;
    var node = baseNode(i);
    node.shapeProperties = {borderDashes: [3, 3]};
    node.borderWidth = 2;
    nodes.add(node);
    near.forEach(function (pair) {
      comention.add({id: "c" + i + "-" + pair[0], from: i, to: pair[0], shared: pair[1]});
      edges.add({
        id: "c" + i + "-" + pair[0], from: i, to: pair[0], dashes: [2, 4], arrows: {to: {enabled: false}},
        color: {color: "#b9b9b9", highlight: "#777", hover: "#999"}, width: 1,
        title: E[i].label + " 与 " + E[pair[0]].label + "\n同见于 " + pair[1] + " 篇报道"
      });
    });
  }

  // ---- selection -------------------------------------------------------------------------------------------
  var panel = document.getElementById("kg-panel");
  var body = document.getElementById("kg-panel-body");

  // The selected entity stays visible whatever the filters say: filters are applied again only when that
  // changes what is shown.
  function force(i) {
    var wasForced = forced !== null && !nodeFiltersShow(forced);  // shown only because it was selected
    forced = i;
    if (wasForced || (i !== null && hiddenNow.nodes[i])) { applyFilters(); }
  }

  function nodeFiltersShow(i) {
    return typeOn[E[i].type] && (degree[i] === 0 || linksOf[i].some(edgeVisible));
  }

  function selectEntity(i, centre) {
    if (!drawn[i]) { reveal(i); }
    force(i);
    network.selectNodes([i], false);
    highlightNode(i);
    showEntity(i);
    if (centre) {
      // vis-network animates frame by frame: on a big graph, where a frame takes longer, jump instead.
      network.moveTo({position: network.getPosition(i), scale: neighbourhoodScale(i),
                      animation: big ? false : {duration: 450, easingFunction: "easeInOutQuad"}});
    }
    document.body.setAttribute("data-kg-selected", "node:" + i);
  }

  // The zoom that shows a node in the middle with all its visible neighbours around it (close up when
  // they are near, further out when one is far), within a margin of the view's edges.
  function neighbourhoodScale(i) {
    var at = network.getPosition(i), margin = 60, nameRoom = 120;
    var halfWidth = Math.max(container.clientWidth / 2 - margin - nameRoom, 50);
    var halfHeight = Math.max(container.clientHeight / 2 - margin, 50);
    var scale = 1.5;
    network.getConnectedNodes(i).forEach(function (j) {
      if (hiddenNow.nodes[j]) { return; }
      var p = network.getPosition(j), dx = Math.abs(p.x - at.x), dy = Math.abs(p.y - at.y);
      if (dx > 0) { scale = Math.min(scale, halfWidth / dx); }
      if (dy > 0) { scale = Math.min(scale, halfHeight / dy); }
    });
    return Math.max(scale, 0.02);
  }

  function selectLink(k) {
    force(null);
    network.selectEdges([k]);
    highlight([L[k].from, L[k].to], [k]);
    showLink(k);
    document.body.setAttribute("data-kg-selected", "edge:" + k);
  }

  function selectComention(id) {
    var c = comention.get(id);
    force(null);
    network.selectEdges([id]);
    highlight([c.from, c.to], [id]);
    showComention(c.from, c.to);
    document.body.setAttribute("data-kg-selected", "edge:" + id);
  }

  function clearSelection() {
    force(null);
    network.unselectAll();
    focus = null;
    network.redraw();
    if (!panel.hidden) {
      panel.hidden = true;
      fitCanvas();
    }
    body.textContent = "";
    document.body.removeAttribute("data-kg-selected");
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      selectEntity(params.nodes[0], false);
    } else if (params.edges.length) {
      var id = params.edges[0];
      if (typeof id === "string") { selectComention(id); } else { selectLink(id); }
    } else {
      clearSelection();
    }
  });

  // ---- the panel -------------------------------------------------------------------------------------------
  function entityButton(i) {
    var button = el("button", "kg-link", E[i].label);
    button.type = "button";
    button.title = data.kinds[E[i].kind];
    button.addEventListener("click", function () { selectEntity(i, true); });
    return button;
  }

  function headline(a) { return a >= 0 ? "《" + A[a] + "》" : ""; }

  // The sentence as text, with the names of the entities it links marked.
  function quote(sentence, names) {
    var q = el("div", "kg-quote");
    var pattern = names.filter(Boolean).sort(function (a, b) { return b.length - a.length; });
    var rest = sentence;
    while (rest) {
      var best = -1, name = "";
      pattern.forEach(function (n) {
        var at = rest.indexOf(n);
        if (at >= 0 && (best < 0 || at < best)) { best = at; name = n; }
      });
      if (best < 0) { q.appendChild(document.createTextNode(rest)); break; }
      if (best > 0) { q.appendChild(document.createTextNode(rest.slice(0, best))); }
      q.appendChild(el("mark", null, name));
      rest = rest.slice(best + name.length);
    }
    return q;
  }

  function namesOf(i) { return [E[i].label].concat(E[i].alt || []); }

  function evidenceBlock(evidence, names, supports) {  // supports: the facts each sentence gives, if not all
    var box = el("div");
    evidence.forEach(function (ev, n) {
      var item = el("div", "kg-evidence");
      if (ev[0]) { item.appendChild(quote(ev[0], names)); }
      var source = (ev[1] >= 0 ? headline(ev[1]) : "") + ((supports && supports[n]) || "");
      if (source) { item.appendChild(el("div", "kg-source", source)); }
      box.appendChild(item);
    });
    return box;
  }

  // A list that shows MAX_LIST items and a button for the rest.
  function list(items, render, className) {
    var ul = el("ul", className);
    function show(from, to) {
      items.slice(from, to).forEach(function (item) { ul.appendChild(render(item)); });
    }
    show(0, MAX_LIST);
    if (items.length > MAX_LIST) {
      var more = el("button", "kg-more", "显示其余 " + (items.length - MAX_LIST) + " 项");
      more.type = "button";
      more.addEventListener("click", function () { more.remove(); show(MAX_LIST, items.length); });
      var wrap = el("div");
      append(wrap, ul, more);
      return wrap;
    }
    return ul;
  }

  function section(title, count) {
    var h = el("h3", null, title);
    if (count !== undefined) { h.appendChild(el("span", "kg-count", count)); }
    body.appendChild(h);
  }

  // The canvas narrows when the panel opens: tell vis-network now, not at its next size check, so that
  // centring on a node uses the new width.
  // The whole graph in view, the names under the nodes included (vis-network's fit() sees only the
  // nodes, and cuts off the long names at the edges). Names keep their size on screen whatever the
  // zoom, so the scale is found in two steps.
  function fitWithNames(animation) {
    var ids = nodes.getIds({filter: function (n) { return !n.hidden; }});
    if (!ids.length) { return; }
    network.fit();
    var ctx = document.createElement("canvas").getContext("2d");
    var width = Math.max(container.clientWidth - 16, 50), height = Math.max(container.clientHeight - 16, 50);
    var scale = network.getScale(), box;
    for (var step = 0; step < 3; step++) {
      box = [Infinity, Infinity, -Infinity, -Infinity];
      ids.forEach(function (i) {
        var at = network.getPosition(i), size = sizeOf(i), px = namePx(i) / scale;
        var half = Math.max(measuredName(ctx, i) * px / 200, size.radius);
        box[0] = Math.min(box[0], at.x - half);
        box[1] = Math.min(box[1], at.y - size.radius);
        box[2] = Math.max(box[2], at.x + half);
        box[3] = Math.max(box[3], at.y + size.radius + 3 / scale + px * 1.15);
      });
      scale = Math.min(width / Math.max(box[2] - box[0], 1), height / Math.max(box[3] - box[1], 1), scale);
    }
    network.moveTo({position: {x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2}, scale: scale,
                    animation: animation || false});
  }

  function fitCanvas() {
    network.setSize("100%", "100%");
    network.redraw();
  }

  function openPanel() {
    body.textContent = "";
    var wasHidden = panel.hidden;
    panel.hidden = false;
    panel.scrollTop = 0;
    if (wasHidden) { fitCanvas(); }
  }

  function heading(i) {
    var h = el("h2");
    append(h, typeSwatch(typeOf(i)), el("span", "kg-label", E[i].label));
    body.appendChild(h);
    body.appendChild(el("div", "kg-kind", data.kinds[E[i].kind]));
    if (E[i].alt) { body.appendChild(el("div", "kg-alt", "别名：" + E[i].alt.join("、"))); }
  }

  // The facts of entity i as panel sections, one per relation and direction ("职务", "任职人员" …), in the
  // order of the relation filters: [{title, items: [{other, fact, out}]}].
  function factsOf(i) {
    var sections = {};
    linksOf[i].forEach(function (k) {
      var link = L[k], out = link.from === i;
      link.facts.forEach(function (f) {
        var key = f.rel * 2 + (out ? 0 : 1);
        var rel = data.relations[f.rel];
        sections[key] = sections[key] || {title: out ? rel.outgoing : rel.incoming, items: []};
        sections[key].items.push({other: out ? link.to : link.from, fact: f, out: out});
      });
    });
    return Object.keys(sections).map(Number).sort(function (a, b) { return a - b; })
      .map(function (key) { return byTime(sections[key]); });
  }

  // A person's posts as a timeline: in the order they are known from (posts with no date last).
  function byTime(section) {
    var dated = section.items.some(function (item) { return item.fact.since; });
    if (dated) {
      section.items.sort(function (a, b) {
        var x = a.fact.since || "9999", y = b.fact.since || "9999";
        return x < y ? -1 : x > y ? 1 : 0;
      });
    }
    return section;
  }

  function sameSources(items) {  // facts that share a sentence: one entry, each sentence once
    var groups = [], groupOf = {};
    items.forEach(function (item) {
      var keys = item.fact.evidence.map(function (ev) { return JSON.stringify(ev); });
      var found = keys.filter(function (key) { return groupOf[key] !== undefined; });
      var g = found.length ? groupOf[found[0]] : groups.push([]) - 1;
      groups[g].push(item);
      keys.forEach(function (key) { groupOf[key] = g; });
    });
    return groups;
  }
  function sentencesOf(items) {  // each sentence once, with the facts it supports when not all of them
    var seen = {}, sentences = [];
    items.forEach(function (item) {
      item.fact.evidence.forEach(function (ev) {
        var key = JSON.stringify(ev);
        if (seen[key] === undefined) { seen[key] = sentences.length; sentences.push({ev: ev, labels: []}); }
        sentences[seen[key]].labels.push(item.fact.label);
      });
    });
    sentences.forEach(function (s) { if (s.labels.length === items.length) { s.labels = []; } });
    return sentences;
  }
  function factLine(item) {
    var line = el("div", "kg-fact");
    if (data.relations[item.fact.rel].key === "post" && item.out) {  // 部长 @ 中共聊城市委宣传部
      if (item.fact.when) { append(line, el("span", "kg-when", item.fact.when), " "); }
      append(line, el("span", "kg-role", item.fact.label), " @ ", entityButton(item.other));
    } else {  // 张三（部长）, 全市宣传思想工作会议（主持）, 聊城市（位于）
      append(line, entityButton(item.other), "（", el("span", "kg-role", item.fact.label), "）");
    }
    return line;
  }
  function factItem(i, items, withEvidence) {
    var li = el("li");
    items.forEach(function (item) { li.appendChild(factLine(item)); });
    var sentences = sentencesOf(items);
    if (sentences.length) {
      var names = namesOf(i);
      items.forEach(function (item) { names = names.concat(namesOf(item.other)); });
      var block = evidenceBlock(sentences.map(function (s) { return s.ev; }), names, sentences.map(function (s) {
        return s.labels.length ? "（" + s.labels.join("、") + "）" : "";
      }));
      if (withEvidence) {
        li.appendChild(block);
      } else {
        var details = el("details");
        append(details, el("summary", null, "出处 " + sentences.length + " 条"), block);
        li.appendChild(details);
      }
    }
    return li;
  }

  function headlineList(articles) {
    return list(articles, function (a) { return el("li", null, headline(a)); }, "kg-headlines");
  }

  function showEntity(i) {
    openPanel();
    heading(i);
    var e = E[i];
    if (!drawn[i]) {
      body.appendChild(el("div", "kg-notice",
        "此实体不在任何关系中，仅被报道提及；图中按需显示，虚线连向同篇报道提及的实体。"));
    }
    if (e.details) {  // a project: investment, scale, status
      section("项目概况", e.details.length);
      body.appendChild(list(e.details, function (line) { return el("li", "kg-fact", line); }));
    }
    factsOf(i).forEach(function (group) {
      section(group.title, group.items.length);
      // A short list shows its sentences; a long one (the members of 市委) keeps them folded.
      var open = group.items.length <= 4;
      body.appendChild(list(sameSources(group.items), function (items) { return factItem(i, items, open); }));
    });
    if (e.mentions) {
      section("见于报道", e.mentions.length);
      body.appendChild(headlineList(e.mentions));
    }
    if (e.authored) {
      section("署名报道", e.authored.length);
      body.appendChild(headlineList(e.authored));
    }
    if (e.edited) {
      section("编辑报道", e.edited.length);
      body.appendChild(headlineList(e.edited));
    }
    if (!drawn[i]) {
      var co = coMentioned(i);
      if (co.length) {
        section("同篇报道中提及", co.length);
        body.appendChild(list(co, function (pair) {
          return append(el("li"), entityButton(pair[0]), el("span", "kg-source", " 同见于 " + pair[1] + " 篇"));
        }));
      }
    }
  }

  function sharedArticles(i, j) {
    var mine = {};
    (E[i].mentions || []).forEach(function (a) { mine[a] = true; });
    return (E[j].mentions || []).filter(function (a) { return mine[a]; });
  }

  function linkHeading(from, to) {
    var h = el("h2", "kg-pair");
    append(h, entityButton(from), " → ", entityButton(to));
    body.appendChild(h);
  }

  function showLink(k) {
    var link = L[k];
    openPanel();
    linkHeading(link.from, link.to);
    var names = namesOf(link.from).concat(namesOf(link.to)), any = false;
    link.facts.forEach(function (f) {
      var rel = data.relations[f.rel];
      section(rel.name.replace(/（.*）/, "") + "：" + f.label);
      if (f.evidence.length) {
        any = true;
        body.appendChild(evidenceBlock(f.evidence, names));
      }
    });
    if (!any) {
      var shared = sharedArticles(link.from, link.to);
      section("同时提及两者的报道", shared.length);
      body.appendChild(shared.length ? headlineList(shared) : el("div", "kg-source", "图中未记录出处"));
    }
  }

  function showComention(i, j) {
    openPanel();
    linkHeading(i, j);
    var shared = sharedArticles(i, j);
    section("同篇报道提及", shared.length);
    body.appendChild(headlineList(shared));
  }

  document.getElementById("kg-close").addEventListener("click", clearSelection);
  document.getElementById("kg-clear").addEventListener("click", clearSelection);
  document.getElementById("kg-fit").addEventListener("click", function () {
    fitWithNames(big ? false : {duration: 400, easingFunction: "easeInOutQuad"});
  });

  // ---- search ------------------------------------------------------------------------------------------------
  var input = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var normal = function (s) { return s.normalize("NFKC").toLowerCase().replace(/\s+/g, ""); };
  var keys = E.map(function (e) { return [e.label].concat(e.alt || []).map(normal); });
  var active = -1, found = [];

  function search(text) {
    var q = normal(text);
    if (!q) { return []; }
    var hits = [];
    keys.forEach(function (names, i) {
      var rank = -1;
      names.forEach(function (name, n) {
        var at = name.indexOf(q);
        if (at < 0) { return; }
        // exact name, then name starting with the query, then containing it; the label before alt labels
        var r = (name === q ? 0 : at === 0 ? 1 : 2) * 2 + (n === 0 ? 0 : 1);
        if (rank < 0 || r < rank) { rank = r; }
      });
      if (rank >= 0) { hits.push([rank, i]); }
    });
    hits.sort(function (a, b) {
      return a[0] - b[0] || (drawn[b[1]] - drawn[a[1]]) || degree[b[1]] - degree[a[1]] ||
        E[a[1]].label.length - E[b[1]].label.length || a[1] - b[1];
    });
    return hits.map(function (h) { return h[1]; });
  }

  function closeResults() {
    results.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  }

  function choose(i) {
    closeResults();
    input.value = E[i].label;
    selectEntity(i, true);
  }

  function setActive(n) {
    var items = results.querySelectorAll("li[role=option]");
    if (!items.length) { return; }
    active = (n + items.length) % items.length;
    items.forEach(function (li, k) { li.setAttribute("aria-selected", k === active ? "true" : "false"); });
    items[active].scrollIntoView({block: "nearest"});
  }

  function showResults() {
    found = search(input.value);
    results.textContent = "";
    if (!input.value.trim()) { closeResults(); return; }
    if (!found.length) {
      results.appendChild(el("li", "kg-empty", "没有找到“" + input.value.trim() + "”"));
    }
    var q = normal(input.value);
    found.slice(0, 30).forEach(function (i) {
      var li = el("li");
      li.setAttribute("role", "option");
      li.setAttribute("data-id", i);
      var alias = (E[i].alt || []).filter(function (a) { return normal(a).indexOf(q) >= 0; })[0];
      var note = !drawn[i] && !revealed[i] ? "仅提及" : data.kinds[E[i].kind];
      li.title = E[i].label;
      append(li, typeSwatch(typeOf(i)), el("span", "kg-name", E[i].label),
             alias && normal(E[i].label).indexOf(q) < 0 ? el("span", "kg-note", "别名 " + alias) : null,
             el("span", "kg-note", note));
      li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
      results.appendChild(li);
    });
    if (found.length > 30) { results.appendChild(el("li", "kg-empty", "另有 " + (found.length - 30) + " 项，请输入更多字")); }
    results.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
    if (found.length) { setActive(0); }
  }

  // Chinese input methods compose a word in several keystrokes: search once the word is committed.
  input.addEventListener("input", function (event) { if (!event.isComposing) { showResults(); } });
  input.addEventListener("compositionend", showResults);
  input.addEventListener("focus", function () { if (input.value.trim()) { showResults(); } });
  input.addEventListener("blur", closeResults);
  input.addEventListener("keydown", function (event) {
    if (event.isComposing || event.keyCode === 229) { return; }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (results.hidden) { showResults(); }
      setActive(active + (event.key === "ArrowDown" ? 1 : -1));
      event.preventDefault();
    } else if (event.key === "Enter") {
      if (results.hidden) { showResults(); }
      if (found.length) { choose(found[Math.max(active, 0)]); }
      event.preventDefault();
    } else if (event.key === "Escape") {
      closeResults();
    }
  });

  // ---- ready -------------------------------------------------------------------------------------------------
  network.once("afterDrawing", function () {
    if (E.length) { status.textContent = ""; }
    document.body.setAttribute("data-kg-ready-ms", Math.round(performance.now()));
    document.body.setAttribute("data-kg-state", "ready");
  });
  applyFilters();
  fitWithNames(false);
  window.kg = {
    network: network, nodes: nodes, edges: edges, data: data,
    search: search, selectEntity: selectEntity, selectLink: selectLink, clearSelection: clearSelection,
    // the names written at the last frame, as boxes on the page: [left, top, right, bottom]
    namesWritten: function () {
      return namesWritten.map(function (b) {
        var a = network.canvasToDOM({x: b[0], y: b[1]}), z = network.canvasToDOM({x: b[2], y: b[3]});
        return [a.x, a.y, z.x, z.y];
      });
    }
  };
})();
