"""`kg lexicon check`: the data files of kg/data against their schemas and each other."""

from __future__ import annotations

import argparse
import sys

EXIT_PROBLEMS = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("lexicon", help="check the lexicons and patterns of kg/data")
    p.add_argument("action", choices=["check"], help="check: every file against its schema and the others")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.lexicon_check import check

    problems = check()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"kg: {len(problems)} problem(s) in kg/data", file=sys.stderr)
        return EXIT_PROBLEMS
    print("kg/data: every lexicon and pattern file is sound")
    return 0
