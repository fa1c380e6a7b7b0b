"""Write the graph: N-Quads, N-Triples, Turtle, JSON-LD, TriG (a named graph per article) and HTML.

The quads are written as the graph is built and sorted on disk (kg.rdf.quads), so no format needs the
graph in memory, and the same input gives byte-identical files. Every file is made in a working folder
inside `out` and the set is published as one (see `publish`): a run that fails or is killed leaves the
previous outputs, or the new ones, never some of each. graph.nq is the file for bulk loading into a
SPARQL server (README: Large corpora).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from kg.explore.html import write_html
from kg.model import Corpus
from kg.rdf import quads
from kg.rdf.graph import build_dataset
from kg.rdf.rdf_formats import JOURNAL

DERIVED = {"graph.ttl": "graph.nt", "graph.jsonld": "graph.nt", "graph.trig": "graph.nq"}  # name: made from
OUTPUTS = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "graph.nq", "graph.html")
LOCK = ".kg-lock"
WORK_PREFIX = ".kg-export."
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


def export(
    corpus: Corpus, out: Path, title: str = "kg", extra: Mapping[str, Callable[[Path], None]] | None = None
) -> dict[str, Path]:
    """Write every output into `out`, and the `extra` files (name → a function writing it; the last is
    published last); returns name → path."""
    extra = extra or {}
    with owning(out):
        with tempfile.TemporaryDirectory(prefix=WORK_PREFIX, dir=out) as folder:
            work = Path(folder)
            prefixes = write_quads(corpus, work)
            for name, source in DERIVED.items():
                quads.convert(work / source, work / name, prefixes)
            write_graph_html(work / "graph.nt", work / "graph.html", title)
            for name, write in extra.items():
                write(work / name)
            publish(work, out, [*OUTPUTS, *extra])
    return {name: out / name for name in [*OUTPUTS, *extra]}


@contextmanager
def owning(out: Path) -> Iterator[None]:
    """Hold `out` for one build at a time, after finishing or clearing what an interrupted one left."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second build into the same folder waits for the first
        finish_interrupted(out)
        yield


def publish(work: Path, out: Path, names: list[str]) -> None:
    """Rename each file of `work` into `out`, under a journal naming the set: a run killed between two
    renames leaves the journal, and the next build into `out` completes the set (readers refuse it
    until then)."""
    journal = out / JOURNAL
    listing = "\n".join([work.name, *names]) + "\n"
    write_atomic(journal, lambda tmp: _write_text(tmp, listing))
    for name in names:
        _publish(work / name, out / name)
    journal.unlink()


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def finish_interrupted(out: Path) -> None:
    """Complete the publishing an interrupted build began, and remove its working files."""
    journal = out / JOURNAL
    if journal.exists():
        work_name, *names = journal.read_text(encoding="utf-8").split()
        for name in names:
            if (out / work_name / name).exists():
                _publish(out / work_name / name, out / name)
        journal.unlink()
    for leftover in out.glob(WORK_PREFIX + "*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in out.glob(f".{JOURNAL}.*"):  # the journal's own temporary file (write_atomic)
        leftover.unlink(missing_ok=True)


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
    from kg.explore.neighbourhood import overview

    if quads.count_lines(ntriples) <= HTML_WHOLE:
        write_html(quads.union_graph(ntriples), path, title)
    else:
        graph, note = overview(ntriples)
        write_html(graph, path, f"{title} — {note}")
