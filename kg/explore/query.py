"""SPARQL over a built graph: load a graph file into a store, run a query or a preset, write the results.

Two stores answer the same queries with the same `Results` (rdflib terms), so the output formats and the
tests do not care which one ran: rdflib, the reference, and pyoxigraph (Rust), taken for large graphs,
where rdflib is slow to load and to query. Presets are the SPARQL files in kg/data/queries/; their
parameters are bound by a VALUES clause put at the top of the WHERE block, so a preset file stays a plain
SPARQL query that runs as is in any tool.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Protocol, overload

from rdflib import OWL, RDF, RDFS, SKOS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.query import Result, ResultRow
from rdflib.term import Node

from kg.explore import sparql_policy
from kg.rdf import rdf_formats
from kg.rdf.graph import ID, KG, OA, ORG, SCHEMA, TIME

# In a `kg build` folder, N-Triples first: both stores read it fastest.
BUILD_OUTPUTS = ("graph.nt", "graph.ttl", "graph.trig", "graph.jsonld")
STORES = ("auto", "rdflib", "oxigraph")
FORMATS = ("table", "csv", "tsv", "json", "xml")

# Above this many triples `auto` takes pyoxigraph. Counting would mean parsing, so the count is estimated
# from the file size with the bytes per triple of the seeds graph's outputs (kg/rdf/rdf_formats.py).
LARGE_GRAPH_TRIPLES = 20_000  # rdflib takes seconds per query well before 200,000 (bench/query.py)

# Every query may use these without declaring them; both stores get the same ones.
PREFIXES: dict[str, str] = {
    "kg": str(KG), "id": str(ID), "schema": str(SCHEMA), "org": str(ORG), "oa": str(OA), "prov": str(PROV),
    "skos": str(SKOS), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL),
    "time": str(TIME),
}  # fmt: skip

QUERIES = resources.files("kg") / "data" / "queries"


class QueryError(Exception):
    """Bad input the user can fix: the message is one line, shown as is."""


class GraphFileError(QueryError):
    """The graph file is missing or unreadable."""


class ReadOnlyError(QueryError):
    """A SPARQL Update: the graph is only ever read."""


class RefusedError(QueryError):
    """A query kg will not run: a SERVICE not allowed, or a shape that brings engines down."""


@dataclass
class Results:
    kind: str  # "select", "ask" or "graph" (CONSTRUCT, DESCRIBE: rows of subject, predicate, object)
    variables: list[str]
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False  # there were more than max_rows rows; the rest were not read


class Store(Protocol):
    name: str
    path: Path
    allowed_services: frozenset[str]  # endpoints a SERVICE may call (none unless the user allows them)

    def run(self, sparql: str, max_rows: int | None = None) -> Results: ...

    def __len__(self) -> int: ...


# ---- graph files and stores ----


def find_graph_file(path: str | Path) -> Path:
    """A graph file, or the graph file of a `kg build` output folder."""
    path = Path(path)
    if path.is_dir():
        if rdf_formats.half_published(path):
            raise GraphFileError(
                f"{path}: a kg build was interrupted while writing here; run kg build again (or any"
                " kg build --append into it) to complete it"
            )
        for name in BUILD_OUTPUTS:
            if (path / name).is_file():
                return path / name
        raise GraphFileError(
            f"{path}: no {', '.join(BUILD_OUTPUTS)} in this folder (not a `kg build` output?)"
        )
    if not path.exists():
        raise GraphFileError(f"{path}: no such file or folder")
    if not path.is_file():  # a FIFO or a device would be read forever
        raise GraphFileError(f"{path}: not a regular file")
    if rdf_formats.of_file(path) is None:
        raise GraphFileError(
            f"{path}: not a graph file (expected {', '.join(rdf_formats.SUFFIXES)} or a folder)"
        )
    return path


def check_local_contexts(file: Path) -> None:
    """Refuse a JSON-LD file that names a remote @context: reading it would make rdflib fetch the URL."""
    try:
        document = json.loads(file.read_bytes())
    except (ValueError, RecursionError) as error:
        raise GraphFileError(f"{file}: cannot read as json-ld: {one_line(error)}") from None
    pending = [document]
    while pending:  # without recursion: a document may nest deeper than Python's stack
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "@import" or (key == "@context" and _names_a_document(value)):
                    raise GraphFileError(
                        f"{file}: names a remote JSON-LD context ({key}), which kg does not fetch: put the"
                        " context in the file"
                    )
                if key == "@context" and _alias_depth(value) > MAX_ALIAS_DEPTH:
                    raise GraphFileError(
                        f"{file}: a JSON-LD context whose terms are defined by one another more than"
                        f" {MAX_ALIAS_DEPTH} deep (pyoxigraph's reader crashes on such chains)"
                    )
                pending.append(value)


MAX_ALIAS_DEPTH = 64


def _alias_depth(context: object) -> int:
    """The longest chain of terms defined by other terms of the same context ("a2": "a1", "a1": "a0")."""
    terms: dict[str, str] = {}
    for part in context if isinstance(context, list) else [context]:
        if isinstance(part, dict):
            for term, value in part.items():
                target = value.get("@id") if isinstance(value, dict) else value
                if isinstance(target, str):
                    terms[term] = target
    depth: dict[str, int] = {}
    for start in terms:
        chain, term = [], start
        while term in terms and term not in depth and term not in chain:
            chain.append(term)
            term = terms[term]
        known = depth.get(term, 0)
        for term in reversed(chain):
            known += 1
            depth[term] = known
    return max(depth.values(), default=0)


def _names_a_document(context: object) -> bool:
    items = context if isinstance(context, list) else [context]
    return any(isinstance(item, str) for item in items)


def graph_format(file: Path) -> str:
    """The rdflib name of a graph file's format."""
    return _format(file).rdflib


