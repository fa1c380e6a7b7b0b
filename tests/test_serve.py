"""`kg serve`: the SPARQL 1.1 Protocol endpoint, asked by SPARQLWrapper and by plain HTTP."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
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
from kg.explore.query import Results, open_store

POSTS_OF = """PREFIX org: <http://www.w3.org/ns/org#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?role ?organization WHERE {
  ?m org:member/rdfs:label "%s"@zh ; org:role/rdfs:label ?role ; org:organization/rdfs:label ?organization .
} ORDER BY ?role ?organization"""
EXPECTED = [("常委", "中共聊城市委员会"), ("部长", "中共聊城市委宣传部"), ("部长", "中共聊城市委统战部")]
# with rdflib, a cross product that would run for hours
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@contextmanager
def serving(endpoint: Endpoint):
    """A server on a free port of 127.0.0.1 for the duration of the block; stopped, and its workers with
    it, whatever happens."""
    try:
        server = make_server(endpoint, "127.0.0.1", 0)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
        finally:
            server.shutdown()
            server.server_close()
            thread.join(5)
    finally:
        endpoint.close()


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


# ---- time limits, crashes and many clients ----


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def worker_pids(endpoint: Endpoint) -> list[int]:
    return [worker.pid for worker in list(endpoint.pool.idle.queue)]


def wait_until(condition, seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return condition()


def test_a_slow_query_times_out_and_its_worker_is_killed(seeds_store) -> None:
    endpoint = Endpoint(seeds_store, timeout=0.5, max_results=10, workers=1)
    with serving(endpoint) as address:
        (before,) = worker_pids(endpoint)
        started = time.monotonic()
        status, _, body = get(address, query=SLOW)
        assert status == 503 and "timed out after 0.5 s" in body
        assert time.monotonic() - started < 5
        # the query is not left running: its process is gone, and with it its memory
        assert wait_until(lambda: not alive(before))
        assert worker_pids(endpoint) != [before]
        assert get(address, query="ASK { ?s ?p ?o }")[0] == 200  # a new worker answers at once


class SleepingStore:
    """A store whose query never ends by itself, like pyoxigraph inside one long aggregation (Rust code
    that no signal of Python's interrupts)."""

    name = "sleeping"
    path = Path("<test>")
    allowed_services: frozenset[str] = frozenset()

    def __len__(self) -> int:
        return 0

    def run(self, sparql: str, max_rows: int | None = None) -> Results:
        if "slow" in sparql:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
            time.sleep(3600)
        return Results("ask", [], boolean=True)


def test_queries_past_their_time_do_not_hold_the_slots() -> None:
    endpoint = Endpoint(SleepingStore(), timeout=0.3, max_results=10, workers=1)
    with serving(endpoint) as address:
        for _ in range(3):  # with one worker, a runaway that kept its slot would make the next ones wait
            status, _, body = get(address, query="ASK { # slow")
            assert status == 503 and "timed out" in body
        status, _, body = get(address, query="ASK {}")
        assert status == 200 and json.loads(body)["boolean"] is True


class CrashingStore(SleepingStore):
    """A store whose engine crashes on some query, as pyoxigraph overflows its stack on 3,000 nested
    groups: the process ends with SIGSEGV, no exception to catch."""

    def run(self, sparql: str, max_rows: int | None = None) -> Results:
        if "crash" in sparql:
            os.kill(os.getpid(), signal.SIGSEGV)
        return Results("ask", [], boolean=True)


def test_a_query_that_crashes_the_engine_ends_only_its_worker() -> None:
    endpoint = Endpoint(CrashingStore(), timeout=5, max_results=10, workers=2)
    with serving(endpoint) as address:
        status, _, body = get(address, query="ASK { # crash")
        assert status == 400 and "query engine stopped" in body
        assert get(address, query="ASK {}")[0] == 200
        assert len(worker_pids(endpoint)) == 2 and all(alive(pid) for pid in worker_pids(endpoint))


@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
def test_twenty_clients_at_once_from_a_cold_start(seeds_out, store) -> None:
    """rdflib's query parser is not thread-safe: 20 clients at once used to break the server for good."""
    endpoint = Endpoint(open_store(seeds_out, store), timeout=10, max_results=50)
    query = POSTS_OF % "柳庆发"
    answers: list[object] = []

    def one_client(address: str) -> None:
        for _ in range(50):
            status, _, body = get(address, query=query)
            answers.append(rows_of(json.loads(body)) if status == 200 else (status, body))

    with serving(endpoint) as address:
        clients = [threading.Thread(target=one_client, args=(address,)) for _ in range(20)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join(120)
    assert len(answers) == 1000
    assert all(answer == EXPECTED for answer in answers), next(a for a in answers if a != EXPECTED)


def test_a_query_past_the_memory_limit_is_stopped(seeds_out) -> None:
    endpoint = Endpoint(open_store(seeds_out, "oxigraph"), timeout=60, max_results=10, max_memory_mib=200)
    with serving(endpoint) as address:
        started = time.monotonic()
        status, _, body = get(address, query="SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g")
        assert status == 400 and "memory limit" in body, body
        assert time.monotonic() - started < 60
        assert get(address, query="ASK { ?s ?p ?o }")[0] == 200


# ---- what a query may not do ----


@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
def test_service_is_refused_unless_its_endpoint_is_allowed(seeds_out, store) -> None:
    """SERVICE would make the server send requests to any host it can reach."""
    remote = Endpoint(open_store(seeds_out, "rdflib"), timeout=10, max_results=50)
    with serving(remote) as remote_address:
        federated = f"SELECT ?l WHERE {{ SERVICE <{remote_address}> {{ ?s rdfs:label '柳庆发'@zh . ?s rdfs:label ?l }} }}"
        endpoint = Endpoint(open_store(seeds_out, store), timeout=10, max_results=50)
        with serving(endpoint) as address:
            status, _, body = get(address, query=federated)
            assert status == 403 and f"SERVICE <{remote_address}> is refused" in body
            status, _, body = get(address, query="SELECT * { SERVICE SILENT ?where { ?s ?p ?o } }")
            assert status == 403 and "a variable endpoint" in body
            # the word in a string, an IRI or a comment is not a SERVICE
            harmless = "SELECT * { ?s ?p 'SERVICE <http://x/>' # SERVICE <http://x/>\n } LIMIT 1"
            assert get(address, query=harmless)[0] == 200
        allowed = Endpoint(open_store(seeds_out, store, [remote_address]), timeout=10, max_results=50)
        with serving(allowed) as address:
            status, _, body = get(address, query=federated)
            assert status == 200 and rows_of(json.loads(body)) == [("柳庆发",)]


def test_queries_that_bring_engines_down_are_refused(url) -> None:
    nested = "SELECT * WHERE " + "{ " * 3000 + "?s ?p ?o " + "} " * 3000  # pyoxigraph: SIGSEGV
    status, _, body = fetch(url, nested.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 403 and "nested 3000 levels deep" in body
    patterns = "SELECT * { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(20_000)) + " }"
    status, _, body = fetch(url, patterns.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 403 and "at most 100,000" in body


# ---- HTTP ----


def raw_request(url: str, request: bytes) -> bytes:
    """Send bytes as they are and read the answer until the server closes or 5 s pass."""
    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=5) as conn:
        conn.sendall(request)
        answer = b""
        try:
            while chunk := conn.recv(65536):
                answer += chunk
                if b"\r\n\r\n" in answer and b"bad Content-Length" in answer:
                    break
        except TimeoutError:
            pass
    return answer


def test_a_negative_content_length_is_a_bad_request(url) -> None:
    """Read as 'to the end of the stream', it bypassed the limit on the body's size."""
    answer = raw_request(
        url,
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: -1\r\n\r\nASK {}",
    )
    assert answer.startswith(b"HTTP/1.1 400") and b"bad Content-Length" in answer


def test_an_unknown_charset_gets_an_answer(url) -> None:
    for charset in ("x-unknown", "rot13"):
        headers = {"Content-Type": f"application/sparql-query; charset={charset}"}
        status, _, body = fetch(url, b"ASK {}", headers)
        assert status == 415 and "unknown charset" in body


def test_tsv_results(url) -> None:
    status, headers, body = get(url, query=POSTS_OF % "柳庆发", format="tsv")
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    assert body.splitlines() == ["?role\t?organization"] + [f'"{r}"@zh\t"{o}"@zh' for r, o in EXPECTED]


def test_cors_only_for_the_origins_given(seeds_store) -> None:
    endpoint = Endpoint(seeds_store, timeout=5, max_results=10, cors_origins=["http://localhost:8888"])
    with serving(endpoint) as address:
        allowed = {"Origin": "http://localhost:8888"}
        status, headers, _ = get(address, headers=allowed, query="ASK {}")
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "http://localhost:8888"
        status, headers, _ = fetch(address, headers={**allowed, "Access-Control-Request-Method": "POST"},
                                   method="OPTIONS")  # fmt: skip
        assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
        status, headers, _ = get(address, headers={"Origin": "http://evil.example"}, query="ASK {}")
        assert status == 200 and "Access-Control-Allow-Origin" not in headers
        assert fetch(address, headers={"Origin": "http://evil.example"}, method="OPTIONS")[0] == 403


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
