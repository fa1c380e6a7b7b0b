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

from . import parallel, pipeline, stream
from .engines import EngineError
from .evaluate import differences, evaluate, format_scores
from .manifest import counts, run_record, totals, write_manifest
from .model import Article, Corpus, Document, Sentence
from .orgs import CityMapError, Locale, OrgResolver, check_city, read_city_map
from .read import Accounted, Entry, Inputs, Selection, read_inputs
from .resolve import Resolver

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
    except CityMapError as error:  # before any input is read: nothing is lost
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


def read_all(
    paths: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = (), strict: bool = False
) -> tuple[list[Document], list[str]]:
    """Read every file; a bad one is reported on stderr and skipped, never fatal (unless strict)."""
    inputs = _read(paths, include, exclude, strict)
    return inputs.docs, inputs.failures


def _read(paths: Sequence[str], include: Sequence[str], exclude: Sequence[str], strict: bool) -> Inputs:
    inputs = read_inputs(paths, Selection(tuple(include), tuple(exclude)), strict, report=_report)
    _say_what_was_read(inputs, bool(inputs.docs))
    return inputs


def _say_what_was_read(accounted: Accounted, anything: bool) -> None:
    skipped = sum(e.status == "skipped" for e in accounted.entries)
    if skipped:
        reasons = "other formats, globs, or not files"
        print(f"kg: {skipped} files in the folders not read ({reasons})", file=sys.stderr)
    if accounted.stopped:
        print("kg: stopped at the first bad input (--strict); nothing written", file=sys.stderr)
    elif not anything:
        print("kg: no readable input files", file=sys.stderr)


def _report(entry: Entry) -> None:
    """One line on stderr per input that is not simply read: failed, empty, or read with a repair."""
    if entry.status == "failed":
        print(f"kg: skipped {entry.message()}", file=sys.stderr)
    elif entry.status == "empty":
        print(f"kg: nothing to read in {entry.message()}", file=sys.stderr)
    elif entry.status == "ok" and entry.note:
        print(f"kg: warning: {entry.message()}", file=sys.stderr)


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


def _city_map(args: argparse.Namespace) -> tuple[tuple[str, str], ...]:
    return read_city_map(args.city_map) if getattr(args, "city_map", None) else ()


def _issue_date(text: str) -> str:
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def analyse_all(docs: list[Document], args: argparse.Namespace) -> tuple[list[Document], Corpus]:
    locale = pipeline.locale_for(docs, args.city, _city_map(args))
    if not args.city:
        _say_inferred(locale)
    analysed: list[Document] = []
    for chunk in parallel.analysed(docs, _work(args, locale), **_executor(args)):
        analysed += chunk
        _progress(len(analysed), len(docs))
    return analysed, pipeline.build_corpus(analysed, locale)


def _work(args: argparse.Namespace, locale: Locale) -> parallel.Work:
    workers, executor = getattr(args, "workers", 1), getattr(args, "executor", "local")
    # A Dask worker runs as many tasks as it has threads: each task's model gets one thread.
    threads = 1 if executor == "dask" else parallel.threads_per_worker(workers)
    # An engine that cannot load raises EngineError in the worker, re-raised here by the first result.
    return parallel.Work(
        args.engine, locale, getattr(args, "date", None), threads, tuple(getattr(args, "disable", ()))
    )


def _executor(args: argparse.Namespace) -> dict:
    return {
        "workers": getattr(args, "workers", 1),
        "executor": getattr(args, "executor", "local"),
        "scheduler": getattr(args, "scheduler", None),
    }


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total > 1:
        width = 30
        filled = width * done // total
        print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files", end="", file=sys.stderr)
        if done == total:
            print(file=sys.stderr)


def _build(args: argparse.Namespace) -> int:
    """Stream the inputs through the workers and resolve them chunk by chunk (kg.stream); with --append,
    resolve them after the documents of the build already in the output folder."""
    from .export import export

    started = time.perf_counter()
    out = Path(args.out if args.append in (None, True) else args.append)
    previous = stream.load_state(out) if args.append else None
    if args.append and previous is None:
        print(f"kg: nothing to append to in {out} (no {stream.STATE}): building it", file=sys.stderr)
    found = _plan(args, count_cities=not args.city)
    if found.stopped:
        return EXIT_INPUT_ERRORS
    if not found.files:
        return EXIT_NOTHING_READ
    # the new documents are read in their own cities (or --city), never in the first build's silently
    locale = _locale(found, args)
    state = previous or stream.State(locale, Corpus())
    now = {entry.path for entry in found.entries}  # an input given again: this run's entry replaces it
    state.entries = [e for e in state.entries if e.path not in now] + found.entries
    characters = _resolve(found, state, args, locale)
    saved = stream.state_bytes(state)  # before finish(): an append resolves on the corpus as it was
    corpus = Resolver(OrgResolver(state.locale), corpus=state.corpus).finish()
    run = run_record(args.engine, state.locale.city, bool(args.city), args.date)
    extra = {  # the manifest last, so that it always describes the graph files beside it
        stream.STATE: lambda path: _write_bytes(path, saved),
        "manifest.json": lambda path: write_manifest(path, state.entries, state.counts, run),
    }
    written = export(corpus, out, title="kg: " + ", ".join(args.paths), extra=extra)
    print(summary(corpus, len(corpus.sources)))
    print(f"\n{characters:,} characters in {time.perf_counter() - started:.1f} s")
    print(inputs_summary(found))
    print("outputs:")
    for path in written.values():
        print(f"  {path}")
    return EXIT_INPUT_ERRORS if found.failures else 0


