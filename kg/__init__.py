"""kg: Chinese government and local news → knowledge graph.

Python API: `kg.load(path)` and `kg.build(paths, city=None, engine="lac", out=None)` return a
`kg.KnowledgeGraph` (see kg/api.py). They are imported on first use, so that `import kg` and the command
line do not pay for pandas.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph, build, load

try:
    __version__ = version("kg")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["KnowledgeGraph", "build", "load", "__version__"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
