"""The pipeline is an ordered list of named components, each saying what it reads and assigns; a user
can list them (`kg pipeline`) and leave one out (`--disable`)."""

from __future__ import annotations

import pytest

from kg.cli import main
from kg.model import Document
from kg.pipeline import analyse, check_disabled, components
from kg.readers.orgs import Locale

TEXT = "德州市召开会议\n\n本报讯 3月15日，全市工作会议召开。市委副书记、市长赵志明出席会议并讲话。\n"


def test_components_say_what_they_read_and_assign() -> None:
    names = [c.name for c in components()]
    assert names[:5] == ["date", "clean", "segment", "recognise", "locale"]
    assert {"posts", "events", "projects"} <= set(names)
    assigned: set[str] = {"original", "path", "date"}
    for component in components():  # every field a component reads is there by the time it runs
        assert set(component.reads) <= assigned | {"tokens"}, component.name
        assigned |= set(component.assigns)


def test_a_disabled_component_leaves_its_fields_alone(engine) -> None:
    doc = analyse([Document("a.txt", TEXT)], engine, Locale.for_city("德州市"), disable=("events",))[0]
    article = doc.articles[-1]
    assert article.positions and not article.events and not article.participations


def test_names_are_mended_once_before_the_readers(engine) -> None:
    """A name the model split after a title (局长向|小焰: 向 read as a preposition) is mended by the
    names component, before the post reader reads it; without that component the post has no holder."""
    text = "本报讯 3月15日，市商务局局长向小焰出席会议。\n"

    def holders(disable: tuple[str, ...]) -> set[str]:
        doc = analyse([Document("a.txt", text)], engine, Locale.for_city("德州市"), disable=disable)[0]
        return {p.person for a in doc.articles for p in a.positions}

    assert holders(()) == {"向小焰"}
    assert holders(("names",)) == set()


def test_a_split_name_of_two_characters_spans_two(engine) -> None:
    """ "区长任|书": a surname and a one-character given name joined after a title end where the name
    ends (a hypothesis case once gave the mention three characters, past the sentence's end)."""
    doc = analyse([Document("a.txt", "区长任书")], engine, Locale.for_city("德州市"))[0]
    persons = [m for a in doc.articles for s in a.sentences for m in s.mentions if m.type == "PERSON"]
    assert [(m.text, doc.text[m.start : m.end]) for m in persons] == [("任书", "任书")]


@pytest.mark.parametrize("name, message", [("nope", "no component"), ("recognise", "cannot be disabled")])
def test_only_optional_components_can_be_disabled(name: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_disabled([name])


def test_kg_pipeline_lists_them(capsys) -> None:
    assert main(["pipeline"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["component", "reads", "assigns"]
    assert "recognise" in out and "(required)" in out


def test_a_page_is_converted_to_the_characters_kg_reads_once(monkeypatch) -> None:
    import kg.input.script as script
    from kg.input.clean import clean_document
    from kg.pipeline import locale_for

    calls = []
    real = script.readable
    monkeypatch.setattr(script, "readable", lambda text: calls.append(text) or real(text))
    doc = Document("p.txt", "縣委書記吳建國到聊城市調研。")
    locale_for([doc], None)
    clean_document(doc)
    assert len(calls) == 1 and doc.traditional and doc.text.startswith("县委书记")
