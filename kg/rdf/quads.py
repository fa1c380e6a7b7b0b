"""The graph written as N-Quads lines as it is built, then sorted on disk: no in-memory RDF store.

kg.rdf.graph.build_dataset adds triples to `dataset.graph(name)`; QuadFile takes the place of the rdflib
Dataset and writes each quad as an N-Quads line (N-Triples escapes as rdflib's writer makes them, so graph.nt
has the bytes rdflib gave). Sorting with `sort -u` in the C locale gives the order and the de-duplication of
Python's sorted(set(lines)) in bounded memory; Turtle, TriG and JSON-LD are then streamed from the
sorted files by pyoxigraph, so every format is deterministic and none needs the graph in memory.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from kg.rdf import rdf_formats

SORT_MEMORY = "256M"  # sort's buffer; it spills to temporary files beyond it


class _NamedGraph:
    def __init__(self, out: IO[str], name: URIRef) -> None:
        self._out, self._suffix = out, f" {name.n3()} .\n"

    def add(self, triple: tuple) -> None:
        subject, predicate, obj = triple
        self._out.write(f"{subject.n3()} {predicate.n3()} {_object_n3(obj)}{self._suffix}")


def _object_n3(term: URIRef | Literal) -> str:
    """The object as N-Triples writes it, with the escapes rdflib's N-Triples writer uses: Literal.n3()
    is Turtle's form, which puts a text with line breaks in triple quotes."""
    if not isinstance(term, Literal):
        return term.n3()
    quoted = '"' + str(term).translate(_ESCAPES) + '"'
    if term.language:
        return f"{quoted}@{term.language}"
    return f"{quoted}^^<{term.datatype}>" if term.datatype else quoted


_ESCAPES = str.maketrans({"\\": "\\\\", "\n": "\\n", '"': '\\"', "\r": "\\r"})


class QuadFile:
    """Stands in for rdflib's Dataset in kg.rdf.graph.build_dataset: graph(name).add(triple) writes a line."""

    def __init__(self, out: IO[str]) -> None:
        self._out = out
        self.prefixes: dict[str, str] = {}

    def graph(self, name: URIRef) -> _NamedGraph:
        return _NamedGraph(self._out, name)

    def bind(self, prefix: str, namespace: str, **_: object) -> None:
        self.prefixes[prefix] = str(namespace)


def sort_lines(source: Path, target: Path) -> None:
    """Sorted unique lines, compared as bytes."""
    if shutil.which("sort"):
        env = {**os.environ, "LC_ALL": "C"}
        subprocess.run(
            ["sort", "-u", "-S", SORT_MEMORY, "-T", str(target.parent), "-o", str(target), str(source)],
            check=True,
            env=env,
        )
    else:  # no sort(1): in memory
        target.write_bytes(b"".join(sorted(set(source.read_bytes().splitlines(keepends=True)))))


def triples_of_quads(nquads: Path, ntriples: Path) -> None:
    """The union graph: each quad's line without its graph name (sort afterwards)."""
    with nquads.open("rb") as lines, ntriples.open("wb") as out:
        for line in lines:
            out.write(line[: line.rindex(b" <", 0, len(line) - 3)] + b" .\n")


def convert(source: Path, target: Path, prefixes: dict[str, str]) -> None:
    """`source` rewritten in the format `target`'s suffix names (kg/rdf/rdf_formats.py)."""
    with source.open("rb") as data, target.open("wb") as out:
        ox.serialize(
            ox.parse(data, format=_format_of(source)), out, format=_format_of(target), prefixes=prefixes
        )


def _format_of(path: Path) -> ox.RdfFormat:
    found = rdf_formats.of_file(path)
    return found.oxigraph if found else ox.RdfFormat.N_TRIPLES


def count_lines(path: Path) -> int:
    with path.open("rb") as lines:
        return sum(1 for _ in lines)


def union_graph(ntriples: Path) -> Graph:
    """The union graph in rdflib, for the HTML view of a graph small enough to draw whole; parsed by
    pyoxigraph, several times faster than rdflib's N-Triples parser."""
    graph = Graph()
    with ntriples.open("rb") as data:
        for triple in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
            graph.add((URIRef(triple.subject.value), URIRef(triple.predicate.value), _term(triple.object)))
    return graph


def _term(node: ox.NamedNode | ox.Literal) -> URIRef | Literal:
    if isinstance(node, ox.NamedNode):
        return URIRef(node.value)
    if node.language:
        return Literal(node.value, lang=node.language)
    datatype = node.datatype.value
    return Literal(node.value, datatype=None if datatype == _STRING else URIRef(datatype))


_STRING = "http://www.w3.org/2001/XMLSchema#string"
