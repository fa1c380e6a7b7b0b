"""The HTML explorer: one self-contained page to search and browse the knowledge graph, with no network.

Python reads the RDF graph into a compact JSON document (entities, articles, relations with their evidence
sentences) and lays the graph out; the page (``kg/data/html/``: template, script and stylesheet) draws it
with vis-network (the current release, vendored from npm in kg/data/html/vendor/ and inlined). pyvis's
own template is not used for graph.html: it links bootstrap, vis-network and tom-select from CDNs, and
its select menu garbles Chinese labels; `KnowledgeGraph.to_pyvis` gives notebook users a pyvis Network
styled like this page.

The layout is computed here, not in the browser: force-directed physics on a few thousand nodes takes tens
of seconds in a browser without a GPU, and a page that moves while you read it is hard to use. Each
connected component is laid out on its own (Fruchterman-Reingold, exact for small components, with a grid
approximation of the repulsion for large ones), then the components are packed into rows.

Everything that comes from the text (labels, headlines, sentences) travels as JSON data, and the page puts
it into the document with textContent only; vis-network shows string tooltips as plain text.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
import numpy as np
from markupsafe import Markup
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from kg.language.lexicon import table
from kg.rdf.graph import KG, OA, ORG, SCHEMA, TIME

FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"


@dataclass(frozen=True)
class Style:
    name: str  # legend and filter text
    color: str
    shape: str  # a vis-network shape


# Legend order. The Party is split from the other state bodies: telling 党委 from 政府 at a glance matters.
STYLES: dict[str, Style] = {
    "person": Style("人物", "#4e79a7", "dot"),
    "party": Style("党的组织", "#d62728", "square"),
    "state": Style("国家机关", "#f28e2b", "square"),
    "company": Style("企业", "#59a14f", "diamond"),
    "organization": Style("其他机构", "#b07aa1", "triangle"),
    "place": Style("地点", "#9c755f", "triangleDown"),
    "event": Style("事件", "#d4a72c", "star"),
    "project": Style("项目", "#17becf", "hexagon"),
}

# Class -> (style, type name shown in the panel). Most specific first: an entity takes the first match, so
# a kg class wins over the schema.org class it also carries.
TYPES: dict[URIRef, tuple[str, str]] = {
    KG.Person: ("person", "人物"),
    # the organisation subtypes of kg/data/org_subtypes.tsv
    **{KG[kg]: (style, name) for _, kg, style, name in table("org_subtypes.tsv").values()},
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


@dataclass(frozen=True)
class Relation:
    name: str  # filter and legend text
    color: str
    dashes: bool
    outgoing: str  # heading of the panel section, on the side the edge leaves from
    incoming: str  # and on the side it goes to


RELATIONS: dict[str, Relation] = {
    "post": Relation("职务（人物 → 机构）", "#5a7894", False, "职务", "任职人员"),
    "attendance": Relation("出席（人物 → 活动）", "#c08a12", False, "出席活动", "参加人员"),
    "organizing": Relation("主办（机构 → 活动）", "#8e6bb0", True, "主办、承办的活动", "主办、承办单位"),
    "project": Relation("建设（机构 → 项目）", "#2a9d8f", True, "建设、承建的项目", "建设、承建单位"),
    "part": Relation("隶属（→ 上级）", "#c0504d", True, "隶属于", "下属"),
    "location": Relation("位于（→ 地点）", "#8c6d55", True, "所在地", "位于此地"),
    "other": Relation("其他关系", "#a0a0a0", True, "其他关系", "其他关系"),
}

# Predicate between two entities -> (relation, edge label, drawn from object to subject). Some are turned
# round so that edges read from the actor: 张三 → 出席 → 会议, 市政府 → 主办 → 会议, 华电 → 建设 → 项目.
PREDICATES: dict[URIRef, tuple[str, str, bool]] = {
    ORG.subOrganizationOf: ("part", "隶属", False),
    ORG.unitOf: ("part", "隶属", False),
    ORG.hasSubOrganization: ("part", "隶属", True),
    ORG.hasUnit: ("part", "隶属", True),
    SCHEMA.parentOrganization: ("part", "隶属", False),
    SCHEMA.subOrganization: ("part", "隶属", True),
    SCHEMA.attendee: ("attendance", "出席", True),
    SCHEMA.attendees: ("attendance", "出席", True),
    SCHEMA.organizer: ("organizing", "主办", True),
    KG.coOrganizer: ("organizing", "承办", True),
    SCHEMA.superEvent: ("part", "属于", False),  # 开展仪式 → 摄影展, 签约仪式 → 大会
    KG.owner: ("project", "建设", True),
    KG.contractor: ("project", "承建", True),
    SCHEMA.containedInPlace: ("part", "属于", False),  # 东昌府区 → 聊城市 → 山东省
    SCHEMA.location: ("location", "位于", False),
}
# Relations whose filter starts unchecked. Nearly everything is somewhere in the city: drawn, "位于" would
# tie every cluster to 聊城市 and make a hairball; the layout ignores it too (see layout()).
BACKGROUND = {"location"}
NOT_RELATIONS = {RDF.type, RDFS.label, SKOS.altLabel, SCHEMA.mentions, SCHEMA.author, SCHEMA.editor}


@dataclass
class Entity:
    label: str
    style: str
    type_name: str
    alt_labels: list[str]
    mentions: list[int] = field(default_factory=list)  # indices of the articles that mention it
    authored: list[int] = field(default_factory=list)  # articles it is the byline of
    edited: list[int] = field(default_factory=list)  # articles that credit it as an editor
    details: list[str] = field(default_factory=list)  # a project's investment, scale and status, as lines


@dataclass
class Fact:
    """One relation read between two entities: a post (label = the title) or a triple."""

    relation: str
    label: str
    evidence: list[tuple[str, int]] = field(default_factory=list)  # (sentence, article index or -1)
    when: str = ""  # a post's time as the graph knows it: "2018-03-01 — 2019-01-09", "原", "代"
    since: str = ""  # the date the post is known from (for the order of a career), or ""


@dataclass
class Link:
    """Everything between one ordered pair of entities, drawn as a single edge."""

    source: int
    target: int
    facts: list[Fact] = field(default_factory=list)


@dataclass
class Explorer:
    entities: list[Entity]
    articles: list[str]  # headlines
    links: list[Link]


def write_html(graph: Graph, path: Path, title: str = "kg") -> None:
    """Write the graph as one offline HTML page: the explorer."""
    explorer = read_graph(graph)
    drawn = _drawn(explorer)
    labels = [e.label for e in explorer.entities]
    positions = layout(drawn, layout_edges(explorer.links), labels, weights(explorer))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_page(title, explorer, positions), encoding="utf-8")


def background(link: Link) -> bool:
    return all(f.relation in BACKGROUND for f in link.facts)


def weights(explorer: Explorer) -> np.ndarray:
    """How many foreground relations each entity has: its size on the page (explorer.js counts the same)."""
    ends = [i for k in explorer.links if not background(k) for i in (k.source, k.target)]
    return np.bincount(np.array(ends, dtype=np.int64), minlength=len(explorer.entities))


def layout_edges(links: list[Link]) -> list[tuple[int, int]]:
    """The edges the layout pulls along: the foreground ones, and a background one only for an entity that
    has nothing else (a company known only to be in 东阿县 is laid out beside 东阿县)."""
    front = [(k.source, k.target) for k in links if not background(k)]
    tied = {i for edge in front for i in edge}
    back = [(k.source, k.target) for k in links if background(k) and not {k.source, k.target} <= tied]
    return front + back


def _drawn(explorer: Explorer) -> list[int]:
    # Entities that are only mentioned would drown the relations in a cloud of lone dots: draw those that
    # take part in a relation (the others are found by search and shown on demand).
    linked = sorted({i for link in explorer.links for i in (link.source, link.target)})
    return linked if linked else list(range(len(explorer.entities)))


def _label_px(label: str, size: float = 13.0) -> float:
    """About how wide a label is drawn: a Chinese character is one em, Latin letters and digits about half."""
    return size * sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in label)


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


def read_graph(graph: Graph) -> Explorer:
    """Entities, articles and the relations between entities, with evidence, in plain Python data."""
    terms: dict[Node, int] = {}
    entities: list[Entity] = []
    for term in sorted(set(graph.subjects(RDF.type, None)), key=str):
        kind = _type_of(graph, term)
        if kind is None:
            continue  # articles, memberships, roles, evidence, source files
        label = _label(graph, term)
        alt = sorted({str(a) for a in graph.objects(term, SKOS.altLabel)} - {label})
        terms[term] = len(entities)
        entities.append(Entity(label, kind[0], kind[1], alt, details=_project_details(graph, term)))

    article_terms = sorted(set(graph.subjects(RDF.type, SCHEMA.NewsArticle)), key=str)
    articles = {term: i for i, term in enumerate(article_terms)}
    headlines = [_headline(graph, term) for term in article_terms]
    credits = ((SCHEMA.mentions, "mentions"), (SCHEMA.author, "authored"), (SCHEMA.editor, "edited"))
    for predicate, attribute in credits:
        for article, entity in sorted(graph.subject_objects(predicate), key=lambda pair: str(pair)):
            if article in articles and entity in terms:
                getattr(entities[terms[entity]], attribute).append(articles[article])
    return Explorer(entities, headlines, _links(graph, terms, articles))


def _project_details(graph: Graph, project: Node) -> list[str]:
    """A project's lines: "总投资：约 26 亿元", "规模：总装机容量343.75兆瓦", "状态：开工（--12-27）"."""
    lines = []
    for money in graph.objects(project, KG.investment):
        value = graph.value(money, SCHEMA.value)
        if value is not None:
            about = "约 " if graph.value(money, KG.approximate) == Literal(True) else ""
            lines.append(f"总投资：{about}{_yuan(float(str(value)))}")
    scale = sorted(str(graph.value(q, RDFS.label)) for q in graph.objects(project, KG.quantity))
    if scale:
        lines.append("规模：" + "；".join(scale))
    statuses = []
    for change in graph.objects(project, KG.statusChange):
        date = graph.value(change, SCHEMA.startDate)
        when = f"（{date}）" if date else ""
        statuses.append((str(date or ""), f"{graph.value(change, KG.status)}{when}"))
    if statuses:
        lines.append("状态：" + "，".join(text for _, text in sorted(statuses)))
    return lines


