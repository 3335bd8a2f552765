"""Charts, %plot, live training and progress bars through Jupyter."""
import time

import pytest

from djinn_client import KERNELS, Kernel, assert_within

PLOTLY = "application/vnd.plotly.v1+json"

TRAINING_SETUP = """
Engine.getInstance().setRandomSeed(42);
var manager = NDManager.newBaseManager();
var features = manager.randomNormal(new Shape(1024, 8));
var labels = features.sum(new int[] {1}).gt(0).toType(DataType.FLOAT32, false);
ArrayDataset data(int batch) {
    return new ArrayDataset.Builder().setData(features).optLabels(labels).setSampling(batch, true).build();
}
Trainer newTrainer(LiveTraining live) {
    var net = new SequentialBlock().add(Linear.builder().setUnits(16).build()).add(Activation::relu)
        .add(Linear.builder().setUnits(2).build());
    var model = Model.newInstance("mlp");
    model.setBlock(net);
    var trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).addEvaluator(new Accuracy())
        .optOptimizer(Optimizer.adam().build()).addTrainingListeners(TrainingListener.Defaults.basic())
        .addTrainingListeners(live));
    trainer.initialize(new Shape(1, 8));
    return trainer;
}
Trainer liveOnly() {
    var model = Model.newInstance("mlp-live-only");
    model.setBlock(new SequentialBlock().add(Linear.builder().setUnits(16).build()).add(Activation::relu)
        .add(Linear.builder().setUnits(2).build()));
    var trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).addEvaluator(new Accuracy())
        .optOptimizer(Optimizer.adam().build()).addTrainingListeners(LiveTraining.live()));
    trainer.initialize(new Shape(1, 8));
    return trainer;
}
"""


def test_a_tablesaw_figure_is_a_plotly_bundle(fresh_kernel):
    # plotly.js goes into the first chart of a session: this test needs a kernel that has shown none.
    kernel = fresh_kernel
    kernel.ok('var t = Table.create("t", IntColumn.create("epoch", 1, 2, 3), DoubleColumn.create("loss", 0.9, 0.5, 0.3));')
    shown = kernel.ok('LinePlot.create("Loss", t, "epoch", "loss")')
    first = shown.of_type("execute_result")[0]["content"]["data"]
    assert first[PLOTLY]["data"][0]["type"] == "scatter"
    assert first[PLOTLY]["layout"]["title"] == {"text": "Loss"}
    assert first["text/plain"] == 'Figure "Loss": 1 trace'
    assert len(first["text/html"]) < 5_000, "the chart alone"
    # plotly.js comes once, before the session's first chart, in an output of its own: gzipped, base64.
    assert [m["msg_type"] for m in shown.iopub if m["msg_type"] in ("display_data", "execute_result")] == \
        ["display_data", "execute_result"]
    (library,) = shown.plotly_library()
    assert 2_000_000 < len(library["content"]["data"]["text/html"]) < 3_000_000
    again = kernel.ok('Plot.show(ScatterPlot.create("S", t, "epoch", "loss"));')
    second = again.of_type("display_data")[0]["content"]["data"]
    assert len(second["text/html"]) < 5_000 and PLOTLY in second
    assert again.plotly_library() == []


def test_plotly_js_can_be_left_out_of_the_notebook():
    # DJINN_PLOTLY_JS=none: charts are Plotly JSON (and a small HTML stub) only; the committed tutorials use it.
    k = Kernel(KERNELS[0], env={"DJINN_PLOTLY_JS": "none"})
    try:
        k.ok('var t = Table.create("t", IntColumn.create("epoch", 1, 2, 3), DoubleColumn.create("loss", 0.9, 0.5, 0.3));')
        shown = k.ok('LinePlot.create("Loss", t, "epoch", "loss")')
        data = shown.of_type("execute_result")[0]["content"]["data"]
        assert data[PLOTLY]["data"][0]["type"] == "scatter"
        assert len(data["text/html"]) < 5_000
        assert shown.plotly_library() == []
    finally:
        k.shutdown()


CHART_DATA = ('Engine.getInstance().setRandomSeed(3);\nvar m = NDManager.newBaseManager();\n'
              'var h = Table.create("h", IntColumn.create("epoch", 1, 2, 3), DoubleColumn.create("loss", 0.9, 0.5, 0.3));')


