"""Charts drawn in a real browser, offline: JupyterLab 4 and Notebook 7 (pip), Debian's chromium driven
by Playwright, every request that is not to the local Jupyter server aborted. Screenshots are kept in
kernel/target/browser-artifacts."""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest
from nbclient import NotebookClient

from djinn_client import KERNELS

CHROMIUM = os.environ.get("DJINN_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = os.path.join(os.path.dirname(__file__), "..", "..", "..", "target", "browser-artifacts")
TOKEN = "djinn-browser-test"

if not os.path.exists(CHROMIUM):
    if os.environ.get("DJINN_REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing and DJINN_REQUIRE_BROWSER is set (apt-get install chromium)")
    pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402

CHART_CELLS = [
    'var t = Table.create("t", IntColumn.create("epoch", 1, 2, 3, 4),\n'
    '    DoubleColumn.create("loss", 0.9, 0.5, 0.3, 0.2), DoubleColumn.create("accuracy", 0.5, 0.7, 0.8, 0.85));',
    'LinePlot.create("Loss", t, "epoch", "loss")',
    'Plot.show(ScatterPlot.create("Accuracy", t, "epoch", "accuracy"));',
]
EXPECTED_TRACES = 2  # one per chart


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    os.makedirs(ARTIFACTS, exist_ok=True)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield instance
        instance.close()


def start_server(root, config_dir, plotly_renderer):
    os.makedirs(os.path.join(config_dir, "labconfig"), exist_ok=True)
    with open(os.path.join(config_dir, "labconfig", "page_config.json"), "w") as f:
        # Plotly's mime renderer is a plugin of its own: disabling the package alone leaves it active.
        disabled = {} if plotly_renderer else {"jupyterlab-plotly": True, "@jupyterlab/plotly-extension:factory": True}
        json.dump({"disabledExtensions": disabled}, f)
    # JupyterLab 4 renders a notebook's cells lazily ("windowing"): after a reload a chart cell below the first
    # screen may never be drawn in a headless page (a fresh-clone run drew 1 of 2). Every cell renders here.
    tracker = os.path.join(config_dir, "lab", "user-settings", "@jupyterlab", "notebook-extension")
    os.makedirs(tracker, exist_ok=True)
    with open(os.path.join(tracker, "tracker.jupyterlab-settings"), "w") as f:
        json.dump({"windowingMode": "none"}, f)
    port = free_port()
    env = {**os.environ, "JUPYTER_CONFIG_DIR": config_dir}
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={root}", "--allow-root",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"] + (["--log-level=DEBUG"] if os.environ.get("DJINN_SERVER_DEBUG") else []),
        env=env, stdout=subprocess.DEVNULL, stderr=open(os.path.join(root, "server.log"), "w"))
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=1)
            return process, base
        except Exception:
            time.sleep(0.5)
    process.kill()
    raise RuntimeError("jupyter lab did not start: " + open(os.path.join(root, "server.log")).read()[-2000:])


def offline_page(browser, allowed_prefix):
    # Tall enough for every chart: JupyterLab renders outputs outside the viewport lazily.
    context = browser.new_context(viewport={"width": 1280, "height": 2400})
    blocked = []

    def route(r):
        if r.request.url.startswith(allowed_prefix) or r.request.url.startswith("data:"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return context, context.new_page(), blocked


def write_notebook(path, cells=CHART_CELLS):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": KERNELS[0], "display_name": "Djinn", "language": "java"}})
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(nb, path)


def library_outputs(notebook):
    """The outputs carrying plotly.js, as (cell index, output index)."""
    return [(i, j) for i, c in enumerate(notebook.cells) for j, o in enumerate(c.get("outputs", []))
            if "djinn-plotly-library" in o.get("data", {}).get("text/html", "")]


def chart_outputs(notebook):
    return sum(1 for c in notebook.cells for o in c.get("outputs", [])
               if 'class="djinn-plotly"' in o.get("data", {}).get("text/html", ""))


def count_charts(page, expected, artifact, timeout=90):
    """Charts that plotly.js drew from their HTML (a drawn chart's box has an SVG); a screenshot is kept."""
    # Each chart has two or three main-svg layers: count the boxes that have any (counting layers let the wait
    # end with one chart of two drawn).
    drawn = ("Array.from(document.querySelectorAll('.djinn-plotly.js-plotly-plot'))"
             ".filter(e => e.querySelector('.main-svg')).length")
    path = os.path.join(ARTIFACTS, artifact + ".png")
    deadline = time.monotonic() + timeout
    while True:
        page.screenshot(path=path, full_page=True)
        count = page.evaluate(drawn)
        if count == expected or time.monotonic() > deadline:
            return count
        time.sleep(1)


def export_and_count(browser, notebook_path, artifact, expected):
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", str(notebook_path)],
                   check=True, capture_output=True)
    context, page, blocked = offline_page(browser, "file://")
    page.goto(f"file://{notebook_path.with_suffix('.html')}")
    try:
        return count_charts(page, expected, artifact, timeout=30)
    finally:
        context.close()