def _yuan(value: float) -> str:
    for unit, size in (("亿元", 1e8), ("万元", 1e4)):
        if value >= size:
            return f"{value / size:,.4g} {unit}"
    return f"{value:,.0f} 元"


def _headline(graph: Graph, article: Node) -> str:
    headline = graph.value(article, SCHEMA.headline)
    return str(headline) if headline is not None else "（无标题）"


def _evidence(graph: Graph, fact: Node, articles: dict[Node, int]) -> list[tuple[str, int]]:
    """(sentence, article) pairs for a fact; just the article when no sentence was kept."""
    found = []
    for ev in sorted(graph.objects(fact, KG.evidence), key=str):
        quotes = [graph.value(sel, OA.exact) for sel in graph.objects(ev, OA.hasSelector)]
        quote = next((str(q) for q in quotes if q is not None), "")
        article = graph.value(ev, KG.article) or graph.value(fact, PROV.wasDerivedFrom)
        found.append((quote, -1 if article is None else articles.get(article, -1)))
    if not found:
        found = [("", articles.get(a, -1)) for a in sorted(graph.objects(fact, PROV.wasDerivedFrom), key=str)]
    return [pair for pair in dict.fromkeys(found) if pair != ("", -1)]


def _number(terms: dict[Node, int], term: Node | None) -> int | None:
    """The term's number, None when there is no term (graph.value found none) or it is not numbered."""
    return None if term is None else terms.get(term)


