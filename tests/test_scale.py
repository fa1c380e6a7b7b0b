"""Issue 6: the same bytes whatever the workers or executor, --append, and views of big graphs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import export as export_module
from kg.cli import main
from kg.explore.neighbourhood import focus, is_entity, overview, read_links

from .conftest import SEEDS

GRAPH_FILES = ("graph.nt", "graph.nq", "graph.ttl", "graph.trig", "graph.jsonld")
RENAMED = {"张百顺": "李明华", "曾晓黎": "王建新"}  # other people in the same posts


def _files(out: Path, names=GRAPH_FILES) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in names}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """Two seed pages, and a copy of one with its officials renamed: shared entities and new ones."""
    folder = tmp_path_factory.mktemp("corpus")
    pages = sorted(SEEDS.glob("*.txt"))
    files = [Path(shutil.copy(pages[0], folder / "a.txt")), Path(shutil.copy(pages[4], folder / "b.txt"))]
    text = pages[4].read_text(encoding="utf-8")
    for old, new in RENAMED.items():
        text = text.replace(old, new)
    (folder / "c.txt").write_text(text, encoding="utf-8")
    return [*files, folder / "c.txt"]


@pytest.fixture(scope="module")
def one_worker(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("one-worker")
    assert main(["build", *map(str, corpus), "--out", str(out), "--city", "聊城市"]) == 0
    return out


def test_two_workers_give_the_seeds_graph_byte_for_byte(seeds_out, tmp_path) -> None:
    assert main(["build", str(SEEDS), "--out", str(tmp_path), "--workers", "2"]) == 0
    assert _files(tmp_path, (*GRAPH_FILES, "manifest.json")) == _files(
        seeds_out, (*GRAPH_FILES, "manifest.json")
    )


def test_worker_counts_agree_on_a_corpus_with_renamed_people(corpus, one_worker, tmp_path) -> None:
    assert (
        main(["build", *map(str, corpus), "--out", str(tmp_path), "--city", "聊城市", "--workers", "3"]) == 0
    )
    assert _files(tmp_path) == _files(one_worker)
    nt = (tmp_path / "graph.nt").read_text(encoding="utf-8")
    assert all(f'"{name}"@zh' in nt for name in (*RENAMED, *RENAMED.values()))


def test_append_gives_the_graph_of_one_build(corpus, one_worker, tmp_path) -> None:
    out = tmp_path / "out"
    assert main(["build", str(corpus[0]), "--out", str(out), "--city", "聊城市"]) == 0
    first = (out / "graph.nt").read_bytes()
    assert main(["build", *map(str, corpus[1:]), "--append", str(out)]) == 0
    assert (out / "graph.nt").read_bytes() != first
    assert _files(out) == _files(one_worker)
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    assert all(path.name in manifest for path in corpus)
    # appending what is already there adds nothing: the IRIs come from the same keys
    assert main(["build", str(corpus[2]), "--out", str(out), "--append"]) == 0
    assert _files(out) == _files(one_worker)


def test_dask_local_cluster_gives_the_same_bytes(corpus, one_worker, tmp_path) -> None:
    pytest.importorskip("dask.distributed")
    command = ["build", *map(str, corpus), "--out", str(tmp_path), "--city", "聊城市"]
    assert main([*command, "--executor", "dask", "--workers", "2"]) == 0
    assert _files(tmp_path) == _files(one_worker)


def test_overview_keeps_the_most_connected_and_nothing_dangling(seeds_out) -> None:
    graph, note = overview(seeds_out / "graph.nt", size=12)
    entities = {str(s) for s in graph.subjects() if str(s).startswith("https://w3id.org/kg-news/id/person/")}
    assert 0 < len(entities) <= 12 and "12 most connected" in note
    described = {str(s) for s in graph.subjects() if is_entity(str(s))}
    pointed = {str(o) for o in graph.objects() if is_entity(str(o))}
    assert pointed <= described  # no link to an entity left out of the page
    quotes = {str(p) for p in graph.predicates()} & {"http://www.w3.org/ns/oa#exact"}
    assert quotes  # the posts drawn come with their evidence, down to the quoted sentence


def test_a_big_graph_gets_an_overview_page(seeds_out, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(export_module, "HTML_WHOLE", 100)
    export_module.write_graph_html(seeds_out / "graph.nt", tmp_path / "graph.html", "kg")
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "Overview: the 150 most connected of" in page and "--focus" in page


def test_kg_html_focus_draws_one_neighbourhood(seeds_out, tmp_path) -> None:
    nt = seeds_out / "graph.nt"
    zhang = {e for e in read_links(nt, with_labels=True).labels["张百顺"]}
    near = set().union(*(read_links(nt).neighbours[e] for e in zhang)) | zhang
    drawn = {str(s) for s in focus(nt, "张百顺", hops=1).subjects() if is_entity(str(s))}
    assert drawn == near and len(drawn) > 3
    page = tmp_path / "zhang.html"
    assert main(["html", str(seeds_out), "--focus", "张百顺", "--hops", "1", "--out", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "聊城市人民政府" in text and "刘昌松" not in text  # 刘昌松 is two hops away (a shared meeting)
    assert main(["html", str(seeds_out), "--focus", "无此人", "--out", str(page)]) == 2


def test_compiled_viterbi_gives_the_numpy_paths_ties_included() -> None:
    import numpy as np

    from kg.language.engines import lac

    if lac._compiled() is None:
        pytest.skip("numba not installed")
    rng = np.random.default_rng(6)
    emissions = rng.integers(-3, 3, size=(40, 30, 59)).astype(np.float32)  # small integers: many ties
    transitions = rng.integers(-3, 3, size=(59, 59)).astype(np.float32)
    lengths = rng.integers(1, 31, size=40)
    assert lac.viterbi(emissions, transitions, lengths) == lac.viterbi_numpy(emissions, transitions, lengths)


# ---- one large file, read in pieces ----


REAL_PAGES = Path(__file__).resolve().parent / "real" / "dev" / "pages"


def _one_big_file(tmp_path: Path) -> Path:
    """The real pages of many cities in one file, as a dump of a crawl would come: the development
    part's first two rounds (g*, h*: 98 pages, 52,000 characters), a fixed set, because where the pieces
    fall decides which glued pages' datelines meet (dates of a dump are not the pages' own)."""
    big = tmp_path / "dump" / "all.txt"
    big.parent.mkdir()
    pages = sorted(p for p in REAL_PAGES.rglob("*.txt") if p.name[0] in "gh")
    big.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in pages), encoding="utf-8")
    return big


def test_a_large_file_is_cut_into_pieces_of_whole_articles(tmp_path) -> None:
    from kg.input.clean import clean_document
    from kg.input.segment import segment_document
    from kg.model import Document
    from kg.pieces import pieces

    text = _one_big_file(tmp_path).read_text(encoding="utf-8")
    whole = Document("all.txt", text)
    clean_document(whole)
    segment_document(whole)
    cut = list(pieces(Document("all.txt", text), size=8_000))
    assert len(cut) > 4 and all(len(p.original) <= 8_000 for p in cut)
    assert "".join(p.original for p in cut) == text  # the pieces are the file, in order
    assert [p.base for p in cut] == [sum(len(q.original) for q in cut[:i]) for i in range(len(cut))]
    headlines = []
    for piece in cut:
        clean_document(piece)
        segment_document(piece)
        headlines += [(a.index, a.headline) for a in piece.articles]
    # the articles are the file's, numbered as in the file: a piece begins where an article begins
    assert headlines == [(a.index, a.headline) for a in whole.articles]


def test_a_large_file_gives_the_graph_of_reading_it_whole_with_bounded_pieces(tmp_path, monkeypatch) -> None:
    big = _one_big_file(tmp_path)
    # one city for the run: without it each piece, like each file of a crawl, is read in its own
    assert main(["build", str(big), "--out", str(tmp_path / "whole"), "--city", "长沙市"]) == 0
    monkeypatch.setattr("kg.pieces.PIECE_CHARS", 8_000)
    assert main(["build", str(big), "--out", str(tmp_path / "pieces"), "--city", "长沙市"]) == 0
    whole = set((tmp_path / "whole" / "graph.nq").read_text(encoding="utf-8").splitlines())
    cut = set((tmp_path / "pieces" / "graph.nq").read_text(encoding="utf-8").splitlines())
    # the same articles, posts, events and offsets; only a name written short in one piece and in full
    # in another (向阳 … 董向阳) is no longer joined, and a page footer ("文章出处: 本站原创") read as a
    # headline at a piece's edge may take the mentions of the article next to it: a few lines
    assert len(whole ^ cut) <= len(whole) // 1000, sorted(whole ^ cut)[:5]