def _write_bytes(path: Path, data: bytes) -> None:
    """Path.write_bytes as a callback that returns nothing."""
    path.write_bytes(data)


def _locale(found: stream.Plan, args: argparse.Namespace) -> Locale:
    locale = stream.locale(found.cities, args.city, _city_map(args))
    if not args.city:
        _say_inferred(locale)
    return locale


def _say_inferred(locale: Locale) -> None:
    if locale.city:
        said = f"city of publication inferred as {locale.city}"
    else:
        said = "no one city of publication: each document is read in the city it names most"
    print(f"kg: {said} (override with --city)", file=sys.stderr)


def _resolve(found: stream.Plan, state: stream.State, args: argparse.Namespace, locale: Locale) -> int:
    """Resolve the inputs into state.corpus in input order, chunk by chunk; returns their characters.
    `locale` is this run's: with --append, the new documents' (their own cities, or --city)."""
    resolver = Resolver(OrgResolver(locale), corpus=state.corpus)
    characters, done = 0, 0
    work = _work(args, locale)
    for chunk in parallel.analysed(stream.documents(found.files), work, **_executor(args)):
        resolver.add_documents(chunk)  # the chunk's documents are dropped after this
        for doc in chunk:
            earlier = state.counts.get(doc.path, {}) if doc.base else {}  # the file's earlier pieces
            state.counts[doc.path] = {k: earlier.get(k, 0) + n for k, n in counts(doc).items()}
            characters += len(doc.original)
            done += doc.base == 0
        _progress(done, len(found.files))
    return characters


def _plan(args: argparse.Namespace, count_cities: bool) -> stream.Plan:
    """kg.stream's first pass, with _read's messages."""
    found = stream.plan(
        args.paths, Selection(tuple(args.include), tuple(args.exclude)), args.strict, _report, count_cities
    )
    _say_what_was_read(found, bool(found.files))
    return found


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
    rows += [("mentions (schema:mentions)", sum(len(a.mentions) for a in corpus.articles))]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {count:>6}" for name, count in rows)


def _extract(args: argparse.Namespace) -> int:
    inputs = _read(args.paths, args.include, args.exclude, args.strict)
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
        docs, _ = analyse_all(docs, args)
    for doc in docs:
        print(json.dumps(document_json(doc), ensure_ascii=False))
    if not inputs.docs:
        return EXIT_NOTHING_READ
    return EXIT_INPUT_ERRORS if inputs.failures else 0


def document_json(doc: Document) -> dict:
    """Mentions and facts of a document, with offsets into the ORIGINAL text."""
    mentions, facts = [], []
    for article in doc.articles:
        for m in article.mentions:
            start, end = doc.to_original(m.start, m.end)
            mentions.append({"type": m.type, "subtype": m.subtype, "text": doc.original[start:end],
                             "start": start, "end": end, "article": article.index})  # fmt: skip
        facts += [{**fact, "article": article.index} for fact in _article_facts(doc, article)]
    articles = [{"index": a.index, "headline": a.headline, "authors": a.authors} for a in doc.articles]
    return {
        "document": doc.path,
        "format": doc.format,
        "title": doc.title,
        "date": doc.date,
        "city": doc.city,
        "articles": articles,
        "mentions": mentions,
        "facts": facts,
    }


def _article_facts(doc: Document, article: Article) -> list[dict]:
    """Every fact read from an article, each with its sentence's offsets in the original text."""

    def sentence(s: Sentence) -> dict:
        start, end = doc.to_original(s.start, s.end)
        return {"sentence_start": start, "sentence_end": end}

    facts = []
    for p in article.positions:
        start, end = doc.to_original(p.person_start, p.person_end)
        facts.append({"relation": "position", "person": p.person, "title": p.title,
                      "organization": p.organization, "organization_type": p.org_subtype,
                      "person_start": start, "person_end": end, **sentence(p.sentence)})  # fmt: skip
    for e in article.events:
        facts.append({"relation": "event", "event": e.name, "type": e.type, "date": e.date,
                      "end_date": e.end_date, "place": e.place, "organizers": e.organizers,
                      "co_organizers": e.co_organizers, "part_of": e.part_of.name if e.part_of else None,
                      **sentence(e.sentence)})  # fmt: skip
    for t in article.participations:
        facts.append({"relation": "participation", "person": t.person, "event": t.event.name,
                      "role": t.role, **sentence(t.sentence)})  # fmt: skip
    for j in article.projects:
        quantities = [{"value": q.value, "unit": q.unit, "kind": q.kind} for q in j.quantities]
        statuses = [{"status": status, "date": date} for status, date in j.statuses]
        facts.append({"relation": "project", "project": j.name, "place": j.place,
                      "investment_yuan": j.investment, "approximate": j.investment_approximate,
                      "owner": j.owner, "contractor": j.contractor, "quantities": quantities,
                      "statuses": statuses, **sentence(j.sentence)})  # fmt: skip
    for r in article.relations:
        facts.append(
            {"relation": r.predicate, "subject": r.subject, "object": r.object, **sentence(r.sentence)}
        )
    return facts


def _eval(args: argparse.Namespace) -> int:
    docs, _ = read_all([args.input])
    docs, corpus = analyse_all(docs, args)
    gold = Path(args.gold)
    errors: list[str] = []
    print(format_scores(evaluate(corpus, gold, errors)))
    if args.show_errors:
        missed, spurious = differences(corpus, gold)
        print("\nposts missed:")
        print("\n".join(f"  {m}" for m in missed) or "  none")
        print("posts spurious:")
        print("\n".join(f"  {s}" for s in spurious) or "  none")
        print("events, participation and projects:")
        print("\n".join(f"  {e}" for e in errors) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