def test_plot_magic_kinds(kernel):
    kernel.ok(CHART_DATA)
    line = kernel.ok('%plot line h --x epoch --y loss --title "Loss" --logy').of_type("display_data")[0]["content"]["data"]
    assert line[PLOTLY]["layout"]["yaxis"]["type"] == "log"
    assert line[PLOTLY]["data"][0]["x"] == [1, 2, 3]
    hist = kernel.ok("%plot hist m.randomNormal(new Shape(500)) --bins 10").of_type("display_data")[0]["content"]["data"]
    assert hist[PLOTLY]["data"][0]["type"] == "histogram" and len(hist[PLOTLY]["data"][0]["x"]) == 500
    heat = kernel.ok("%plot heatmap new int[][] {{5, 1}, {2, 7}}").of_type("display_data")[0]["content"]["data"]
    assert heat[PLOTLY]["data"][0]["z"] == [[5, 1], [2, 7]]
    image = kernel.ok("%plot image m.randomUniform(0, 1, new Shape(3, 16, 16))").of_type("display_data")[0]["content"]["data"]
    assert image["image/png"].startswith("iVBORw0KGgo")  # PNG's signature in base64


@pytest.mark.parametrize("code,message", [
    ("%plot line m.ones(new Shape(2, 2))", "line needs 1-D data; got an NDArray of shape (2, 2)"),
    ("%plot line h --x epoch --y nope", "line: no column 'nope' in table h; its columns: epoch, loss"),
    ("%plot pie h", "%plot: start with the kind of chart"),
])
def test_plot_magic_bad_input_is_a_one_line_error(kernel, code, message):
    kernel.ok(CHART_DATA)
    error = kernel.execute(code).error()
    assert error["ename"] == "UsageError"
    assert error["evalue"].startswith(message), error["evalue"]
    assert len(error["traceback"]) == 1


def test_live_training_alone_charts_loss_and_evaluators_per_epoch(kernel):
    # Without TrainingListener.Defaults (whose evaluator listener computes the epoch values), LiveTraining
    # must compute them itself; with it (the test below), it must not count batches twice.
    kernel.ok(TRAINING_SETUP)
    result = kernel.ok("var alone = liveOnly();\nEasyTrain.fit(alone, 2, data(64), data(256));", timeout=300)
    chart_id = next(d for d in result.of_type("display_data") if PLOTLY in d["content"]["data"])["content"]["transient"]["display_id"]
    final = [u for u in result.of_type("update_display_data")
             if u["content"]["transient"]["display_id"] == chart_id][-1]["content"]["data"][PLOTLY]
    traces = {t["name"]: t["y"] for t in final["data"]}
    assert set(traces) == {"train SoftmaxCrossEntropyLoss", "validate SoftmaxCrossEntropyLoss", "train Accuracy",
                           "validate Accuracy"}
    assert all(len(y) == 2 and all(v is not None for v in y) for y in traces.values()), traces
    # Accuracies, not a learning outcome: two epochs from a random start may be worse than chance.
    assert all(0 <= v <= 1 for v in traces["validate Accuracy"] + traces["train Accuracy"]), traces
    table = result.of_type("display_data")[-1]["content"]["data"]["text/plain"]
    assert "training metrics" in table and "validate Accuracy" in table


def test_live_training_updates_one_chart_in_place(kernel):
    kernel.ok(TRAINING_SETUP)
    result = kernel.ok("var trainer = newTrainer(LiveTraining.live(4));\nEasyTrain.fit(trainer, 3, data(64), data(256));",
                       timeout=300)
    displays = result.of_type("display_data")
    progress_id = displays[0]["content"]["transient"]["display_id"]
    chart = next(d for d in displays if PLOTLY in d["content"]["data"])
    chart_id = chart["content"]["transient"]["display_id"]
    updates = result.of_type("update_display_data")
    assert {u["content"]["transient"]["display_id"] for u in updates} == {progress_id, chart_id}
    final_chart = [u for u in updates if u["content"]["transient"]["display_id"] == chart_id][-1]["content"]["data"]
    names = [trace["name"] for trace in final_chart[PLOTLY]["data"]]
    assert {"train SoftmaxCrossEntropyLoss", "validate SoftmaxCrossEntropyLoss", "train Accuracy",
            "validate Accuracy", "train loss (batches)"} <= set(names)
    assert len(final_chart[PLOTLY]["data"][0]["x"]) == 3  # one point per epoch
    final_progress = [u for u in updates if u["content"]["transient"]["display_id"] == progress_id][-1]
    assert final_progress["content"]["data"]["text/plain"].startswith("Trained 3 epochs")
    assert "samples/s on [cpu()]" in final_progress["content"]["data"]["text/plain"]
    table = displays[-1]["content"]["data"]
    assert "training metrics" in table["text/html"] and "validate Accuracy" in table["text/html"]
    assert len(updates) < 60, "bounded update rate"