def _relation(predicate: Node) -> tuple[str, str, bool]:
    """(relation, label, inverse) for a plain triple's predicate."""
    if isinstance(predicate, URIRef) and predicate in PREDICATES:
        return PREDICATES[predicate]
    return "other", _local_name(predicate), False


def _term(graph: Graph, membership: Node) -> tuple[str, str]:
    """(the date a post is known from, how its time reads: "代 2019-01-09 起", "2018-03-01 — 2019-01-09
    原"): the changes that began and ended it, else the first and last articles that state it."""

    def day(*path: URIRef) -> str:
        node: Node | None = membership
        for predicate in path:
            node = graph.value(node, predicate) if node is not None else None
        return str(node) if node is not None else ""

    began = day(ORG.memberDuring, TIME.hasBeginning, TIME.inXSDDate)
    ended = day(ORG.memberDuring, TIME.hasEnd, TIME.inXSDDate)
    first, last = day(KG.firstAttested), day(KG.lastAttested)
    start, end = began or first, ended or last
    span = start if not end or end == start else f"{start} — {end}"
    if began and not ended:
        span = f"{began} 起"
    flags = [word for flag, word in ((KG.acting, "代"), (KG.former, "原")) if graph.value(membership, flag)]
    return start, " ".join(part for part in (span, *flags) if part)


