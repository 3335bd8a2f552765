"""Notebooks written for IJava run unchanged: %load without an extension, IJava's runtime API for
renderers, %system, the libraries IJava's class path carried, %maven lines for another DJL."""
import pathlib
import time

import nbformat
import pytest
from nbclient import NotebookClient

from djinn_client import KERNELS, assert_within

HERE = pathlib.Path(__file__).resolve().parent
IJAVA_STYLE = HERE.parent / "notebooks" / "ijava-style"


@pytest.mark.parametrize("kernel_name", KERNELS)
def test_an_ijava_style_notebook_runs_top_to_bottom(kernel_name):
    notebook = nbformat.read(IJAVA_STYLE / "ijava-style.ipynb", as_version=4)
    NotebookClient(notebook, kernel_name=kernel_name, timeout=300,
                   resources={"metadata": {"path": str(IJAVA_STYLE)}}).execute()
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    errors = [(c.source[:60], o.get("evalue")) for c in cells for o in c.outputs if o.output_type == "error"]
    assert not errors, errors

    def result(i):
        found = [o for o in cells[i].outputs if o.output_type == "execute_result"]
        return found[0]["data"] if found else None

    def text(i):
        return "".join(o.get("text", "") for o in cells[i].outputs if o.output_type == "stream")

    setup = text(0)
    assert "Not loaded: ai.djl.mxnet:mxnet-engine is another deep-learning engine" in setup, setup
    assert "ai.djl:api is provided by Djinn" in setup, setup
    assert result(3)["text/plain"] == "9"
    assert result(4)["text/html"] == "<b>21.5 &deg;C</b>", result(4)  # the IJava-registered renderer
    assert result(5)["text/plain"] == "[3, 2, 1]"
    assert result(6)["text/plain"] == "[3, 2, 1]"
    assert text(7) == "hello from the shell\n"
    assert "no GPU here" in text(8) or "NVIDIA" in text(8)
    assert result(9)["text/plain"] == "PyTorch"


def test_an_error_in_loaded_code_names_the_file_and_line(kernel):
    result = kernel.execute(f"%load {IJAVA_STYLE.relative_to(pathlib.Path.cwd())}/utils/broken")
    assert result.status == "error"
    traceback = "\n".join(result.error()["traceback"])
    assert "broken.jsh, line 3" in traceback, traceback
    assert "%load: broken.jsh failed." in result.stderr()
    assert kernel.ok("fine + alsoFine").result_text() == "3", "what ran before the error stays"


def test_a_loaded_notebooks_failing_cell_is_named(kernel, tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("int loadedOk = 1;"),
                      nbformat.v4.new_code_cell("int x = 1;\nthrow new IllegalStateException(\"in the second cell\");")]
    nbformat.write(notebook, tmp_path / "chapter.ipynb")
    result = kernel.execute(f"%load {tmp_path}/chapter")
    assert result.error()["evalue"] == "in the second cell"
    assert "chapter.ipynb, code cell 2, line 2" in "\n".join(result.error()["traceback"])
    assert "stopped at code cell 2 of chapter.ipynb" in result.stderr()


def test_ijavas_runtime_api(kernel):
    kernel.ok("import io.github.spencerpark.ijava.IJava;\nimport io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;")
    result = kernel.ok("IJava.getKernelInstance().getRenderer().createRegistration(tech.tablesaw.plotly.components.Figure.class)\n"
                       "    .preferring(MIMEType.TEXT_HTML).register((f, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML,"
                       " () -> \"<div>cdn chart</div>\"));")
    assert "Note: Djinn draws tech.tablesaw.plotly.components.Figure itself" in result.stdout()
    shown = kernel.ok("new tech.tablesaw.plotly.components.Figure(tech.tablesaw.plotly.components.Layout.builder(\"t\").build(),\n"
                      "    tech.tablesaw.plotly.traces.ScatterTrace.builder(new double[] {1}, new double[] {2}).build())")
    assert "application/vnd.plotly.v1+json" in shown.of_type("execute_result")[0]["content"]["data"]
    rendered = kernel.ok("io.github.spencerpark.ijava.runtime.Display.render(\"<i>x</i>\", \"text/html\").getData(MIMEType.TEXT_HTML)")
    assert rendered.result_text() == "<i>x</i>"
    data = kernel.ok("var dd = new io.github.spencerpark.jupyter.kernel.display.DisplayData(\"plain\");\n"
                     "dd.putHTML(\"<p>html</p>\");\nIJava.getKernelInstance().display(dd);")
    assert data.of_type("display_data")[0]["content"]["data"] == {"text/plain": "plain", "text/html": "<p>html</p>"}
    refused = kernel.execute("IJava.getKernelInstance().getMagics();")
    assert "Djinn runs magics from a cell" in refused.error()["evalue"]


@pytest.mark.timing
def test_system_streams_fails_on_a_bad_status_and_stops_on_interrupt(kernel):
    result = kernel.ok("%system for i in 1 2 3; do echo line $i; sleep 0.3; done")
    streamed = [m["content"]["text"] for m in result.of_type("stream") if m["content"]["name"] == "stdout"]
    assert "".join(streamed) == "line 1\nline 2\nline 3\n"
    assert len(streamed) >= 2, "the lines arrive while the command runs"
    failed = kernel.execute("%exec ls /no/such/place")
    assert failed.status == "error" and "exited with status" in failed.error()["evalue"]
    assert "No such file" in failed.stdout()
    msg_id = kernel.client.execute("%system sleep 60")
    time.sleep(1.5)
    started = time.monotonic()
    kernel.manager.interrupt_kernel()
    stopped = kernel.collect(msg_id, timeout=30)
    assert stopped.status == "error"
    assert_within(time.monotonic() - started, 10, "the interrupted cell", "an interrupt reaches the cell's code")
    assert kernel.ok("1 + 1").result_text() == "2"
