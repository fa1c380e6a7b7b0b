"""One build for every caller: `kg build`, `kg extract`, `kg eval` and `kg.build` in Python.

A build plans its inputs (each file read once to account for it and to count the cities it names),
analyses them in chunks on the workers, resolves each chunk as it comes (kg.stream), finishes the
corpus and, given an output folder, writes the graph files there. Callers differ only in what they do
with the messages (a `Reporter`) and with the result: the command line prints them, Python raises.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg import parallel, pipeline, stream
from kg.input.manifest import counts, run_record, write_manifest
from kg.input.read import Accounted, Entry, Inputs, Selection, read_inputs
from kg.language.lexicon import BUILT_IN, Lexicons, active, compile_patterns, using
from kg.model import Corpus, Document
from kg.readers.orgs import Locale, OrgResolver
from kg.resolution.resolve import Resolver


@dataclass(frozen=True)
class Options:
    """How to read and analyse the inputs: the options `kg build` and `kg.build` share."""

    city: str | None = None  # the city of publication; None: inferred (each document in its own city)
    city_map: tuple[tuple[str, str], ...] = ()  # (glob, city) pairs: documents placed by path
    engine: str = "lac"
    date: str | None = None  # the date of articles that carry none of their own (YYYY-MM-DD)
    disable: tuple[str, ...] = ()  # pipeline components left out
    workers: int = 1
    executor: str = "local"  # or "dask"
    scheduler: str | None = None  # a Dask scheduler's address
    include: tuple[str, ...] = ()  # globs of files to read in folders
    exclude: tuple[str, ...] = ()
    strict: bool = False  # stop at the first input that cannot be read
    lexicons: tuple[str, ...] = ()  # folders of a user's own lexicons, read after kg's (kg.language.lexicon)


def _ignore(*_: object) -> None:
    return None


@dataclass(frozen=True)
class Reporter:
    """Where a build's messages go: a sentence for the user, each input not simply read, progress."""

    say: Callable[[str], None] = _ignore
    entry: Callable[[Entry], None] = _ignore
    progress: Callable[[int, int], None] = _ignore  # (files done, files)


QUIET = Reporter()


@dataclass
class Built:
    """What a build did: its inputs accounted for, the corpus (None when nothing was analysed), the
    characters analysed and the files written (name → path)."""

    inputs: stream.Plan
    corpus: Corpus | None = None
    characters: int = 0
    written: dict[str, Path] = field(default_factory=dict)


def build(
    paths: Sequence[str],
    options: Options = Options(),
    out: Path | None = None,
    append: bool = False,
    reporter: Reporter = QUIET,
) -> Built:
    """Read, analyse and resolve the inputs; with `out`, write the graph files, the manifest and the
    state an append needs. With `append`, the inputs are resolved after the build already in `out`.
    Raises LexiconError, before any input is read, for a folder of lexicons kg cannot use."""
    with using(user_lexicons(options.lexicons)):
        return _build(paths, options, out, append, reporter)


def _build(
    paths: Sequence[str], options: Options, out: Path | None, append: bool, reporter: Reporter
) -> Built:
    previous = stream.load_state(out) if append and out is not None else None
    if append and previous is None:
        reporter.say(f"nothing to append to in {out} (no {stream.STATE}): building it")
    found = _plan(paths, options, reporter)
    if found.stopped or not found.files:
        return Built(found)
    # the new documents are read in their own cities (or the city given), never in the first build's
    locale = _locale(stream.locale(found.cities, options.city, options.city_map), options, reporter)
    state = previous or stream.State(locale, Corpus())
    now = {entry.path for entry in found.entries}  # an input given again: this run's entry replaces it
    state.entries = [e for e in state.entries if e.path not in now] + found.entries
    characters = _resolve(found, state, options, locale, reporter)
    saved = stream.state_bytes(state)  # before finish(): an append resolves on the corpus as it was
    corpus = Resolver(OrgResolver(state.locale), corpus=state.corpus).finish()
    built = Built(found, corpus, characters)
    if out is not None:
        from kg.export import export  # here: kg.export loads the HTML view

        run = run_record(
            options.engine, state.locale.city, bool(options.city), options.date, options.lexicons
        )
        extra = {  # the manifest last, so that it always describes the graph files beside it
            stream.STATE: lambda path: _write_bytes(path, saved),
            "manifest.json": lambda path: write_manifest(path, state.entries, state.counts, run),
        }
        built.written = export(corpus, out, title="kg: " + ", ".join(map(str, paths)), extra=extra)
    return built


