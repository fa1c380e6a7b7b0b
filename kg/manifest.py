"""The record behind "nothing lost": out/manifest.json lists every input and what became of it.

Each path a run was given or found in a folder has one `kg.read.Entry`: read (ok), empty, failed (with
the reason) or skipped by the folder walk. The manifest is written beside the graph files, so a user can
check that every file was accounted for.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from .model import Document
from .read import STATUSES, Entry


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


def manifest_text(entries: list[Entry], by_path: dict[str, dict[str, int]]) -> str:
    """Every entry sorted by path, each file read with its counts (`by_path`: path → counts(doc)). No
    timestamps: the same inputs give a byte-identical manifest."""
    records = []
    for entry in sorted(entries, key=lambda e: (e.path, e.status)):
        record = asdict(entry)
        record["counts"] = by_path.get(entry.path) if entry.status == "ok" else None
        records.append(record)
    return json.dumps({"totals": totals(entries), "inputs": records}, ensure_ascii=False, indent=1) + "\n"


def write_manifest(path: Path, entries: list[Entry], by_path: dict[str, dict[str, int]]) -> None:
    path.write_text(manifest_text(entries, by_path), encoding="utf-8")
