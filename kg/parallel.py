"""Per-document work on worker processes or a Dask cluster, results back in input order.

Workers only clean, segment, recognise and read relations, document by document; the parent
resolves the documents in input order. The engine tags a sentence the same whatever batch it is in
(kg/language/engines/lac.py), so the output is byte-identical whatever the number of workers or the executor.
At most `window` chunks are in flight, so memory holds a few chunks, never the whole corpus.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from kg import pieces, pipeline
from kg.language.engines import Engine, load_engine
from kg.language.lexicon import BUILT_IN, Lexicons
from kg.model import Document
from kg.readers.orgs import Locale

EXECUTORS = ("local", "dask")


@dataclass(frozen=True)
class Work:
    """What a worker needs to analyse a chunk: sent with every chunk, so workers keep no run state."""

    engine: str
    locale: Locale
    issue_date: str | None = None
    threads: int | None = None  # onnxruntime threads per worker (None: its default, all cores)
    disable: tuple[str, ...] = ()  # components left out (kg.pipeline.components)
    lexicons: Lexicons = BUILT_IN  # kg's own and a user's (a worker reads the same files)


_ENGINES: dict[tuple[str, int | None], Engine] = {}  # one loaded model per worker process


def _engine(work: Work) -> Engine:
    key = (work.engine, work.threads)
    if key not in _ENGINES:
        _ENGINES[key] = _load(work)
    return _ENGINES[key]


def _load(work: Work) -> Engine:
    if work.engine == "lac" and work.threads:
        from kg.language.engines.lac import LacEngine

        return LacEngine(threads=work.threads)
    return load_engine(work.engine)


def analyse_chunk(docs: list[Document], work: Work) -> list[Document]:
    return pipeline.analyse(docs, _engine(work), work.locale, work.issue_date, work.disable, work.lexicons)


def chunks(docs: Iterable[Document], size: int, max_chars: int | None = None) -> Iterator[list[Document]]:
    """Documents by `size`, or fewer once they hold `max_chars` (PIECE_CHARS) characters: the memory of
    analysis grows with the characters of a chunk."""
    max_chars = max_chars or pieces.PIECE_CHARS
    chunk: list[Document] = []
    chars = 0
    for doc in docs:
        chunk.append(doc)
        chars += len(doc.original)
        if len(chunk) == size or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def ordered(
    submit: Callable[[list[Document]], Any], items: Iterable[list[Document]], window: int
) -> Iterator:
    """Results of submit(item) in the order of items, with at most `window` futures pending."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class _InProcess(Executor):
    """One worker: the work runs in this process, when its result is asked for."""

    def submit(self, fn, /, *args, **kwargs) -> Future:  # type: ignore[override]
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


@contextmanager
def local_executor(workers: int) -> Iterator[Executor]:
    if workers <= 1:
        yield _InProcess()
        return
    with ProcessPoolExecutor(workers, initializer=_ignore_interrupts) as pool:
        yield pool


def _ignore_interrupts() -> None:
    """Ctrl-C reaches every process of the terminal; the main one alone answers it, once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def dask_executor(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A Client on the cluster at `scheduler`, or on a LocalCluster of `workers` processes. A dask
    Client's submit returns futures with .result(), like a concurrent.futures Executor."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:  # the optional extra
        raise SystemExit("kg: --executor dask needs dask.distributed: pip install 'kg[dask]'") from error
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True) as cluster:
        with Client(cluster) as client:
            yield client


def analysed(
    docs: Iterable[Document],
    work: Work,
    workers: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    chunk_size: int = 40,
) -> Iterator[list[Document]]:
    """Analysed chunks of documents, in input order."""
    opened = dask_executor(scheduler, workers) if executor == "dask" else local_executor(workers)
    with opened as pool:
        window = 2 * max(workers, 1)  # keeps every worker busy while the parent resolves
        try:
            yield from ordered(
                lambda chunk: pool.submit(analyse_chunk, chunk, work), chunks(docs, chunk_size), window
            )
        finally:
            _ENGINES.clear()  # a model loaded in this process lives for one run (HANLP_HOME may change)


def threads_per_worker(workers: int) -> int | None:
    """Share the cores between workers; a single worker keeps onnxruntime's default."""
    if workers <= 1:
        return None
    return max(1, (os.cpu_count() or 1) // workers)