@pytest.mark.timing
def test_interrupted_training_stops_at_the_next_batch_and_keeps_the_chart(kernel):
    kernel.ok(TRAINING_SETUP)
    msg_id = kernel.client.execute("var slow = newTrainer(LiveTraining.live());\nEasyTrain.fit(slow, 1000, data(8), null);")
    time.sleep(4)
    start = time.monotonic()
    kernel.manager.interrupt_kernel()
    result = kernel.collect(msg_id, timeout=30)
    assert_within(time.monotonic() - start, 2.0, "stopping training", "training stops at the next batch")
    assert result.status == "error" and result.error()["ename"] == "Interrupted"
    progress = [u["content"]["data"]["text/plain"] for u in result.of_type("update_display_data")
                if "Training interrupted" in u["content"]["data"].get("text/plain", "")]
    assert progress, "the progress line says where training stopped"
    # DJL's state is consistent: the same session trains again.
    again = kernel.ok("var next = newTrainer(LiveTraining.live());\nEasyTrain.fit(next, 1, data(64), null);\n"
                      "next.getTrainingResult().getEpoch()", timeout=120)
    assert again.result_text() == "1"


def test_progress_bar_updates_in_place_at_a_bounded_rate(kernel):
    result = kernel.ok("long total = 0;\nfor (int i : progress(3000)) { total += i; Thread.sleep(0, 300_000); }\ntotal",
                       timeout=60)
    displays = result.of_type("display_data")
    updates = result.of_type("update_display_data")
    assert len(displays) == 1
    assert all(u["content"]["transient"]["display_id"] == displays[0]["content"]["transient"]["display_id"]
               for u in updates)
    assert 1 <= len(updates) <= 30, len(updates)  # about a second of work, at most 5 updates a second
    assert updates[-1]["content"]["data"]["text/plain"].startswith("100% 3000/3000")
    assert updates[-1]["content"]["data"]["text/plain"].endswith("done")
    assert result.result_text() == "4498500"


LOGGED_TRAINER = """
Trainer loggedTrainer(TrainingListener... extra) {
    var model = Model.newInstance("mlp-logged");
    model.setBlock(new SequentialBlock().add(Linear.builder().setUnits(16).build()).add(Activation::relu)
        .add(Linear.builder().setUnits(2).build()));
    var trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).addEvaluator(new Accuracy())
        .optOptimizer(Optimizer.adam().build()).addTrainingListeners(TrainingListener.Defaults.logging())
        .addTrainingListeners(extra));
    trainer.initialize(new Shape(1, 8));
    return trainer;
}
"""


def test_djls_console_progress_bar_is_a_display_updated_in_place(each_jdk_kernel):
    kernel = each_jdk_kernel
    result = kernel.ok('var djlBar = new ai.djl.training.util.ProgressBar("Work", 200);\n'
                       'for (int i = 0; i < 200; i++) { djlBar.update(i, "step " + i); Thread.sleep(2); }')
    # DJL prints up to a hundred carriage-return lines per bar; a saved notebook would keep every one.
    assert result.stdout() == "", repr(result.stdout()[:200])
    (shown,) = result.of_type("display_data")
    bar_id = shown["content"]["transient"]["display_id"]
    updates = [u for u in result.of_type("update_display_data") if u["content"]["transient"]["display_id"] == bar_id]
    final = updates[-1]["content"]["data"]["text/plain"]
    assert final.startswith("Work 100% 200/200") and "done" in final and "step 199" in final, final
    # 200 calls: unthrottled that is 200 updates; at 5 a second the loop (0.4 s, longer on a busy machine) makes few.
    assert len(updates) < 60, "at most 5 updates a second"


def test_djls_training_bar_is_quiet_beside_live_training_and_a_display_without(kernel):
    kernel.ok(TRAINING_SETUP)
    kernel.ok(LOGGED_TRAINER)
    live = kernel.ok("EasyTrain.fit(loggedTrainer(LiveTraining.live()), 2, data(64), data(256));", timeout=300)
    assert "Training:" not in live.stdout() and "\r" not in live.stdout(), repr(live.stdout()[:200])
    texts = [d["content"]["data"].get("text/plain", "") for d in live.of_type("display_data")]
    assert not [t for t in texts if t.startswith(("Training ", "Validating "))], texts
    alone = kernel.ok("EasyTrain.fit(loggedTrainer(), 2, data(64), data(256));", timeout=300)
    assert "\r" not in alone.stdout(), repr(alone.stdout()[:200])
    bars = [d["content"]["data"]["text/plain"] for d in alone.of_type("display_data")]
    # One bar per epoch, as DJL prints one line per epoch, each ending complete.
    assert len([t for t in bars if t.startswith("Training ")]) == 2, bars
    finals = {}
    for u in alone.of_type("update_display_data"):
        finals[u["content"]["transient"]["display_id"]] = u["content"]["data"]["text/plain"]
    # DJL counts samples (1,024 an epoch).
    trained = [t for t in finals.values() if t.startswith("Training")]
    assert len(trained) == 2 and all(t.startswith("Training 100% 1024/1024") for t in trained), finals
