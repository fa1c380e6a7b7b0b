"""Parts of a graph small enough to draw: the most connected entities, or one entity's neighbourhood.

Read from sorted N-Triples (graph.nt) in three streaming passes, so a graph of millions of triples is
never held whole. Kept: the chosen entities with their descriptions, the posts and participations
between two of them with their evidence and roles, and the facts between them; everything that would
point to an entity left out is dropped.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.explore.html import write_html
from kg.rdf.graph import ID, SCHEMA

ENTITY_KINDS = ("person/", "org/", "place/", "event/", "project/")
_ENTITY_PREFIXES = tuple(f"{ID}{kind}" for kind in ENTITY_KINDS)
_NOT_LINKS = {str(SCHEMA.mentions), str(SCHEMA.author), str(SCHEMA.editor)}  # articles mention everything
_LABELS = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel"}
OVERVIEW = 150  # entities in an overview
MAX_DEPTH = 5


_PARTS = re.compile(r"-(?:investment|quantity-\d+|status-\d+)$")  # a project's nodes (kg.rdf.graph)


def is_entity(value: str) -> bool:
    return value.startswith(_ENTITY_PREFIXES) and not _PARTS.search(value)


@dataclass
class Links:
    """Who is connected to whom: entity pairs, through a fact or through a post or a participation."""

    neighbours: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    nodes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # node → its entities
    labels: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # label → entities

    def degree(self) -> Counter[str]:
        return Counter({entity: len(others) for entity, others in self.neighbours.items()})


def _triples(ntriples: Path) -> Iterator[tuple[str, str, ox.NamedNode | ox.Literal]]:
    with ntriples.open("rb") as data:
        for triple in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
            yield triple.subject.value, triple.predicate.value, triple.object


def read_links(ntriples: Path, with_labels: bool = False) -> Links:
    links = Links()
    for subject, predicate, obj in _triples(ntriples):
        if isinstance(obj, ox.Literal):
            if with_labels and predicate in _LABELS and is_entity(subject):
                links.labels[obj.value].append(subject)
            continue
        if predicate in _NOT_LINKS or not is_entity(obj.value):
            continue
        if is_entity(subject):
            links.neighbours[subject].add(obj.value)
            links.neighbours[obj.value].add(subject)
        else:
            links.nodes[subject].append(obj.value)
    for entities in links.nodes.values():
        for a in entities:
            links.neighbours[a].update(b for b in entities if b != a)
    return links


def subgraph(ntriples: Path, keep: set[str], links: Links) -> Graph:
    """The triples about the kept entities and the nodes between them (see the module's docstring)."""
    subjects = keep | {node for node, entities in links.nodes.items() if set(entities) <= keep}
    kept: list[str] = []
    seen = set(subjects)
    for _ in range(MAX_DEPTH):  # entity → post → evidence → selector: a pass per step
        lines, more = _kept_triples(ntriples, subjects, keep)
        kept += lines
        subjects = more - seen
        if not subjects:
            break
        seen |= subjects
    graph = Graph()
    graph.parse(data="".join(kept), format="nt")
    return graph


def _kept_triples(ntriples: Path, subjects: set[str], keep: set[str]) -> tuple[list[str], set[str]]:
    """N-Triples lines of the triples of `subjects` pointing to no dropped entity; and the other nodes
    they point to (evidence, roles, articles, selectors, a project's investment)."""
    lines, more = [], set()
    for subject, predicate, obj in _triples(ntriples):
        if subject not in subjects:
            continue
        if isinstance(obj, ox.NamedNode):
            if is_entity(obj.value) and obj.value not in keep:
                continue
            if not is_entity(obj.value):
                more.add(obj.value)
        lines.append(f"<{subject}> <{predicate}> {obj} .\n")
    return lines, more


def overview(ntriples: Path, size: int = OVERVIEW) -> tuple[Graph, str]:
    """The `size` most connected entities, and a note for the page's title saying what was left out."""
    links = read_links(ntriples)
    degree = links.degree()
    top = sorted(degree, key=lambda e: (-degree[e], e))[:size]
    graph = subgraph(ntriples, set(top), links)
    note = (
        f"Overview: the {len(top)} most connected of {len(degree)} entities. "
        "Draw any one with: kg html OUT --focus NAME"
    )
    return graph, note


def focus(ntriples: Path, name: str, hops: int = 2, limit: int = 2000) -> Graph:
    """The entities within `hops` links of the entities labelled `name` (at most `limit`, nearest first)."""
    links = read_links(ntriples, with_labels=True)
    start = sorted(set(links.labels.get(name, [])))
    if not start:
        raise LookupError(f"no entity labelled {name!r}")
    distance = {entity: 0 for entity in start}
    queue = deque(start)
    while queue and len(distance) < limit:
        entity = queue.popleft()
        if distance[entity] == hops:
            continue
        for other in sorted(links.neighbours.get(entity, ())):
            if other not in distance and len(distance) < limit:
                distance[other] = distance[entity] + 1
                queue.append(other)
    return subgraph(ntriples, set(distance), links)


def write_focus(ntriples: Path, name: str, hops: int, path: Path) -> None:
    write_html(focus(ntriples, name, hops), path, title=f"kg: {name} ({hops} hops)")
