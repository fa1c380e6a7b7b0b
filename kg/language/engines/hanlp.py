"""HanLP 2.x: its pretrained Chinese multi-task model, or a model directory saved by HanLP.

    --engine hanlp       HanLP's pretrained multi-task model (words, POS, entities), from the HANLP_HOME cache
    --engine hanlp:DIR   a model saved by HanLP, e.g. by `kg train-ner`
    --engine auto        hanlp when its pretrained model is in the cache, else lac; says which on stderr

kg never lets HanLP download: a model that is not on the machine fails at once, with a message that says
where it was looked for and how to put it there. A multi-task model gives words, POS tags and entities. A
NER-only model (what `kg train-ner` saves) gives entities only: they are laid over LAC's words and POS tags,
so the title and position stages read the same kind of tokens whichever engine ran. Entity tags become kg
types through kg/data/hanlp_tags.tsv; entities of other types (MONEY, INTEGER, …) leave their words' POS tags.
"""

from __future__ import annotations

import dataclasses
import itertools
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from kg.language.engines import Engine, EngineError, Token, kg_tag
from kg.language.lexicon import lexicon_cache, table

PRETRAINED = "CLOSE_TOK_POS_NER_SRL_DEP_SDP_CON_ELECTRA_SMALL_ZH"  # a name in hanlp.pretrained.mtl
LICENCE = (
    "kg: HanLP's pretrained Chinese models are licensed CC BY-NC-SA 4.0: research and teaching only, "
    "no commercial use (LAC, the default engine, is Apache-2.0)."
)
# The tasks read from a multi-task model, preferred first; each POS tag set becomes kg's tags.
TOK = ("tok/fine", "tok/coarse", "tok")
POS = ("pos/pku", "pos/ctb", "pos/863", "pos")
NER = ("ner/msra", "ner/pku", "ner/ontonotes", "ner")
DEP = ("dep",)  # dependency arcs, read by kg/readers/deprel.py
TAG_SETS = {"pos/pku": "pku", "pos": "pku", "pos/ctb": "ctb", "pos/863": "863"}  # of kg/data/pos_tags.tsv
# LAC's entity types as the plain POS tags they are when a NER-only model does not call them entities
LAC_POS = {"PERSON": "PROPER", "PLACE": "PROPER", "ORG": "PROPER", "DATE": "TIME_WORD"}


class HanlpEngine:
    name = "hanlp"

    def __init__(self, model_dir: str | None = None) -> None:
        self._model = _load(model_dir)
        tasks = getattr(self._model, "tasks", None)  # a multi-task model has tasks; a NER model has none
        if tasks is None:
            import torch

            from kg.language.engines.lac import LacEngine

            # A small BiLSTM: with two threads they mostly wait on each other (seeds: 8.8 s against 1.3 s).
            torch.set_num_threads(1)
            self._lac: Engine | None = LacEngine()
            return
        self._lac = None
        self._tok, self._pos, self._ner, self._dep = (
            next((t for t in names if t in tasks), None) for names in (TOK, POS, NER, DEP)
        )
        if not (self._tok and self._ner):
            raise EngineError(f"the HanLP model {model_dir or PRETRAINED} has no tokeniser or no NER task")
        _show_licence()

    def analyse(self, sentences: Sequence[str]) -> list[list[Token]]:
        results: list[list[Token]] = [[] for _ in sentences]
        todo = [i for i, sentence in enumerate(sentences) if sentence.strip()]
        texts = [sentences[i] for i in todo]
        if texts:
            analysed = self._ner_only(texts, self._lac) if self._lac else self._multi_task(texts)
            for i, tokens in zip(todo, analysed, strict=True):
                results[i] = tokens
        return results

    def _multi_task(self, texts: list[str]) -> Iterator[list[Token]]:
        doc = self._model(texts, tasks=[t for t in (self._tok, self._pos, self._ner, self._dep) if t])
        for k, text in enumerate(texts):
            words = doc[self._tok][k]
            tag_set = TAG_SETS.get(self._pos or "", "pku")
            tags = [kg_tag(tag, tag_set) for tag in doc[self._pos][k]] if self._pos else ["NOUN"] * len(words)
            spans = word_spans(text, words)
            entities = [(spans[b][0], spans[e - 1][1], label) for _, label, b, e in doc[self._ner][k]]
            tokens = merge(text, [(s, e, tag) for (s, e), tag in zip(spans, tags, strict=True)], entities)
            yield with_arcs(tokens, spans, doc[self._dep][k]) if self._dep else tokens

    def _ner_only(self, texts: list[str], lac: Engine) -> Iterator[list[Token]]:
        """A NER-only model's entities laid over `lac`'s words and POS tags."""
        predicted = self._model.predict([list(text) for text in texts])
        for text, words, entities in zip(texts, lac.analyse(texts), predicted, strict=True):
            yield merge(
                text,
                [(w.start, w.end, LAC_POS.get(w.tag, w.tag)) for w in words],
                [(b, e, label) for _, label, b, e in entities],
            )


def auto(argument: str | None = None) -> Engine:
    """HanLP's pretrained model when it is on this machine, else LAC; says which on stderr."""
    try:
        require_hanlp()
    except EngineError:
        from kg.language.engines.lac import LacEngine

        print(
            "kg: --engine auto: using lac (HanLP is not installed: pip install 'kg[hanlp]')", file=sys.stderr
        )
        return LacEngine()
    try:
        engine: Engine = HanlpEngine()
    except EngineError:
        from kg.language.engines.lac import LacEngine

        print(
            f"kg: --engine auto: using lac (HanLP's {PRETRAINED} is not in HANLP_HOME={_home()}; "
            "--engine hanlp says how to get it)",
            file=sys.stderr,
        )
        return LacEngine()
    print(f"kg: --engine auto: using hanlp ({PRETRAINED})", file=sys.stderr)
    return engine