def _format(file: Path) -> rdf_formats.RdfFormat:
    found = rdf_formats.of_file(file)
    assert found is not None  # find_graph_file let only graph files through
    return found


def estimated_triples(file: Path) -> int:
    return file.stat().st_size // _format(file).bytes_per_triple


def choose_store(file: Path) -> str:
    return "oxigraph" if estimated_triples(file) > LARGE_GRAPH_TRIPLES else "rdflib"


def open_store(path: str | Path, store: str = "auto", allowed_services: Iterable[str] = ()) -> Store:
    """Load a graph file or `kg build` folder into rdflib or pyoxigraph (`auto`: by the graph's size).
    A SERVICE in a query may call only the endpoints in `allowed_services`."""
    file = find_graph_file(path)
    if store == "auto":
        store = choose_store(file)
    loaded: Store
    if store == "rdflib":
        loaded = RdflibStore.load(file)
    elif store == "oxigraph":
        loaded = OxigraphStore.load(file)
    else:
        raise QueryError(f"unknown store {store!r} (choose from {', '.join(STORES)})")
    loaded.allowed_services = frozenset(allowed_services)
    return loaded


def check_query(sparql: str, allowed_services: frozenset[str]) -> None:
    """The checks every store makes before running a query (see sparql_policy)."""
    check_not_empty(sparql)
    try:
        sparql_policy.check_query(sparql, allowed_services, PREFIXES)
    except sparql_policy.PolicyError as error:
        raise RefusedError(str(error)) from None


def load_rdflib_graph(file: Path) -> Graph:
    """The file as an rdflib graph; a TriG or N-Quads file as a dataset whose default graph is the union."""
    fmt = graph_format(file)
    if fmt == "json-ld":
        check_local_contexts(file)
    graph = Dataset(default_union=True) if _format(file).quads else Graph()
    try:
        graph.parse(file, format=fmt)
    except Exception as error:  # rdflib's parsers raise many kinds; all mean the same to the user
        raise GraphFileError(f"{file}: cannot read as {fmt}: {one_line(error)}") from None
    return graph


class RdflibStore:
    name = "rdflib"

    def __init__(self, graph: Graph, path: Path | None = None) -> None:
        self.graph = graph
        self.path = path or Path("<memory>")
        self.allowed_services: frozenset[str] = frozenset()

    @classmethod
    def load(cls, file: Path) -> RdflibStore:
        return cls(load_rdflib_graph(file), file)

    def __len__(self) -> int:
        return len(self.graph)

    def run(self, sparql: str, max_rows: int | None = None) -> Results:
        from rdflib.plugins.sparql import prepareQuery

        check_query(sparql, self.allowed_services)
        try:
            prepared = prepareQuery(sparql, initNs=PREFIXES)
        except Exception as error:  # pyparsing's, or rdflib's translation (an unknown prefix)
            raise query_error(sparql, error, malformed=True) from None
        try:
            result = self.graph.query(prepared)
            if result.type == "ASK":
                return Results("ask", [], boolean=bool(result.askAnswer))
            if result.type in ("CONSTRUCT", "DESCRIBE"):
                assert result.graph is not None  # rdflib sets it for these two
                return collect(
                    "graph", ["subject", "predicate", "object"], sorted_triples(result.graph), max_rows
                )
            variables = [str(v) for v in result.vars or []]
            return collect("select", variables, select_rows(result), max_rows)
        except QueryError:
            raise
        except Exception as error:  # evaluation errors
            raise query_error(sparql, error) from None


