"""Nothing injected: text from articles never becomes markup in graph.html, and never breaks an IRI or a
literal in the RDF outputs, whatever characters it holds."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.model import ArticleRecord, Corpus, Entity, Evidence, Membership
from kg.rdf.graph import build_dataset, iri_part, union_graph
from kg.rdf.rdf_formats import RDF_FORMATS

MARK = "kgpwn"  # in every payload: if it turns up in live markup or script, something was injected
PAYLOADS = [
    f'<script>alert("{MARK}")</script>',
    f'<img src=x onerror=alert("{MARK}")>',
    f'" onmouseover="alert(\'{MARK}\')" x="',
    f"</script><script>alert('{MARK}')</script>",
    f"<svg onload=alert('{MARK}')>{{{{7*7}}}}",
]
# Characters that may not appear raw in an IRI (RFC 3987), plus controls, space and DEL.
_BAD_IRI = re.compile(r"[\x00-\x20<>\"{}|\\^`\x7f-\x9f]")


def _assert_valid_iris(graph: Graph) -> None:
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                assert not _BAD_IRI.search(str(term)), repr(str(term))


def _parse_outputs(out: Path) -> Graph:
    """Parse every RDF output; they must all hold the same triples."""
    turtle = Graph().parse(out / "graph.ttl", format="turtle")
    for fmt in RDF_FORMATS:
        name = "graph" + fmt.suffix
        parsed = Dataset() if fmt.quads else Graph()
        parsed.parse(out / name, format=fmt.rdflib)
        triples = {(s, p, o) for s, p, o, _ in parsed.quads()} if fmt.quads else set(parsed)
        assert triples == set(turtle), name
    return turtle


# ---- RDF: any text in labels, headlines, quotes and paths ----------------------------------------------

HOSTILE = st.one_of(
    st.sampled_from(
        [
            "张 百顺",
            'say "hi"',
            "a > b < c",
            "line\nbreak\r\n",
            "😀🇨🇳",
            "\x01\x1b[31m\x7f",
            "\\",
            '"""',
            "#?/%20",
            "\u2028\u2029",
            "\ufeff",
            "<script>",
            " ",
            "'",
            "@zh",
        ]
    ),  # fmt: skip
    st.text(min_size=1, max_size=12),  # any Unicode but surrogates, control characters included
)


def _corpus(name: str) -> Corpus:
    person = Entity(f"person:{name}", "PERSON", name, alt_labels={name + "同志"})
    org = Entity(f"org:{name}局", "ORG", name + "局", subtype="government")
    article = ArticleRecord(f"{name}-1", f"in/{name}.txt", 1, name, authors=[person.key], mentions=[org.key])
    evidence = Evidence(f"in/{name}.txt", article.id, 0, len(name), f"{name}出席会议。", quote=name)
    membership = Membership(person.key, org.key, name, [evidence])
    return Corpus(
        entities={person.key: person, org.key: org},
        memberships={(person.key, org.key, name): membership},
        articles=[article],
        sources=[f"in/{name}.txt"],
    )


@settings(max_examples=60, deadline=None)
@given(HOSTILE)
def test_any_text_gives_valid_iris_and_literals_that_round_trip(name: str) -> None:
    dataset = build_dataset(_corpus(name))
    union = union_graph(dataset)
    _assert_valid_iris(union)
    for rdf_format in RDF_FORMATS:
        fmt = rdf_format.rdflib
        source = dataset if rdf_format.quads else union
        data = source.serialize(format=fmt, encoding="utf-8")
        parsed = Dataset() if rdf_format.quads else Graph()
        parsed.parse(data=data, format=fmt)
        if rdf_format.quads:
            assert {(s, p, o) for s, p, o, _ in parsed.quads()} == set(union)
        else:
            assert isomorphic(parsed, union), fmt
        literals = {o for o in (parsed.objects() if not rdf_format.quads else (q[2] for q in parsed.quads()))}
        assert Literal(name, lang="zh") in literals  # the label, exactly as written
        assert Literal(f"in/{name}.txt") in literals  # the source path


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_iri_part_is_a_valid_iri_segment_and_keeps_names_apart(text: str) -> None:
    part = iri_part(text)
    assert part and not _BAD_IRI.search(part) and "/" not in part and "#" not in part
    if text:
        assert iri_part(text + "x") != part


# ---- the whole build on a malicious file ----------------------------------------------------------------


class _Audit(HTMLParser):
    """Finds markup or script that carries the mark: a tag with an on* handler, or a script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.json_blocks: list[str] = []
        self._script: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if MARK in name or (MARK in (value or "") and (name.startswith("on") or name in ("src", "href"))):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self._script = (dict(attrs).get("type") or "", [])
        elif MARK in tag:
            self.problems.append(f"<{tag}>")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            kind, parts = self._script
            text = "".join(parts)
            if kind == "application/json":
                self.json_blocks.append(text)
            elif MARK in text:
                self.problems.append(f"script runs the payload: {text[:80]!r}")
            self._script = None


def _audit(markup: str) -> _Audit:
    audit = _Audit()
    audit.feed(markup)
    audit.close()
    return audit


def _strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_malicious_article_never_becomes_markup_and_the_rdf_parses(tmp_path, capsys) -> None:
    lines = [f"德州市召开优化营商环境推进会{PAYLOADS[1]}"]
    for payload in PAYLOADS:
        lines.append(f"本报讯（记者 王晓东）3月15日，副市长李小红{payload}出席德州市优化营商环境推进会。")
    lines.append('市委书记"张 百顺"\x01与😀> 副市长李小红座谈。')
    name = f'"><img src=x onerror=alert({MARK})>.txt'  # file names are article text too: titles, kg:path
    (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / name), "--out", str(out), "--city", "德州市"]) == 0
    capsys.readouterr()

    page = (out / "graph.html").read_text(encoding="utf-8")
    audit = _audit(page)
    assert audit.problems == []
    outside_data = page
    assert audit.json_blocks
    for block in audit.json_blocks:
        # The data cannot end its <script> element early, and is data: valid JSON that holds the payloads.
        assert "</script" not in block.lower()
        assert any(MARK in text for text in _strings(json.loads(block)))
        outside_data = outside_data.replace(block, "")
    for raw in ("<script>alert", "<img src=x onerror", "<svg onload", 'onmouseover="alert'):
        assert raw not in outside_data
    assert MARK in page  # the payloads did reach the page, as text

    graph = _parse_outputs(out)
    _assert_valid_iris(graph)
    literals = {str(o) for o in graph.objects() if isinstance(o, Literal)}
    assert str(tmp_path / name) in literals  # kg:path, exactly as on disk
    assert any(PAYLOADS[0] in text for text in literals)  # the evidence sentence, exactly as written
