"""`kg serve GRAPH`: a read-only SPARQL 1.1 Protocol endpoint, on the standard library's HTTP server.

GET /sparql?query=…, POST a form (query=…) or a body of type application/sparql-query. Results as SPARQL
JSON, CSV or XML (CONSTRUCT and DESCRIBE: Turtle, N-Triples, JSON-LD, RDF/XML), chosen by the `format`
(or `output`) parameter, else by the Accept header. SPARQL Update is refused with 403.

Each query runs in a worker process (kg.explore.query_workers): a query past --timeout is stopped by
killing its worker, which frees its memory and its slot at once; a query that crashes its engine ends only its
worker, which is replaced. Requests wait up to --timeout for a free worker, then get 503. SERVICE is
refused unless its endpoint is given with --allow-service. Browsers on other origins may query when
allowed with --cors.
"""

from __future__ import annotations

import argparse
import ipaddress
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from kg.commands.query import add_allow_service
from kg.explore.query import (
    STORES,
    QueryError,
    ReadOnlyError,
    RefusedError,
    Results,
    Store,
    open_store,
    render,
    triples_graph,
)
from kg.explore.query_workers import Busy, Crashed, GaveUp, WorkerPool

EXIT_BAD_INPUT = 2
WORKERS = 4  # queries at once
MAX_MEMORY_MIB = 2048  # a worker's memory beyond the graph
MAX_BODY = 1_000_000  # bytes of a POST body
READ_TIMEOUT = 30  # seconds to wait for a client to send its request

# media type → format, for each kind of result; the first is the default
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
# values of the `format` parameter (SPARQLWrapper sends format=json, output=json)
FORMAT_PARAM = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "turtle": (None, "text/turtle"),
    "ttl": (None, "text/turtle"),
    "nt": (None, "application/n-triples"),
    "ntriples": (None, "application/n-triples"),
    "n-triples": (None, "application/n-triples"),
    "json-ld": (None, "application/ld+json"),
    "jsonld": (None, "application/ld+json"),
}

USAGE = """kg SPARQL endpoint (read-only)

  GET  /sparql?query=SELECT…          results as SPARQL JSON (Accept: text/csv for CSV, or format=csv)
  POST /sparql   query=SELECT…        (application/x-www-form-urlencoded)
  POST /sparql   SELECT…              (Content-Type: application/sparql-query)

Prefixes kg: id: schema: org: oa: prov: skos: rdf: rdfs: xsd: owl: need no PREFIX line.
"""


