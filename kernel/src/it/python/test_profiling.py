"""%time, %%time, %timeit, %%timeit and %%profile through Jupyter, on CPU."""
import json
import re

import pytest

from djinn_client import assert_within

TIME = r"[0-9.]+(e[+-]\d+)? (s|ms|µs|ns)"
TIME_LINES = re.compile(rf"CPU times: user {TIME}, sys: {TIME}, total: {TIME}\nWall time: {TIME}\n")
TIMEIT_LINE = re.compile(rf"{TIME} ± {TIME} per loop \(mean ± std\. dev\. of (?P<runs>\d+) runs?, (?P<loops>[\d,]+) loops? each\)\n")
ARRAYS = ("Engine.getInstance().setRandomSeed(7);\nvar manager = NDManager.newBaseManager();\n"
          "var a = manager.randomNormal(new Shape(128, 128));")


def with_arrays(kernel):
    """Declares manager and a 128x128 array a, which the tests that time array code use."""
    kernel.ok(ARRAYS)
    return kernel


def test_time_a_statement_prints_ipythons_lines_and_shows_the_value(kernel):
    result = with_arrays(kernel).ok("%time a.matMul(a).sum()")
    assert TIME_LINES.search(result.stdout()), result.stdout()
    assert "NDArray () float32" in result.result_text()


@pytest.mark.timing
def test_time_measures_the_code_not_the_compiler(kernel):
    stdout = kernel.ok("%time Thread.sleep(300)").stdout()
    wall = re.search(rf"Wall time: ({TIME})", stdout).group(1)
    value, unit = wall.split()
    seconds = float(value) * {"s": 1, "ms": 1e-3, "µs": 1e-6, "ns": 1e-9}[unit]
    assert seconds >= 0.29, stdout
    assert_within(seconds, 0.6, "%time of a 300 ms sleep", "the wall time is the code's, without compiling")


def test_cell_time_keeps_declarations(kernel):
    result = kernel.ok("%%time\nvar timedSum = 0L;\nfor (int i = 0; i < 1000; i++) timedSum += i;\ntimedSum")
    assert TIME_LINES.search(result.stdout()), result.stdout()
    assert result.result_text() == "499500"
    assert kernel.ok("timedSum * 2").result_text() == "999000"


def test_time_of_a_failing_statement_shows_the_error_and_stops_the_clock(kernel):
    result = kernel.execute('%time Integer.parseInt("not a number")')
    assert result.status == "error"
    assert result.error()["ename"] == "java.lang.NumberFormatException"
    assert TIME_LINES.search(result.stdout()), result.stdout()
    assert TIME_LINES.search(kernel.ok("%time 1 + 1").stdout())


def test_timeit_prints_ipythons_line(kernel):
    stdout = with_arrays(kernel).ok("%timeit -r 3 -n 200 a.add(1).close()").stdout()
    match = TIMEIT_LINE.search(stdout)
    assert match, stdout
    assert match.group("runs") == "3" and match.group("loops") == "200"


def test_timeit_chooses_the_loop_count_itself(kernel):
    stdout = kernel.ok("%timeit -r 2 Thread.sleep(25)", timeout=60).stdout()
    match = TIMEIT_LINE.search(stdout)
    assert match and match.group("loops") == "10", stdout  # 25 ms bodies: 1 loop is short, 10 last 0.25 s


def test_timeit_loop_overhead_is_under_a_microsecond(kernel):
    kernel.ok("%timeit -q -o -r 5 Math.abs(-3)")
    assert kernel.ok("_timeit.best() < 1e-6").result_text() == "true"


def test_timeit_result_is_usable_in_a_later_cell(kernel):
    result = with_arrays(kernel).ok("%timeit -o -r 4 -n 10 a.mul(2).close()")
    assert TIMEIT_LINE.search(result.stdout())
    assert "per loop" in result.result_text()
    assert kernel.ok("_timeit.repeat() + \" \" + _timeit.loops() + \" \" + (_timeit.worst() >= _timeit.best())") \
        .result_text() == "4 10 true"