class OxigraphStore:
    name = "oxigraph"

    def __init__(self, store, path: Path) -> None:  # store: pyoxigraph.Store
        self.store = store
        self.path = path
        self.allowed_services: frozenset[str] = frozenset()

    @classmethod
    def load(cls, file: Path) -> OxigraphStore:
        import pyoxigraph as ox

        if graph_format(file) == "json-ld":
            check_local_contexts(file)
        store = ox.Store()
        try:
            store.bulk_load(path=str(file), format=_format(file).oxigraph)
        except (SyntaxError, OSError, ValueError) as error:
            raise GraphFileError(f"{file}: cannot read as {graph_format(file)}: {one_line(error)}") from None
        return cls(store, file)

    @classmethod
    def from_rdflib(cls, graph: Graph, path: Path | None = None) -> OxigraphStore:
        """A copy of an rdflib graph (a Dataset keeps its named graphs)."""
        import pyoxigraph as ox

        store = ox.Store()
        if isinstance(graph, Dataset):
            store.bulk_load(graph.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
        else:
            store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return cls(store, path or Path("<memory>"))

    def __len__(self) -> int:
        return len(self.store)

    def run(self, sparql: str, max_rows: int | None = None) -> Results:
        import pyoxigraph as ox

        check_query(sparql, self.allowed_services)
        try:
            # the union default graph: a TriG file's named graphs are queried like rdflib's Dataset
            result = self.store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
            if isinstance(result, ox.QueryBoolean):
                return Results("ask", [], boolean=bool(result))
            if isinstance(result, ox.QueryTriples):
                triples = ((from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object))
                           for t in result)  # fmt: skip
                return collect(
                    "graph", ["subject", "predicate", "object"], sorted(triples, key=row_key), max_rows
                )
            variables = [v.value for v in result.variables]
            rows = (tuple(from_oxigraph(solution[i]) for i in range(len(variables))) for solution in result)
            return collect("select", variables, rows, max_rows)
        except QueryError:
            raise
        except Exception as error:  # SyntaxError when parsing, OSError and others when evaluating
            raise query_error(sparql, error, malformed=isinstance(error, SyntaxError)) from None


def from_oxigraph(term) -> Node | None:
    """A pyoxigraph term as the rdflib term rdflib would have returned."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))
    raise QueryError(f"unsupported term in results: {term}")  # RDF-star triple terms


@overload
def plain_string(term: Node) -> Node: ...
@overload
def plain_string(term: None) -> None: ...
def plain_string(term: Node | None) -> Node | None:
    """ "x"^^xsd:string and "x" are the same literal; rdflib keeps them apart, pyoxigraph does not."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def collect(kind: str, variables: list[str], rows: Iterable[tuple], max_rows: int | None) -> Results:
    results = Results(kind, variables)
    for row in rows:
        if max_rows is not None and len(results.rows) >= max_rows:
            results.truncated = True
            break
        results.rows.append(row)
    return results


def select_rows(result: Result) -> Iterator[tuple[Node | None, ...]]:
    """An rdflib SELECT's rows, read lazily: collect() reads no further than max_rows."""
    for row in result:
        assert isinstance(row, ResultRow)  # a SELECT yields rows; ASK a bool, CONSTRUCT triples
        yield tuple(plain_string(term) for term in row)


def sorted_triples(graph: Graph) -> list[tuple[Node, Node, Node]]:
    """CONSTRUCT results in one order whatever the store, so both print the same."""
    return sorted(((s, p, plain_string(o)) for s, p, o in graph), key=row_key)


def row_key(row: tuple[Node | None, ...]) -> tuple:
    rank = {type(None): 0, BNode: 1, URIRef: 2, Literal: 3}
    return tuple((rank.get(type(term), 4), str(term)) for term in row)


# ---- errors ----


def check_not_empty(sparql: str) -> None:
    if not sparql.strip():
        raise QueryError("empty query")


def is_update(sparql: str) -> bool:
    """Whether the text is a SPARQL Update (INSERT, DELETE, LOAD, CLEAR, …) rather than a query."""
    from rdflib.plugins.sparql.parser import parseUpdate

    if not sparql.strip():
        return False  # the empty string is a valid (empty) update, but nobody means one
    try:
        parseUpdate(sparql)
    except Exception:
        return False
    return True


