"""The code stays simple enough to change: no function of kg/ above cyclomatic complexity 15."""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_visit

KG = Path(__file__).parents[1] / "kg"
LIMIT = 15


def _functions(blocks):
    """Functions, methods and the functions inside them (radon keeps methods in their class)."""
    for block in blocks:
        if hasattr(block, "methods"):
            yield from _functions(block.methods)
        else:
            yield block
        yield from _functions(getattr(block, "closures", []))


def test_no_function_is_too_complex() -> None:
    functions = [
        (path, block)
        for path in sorted(KG.rglob("*.py"))
        for block in _functions(cc_visit(path.read_text("utf-8")))
    ]
    assert len(functions) > 500, len(functions)  # methods and closures counted too
    too_complex = [
        f"{path.relative_to(KG.parent)}:{block.lineno} {block.name} ({block.complexity})"
        for path, block in functions
        if block.complexity > LIMIT
    ]
    assert too_complex == [], "split these into smaller functions"
