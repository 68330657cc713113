"""The walkthrough notebook: committed without outputs, free of logic, and runs top to bottom."""

from __future__ import annotations

import ast
import json
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"


def _code_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "code"]


def _tagged(nb: nbformat.NotebookNode, tag: str) -> nbformat.NotebookNode:
    cells = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"expected one cell tagged {tag!r}"
    return cells[0]


def test_notebook_is_valid_and_committed_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    dirty = [i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not dirty, (f"cells {dirty} of {NOTEBOOK.name} have outputs or execution counts; "
                       "clear them before committing: Jupyter's Edit > Clear All Outputs, or "
                       ".venv/bin/python -c 'import kg.notebook.helpers as n; "
                       "n.clear_outputs(\"notebooks/walkthrough.ipynb\")'")
    assert all("execution" not in c.get("metadata", {}) for c in nb.cells)


def test_clear_outputs_restores_the_committed_notebook(tmp_path: Path) -> None:
    from kg.notebook.helpers import clear_outputs

    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="x")]
    nb.cells[1].execution_count = 1
    copy = tmp_path / "w.ipynb"
    nbformat.write(nb, copy)
    assert clear_outputs(copy)
    assert nbformat.read(copy, as_version=4) == nbformat.read(NOTEBOOK, as_version=4)


def test_notebook_holds_no_logic_of_its_own() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for c in _code_cells(nb):
        tree = ast.parse(c.source)
        defs = [n for n in ast.walk(tree) if isinstance(
            n, ast.FunctionDef | ast.ClassDef | ast.Lambda | ast.For | ast.While
            | ast.ListComp | ast.DictComp | ast.SetComp | ast.GeneratorExp)]
        assert not defs, f"a notebook cell defines logic; move it into kg:\n{c.source}"


@pytest.mark.model
@pytest.mark.slow
def test_notebook_runs_top_to_bottom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nbclient import NotebookClient

    # A copy of the repository's layout: the notebook finds ../seeds and writes ../out, and
    # there is no ../../shared, as in CI, so the Reuters step must skip itself.
    (tmp_path / "notebooks").mkdir()
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "import json, sys\n"
        "print(json.dumps({'python': sys.executable, 'meetings': "
        "meetings[['participants', 'status', 'place', 'time']].values.tolist()}))"))
    # A kernelspec of our own, first on JUPYTER_PATH, so that the kernel is this interpreter
    # (.venv's) even when the user has another "python3" kernel installed.
    spec = tmp_path / "jupyter" / "kernels" / "kg-test-python"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "kg test", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    client = NotebookClient(nb, kernel_name="kg-test-python", timeout=600,
                            resources={"metadata": {"path": str(tmp_path / "notebooks")}})
    client.execute()

    facts = json.loads(nb.cells[-1].outputs[0]["text"])
    assert Path(facts["python"]).resolve() == Path(sys.executable).resolve()

    meetings = {frozenset(p): (status, place, time) for p, status, place, time in facts["meetings"]}
    assert len(meetings) == 3, facts["meetings"]

    def find(*names: str) -> tuple[str, str | None, str | None]:
        hits = [v for k, v in meetings.items()
                if len(k) == len(names) and all(any(n in p for p in k) for n in names)]
        assert len(hits) == 1, f"no single meeting of {names} in {facts['meetings']}"
        return hits[0]

    assert find("Putin", "Witkoff") == ("planned", "Moscow", "Tuesday")
    assert find("Zelensky", "Macron") == ("happened", "Paris", "Monday")
    status, place, _ = find("American", "Ukrainian")
    assert (status, place) == ("happened", "Miami")

    meetings_html = "".join(o.get("data", {}).get("text/html", "")
                            for o in _tagged(nb, "meetings").outputs)
    assert "Witkoff" in meetings_html and "<table" in meetings_html

    map_html = "".join(o.get("data", {}).get("text/html", "") for o in _tagged(nb, "map").outputs)
    assert map_html.startswith("<iframe srcdoc=") and "vis-network" in map_html

    for name in ("walkthrough.trig", "walkthrough.jsonld", "walkthrough.graphml"):
        assert (tmp_path / "out" / name).stat().st_size > 0
    assert not (tmp_path / "out" / "reuters-slice.jsonl").exists()
