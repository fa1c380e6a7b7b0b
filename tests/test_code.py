"""The code stays simple enough to change: no function of kg/ above cyclomatic complexity 15, and the
package's parts import only the parts below them."""

from __future__ import annotations

import json
import re
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


def test_no_name_of_a_person_from_the_pages_is_in_kg() -> None:
    # names come from the model; examples in the code use placeholders (张三, 李四, 王五, 赵六)
    gold = Path(__file__).parent
    names = {
        json.loads(line)["person"]
        for persons in [*gold.glob("real/*/gold/persons.jsonl"), gold / "gold" / "persons.jsonl"]
        for line in persons.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    names = {name for name in names if len(name) >= 3}  # two characters are often words (江河, 华山)
    assert len(names) > 500
    files = [p for p in KG.rglob("*") if p.is_file() and "vendor" not in p.parts and p.suffix in SOURCES]
    found = sorted(
        f"{p.relative_to(KG.parent)}: {name}" for p in files for name in names if name in p.read_text("utf-8")
    )
    assert found == []


SOURCES = {".py", ".txt", ".tsv", ".ttl", ".j2", ".js", ".css"}


# The parts of kg/, lowest first: a part may import kg.model and the parts before it, never one after it
# nor the build service and command line at the top of the package.
PARTS = ("language", "input", "readers", "resolution", "rdf", "explore")
_IMPORT = re.compile(r"^\s*(?:from|import) (kg(?:\.\w+)*)(?: import (\w+))?", re.MULTILINE)


def _part(module: str) -> str | None:
    names = module.split(".")
    if module in ("kg", "kg.model"):
        return None
    return names[1] if len(names) > 1 and names[1] in PARTS else "top"


def test_every_part_imports_only_the_parts_below_it() -> None:
    upward = []
    for part in PARTS:
        for path in sorted((KG / part).rglob("*.py")):
            for module, name in _IMPORT.findall(path.read_text("utf-8")):
                imported = f"kg.{name}" if module == "kg" and name else module  # from kg import state
                target = _part(imported)
                if target == "top" or (target in PARTS and PARTS.index(target) > PARTS.index(part)):
                    upward.append(f"{path.relative_to(KG.parent)} imports {imported}")
    assert upward == []
