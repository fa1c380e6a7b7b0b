"""`kg query GRAPH 'SELECT …'` and `kg query GRAPH --preset NAME [--param name=value]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kg.explore.query import FORMATS, STORES, QueryError, iter_presets_help, open_store, preset, render

EXIT_BAD_INPUT = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "query",
        help="run a SPARQL query or a preset on a graph file or `kg build` folder",
        description="Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on a graph. The prefixes kg: id: "
        "schema: org: oa: prov: skos: rdf: rdfs: xsd: owl: need no PREFIX line.",
        epilog="presets:\n" + "\n".join(f"  {line}" for line in iter_presets_help()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("graph", help="a .ttl/.nt/.jsonld/.trig file or an output folder of `kg build`")
    p.add_argument(
        "sparql", nargs="?", help="the query, a file holding it (.rq), or - to read standard input"
    )
    p.add_argument("--preset", help="run a preset query instead (listed below)")
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a preset's parameter, e.g. name=赵志明 (repeatable)",
    )
    p.add_argument("--format", choices=FORMATS, default="table", help="output (default: an aligned table)")
    p.add_argument(
        "--store",
        choices=STORES,
        default="auto",
        help="query engine; auto takes pyoxigraph for graphs of more than about 20,000 triples",
    )
    add_allow_service(p)
    p.set_defaults(run=run)


def add_allow_service(parser: argparse.ArgumentParser) -> None:
    """The one opt-in to SERVICE, the same for `kg query` and `kg serve`."""
    parser.add_argument(
        "--allow-service",
        action="append",
        default=[],
        metavar="URL",
        help="an endpoint that SERVICE may query (repeatable; by default SERVICE is refused)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        sparql = query_text(args)
        store = open_store(args.graph, args.store, args.allow_service)
        results = store.run(sparql)
    except QueryError as error:
        print(f"kg: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        print(render(results, args.format), end="" if args.format in ("csv", "tsv") else "\n", flush=True)
    except BrokenPipeError:  # `kg query … | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
    return 0


def query_text(args: argparse.Namespace) -> str:
    if bool(args.sparql) == bool(args.preset):
        raise QueryError("give either a SPARQL query or --preset NAME")
    if args.preset:
        return preset(args.preset).bind(parse_params(args.param))
    if args.param:
        raise QueryError("--param goes with --preset")
    if args.sparql == "-":
        return sys.stdin.read()
    if args.sparql.endswith(".rq"):
        try:
            return Path(args.sparql).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise QueryError(f"{args.sparql}: cannot read the query ({error})") from None
    return args.sparql


def parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE, e.g. name=赵志明")
        params[name.strip()] = value.strip()
    return params