def _links(graph: Graph, terms: dict[Node, int], articles: dict[Node, int]) -> list[Link]:
    links = _Links()
    _add_posts(links, graph, terms, articles)
    _add_parts_taken(links, graph, terms, articles)
    _add_triples(links, graph, terms)
    return list(links.values())


class _Links(dict[tuple[int, int], Link]):
    """The links between entities, by (source, target); a fact said twice keeps one entry with the
    evidence of both."""

    def add(self, source: int, target: int, fact: Fact) -> None:
        link = self.setdefault((source, target), Link(source, target))
        same = next((f for f in link.facts if (f.relation, f.label) == (fact.relation, fact.label)), None)
        if same is None:
            link.facts.append(fact)
        else:
            same.evidence.extend(e for e in fact.evidence if e not in same.evidence)


def _add_posts(links: _Links, graph: Graph, terms: dict[Node, int], articles: dict[Node, int]) -> None:
    for membership in sorted(set(graph.subjects(RDF.type, ORG.Membership)), key=str):
        person = _number(terms, graph.value(membership, ORG.member))
        organization = _number(terms, graph.value(membership, ORG.organization))
        if person is None or organization is None:
            continue
        evidence = _evidence(graph, membership, articles)
        roles = sorted(_label(graph, r) for r in graph.objects(membership, ORG.role)) or ["成员"]
        since, when = _term(graph, membership)
        for role in roles:
            links.add(person, organization, Fact("post", role, list(evidence), when, since))


def _add_parts_taken(links: _Links, graph: Graph, terms: dict[Node, int], articles: dict[Node, int]) -> None:
    """Who took part in an event, in what part (出席, 主持, 讲话 …), read from which sentence."""
    for participation in sorted(set(graph.subjects(RDF.type, KG.Participation)), key=str):
        person = _number(terms, graph.value(participation, KG.participant))
        event = _number(terms, graph.value(participation, KG.event))
        if person is None or event is None:
            continue
        evidence = _evidence(graph, participation, articles)
        for role in sorted(str(r) for r in graph.objects(participation, KG.role)) or ["参加"]:
            links.add(person, event, Fact("attendance", role, list(evidence)))


def _add_triples(links: _Links, graph: Graph, terms: dict[Node, int]) -> None:
    """The plain triples between entities (location, organiser, parent …): they keep no sentence."""
    for subject, s in terms.items():
        for p, o in sorted(graph.predicate_objects(subject), key=lambda po: (str(po[0]), str(po[1]))):
            if p in NOT_RELATIONS or o not in terms or o == subject:
                continue
            relation, label, inverse = _relation(p)
            source, target = (terms[o], s) if inverse else (s, terms[o])
            known = links.get((source, target))
            if relation == "attendance" and known and any(f.relation == relation for f in known.facts):
                continue  # schema:attendee repeats a participation that says more
            links.add(source, target, Fact(relation, label))


# ---- layout ------------------------------------------------------------------------------------------------

