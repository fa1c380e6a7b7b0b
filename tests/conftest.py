from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def engine():
    from kg.engines import load_engine

    return load_engine("lac")


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory) -> Path:
    """`kg build seeds --out DIR`, once per test session."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("seeds-out")
    assert main(["build", str(SEEDS), "--out", str(out)]) == 0
    return out