def count_traces(page, artifact, timeout=90):
    """The chart traces drawn as SVG; a screenshot is kept either way. Lab renders outputs when they
    become visible, which a headless page only notices when it paints: each poll takes a screenshot."""
    selector = ".js-plotly-plot .scatterlayer .trace"
    path = os.path.join(ARTIFACTS, artifact + ".png")
    deadline = time.monotonic() + timeout
    while True:
        page.screenshot(path=path)
        count = page.locator(selector).count()
        # Exactly: while an output area re-renders, a chart can briefly be in the page twice (a fresh-clone run
        # counted 4 of 2 with a cell still running); a count that stays wrong still fails at the deadline.
        if count == EXPECTED_TRACES or time.monotonic() > deadline:
            return count
        time.sleep(1)


def wait_for_idle_kernel(page):
    # Lab ignores a run before its kernel is ready: wait for the status bar's "Idle".
    page.wait_for_function("Array.from(document.querySelectorAll('.jp-StatusBar-TextItem'))"
                           ".some(e => e.textContent.includes('| Idle'))", timeout=120_000)


def run_all_cells(page, cells=len(CHART_CELLS)):
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    wait_for_idle_kernel(page)
    page.locator(".jp-Cell").first.click()
    for _ in range(cells):
        page.keyboard.press("Shift+Enter")
        time.sleep(0.3)


def assert_plotly_renderer_outputs(page, artifact):
    """A saved notebook under jupyterlab-plotly: each chart shows live traces or the PNG snapshot that
    the renderer saved into the notebook."""
    shown = "document.querySelectorAll('.jp-RenderedPlotly .scatterlayer, .jp-RenderedPlotly img.plot-img').length"
    deadline = time.monotonic() + 90
    while page.evaluate(shown) < EXPECTED_TRACES and time.monotonic() < deadline:
        page.screenshot(path=os.path.join(ARTIFACTS, artifact + ".png"))
        time.sleep(1)
    page.screenshot(path=os.path.join(ARTIFACTS, artifact + ".png"))
    assert page.evaluate(shown) == EXPECTED_TRACES, artifact


def save_notebook(page):
    page.locator("[data-command='docmanager:save']").first.click()
    page.wait_for_function("document.querySelector('.lm-TabBar-tab.jp-mod-dirty') === null", timeout=60_000)


def renderer_used(page):
    """'html' when our offline fallback drew the chart, 'plotly-mime' when the Plotly renderer did."""
    return "html" if page.locator(".djinn-plotly.js-plotly-plot").count() else "plotly-mime"


@pytest.mark.parametrize("plotly_renderer", [False, True], ids=["html-fallback", "plotly-renderer"])
def test_charts_in_jupyterlab_notebook7_a_reload_and_nbconvert(browser, tmp_path, plotly_renderer):
    name = "fallback" if not plotly_renderer else "renderer"
    root = tmp_path / "root"
    root.mkdir()
    write_notebook(root / "charts.ipynb")
    process, base = start_server(str(root), str(tmp_path / "config"), plotly_renderer)
    try:
        context, page, blocked = offline_page(browser, base)
        page.goto(f"{base}/lab/tree/charts.ipynb?token={TOKEN}")
        run_all_cells(page)
        assert count_traces(page, f"lab-{name}") == EXPECTED_TRACES
        assert renderer_used(page) == ("plotly-mime" if plotly_renderer else "html"), page.evaluate(
            "Array.from(document.querySelectorAll('.js-plotly-plot')).map(e => e.className + ' < '"
            " + e.parentElement.className + ' < ' + e.parentElement.parentElement.className)")
        save_notebook(page)

        page.reload()
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        if plotly_renderer:
            assert_plotly_renderer_outputs(page, f"lab-{name}-reopened")
        else:
            assert count_traces(page, f"lab-{name}-reopened") == EXPECTED_TRACES, "charts after reopening"
        context.close()

        context, page, blocked7 = offline_page(browser, base)
        page.goto(f"{base}/notebooks/charts.ipynb?token={TOKEN}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        if plotly_renderer:
            assert_plotly_renderer_outputs(page, f"notebook7-{name}")
        else:
            assert count_traces(page, f"notebook7-{name}") == EXPECTED_TRACES, "charts in Notebook 7"
        context.close()
        assert not [u for u in blocked + blocked7 if "plot" in u.lower()], "plotly must never come from the network"

        saved = nbformat.read(root / "charts.ipynb", as_version=4)
        assert len(library_outputs(saved)) == 1, "one copy of plotly.js"
        assert (root / "charts.ipynb").stat().st_size < 4_000_000
        if not plotly_renderer:
            subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", str(root / "charts.ipynb")],
                           check=True, capture_output=True)
            context, page, _ = offline_page(browser, "file://")
            page.goto(f"file://{root / 'charts.html'}")
            assert count_traces(page, "nbconvert-html") == EXPECTED_TRACES, "charts in nbconvert's HTML export"
            context.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
        if os.path.exists(root / "server.log"):
            shutil.copy(root / "server.log", os.path.join(ARTIFACTS, f"server-{name}.log"))


