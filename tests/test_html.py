"""The HTML view: self-contained, escaped, and really rendered by a browser with the network cut off."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef

from kg.html import write_html

KG = Namespace("https://w3id.org/kg-news/ns#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
ID = Namespace("https://w3id.org/kg-news/id/")

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT_COPY = Path(__file__).resolve().parent.parent / "out" / "test-screenshots" / "html.png"

# If any of these ever runs, it leaves a mark on <body> that the dumped DOM would show.
SCRIPT = "<script>document.body.setAttribute('data-pwned','script');alert(1)</script>"
IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img');alert(1)\">"


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def add_entity(g: Graph, key: str, label: str, kg_class: URIRef, schema_class: URIRef, *alt: str) -> URIRef:
    node = ID[key]
    g.add((node, RDF.type, kg_class))
    g.add((node, RDF.type, schema_class))
    g.add((node, RDFS.label, zh(label)))
    for a in alt:
        g.add((node, SKOS.altLabel, zh(a)))
    return node


def add_membership(g: Graph, key: str, person: URIRef, org: URIRef, role: str, article: URIRef, quote: str):
    membership, role_node, evidence = ID[f"m/{key}"], ID[f"role/{key}"], ID[f"ev/{key}"]
    quote_sel, pos_sel = BNode(), BNode()
    g.add((membership, RDF.type, ORG.Membership))
    g.add((membership, ORG.member, person))
    g.add((membership, ORG.organization, org))
    g.add((membership, ORG.role, role_node))
    g.add((role_node, RDF.type, ORG.Role))
    g.add((role_node, RDFS.label, zh(role)))
    g.add((membership, PROV.wasDerivedFrom, article))
    g.add((membership, KG.evidence, evidence))
    g.add((evidence, RDF.type, OA.SpecificResource))
    g.add((evidence, KG.article, article))
    g.add((evidence, OA.hasSelector, quote_sel))
    g.add((quote_sel, RDF.type, OA.TextQuoteSelector))
    g.add((quote_sel, OA.exact, Literal(quote)))
    g.add((evidence, OA.hasSelector, pos_sel))
    g.add((pos_sel, RDF.type, OA.TextPositionSelector))
    g.add((pos_sel, OA.start, Literal(10)))
    g.add((pos_sel, OA.end, Literal(10 + len(quote))))


def small_graph() -> Graph:
    g = Graph()
    zhang = add_entity(g, "p/zhang", "张三", KG.Person, SCHEMA.Person, "张部长")
    li = add_entity(g, "p/li", "李四", KG.Person, SCHEMA.Person)
    evil = add_entity(g, "p/evil", f"王五{SCRIPT}", KG.Person, SCHEMA.Person)
    reporter = add_entity(g, "p/zhao", "赵六", KG.Person, SCHEMA.Person)
    dept = add_entity(g, "o/xcb", "中共聊城市委宣传部", KG.PartyOrganization, SCHEMA.GovernmentOrganization)
    gov = add_entity(
        g, "o/gov", "聊城市人民政府", KG.GovernmentOrganization, SCHEMA.GovernmentOrganization, f"市政府{IMG}"
    )
    company = add_entity(g, "o/co", "聊城鲁西化工有限公司", KG.Company, SCHEMA.Corporation)
    uni = add_entity(g, "o/uni", "聊城大学", KG.University, SCHEMA.Organization)
    city = add_entity(g, "pl/lc", "聊城市", KG.Place, SCHEMA.Place)
    meeting = add_entity(g, "e/meeting", "全市宣传思想工作会议", KG.Event, SCHEMA.Event)
    add_entity(g, "pr/canal", "大运河文化带建设", KG.Project, SCHEMA.Project)

    good, bad = ID["a/1"], ID["a/2"]
    for article, headline in ((good, "全市宣传思想工作会议召开"), (bad, f"市政府常务会议{SCRIPT}")):
        g.add((article, RDF.type, SCHEMA.NewsArticle))
        g.add((article, SCHEMA.headline, zh(headline)))
        g.add((article, SCHEMA.author, reporter))
        for entity in (zhang, li, evil, dept, gov, city):
            g.add((article, SCHEMA.mentions, entity))

    add_membership(g, "1", zhang, dept, "部长", good, "市委常委、宣传部部长张三出席会议并讲话。")
    add_membership(g, "2", li, gov, "市长", bad, f"市长李四主持会议。{IMG}")
    add_membership(g, "3", evil, company, "董事长", bad, "董事长王五汇报了项目进展。")
    g.add((company, SCHEMA.location, city))
    g.add((meeting, SCHEMA.attendee, zhang))
    g.add((dept, ORG.subOrganizationOf, gov))
    g.add((uni, SCHEMA.location, city))
    return g  # 赵六 (an author) and 大运河文化带建设 take part in no relation


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "graph.html"
    write_html(small_graph(), path, title=f"聊城 测试图谱 {IMG}")
    return path


def page_data(page: Path) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page.read_text("utf-8"))
    assert match, "no kg-data block"
    return json.loads(match.group(1))


# ---- the file --------------------------------------------------------------------------------------------


def test_page_is_self_contained(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in text
    assert not re.search(r"<script[^>]*\bsrc\s*=", text, re.I), "scripts must be inlined"
    assert not re.search(r"<link\b", text, re.I), "stylesheets must be inlined"
    assert not re.search(r"""\b(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(https?:)?//""", text, re.I)
    assert "@import" not in text
    assert "vis.Network" in text and "tom-select" not in text.lower() and "bootstrap" not in text.lower()
    # No IRIs leak into the page, not even as data.
    for namespace in (KG, SCHEMA, ORG, PROV, OA, ID):
        assert str(namespace) not in text


class Tags(HTMLParser):
    """The elements an HTML parser sees, script bodies skipped as a browser does."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_payloads_are_escaped_in_the_file(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "<script>document" not in text and "<img src=x" not in text
    parser = Tags()
    parser.feed(text)
    # Exactly our three scripts (vis-network, the JSON data, the page code): the data never ends its
    # <script> early, and no payload turned into an element.
    scripts = [attrs.get("type") for tag, attrs in parser.tags if tag == "script"]
    assert scripts == [None, "application/json", None]
    assert {tag for tag, _ in parser.tags} <= {
        *"html head meta title style body header h1 span div script svg circle rect polygon line".split()
    }
    assert "<title>聊城 测试图谱 &lt;img src=x" in text


def test_nodes_edges_and_tooltips(page: Path) -> None:
    data = page_data(page)
    nodes = {n["label"]: n for n in data["nodes"]}
    # Entities in relations only: no articles, memberships, roles or evidence, no lone mentions.
    assert len(nodes) == 9
    assert "赵六" not in nodes and "大运河文化带建设" not in nodes
    assert "另有 2 个仅被提及的实体未绘出" in page.read_text(encoding="utf-8")
    assert "全市宣传思想工作会议召开" not in nodes and "部长" not in nodes
    assert {nodes["张三"]["shape"], nodes["中共聊城市委宣传部"]["shape"], nodes["聊城市"]["shape"]} == {
        "dot",
        "square",
        "triangleDown",
    }
    assert nodes["中共聊城市委宣传部"]["color"] != nodes["聊城市人民政府"]["color"]  # Party vs state
    assert nodes["聊城鲁西化工有限公司"]["shape"] != nodes["聊城大学"]["shape"]

    zhang = nodes["张三"]["title"]
    assert "<b>张三</b>" in zhang and "张部长" in zhang and "部长 @ 中共聊城市委宣传部" in zhang
    assert "&lt;img src=x onerror=" in nodes["聊城市人民政府"]["title"]
    assert f"王五{html.escape(SCRIPT)}" in nodes[f"王五{SCRIPT}"]["title"]

    by_pair = {(e["from"], e["to"]): e for e in data["edges"]}
    ids = {label: n["id"] for label, n in nodes.items()}
    post = by_pair[(ids["张三"], ids["中共聊城市委宣传部"])]
    assert post["label"] == "部长"
    assert "宣传部部长张三出席会议并讲话" in post["title"] and "《全市宣传思想工作会议召开》" in post["title"]
    mayor = by_pair[(ids["李四"], ids["聊城市人民政府"])]["title"]
    assert "&lt;img src=x" in mayor and "&lt;script&gt;" in mayor  # sentence and headline, both escaped
    assert by_pair[(ids["聊城鲁西化工有限公司"], ids["聊城市"])]["label"] == "location"
    assert by_pair[(ids["全市宣传思想工作会议"], ids["张三"])]["label"] == "attendee"
    assert by_pair[(ids["中共聊城市委宣传部"], ids["聊城市人民政府"])]["label"] == "subOrganizationOf"
    assert len(data["edges"]) == 7
    assert data["options"]["physics"]["stabilization"]["enabled"] is True


def test_empty_graph(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "empty.html"
    write_html(Graph(), path)
    assert "图谱为空" in path.read_text(encoding="utf-8")


# ---- in a browser, offline -------------------------------------------------------------------------------

# Appended to a copy of the page: once the layout is stable, hover the node whose label contains `needle`
# through vis-network's own mouse handling, and put every tooltip into the document (cloned, so an
# unescaped <img onerror> would fire). Then report what happened in #kg-test as JSON.
PROBE = """
<script>
(function () {
  function report() {
    var tooltip = document.querySelector("#kg-network .vis-tooltip");
    var result = {
      state: document.body.getAttribute("data-kg-state"),
      canvas: !!document.querySelector("#kg-network canvas"),
      nodes: kg.nodes.length,
      tooltipVisible: !!tooltip && tooltip.style.visibility === "visible",
      tooltipText: tooltip ? tooltip.textContent : "",
      tooltipElements: tooltip ? tooltip.querySelectorAll("b, ul, li").length : 0,
      images: document.images.length,
      legend: document.getElementById("kg-legend").textContent
    };
    var out = document.createElement("pre");
    out.id = "kg-test";
    out.hidden = true;  // in the dump, not on the screenshot
    out.textContent = JSON.stringify(result);
    document.body.appendChild(out);
  }
  function hover() {
    var node = kg.nodes.get({filter: function (n) { return n.label.indexOf(NEEDLE) >= 0; }})[0];
    var canvas = document.querySelector("#kg-network canvas");
    var rect = canvas.getBoundingClientRect();
    var at = kg.network.canvasToDOM(kg.network.getPositions([node.id])[node.id]);
    canvas.dispatchEvent(new MouseEvent("mousemove",
      {clientX: rect.left + at.x, clientY: rect.top + at.y, bubbles: true}));
  }
  var timer = setInterval(function () {
    if (document.body.getAttribute("data-kg-state") !== "stable") { return; }
    clearInterval(timer);
    var dump = document.createElement("div");
    dump.id = "kg-tooltip-dump";
    kg.nodes.get().concat(kg.edges.get()).forEach(function (item) {
      if (item.title instanceof Element) { dump.appendChild(item.title.cloneNode(true)); }
    });
    dump.style.display = "none";
    document.body.appendChild(dump);
    // Keep hovering: headless Chromium may still resize the page before the screenshot, and the tooltip
    // should sit by its node then too.
    hover();
    setInterval(hover, 250);
    setTimeout(report, 1000);
  }, 50);
})();
</script>
"""


def chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} missing: CI must run .ci/install-browser.sh")
    pytest.skip(f"{CHROMIUM} not installed (see .ci/install-browser.sh)")


# First thing in <head>: a dialog would block headless Chromium until the timeout, so an alert() that
# runs only leaves the mark.
NO_DIALOGS = (
    "<script>window.alert = function () "
    "{ document.documentElement.setAttribute('data-pwned', 'alert'); };</script>"
)


def probed_copy(page: Path, needle: str, tmp_path: Path) -> Path:
    text = page.read_text(encoding="utf-8")
    head = '<meta charset="utf-8">'
    text = text.replace(head, head + NO_DIALOGS, 1)
    text = text.replace("</body>", PROBE.replace("NEEDLE", json.dumps(needle)) + "</body>")
    path = tmp_path / f"probed-{page.name}"
    path.write_text(text, encoding="utf-8")
    return path


def run_chromium(page: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [
        str(chromium()),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        # Every request goes to a dead proxy: the page must need none.
        "--proxy-server=127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>",
        "--virtual-time-budget=5000",
        *extra,
        page.resolve().as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def test_renders_offline_and_nothing_executes(page: Path, tmp_path: Path) -> None:
    dom = run_chromium(probed_copy(page, "王五", tmp_path), tmp_path, "--dump-dom").stdout
    assert not re.search(r"<(html|body)[^>]*data-pwned", dom), "an injected payload ran"
    match = re.search(r'<pre id="kg-test"[^>]*>(.*?)</pre>', dom, re.S)
    assert match, "the page did not stabilise within the time budget:\n" + dom[-3000:]
    result = json.loads(html.unescape(match.group(1)))
    assert result["state"] == "stable" and result["canvas"] and result["nodes"] == 9
    assert re.search(r'<div id="kg-network"><div class="vis-network"[^>]*><canvas', dom)
    # vis-network showed our tooltip, formatted, with the payload as plain text.
    assert result["tooltipVisible"], result
    assert result["tooltipElements"] >= 2
    assert (
        f"王五{SCRIPT}" in result["tooltipText"] and "董事长 @ 聊城鲁西化工有限公司" in result["tooltipText"]
    )
    assert result["images"] == 0
    assert "人物" in result["legend"] and "党的组织" in result["legend"] and "其他关系" in result["legend"]
    dump = dom[dom.index('id="kg-tooltip-dump"') :]
    assert "&lt;img src=x onerror=" in dump and "<img" not in dump


def test_screenshot(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "html.png"
    run_chromium(
        probed_copy(page, "张三", tmp_path), tmp_path, f"--screenshot={shot}", "--window-size=1400,900"
    )
    assert shot.exists() and shot.stat().st_size > 10_000
    SCREENSHOT_COPY.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, SCREENSHOT_COPY)
