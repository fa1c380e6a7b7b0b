"""Interactive HTML view of the knowledge graph: one self-contained file that opens without a network.

pyvis assembles the vis-network nodes, edges and options, but the page comes from the template below rather
than pyvis's own: that one links bootstrap, vis-network and tom-select from CDNs (even with
``cdn_resources="in_line"`` bootstrap stays remote), and its select menu garbles Chinese labels. Here the
vis-network script and stylesheet shipped inside the pyvis package are inlined, so the page works offline.

Tooltips: vis-network 9 shows a *string* title as plain text (``innerText``) and inserts a DOM *Element*
title as is. We want formatted tooltips, so titles are built here as HTML in which every string taken from
the graph is escaped, and the page turns each into an Element by parsing it inside an inert <template>.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import jinja2
import pyvis
from markupsafe import Markup
from pyvis.network import Network
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from .graph import KG, OA, ORG, SCHEMA

MAX_ITEMS = 12  # per list in a tooltip; a busy official can hold dozens of posts across articles
FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"


@dataclass(frozen=True)
class Style:
    name: str  # legend text
    color: str
    shape: str  # a vis-network shape


# Legend order. The Party is split from the other state bodies: telling 党委 from 政府 at a glance matters.
STYLES: dict[str, Style] = {
    "person": Style("人物", "#4e79a7", "dot"),
    "party": Style("党的组织", "#d62728", "square"),
    "state": Style("国家机关（政府·人大·政协·法院·检察院）", "#f28e2b", "square"),
    "company": Style("企业", "#59a14f", "diamond"),
    "organization": Style("其他机构（高校·协会·媒体等）", "#b07aa1", "triangle"),
    "place": Style("地点", "#9c755f", "triangleDown"),
    "event": Style("事件", "#edc948", "star"),
    "project": Style("项目", "#17becf", "hexagon"),
}

# Class -> (style, type name shown in tooltips). Most specific first: an entity takes the first match, so
# a kg class wins over the schema.org class it also carries.
TYPES: dict[URIRef, tuple[str, str]] = {
    KG.Person: ("person", "人物"),
    KG.PartyOrganization: ("party", "党的组织"),
    KG.GovernmentOrganization: ("state", "政府机构"),
    KG.Congress: ("state", "人大"),
    KG.CPPCC: ("state", "政协"),
    KG.Court: ("state", "法院"),
    KG.Procuratorate: ("state", "检察院"),
    KG.Company: ("company", "企业"),
    KG.University: ("organization", "高校"),
    KG.Association: ("organization", "协会/社会团体"),
    KG.MediaOrganization: ("organization", "媒体"),
    KG.OtherOrganization: ("organization", "其他机构"),
    KG.Organization: ("organization", "机构"),
    KG.Place: ("place", "地点"),
    KG.Event: ("event", "事件"),
    KG.Project: ("project", "项目"),
    # schema.org alone, for entities a later stage types without a kg class
    SCHEMA.Person: ("person", "人物"),
    SCHEMA.GovernmentOrganization: ("state", "政府机构"),
    SCHEMA.Corporation: ("company", "企业"),
    SCHEMA.CollegeOrUniversity: ("organization", "高校"),
    SCHEMA.NewsMediaOrganization: ("organization", "媒体"),
    SCHEMA.Organization: ("organization", "机构"),
    SCHEMA.Place: ("place", "地点"),
    SCHEMA.Event: ("event", "事件"),
    SCHEMA.Project: ("project", "项目"),
}

MEMBERSHIP_COLOR = "#5a7894"
RELATION_COLOR = "#a0a0a0"


@dataclass
class Entity:
    iri: Node
    label: str
    style: str
    type_name: str
    alt_labels: list[str]
    articles: int
    posts: list[str] = field(default_factory=list)  # "部长 @ 中共聊城市委宣传部", for a person
    members: list[str] = field(default_factory=list)  # "张三（部长）", for an organisation


@dataclass
class Link:
    """Everything drawn between one ordered pair of entities, merged into a single edge."""

    source: Node
    target: Node
    membership: bool = False
    labels: list[str] = field(default_factory=list)
    evidence: list[tuple[str, str]] = field(default_factory=list)  # (sentence, headline)


def write_html(graph: Graph, path: Path, title: str = "kg") -> None:
    """Write the entities of `graph` and the relations between them as one offline HTML page."""
    everything = _entities(graph)
    links = _links(graph, everything)
    # Entities that are only mentioned would drown the relations in a cloud of lone dots:
    # draw those that take part in a relation, and say how many were left to the graph files.
    linked = {term for link in links for term in (link.source, link.target)}
    entities = {term: e for term, e in everything.items() if term in linked} if linked else everything
    net = _network(entities, links)
    nodes, edges, *_ = net.get_network_data()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    page = _page(title, nodes, edges, _options_for(len(nodes)), entities, len(everything) - len(entities))
    path.write_text(page, encoding="utf-8")


# ---- reading the graph ---------------------------------------------------------------------------------


def _local_name(term: Node) -> str:
    text = str(term).rstrip("/#")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _label(graph: Graph, term: Node) -> str:
    labels = [o for o in graph.objects(term, RDFS.label) if isinstance(o, Literal)]
    # The canonical name is the @zh label; fall back to any label, then to the IRI's last segment.
    zh = [o for o in labels if (o.language or "").lower().startswith("zh")]
    chosen = sorted(zh or labels)
    return str(chosen[0]) if chosen else _local_name(term)


def _type_of(graph: Graph, term: Node) -> tuple[str, str] | None:
    classes = set(graph.objects(term, RDF.type))
    return next((TYPES[c] for c in TYPES if c in classes), None)


def _entities(graph: Graph) -> dict[Node, Entity]:
    found: dict[Node, Entity] = {}
    for term in sorted(set(graph.subjects(RDF.type, None)), key=str):
        kind = _type_of(graph, term)
        if kind is None:
            continue  # articles, memberships, roles, evidence, source files
        label = _label(graph, term)
        alt = sorted({str(a) for a in graph.objects(term, SKOS.altLabel)} - {label})
        articles = len(set(graph.subjects(SCHEMA.mentions, term)))
        found[term] = Entity(term, label, kind[0], kind[1], alt, articles)
    return found


def _headline(graph: Graph, article: Node | None) -> str:
    if article is None:
        return ""
    headline = graph.value(article, SCHEMA.headline)
    return str(headline) if headline is not None else ""


def _evidence(graph: Graph, fact: Node) -> list[tuple[str, str]]:
    """(sentence, headline) pairs for a fact; just the headline when no sentence was kept."""
    found = []
    for ev in graph.objects(fact, KG.evidence):
        quotes = [graph.value(sel, OA.exact) for sel in graph.objects(ev, OA.hasSelector)]
        quote = next((str(q) for q in quotes if q is not None), "")
        article = graph.value(ev, KG.article) or graph.value(fact, PROV.wasDerivedFrom)
        found.append((quote, _headline(graph, article)))
    if not found:
        found = [("", _headline(graph, a)) for a in graph.objects(fact, PROV.wasDerivedFrom)]
    return [pair for pair in found if any(pair)]


def _add_unique(items: list, new: list | tuple) -> None:
    items.extend(x for x in new if x not in items)


def _links(graph: Graph, entities: dict[Node, Entity]) -> list[Link]:
    links: dict[tuple[Node, Node], Link] = {}

    def link(source: Node, target: Node) -> Link:
        return links.setdefault((source, target), Link(source, target))

    for membership in sorted(set(graph.subjects(RDF.type, ORG.Membership)), key=str):
        person = graph.value(membership, ORG.member)
        organization = graph.value(membership, ORG.organization)
        if person not in entities or organization not in entities:
            continue
        roles = sorted(_label(graph, r) for r in graph.objects(membership, ORG.role)) or ["成员"]
        edge = link(person, organization)
        edge.membership = True
        _add_unique(edge.labels, roles)
        _add_unique(edge.evidence, _evidence(graph, membership))
        org_name, person_name = entities[organization].label, entities[person].label
        _add_unique(entities[person].posts, [f"{role} @ {org_name}" for role in roles])
        _add_unique(entities[organization].members, [f"{person_name}（{'、'.join(roles)}）"])

    for s in entities:
        for p, o in sorted(graph.predicate_objects(s), key=lambda po: (str(po[0]), str(po[1]))):
            if o in entities and o != s:
                _add_unique(link(s, o).labels, [_local_name(p)])
    return list(links.values())


# ---- tooltips: every string from the graph goes through escape() ----------------------------------------


def _list(items: list[str]) -> str:
    shown = "".join(f"<li>{escape(i)}</li>" for i in items[:MAX_ITEMS])
    more = f"<li>…另有 {len(items) - MAX_ITEMS} 项</li>" if len(items) > MAX_ITEMS else ""
    return f"<ul>{shown}{more}</ul>"


def _node_tip(e: Entity) -> str:
    parts = [f"<b>{escape(e.label)}</b> <span class='kg-type'>{escape(e.type_name)}</span>"]
    if e.alt_labels:
        parts.append(f"<div>别名：{escape('、'.join(e.alt_labels))}</div>")
    if e.posts:
        parts.append(f"<div>职务：</div>{_list(e.posts)}")
    if e.members:
        parts.append(f"<div>人员：</div>{_list(e.members)}")
    if e.articles:
        parts.append(f"<div class='kg-src'>见于 {e.articles} 篇报道</div>")
    return "".join(parts)


def _evidence_html(evidence: list[tuple[str, str]]) -> str:
    items = []
    for sentence, headline in evidence[:MAX_ITEMS]:
        quote = f"“{escape(sentence)}”" if sentence else ""
        source = f"<div class='kg-src'>《{escape(headline)}》</div>" if headline else ""
        items.append(f"<li>{quote}{source}</li>")
    if len(evidence) > MAX_ITEMS:
        items.append(f"<li>…另有 {len(evidence) - MAX_ITEMS} 条</li>")
    return f"<ul>{''.join(items)}</ul>"


def _edge_tip(link: Link, entities: dict[Node, Entity]) -> str:
    source, target = entities[link.source].label, entities[link.target].label
    parts = [f"<b>{escape(source)} → {escape(target)}</b>", f"<div>{escape('、'.join(link.labels))}</div>"]
    if link.evidence:
        parts.append(_evidence_html(link.evidence))
    return "".join(parts)


# ---- the vis-network data ---------------------------------------------------------------------------------


def _network(entities: dict[Node, Entity], links: list[Link]) -> Network:
    net = Network(directed=True, cdn_resources="in_line")
    degree: dict[Node, int] = defaultdict(int)
    for link in links:
        degree[link.source] += 1
        degree[link.target] += 1
    # Small integer ids: the page carries no IRIs, and the ids stay short in a 1,500-node file.
    ids = {term: i for i, term in enumerate(entities)}
    for term, e in entities.items():
        style = STYLES[e.style]
        net.add_node(
            ids[term],
            label=e.label,
            title=_node_tip(e),
            shape=style.shape,
            color=style.color,
            value=1 + degree[term],
        )
    for link in links:
        net.add_edge(
            ids[link.source],
            ids[link.target],
            label="、".join(link.labels),
            title=_edge_tip(link, entities),
            color=MEMBERSHIP_COLOR if link.membership else RELATION_COLOR,
            dashes=not link.membership,
        )
    return net


def _options_for(n_nodes: int) -> dict:
    """vis-network options. Physics runs only to stabilise; the page then switches it off."""
    big = n_nodes > 150
    return {
        "nodes": {
            "font": {"face": FONT, "size": 14},
            "borderWidth": 1,
            "scaling": {"min": 10, "max": 30, "label": {"enabled": False}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"face": FONT, "size": 11, "color": "#555555", "strokeWidth": 3, "align": "middle"},
            # Curved one way, so A→B and B→A do not overlap; unlike "dynamic" it adds no physics bodies.
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.12},
            "width": 1.2,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        # Kamada-Kawai seeding is quadratic; past a few hundred nodes it costs more than it gives.
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "centralGravity": 0.01,
                "springLength": 110,
                "springConstant": 0.08,
                "avoidOverlap": 0.4,
            },
            "minVelocity": 1,
            # Fewer iterations for a big graph: each costs O(n log n), and 200 already give a readable
            # layout of 1,500 nodes (about 6 s in headless Chromium without a GPU).
            "stabilization": {
                "enabled": True,
                "iterations": max(200, min(1000, 300_000 // max(n_nodes, 1))),
                "updateInterval": 25,
            },
        },
    }


# ---- the page ---------------------------------------------------------------------------------------------


def _vis_asset(name: str) -> str:
    """A file of the vis-network build that pyvis ships (the one its "in_line" mode inlines)."""
    root = Path(pyvis.__file__).parent
    for folder in (root / "templates" / "lib" / "vis-9.1.2", root / "lib" / "vis-9.1.2"):
        if (folder / name).is_file():
            return (folder / name).read_text(encoding="utf-8")
    raise FileNotFoundError(f"vis-network {name} not found in the pyvis package at {root}")


def _inline(text: str, tag: str) -> str:
    # Inside <script>/<style> only the closing tag can end the element; refuse rather than emit a broken page.
    if f"</{tag}" in text.lower():
        raise ValueError(f"cannot inline a {tag} containing '</{tag}'")
    return text


def _json(value: object) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can open or close a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, code)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _legend(entities: dict[Node, Entity]) -> list[dict]:
    counts: dict[str, int] = defaultdict(int)
    for e in entities.values():
        counts[e.style] += 1
    return [
        {"name": s.name, "color": s.color, "shape": s.shape, "count": counts[key]}
        for key, s in STYLES.items()
        if counts[key]
    ]


def _page(
    title: str, nodes: list, edges: list, options: dict, entities: dict[Node, Entity], n_hidden: int
) -> str:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(PAGE).render(
        title=title,
        n_hidden=n_hidden,
        n_nodes=len(nodes),
        n_edges=len(edges),
        legend=_legend(entities),
        membership_color=MEMBERSHIP_COLOR,
        relation_color=RELATION_COLOR,
        swatches={shape: Markup(svg) for shape, svg in SWATCHES.items()},
        vis_css=Markup(_inline(_vis_asset("vis-network.css"), "style")),
        vis_js=Markup(_inline(_vis_asset("vis-network.min.js"), "script")),
        data=Markup(_json({"nodes": nodes, "edges": edges, "options": options})),
    )


# Legend swatches are inline SVG drawn to match the vis-network shapes (viewBox 0 0 20 20).
SWATCHES = {
    "dot": "<circle cx='10' cy='10' r='7'/>",
    "square": "<rect x='3' y='3' width='14' height='14'/>",
    "diamond": "<polygon points='10,1 19,10 10,19 1,10'/>",
    "triangle": "<polygon points='10,2 19,18 1,18'/>",
    "triangleDown": "<polygon points='1,2 19,2 10,18'/>",
    "star": "<polygon points='10,1 12.6,7.2 19,7.6 14,11.8 15.6,18.4 10,14.8 4.4,18.4 6,11.8 1,7.6 7.4,7.2'"
    "/>",
    "hexagon": "<polygon points='5,2 15,2 19.5,10 15,18 5,18 0.5,10'/>",
}

PAGE = (
    """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>{{ vis_css }}</style>
