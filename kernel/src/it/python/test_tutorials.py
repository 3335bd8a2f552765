"""Every tutorial in notebooks/ runs top to bottom, headless, with the built kernel, and then again in the
same kernel, as a person re-runs a notebook: every code cell once more, in order.

CI runs them shortened (DJINN_TUTORIAL_QUICK=true: fewer epochs, smaller size sweeps; the same code
paths). The budget for the first runs of the whole set is 15 minutes on 2 cores; each run's times are
written to kernel/target/tutorials/timings.json. The committed copies must carry the outputs of a
full-length run.
"""
import json
import pathlib
import time

import nbformat
import pytest
from nbclient import NotebookClient

from djinn_client import KERNELS, assert_within

ROOT = pathlib.Path(__file__).resolve().parents[4]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
RESULTS = ROOT / "kernel" / "target" / "tutorials"
BUDGET_SECONDS = 15 * 60
timings = {}


def code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def text_of(cell):
    parts = []
    for output in cell.outputs:
        parts.append(output.get("text", ""))
        parts.append(output.get("data", {}).get("text/plain", ""))
    return "".join(parts)


def test_the_tutorials_are_the_eight_the_course_names():
    assert [p.name[:2] for p in NOTEBOOKS] == [f"{i:02d}" for i in range(1, 9)], [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_tutorial_carries_the_outputs_of_a_full_run(path):
    notebook = nbformat.read(path, as_version=4)
    cells = code_cells(notebook)
    assert notebook.metadata.kernelspec.name == "djinn"
    # Run top to bottom in one session: execution counts 1, 2, 3, ... in cell order.
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1)), path.name
    assert not [o for c in cells for o in c.outputs if o.output_type == "error"], path.name
    ran_on = text_of(cells[0])
    assert ran_on.startswith("Ran on: "), ran_on
    assert "quick run" not in ran_on, f"{path.name} was committed from a shortened run"
    # Run with DJINN_PLOTLY_JS=none: plotly.js (2.7 MB) is not in the repository eight times.
    assert path.stat().st_size < 1_000_000, f"{path.name}: {path.stat().st_size} bytes"


OPEN_ARRAYS = "io.djinn.api.LiveArrays.snapshot().count()"


def shape_of(cell):
    """What a cell showed, without the values (timings and ids differ between runs), and without the output
    carrying plotly.js, which the kernel moves to the end of a re-run cell (the page already has the library)."""
    return [(o.output_type, o.get("name") or tuple(sorted(o.get("data", {})))) for o in cell.outputs
            if "djinn-plotly-library" not in o.get("data", {}).get("text/html", "")]


def run_every_code_cell(client, notebook):
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            cell.outputs = []
            client.execute_cell(cell, index)
    errors = [(c.source[:80], o.get("ename"), o.get("evalue")) for c in code_cells(notebook)
              for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    # stderr is where a warning or a swallowed failure would show.
    stderr = [(c.source[:80], o.text) for c in code_cells(notebook) for o in c.outputs
              if o.output_type == "stream" and o.name == "stderr"]
    assert not stderr, stderr


def open_arrays(client, notebook):
    probe = nbformat.v4.new_code_cell(OPEN_ARRAYS)
    notebook.cells.append(probe)
    try:
        client.execute_cell(probe, len(notebook.cells) - 1, store_history=False)
    finally:
        notebook.cells.pop()
    return int(probe.outputs[0]["data"]["text/plain"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_tutorial_runs_top_to_bottom_and_again_in_the_same_kernel(path, monkeypatch):
    monkeypatch.setenv("DJINN_TUTORIAL_QUICK", "true")
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, kernel_name=KERNELS[0], timeout=600,
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel():
        started = time.monotonic()
        run_every_code_cell(client, notebook)
        timings[path.stem] = round(time.monotonic() - started, 1)
        assert "quick run" in text_of(code_cells(notebook)[0])
        first_shapes = [shape_of(c) for c in code_cells(notebook)]
        first_arrays = open_arrays(client, notebook)

        run_every_code_cell(client, notebook)
        assert [shape_of(c) for c in code_cells(notebook)] == first_shapes
        # Re-running frees what it replaced; only a cell whose value is an NDArray keeps one more, in its
        # result variable, as IPython's Out does.
        kept_results = sum(1 for c in code_cells(notebook) for o in c.outputs if o.output_type == "execute_result"
                           and o.data.get("text/plain", "").startswith("NDArray "))
        assert open_arrays(client, notebook) <= first_arrays + kept_results


@pytest.mark.timing
def test_the_set_stays_within_its_ci_budget():
    if len(timings) < len(NOTEBOOKS):
        pytest.skip("the tutorials did not all run in this session")
    RESULTS.mkdir(parents=True, exist_ok=True)
    total = round(sum(timings.values()), 1)
    (RESULTS / "timings.json").write_text(json.dumps({"seconds": timings, "total": total,
                                                      "budget": BUDGET_SECONDS}, indent=2) + "\n")
    assert_within(total, BUDGET_SECONDS, f"the tutorials ({timings})", "the whole set fits its share of the CI time")
