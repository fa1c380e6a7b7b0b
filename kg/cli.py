"""Command line: kg build, kg extract, kg eval, and the commands of kg/commands/.

Each further command is a module in kg/commands with `register(subparsers)`, which
adds its parser and sets `run=handler` (a function of the parsed args returning an
exit code); list it in COMMANDS below.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from . import pipeline
from .engines import load_engine
from .evaluate import differences, evaluate, format_scores
from .graph import build_dataset
from .model import Corpus, Document
from .read import InputError, iter_files, read_file

EXIT_INPUT_ERRORS = 3  # some inputs could not be read; the rest were processed
COMMANDS: tuple[str, ...] = ()  # modules under kg.commands, e.g. "query"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kg", description="Chinese news → knowledge graph")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="build the graph files and graph.html from text files or folders")
    _common(build)
    build.add_argument("--out", default="out", help="output folder (default: out)")
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
    ev.add_argument("--show-errors", action="store_true", help="list missed and spurious posts")

    for name in COMMANDS:
        importlib.import_module(f"kg.commands.{name}").register(sub)
    args = parser.parse_args(argv)
    return args.run(args)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", help="UTF-8 text files or folders of them")
    p.add_argument(
        "--city", default=None, help="city of publication, e.g. 聊城市 (default: inferred from the text)"
    )
    p.add_argument("--engine", default="lac", help="NER engine (default: lac)")


def read_all(paths: Sequence[str]) -> tuple[list[Document], list[str]]:
    """Read every file; a bad one is reported and skipped, never fatal."""
    docs, failures = [], []
    try:
        files = iter_files(paths)
    except InputError as error:
        return [], [str(error)]
    for path in files:
        try:
            docs.append(read_file(path))
        except InputError as error:
            failures.append(str(error))
    for failure in failures:
        print(f"kg: skipped {failure}", file=sys.stderr)
    return docs, failures


def analyse_all(docs: list[Document], args: argparse.Namespace) -> tuple[list[Document], Corpus]:
    locale = pipeline.locale_for(docs, args.city)
    if not args.city:
        print(
            f"kg: city of publication inferred as {locale.city or 'unknown'} (override with --city)",
            file=sys.stderr,
        )
    engine = load_engine(args.engine)
    analysed: list[Document] = []
    batch = 20  # documents per engine call: keeps memory flat and shows progress
    for begin in range(0, len(docs), batch):
        analysed += pipeline.analyse(docs[begin : begin + batch], engine, locale)
        _progress(min(begin + batch, len(docs)), len(docs))
    return analysed, pipeline.build_corpus(analysed, locale)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total > 1:
        width = 30
        filled = width * done // total
        print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files", end="", file=sys.stderr)
        if done == total:
            print(file=sys.stderr)


def _build(args: argparse.Namespace) -> int:
    from .export import export

    started = time.perf_counter()
    docs, failures = read_all(args.paths)
    if not docs:
        print("kg: no readable input files", file=sys.stderr)
        return 2
    docs, corpus = analyse_all(docs, args)
    written = export(build_dataset(corpus), Path(args.out), title="kg: " + ", ".join(args.paths))
    print(summary(corpus, docs))
    print(f"\n{sum(len(d.original) for d in docs):,} characters in {time.perf_counter() - started:.1f} s")
    print("outputs:")
    for path in written.values():
        print(f"  {path}")
    return EXIT_INPUT_ERRORS if failures else 0


def summary(corpus: Corpus, docs: list[Document]) -> str:
    kinds = Counter()
    for entity in corpus.entities.values():
        kinds[entity.type if entity.type != "ORG" else f"ORG ({entity.subtype})"] += 1
    rows = [("files", len(docs)), ("articles", len(corpus.articles))]
    rows += sorted(kinds.items())
    rows += [("posts held (org:Membership)", len(corpus.memberships))]
    rows += [("authors (schema:author)", sum(len(a.authors) for a in corpus.articles))]
    rows += [("mentions (schema:mentions)", sum(len(a.mentions) for a in corpus.articles))]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {count:>6}" for name, count in rows)


def _extract(args: argparse.Namespace) -> int:
    docs, failures = read_all(args.paths)
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
    return EXIT_INPUT_ERRORS if failures else 0


def document_json(doc: Document) -> dict:
    """Mentions and facts of a document, with offsets into the ORIGINAL text."""
    mentions, facts = [], []
    for article in doc.articles:
        for m in article.mentions:
            start, end = doc.to_original(m.start, m.end)
            mentions.append({"type": m.type, "subtype": m.subtype, "text": doc.original[start:end],
                             "start": start, "end": end, "article": article.index})  # fmt: skip
        for p in article.positions:
            start, end = doc.to_original(p.person_start, p.person_end)
            s_start, s_end = doc.to_original(p.sentence.start, p.sentence.end)
            facts.append(
                {
                    "relation": "position",
                    "person": p.person,
                    "title": p.title,
                    "organization": p.organization,
                    "organization_type": p.org_subtype,
                    "person_start": start,
                    "person_end": end,
                    "sentence_start": s_start,
                    "sentence_end": s_end,
                    "article": article.index,
                }
            )
    articles = [{"index": a.index, "headline": a.headline, "authors": a.authors} for a in doc.articles]
    return {
        "document": doc.path,
        "city": doc.city,
        "articles": articles,
        "mentions": mentions,
        "facts": facts,
    }


def _eval(args: argparse.Namespace) -> int:
    docs, _ = read_all([args.input])
    docs, corpus = analyse_all(docs, args)
    gold = Path(args.gold)
    print(format_scores(evaluate(corpus, gold)))
    if args.show_errors:
        missed, spurious = differences(corpus, gold)
        print("\nmissed:")
        print("\n".join(f"  {m}" for m in missed) or "  none")
        print("spurious:")
        print("\n".join(f"  {s}" for s in spurious) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