def query_error(sparql: str, error: Exception, malformed: bool = False) -> QueryError:
    if malformed and is_update(sparql):
        return ReadOnlyError("SPARQL Update is refused: the graph is read-only")
    return QueryError(f"{'malformed SPARQL' if malformed else 'query failed'}: {one_line(error)}")


def one_line(error: Exception | str, limit: int = 300) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---- presets ----


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    required: bool = False
    kind: str = "label"  # label: an @zh label; date: YYYY-MM-DD, bound as xsd:date


@dataclass(frozen=True)
class Preset:
    name: str
    description: str
    params: tuple[Param, ...]
    text: str

    def bind(self, values: Mapping[str, str]) -> str:
        """The query with each given parameter bound to the @zh label given (labels are @zh by contract)."""
        names = [p.name for p in self.params]
        unknown = sorted(set(values) - set(names))
        if unknown:
            takes = ", ".join(names) or "no parameters"
            raise QueryError(f"preset {self.name} has no parameter {', '.join(unknown)} (it takes: {takes})")
        for param in self.params:
            if param.required and param.name not in values:
                raise QueryError(f"preset {self.name} needs --param {param.name}=… ({param.description})")
        kinds = {p.name: p.kind for p in self.params}
        return bind_values(self.text, {name: _term(value, kinds[name]) for name, value in values.items()})


_PARAM_LINE = re.compile(r"#\s*param\s+(\w+)\s*(\(required\))?\s*(\(date\))?\s*:\s*(.*)")


def _term(value: str, kind: str) -> Literal:
    if kind != "date":
        return Literal(value, lang="zh")
    try:
        return Literal(datetime.date.fromisoformat(value).isoformat(), datatype=XSD.date)
    except ValueError:
        raise QueryError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


_WHERE = re.compile(r"^(?!\s*#)[^\n]*?\bWHERE\s*\{", re.IGNORECASE | re.MULTILINE)


