"""Write the graph: Turtle, N-Triples, JSON-LD, TriG (a named graph per article) and HTML.

Every file is written to a temporary name and renamed into place, so a failed
run leaves the previous outputs intact. N-Triples lines are sorted, so the same
input gives byte-identical files.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset, Graph

from .graph import union_graph
from .html import write_html

FORMATS = {"graph.ttl": "turtle", "graph.nt": "nt", "graph.jsonld": "json-ld", "graph.trig": "trig"}


def write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Call write(tmp) then rename tmp over path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)  # mkstemp makes files private; outputs are ordinary files
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _serialize(graph: Graph | Dataset, fmt: str) -> Callable[[Path], None]:
    def write(tmp: Path) -> None:
        data = graph.serialize(format=fmt, encoding="utf-8")
        if fmt == "nt":
            data = b"".join(sorted(set(data.splitlines(keepends=True))))
        tmp.write_bytes(data)

    return write


def export(dataset: Dataset, out: Path, title: str = "kg") -> dict[str, Path]:
    """Write every output into `out`; returns name → path."""
    union = union_graph(dataset)
    written: dict[str, Path] = {}
    for name, fmt in FORMATS.items():
        source = dataset if fmt == "trig" else union
        written[name] = out / name
        write_atomic(out / name, _serialize(source, fmt))
    written["graph.html"] = out / "graph.html"
    write_atomic(out / "graph.html", lambda tmp: write_html(union, tmp, title))
    return written
