"""What a query may ask of kg before any engine sees it: no SERVICE to an endpoint the user did not allow,
no shape that brings an engine down.

SERVICE makes the engine fetch from another endpoint, so a query sent to `kg serve` could make the
server send requests to any host it can reach. Deep nesting overflows pyoxigraph's stack (a crash, not
an error) and rdflib's recursion limit; a query of hundreds of kilobytes is a plan that runs for hours.
The checks read the query's tokens, so a SERVICE inside a string, an IRI or a comment is not one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping

MAX_QUERY_CHARS = 100_000
MAX_NESTING = 200  # groups, brackets and parentheses inside one another

TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
      | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                  |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$]\w+)
      | (?P<name>[\w\-.]*:[\w\-.:%]*|\w+)
      | (?P<open>[{(\[])
      | (?P<close>[})\]])
      | (?P<other>\S)""",
    re.VERBOSE,
)


class PolicyError(Exception):
    """The query asks what kg does not do; the message says what and how to allow it, if it can be."""


def check_query(
    sparql: str, allowed_services: Collection[str] = (), prefixes: Mapping[str, str] | None = None
) -> None:
    """Raise PolicyError for a query too large or too deep, or for a SERVICE not in `allowed_services`."""
    if len(sparql) > MAX_QUERY_CHARS:
        raise PolicyError(f"query of {len(sparql):,} characters: at most {MAX_QUERY_CHARS:,}")
    tokens = list(_tokens(sparql))
    depth = deepest = 0
    for kind, _ in tokens:
        depth += {"open": 1, "close": -1}.get(kind, 0)
        deepest = max(deepest, depth)
    if deepest > MAX_NESTING:
        raise PolicyError(f"query nested {deepest} levels deep: at most {MAX_NESTING}")
    for endpoint in service_endpoints(tokens, prefixes or {}):
        if endpoint is None or endpoint not in allowed_services:
            shown = "a variable endpoint" if endpoint is None else f"<{endpoint}>"
            raise PolicyError(
                f"SERVICE {shown} is refused: kg does not query other endpoints unless allowed"
                " (--allow-service URL)"
            )


def service_endpoints(tokens: list[tuple[str, str]], prefixes: Mapping[str, str]) -> Iterator[str | None]:
    """The endpoint IRI of each SERVICE in the query (None when a variable names it)."""
    declared = dict(prefixes)
    significant = [(kind, text) for kind, text in tokens if kind != "comment"]
    for i, (kind, text) in enumerate(significant):
        upper = text.upper()
        if kind == "name" and upper == "PREFIX" and i + 2 < len(significant):
            declared[significant[i + 1][1].rstrip(":")] = significant[i + 2][1][1:-1]
        if kind != "name" or upper != "SERVICE":
            continue
        rest = significant[i + 1 : i + 3]
        if rest and rest[0][1].upper() == "SILENT":
            rest = rest[1:]
        if not rest:
            continue
        target_kind, target = rest[0]
        if target_kind == "iri":
            yield target[1:-1]
        elif target_kind == "name" and ":" in target:
            prefix, _, local = target.partition(":")
            yield declared.get(prefix, "") + local
        else:
            yield None


def _tokens(sparql: str) -> Iterator[tuple[str, str]]:
    for match in TOKEN.finditer(sparql):
        kind = match.lastgroup
        assert kind is not None
        yield kind, match.group()
