"""`kg query`: presets, both stores giving the same rows, output formats, clear errors."""

from __future__ import annotations

import csv
import http.server
import io
import json
import os
import threading

import pytest
from rdflib import Literal, URIRef

from kg.cli import main
from kg.explore import query as kq
from kg.explore.query import GraphFileError, QueryError, ReadOnlyError, display_width, open_store, presets

# Events and projects as the relation layer writes them (schema:attendee, schema:location, kg:investment):
# a small graph written by hand, so that what the presets must return is known exactly.
HANDMADE_TTL = """
@prefix kg: <https://w3id.org/kg-news/ns#> .
@base <https://w3id.org/kg-news/id/> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix oa: <http://www.w3.org/ns/oa#> .

<person/张百顺> a schema:Person, kg:Person ; rdfs:label "张百顺"@zh .
<person/柳庆发> a schema:Person, kg:Person ; rdfs:label "柳庆发"@zh .
<org/中共聊城市委员会> a schema:GovernmentOrganization, kg:PartyOrganization ;
    rdfs:label "中共聊城市委员会"@zh ; skos:altLabel "市委"@zh ; kg:subtype "party" .
<membership/1> a org:Membership ; org:member <person/柳庆发> ; org:organization <org/中共聊城市委员会> ;
    org:role <role/常委> .
<role/常委> a org:Role ; rdfs:label "常委"@zh .
<place/阳谷县> a schema:Place, kg:Place ; rdfs:label "阳谷县"@zh .
<place/东昌府区> a schema:Place, kg:Place ; rdfs:label "东昌府区"@zh .

<event/全市经济工作会议> a schema:Event, kg:Event ; rdfs:label "全市经济工作会议"@zh ;
    schema:startDate "2024-12-27"^^xsd:date ; schema:location <place/东昌府区> ;
    schema:attendee <person/张百顺>, <person/柳庆发>, <org/中共聊城市委员会> .
<participation/1> a kg:Participation ; kg:participant <person/张百顺> ;
    kg:event <event/全市经济工作会议> ; kg:role "主持"@zh ; kg:evidence <evidence/1> .
<evidence/1> a oa:SpecificResource ; oa:hasSource <source/a.txt> ; kg:article <article/a-1> ;
    oa:hasSelector <evidence/1#quote>, <evidence/1#position> .
<evidence/1#quote> a oa:TextQuoteSelector ; oa:exact "市长张百顺主持会议并讲话。"@zh .
<evidence/1#position> a oa:TextPositionSelector ; oa:start 10 ; oa:end 23 .
<source/a.txt> a kg:SourceFile ; kg:path "a.txt" .
<article/a-1> a schema:NewsArticle ; schema:headline "全市经济工作会议召开"@zh .
<participation/2> a kg:Participation ; kg:participant <person/张百顺> ;
    kg:event <event/全市经济工作会议> ; kg:role "讲话"@zh .
<event/摄影展开展仪式> a schema:Event, kg:Event ; rdfs:label "摄影展开展仪式"@zh ;
    schema:attendee <person/柳庆发> .

<project/风电项目> a schema:Project, kg:Project ; rdfs:label "九标段343.75兆瓦风电项目"@zh ;
    schema:location <place/阳谷县> ;
    kg:investment [ schema:value 2600000000 ; schema:currency "CNY" ; kg:approximate true ] .
<project/图书馆项目> a schema:Project, kg:Project ; rdfs:label "阳谷县图书馆项目"@zh ;
    schema:location <place/阳谷县> .
<project/轴承产业园项目> a schema:Project, kg:Project ; rdfs:label "轴承产业园项目"@zh ;
    schema:location <place/东昌府区> ;
    kg:investment [ schema:value 350000000.5 ; schema:currency "CNY" ] .
<project/外资项目> a schema:Project, kg:Project ; rdfs:label "外资项目"@zh ;
    schema:location <place/东昌府区> ;
    kg:investment [ schema:value 1000000 ; schema:currency "USD" ] .
<project/无地点项目> a schema:Project, kg:Project ; rdfs:label "无地点项目"@zh .
"""