def presets() -> dict[str, Preset]:
    found = {}
    for entry in sorted(QUERIES.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            found[entry.name[:-3]] = parse_preset(entry.name[:-3], entry.read_text(encoding="utf-8"))
    return found


def preset(name: str) -> Preset:
    available = presets()
    if name not in available:
        raise QueryError(f"unknown preset {name!r} (available: {', '.join(available)})")
    return available[name]


def iter_presets_help() -> Iterator[str]:
    for p in presets().values():
        params = ", ".join(f"{x.name}{' (required)' if x.required else ''}" for x in p.params)
        yield f"{p.name}: {p.description}" + (f" [--param {params}]" if params else "")


def parse_preset(name: str, text: str) -> Preset:
    """The leading comment says what the preset answers, then one `# param NAME: …` line per parameter."""
    header = [line.strip() for line in text.splitlines()]
    header = header[: next((i for i, line in enumerate(header) if not line.startswith("#")), len(header))]
    description = header[0].lstrip("# ") if header else ""
    params = []
    for line in header:
        match = _PARAM_LINE.fullmatch(line)
        if match:
            kind = "date" if match[3] else "label"
            params.append(Param(match[1], match[4].strip(), required=bool(match[2]), kind=kind))
    return Preset(name, description, tuple(params), text)


def bind_values(sparql: str, values: Mapping[str, Node]) -> str:
    """Bind variables with a VALUES clause at the top of the (outer) WHERE block.

    At the top, the bound values meet the first patterns, so both stores look them up rather than filter
    every solution afterwards.
    """
    if not values:
        return sparql
    match = _WHERE.search(sparql)
    if not match:
        raise QueryError("cannot bind parameters: the query has no WHERE { … } block")
    clauses = "".join(f"\n  VALUES ?{name} {{ {term.n3()} }}" for name, term in values.items())
    return sparql[: match.end()] + clauses + sparql[match.end() :]


def api_query(name: str) -> str:
    """One of the queries kg.api runs (kg/data/queries/api/NAME.rq)."""
    return (QUERIES / "api" / f"{name}.rq").read_text(encoding="utf-8")


# ---- output ----


def render(results: Results, fmt: str) -> str:
    renderers = {"table": to_table, "csv": to_csv, "tsv": to_tsv, "json": to_json_text, "xml": to_xml}
    if fmt not in renderers:
        raise QueryError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return renderers[fmt](results)


def compact(term: Node | None) -> str:
    """A term for human eyes: IRIs with a known prefix (id:person/赵志明), literals as their text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        namespace = max((ns for ns in PREFIXES.values() if term.startswith(ns)), key=len, default=None)
        if namespace:
            prefix = next(p for p, ns in PREFIXES.items() if ns == namespace)
            return f"{prefix}:{term[len(namespace) :]}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def display_width(text: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def to_table(results: Results) -> str:
    if results.kind == "ask":
        return "true" if results.boolean else "false"
    cells = [[" ".join(compact(term).split()) for term in row] for row in results.rows]
    widths = [display_width(v) for v in results.variables]
    for row in cells:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]

    def line(values: Iterable[str]) -> str:
        return "  ".join(
            v + " " * (w - display_width(v)) for v, w in zip(values, widths, strict=True)
        ).rstrip()

    lines = [line(results.variables), line("-" * w for w in widths)]
    lines += [line(row) for row in cells]
    count = f"{len(results.rows)} row" + ("" if len(results.rows) == 1 else "s")
    lines.append(f"({count}{'; more not read' if results.truncated else ''})")
    return "\n".join(lines)


def to_csv(results: Results) -> str:
    """SPARQL 1.1 Query Results CSV: IRIs in full, literals as their text (an ASK answer as one cell)."""
    out = io.StringIO()
    writer = csv.writer(out)  # CRLF line ends, as the CSV results format says
    if results.kind == "ask":
        writer.writerows([["boolean"], ["true" if results.boolean else "false"]])
        return out.getvalue()
    writer.writerow(results.variables)
    for row in results.rows:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
    return out.getvalue()


def to_tsv(results: Results) -> str:
    """SPARQL 1.1 Query Results TSV: a header of ?variables, terms as in Turtle (ASK: one cell)."""
    if results.kind == "ask":
        return f"?boolean\n{'true' if results.boolean else 'false'}\n"
    lines = ["\t".join(f"?{v}" for v in results.variables)]
    lines += ["\t".join(tsv_term(term) for term in row) for row in results.rows]
    return "\n".join(lines) + "\n"


def tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)
    text = str(term).translate(TSV_ESCAPES)
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype and term.datatype != XSD.string:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def to_json(results: Results) -> dict:
    """SPARQL 1.1 Query Results JSON."""
    if results.kind == "ask":
        return {"head": {}, "boolean": bool(results.boolean)}
    bindings = [
        {var: json_term(term) for var, term in zip(results.variables, row, strict=True) if term is not None}
        for row in results.rows
    ]
    return {"head": {"vars": results.variables}, "results": {"bindings": bindings}}


def to_json_text(results: Results) -> str:
    return json.dumps(to_json(results), ensure_ascii=False, indent=1)


def json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)  # rdflib's only other terms (graphs, variables) are not results
    value: dict[str, str] = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype:
        value["datatype"] = str(term.datatype)
    return value


SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def to_xml(results: Results) -> str:
    """SPARQL Query Results XML."""
    ET.register_namespace("", SPARQL_RESULTS_NS)

    def tag(name: str) -> str:
        return f"{{{SPARQL_RESULTS_NS}}}{name}"

    root = ET.Element(tag("sparql"))
    head = ET.SubElement(root, tag("head"))
    if results.kind == "ask":
        ET.SubElement(root, tag("boolean")).text = "true" if results.boolean else "false"
    else:
        for var in results.variables:
            ET.SubElement(head, tag("variable"), name=var)
        body = ET.SubElement(root, tag("results"))
        for row in results.rows:
            result = ET.SubElement(body, tag("result"))
            for var, term in zip(results.variables, row, strict=True):
                if term is not None:
                    binding = ET.SubElement(result, tag("binding"), name=var)
                    _xml_term(binding, term, tag)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _xml_term(parent: ET.Element, term: Node, tag) -> None:
    if isinstance(term, URIRef):
        ET.SubElement(parent, tag("uri")).text = str(term)
    elif isinstance(term, BNode):
        ET.SubElement(parent, tag("bnode")).text = str(term)
    else:
        assert isinstance(term, Literal)  # rdflib's only other terms (graphs, variables) are not results
        node = ET.SubElement(parent, tag("literal"))
        node.text = str(term)
        if term.language:
            node.set(XML_LANG, term.language)
        elif term.datatype:
            node.set("datatype", str(term.datatype))


def triples_graph(results: Results) -> Graph:
    """The rows of a CONSTRUCT or DESCRIBE as a graph again, to serialise as Turtle or N-Triples."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    for row in results.rows:
        graph.add(row)  # type: ignore[arg-type]
    return graph