EDGE_PX = 110  # the ideal edge length on screen at zoom 1
DENSE_MAX = 1200  # components up to this size get the exact O(n²) repulsion


def layout(
    drawn: list[int], edges: list[tuple[int, int]], labels: list[str], degree: np.ndarray
) -> dict[int, tuple[float, float]]:
    """Pixel positions for the drawn nodes: each connected component laid out by force, decluttered so
    that names do not overlap, then packed. `labels` and `degree` (all entities') give the room each node
    and its name take."""
    if not drawn:
        return {}
    g = nx.Graph()
    g.add_nodes_from(drawn)
    g.add_edges_from(edges)
    top = int(degree.max(initial=1))
    # Largest first; ties by smallest member, so the same graph always gives the same picture.
    components = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    placed = []
    for members in components:
        index = {node: i for i, node in enumerate(members)}
        local = [(index[a], index[b]) for a, b in g.subgraph(members).edges()]
        names = [labels[node] for node in members]
        radius, font = sizes(degree[members], top)
        pos = _declutter(spring(len(members), local) * EDGE_PX, names, radius, font)
        placed.append((members, pos, np.array([_label_px(t) for t in names]) * font / 13))
    return _pack(placed)


def sizes(degrees: np.ndarray, top: int) -> tuple[np.ndarray, np.ndarray]:
    """Node radius and label font size in px at zoom 1, growing with the square root of the degree (`top`
    is the largest in the graph). kg/data/html/explorer.js draws with the same formula."""
    t = np.sqrt(np.clip((degrees - 1) / max(top - 1, 1), 0.0, 1.0))
    return 9 + 15 * t, 13 + 5 * t


def _declutter(
    pos: np.ndarray, labels: list[str], radius: np.ndarray, font: np.ndarray, rounds: int = 40
) -> np.ndarray:
    """Push apart nodes whose names would overlap at zoom 1 (each a box: the node and its label below),
    along the axis where they overlap least, so that names are readable once zoomed in."""
    if len(pos) < 2:
        return pos
    half_w = np.maximum(np.array([_label_px(t) for t in labels]) * font / 13 / 2, radius) + 3
    half_h = radius + (font + 4) / 2
    offset = (font + 4) / 2  # the box's centre lies below the node's
    # A big component comes out of the force layout with its hubs' neighbours packed tight: spread it evenly
    # first, until most nodes are about a box apart, so that few overlaps are left to push apart one by one.
    if len(pos) >= 30:
        spacing = math.sqrt(float(np.prod(np.ptp(pos, axis=0) + 1.0)) / len(pos))
        _, i, j = _near_pairs(pos, spacing)
        nearest = np.full(len(pos), spacing)
        np.minimum.at(nearest, i, np.sqrt(((pos[i] - pos[j]) ** 2).sum(1)))
        wanted = 1.3 * float(np.median(2 * half_h))
        pos = (pos - pos.mean(0)) * min(10.0, max(1.0, wanted / max(float(np.median(nearest)), 1e-9)))
    # Pairs are looked for in cells the size of most boxes; a very long name may still touch a neighbour.
    cell = 2 * float(np.percentile(np.maximum(half_w, half_h), 95))
    for _ in range(rounds):
        _, i, j = _near_pairs(pos, cell)
        dx = pos[i, 0] - pos[j, 0]
        dy = pos[i, 1] + offset[i] - pos[j, 1] - offset[j]
        over_x = half_w[i] + half_w[j] - np.abs(dx)
        over_y = half_h[i] + half_h[j] - np.abs(dy)
        hit = (over_x > 0) & (over_y > 0)
        if not hit.any():
            break
        i, j, dx, dy, over_x, over_y = i[hit], j[hit], dx[hit], dy[hit], over_x[hit], over_y[hit]
        # Each of the two moves half the overlap away from the other (j gets the mirror push as (j, i));
        # two nodes at the same place part by their order.
        tie = np.where(i < j, 1.0, -1.0)
        sideways = over_x < over_y
        push = np.stack(
            [
                np.where(sideways, np.where(dx == 0, tie, np.sign(dx)) * over_x, 0.0),
                np.where(sideways, 0.0, np.where(dy == 0, tie, np.sign(dy)) * over_y),
            ],
            axis=1,
        )
        pos += 0.5 * _sum_at(i, push, len(pos))
    return pos