@pytest.fixture(scope="session")
def handmade(tmp_path_factory):
    path = tmp_path_factory.mktemp("handmade") / "events.ttl"
    path.write_text(HANDMADE_TTL, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def store(seeds_out, handmade):
    """store(graph, kind): each graph loaded once per session into each store."""
    loaded = {}

    def get(graph: str = "seeds", kind: str = "rdflib") -> kq.Store:
        if (graph, kind) not in loaded:
            loaded[graph, kind] = open_store(seeds_out if graph == "seeds" else handmade, kind)
        return loaded[graph, kind]

    return get


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["query", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def texts(results: kq.Results) -> list[tuple[str, ...]]:
    return [tuple("" if t is None else str(t) for t in row) for row in results.rows]


# (rdflib's XSD namespace object is not kept at module level: pytest's collection probes it and it warns)
NUMBERS = {URIRef(f"http://www.w3.org/2001/XMLSchema#{name}")
           for name in ("integer", "nonNegativeInteger", "decimal", "double", "float", "int", "long")}  # fmt: skip


def by_value(results: kq.Results) -> list[tuple]:
    """Rows with numbers as their values: pyoxigraph keeps numbers in canonical form ("520000000.00" comes
    back as 520000000, xsd:nonNegativeInteger as xsd:integer); every other term must be identical."""
    return [
        tuple(
            ("number", t.toPython()) if isinstance(t, Literal) and t.datatype in NUMBERS else t for t in row
        )
        for row in results.rows
    ]


# ---- presets ----


def test_posts_preset_lists_the_posts_of_one_official(seeds_out, capsys) -> None:
    code, out, _ = run_cli(
        capsys, seeds_out, "--preset", "posts", "--param", "person=柳庆发", "--format", "csv"
    )
    assert code == 0
    header, *rows = csv_rows(out)
    assert header == ["person", "role", "organization", "articles"]
    assert [row[:3] for row in rows] == [  # ordered by code point: 常 (U+5E38) before 部 (U+90E8)
        ["柳庆发", "常委", "中共聊城市委员会"],
        ["柳庆发", "部长", "中共聊城市委宣传部"],
        ["柳庆发", "部长", "中共聊城市委统战部"],
    ]
    assert all(int(row[3]) >= 1 for row in rows)


def test_posts_preset_without_parameters_lists_every_post(store) -> None:
    rows = texts(store().run(presets()["posts"].bind({})))
    assert len(rows) == 81  # the posts held (org:Membership) of `kg build seeds`
    assert ("张百顺", "市长", "聊城市人民政府") in {row[:3] for row in rows}


def test_entity_preset_gives_triples_both_ways_with_labels(store) -> None:
    rows = texts(store().run(presets()["entity"].bind({"name": "柳庆发"})))
    person = "https://w3id.org/kg-news/id/person/柳庆发"
    member = "http://www.w3.org/ns/org#member"
    # as subject: its own description
    assert (person, "柳庆发", "http://www.w3.org/2000/01/rdf-schema#label", "柳庆发", "") in rows
    # as object: the posts it holds, labelled by role and organisation, and the articles that mention it
    posts = {row[1] for row in rows if row[2] == member and row[3] == person}
    assert posts == {"部长 @ 中共聊城市委宣传部", "部长 @ 中共聊城市委统战部", "常委 @ 中共聊城市委员会"}
    mentions = [row for row in rows if row[2] == "https://schema.org/mentions"]
    assert mentions and all(row[1] for row in mentions)  # each article labelled by its headline


def test_attendance_preset_on_a_handmade_graph(store) -> None:
    rows = texts(store("handmade").run(presets()["attendance"].bind({})))
    assert rows == [
        ("摄影展开展仪式", "", "", "柳庆发", ""),  # no date: unbound sorts first
        ("全市经济工作会议", "2024-12-27", "东昌府区", "中共聊城市委员会", ""),
        ("全市经济工作会议", "2024-12-27", "东昌府区", "张百顺", "主持"),  # one row per part taken
        ("全市经济工作会议", "2024-12-27", "东昌府区", "张百顺", "讲话"),
        ("全市经济工作会议", "2024-12-27", "东昌府区", "柳庆发", ""),
    ]
    rows = texts(store("handmade").run(presets()["attendance"].bind({"attendee": "柳庆发"})))
    assert [row[0] for row in rows] == ["摄影展开展仪式", "全市经济工作会议"]


def test_projects_preset_on_a_handmade_graph(store) -> None:
    rows = texts(store("handmade").run(presets()["projects"].bind({})))
    # by place, biggest investment first; a project in dollars has no yuan; one with no place is left out
    assert rows == [
        ("东昌府区", "轴承产业园项目", "350000000.5", ""),
        ("东昌府区", "外资项目", "", ""),
        ("阳谷县", "九标段343.75兆瓦风电项目", "2600000000", "true"),
        ("阳谷县", "阳谷县图书馆项目", "", ""),
    ]
    rows = texts(store("handmade").run(presets()["projects"].bind({"place": "阳谷县"})))
    assert [row[1] for row in rows] == ["九标段343.75兆瓦风电项目", "阳谷县图书馆项目"]


def _preset_cases() -> list[tuple[str, str, dict[str, str]]]:
    return [
        ("seeds", "posts", {}),
        ("seeds", "posts", {"organization": "聊城市人民政府"}),
        ("seeds", "entity", {"name": "张百顺"}),
        ("seeds", "entity", {"name": "中共聊城市委员会"}),
        ("seeds", "attendance", {}),
        ("seeds", "projects", {}),
        ("handmade", "attendance", {}),
        ("handmade", "projects", {}),
        ("handmade", "entity", {"name": "柳庆发"}),
    ]


@pytest.mark.parametrize(("graph", "name", "params"), _preset_cases())
def test_both_stores_give_the_same_rows(graph, name, params, store) -> None:
    sparql = presets()[name].bind(params)
    by_rdflib = store(graph, "rdflib").run(sparql)
    by_oxigraph = store(graph, "oxigraph").run(sparql)
    assert by_rdflib.variables == by_oxigraph.variables
    if graph == "handmade" or name in ("posts", "entity"):
        assert by_rdflib.rows  # a comparison of two empty results would prove nothing
    assert by_value(by_rdflib) == by_value(by_oxigraph)  # same rows in the same order, same language tags


@pytest.mark.parametrize("name", ["entities", "alt_labels", "memberships", "participations", "links"])
def test_both_stores_give_the_same_rows_for_the_api_queries(name, store) -> None:
    # on the seeds too where rdflib is quick enough (kg.api runs these on pyoxigraph)
    for graph in (
        ("seeds", "handmade") if name in ("entities", "alt_labels", "memberships") else ("handmade",)
    ):
        sparql = kq.api_query(name)
        by_rdflib = store(graph, "rdflib").run(sparql)
        assert by_rdflib.rows
        assert by_value(by_rdflib) == by_value(store(graph, "oxigraph").run(sparql))


def test_every_preset_says_what_it_answers_and_its_parameters() -> None:
    found = presets()
    assert set(found) >= {"posts", "attendance", "projects", "entity"}
    for preset in found.values():
        assert preset.description and not preset.description.startswith("PREFIX")
    assert [(p.name, p.required) for p in found["entity"].params] == [("name", True)]
    assert {p.name for p in found["posts"].params} == {"person", "role", "organization"}


def test_parameters_are_bound_as_escaped_literals_at_the_top_of_where() -> None:
    sparql = "# not this WHERE { in a comment\nSELECT ?name WHERE {\n  ?x <p> ?name .\n}"
    bound = kq.bind_values(sparql, {"name": Literal('a "quoted" name', lang="zh")})
    assert bound.startswith("# not this WHERE { in a comment\nSELECT ?name WHERE {\n  VALUES ?name {")
    assert '"a \\"quoted\\" name"@zh' in bound


# ---- stores and graph files ----


@pytest.mark.parametrize("name", ["graph.nt", "graph.ttl", "graph.trig", "graph.jsonld", "."])
@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
def test_every_output_file_of_kg_build_can_be_queried(seeds_out, name, store) -> None:
    triples = len((seeds_out / "graph.nt").read_text(encoding="utf-8").splitlines())
    results = open_store(seeds_out / name, store).run("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(results.rows[0][0]) == triples


def test_auto_takes_oxigraph_for_a_large_graph(seeds_out, monkeypatch) -> None:
    assert kq.choose_store(seeds_out / "graph.nt") == "rdflib"
    triples = len((seeds_out / "graph.nt").read_text(encoding="utf-8").splitlines())
    assert kq.estimated_triples(seeds_out / "graph.nt") == pytest.approx(triples, rel=0.15)
    monkeypatch.setattr(kq, "LARGE_GRAPH_TRIPLES", 1000)
    assert kq.choose_store(seeds_out / "graph.nt") == "oxigraph"
    assert open_store(seeds_out / "graph.ttl").name == "oxigraph"


def test_max_rows_stops_reading(store) -> None:
    for kind in ("rdflib", "oxigraph"):
        results = store("seeds", kind).run("SELECT * WHERE { ?s ?p ?o }", max_rows=5)
        assert len(results.rows) == 5 and results.truncated


def test_ask_and_construct(store) -> None:
    construct = (
        'CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a schema:Person ; rdfs:label ?l FILTER(?l = "柳庆发"@zh) }'
    )
    for kind in ("rdflib", "oxigraph"):
        s = store("seeds", kind)
        assert s.run("ASK { ?p a schema:Person }").boolean is True
        assert s.run('ASK { ?p rdfs:label "无此人"@zh }').boolean is False
        results = s.run(construct)
        assert results.kind == "graph" and texts(results) == [
            (
                "https://w3id.org/kg-news/id/person/柳庆发",
                "http://www.w3.org/2000/01/rdf-schema#label",
                "柳庆发",
            )
        ]


# ---- output formats ----


def test_json_output_is_sparql_results_json(seeds_out, capsys) -> None:
    code, out, _ = run_cli(
        capsys, seeds_out, "--preset", "posts", "--param", "person=张百顺", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["head"]["vars"] == ["person", "role", "organization", "articles"]
    first = data["results"]["bindings"][0]
    assert first["person"] == {"type": "literal", "value": "张百顺", "xml:lang": "zh"}
    assert first["articles"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


def test_json_ask_and_xml_output(seeds_out, capsys) -> None:
    code, out, _ = run_cli(capsys, seeds_out, "ASK { ?p a schema:Person }", "--format", "json")
    assert code == 0 and json.loads(out) == {"head": {}, "boolean": True}
    code, out, _ = run_cli(
        capsys, seeds_out, "--preset", "posts", "--param", "person=张百顺", "--format", "xml"
    )
    assert code == 0 and '<literal xml:lang="zh">张百顺</literal>' in out
    assert 'xmlns="http://www.w3.org/2005/sparql-results#"' in out


def test_table_output_aligns_chinese_columns(seeds_out, capsys) -> None:
    code, out, _ = run_cli(capsys, seeds_out, "--preset", "posts", "--param", "person=柳庆发")
    assert code == 0
    header, rule, *rows, count = out.rstrip("\n").split("\n")
    assert count == "(3 rows)"
    # each column starts at the same terminal column in every line: Chinese characters take two
    role_at = display_width(header[: header.index("role")])
    for row in rows:
        assert display_width(row[: row.index("部长" if "部长" in row else "常委")]) == role_at
    assert rule.startswith("------") and "  " in rule


def test_query_from_a_file_with_iris_compacted_in_the_table(seeds_out, tmp_path, capsys) -> None:
    query = tmp_path / "q.rq"
    query.write_text('SELECT ?p WHERE { ?p rdfs:label "张百顺"@zh }', encoding="utf-8")
    code, out, _ = run_cli(capsys, seeds_out, query)
    assert code == 0 and "id:person/张百顺" in out


def test_query_from_standard_input(store, handmade, capsys, monkeypatch) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("SELECT ?l WHERE { ?p a schema:Place ; rdfs:label ?l } ORDER BY ?l")
    )
    code, out, _ = run_cli(capsys, handmade, "-", "--format", "csv")
    assert code == 0 and csv_rows(out) == [["l"], ["东昌府区"], ["阳谷县"]]


# ---- bad input: one line, no traceback, non-zero exit ----


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{missing}", "--preset", "posts"], "no such file or folder"),
        (["{empty_dir}", "--preset", "posts"], "not a `kg build` output"),
        (["{readme}", "--preset", "posts"], "not a graph file"),
        (["{bad_ttl}", "ASK { ?s ?p ?o }"], "cannot read as turtle"),
        (["{bad_ttl}", "ASK { ?s ?p ?o }", "--store", "oxigraph"], "cannot read as turtle"),
        (["{small}", "SELEC ?x WHERE { ?x ?p ?o }"], "malformed SPARQL"),
        (["{small}", "SELEC ?x WHERE { ?x ?p ?o }", "--store", "oxigraph"], "malformed SPARQL"),
        (["{small}", "SELECT ?x WHERE { ?x nope:p ?o }"], "malformed SPARQL"),
        (["{small}", "INSERT DATA { <a:b> <a:b> <a:b> }"], "SPARQL Update is refused"),
        (["{small}", "DELETE WHERE { ?s ?p ?o }", "--store", "oxigraph"], "SPARQL Update is refused"),
        (["{small}", "   "], "empty query"),
        (
            ["{small}", "--preset", "nope"],
            "unknown preset 'nope' (available: attendance, career, entity, holders, posts, projects",
        ),
        (["{small}", "--preset", "entity"], "needs --param name="),
        (["{small}", "--preset", "posts", "--param", "who=张百顺"], "has no parameter who"),
        (["{small}", "--preset", "posts", "--param", "张百顺"], "expected NAME=VALUE"),
        (["{small}", "ASK {}", "--preset", "posts"], "either a SPARQL query or --preset"),
        (["{small}"], "either a SPARQL query or --preset"),
        (["{small}", "{tmp}/none.rq"], "cannot read the query"),
        (["{fifo}", "ASK {}"], "not a regular file"),  # it used to wait forever for a writer
        (
            ["{small}", "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"],
            "SERVICE <http://127.0.0.1:9/> is refused",
        ),
        (["{small}", "SELECT * { SERVICE ?x { ?s ?p ?o } }", "--store", "oxigraph"], "is refused"),
        (["{small}", "ASK " + "{ " * 3000 + "} " * 3000, "--store", "oxigraph"], "nested 3000 levels deep"),
    ],
)
def test_bad_input_gets_one_line_and_exit_2(args, message, handmade, tmp_path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    os.mkfifo(tmp_path / "graph.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle\n", encoding="utf-8")
    places = {
        "missing": tmp_path / "missing.ttl", "empty_dir": tmp_path / "empty", "readme": kq.QUERIES / "posts.rq",
        "bad_ttl": bad, "small": handmade, "tmp": tmp_path, "fifo": tmp_path / "graph.ttl",
    }  # fmt: skip
    code, out, err = run_cli(capsys, *(fill(a, places) for a in args))
    assert code == 2
    assert out == ""
    assert err.startswith("kg: ") and err.count("\n") == 1, err
    assert message in err and "Traceback" not in err


def fill(arg: str, places: dict) -> str:
    for name, value in places.items():
        arg = arg.replace("{" + name + "}", str(value))
    return arg


@pytest.mark.parametrize("kind", ["rdflib", "oxigraph"])
def test_a_remote_json_ld_context_is_never_fetched(kind, tmp_path) -> None:
    fetched = []

    class Context(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fetched.append(self.path)
            body = json.dumps({"@context": {"name": "http://schema.org/name"}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.HTTPServer(("127.0.0.1", 0), Context)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        remote = f"http://127.0.0.1:{server.server_address[1]}/context"
        for context in (remote, [remote, {"x": "http://x/"}], {"@import": remote}):
            graph = tmp_path / "remote.jsonld"
            graph.write_text(json.dumps({"@context": context, "@id": "http://x/a", "name": "A"}))
            with pytest.raises(GraphFileError, match="remote JSON-LD context"):
                open_store(graph, kind)
    finally:
        server.shutdown()
        server.server_close()
    assert fetched == []


def test_tsv_output(seeds_out, capsys) -> None:
    code, out, _ = run_cli(
        capsys, seeds_out, 'SELECT ?s ?l { ?s rdfs:label ?l FILTER(?l = "柳庆发"@zh) }', "--format", "tsv"
    )
    assert code == 0
    assert out == '?s\t?l\n<https://w3id.org/kg-news/id/person/柳庆发>\t"柳庆发"@zh\n'


def test_store_errors_are_query_errors(store, handmade) -> None:
    with pytest.raises(ReadOnlyError):
        store().run("CLEAR ALL")
    with pytest.raises(QueryError, match="unknown store"):
        open_store(handmade, "sqlite")


@pytest.mark.parametrize("kind", ["rdflib", "oxigraph"])
def test_a_json_ld_alias_chain_is_one_line_not_a_crash(kind, tmp_path, capsys) -> None:
    """5,000 terms each defined by the one before: pyoxigraph's reader overflowed its stack (SIGSEGV)."""
    context = {
        "a0": "@id",
        **{f"a{i}": f"a{i - 1}" for i in range(1, 5000)},
        "name": "http://schema.org/name",
    }
    graph = tmp_path / "alias.jsonld"
    graph.write_text(json.dumps({"@context": context, "a4999": "http://x/a", "name": "A"}))
    code, out, err = run_cli(capsys, graph, "SELECT * { ?s ?p ?o }", "--store", kind)
    assert (code, out, err.count("\n")) == (2, "", 1) and "defined by one another more than 64 deep" in err
    # a short chain is read
    short = {"a0": "@id", "a1": "a0", "a2": "a1", "name": "http://schema.org/name"}
    graph.write_text(json.dumps({"@context": short, "a2": "http://x/a", "name": "A"}))
    code, out, _ = run_cli(capsys, graph, "SELECT * { ?s ?p ?o }", "--store", kind)
    assert code == 0 and "http://x/a" in out
