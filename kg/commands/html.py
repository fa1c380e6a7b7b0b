"""`kg html GRAPH --focus NAME [--hops 2] --out FILE`: one entity's neighbourhood as an HTML page.

For a graph too big to draw whole (graph.html then shows an overview of the most connected entities).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.explore.neighbourhood import write_focus

EXIT_BAD_INPUT = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("html", help="draw one entity's neighbourhood of a big graph as an HTML page")
    p.add_argument("graph", help="graph.nt, or an output folder of `kg build`")
    p.add_argument("--focus", required=True, metavar="NAME", help="the entity's label or alternative label")
    p.add_argument("--hops", type=int, default=2, help="links from the entity to draw (default: 2)")
    p.add_argument("--out", required=True, metavar="FILE", help="the HTML file to write")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    graph = Path(args.graph)
    ntriples = graph / "graph.nt" if graph.is_dir() else graph
    if ntriples.suffix != ".nt" or not ntriples.is_file():
        print(f"kg: {args.graph}: give graph.nt or a `kg build` output folder", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        write_focus(ntriples, args.focus, args.hops, Path(args.out))
    except LookupError as error:
        print(f"kg: {error.args[0]}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(args.out)
    return 0
