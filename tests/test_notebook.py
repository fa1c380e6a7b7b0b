"""notebooks/explore.ipynb runs from top to bottom (with nbclient, offline), so it never rots."""

from __future__ import annotations

import json
import sys

import nbformat
from nbclient import NotebookClient

from .conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def _text(output) -> str:
    if output.output_type == "stream":
        return output.text
    return "".join(str(value) for value in output.get("data", {}).values())


def test_explore_notebook_runs(seeds_out, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KG_OUT", str(seeds_out))  # the kernel inherits it: load the session's build
    # The kernel runs this interpreter, whatever other `python3` kernels the machine has installed
    # (JUPYTER_PATH comes first when kernels are looked up).
    spec = tmp_path / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "kg", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells), "commit the notebook without outputs"
    NotebookClient(
        notebook, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()  # raises CellExecutionError, with the cell and its traceback, if any cell fails
    outputs = [_text(o) for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    text = "\n".join(outputs)
    assert f"triples in {seeds_out}" in text
    assert "常务副市长" in text  # the posts table
    assert "betweenness" in text and "officials" in text  # the ranking
    assert "relations around" in text  # pyvis: one official's neighbourhood
    neighbourhood = notebook.cells[-3].outputs[-1].data["text/html"]
    assert neighbourhood.startswith("<iframe srcdoc=") and "vis-network" in neighbourhood
    view = notebook.cells[-1].outputs[-1].data["text/html"]  # the HTML view, the page inline
    assert view.startswith("<iframe srcdoc=") and "vis-network" in view
