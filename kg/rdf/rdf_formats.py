"""The RDF formats kg writes and reads, in one table: a file's suffix, its names in rdflib and in
pyoxigraph, whether it holds named graphs, and its size per triple (how `kg query` guesses a graph's
size without parsing it, measured on the seeds' outputs)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox


@dataclass(frozen=True)
class RdfFormat:
    suffix: str
    rdflib: str  # the name rdflib's parse and serialize take
    oxigraph: ox.RdfFormat
    quads: bool  # holds named graphs (TriG, N-Quads)
    bytes_per_triple: int


RDF_FORMATS = (
    RdfFormat(".nt", "nt", ox.RdfFormat.N_TRIPLES, False, 146),
    RdfFormat(".nq", "nquads", ox.RdfFormat.N_QUADS, True, 170),
    RdfFormat(".ttl", "turtle", ox.RdfFormat.TURTLE, False, 61),
    RdfFormat(".trig", "trig", ox.RdfFormat.TRIG, True, 67),
    RdfFormat(".jsonld", "json-ld", ox.RdfFormat.JSON_LD, False, 121),
)
SUFFIXES = tuple(f.suffix for f in RDF_FORMATS)


def of_file(path: Path) -> RdfFormat | None:
    """The format a file's suffix names, or None."""
    return next((f for f in RDF_FORMATS if f.suffix == path.suffix.lower()), None)


# While it exists in an output folder, the folder holds the outputs of two runs (a build was killed while
# publishing); it names the new set (kg/export.py writes it, kg query refuses such a folder).
JOURNAL = ".kg-publishing"


def half_published(out: Path) -> bool:
    """Whether `out` holds the outputs of two runs (a build was killed while publishing)."""
    return (out / JOURNAL).exists()