def spring(n: int, edges: list[tuple[int, int]], iterations: int | None = None) -> np.ndarray:
    """Fruchterman-Reingold with an ideal edge length of 1, from a seeded random start."""
    if n <= 2:  # a pair one above the other: side by side, two long names would run into each other
        return np.array([[0.0, 0.0], [0.0, 0.8]][:n])
    rng = np.random.default_rng(n)
    pos = (rng.random((n, 2)) - 0.5) * math.sqrt(n)
    src = np.array([a for a, _ in edges], dtype=np.int64)
    dst = np.array([b for _, b in edges], dtype=np.int64)
    iterations = iterations or (200 if n <= 300 else 120 if n <= DENSE_MAX else 80)
    temperature = 0.1 * math.sqrt(n) + 0.5
    for step in range(iterations):
        disp = _repulsion_dense(pos) if n <= DENSE_MAX else _repulsion_grid(pos)
        delta = pos[src] - pos[dst]
        pull = delta * np.sqrt((delta * delta).sum(1))[:, None]  # attraction d² along the edge
        disp -= _sum_at(src, pull, n)
        disp += _sum_at(dst, pull, n)
        length = np.maximum(np.sqrt((disp * disp).sum(1)), 1e-9)[:, None]
        # Linear cooling: big moves untangle early, small ones settle late.
        pos += disp / length * np.minimum(length, temperature * (1 - step / iterations))
    # Repulsion from every other node stretches the edges past 1, the more so the bigger the component:
    # scale back so that a typical edge is 1, whatever the size.
    lengths = np.sqrt(((pos[src] - pos[dst]) ** 2).sum(1))
    return (pos - pos.mean(0)) / max(float(np.median(lengths)), 1e-9)


