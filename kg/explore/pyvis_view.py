"""The graph as a pyvis Network, for notebooks: the entities and relations graph.html draws, in its colours,
shapes and layout, as the network object notebook users know (`net.show(...)`, `net.generate_html()`).

It reads what graph.html reads (kg.explore.html.read_graph) and lays it out the same way, so the two views
agree; edges carry the role or part as their label and the sentences they were read from as their tooltip.
"""

from __future__ import annotations

from collections import deque

from pyvis.network import Network
from rdflib import Graph

from kg.explore.html import (
    FONT,
    RELATIONS,
    STYLES,
    Explorer,
    Link,
    background,
    layout,
    layout_edges,
    read_graph,
    sizes,
    weights,
)


def to_pyvis(
    graph: Graph, focus: str | None = None, hops: int = 2, height: str = "640px", width: str = "100%"
) -> Network:
    """The graph (or the entities within `hops` relations of the ones named `focus`, by label or alternative
    label) as a pyvis Network with fixed positions; `LookupError` when no entity has that name.

    >>> net = to_pyvis(kg.load("out").rdf, focus="张三", hops=1)   # doctest: +SKIP
    >>> net.show("zhang.html", notebook=False)                      # doctest: +SKIP
    """
    explorer = read_graph(graph)
    links = [link for link in explorer.links if not background(link)]  # 位于 is off in graph.html too
    chosen = (
        _within(explorer, links, focus, hops)
        if focus
        else sorted({i for k in links for i in (k.source, k.target)})
    )
    kept = [k for k in links if k.source in chosen and k.target in chosen]
    labels, degree = [e.label for e in explorer.entities], weights(explorer)
    positions = layout(chosen, layout_edges(kept), labels, degree)
    radius, font = sizes(degree, int(degree.max(initial=1)))
    net = Network(height=height, width=width, directed=True, notebook=True, cdn_resources="in_line")
    for i in chosen:
        entity, style = explorer.entities[i], STYLES[explorer.entities[i].style]
        x, y = positions[i]
        net.add_node(
            i, label=entity.label, title=f"{entity.type_name}：{entity.label}", color=style.color,
            shape=style.shape, x=x, y=y, physics=False, size=float(radius[i]),
            font={"face": FONT, "size": float(font[i])},
        )  # fmt: skip
    for link in kept:
        relation = RELATIONS.get(link.facts[0].relation, RELATIONS["other"])
        net.add_edge(
            link.source, link.target, label="、".join(dict.fromkeys(f.label for f in link.facts)),
            title=_sentences(explorer, link), color=relation.color, dashes=relation.dashes,
        )  # fmt: skip
    net.toggle_physics(False)
    return net


def _within(explorer: Explorer, links: list[Link], name: str, hops: int) -> list[int]:
    start = [i for i, e in enumerate(explorer.entities) if name == e.label or name in e.alt_labels]
    if not start:
        raise LookupError(f"no entity named {name!r}")
    neighbours: dict[int, set[int]] = {}
    for link in links:
        neighbours.setdefault(link.source, set()).add(link.target)
        neighbours.setdefault(link.target, set()).add(link.source)
    distance = dict.fromkeys(start, 0)
    queue = deque(start)
    while queue:
        entity = queue.popleft()
        if distance[entity] < hops:
            for other in sorted(neighbours.get(entity, ())):
                if other not in distance:
                    distance[other] = distance[entity] + 1
                    queue.append(other)
    return sorted(distance)


def _sentences(explorer: Explorer, link: Link) -> str:
    """The edge's tooltip: each sentence once, with its article's headline."""
    lines = dict.fromkeys(
        f"{sentence}（{explorer.articles[article]}）" if article >= 0 else sentence
        for fact in link.facts
        for sentence, article in fact.evidence
    )
    return "\n".join(lines)
