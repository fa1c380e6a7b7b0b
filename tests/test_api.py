"""The Python API: kg.load, kg.build and the KnowledgeGraph they return."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest
from rdflib import Graph

import kg
from kg.explore.query import QueryError

from .test_query import HANDMADE_TTL

PERSON = "https://w3id.org/kg-news/id/person/"
ORG = "https://w3id.org/kg-news/id/org/"


@pytest.fixture(scope="module")
def seeds(seeds_out) -> kg.KnowledgeGraph:
    return kg.load(seeds_out)


@pytest.fixture(scope="module")
def handmade(tmp_path_factory) -> kg.KnowledgeGraph:
    path = tmp_path_factory.mktemp("api") / "events.ttl"
    path.write_text(HANDMADE_TTL, encoding="utf-8")
    return kg.load(path)


def test_load_gives_the_rdflib_graph(seeds, seeds_out) -> None:
    assert isinstance(seeds.rdf, Graph)
    assert (
        len(seeds.rdf) == len(seeds) == len((seeds_out / "graph.nt").read_text(encoding="utf-8").splitlines())
    )


def test_query_gives_a_dataframe_of_python_values(seeds) -> None:
    frame = seeds.query(kg.explore.query.preset("posts").bind({"person": "张百顺"}))
    assert list(frame.columns) == ["person", "role", "organization", "articles"]
    assert set(zip(frame.role, frame.organization, strict=True)) == {
        ("副书记", "中共聊城市委员会"),
        ("市长", "聊城市人民政府"),
    }
    assert all(isinstance(n, int) and n >= 1 for n in frame.articles)
    assert seeds.query("ASK { ?p a schema:Person }").boolean.tolist() == [True]
    with pytest.raises(QueryError, match="malformed SPARQL"):
        seeds.query("SELEC ?x")


def test_entities(seeds) -> None:
    entities = seeds.entities().set_index("iri")
    assert list(entities.columns) == ["label", "type", "subtype", "alt_labels"]
    assert entities.index.is_unique
    person = entities.loc[PERSON + "柳庆发"]
    assert (person.label, person.type, person.subtype) == ("柳庆发", "PERSON", None)
    party = entities.loc[ORG + "中共聊城市委员会"]
    assert (party.type, party.subtype) == ("ORG", "party")
    assert "市委" in party.alt_labels
    assert set(entities.type) >= {"PERSON", "ORG", "PLACE"}


def test_facts_carry_their_evidence(seeds) -> None:
    facts = seeds.facts()
    assert list(facts.columns)[:6] == ["subject", "relation", "object", "evidence", "headline", "source"]
    posts = facts[(facts.subject == "柳庆发") & (facts.relation == "部长")]
    assert set(posts.object) == {"中共聊城市委宣传部", "中共聊城市委统战部"}
    for row in posts.itertuples():
        assert "柳庆发" in row.evidence and row.headline
        original = open(row.source, encoding="utf-8").read()
        assert "".join(original[row.start : row.end].split()) == "".join(row.evidence.split())


def test_networkx_graph_of_entities_and_facts(seeds) -> None:
    graph = seeds.to_networkx()
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.nodes[PERSON + "柳庆发"] == {"label": "柳庆发", "type": "PERSON", "subtype": None}
    edges = graph.get_edge_data(PERSON + "柳庆发", ORG + "中共聊城市委宣传部")
    assert set(edges) == {"部长"}
    edge = edges["部长"]
    assert edge["relation"] == "部长" and edge["predicate"] == "http://www.w3.org/ns/org#Membership"
    assert edge["evidence"] and all("柳庆发" in sentence for sentence in edge["evidence"])
    assert len(edge["evidence"]) == len(set(edge["evidence"]))
    assert all("label" in data and "type" in data for _, data in graph.nodes(data=True))


def test_events_and_links_in_networkx(handmade) -> None:
    graph = handmade.to_networkx()
    event = "https://w3id.org/kg-news/id/event/全市经济工作会议"
    # a part taken, with its evidence; the event's attendee and place as direct links
    assert graph.get_edge_data(PERSON + "张百顺", event)["主持"]["evidence"] == ["市长张百顺主持会议并讲话。"]
    assert set(graph.get_edge_data(PERSON + "张百顺", event)) == {"主持", "讲话"}
    assert graph.get_edge_data(event, PERSON + "柳庆发")["attendee"]["evidence"] == []
    assert "location" in graph.get_edge_data(event, "https://w3id.org/kg-news/id/place/东昌府区")
    assert graph.nodes[event]["type"] == "EVENT"
    facts = handmade.facts()
    hosted = facts[facts.relation == "主持"].iloc[0]
    assert (hosted.subject, hosted.object, hosted.headline, hosted.source) == (
        "张百顺", "全市经济工作会议", "全市经济工作会议召开", "a.txt"
    )  # fmt: skip


def test_both_stores_give_the_same_frames(seeds, seeds_out) -> None:
    other = kg.load(seeds_out, store="oxigraph")
    assert other.store.name == "oxigraph" and seeds.store.name == "rdflib"
    pd.testing.assert_frame_equal(other.entities(), seeds.entities())
    pd.testing.assert_frame_equal(other.facts(), seeds.facts())
    query = kg.explore.query.preset("entity").bind({"name": "张百顺"})
    pd.testing.assert_frame_equal(other.query(query), seeds.query(query))
    assert len(other.rdf) == len(seeds.rdf)  # read with rdflib on demand


def test_load_a_missing_graph(tmp_path) -> None:
    with pytest.raises(QueryError, match="no such file or folder"):
        kg.load(tmp_path / "missing.ttl")


TEXT = """本报讯(记者 王培源) 12月27日,全市技工教育工作会议召开。市委常委、宣传部部长柳庆发出席会议并讲话。
副市长刘文强主持会议。
"""


def test_build_runs_the_pipeline_in_process(tmp_path) -> None:
    source = tmp_path / "page.txt"
    source.write_text(TEXT, encoding="utf-8")
    built = kg.build(source, city="聊城市", out=tmp_path / "out")
    facts = built.facts()
    assert ("柳庆发", "部长", "中共聊城市委宣传部") in set(
        zip(facts.subject, facts.relation, facts.object, strict=True)
    )
    assert ("刘文强", "副市长", "聊城市人民政府") in set(
        zip(facts.subject, facts.relation, facts.object, strict=True)
    )
    assert {"graph.ttl", "graph.nt", "graph.html"} <= {p.name for p in (tmp_path / "out").iterdir()}
    reloaded = kg.load(tmp_path / "out")
    pd.testing.assert_frame_equal(reloaded.entities(), built.entities())
    assert len(reloaded) == len(built)


def test_writers_and_editors_credited_on_a_page_are_its_authors_and_editors(tmp_path) -> None:
    source = tmp_path / "page.txt"
    source.write_text(
        "县政协召开常委会议\n来源:某某网 作者:赖青 左云\n\n"
        "本报讯 1月14日,县政协召开常委会议,听取县政府关于全县重点项目建设情况的通报。\n\n"
        "(一审:周明 二审:黄岸 三审:扶国权)\n",
        encoding="utf-8",
    )
    built = kg.build(source, city="聊城市", out=tmp_path / "out")
    credits = built.query(
        "PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?credit ?name WHERE { ?a a schema:NewsArticle ; ?credit ?p . ?p rdfs:label ?name . "
        "FILTER(?credit IN (schema:author, schema:editor)) }"
    )
    assert sorted(zip(credits.credit.str.rsplit("/", n=1).str[-1], credits.name, strict=True)) == [
        ("author", "左云"), ("author", "赖青"), ("editor", "周明"), ("editor", "扶国权"), ("editor", "黄岸"),
    ]  # fmt: skip


def test_pyvis_network_of_one_officials_neighbourhood(seeds) -> None:
    from pyvis.network import Network

    from kg.explore.html import STYLES

    net = seeds.to_pyvis("张百顺", hops=1)
    assert isinstance(net, Network)
    by_label = {node["label"]: node for node in net.nodes}
    zhang = by_label["张百顺"]
    assert (zhang["color"], zhang["shape"]) == (STYLES["person"].color, STYLES["person"].shape)
    assert by_label["聊城市人民政府"]["shape"] == STYLES["state"].shape  # styled like graph.html
    assert all(node["physics"] is False and "x" in node for node in net.nodes)  # laid out, fixed
    ids = {node["label"]: node["id"] for node in net.nodes}
    post = next(e for e in net.edges if (e["from"], e["to"]) == (ids["张百顺"], ids["聊城市人民政府"]))
    assert (
        post["label"] == "市长" and "张百顺" in post["title"]
    )  # the role, and the sentence it was read from
    assert len(net.nodes) < len(seeds.to_pyvis().nodes)  # one hop, not the whole graph
    with pytest.raises(LookupError, match="no entity named"):
        seeds.to_pyvis("无此人")
