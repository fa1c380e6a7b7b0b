from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def engine():
    from kg.language.engines import load_engine

    return load_engine("lac")


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory) -> Path:
    """`kg build seeds --out DIR`, once per test session."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("seeds-out")
    assert main(["build", str(SEEDS), "--out", str(out)]) == 0
    return out


BROWSER_SKIPPED = "not installed (see .ci/install-browser.sh)"  # the reason tests/test_html.py skips with


def pytest_terminal_summary(terminalreporter) -> None:
    """Say in the last lines when the browser tests did not run, and how to run them."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if BROWSER_SKIPPED in str(r.longrepr)]
    if skipped:
        terminalreporter.write_line(
            f"kg: {len(skipped)} browser tests were skipped: /usr/bin/chromium is not installed."
            " Run `bash .ci/install-browser.sh` (Debian's chromium and CJK fonts), then `make test`.",
            yellow=True,
        )
