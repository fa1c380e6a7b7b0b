"""`kg train-ner DATA... --out DIR [--dev FILE] [--epochs N]`: a HanLP NER model for `--engine hanlp:DIR`.

Reads CoNLL/BIO files (one character and its tag per line, a blank line between sentences; BIO, BIOES or
BMES tags) and CLUENER-style JSON lines ({"text": …, "label": {"name": {"张三": [[0, 1]]}}}), trains
HanLP's character BiLSTM tagger (RNNNamedEntityRecognizer) on the CPU, scores it on the dev set (precision,
recall, F1 of exact spans and types, computed here from its predictions) and saves it in DIR.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from kg.evaluate import Score, format_scores

Sample = tuple[list[str], list[str]]  # characters and their BIO tags
Span = tuple[int, int, str]


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "train-ner",
        help="train a HanLP NER model on BIO/CoNLL or CLUENER JSON-lines files, for --engine hanlp:DIR",
        description=__doc__.split("\n\n", 1)[1],
    )
    p.add_argument("data", nargs="+", help="training files: CoNLL/BIO, or JSON lines in CLUENER's form")
    p.add_argument("--out", required=True, help="folder to save the model in")
    p.add_argument("--dev", help="held-out file to score on (default: every 10th sentence of DATA)")
    p.add_argument("--epochs", type=int, default=30, help="at most this many passes (default: 30)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.language.engines.hanlp import require_hanlp

    require_hanlp()  # EngineError, with what to install, before any reading (kg.cli prints it)
    try:
        train = [s for path in args.data for s in read_samples(Path(path))]
        if args.dev:
            dev = read_samples(Path(args.dev))
        else:
            train, dev = [s for i, s in enumerate(train) if i % 10 != 9], train[9::10]
    except (OSError, ValueError) as error:
        print(f"kg: {error}", file=sys.stderr)
        return 2
    if not train or not dev:
        print(
            "kg: need sentences to train on and to score on (give --dev, or at least 10 sentences)",
            file=sys.stderr,
        )
        return 2
    print(
        f"kg: training on {len(train)} sentences; HanLP's log in {Path(args.out) / 'train.log'}",
        file=sys.stderr,
    )
    model, seconds = fit(train, dev, Path(args.out), args.epochs)
    types = _kinds({span for _, tags in train for span in spans(tags)})
    print(f"trained on {len(train)} sentences ({', '.join(types)}) in {seconds:.1f} s")
    print(f"dev: {len(dev)} sentences")
    print(format_scores(score(model, dev)))
    print(f"model saved in {args.out}; use it with: kg build PATH... --engine hanlp:{args.out}")
    return 0


def read_samples(path: Path) -> list[Sample]:
    """Sentences of a CoNLL/BIO file or of CLUENER JSON lines, with BIO tags."""
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("{"):
        return [
            _json_sample(json.loads(line), path, n)
            for n, line in enumerate(text.splitlines(), 1)
            if line.strip()
        ]
    samples, chars, tags = [], [], []
    for n, line in enumerate(text.splitlines() + [""], 1):
        cells = line.split()
        if cells and cells[0] != "-DOCSTART-":
            if len(cells) < 2:
                raise ValueError(f"{path}:{n}: expected a character and its tag, got {line!r}")
            chars.append(cells[0])
            tags.append(_bio(cells[-1]))
        elif chars:
            samples.append((chars, tags))
            chars, tags = [], []
    return samples


def _bio(tag: str) -> str:
    """BIOES and BMES tags as BIO: S-X, B-X → B-X; M-X, E-X, I-X → I-X."""
    prefix, _, kind = tag.partition("-")
    if not kind:
        return "O"
    return f"B-{kind}" if prefix in ("B", "S") else f"I-{kind}"


def _json_sample(row: dict, path: Path, n: int) -> Sample:
    if "text" not in row:
        raise ValueError(f'{path}:{n}: no "text"')
    chars = list(row["text"])
    tags = ["O"] * len(chars)
    for kind, names in row.get("label", {}).items():
        for name, places in names.items():
            for start, last in places:
                if "".join(chars[start : last + 1]) != name:
                    raise ValueError(f"{path}:{n}: {name!r} is not at [{start}, {last}]")
                tags[start : last + 1] = [f"B-{kind}"] + [f"I-{kind}"] * (last - start)
    return chars, tags


def fit(train: list[Sample], dev: list[Sample], out: Path, epochs: int):
    """The trained model (its best epoch on dev) and the seconds training took."""
    import torch
    from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer

    # One thread: on a small BiLSTM two threads spend their time waiting on each other (10x slower here).
    torch.set_num_threads(1)
    out.mkdir(parents=True, exist_ok=True)
    model = RNNNamedEntityRecognizer()
    with (out / "train.log").open("w", encoding="utf-8") as log, _output_to(log):
        logger = logging.getLogger("kg.train-ner")
        logger.propagate, logger.handlers = False, [logging.StreamHandler(log)]
        started = time.perf_counter()
        model.fit(
            [{"token": chars, "tag": tags} for chars, tags in train],
            [{"token": chars, "tag": tags} for chars, tags in dev],
            str(out),
            epochs=epochs,
            batch_size=32,
            embed=100,  # character embeddings learnt from scratch: nothing to download
            rnn_hidden=128,
            lr=0.01,
            crf=False,  # hanlp 2.1.5 builds the CRF with batch_first unset, so it learns nothing
            tagging_scheme="BIO",
            token_delimiter="",
            seed=1,
            logger=logger,
        )
        return model, time.perf_counter() - started


@contextmanager
def _output_to(log: TextIO) -> Iterator[None]:
    """HanLP's progress lines into the log. Some go through stream objects it bound when imported, so the
    file descriptors themselves are pointed at the log for the while."""
    sys.stdout.flush(), sys.stderr.flush()
    saved = [os.dup(fd) for fd in (1, 2)]
    for fd in (1, 2):
        os.dup2(log.fileno(), fd)
    try:
        yield
    finally:
        sys.stdout.flush(), sys.stderr.flush()
        for fd, copy in zip((1, 2), saved, strict=True):
            os.dup2(copy, fd)
            os.close(copy)


def spans(tags: Sequence[str]) -> list[Span]:
    """(start, end, type) of the entities of a BIO tag sequence, read as HanLP reads its predictions."""
    from hanlp.utils.span_util import bio_tags_to_spans

    return sorted((b, e + 1, kind) for kind, (b, e) in bio_tags_to_spans(list(tags)))


def score(model, dev: list[Sample]) -> list[Score]:
    """Exact spans with their types on the dev set: all entities, then each type."""
    gold, found = set(), set()
    predictions = model.predict([chars for chars, _ in dev])
    for k, ((_, tags), predicted) in enumerate(zip(dev, predictions, strict=True)):
        gold |= {(k, *span) for span in spans(tags)}
        found |= {(k, b, e, kind) for _, kind, b, e in predicted}
    scores = [("entities", gold, found)]
    scores += [
        (kind, {s for s in gold if s[3] == kind}, {s for s in found if s[3] == kind})
        for kind in _kinds(gold | found)
    ]
    return [Score(name, len(g), len(f), len(g & f)) for name, g, f in scores]


def _kinds(found: set) -> list[str]:
    return sorted({s[-1] for s in found})