def test_cell_timeit_with_setup(kernel):
    stdout = with_arrays(kernel).ok("%%timeit -r 2 -n 5 var x = manager.ones(new Shape(32, 32));\ntry (var y = x.matMul(x)) { }").stdout()
    assert TIMEIT_LINE.search(stdout), stdout


def test_timeit_of_code_that_does_not_compile(kernel):
    result = kernel.execute("%timeit undefinedVariable.foo()")
    assert result.status == "error" and result.error()["ename"] == "CompilationError"


def test_timeit_bad_arguments(kernel):
    error = kernel.execute("%timeit -r zero x()").error()
    assert error["ename"] == "UsageError" and "'zero' is not an int" in error["evalue"]


def test_profile_shows_operators_chart_and_a_valid_trace(kernel, tmp_path):
    trace = tmp_path / "trace.json"
    result = with_arrays(kernel).ok(f"%%profile --shapes --memory --top 5 --trace {trace}\n"
                       "for (int i = 0; i < 3; i++) { a.matMul(a).add(1); }")
    displays = result.of_type("display_data")
    table, chart = displays[0]["content"]["data"], displays[1]["content"]["data"]
    assert "aten::mm" in table["text/html"] and "input shapes" in table["text/html"]
    assert "[[128,128],[128,128]]" in table["text/html"]
    assert "NDArrays: 6 created in this cell still open" in table["text/plain"], table["text/plain"]
    assert str(trace) in table["text/plain"]
    figure = chart["application/vnd.plotly.v1+json"]
    assert figure["data"][0]["type"] == "bar" and "aten::mm" in figure["data"][0]["y"]
    assert "text/html" in chart
    events = json.loads(trace.read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    assert any(e.get("name") == "aten::mm" and e.get("ph") == "X" for e in events)


def test_profile_of_a_throwing_cell_reports_and_leaves_the_profiler_off(kernel):
    result = with_arrays(kernel).execute('%%profile\na.add(1).close();\nthrow new IllegalStateException("inside the profile");')
    assert result.status == "error"
    assert result.error()["evalue"] == "inside the profile"
    assert "aten::add" in result.of_type("display_data")[0]["content"]["data"]["text/plain"]
    assert kernel.ok("io.djinn.api.Profiler.running()").result_text() == "false"
    again = kernel.ok("%%profile\na.add(2).close();")
    assert "NDArrays: none created in this cell is still open." in again.of_type("display_data")[0]["content"]["data"]["text/plain"]


def test_lsmagic_lists_the_profiling_magics(kernel):
    out = kernel.ok("%lsmagic").stdout()
    for name in ("%time", "%timeit", "%%time", "%%timeit", "%%profile"):
        assert name in out, out


def trainer(optimizer):
    return f"""Engine.getInstance().setRandomSeed(3);
var stepModel = Model.newInstance("step");
stepModel.setBlock(Linear.builder().setUnits(4).build());
var stepTrainer = stepModel.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer({optimizer}));
stepTrainer.initialize(new Shape(8, 16));
NDArray stepX = stepTrainer.getManager().randomNormal(new Shape(8, 16));
NDArray stepY = stepTrainer.getManager().randomNormal(new Shape(8, 4));
void trainingStep() {{
    try (GradientCollector collector = stepTrainer.newGradientCollector()) {{
        collector.backward(stepTrainer.getLoss().evaluate(new NDList(stepY), stepTrainer.forward(new NDList(stepX))));
    }}
    stepTrainer.step();
}}
trainingStep();"""


def profiled_clones(kernel, trace):
    kernel.ok(f"%%profile --trace {trace}\ntrainingStep();")
    events = json.loads(trace.read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    return sum(1 for e in events if e.get("name") == "aten::clone" and e.get("ph") == "X")


def test_a_training_step_copies_no_gradient_with_sgd_and_each_once_with_adam(kernel, tmp_path):
    """DJL's parameter server copies each gradient before its optimizer copies it again. On one device the
    runtime's agent passes the parameter's own gradient on (SingleDeviceUpdate), which SGD then scales in place
    (InPlaceSgd): no aten::clone at all; Adam's native update still makes its one copy per parameter."""
    kernel.ok(trainer("Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build()"))
    clones = profiled_clones(kernel, tmp_path / "sgd.json")
    assert clones == 0, f"{clones} clones for a weight and a bias with SGD"
    kernel.ok(trainer("Optimizer.adam().build()"))
    clones = profiled_clones(kernel, tmp_path / "adam.json")
    assert clones == 2, f"{clones} clones for a weight and a bias with Adam"


SAME_TRAINING = """float[] trainedParameters(Optimizer optimizer) {
    Engine.getInstance().setRandomSeed(5);
    Model model = Model.newInstance("same");
    model.setBlock(new SequentialBlock().add(Linear.builder().setUnits(8).build()).add(Activation::relu)
            .add(Linear.builder().setUnits(3).build()));
    try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
            .optOptimizer(optimizer))) {
        trainer.initialize(new Shape(16, 5));
        NDArray x = trainer.getManager().randomNormal(new Shape(16, 5));
        NDArray y = trainer.getManager().randomInteger(0, 3, new Shape(16), DataType.INT32).toType(DataType.FLOAT32, false);
        for (int i = 0; i < 20; i++) {
            try (GradientCollector collector = trainer.newGradientCollector()) {
                collector.backward(trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x))));
            }
            trainer.step();
        }
        return model.getBlock().getParameters().values().stream().map(p -> p.getArray().toFloatArray())
                .reduce(new float[0], (a, b) -> { float[] all = Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, all, a.length, b.length); return all; });
    } finally {
        model.close();
    }
}
// A subclass of Sgd is left to DJL's own update by the runtime's agent: the reference.
Sgd.Builder plain() { return Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)); }
Sgd.Builder withMomentum() { return plain().optMomentum(0.9f); }
System.out.println("plain " + Arrays.equals(trainedParameters(plain().build()), trainedParameters(new Sgd(plain()) {})));
System.out.println("momentum " + Arrays.equals(trainedParameters(withMomentum().build()), trainedParameters(new Sgd(withMomentum()) {})));"""


def test_sgd_trains_a_notebook_model_to_djls_own_weights_bit_for_bit(kernel):
    """The agent's in-place SGD update (InPlaceSgd) against DJL's own, which a subclass of Sgd still gets: 20 steps
    of a seeded model from the same start end on the same parameters, bit for bit, with and without momentum."""
    out = kernel.ok(SAME_TRAINING).stdout()
    assert "plain true" in out and "momentum true" in out, out


SCOPED_STEPS = """Engine.getInstance().setRandomSeed(9);
Model scoped = Model.newInstance("scoped");
scoped.setBlock(Linear.builder().setUnits(2).build());
Trainer scopedTrainer = scoped.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(%s));
scopedTrainer.initialize(new Shape(4, 3));
NDArray scopedX = scopedTrainer.getManager().randomNormal(new Shape(4, 3));
NDArray scopedY = scopedTrainer.getManager().randomNormal(new Shape(4, 2));
for (int i = 0; i < 3; i++) {
    try (NDScope scope = new NDScope()) {
        try (GradientCollector collector = scopedTrainer.newGradientCollector()) {
            collector.backward(scopedTrainer.getLoss().evaluate(new NDList(scopedY), scopedTrainer.forward(new NDList(scopedX))));
        }
        scopedTrainer.step();
    }
}
System.out.println("three scoped steps");"""


def test_a_loop_that_scopes_every_step_keeps_its_optimizers_state(kernel):
    """Adam's moments and momentum's velocity are made in the first step; an NDScope around that step closed them
    with it, and the second step failed ("Native resource has been released already"). The runtime's agent keeps
    an optimizer's state out of scopes (OptimizerState)."""
    for optimizer in ("Optimizer.adam().build()",
                      "Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).optMomentum(0.9f).build()"):
        assert "three scoped steps" in kernel.ok(SCOPED_STEPS % optimizer).stdout()
