"""`kg serve` under load and under a runaway query.

    .venv/bin/python bench/serve.py [GRAPH] [--clients 20] [--queries 50] [--timeout 10] [--json FILE]

GRAPH is a `kg build` folder (default: out/, which `make run` writes). Lines:
  clients            CLIENTS threads each send QUERIES posts queries (the `posts` preset for one name) to
                     a fresh server, from a cold start: answered, failed, requests/s, 50th and 95th
                     percentile latency; for each store
  runaway query      a cartesian product sorted (it would need more memory than the machine has), then
                     one counted (hours of work), each sent to a server on pyoxigraph with --timeout
                     TIMEOUT and the default --max-memory: the memory of the server's processes
                     (server, zygote, workers: RSS summed, sampled from /proc every 0.1 s) before it, at
                     its peak, and one second after the 503; then whether the next query is answered
"""

from __future__ import annotations

import argparse
import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kg.commands.serve import Endpoint, make_server
from kg.explore.query import open_store, preset

RUNAWAYS = {
    # a cartesian product sorted: it would take more memory than the machine has
    "sorted": "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g",
    # a cartesian product counted: little memory, hours of work
    "counted": "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
}


def serve(endpoint: Endpoint) -> tuple[str, threading.Thread, object]:
    server = make_server(endpoint, "127.0.0.1", 0)
    server.RequestHandlerClass.log_message = lambda *args: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.server_address[1]}/sparql", thread, server


def get(url: str, query: str, timeout: float = 60) -> int:
    try:
        with urllib.request.urlopen(
            f"{url}?{urllib.parse.urlencode({'query': query})}", timeout=timeout
        ) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as error:
        return error.code


def clients(graph: Path, store: str, n_clients: int, n_queries: int) -> dict:
    endpoint = Endpoint(open_store(graph, store), timeout=10, max_results=1000)
    url, _, server = serve(endpoint)
    query = preset("posts").bind({})
    latencies: list[float] = []
    failures: list[int] = []

    def one_client() -> None:
        for _ in range(n_queries):
            started = time.perf_counter()
            status = get(url, query)
            (latencies if status == 200 else failures).append(time.perf_counter() - started)

    threads = [threading.Thread(target=one_client) for _ in range(n_clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    server.shutdown()  # type: ignore[attr-defined]
    endpoint.close()
    latencies.sort()
    return {
        "store": store,
        "answered": len(latencies),
        "failed": len(failures),
        "requests_per_s": round((len(latencies) + len(failures)) / seconds, 1),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000, 1),
    }


def descendants_rss_mib(root: int) -> float:
    """RSS of `root` and every process below it, in MiB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        parents[int(entry.name)] = int(fields[1])
        rss[int(entry.name)] = int(statm.split()[1]) * os.sysconf("SC_PAGE_SIZE")
    family, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in family]
        family.update(children)
        frontier.extend(children)
    return sum(rss.get(pid, 0) for pid in family) / 2**20


def runaway(graph: Path, timeout: float, query: str) -> dict:
    endpoint = Endpoint(open_store(graph, "oxigraph"), timeout=timeout, max_results=10)
    url, _, server = serve(endpoint)
    before = descendants_rss_mib(os.getpid())
    peak = before
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, descendants_rss_mib(os.getpid()))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.perf_counter()
    status = get(url, query, timeout=timeout + 30)
    answered_after = time.perf_counter() - started
    time.sleep(1)
    after = descendants_rss_mib(os.getpid())
    done.set()
    sampler.join()
    next_status = get(url, "ASK { ?s ?p ?o }")
    server.shutdown()  # type: ignore[attr-defined]
    endpoint.close()
    return {
        "status": status,
        "answered_after_s": round(answered_after, 2),
        "rss_before_mib": round(before),
        "rss_peak_mib": round(peak),
        "rss_1s_after_mib": round(after),
        "next_query_status": next_status,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("graph", nargs="?", default="out", type=Path)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    report = {
        "clients": [
            clients(args.graph, store, args.clients, args.queries) for store in ("rdflib", "oxigraph")
        ],
        "runaway": {name: runaway(args.graph, args.timeout, query) for name, query in RUNAWAYS.items()},
    }
    for line in report["clients"]:
        print(
            f"{args.clients} clients x {args.queries} queries, {line['store']:8}:"
            f" {line['answered']} answered, {line['failed']} failed, {line['requests_per_s']} requests/s,"
            f" p50 {line['p50_ms']} ms, p95 {line['p95_ms']} ms"
        )
    for name, r in report["runaway"].items():
        print(
            f"runaway query ({name}), oxigraph, --timeout {args.timeout:g}:"
            f" HTTP {r['status']} after {r['answered_after_s']} s;"
            f" server's processes {r['rss_before_mib']} MiB before, {r['rss_peak_mib']} MiB at the peak,"
            f" {r['rss_1s_after_mib']} MiB 1 s after; next query HTTP {r['next_query_status']}"
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