<style>
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; color: #222;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
header { padding: 6px 14px; border-bottom: 1px solid #ddd; }
.kg-title { display: flex; align-items: baseline; gap: 16px; }
.kg-title h1 { margin: 0; font-size: 18px; }
.kg-title span { color: #666; font-size: 13px; }
/* The legend is a bar above the graph, not an overlay, so it never hides nodes. */
#kg-legend { display: flex; flex-wrap: wrap; gap: 2px 18px; margin-top: 4px; font-size: 13px; }
#kg-legend .kg-key { display: inline-flex; align-items: center; gap: 5px; }
#kg-legend svg { width: 15px; height: 15px; flex: none; }
#kg-legend .count { color: #888; }
#kg-main { position: relative; flex: 1; min-height: 0; }
#kg-network { position: absolute; inset: 0; }
div.vis-tooltip { white-space: normal; max-width: 460px; font-family: inherit; font-size: 13px;
  line-height: 1.5; }
.kg-tip ul { margin: 2px 0 4px; padding-left: 18px; }
.kg-tip .kg-type { color: #666; font-size: 12px; margin-left: 4px; }
.kg-tip .kg-src { color: #666; font-size: 12px; }
</style>
</head>
<body>
<header>
  <div class="kg-title"><h1>{{ title }}</h1>
    <span>{{ n_nodes }} 个实体 · {{ n_edges }} 条关系
      {%- if n_hidden %}（另有 {{ n_hidden }} 个仅被提及的实体未绘出）{% endif %}
      · 悬停查看详情，滚轮缩放，拖动移动</span>
    <span id="kg-status">{% if n_nodes %}布局计算中…{% else %}图谱为空{% endif %}</span></div>
  <div id="kg-legend">
    {%- for item in legend %}
    <span class="kg-key"><svg viewBox="0 0 20 20" fill="{{ item.color }}">{{ swatches[item.shape] }}</svg>"""
    """{{ item.name }} <span class="count">{{ item.count }}</span></span>
    {%- endfor %}
    <span class="kg-key"><svg viewBox="0 0 20 20"><line x1="1" y1="10" x2="19" y2="10" """
    """stroke="{{ membership_color }}" stroke-width="2"/></svg>职务（人物 → 机构）</span>
    <span class="kg-key"><svg viewBox="0 0 20 20"><line x1="1" y1="10" x2="19" y2="10" """
    """stroke="{{ relation_color }}" stroke-width="2" stroke-dasharray="4 3"/></svg>其他关系</span>
  </div>
</header>
<div id="kg-main"><div id="kg-network"></div></div>
<script>{{ vis_js }}</script>
<script type="application/json" id="kg-data">{{ data }}</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var status = document.getElementById("kg-status");

  // vis-network shows a string title as plain text; an Element is shown as is. Titles were built as HTML
  // with every graph string escaped; parsing them in a <template> keeps even a mistake inert until shown.
  function tip(markup) {
    var template = document.createElement("template");
    template.innerHTML = markup;
    var div = document.createElement("div");
    div.className = "kg-tip";
    div.appendChild(template.content);
    return div;
  }
  [data.nodes, data.edges].forEach(function (items) {
    items.forEach(function (item) { if (item.title) { item.title = tip(item.title); } });
  });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);

  network.on("stabilizationProgress", function (p) {
    status.textContent = "布局计算中… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    // Stop the simulation once laid out: a big graph would otherwise keep drifting and burning CPU.
    network.setOptions({physics: {enabled: false}});
    network.fit();
    status.textContent = "";
    document.body.setAttribute("data-kg-state", "stable");
  });
  window.kg = {network: network, nodes: nodes, edges: edges};
})();
</script>
</body>
</html>
"""
)
