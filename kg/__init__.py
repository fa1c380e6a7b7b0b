"""kg: Chinese government and local news → knowledge graph.

Python API: `kg.load(path)` and `kg.build(paths, city=None, engine="lac", out=None)` return a
`kg.KnowledgeGraph` (see kg/api.py). They are imported on first use, so that `import kg` and the command
line do not pay for pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import KnowledgeGraph, build, load

__all__ = ["KnowledgeGraph", "build", "load"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
