"""`kg pipeline`: the components `kg build` and `kg extract` run, in order, with what each reads and
assigns; `--disable NAME` on those commands leaves one out."""

from __future__ import annotations

import argparse

from kg.pipeline import components


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "pipeline", help="list the pipeline's components and what each reads and assigns"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rows = [("component", "reads", "assigns", "")]
    for c in components():
        rows.append(
            (c.name, ", ".join(c.reads), ", ".join(c.assigns), "" if not c.required else "(required)")
        )
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[3])
    return 0