@lexicon_cache
def tag_map() -> dict[str, str]:
    return {tag: row[0] for tag, row in table("hanlp_tags.tsv").items()}


def merge(
    text: str, words: Sequence[tuple[int, int, str]], entities: Sequence[tuple[int, int, str]]
) -> list[Token]:
    """A sentence's tokens: entities with kg types, the words around them with their POS tags (a word an
    entity's edge runs through is cut there). Characters in no word (spaces a tokeniser dropped) get none."""
    kinds = tag_map()
    owner: list[tuple[int, str] | None] = [None] * len(text)
    for k, (start, end, tag) in enumerate(words):
        owner[start:end] = [(k, tag)] * (end - start)
    for k, (start, end, label) in enumerate(entities):
        if label in kinds:
            owner[start:end] = [(-1 - k, kinds[label])] * (end - start)
    tokens, pos = [], 0
    for key, run in itertools.groupby(owner):
        end = pos + len(list(run))
        if key is not None:
            tokens.append(Token(text[pos:end], pos, end, key[1]))
        pos = end
    return tokens


def with_arcs(
    tokens: list[Token], spans: Sequence[tuple[int, int]], arcs: Sequence[tuple[int, str]]
) -> list[Token]:
    """Tokens with their dependency head and relation. `arcs` give each word its head (1-based, 0 for
    the root) and relation; a token covering several words (an entity) takes the arc of the word
    whose head lies outside it."""
    token_at = {}
    for index, token in enumerate(tokens):
        for char in range(token.start, token.end):
            token_at[char] = index
    covered: dict[int, list[int]] = {}
    for word, (start, _) in enumerate(spans):
        if start in token_at:
            covered.setdefault(token_at[start], []).append(word)
    result = []
    for index, token in enumerate(tokens):
        words = covered.get(index, [])
        outside = [w for w in words if arcs[w][0] - 1 not in words] or words
        if not outside:
            result.append(token)
            continue
        head_word, relation = arcs[outside[0]][0] - 1, arcs[outside[0]][1]
        head = token_at.get(spans[head_word][0], -1) if head_word >= 0 else -1
        result.append(dataclasses.replace(token, head=head, deprel=relation))
    return result


def word_spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Character offsets of a tokeniser's words, which skip the spaces between them."""
    spans, pos = [], 0
    for word in words:
        start = text.find(word, pos)
        if start < 0:  # a word the tokeniser normalised: it stands where the last one ended
            start = pos
        pos = min(start + len(word), len(text))
        spans.append((start, pos))
    return spans


class _Missing(BaseException):
    """A file HanLP wanted to download. A BaseException, so that it passes through HanLP's own catch-all
    handlers, which would otherwise print an error log and ask PyPI for a newer version."""

    def __init__(self, url: str, path: str | None) -> None:
        super().__init__(url, path)
        self.url, self.path = url, path


@contextmanager
def _no_downloads() -> Iterator[None]:
    from hanlp.utils import io_util

    def refuse(url: str, save_path: str | None = None, *args: object, **kwargs: object) -> str:
        raise _Missing(url, save_path)

    download, io_util.download = io_util.download, refuse
    try:
        yield
    finally:
        io_util.download = download


def require_hanlp() -> None:
    """Raise EngineError, saying what to install, when HanLP (an optional extra) is not installed."""
    try:
        import hanlp  # noqa: F401
    except ImportError:
        raise EngineError(
            "the HanLP engine needs HanLP and torch, an extra of kg: "
            "pip install torch --index-url https://download.pytorch.org/whl/cpu && pip install 'kg[hanlp]' "
            "(the default engine, lac, needs neither)"
        ) from None


def _load(model_dir: str | None):
    require_hanlp()
    import hanlp

    identifier = model_dir or getattr(hanlp.pretrained.mtl, PRETRAINED)
    if model_dir and not Path(model_dir, "config.json").is_file():
        raise EngineError(
            f"{model_dir} holds no model saved by HanLP (no config.json); "
            f"`kg train-ner DATA --out {model_dir}` trains one"
        )
    try:
        with _no_downloads():
            return hanlp.load(identifier, verbose=False)
    except _Missing as missing:
        raise EngineError(_missing_message(model_dir, missing)) from None


def _missing_message(model_dir: str | None, missing: _Missing) -> str:
    model = f"the HanLP model in {model_dir}" if model_dir else f"HanLP's pretrained model {PRETRAINED}"
    load = f"'{Path(model_dir).resolve()}'" if model_dir else f"hanlp.pretrained.mtl.{PRETRAINED}"
    folder = missing.path or missing.url
    for suffix in (".zip", ".tgz", ".tar.gz"):
        folder = folder.removesuffix(suffix)
    return (
        f"{model} needs {missing.url}, which is not on this machine, and kg does not download models: "
        f"looked for {folder} (or that file zipped) under HANLP_HOME={_home()}. "
        "On a machine with network, run "
        f'`HANLP_HOME=/tmp/hanlp python -c "import hanlp; hanlp.load({load})"`, '
        f"then copy what it put in /tmp/hanlp (the folders mtl/ and transformers/) into {_home()} here, "
        "or point HANLP_HOME at the copy. Meanwhile --engine lac works offline, "
        "and --engine auto falls back to it."
    )


def _home() -> str:
    from hanlp.utils.io_util import hanlp_home

    return hanlp_home()


@cache
def _show_licence() -> None:
    """Once per run."""
    print(LICENCE, file=sys.stderr)
