"""`kg lexicon check`: the data files of kg/data against their schemas and each other."""

from __future__ import annotations

import argparse
import sys

EXIT_PROBLEMS = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("lexicon", help="check the lexicons and patterns of kg/data (and your own)")
    p.add_argument("action", choices=["check"], help="check: every file against its schema and the others")
    p.add_argument(
        "--lexicons", action="append", default=[], metavar="DIR", help="check your folder of lexicons too"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.language.lexicon import Lexicons, using
    from kg.lexicon_check import check

    folders = tuple(args.lexicons)
    with using(Lexicons(folders)):
        problems = check()
    where = " and ".join(("kg/data",) + folders)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"kg: {len(problems)} problem(s) in {where}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{where}: every lexicon and pattern file is sound")
    return 0
