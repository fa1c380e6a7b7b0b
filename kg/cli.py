"""Command line: kg build, kg extract, kg eval, and the commands of kg/commands/.

Each further command is a module in kg/commands with `register(subparsers)`, which
adds its parser and sets `run=handler` (a function of the parsed args returning an
exit code); list it in COMMANDS below.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import kg
from kg import parallel, pipeline, service
from kg.evaluate import differences, evaluate, format_scores
from kg.extract import document_json
from kg.input.manifest import totals
from kg.input.read import Accounted, Entry
from kg.language.engines import EngineError
from kg.language.lexicon import LexiconError
from kg.model import Corpus, Document
from kg.readers.orgs import CityMapError, check_city, read_city_map

EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it (128 + SIGINT)
EXIT_ENGINE = 4  # the engine cannot be used (unknown, or its model is not on this machine)
EXIT_INPUT_ERRORS = 3  # some inputs could not be read; the rest were processed (or --strict stopped)
EXIT_NOTHING_READ = 2  # no input could be read (argparse also exits 2 on a usage error)
COMMANDS: tuple[str, ...] = (
    "query",
    "serve",
    "train_ner",
    "html",
    "pipeline",
    "lexicon",
)  # modules under kg.commands


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kg", description="Chinese news → knowledge graph")
    parser.add_argument("--version", action="version", version=f"kg {kg.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="build the graph files and graph.html from text files or folders")
    _common(build)
    build.add_argument("--out", default="out", help="output folder (default: out)")
    build.add_argument(
        "--append",
        nargs="?",
        const=True,
        default=None,
        metavar="DIR",
        help="add the inputs to the graph already built in DIR (default: --out) without duplicating "
        "entities: the same graph as building everything at once",
    )
    build.set_defaults(run=_build)

    extract = sub.add_parser("extract", help="print mentions and facts as JSON lines")
    _common(extract)
    extract.add_argument("--format", choices=["jsonl"], default="jsonl")
    extract.add_argument("--lines", action="store_true", help="treat every input line as its own document")
    extract.set_defaults(run=_extract)

    ev = sub.add_parser("eval", help="score the extractor against gold annotations")
    ev.set_defaults(run=_eval)
    ev.add_argument("gold", help="folder with positions.jsonl and persons.jsonl")
    ev.add_argument("--input", default="seeds", help="folder of the annotated texts (default: seeds)")
    ev.add_argument("--city", default=None)
    ev.add_argument("--engine", default="lac")
    ev.add_argument("--show-errors", action="store_true", help="list what was missed or wrong, per relation")
    ev.add_argument("--lexicons", action="append", default=[], metavar="DIR", help="as for kg build")

    for name in COMMANDS:
        importlib.import_module(f"kg.commands.{name}").register(sub)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:  # outputs are published as one set, so nothing half-written is left
        print("\nkg: interrupted; the outputs are those of the last finished run", file=sys.stderr)
        return EXIT_INTERRUPTED
    except EngineError as error:  # unknown engine, model not on this machine: the message says what to do
        print(f"kg: {error}", file=sys.stderr)
        return EXIT_ENGINE
    except (CityMapError, LexiconError) as error:  # before any input is read: nothing is lost
        print(f"kg: {error}", file=sys.stderr)
        return EXIT_NOTHING_READ


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", help="text, HTML or PDF files, or folders of them")
    in_folders = "in folders (glob on the path relative to the folder, or on the name; repeatable)"
    p.add_argument(
        "--include", action="append", default=[], metavar="GLOB", help=f"read only these {in_folders}"
    )
    p.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help=f"leave these out {in_folders}"
    )
    p.add_argument("--strict", action="store_true", help="stop at the first input that cannot be read")
    p.add_argument(
        "--lexicons",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of your own lexicons, read after kg's: files named as those of kg/data (titles.txt, "
        "event_heads.tsv …) whose lines add to kg's (repeatable; `kg lexicon check --lexicons DIR`)",
    )
    p.add_argument(
        "--city",
        default=None,
        type=_city,
        help="city of publication, e.g. 聊城市 (default: each document's own, inferred from its text)",
    )
    p.add_argument(
        "--disable",
        action="append",
        default=[],
        type=_component,
        metavar="NAME",
        help="leave a component out (repeatable; `kg pipeline` lists them): e.g. events, projects",
    )
    p.add_argument(
        "--city-map",
        default=None,
        metavar="FILE",
        help="lines 'GLOB CITY' (e.g. 'dezhou/* 德州市'): documents whose path matches are read in that city",
    )
    p.add_argument(
        "--date",
        default=None,
        type=_issue_date,
        metavar="YYYY-MM-DD",
        help="issue date: gives dates written without a year ('12月27日') their year",
    )
    p.add_argument(
        "--engine",
        default="lac",
        help="NER engine: lac (default), hanlp (HanLP's pretrained model, from HANLP_HOME), hanlp:DIR "
        "(a model saved by HanLP, e.g. by kg train-ner), auto (hanlp if its model is there, else lac)",
    )
    p.add_argument(
        "--workers", type=int, default=1, metavar="N", help="processes for the per-document work (default: 1)"
    )
    p.add_argument(
        "--executor",
        choices=parallel.EXECUTORS,
        default="local",
        help="local (processes on this machine, default) or dask (a Dask cluster: --scheduler, or a "
        "LocalCluster of --workers processes)",
    )
    p.add_argument(
        "--scheduler", default=None, metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786"
    )


def _reporter() -> service.Reporter:
    return service.Reporter(say=_say, entry=_report, progress=_progress)


def _say(text: str) -> None:
    print(f"kg: {text}", file=sys.stderr)


def _report(entry: Entry) -> None:
    """One line on stderr per input that is not simply read: failed, empty, or read with a repair."""
    if entry.status == "failed":
        _say(f"skipped {entry.message()}")
    elif entry.status == "empty":
        _say(f"nothing to read in {entry.message()}")
    elif entry.status == "ok" and entry.note:
        _say(f"warning: {entry.message()}")


def _component(text: str) -> str:
    try:
        pipeline.check_disabled([text])
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _city(text: str) -> str:
    try:
        check_city(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _issue_date(text: str) -> str:
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _options(args: argparse.Namespace) -> service.Options:
    """The build options of the parsed arguments (`kg eval` has fewer than the others)."""
    return service.Options(
        city=args.city,
        city_map=read_city_map(args.city_map) if getattr(args, "city_map", None) else (),
        engine=args.engine,
        date=getattr(args, "date", None),
        disable=tuple(getattr(args, "disable", ())),
        workers=getattr(args, "workers", 1),
        executor=getattr(args, "executor", "local"),
        scheduler=getattr(args, "scheduler", None),
        include=tuple(getattr(args, "include", ())),
        exclude=tuple(getattr(args, "exclude", ())),
        strict=getattr(args, "strict", False),
        lexicons=tuple(args.lexicons),
    )


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total > 1:
        width = 30
        filled = width * done // total
        print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files", end="", file=sys.stderr)
        if done == total:
            print(file=sys.stderr)


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    out = Path(args.out if args.append in (None, True) else args.append)
    built = service.build(args.paths, _options(args), out, bool(args.append), _reporter())
    if built.inputs.stopped:
        return EXIT_INPUT_ERRORS
    if built.corpus is None:
        return EXIT_NOTHING_READ
    print(summary(built.corpus, len(built.corpus.sources)))
    print(f"\n{built.characters:,} characters in {time.perf_counter() - started:.1f} s")
    print(inputs_summary(built.inputs))
    print("outputs:")
    for path in built.written.values():
        print(f"  {path}")
    return EXIT_INPUT_ERRORS if built.inputs.failures else 0


def inputs_summary(inputs: Accounted) -> str:
    """What became of the inputs, and each failure with its reason."""
    counts = totals(inputs.entries)
    lines = [
        f"inputs: {counts['ok']} read, {counts['empty']} empty, {counts['failed']} failed,"
        f" {counts['skipped']} not read (see manifest.json)"
    ]
    lines += [f"  failed: {failure}" for failure in inputs.failures]
    return "\n".join(lines)


def summary(corpus: Corpus, files: int) -> str:
    kinds: Counter[str] = Counter()
    for entity in corpus.entities.values():
        kinds[entity.type if entity.type != "ORG" else f"ORG ({entity.subtype})"] += 1
    rows = [("files", files), ("articles", len(corpus.articles))]
    rows += sorted(kinds.items())
    rows += [("posts held (org:Membership)", len(corpus.memberships))]
    rows += [("authors (schema:author)", sum(len(a.authors) for a in corpus.articles))]
    rows += [("editors (schema:editor)", sum(len(a.editors) for a in corpus.articles))]
    rows += [("mentions (schema:mentions)", sum(len(a.mentions) for a in corpus.articles))]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {count:>6}" for name, count in rows)


def _extract(args: argparse.Namespace) -> int:
    options = _options(args)
    inputs = service.read(args.paths, options, _reporter())
    if inputs.stopped:
        return EXIT_INPUT_ERRORS
    docs = inputs.docs
    if args.lines:
        docs = [
            Document(path=f"{doc.path}:{n}", original=line)
            for doc in docs
            for n, line in enumerate(doc.original.split("\n"), start=1)
            if line.strip()
        ]
    if docs:
        docs, _ = service.analyse(docs, options, _reporter())
    for doc in docs:
        print(json.dumps(document_json(doc), ensure_ascii=False))
    if not inputs.docs:
        return EXIT_NOTHING_READ
    return EXIT_INPUT_ERRORS if inputs.failures else 0


def _eval(args: argparse.Namespace) -> int:
    options = _options(args)
    inputs = service.read([args.input], options, _reporter())
    _, corpus = service.analyse(inputs.docs, options, _reporter())
    gold = Path(args.gold)
    errors: list[str] = []
    print(format_scores(evaluate(corpus, gold, errors)))
    if args.show_errors:
        missed, spurious = differences(corpus, gold)
        print("\nposts missed:")
        print("\n".join(f"  {m}" for m in missed) or "  none")
        print("posts spurious:")
        print("\n".join(f"  {s}" for s in spurious) or "  none")
        print("persons, changes, events, participation and projects:")
        print("\n".join(f"  {e}" for e in errors) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
