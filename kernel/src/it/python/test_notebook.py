"""nbclient executes notebooks headless with the built kernel."""
import os

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from djinn_client import KERNELS

HERE = os.path.dirname(__file__)


def execute(path, timeout=300):
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, kernel_name=KERNELS[0], timeout=timeout,
                   resources={"metadata": {"path": os.path.dirname(path)}}).execute()
    return notebook


def outputs(cell, output_type):
    return [o for o in cell.outputs if o.output_type == output_type]


def test_conformance_notebook():
    nb = execute(os.path.join(HERE, "..", "notebooks", "conformance.ipynb"))
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not outputs(c, "error") for c in code)
    streams = {o.name: o.text for o in outputs(code[0], "stream")}
    assert streams == {"stdout": "hello from stdout\n", "stderr": "hello from stderr\n"}
    ndarray = outputs(code[1], "execute_result")[0].data
    assert "(2, 3)" in ndarray["text/plain"] and "text/html" in ndarray
    assert outputs(code[2], "execute_result")[0].data["text/plain"] == "15.0"
    displays = outputs(code[3], "display_data")
    assert displays[0].data["text/html"] == "<b>bold</b>"
    # nbclient applies update_display_data to the output it names
    assert displays[1].data["text/plain"] == "second"
    assert "<table>" in outputs(code[4], "execute_result")[0].data["text/html"]
    assert "%maven" in outputs(code[5], "stream")[0].text
    assert outputs(code[6], "execute_result")[0].data["text/plain"] == "1"
    assert outputs(code[7], "execute_result")[0].data["text/plain"] == "6765"


def test_a_failing_cell_stops_the_notebook(tmp_path):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": KERNELS[0], "display_name": "Djinn"}})
    nb.cells = [nbformat.v4.new_code_cell('throw new IllegalArgumentException("stop here");'),
                nbformat.v4.new_code_cell('System.out.println("never");')]
    path = tmp_path / "failing.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(CellExecutionError) as raised:
        execute(str(path))
    assert "stop here" in str(raised.value)
