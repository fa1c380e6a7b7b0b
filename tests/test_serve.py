"""`kg serve`: the SPARQL 1.1 Protocol endpoint, asked by SPARQLWrapper and by plain HTTP."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.commands.serve import Endpoint, make_server
from kg.query import Results, open_store

POSTS_OF = """PREFIX org: <http://www.w3.org/ns/org#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?role ?organization WHERE {
  ?m org:member/rdfs:label "%s"@zh ; org:role/rdfs:label ?role ; org:organization/rdfs:label ?organization .
} ORDER BY ?role ?organization"""
EXPECTED = [("常委", "中共聊城市委员会"), ("部长", "中共聊城市委宣传部"), ("部长", "中共聊城市委统战部")]
# with rdflib, a cross product that would run for hours
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@contextmanager
def serving(endpoint: Endpoint):
    """A server on a free port of 127.0.0.1 for the duration of the block; stopped whatever happens."""
    server = make_server(endpoint, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def seeds_store(seeds_out):
    return open_store(seeds_out, "rdflib")


@pytest.fixture(scope="module")
def url(seeds_store):
    with serving(Endpoint(seeds_store, timeout=5, max_results=50)) as address:
        yield address


def fetch(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body text), for errors as for successes."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


def get(url: str, headers: dict | None = None, **params: str):
    return fetch(f"{url}?{urllib.parse.urlencode(params)}", headers=headers)


def client(url: str, query: str, fmt=JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setTimeout(20)
    return sparql


def rows_of(json_results: dict) -> list[tuple[str, ...]]:
    variables = json_results["head"]["vars"]
    return [tuple(b[v]["value"] for v in variables) for b in json_results["results"]["bindings"]]


# ---- SPARQLWrapper ----


def test_sparqlwrapper_get_json(url) -> None:
    results = client(url, POSTS_OF % "柳庆发").queryAndConvert()
    assert rows_of(results) == EXPECTED
    assert results["results"]["bindings"][0]["role"]["xml:lang"] == "zh"


def test_sparqlwrapper_post_form_and_post_directly(url) -> None:
    for method in ("form", "direct"):
        sparql = client(url, POSTS_OF % "柳庆发")
        sparql.setMethod(POST)
        if method == "direct":
            sparql.setRequestMethod(POSTDIRECTLY)  # Content-Type: application/sparql-query
        assert rows_of(sparql.queryAndConvert()) == EXPECTED


def test_sparqlwrapper_csv_xml_ask_construct(url) -> None:
    text = client(url, POSTS_OF % "柳庆发", CSV).queryAndConvert().decode("utf-8")
    assert list(csv.reader(io.StringIO(text))) == [["role", "organization"], *map(list, EXPECTED)]
    document = client(url, POSTS_OF % "柳庆发", XML).queryAndConvert()  # a DOM document
    assert [n.firstChild.data for n in document.getElementsByTagName("literal")][:2] == list(EXPECTED[0])
    assert client(url, "ASK { ?p a schema:Person }").queryAndConvert() == {"head": {}, "boolean": True}
    construct = 'CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p rdfs:label ?l FILTER(?l = "柳庆发"@zh) }'
    graph = client(url, construct, TURTLE).queryAndConvert()
    parsed = Graph().parse(data=graph, format="turtle")
    assert {str(o) for o in parsed.objects()} == {"柳庆发"}


def test_sparqlwrapper_malformed_query(url) -> None:
    with pytest.raises(QueryBadFormed, match="malformed SPARQL"):
        client(url, "SELECT ?x WHERE { ?x ?p }").queryAndConvert()


def test_sparqlwrapper_update_is_refused(url) -> None:
    sparql = client(url, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    sparql.setMethod(POST)  # SPARQLWrapper sends it as update=…
    with pytest.raises(Exception, match="403"):
        sparql.query()


# ---- the protocol by hand ----


def test_update_is_refused_in_every_form(url) -> None:
    update = "DELETE WHERE { ?s ?p ?o }"
    form = urllib.parse.urlencode({"update": update}).encode()
    for status, _, body in (
        fetch(url, form, {"Content-Type": "application/x-www-form-urlencoded"}),
        fetch(url, update.encode(), {"Content-Type": "application/sparql-update"}),
        get(url, query=update),  # an update sent as a query
        get(url, update=update),
    ):
        assert status == 403 and "read-only" in body
    # and the graph is untouched
    assert rows_of(json.loads(get(url, query=POSTS_OF % "柳庆发")[2])) == EXPECTED


def test_results_format_by_accept_header_or_format_parameter(url) -> None:
    query = POSTS_OF % "张百顺"
    status, headers, body = get(url, {"Accept": "text/csv"}, query=query)
    assert status == 200 and headers.get_content_type() == "text/csv"
    assert body.splitlines()[0] == "role,organization"
    status, headers, body = get(
        url, {"Accept": "text/csv;q=0.5, application/sparql-results+xml"}, query=query
    )
    assert headers.get_content_type() == "application/sparql-results+xml" and "<sparql" in body
    status, headers, body = get(url, {"Accept": "text/csv"}, query=query, format="json")  # the parameter wins
    assert headers.get_content_type() == "application/sparql-results+json" and json.loads(body)["head"]
    status, headers, _ = get(url, query=query)  # no Accept: JSON
    assert headers.get_content_type() == "application/sparql-results+json"
    status, _, body = get(url, {"Accept": "image/png"}, query=query)
    assert status == 406 and "text/csv" in body
    status, _, body = get(url, query=query, format="turtle")  # a graph format for a SELECT
    assert status == 406


def test_results_are_bounded(url) -> None:
    status, headers, body = get(url, query="SELECT * WHERE { ?s ?p ?o }")
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == 50  # --max-results of the fixture
    assert headers["X-KG-Truncated"] == "true"
    status, headers, _ = get(url, query=POSTS_OF % "柳庆发")
    assert "X-KG-Truncated" not in headers


@pytest.mark.parametrize(
    ("request_args", "status", "message"),
    [
        ({"path": "/other"}, 404, "/sparql"),
        ({"path": "/sparql"}, 400, "give exactly one query"),
        ({"path": "/sparql?query=+"}, 400, "give exactly one query"),
        ({"path": "/sparql?query=ASK{}&default-graph-uri=urn:g"}, 400, "not supported"),
        (
            {"path": "/sparql", "data": b"ASK {}", "headers": {"Content-Type": "text/plain"}},
            415,
            "application/sparql-query",
        ),
        ({"path": "/sparql", "data": b"x", "method": "PUT"}, 405, "read-only"),
        ({"path": "/sparql?query=SELECT+%3Fx+WHERE+%7B+%3Fx+nope%3Ap+%3Fy+%7D"}, 400, "malformed SPARQL"),
    ],
)
def test_bad_requests_get_a_status_and_a_message(url, request_args, status, message) -> None:
    base = url.rsplit("/sparql", 1)[0]
    got, headers, body = fetch(
        base + request_args["path"],
        request_args.get("data"),
        request_args.get("headers"),
        request_args.get("method"),
    )
    assert got == status and message in body
    assert headers.get_content_type() == "text/plain" and body.count("\n") == 1


def test_root_says_how_to_query(url) -> None:
    status, _, body = fetch(url.rsplit("/sparql", 1)[0] + "/")
    assert status == 200 and "GET  /sparql?query=" in body


# ---- time limits ----


def test_a_slow_query_times_out_and_its_worker_stops(seeds_store) -> None:
    endpoint = Endpoint(seeds_store, timeout=0.5, max_results=10)
    with serving(endpoint) as address:
        started = time.monotonic()
        status, _, body = get(address, query=SLOW)
        assert status == 503 and "timed out after 0.5 s" in body
        assert time.monotonic() - started < 5
        # the query is interrupted, not left running: rdflib stops at its next Python instruction
        deadline = time.monotonic() + 5
        while endpoint.running() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert endpoint.running() == 0
        assert get(address, query="ASK { ?s ?p ?o }")[0] == 200  # and the server answers on


class BlockingStore:
    """A store whose query waits for a signal: blocked in C, it cannot be interrupted, like pyoxigraph
    inside one long aggregation."""

    name = "blocking"
    path = Path("<test>")

    def __init__(self) -> None:
        self.release = threading.Event()

    def __len__(self) -> int:
        return 0

    def run(self, sparql: str, max_rows: int | None = None) -> Results:
        self.release.wait(10)
        return Results("ask", [], boolean=True)


def test_queries_that_cannot_be_interrupted_do_not_pile_up() -> None:
    store = BlockingStore()
    endpoint = Endpoint(store, timeout=0.3, max_results=10, max_running=1)
    try:
        with serving(endpoint) as address:
            status, _, body = get(address, query="ASK {}")
            assert status == 503 and "timed out" in body
            status, _, body = get(address, query="ASK {}")
            assert status == 503 and "busy" in body  # the first one still holds the only slot
            store.release.set()
            deadline = time.monotonic() + 5
            while endpoint.running() and time.monotonic() < deadline:
                time.sleep(0.05)
            status, _, body = get(address, query="ASK {}")
            assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        store.release.set()


# ---- the command ----


def test_kg_serve_command_serves_until_stopped(seeds_out) -> None:
    command = [sys.executable, "-m", "kg.cli", "serve", str(seeds_out), "--port", "0", "--timeout", "5"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()  # "kg: serving … at http://127.0.0.1:PORT/sparql — Ctrl-C stops"
        assert "kg: serving" in line and "rdflib" in line, line
        address = line.split(" at ", 1)[1].split()[0]
        assert address.startswith("http://127.0.0.1:")
        assert rows_of(client(address, POSTS_OF % "柳庆发").queryAndConvert()) == EXPECTED
    finally:
        process.terminate()
        process.wait(10)


def test_kg_serve_bad_graph_is_one_line(tmp_path, capsys) -> None:
    from kg.cli import main

    assert main(["serve", str(tmp_path / "missing.ttl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg: ") and err.count("\n") == 1 and "no such file" in err
