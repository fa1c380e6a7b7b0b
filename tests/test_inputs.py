"""Inputs people actually have, and bad ones: what kg reads, what it refuses and why, what the run does.

Every bad input is checked for its message (which names the file and says why) and for the outcome of a
whole run around it: the other files are still read, the exit code says what happened, and the manifest
accounts for every file.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.cli import main
from kg.explore.query import GraphFileError, open_store
from kg.input.clean import clean_document
from kg.input.read import Selection, read_input, walk
from kg.input.segment import segment_document

# A page of a city paper: a headline, a bylined article with a post in it.
PAGE = (
    "德州市召开优化营商环境推进会\n本报讯（记者 王晓东）3月15日，副市长李小红出席德州市优化营商环境推进会。\n"
)
POST = {"person": "李小红", "title": "副市长", "organization": "德州市人民政府"}


def _posts(record: dict) -> set[tuple[str, str, str]]:
    return {
        (f["person"], f["title"], f["organization"]) for f in record["facts"] if f["relation"] == "position"
    }


def _extract(capsys, *args: str) -> tuple[int, list[dict], str]:
    code = main(["extract", *args, "--city", "德州市"])
    captured = capsys.readouterr()
    return code, [json.loads(line) for line in captured.out.splitlines()], captured.err


# ---- encodings ------------------------------------------------------------------------------------------

ENCODINGS = {  # file name → (bytes, the encoding kg should report)
    "utf8.txt": (PAGE.encode("utf-8"), "utf-8"),
    "utf8-bom.txt": (PAGE.encode("utf-8-sig"), "utf-8-sig"),
    "gb18030.txt": (PAGE.encode("gb18030"), "gb18030"),
    "gbk.txt": (PAGE.encode("gbk"), "gb18030"),  # GB18030 is a superset of GBK and GB2312
    "utf16-bom.txt": (PAGE.encode("utf-16"), "utf-16-le"),
    "utf16be-bom.txt": (b"\xfe\xff" + PAGE.encode("utf-16-be"), "utf-16-be"),
    "utf16le-nobom.txt": (PAGE.encode("utf-16-le"), "utf-16-le"),
    "utf16be-nobom.txt": (PAGE.encode("utf-16-be"), "utf-16-be"),
    "utf32-bom.txt": (PAGE.encode("utf-32"), "utf-32-le"),
}
CJK_ONLY = "聊城市市长张三出席会议，强调要加快发展。"  # no ASCII: no NUL byte in its UTF-16
TRADITIONAL = "據報導，臺北市政府今日召開記者會，市長表示將加強交通建設。"


@pytest.mark.parametrize(
    ("text", "codec", "encoding"),
    [
        (TRADITIONAL, "big5", "big5hkscs"),  # valid GB18030 too, read as nonsense
        ("市長出席會議", "big5", "big5hkscs"),
        (CJK_ONLY, "gbk", "gb18030"),  # and GBK text, valid Big5, stays GB18030
        ("市长出席", "gbk", "gb18030"),
        (CJK_ONLY, "utf-16-le", "utf-16-le"),
        (CJK_ONLY, "utf-16-be", "utf-16-be"),
    ],
)
def test_big5_and_utf16_without_ascii_are_text_not_binary(tmp_path, text, codec, encoding) -> None:
    (tmp_path / "page.txt").write_bytes(text.encode(codec))
    doc, entry = read_input(tmp_path / "page.txt")
    assert (entry.status, entry.encoding) == ("ok", encoding), entry.message()
    assert doc is not None and doc.original == text


@pytest.mark.parametrize("name", ENCODINGS)
def test_encoding_is_detected_and_decoded(tmp_path, name) -> None:
    data, encoding = ENCODINGS[name]
    (tmp_path / name).write_bytes(data)
    doc, entry = read_input(tmp_path / name)
    assert (entry.status, entry.encoding, entry.format) == ("ok", encoding, "text")
    assert doc is not None and doc.original == PAGE


def test_mixed_encodings_in_one_folder_give_the_same_facts(tmp_path, capsys) -> None:
    for name, (data, _) in ENCODINGS.items():
        (tmp_path / name).write_bytes(data)
    code, records, err = _extract(capsys, str(tmp_path))
    assert code == 0, err
    assert len(records) == len(ENCODINGS)
    for record in records:
        assert _posts(record) == {tuple(POST.values())}, record["document"]
        fact = record["facts"][0]
        assert PAGE[fact["person_start"] : fact["person_end"]] == "李小红"  # offsets into the decoded text


# ---- the corrupt-input suite ----------------------------------------------------------------------------

_GOOD = PAGE.encode()
CORRUPT = {  # file name → (bytes, status, what the message says)
    "binary.txt": (bytes(range(256)) * 8, "failed", "looks binary (contains NUL bytes)"),
    "binary-no-nul.txt": (
        bytes(range(0x80, 0x100)) * 8,
        "failed",
        "not text in UTF-8, UTF-16, GB18030 or Big5",
    ),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(100), "failed", "a PNG image"),
    "report.txt": (b"PK\x03\x04" + bytes(60), "failed", "a ZIP archive"),
    "controls.txt": (b"\x01\x02\x03\x1b[0m" * 50 + _GOOD, "failed", "control codes"),
    "latin1.txt": ("Café crème, Zürich.".encode("latin-1"), "failed", "byte 0xE9 at offset 3"),
    "cut-in-the-middle.txt": (
        _GOOD[:20] + _GOOD[40:],
        "failed",
        "line 1 is not UTF-8 (byte 0x9A at offset 21)",
    ),
    "two-encodings.txt": (_GOOD + PAGE.encode("gb18030"), "failed", "mixed encodings: line 3 is not UTF-8"),
    "bad-bom.txt": (b"\xff\xfe" + "中".encode("utf-16-le") + b"\x00\xdc", "failed", "byte-order mark"),
    "fake.pdf": (b"this is not a PDF", "failed", "not a PDF (no %PDF- header)"),
    "truncated-utf8.txt": (_GOOD.rstrip(b"\n")[:-1], "ok", "ends inside a utf-8 character"),
    "truncated-gb18030.txt": (
        PAGE.rstrip("\n").encode("gb18030")[:-1],
        "ok",
        "ends inside a gb18030 character",
    ),
    "punctuation.txt": ("。，、！？……——“”\n（）《》 ".encode(), "empty", "no words in it"),
    "empty.txt": (b"", "empty", "empty file"),
    "blank.txt": (b" \n\r\n\t\n", "empty", "empty file"),
}


@pytest.mark.parametrize("name", CORRUPT)
def test_bad_input_is_named_with_its_reason(tmp_path, name) -> None:
    data, status, message = CORRUPT[name]
    (tmp_path / name).write_bytes(data)
    doc, entry = read_input(tmp_path / name)
    assert entry.status == status
    assert message in entry.message() and str(tmp_path / name) in entry.message()
    assert (doc is not None) == (status == "ok")
    assert entry.size == len(data) and entry.sha256 == hashlib.sha256(data).hexdigest()


def test_truncated_file_keeps_everything_before_the_cut(tmp_path) -> None:
    (tmp_path / "cut.txt").write_bytes(_GOOD.rstrip(b"\n")[:-1])
    doc, _ = read_input(tmp_path / "cut.txt")
    assert doc is not None and doc.original == PAGE.rstrip("\n")[:-1]  # only the half character is gone


def test_run_over_bad_files_reads_the_rest_and_accounts_for_everything(tmp_path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (data, _, _) in CORRUPT.items():
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_bytes(_GOOD)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # not an input format: skipped, but listed
    (folder / "empty-folder").mkdir()
    code = main(["build", str(folder), "--out", str(tmp_path / "out"), "--city", "德州市"])
    captured = capsys.readouterr()
    assert code == 3
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    entries = {Path(e["path"]).name: e for e in manifest["inputs"]}
    for name, (_, status, message) in CORRUPT.items():
        assert entries[name]["status"] == status
        assert message in (entries[name]["reason"] or entries[name]["note"])
        if status != "ok":
            assert f"{folder / name}: {entries[name]['reason']}" in captured.err
    assert entries["good.txt"]["counts"]["posts"] == 1
    assert entries["notes.docx"]["status"] == "skipped"
    assert entries["empty-folder"]["status"] == "empty"
    failed = sum(status == "failed" for _, status, _ in CORRUPT.values())
    assert manifest["totals"]["failed"] == failed
    assert f"{failed} failed" in captured.out  # the summary lists the failures …
    assert captured.out.count("  failed: ") == failed  # … each with its reason
    # Every file and folder in the input is accounted for.
    on_disk = {p.name for p in folder.iterdir()}
    assert on_disk == set(entries)


def test_ten_megabyte_single_line_is_read_cleaned_and_segmented_in_seconds(tmp_path) -> None:
    sentence = "市委常委、常务副市长刘昌松出席会议，强调要扎实推进各项工作。"
    line = (sentence * (10_000_000 // len(sentence.encode()) + 1)).encode()[:10_000_000]
    (tmp_path / "line.txt").write_bytes(line)  # cut at 10 MB: the last character is incomplete
    started = time.perf_counter()
    doc, entry = read_input(tmp_path / "line.txt")
    read_seconds = time.perf_counter() - started
    assert doc is not None and entry.status == "ok" and "truncated" in entry.note
    segment_document(clean_document(doc))
    seconds = time.perf_counter() - started
    sentences = [s for a in doc.articles for s in a.sentences]
    assert len(sentences) == len(doc.original) // len(sentence) + 1
    last = sentences[-1]
    start, end = doc.to_original(last.start, last.end)
    assert doc.original[start:end] == last.text
    print(f"\n10 MB line: read {read_seconds:.2f} s, read+clean+segment {seconds:.1f} s")
    assert seconds < 60  # a few seconds on one core; minutes would mean a quadratic step somewhere


# ---- folders --------------------------------------------------------------------------------------------


def _tree(root: Path) -> None:
    for name in (
        "a/one.txt",
        "a/b/two.html",
        "a/b/c/three.txt",
        "drafts/four.txt",
        ".git/five.txt",
        "six.md",
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(PAGE, encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (root / "a" / "empty" / "deeper").mkdir(parents=True)


def _names(paths) -> list[str]:
    return [Path(p).name for p in paths]


def test_a_file_name_in_gbk_is_read_and_named_readably(tmp_path, capsys) -> None:
    """GBK-named files are common on Chinese machines; the name used to stop the whole build."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE, encoding="utf-8")
    gbk_name = os.fsdecode(os.fsencode(folder) + b"/" + "德州新闻.txt".encode("gbk"))
    other_page = "德州市召开春季植树动员会\n本报讯 3月12日，德州市春季植树动员会召开，副市长刘建国讲话。\n"
    Path(gbk_name).write_text(other_page, encoding="utf-8")
    assert main(["build", str(folder), "--out", str(tmp_path / "out"), "--city", "德州市"]) == 0
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert {Path(e["path"]).name: e["status"] for e in manifest["inputs"]} == {
        "a.txt": "ok",
        "德州新闻.txt": "ok",
    }
    assert "德州新闻.txt" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_what_is_not_a_file_is_accounted_for_with_its_reason(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "broken.txt").symlink_to("nowhere.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(folder / "socket.txt"))
    try:
        found = walk([folder])
    finally:
        listener.close()
    assert [p.name for p in found.files] == ["a.txt"]
    assert {Path(e.path).name: e.reason for e in found.entries} == {
        "broken.txt": "a broken symbolic link",
        "loop.txt": "a symbolic link that loops",
        "pipe.txt": "a named pipe (FIFO), not a file: not read",
        "socket.txt": "a socket, not a file: not read",
    }
    # named on the command line: the same reasons, not "no such file or folder"
    named = walk([folder / "pipe.txt", folder / "broken.txt", folder / "missing.txt"])
    assert [e.reason for e in named.entries] == [
        "a named pipe (FIFO), not a file: not read", "a broken symbolic link", "no such file or folder"
    ]  # fmt: skip


def test_folders_nested_very_deep_are_reported_not_a_crash(tmp_path) -> None:
    deepest = tmp_path / "in"
    for _ in range(150):  # over the walk's limit of 100, short of the file system's path limit
        deepest = deepest / "d"
    deepest.mkdir(parents=True)
    (deepest / "x.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "in" / "a.txt").write_text(PAGE, encoding="utf-8")
    found = walk([tmp_path / "in"])
    assert [p.name for p in found.files] == ["a.txt"]
    assert any("nested more than 100 folders deep" in e.reason for e in found.entries)


def test_a_reader_that_fails_unexpectedly_fails_that_file_only(tmp_path, monkeypatch, capsys) -> None:
    """A missing part of a library (trafilatura without lxml_html_clean) used to end the whole run."""
    import kg.input.read

    real_extract = kg.input.read.extract

    def extract(path, data):
        if path.name == "bad.html":
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")
        return real_extract(path, data)

    monkeypatch.setattr(kg.input.read, "extract", extract)
    (tmp_path / "bad.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    code, records, err = _extract(capsys, str(tmp_path))
    assert code == 3 and [Path(r["document"]).name for r in records] == ["a.txt"]  # 3: some inputs failed
    assert "bad.html: could not be read (ImportError: lxml.html.clean module" in err


def test_folders_are_walked_recursively_skipping_hidden_ones(tmp_path) -> None:
    _tree(tmp_path)
    found = walk([tmp_path])
    assert _names(found.files) == ["three.txt", "two.html", "one.txt", "four.txt", "six.md"]
    reasons = {Path(e.path).name: (e.status, e.reason) for e in found.entries}
    assert reasons == {
        "photo.jpg": ("skipped", "not an input format (.jpg)"),
        "empty": ("empty", "no input files in this folder"),  # reported once, not once more for deeper/
    }


def test_a_file_named_twice_is_read_once(tmp_path) -> None:
    (tmp_path / "only.txt").write_text(PAGE, encoding="utf-8")
    found = walk([tmp_path / "only.txt", tmp_path, tmp_path / "." / "only.txt"])
    assert _names(found.files) == ["only.txt"]
    assert found.entries == []  # and its folder is not reported as empty


def test_include_and_exclude_globs(tmp_path) -> None:
    _tree(tmp_path)
    found = walk([tmp_path], Selection(include=("*.txt",), exclude=("drafts", "a/b/c/*")))
    assert _names(found.files) == ["one.txt"]
    reasons = {Path(e.path).name: e.reason for e in found.entries}
    assert reasons["drafts"] == "excluded by --exclude drafts"
    assert reasons["three.txt"] == "excluded by --exclude a/b/c/*"
    assert reasons["two.html"] == reasons["six.md"] == "not matched by --include"
    # A file named on the command line is read whatever the globs say.
    assert _names(walk([tmp_path / "six.md"], Selection(exclude=("*.md",))).files) == ["six.md"]


def test_globs_and_strict_on_the_command_line(tmp_path, capsys) -> None:
    _tree(tmp_path)
    (tmp_path / "a" / "bad.txt").write_bytes(bytes(range(256)))
    out = tmp_path / "out"
    code, records, _ = _extract(capsys, str(tmp_path), "--include", "a/*", "--exclude", "*.html")
    assert code == 3  # a/bad.txt failed; the others were read
    assert sorted(_names(r["document"] for r in records)) == ["one.txt", "three.txt"]
    assert main(["build", str(tmp_path / "a"), "--out", str(out), "--exclude", "bad.txt"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    capsys.readouterr()
    assert main(["build", str(tmp_path / "a"), "--out", str(out), "--strict"]) == 3
    err = capsys.readouterr().err
    assert f"{tmp_path / 'a' / 'bad.txt'}: looks binary" in err and "--strict" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # nothing written: outputs intact


def test_nothing_readable_exits_2_and_leaves_outputs_alone(tmp_path, capsys) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous", encoding="utf-8")
    assert main(["build", str(tmp_path / "empty.txt"), str(tmp_path / "bad.txt"), "--out", str(out)]) == 2
    assert main(["build", str(tmp_path / "nowhere"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'nowhere'}: no such file or folder" in err
    assert "no readable input files" in err
    assert [p.name for p in out.iterdir()] == ["graph.ttl"]
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "previous"


# ---- outputs: the manifest, byte-identical and atomic ---------------------------------------------------


def test_manifest_records_every_input_and_outputs_are_byte_identical(tmp_path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (data, _) in ENCODINGS.items():
        (folder / name).write_bytes(data)
    (folder / "bad.txt").write_bytes(b"\x00")
    outputs = []
    for run in ("first", "second"):
        out = tmp_path / run
        assert main(["build", str(folder), "--out", str(out), "--city", "德州市"]) == 3
        outputs.append(
            {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.nt", "manifest.json")}
        )
    assert outputs[0] == outputs[1]
    manifest = json.loads(outputs[0]["manifest.json"])
    assert manifest["totals"] == {"ok": len(ENCODINGS), "empty": 0, "failed": 1, "skipped": 0}
    for entry in manifest["inputs"]:
        data = Path(entry["path"]).read_bytes()
        assert entry["size"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
        if entry["status"] == "ok":
            assert entry["encoding"] == ENCODINGS[Path(entry["path"]).name][1]
            assert entry["counts"] == {
                "articles": 1,
                "sentences": 2,
                "mentions": entry["counts"]["mentions"],
                "posts": 1,
            }
    assert "manifest.json" in capsys.readouterr().out


def test_a_failed_write_leaves_the_previous_outputs(tmp_path, monkeypatch) -> None:
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "page.txt"), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (tmp_path / "page.txt").write_text(PAGE.replace("李小红", "王大明"), encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("kg.export.write_html", broken)
    with pytest.raises(OSError, match="disk full"):
        main(["build", str(tmp_path / "page.txt"), "--out", str(out)])
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert set(after) == set(before)  # no temporary file left behind
    assert after["graph.html"] == before["graph.html"] and after["manifest.json"] == before["manifest.json"]


KILLED_WHILE_PUBLISHING = """
import os, sys
import kg.export
from kg.cli import main

renamed = []
real = kg.export._publish

def publish_then_die(tmp, path):
    real(tmp, path)
    renamed.append(path)
    if len(renamed) == 2:  # killed between two renames: graph.ttl and graph.nt new, the rest old
        os._exit(9)

kg.export._publish = publish_then_die
sys.exit(main(sys.argv[1:]))
"""


def test_a_build_killed_while_publishing_is_refused_by_readers_and_completed_by_the_next(tmp_path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(PAGE, encoding="utf-8")
    second.write_text(PAGE.replace("李小红", "王大明"), encoding="utf-8")
    out, clean = tmp_path / "out", tmp_path / "clean"
    assert main(["build", str(first), "--out", str(out), "--city", "德州市"]) == 0
    assert main(["build", str(second), "--out", str(clean), "--city", "德州市"]) == 0
    command = [
        sys.executable,
        "-c",
        KILLED_WHILE_PUBLISHING,
        "build",
        str(second),
        "--out",
        str(out),
        "--city",
        "德州市",
    ]
    assert subprocess.run(command, capture_output=True).returncode == 9
    assert (out / "graph.ttl").read_bytes() == (clean / "graph.ttl").read_bytes()
    assert (out / "graph.nq").read_bytes() != (clean / "graph.nq").read_bytes()  # two runs side by side
    with pytest.raises(GraphFileError, match="interrupted while writing here"):
        open_store(out)
    # the next build into the folder completes the set the killed one had written, then does its own work
    assert main(["build", str(second), "--out", str(out), "--city", "德州市", "--append"]) == 0
    assert not [p.name for p in out.iterdir() if p.name.startswith(".kg-") and p.name != ".kg-lock"]
    for name in ("graph.nt", "graph.nq", "graph.ttl", "manifest.json"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    assert len(open_store(out)) > 0


def test_ctrl_c_prints_one_line_and_exits_130(tmp_path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(3000):  # some 15 s of work
        (pages / f"{i:04}.txt").write_text(PAGE.replace("3月15日", f"3月{i % 28 + 1}日"), encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "kg.cli",
        "build",
        str(pages),
        "--out",
        str(tmp_path / "out"),
        "--city",
        "德州市",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)  # past start-up, inside the work
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err and err.strip().splitlines()[-1].startswith("kg: interrupted")


# ---- HTML and PDF ---------------------------------------------------------------------------------------

NEWS_PAGE = """<!DOCTYPE html>
<html><head><meta charset="gbk"><title>市委常委会召开会议 - 聊城新闻网</title>
<meta property="article:published_time" content="2024-12-05T08:30:00+08:00">
<script>var tracker = "页面统计代码";</script></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/news">本地新闻</a> | <a href="/about">关于我们</a></div>
<article><h1>市委常委会召开会议</h1>
<p>本报讯（记者 张伟）12月5日，市委书记张百顺主持召开市委常委会会议，研究部署近期重点工作。</p>
<p>市委常委、常务副市长刘昌松出席会议。会议强调，要扎实推进各项工作，确保全年目标任务圆满完成。</p>
</article>
<div class="footer">版权所有 聊城日报社 鲁ICP备00000000号 联系我们</div></body></html>"""


def test_html_page_gives_article_text_title_and_date(tmp_path, capsys) -> None:
    (tmp_path / "page.html").write_bytes(NEWS_PAGE.encode("gbk"))
    doc, entry = read_input(tmp_path / "page.html")
    assert (entry.status, entry.format, entry.encoding) == ("ok", "html", "gb18030")
    assert doc.title == "市委常委会召开会议" and doc.date == "2024-12-05"
    assert doc.original.startswith("市委常委会召开会议\n")
    assert "刘昌松出席会议" in doc.original
    for boilerplate in ("首页", "版权所有", "页面统计代码", "<p>"):
        assert boilerplate not in doc.original
    code = main(["extract", str(tmp_path / "page.html"), "--city", "聊城市"])
    record = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (record["format"], record["title"], record["date"]) == ("html", "市委常委会召开会议", "2024-12-05")
    assert ("刘昌松", "常务副市长", "聊城市人民政府") in _posts(record)
    assert record["articles"][0]["headline"] == "市委常委会召开会议"


def test_html_page_without_an_article_is_empty_not_fatal(tmp_path) -> None:
    (tmp_path / "index.htm").write_text(
        "<html><body><div></div><script>var page = '首页';</script></body></html>"
    )
    _, entry = read_input(tmp_path / "index.htm")
    assert (entry.status, entry.reason) == ("empty", "no article text found in the page")


def _pdf(pages: list[list[str]], title: str | None = None, **canvas_options) -> bytes:
    """A PDF with Chinese text in STSong-Light, a CJK font that PDF readers have built in."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, **canvas_options)
    if title:
        pdf.setTitle(title)
    for lines in pages:
        pdf.setFont("STSong-Light", 11)
        for row, line in enumerate(lines):
            pdf.drawString(40, 800 - 16 * row, line)
        pdf.rect(30, 30, 100, 100)  # something on the page even when it has no text
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# An e-paper page as laid out: lines broken by the column width, not by the author.
EPAPER = [
    [
        "聊城市召开风电项目推进会",
        "本报讯（记者 张伟 于新新）12月5日，全市风电项目推进会召开。市委常委、常务副",
        "市长刘昌松出席会议并讲话。",
    ],  # fmt: skip
    ["市委常委、宣传部部长柳庆发出席会议并讲话。"],
]


def test_pdf_e_paper_page_is_extracted_cleaned_and_read(tmp_path, capsys) -> None:
    (tmp_path / "page.pdf").write_bytes(_pdf(EPAPER, title="聊城日报 2024-12-05 第1版"))
    doc, entry = read_input(tmp_path / "page.pdf")
    assert (entry.status, entry.format, entry.encoding) == ("ok", "pdf", None)
    assert doc.title == "聊城日报 2024-12-05 第1版"
    assert "常务副\n市长刘昌松" in doc.original  # the layout line break is in the extracted text …
    code = main(["extract", str(tmp_path / "page.pdf"), "--city", "聊城市"])
    record = json.loads(capsys.readouterr().out)
    assert code == 0
    posts = _posts(record)
    assert ("刘昌松", "常务副市长", "聊城市人民政府") in posts  # … and cleaning joins it, as for any page
    assert ("柳庆发", "部长", "中共聊城市委宣传部") in posts  # second page
    fact = next(f for f in record["facts"] if f["person"] == "刘昌松")
    assert doc.original[fact["person_start"] : fact["person_end"]] == "刘昌松"


@pytest.mark.parametrize(
    ("name", "make", "status", "message"),
    [
        (
            "scanned.pdf",
            lambda: _pdf([[]]),
            "empty",
            "no text in the PDF (a scanned page? it needs OCR first)",
        ),
        (
            "locked.pdf",
            lambda: _pdf(EPAPER, encrypt="secret"),
            "failed",
            "encrypted PDF: it needs a password",
        ),
        ("truncated.pdf", lambda: _pdf(EPAPER)[:700], "failed", "not a readable PDF"),
    ],
)
def test_bad_pdf_is_named_with_its_reason(tmp_path, name, make, status, message) -> None:
    (tmp_path / name).write_bytes(make())
    _, entry = read_input(tmp_path / name)
    assert entry.status == status
    assert entry.message().startswith(f"{tmp_path / name}: {message}")


def test_a_pdf_page_with_a_huge_text_stream_is_left_out_and_said(tmp_path) -> None:
    """Pages sharing one stream of many megabytes took minutes and gigabytes: past the limit a page is not
    read, and the file's note names it; the other pages are read."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf([*EPAPER, ["第三页"]]))))
    huge = DecodedStreamObject()
    huge.set_data(b"BT /F1 12 Tf 72 712 Td " + b"(Hello world) Tj 0 -1 Td " * 200_000 + b"ET")  # 4.8 MB
    writer.pages[1][NameObject("/Contents")] = writer._add_object(huge.flate_encode())
    pdf = io.BytesIO()
    writer.write(pdf)
    assert len(pdf.getvalue()) < 50_000
    (tmp_path / "bomb.pdf").write_bytes(pdf.getvalue())
    doc, entry = read_input(tmp_path / "bomb.pdf")
    assert entry.status == "ok" and doc is not None
    assert "刘昌松" in doc.original and "第三页" in doc.original and "Hello" not in doc.original
    assert entry.note == "over the limits for one PDF, not read: page 2 (4.8 MB of content)"