def _sum_at(index: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    return np.stack([np.bincount(index, values[:, k], minlength=n) for k in (0, 1)], axis=1)


def _repulsion_dense(pos: np.ndarray, chunk: int = 256) -> np.ndarray:
    """Σ_j (p_i - p_j) / |p_i - p_j|²: repulsion 1/d between every pair."""
    x, y = pos[:, 0], pos[:, 1]
    out = np.empty_like(pos)
    for s in range(0, len(pos), chunk):
        dx = x[s : s + chunk, None] - x[None, :]
        dy = y[s : s + chunk, None] - y[None, :]
        inv = 1.0 / np.maximum(dx * dx + dy * dy, 1e-4)
        out[s : s + chunk, 0] = (dx * inv).sum(1)
        out[s : s + chunk, 1] = (dy * inv).sum(1)
    return out


def _repulsion_grid(pos: np.ndarray) -> np.ndarray:
    """The same repulsion, exact between nodes in neighbouring grid cells; beyond, each cell's nodes are
    taken at its centre and the field is one FFT convolution over the grid (particle-mesh): O(n) rather
    than O(n²)."""
    # Cells a little smaller than the mean spacing: few pairs in the dense parts, a small grid overall.
    cell = 0.7 * math.sqrt(float(np.prod(np.ptp(pos, axis=0) + 1e-9)) / len(pos))
    ij, i, j = _near_pairs(pos, cell)
    delta = pos[i] - pos[j]
    out = _sum_at(i, delta / np.maximum((delta * delta).sum(1), 1e-4)[:, None], len(pos))
    mass = np.zeros((int(ij[:, 0].max()) + 1, int(ij[:, 1].max()) + 1))
    np.add.at(mass, (ij[:, 0], ij[:, 1]), 1.0)
    for axis, far in enumerate(_far_field(mass, cell)):
        out[:, axis] += far[ij[:, 0], ij[:, 1]]
    return out


def _near_pairs(pos: np.ndarray, cell: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each node's grid cell, and every ordered pair (i, j), i ≠ j, of nodes in the same or touching cells."""
    ij = np.floor((pos - pos.min(0)) / cell).astype(np.int64)
    height = int(ij[:, 1].max()) + 3  # a neighbour's key never wraps into the next column
    key = ij[:, 0] * height + ij[:, 1]
    order = np.argsort(key, kind="stable")
    cells, starts, counts = np.unique(key[order], return_index=True, return_counts=True)
    pairs = [
        _cell_pairs(cells, starts, counts, order, dx * height + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)
    ]
    return ij, np.concatenate([p[0] for p in pairs]), np.concatenate([p[1] for p in pairs])


def _far_field(mass: np.ndarray, cell: float) -> tuple[np.ndarray, np.ndarray]:
    """x and y of Σ mass·d/|d|² over the cells more than one cell away, for every cell."""
    w, h = mass.shape
    dx, dy = np.meshgrid(np.arange(-w + 1, w) * cell, np.arange(-h + 1, h) * cell, indexing="ij")
    d2 = dx * dx + dy * dy
    near = (np.abs(dx) <= cell * 1.01) & (np.abs(dy) <= cell * 1.01)  # counted exactly, pair by pair
    inv = np.where(near, 0.0, 1.0 / np.maximum(d2, 1e-9))
    shape = (2 * w - 1 + w, 2 * h - 1 + h)
    spectrum = np.fft.rfft2(mass, shape)
    fields = []
    for kernel in (dx * inv, dy * inv):
        full = np.fft.irfft2(spectrum * np.fft.rfft2(kernel, shape), shape)
        fields.append(full[w - 1 : 2 * w - 1, h - 1 : 2 * h - 1])  # the 'same'-sized part of the convolution
    return fields[0], fields[1]


def _cell_pairs(
    cells: np.ndarray, starts: np.ndarray, counts: np.ndarray, order: np.ndarray, offset: int
) -> tuple[np.ndarray, np.ndarray]:
    """Every (i, j), i ≠ j, with i in a cell and j in the cell `offset` keys away."""
    k = np.searchsorted(cells, cells + offset)
    ok = (k < len(cells)) & (cells[np.minimum(k, len(cells) - 1)] == cells + offset)
    u, v = np.nonzero(ok)[0], k[ok]
    cu, cv = counts[u], counts[v]
    sizes = cu * cv
    pair = np.repeat(np.arange(len(u)), sizes)
    r = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    i = order[starts[u][pair] + r // cv[pair]]
    j = order[starts[v][pair] + r % cv[pair]]
    keep = i != j
    return i[keep], j[keep]


ASPECT = 1.45  # width / height of the graph's part of a laptop screen, the side panel closed


def _pack(placed: list[tuple[list[int], np.ndarray, np.ndarray]]) -> dict[int, tuple[float, float]]:
    """Components packed into a block shaped like the screen, largest first at the top left."""
    gap = 12.0
    boxes = []
    for _, pos, widths in placed:
        # A node's label hangs below it, centred: the box holds both.
        lo = np.min(np.stack([pos[:, 0] - widths / 2, pos[:, 1] - 16]), axis=1) - gap
        hi = np.max(np.stack([pos[:, 0] + widths / 2, pos[:, 1] + 36]), axis=1) + gap
        boxes.append((lo, hi))
    sizes = np.array([hi - lo for lo, hi in boxes])
    area, widest = float((sizes[:, 0] * sizes[:, 1]).sum()), float(sizes[:, 0].max())
    # Try a few widths; keep the packing that fits the screen at the largest zoom.
    best: tuple[float, list[tuple[float, float]]] | None = None
    for factor in (0.7, 0.85, 1.0, 1.2, 1.45, 1.75):
        width = max(widest, math.sqrt(area * ASPECT) * factor)
        corners, height = _skyline(sizes, width)
        used = max(x + w for (x, _), (w, _) in zip(corners, sizes, strict=True))
        zoom = min(ASPECT / used, 1 / height)
        if best is None or zoom > best[0]:
            best = (zoom, corners)
    assert best is not None
    positions: dict[int, tuple[float, float]] = {}
    for (members, pos, _), (lo, _), corner in zip(placed, boxes, best[1], strict=True):
        for node, (px, py) in zip(members, pos - lo + corner, strict=True):
            positions[node] = (round(float(px), 1), round(float(py), 1))
    return positions


def _skyline(sizes: np.ndarray, width: float, unit: float = 8.0) -> tuple[list[tuple[float, float]], float]:
    """Bottom-left packing: each box, in order, goes where its top ends highest up (then leftmost)."""
    columns = max(1, math.ceil(width / unit))
    sky = np.zeros(columns)
    corners = []
    for w, h in sizes:
        span = min(columns, max(1, math.ceil(w / unit)))
        tops = np.lib.stride_tricks.sliding_window_view(sky, span).max(axis=1)
        x = int(np.argmin(tops))
        corners.append((x * unit, float(tops[x])))
        sky[x : x + span] = tops[x] + h
    return corners, float(sky.max())


# ---- the page ---------------------------------------------------------------------------------------------


def _asset(name: str) -> str:
    return (resources.files("kg") / "data" / "html" / name).read_text(encoding="utf-8")


def _vis_js() -> str:
    """vis-network 10.1.5, vendored from npm with its licences (kg/data/html/vendor/)."""
    return _asset("vendor/vis-network.min.js")


def _inline(text: str, tag: str) -> Markup:
    # Inside <script>/<style> only the closing tag can end the element; refuse rather than emit a broken page.
    if f"</{tag}" in text.lower():
        raise ValueError(f"cannot inline a {tag} containing '</{tag}'")
    return Markup(text)


def _json(value: object) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can open or close a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, code)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def page_data(title: str, explorer: Explorer, positions: dict[int, tuple[float, float]]) -> dict:
    """What the page script reads: compact, and with no IRIs (the page needs none)."""
    styles = [key for key in STYLES if any(e.style == key for e in explorer.entities)]
    relations = [key for key in RELATIONS if any(f.relation == key for k in explorer.links for f in k.facts)]
    kinds = sorted({e.type_name for e in explorer.entities})
    entities = [
        _entity_data(e, styles.index(e.style), kinds.index(e.type_name), positions.get(i))
        for i, e in enumerate(explorer.entities)
    ]
    links = [
        {
            "from": k.source,
            "to": k.target,
            "facts": [
                {"rel": relations.index(f.relation), "label": f.label, "evidence": f.evidence}
                | ({"when": f.when, "since": f.since} if f.when else {})
                for f in k.facts
            ],
        }
        for k in explorer.links
    ]
    return {
        "title": title,
        "types": [{"key": k, **STYLES[k].__dict__} for k in styles],
        "relations": [{"key": k, "background": k in BACKGROUND, **RELATIONS[k].__dict__} for k in relations],
        "kinds": kinds,
        "articles": explorer.articles,
        "entities": entities,
        "links": links,
        "font": FONT,
    }


def _entity_data(entity: Entity, style: int, kind: int, position: tuple[float, float] | None) -> dict:
    """One entity as the page reads it: what it has of alternative names, mentions, authored and
    edited articles and details, and its place in the layout when it is drawn."""
    item: dict = {"label": entity.label, "type": style, "kind": kind}
    optional = {"alt": entity.alt_labels, "mentions": entity.mentions, "authored": entity.authored}
    optional |= {"edited": entity.edited}
    item |= {key: value for key, value in (optional | {"details": entity.details}).items() if value}
    if position is not None:
        item["x"], item["y"] = position
    return item


def _page(title: str, explorer: Explorer, positions: dict[int, tuple[float, float]]) -> str:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    n_drawn = len(positions)
    return env.from_string(_asset("explorer.html.j2")).render(
        title=title,
        n_entities=len(explorer.entities),
        n_drawn=n_drawn,
        n_links=len(explorer.links),
        n_hidden=len(explorer.entities) - n_drawn,
        css=_inline(_asset("explorer.css"), "style"),
        script=_inline(_asset("explorer.js"), "script"),
        vis_js=_inline(_vis_js(), "script"),
        data=Markup(_json(page_data(title, explorer, positions))),
    )
