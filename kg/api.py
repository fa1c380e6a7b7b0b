"""The Python API: `kg.load(path)` and `kg.build(paths)` give a KnowledgeGraph to query and analyse.

    import kg
    g = kg.load("out")                      # a `kg build` folder or a .ttl/.nt/.jsonld/.trig file
    g.query("SELECT ?p WHERE { ?p a schema:Person }")   # → pandas DataFrame
    g.entities(), g.facts()                 # → DataFrames
    nx_graph = g.to_networkx()              # → networkx MultiDiGraph

Entities, facts and the networkx graph are read with SPARQL (kg/data/queries/api/) from a pyoxigraph copy
of the graph, whatever store `query` uses: rdflib takes seconds over queries that pyoxigraph answers in
milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.model import Corpus
from kg.rdf.graph import KG, ORG, SCHEMA, build_dataset, union_graph

if TYPE_CHECKING:
    from pyvis.network import Network
from kg.explore.query import (
    OxigraphStore,
    RdflibStore,
    Results,
    Store,
    api_query,
    load_rdflib_graph,
    open_store,
)

# schema.org class → entity type, as in kg.model.Entity.type and `kg extract`
ENTITY_TYPES = {
    SCHEMA.Person: "PERSON",
    SCHEMA.Place: "PLACE",
    SCHEMA.Event: "EVENT",
    SCHEMA.Project: "PROJECT",
    SCHEMA.Organization: "ORG",
    SCHEMA.GovernmentOrganization: "ORG",
    SCHEMA.Corporation: "ORG",
    SCHEMA.CollegeOrUniversity: "ORG",
    SCHEMA.NewsMediaOrganization: "ORG",
}
ENTITY_COLUMNS = ["iri", "label", "type", "subtype", "alt_labels"]
FACT_COLUMNS = ["subject", "relation", "object", "evidence", "headline", "source", "start", "end",
                "subject_iri", "predicate", "object_iri"]  # fmt: skip


@dataclass
class KnowledgeGraph:
    store: Store  # answers `query`
    _rdf: Graph | None = field(default=None, repr=False)
    _index: OxigraphStore | None = field(default=None, repr=False)  # answers entities() and facts()

    @property
    def rdf(self) -> Graph:
        """The graph as rdflib (read from the file on first use when pyoxigraph holds it)."""
        if self._rdf is None:
            self._rdf = (
                self.store.graph
                if isinstance(self.store, RdflibStore)
                else load_rdflib_graph(self.store.path)
            )
        return self._rdf

    def __len__(self) -> int:
        return len(self.store)

    @property
    def index(self) -> OxigraphStore:
        if self._index is None:
            if isinstance(self.store, OxigraphStore):
                self._index = self.store
            elif isinstance(self.store, RdflibStore):
                self._index = OxigraphStore.from_rdflib(self.store.graph, self.store.path)
            else:
                self._index = OxigraphStore.load(self.store.path)
        return self._index

    def query(self, sparql: str) -> pd.DataFrame:
        """Run SPARQL; a DataFrame with one column per variable (ASK: one column `boolean`; CONSTRUCT and
        DESCRIBE: subject, predicate, object). IRIs become str, literals their Python value, unbound None.
        The prefixes kg: id: schema: org: oa: prov: skos: rdf: rdfs: xsd: owl: time: need no PREFIX line."""
        return to_dataframe(self.store.run(sparql))

    def entities(self) -> pd.DataFrame:
        """One row per entity: iri, label, type (PERSON, ORG, PLACE, EVENT, PROJECT), subtype (for
        organisations: government, party, company, …), alt_labels (list of the other surface forms)."""
        alt_labels: dict[str, list[str]] = {}
        for iri, alt in self.index.run(api_query("alt_labels")).rows:
            alt_labels.setdefault(str(iri), []).append(str(alt))
        rows, seen = [], set()
        for iri, label, cls, subtype in self.index.run(api_query("entities")).rows:
            if str(iri) in seen:  # an entity with two schema.org classes: the first is enough
                continue
            seen.add(str(iri))
            assert isinstance(cls, URIRef)  # bound by the query's VALUES
            entity_type = ENTITY_TYPES[cls]
            rows.append([str(iri), str(label), entity_type, _value(subtype), alt_labels.get(str(iri), [])])
        return pd.DataFrame(rows, columns=ENTITY_COLUMNS, dtype=object)

    def facts(self) -> pd.DataFrame:
        """One row per fact and evidence sentence, with the sentence, the article's headline and the source
        file where the graph has them. Facts: posts held (relation: the role, e.g. 部长), parts taken in
        events (relation: 出席, 主持 …) and direct links between entities (relation: the predicate's local
        name, e.g. attendee, location)."""
        rows = []
        for query, kind in (("memberships", ORG.Membership), ("participations", KG.Participation)):
            for iri, subject, role, object_iri, obj, *evidence in self.index.run(api_query(query)).rows:
                relation = str(role) if role is not None else local_name(kind).lower()
                rows.append([str(subject), relation, str(obj), *map(_value, evidence),
                             str(iri), str(kind), str(object_iri)])  # fmt: skip
        for iri, subject, predicate, object_iri, obj in self.index.run(api_query("links")).rows:
            assert isinstance(predicate, URIRef)  # a triple's predicate, always bound
            rows.append([str(subject), local_name(predicate), str(obj), None, None, None, None, None,
                         str(iri), str(predicate), str(object_iri)])  # fmt: skip
        return pd.DataFrame(rows, columns=FACT_COLUMNS, dtype=object)

    def to_pyvis(self, focus: str | None = None, hops: int = 2) -> Network:
        """The graph as a pyvis Network styled and laid out like graph.html; with `focus`, the entities
        within `hops` relations of the one(s) of that name. In a notebook: `g.to_pyvis("张三").show(...)`
        or `IPython.display.HTML(g.to_pyvis("张三").generate_html(notebook=True))`."""
        from kg.explore.pyvis_view import to_pyvis  # here: pyvis and the layout load only for those who draw

        return to_pyvis(self.rdf, focus, hops)

    def to_networkx(self) -> nx.MultiDiGraph:
        """Entities as nodes (keyed by IRI; attributes label, type, subtype); facts as edges keyed by their
        relation, with `relation`, `predicate`, `evidence` (the sentences it was read from) and `headlines`
        (of the articles those sentences are in)."""
        graph = nx.MultiDiGraph()
        for row in self.entities().itertuples(index=False):
            graph.add_node(row.iri, label=row.label, type=row.type, subtype=row.subtype)
        facts = self.facts()
        for (subject, relation, obj), group in facts.groupby(
            ["subject_iri", "relation", "object_iri"], sort=False
        ):
            graph.add_edge(
                subject,
                obj,
                key=relation,
                relation=relation,
                predicate=group["predicate"].iloc[0],
                evidence=_present(group["evidence"]),  # a post read from three sentences: all three
                headlines=_present(group["headline"]),
            )
        return graph


def load(path: str | Path, store: str = "auto") -> KnowledgeGraph:
    """A graph file (.ttl, .nt, .jsonld, .trig) or a `kg build` output folder.

    store: "rdflib", "oxigraph", or "auto" (pyoxigraph for graphs of more than about 20,000 triples).
    Raises kg.explore.query.QueryError (with a one-line message) for a missing or unreadable file."""
    return KnowledgeGraph(open_store(path, store))


def build(
    paths: str | Path | Sequence[str | Path],
    city: str | None = None,
    engine: str = "lac",
    out: str | Path | None = None,
    date: str | None = None,
    city_map: Sequence[tuple[str, str]] = (),
    disable: Sequence[str] = (),
    lexicons: Sequence[str | Path] = (),
) -> KnowledgeGraph:
    """Run the whole pipeline on text files or folders, in this process, like `kg build`.

    `date` (YYYY-MM-DD) is `--date`: the date of articles that carry none of their own; `city_map`
    pairs (glob, city) as `--city-map` does; `disable` names pipeline components to leave out;
    `lexicons` are folders of one's own lexicons, read after kg's (`--lexicons`). With
    `out`, the graph files and graph.html are written there too."""
    from kg.input.read import InputError
    from kg.service import Options
    from kg.service import build as build_service

    paths = [paths] if isinstance(paths, (str, Path)) else paths
    options = Options(
        city, tuple(city_map), engine, date, tuple(disable), strict=True, lexicons=tuple(map(str, lexicons))
    )
    built = build_service([str(p) for p in paths], options, Path(out) if out is not None else None)
    if built.inputs.stopped:
        raise InputError(built.inputs.stopped.message())
    graph = union_graph(build_dataset(built.corpus or Corpus()))
    return KnowledgeGraph(RdflibStore(graph, Path(out) if out is not None else None), _rdf=graph)


def to_dataframe(results: Results) -> pd.DataFrame:
    """Object columns holding the Python values (None where unbound): no NaN standing in for a missing
    label, no int turned float because one row lacks it. `.infer_objects()` gives pandas dtypes."""
    if results.kind == "ask":
        return pd.DataFrame({"boolean": [bool(results.boolean)]})
    rows = [[_value(term) for term in row] for row in results.rows]
    return pd.DataFrame(rows, columns=results.variables, dtype=object)


def _value(term: Node | None):
    """IRIs and blank nodes as str, literals as their Python value (int, float, date, str), unbound None."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value  # a type rdflib cannot convert
    return str(term)


def _present(values: Iterable) -> list[str]:
    """The distinct values that are there, in order."""
    return list(dict.fromkeys(v for v in values if isinstance(v, str)))


def local_name(iri: URIRef | str) -> str:
    text = str(iri)
    return text[max(text.rfind("#"), text.rfind("/")) + 1 :]