# The order of outputs that lost the library before: the first chart updated in place (updateDisplay, live
# training), then its cell cleared and re-run without a chart.
SURVIVAL_CELLS = [
    "var wx = new double[] {1, 2, 3, 4};\nvar wy = new double[] {3, 1, 4, 1};",
    'String id = display(new Figure(Layout.builder("one").build(), ScatterTrace.builder(wx, wy).build()));\n'
    'updateDisplay(id, new Figure(Layout.builder("one, updated").build(), ScatterTrace.builder(wx, wy).build()));',
    "%plot line wy --title two",
    "Engine.getInstance().setRandomSeed(1);\n"
    "var data = new ArrayDataset.Builder().setData(manager.randomNormal(new Shape(64, 4)))\n"
    "    .optLabels(manager.randomNormal(new Shape(64, 1))).setSampling(16, false).build();\n"
    'var tiny = Model.newInstance("tiny");\ntiny.setBlock(Linear.builder().setUnits(1).build());\n'
    "var trainer = tiny.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).addTrainingListeners(LiveTraining.live()));\n"
    "trainer.initialize(new Shape(1, 4));\nEasyTrain.fit(trainer, 2, data, null);",
]
# Cell 1 again: it shows a chart, clears its outputs, and ends with text.
CLEARED_CELL = ('display(new Figure(Layout.builder("gone").build(), ScatterTrace.builder(wx, wy).build()));\n'
                'clearOutput();\nSystem.out.println("cleared");')


def replace_cell_and_run(page, index, code):
    cell = page.locator(".jp-Notebook .jp-CodeCell").nth(index)
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)
    page.keyboard.press("Control+Enter")
    cell.locator(".jp-OutputArea-output", has_text="cleared").wait_for(timeout=60_000)
    wait_for_idle_kernel(page)


def test_charts_survive_updates_clears_and_reruns_saving_and_export(browser, tmp_path):
    """JupyterLab without plotly's extension (the HTML draws), then the saved notebook reopened, in Notebook 7,
    and exported by nbconvert: every chart still showing draws, from one copy of plotly.js."""
    root = tmp_path / "root"
    root.mkdir()
    write_notebook(root / "survival.ipynb", SURVIVAL_CELLS)
    process, base = start_server(str(root), str(tmp_path / "config"), plotly_renderer=False)
    try:
        context, page, blocked = offline_page(browser, base)
        page.goto(f"{base}/lab/tree/survival.ipynb?token={TOKEN}")
        run_all_cells(page, len(SURVIVAL_CELLS))
        page.locator(".jp-Notebook .jp-CodeCell").nth(3).locator(".js-plotly-plot").first.wait_for(timeout=120_000)
        wait_for_idle_kernel(page)
        assert count_charts(page, 3, "survival-lab") == 3, "updated chart, %plot, live training"
        replace_cell_and_run(page, 1, CLEARED_CELL)
        assert count_charts(page, 2, "survival-lab-rerun") == 2
        save_notebook(page)

        page.reload()
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        assert count_charts(page, 2, "survival-lab-reopened") == 2, "after reopening"
        context.close()

        context, page, blocked7 = offline_page(browser, base)
        page.goto(f"{base}/notebooks/survival.ipynb?token={TOKEN}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        assert count_charts(page, 2, "survival-notebook7") == 2, "in Notebook 7"
        context.close()
        assert not [u for u in blocked + blocked7 if "plot" in u.lower()], "plotly must never come from the network"
    finally:
        process.terminate()
        process.wait(timeout=30)

    saved = nbformat.read(root / "survival.ipynb", as_version=4)
    assert chart_outputs(saved) == 2
    assert [cell for cell, _ in library_outputs(saved)] == [1], "one copy, in the re-run cell that removed the first"
    assert (root / "survival.ipynb").stat().st_size < 4_000_000
    assert export_and_count(browser, root / "survival.ipynb", "survival-nbconvert", 2) == 2, "nbconvert's HTML export"


def test_a_tutorial_run_headless_draws_every_chart_in_its_html_export(browser, tmp_path, monkeypatch):
    """Tutorial 4 executed as `./djinn.sh execute` does (default settings): its first chart is the live training
    chart, updated in place; every chart of the saved notebook draws in nbconvert's HTML, offline."""
    monkeypatch.setenv("DJINN_TUTORIAL_QUICK", "true")
    tutorial = pathlib.Path(__file__).parents[4] / "notebooks" / "04-first-network-digits.ipynb"
    notebook = nbformat.read(tutorial, as_version=4)
    NotebookClient(notebook, kernel_name=KERNELS[0], timeout=600,
                   resources={"metadata": {"path": str(tutorial.parent)}}).execute()
    saved = tmp_path / "04.ipynb"
    nbformat.write(notebook, saved)
    charts = chart_outputs(notebook)
    assert charts >= 2, "the live training chart and the confusion matrix"
    assert len(library_outputs(notebook)) == 1
    assert saved.stat().st_size < 4_000_000, saved.stat().st_size
    assert export_and_count(browser, saved, "tutorial-04-nbconvert", charts) == charts