class HTTPError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("serve", help="serve a graph as a read-only SPARQL 1.1 endpoint")
    p.add_argument("graph", help="a .ttl/.nt/.jsonld/.trig file or an output folder of `kg build`")
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine)"
    )
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default: 10)")
    p.add_argument("--max-results", type=int, default=10_000, help="rows returned at most (default: 10000)")
    p.add_argument("--store", choices=STORES, default="auto", help="query engine (default: by graph size)")
    p.add_argument("--workers", type=int, default=WORKERS, help=f"queries run at once (default: {WORKERS})")
    p.add_argument(
        "--max-memory",
        type=int,
        default=MAX_MEMORY_MIB,
        metavar="MIB",
        help=f"memory one query may take, in MiB (default: {MAX_MEMORY_MIB})",
    )
    add_allow_service(p)
    p.add_argument(
        "--cors",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let web pages of this origin query, e.g. http://localhost:8888, or * for any (repeatable)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if min(args.timeout, args.max_results, args.workers, args.max_memory) <= 0:
        print("kg: --timeout, --max-results, --workers and --max-memory must be positive", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        store = open_store(args.graph, args.store, args.allow_service)
    except QueryError as error:
        print(f"kg: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    endpoint = Endpoint(store, args.timeout, args.max_results, args.workers, args.max_memory, args.cors)
    try:
        server = make_server(endpoint, args.host, args.port)
    except OSError as error:
        endpoint.close()
        print(f"kg: cannot listen on {args.host}:{args.port}: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    host, port = server.server_address[:2]
    assert isinstance(host, str)  # getsockname() of an AF_INET(6) socket: typeshed allows bytes for binding
    if not _is_loopback(args.host):
        print(f"kg: listening on {args.host}: anyone who can reach this machine can query", file=sys.stderr)
    print(
        f"kg: serving {store.path} ({len(store):,} triples, {store.name}) at http://{host}:{port}/sparql"
        " — Ctrl-C stops",
        file=sys.stderr,
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        endpoint.close()
    return 0


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


# ---- answering queries ----


@dataclass
class Endpoint:
    """The graph behind the HTTP layer: worker processes that answer within `timeout` seconds.
    Make it before starting any thread (its workers are forked), and close it when done."""

    store: Store
    timeout: float
    max_results: int
    workers: int = WORKERS
    max_memory_mib: int = MAX_MEMORY_MIB
    cors_origins: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pool = WorkerPool(self.store, self.workers, self.max_memory_mib)

    def answer(self, sparql: str) -> Results:
        return self.pool.ask(sparql, self.max_results, self.timeout, wait=self.timeout)

    def allows_origin(self, origin: str) -> bool:
        return "*" in self.cors_origins or origin in self.cors_origins

    def close(self) -> None:
        self.pool.close()


# ---- HTTP ----


def make_server(endpoint: Endpoint, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    handler = type("KgSparqlHandler", (SparqlHandler,), {"endpoint": endpoint})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


class SparqlHandler(BaseHTTPRequestHandler):
    endpoint: Endpoint
    server_version = "kg-sparql"
    protocol_version = "HTTP/1.1"
    timeout = READ_TIMEOUT

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("", "/"):
            self._send(HTTPStatus.OK, USAGE.encode("utf-8"), "text/plain; charset=utf-8")
            return
        self._serve(lambda: self._sparql_params(url, body=None))

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        self._serve(lambda: self._sparql_params(url, body=self._read_body()))

    def do_OPTIONS(self) -> None:
        """A browser's CORS preflight, before a POST or a GET with headers of its own."""
        if not self._cors_headers():
            refusal = HTTPError(HTTPStatus.FORBIDDEN, "this origin may not query (see kg serve --cors)")
            self._send_error(refusal)
            return
        self._send(
            HTTPStatus.NO_CONTENT,
            b"",
            "text/plain",
            Access_Control_Allow_Methods="GET, POST",
            Access_Control_Allow_Headers="Content-Type, Accept",
            Access_Control_Max_Age="600",
        )

    def do_PUT(self) -> None:
        self._refuse_method()

    do_DELETE = do_PATCH = do_PUT

    def _refuse_method(self) -> None:
        self.close_connection = True  # the body, if any, is left unread
        self._send_error(
            HTTPError(HTTPStatus.METHOD_NOT_ALLOWED, "read-only endpoint: use GET or POST"), allow="GET, POST"
        )

    def _serve(self, read_params: Callable[[], dict[str, list[str]]]) -> None:
        try:
            params = read_params()
            sparql = _query_param(params)
            results = self._answer(sparql)
            body, media_type = serialise(results, params, self.headers.get("Accept", ""))
        except HTTPError as error:
            self._send_error(error)
            return
        extra = {"X-KG-Truncated": "true"} if results.truncated else {}
        self._send(HTTPStatus.OK, body, media_type, **extra)

    def _answer(self, sparql: str) -> Results:
        try:
            return self.endpoint.answer(sparql)
        except (ReadOnlyError, RefusedError) as error:
            raise HTTPError(HTTPStatus.FORBIDDEN, str(error)) from None
        except (QueryError, Crashed) as error:
            raise HTTPError(HTTPStatus.BAD_REQUEST, str(error)) from None
        except (Busy, GaveUp) as error:
            raise HTTPError(HTTPStatus.SERVICE_UNAVAILABLE, str(error)) from None

    def _read_body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True  # where the body ends is unknown
            raise HTTPError(HTTPStatus.BAD_REQUEST, "bad Content-Length")
        if length > MAX_BODY:
            self.close_connection = True  # the body is left unread
            raise HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY:,} bytes")
        return self.rfile.read(length)

    def _sparql_params(self, url, body: bytes | None) -> dict[str, list[str]]:
        if url.path != "/sparql":
            raise HTTPError(HTTPStatus.NOT_FOUND, "no such path: the endpoint is /sparql")
        params = parse_qs(url.query, keep_blank_values=True)
        if body is None:
            return params
        media_type = self.headers.get_content_type()
        text = _decode(body, self.headers.get_content_charset() or "utf-8")
        if media_type == "application/x-www-form-urlencoded":
            for name, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(name, []).extend(values)
        elif media_type == "application/sparql-query":
            params["query"] = [text]
        elif media_type == "application/sparql-update":
            raise HTTPError(HTTPStatus.FORBIDDEN, "SPARQL Update is refused: the graph is read-only")
        else:
            raise HTTPError(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "POST a form (application/x-www-form-urlencoded) or application/sparql-query",
            )
        return params

    def _send_error(self, error: HTTPError, **headers: str) -> None:
        self._send(error.status, f"{error}\n".encode(), "text/plain; charset=utf-8", **headers)

    def _cors_headers(self) -> dict[str, str]:
        origin = self.headers.get("Origin")
        if origin is None or not self.endpoint.allows_origin(origin):
            return {}
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}

    def _send(self, status: HTTPStatus, body: bytes, media_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {**self._cors_headers(), **headers}.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting: nobody to tell
            self.close_connection = True


def _decode(body: bytes, charset: str) -> str:
    try:
        return body.decode(charset, errors="replace")
    except LookupError:  # an unknown charset, or a codec that is not a text encoding (rot13)
        message = f"unknown charset {charset!r}: send UTF-8"
        raise HTTPError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, message) from None


def _query_param(params: dict[str, list[str]]) -> str:
    if "update" in params:
        raise HTTPError(HTTPStatus.FORBIDDEN, "SPARQL Update is refused: the graph is read-only")
    if "default-graph-uri" in params or "named-graph-uri" in params:
        raise HTTPError(
            HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not supported: the whole graph"
            " is the default graph (use GRAPH ?g { … } for the named graphs of a TriG file)"
        )  # fmt: skip
    queries = params.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        raise HTTPError(HTTPStatus.BAD_REQUEST, "give exactly one query: ?query=… or POST (see /)")
    return queries[0]


def serialise(results: Results, params: dict[str, list[str]], accept: str) -> tuple[bytes, str]:
    media_type = choose_media_type(results, params, accept)
    if results.kind == "graph":
        fmt = GRAPH_TYPES[media_type]
        return triples_graph(results).serialize(format=fmt, encoding="utf-8"), f"{media_type}; charset=utf-8"
    return render(results, RESULT_TYPES[media_type]).encode("utf-8"), f"{media_type}; charset=utf-8"


def choose_media_type(results: Results, params: dict[str, list[str]], accept: str) -> str:
    graph = results.kind == "graph"
    supported = GRAPH_TYPES if graph else RESULT_TYPES
    named = next((params[name][0] for name in ("format", "output", "results") if name in params), None)
    if named:
        if named in supported:  # a media type given as the format
            return named
        choice = FORMAT_PARAM.get(named.lower(), (None, None))[1 if graph else 0]
        if choice is None:
            raise HTTPError(HTTPStatus.NOT_ACCEPTABLE, f"format {named!r}: choose from {_names(graph)}")
        return choice
    for wanted in _accepted(accept):
        if wanted in supported:
            return wanted
        if wanted in ("*/*", "application/*", "text/*"):
            return next(iter(supported))
    raise HTTPError(
        HTTPStatus.NOT_ACCEPTABLE, f"cannot answer Accept: {accept}; ask for {', '.join(supported)}"
    )


def _names(graph: bool) -> str:
    return ", ".join(name for name, types in FORMAT_PARAM.items() if types[1 if graph else 0])


def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, most wanted first (none given: anything)."""
    ranked = []
    for position, item in enumerate(accept.split(",")):
        media_type, *options = (part.strip() for part in item.split(";"))
        quality = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media_type and quality > 0:
            ranked.append((-quality, position, media_type.lower()))
    return [media_type for _, _, media_type in sorted(ranked)] or ["*/*"]
