"""Write the graph: N-Quads, N-Triples, Turtle, JSON-LD, TriG (a named graph per article) and HTML.

The quads are written as the graph is built and sorted on disk (kg.quads), so no format needs the
graph in memory, and the same input gives byte-identical files. Every file is made in a working folder
inside `out` and renamed into place, so a failed run leaves the previous outputs intact. graph.nq is
the file for bulk loading into a SPARQL server (README: Large corpora).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from . import quads
from .graph import build_dataset
from .html import write_html
from .model import Corpus

FORMATS = {"graph.ttl": "turtle", "graph.nt": "nt", "graph.jsonld": "json-ld", "graph.trig": "trig"}
DERIVED = {  # name: (made from, pyoxigraph format)
    "graph.ttl": ("graph.nt", ox.RdfFormat.TURTLE),
    "graph.jsonld": ("graph.nt", ox.RdfFormat.JSON_LD),
    "graph.trig": ("graph.nq", ox.RdfFormat.TRIG),
}
OUTPUTS = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "graph.nq", "graph.html")
HTML_WHOLE = 20_000  # triples: up to this graph.html draws the whole graph, beyond an overview


def write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Call write(tmp) then rename tmp over path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        _publish(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _publish(tmp: Path, path: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    tmp.chmod(0o666 & ~umask)  # mkstemp makes files private; outputs are ordinary files
    os.replace(tmp, path)


def export(corpus: Corpus, out: Path, title: str = "kg") -> dict[str, Path]:
    """Write every output into `out`; returns name → path."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".kg-export.", dir=out) as folder:
        work = Path(folder)
        prefixes = write_quads(corpus, work)
        for name, (source, fmt) in DERIVED.items():
            quads.convert(work / source, fmt, work / name, prefixes)
        write_graph_html(work / "graph.nt", work / "graph.html", title)
        for name in OUTPUTS:
            _publish(work / name, out / name)
    return {name: out / name for name in OUTPUTS}


def write_quads(corpus: Corpus, work: Path) -> dict[str, str]:
    """graph.nq and graph.nt (the union of its graphs), sorted; returns the prefixes bound."""
    raw = work / "raw.nq"
    with raw.open("w", encoding="utf-8", errors="_rdflib_nt_escape") as lines:
        sink = quads.QuadFile(lines)
        build_dataset(corpus, sink)  # type: ignore[arg-type]  # graph(name).add is all it uses
    quads.sort_lines(raw, work / "graph.nq")
    quads.triples_of_quads(work / "graph.nq", raw)
    quads.sort_lines(raw, work / "graph.nt")
    raw.unlink()
    return sink.prefixes


def write_graph_html(ntriples: Path, path: Path, title: str) -> None:
    """The whole graph when it is small enough to draw; beyond, an overview of the most connected
    entities (kg html --focus draws any one entity's neighbourhood)."""
    from .neighbourhood import overview

    if quads.count_lines(ntriples) <= HTML_WHOLE:
        write_html(quads.union_graph(ntriples), path, title)
    else:
        graph, note = overview(ntriples)
        write_html(graph, path, f"{title} — {note}")
