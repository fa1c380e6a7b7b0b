"""Seconds to load a graph and to run the preset queries on it, with rdflib and with pyoxigraph: the
query table of the README.

    .venv/bin/python bench/query.py GRAPH [--repeat 3] [--name 柳庆发]

GRAPH is a `kg build` output folder or a graph file. Each figure is the best of --repeat runs (the
machine may be shared); `entity` looks up --name.
"""

from __future__ import annotations

import argparse
import time
from functools import partial

from kg.explore.query import find_graph_file, open_store, preset

PRESETS = ("posts", "entity", "attendance", "projects")


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def timed_load(repeat: int, file, store_name: str):
    """The best load time of `repeat` loads, and the store last loaded."""
    stores = []
    seconds = best_of(repeat, lambda: stores.append(open_store(file, store_name)))
    return seconds, stores[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--name", default="柳庆发")
    args = parser.parse_args()
    file = find_graph_file(args.graph)
    print(f"{file}")
    print("| store | triples | load | " + " | ".join(f"`{p}`" for p in PRESETS) + " |")
    for store_name in ("rdflib", "oxigraph"):
        load, store = timed_load(args.repeat, file, store_name)
        cells = [
            best_of(
                args.repeat,
                partial(store.run, preset(name).bind({"name": args.name} if name == "entity" else {})),
            )
            for name in PRESETS
        ]
        row = [store_name, f"{len(store):,}", f"{load:.2f}", *(f"{c:.3f}" for c in cells)]
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