def analyse(
    docs: list[Document], options: Options = Options(), reporter: Reporter = QUIET
) -> tuple[list[Document], Corpus]:
    """Documents already read, analysed and kept (for `kg extract` and `kg eval`), and their corpus."""
    with using(user_lexicons(options.lexicons)):
        return _analyse(docs, options, reporter)


def _analyse(docs: list[Document], options: Options, reporter: Reporter) -> tuple[list[Document], Corpus]:
    locale = _locale(pipeline.locale_for(docs, options.city, options.city_map), options, reporter)
    analysed: list[Document] = []
    for chunk in parallel.analysed(docs, _work(options, locale), **_executor(options)):
        analysed += chunk
        reporter.progress(len(analysed), len(docs))
    return analysed, pipeline.build_corpus(analysed, locale)


def read(paths: Sequence[str], options: Options = Options(), reporter: Reporter = QUIET) -> Inputs:
    """Every input read into memory (for `kg extract` and `kg eval`); a bad one is reported and
    skipped, never fatal, unless `options.strict`."""
    inputs = read_inputs(paths, Selection(options.include, options.exclude), options.strict, reporter.entry)
    _say_what_was_read(inputs, bool(inputs.docs), reporter)
    return inputs


def _plan(paths: Sequence[str], options: Options, reporter: Reporter) -> stream.Plan:
    selection = Selection(options.include, options.exclude)
    found = stream.plan(paths, selection, options.strict, reporter.entry, count_cities=not options.city)
    _say_what_was_read(found, bool(found.files), reporter)
    return found


def _say_what_was_read(accounted: Accounted, anything: bool, reporter: Reporter) -> None:
    skipped = sum(e.status == "skipped" for e in accounted.entries)
    if skipped:
        reporter.say(f"{skipped} files in the folders not read (other formats, globs, or not files)")
    if accounted.stopped:
        reporter.say("stopped at the first bad input (--strict); nothing written")
    elif not anything:
        reporter.say("no readable input files")


def _locale(locale: Locale, options: Options, reporter: Reporter) -> Locale:
    if not options.city:
        if locale.city:
            said = f"city of publication inferred as {locale.city}"
        else:
            said = "no one city of publication: each document is read in the city it names most"
        reporter.say(f"{said} (override with --city)")
    return locale


def _resolve(
    found: stream.Plan, state: stream.State, options: Options, locale: Locale, reporter: Reporter
) -> int:
    """Resolve the inputs into state.corpus in input order, chunk by chunk; returns their characters.
    `locale` is this run's: with an append, the new documents' (their own cities, or the city given)."""
    resolver = Resolver(OrgResolver(locale), corpus=state.corpus)
    characters, done = 0, 0
    for chunk in parallel.analysed(
        stream.documents(found.files), _work(options, locale), **_executor(options)
    ):
        resolver.add_documents(chunk)  # the chunk's documents are dropped after this
        for doc in chunk:
            earlier = state.counts.get(doc.path, {}) if doc.base else {}  # the file's earlier pieces
            state.counts[doc.path] = {k: earlier.get(k, 0) + n for k, n in counts(doc).items()}
            characters += len(doc.original)
            done += doc.base == 0
        reporter.progress(done, len(found.files))
    return characters


def user_lexicons(folders: Sequence[str]) -> Lexicons:
    """kg's lexicons with the user's folders after them, checked as `kg lexicon check` checks kg's."""
    if not folders:
        # before any input is read: a pattern of kg's own that does not compile is named
        with using(BUILT_IN):
            compile_patterns()
        return BUILT_IN
    from kg.lexicon_check import checked  # the schemas: loaded only when a user gives lexicons

    return checked(Lexicons(tuple(folders)))


def _work(options: Options, locale: Locale) -> parallel.Work:
    # A Dask worker runs as many tasks as it has threads: each task's model gets one thread.
    threads = 1 if options.executor == "dask" else parallel.threads_per_worker(options.workers)
    # An engine that cannot load raises EngineError in the worker, re-raised here by the first result.
    return parallel.Work(options.engine, locale, options.date, threads, options.disable, active())


def _executor(options: Options) -> dict:
    return {"workers": options.workers, "executor": options.executor, "scheduler": options.scheduler}


def _write_bytes(path: Path, data: bytes) -> None:
    """Path.write_bytes as a callback that returns nothing."""
    path.write_bytes(data)
