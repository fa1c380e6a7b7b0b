"""Who held which post when: article dates, posts attested on them, changes with their dates, the
interval they bound, and the holders and career presets on both stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.cli import main
from kg.explore.query import QueryError, open_store, presets
from kg.rdf.graph import KG, SCHEMA

PAGES = Path(__file__).resolve().parent.parent / "examples" / "terms"  # one dated on the page, one by path

XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")  # not rdflib's XSD: pytest trips on it


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("time")
    assert main(["build", str(PAGES), "--out", str(root / "out"), "--city", "德州市"]) == 0
    return root / "out" / "graph.trig"


def _graph(built: Path) -> Graph:
    """Every named graph of the build in one graph (articles' facts stand in their own graphs)."""
    data = Dataset()
    data.parse(built, format="trig")
    merged = Graph()
    for s, p, o, _ in data.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def _rows(built: Path, store: str, name: str, **params: str) -> list[tuple[str, ...]]:
    results = open_store(built, store).run(presets()[name].bind(params))
    return [tuple("" if v is None else str(v) for v in row) for row in results.rows]


def test_articles_carry_their_date_and_where_it_came_from(built: Path) -> None:
    data = _graph(built)
    dates = {
        (str(data.value(s, SCHEMA.datePublished)), str(data.value(s, KG.dateSource)))
        for s in data.subjects(KG.dateSource, None)
    }
    assert dates == {("2018-03-01", "dateline"), ("2019-01-10", "path")}


def test_a_change_has_its_date_from_the_text(built: Path) -> None:
    data = _graph(built)
    changes = {
        str(data.value(c, KG.changeType)): (data.value(c, SCHEMA.startDate), str(data.value(c, KG.dateFrom)))
        for c in data.subjects(KG.changeType, None)
    }
    day = Literal("2019-01-09", datatype=XSD_DATE)  # 1月9日 of the lead, its year from the page's date
    assert changes["appointed"] == (day, "text") and changes["removed"] == (day, "text")


@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
def test_holders_of_a_post_on_a_day(built: Path, store: str) -> None:
    def holders(**day: str) -> list[str]:
        rows = _rows(built, store, "holders", role="市长", organization="德州市人民政府", **day)
        return [row[0] for row in rows]

    assert holders() == ["张立新", "王海涛"]  # in the order their terms are known to begin
    assert holders(date="2018-08-01") == ["张立新"]  # attested in March, removed in January
    assert holders(date="2019-06-01") == ["王海涛"]  # appointed, not ended: the term runs on
    assert holders(date="2017-01-01") == []


@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
def test_career_of_an_official(built: Path, store: str) -> None:
    rows = _rows(built, store, "career", person="张立新")
    posts = {(row[1], row[2]): row for row in rows}
    assert set(posts) == {("副书记", "中共德州市委员会"), ("市长", "德州市人民政府")}
    mayor = posts[("市长", "德州市人民政府")]
    assert mayor[4] == "2019-01-09" and mayor[5] == "2018-03-01"  # ended; first attested
    assert mayor[8] == "true" and mayor[9] == "removed" and mayor[10] == "2"  # former; the change; 2 articles


def test_a_date_parameter_must_be_a_date() -> None:
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        presets()["holders"].bind({"role": "市长", "organization": "德州市人民政府", "date": "去年"})


def test_terms_are_intervals(built: Path) -> None:
    data = _graph(built)
    time = "http://www.w3.org/2006/time#"
    ends = {str(o) for o in data.objects(None, URIRef(time + "inXSDDate"))}
    assert ends == {"2019-01-09"}


def test_the_library_takes_the_date_as_the_command_line_does(tmp_path: Path) -> None:
    import kg

    page = tmp_path / "a.txt"
    page.write_text(
        "德州市召开会议\n\n本报讯 12月27日，全市工作会议召开。市长张立新出席会议。\n", encoding="utf-8"
    )
    graph = kg.build(page, city="德州市", date="2025-01-03")
    rows = graph.query("SELECT ?d WHERE { ?s kg:dateSource 'given' ; schema:datePublished ?d }")
    assert [str(day) for day in rows["d"]] == ["2025-01-03"]
    events = graph.query("SELECT ?d WHERE { ?e a schema:Event ; schema:startDate ?d }")
    assert [str(day) for day in events["d"]] == ["2024-12-27"]  # the year from the date given


def test_a_session_of_several_days_decides_on_its_last(engine) -> None:
    from kg.model import Document
    from kg.pipeline import analyse
    from kg.readers.orgs import Locale, OrgResolver
    from kg.resolution.resolve import resolve

    text = "本报讯 26日至27日，市十二届人大常委会举行第三十次会议。会议决定任命吴建国为沧州市体育局局长。"
    locale = Locale.for_city("沧州市")
    docs = analyse([Document("session.txt", text)], engine, locale, issue_date="2007-09-28")
    corpus = resolve(docs, OrgResolver(locale))
    dates = [c.date for m in corpus.memberships.values() for c in m.changes]
    assert dates == ["2007-09-27"]


def test_a_change_in_a_later_paragraph_has_the_day_that_opens_it(tmp_path: Path) -> None:
    page = tmp_path / "2017-07-01" / "x.txt"
    page.parent.mkdir()
    page.write_text(
        "王五当选德州市市长\n\n"
        "本报讯 28日，德州市第十届人民代表大会第二次会议选举王五为德州市人民政府市长。\n\n"
        "6月18日，德州市召开全市领导干部大会。会议宣读了中共山东省委决定：免去张三同志中共德州市委书记职务。\n",
        encoding="utf-8",
    )
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out"), "--city", "德州市"]) == 0
    data = _graph(tmp_path / "out" / "graph.trig")
    removed = [c for c in data.subjects(KG.changeType, Literal("removed"))]
    assert [data.value(c, SCHEMA.startDate) for c in removed] == [Literal("2017-06-18", datatype=XSD_DATE)]
