"""The tools a deep-learning user reaches for in IPython, through Jupyter, on every installed JDK: shell magics,
%env, %%writefile, %pwd, and what the session holds: %whos, %who, %summary."""
import os
import re
import threading
import time

import pytest


def test_bash_streams_while_running_sees_env_and_reports_its_status(each_jdk_kernel, tmp_path):
    kernel = each_jdk_kernel
    kernel.ok(f'%env DJINN_TOOLS_DEMO=set by %env')
    started = time.monotonic()
    arrivals = []
    msg_id = kernel.client.execute('%%bash\necho "$DJINN_TOOLS_DEMO"\nsleep 2\necho late >&2')
    result = None
    # The first line arrives while the script still sleeps: it streams, it is not collected at the end.
    while True:
        msg = kernel.client.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            arrivals.append((time.monotonic() - started, msg["content"]["name"], msg["content"]["text"]))
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = kernel.shell_reply(msg_id, time.monotonic() + 30)
    assert reply["content"]["status"] == "ok"
    assert [(name, text) for _, name, text in arrivals] == [("stdout", "set by %env\n"), ("stderr", "late\n")]
    assert arrivals[1][0] - arrivals[0][0] > 1.0, arrivals

    failed = kernel.execute("%%sh\necho partial\nexit 5")
    assert failed.status == "error"
    assert failed.error()["ename"] == "CalledProcessError"
    assert failed.error()["evalue"] == "%%sh: the script exited with status 5."
    assert failed.stdout() == "partial\n"


def test_the_interrupt_button_stops_a_script_and_the_kernel_goes_on(kernel):
    kernel.ok('String keptAcrossTheInterrupt = "kept";')
    msg_id = kernel.client.execute("%%bash\necho started\nsleep 60")
    threading.Timer(1.5, kernel.manager.interrupt_kernel).start()
    result = kernel.collect(msg_id, timeout=30)
    assert result.status == "error" and result.error()["ename"] == "Interrupted", result.error()
    assert result.stdout() == "started\n"
    assert kernel.ok("keptAcrossTheInterrupt").result_text() == "kept"


def test_env_explains_what_a_running_jvm_cannot_see(kernel):
    out = kernel.ok("%env DJINN_TOOLS_LATE=1").stdout()
    assert "System.getenv() in the running runtime keeps its old value" in out
    assert kernel.ok('String.valueOf(System.getenv("DJINN_TOOLS_LATE"))').result_text() == 'null'
    assert kernel.ok("%env DJINN_TOOLS_LATE").stdout() == "1\n"
    assert kernel.execute("%env NOT_SET_ANYWHERE_DJINN").error()["evalue"] == "%env: NOT_SET_ANYWHERE_DJINN is not set"


def test_writefile_then_load_runs_what_was_written(kernel, tmp_path):
    path = tmp_path / "Helpers.jsh"
    out = kernel.ok(f"%%writefile {path}\nint tripled(int x) {{ return 3 * x; }}").stdout()
    assert out == f"Writing {path}\n"
    assert kernel.ok(f"%%writefile -a {path}\nint tripledPlusOne(int x) {{ return tripled(x) + 1; }}").stdout() \
        == f"Appending to {path}\n"
    kernel.ok(f"%load {path}")
    assert kernel.ok("tripledPlusOne(4)").result_text() == "13"
    missing = kernel.execute(f"%%writefile {tmp_path}/no/such/dir/file.txt\nx")
    assert missing.error()["ename"] == "UsageError"
    assert missing.error()["evalue"].startswith("%%writefile: there is no directory")


def test_pwd_is_the_notebooks_directory(kernel):
    shown = kernel.ok("%pwd").stdout().strip()
    assert os.path.isabs(shown)
    assert kernel.ok('System.getProperty("user.dir")').result_text() == shown


def test_whos_and_who_list_variables_as_they_are_now(each_jdk_kernel):
    kernel = each_jdk_kernel
    kernel.ok("var whosArray = manager.ones(new Shape(2, 3));\nint whosCount = 7;\nString whosName = \"n\";")
    arrays = kernel.ok("%whos NDArray").result_text()
    assert "whosArray" in arrays and "(2, 3) float32 cpu, 24 B" in arrays, arrays
    assert "whosCount" not in arrays and "whosName" not in arrays, arrays
    # Re-declared as a String, it is a String now, as the value shown for it is.
    kernel.ok('String whosArray = "replaced";')
    assert "whosArray" not in kernel.ok("%whos NDArray").result_text()
    names = kernel.ok("%who String").result_text().split()
    assert "whosArray" in names and "whosName" in names and "whosCount" not in names, names
    everything = kernel.ok("%whos").result_text()
    assert "manager" in everything and re.search(r"whosCount\s+int\s+7", everything), everything
    assert "$" not in kernel.ok("%who").result_text()


def test_summary_shows_layers_shapes_and_parameters_and_says_what_it_needs(each_jdk_kernel):
    kernel = each_jdk_kernel
    kernel.ok("var summaryNet = new SequentialBlock().add(Blocks.batchFlattenBlock(784))\n"
              "    .add(Linear.builder().setUnits(256).build()).add(Activation.reluBlock())\n"
              "    .add(Linear.builder().setUnits(10).build());")
    needs = kernel.execute("%summary summaryNet")
    assert needs.error()["ename"] == "UsageError", needs.error()
    assert "give the input shape with the batch dimension, as in %summary net --input 1,784" \
        in needs.error()["evalue"]
    text = kernel.ok("%summary summaryNet --input 1,784").result_text()
    assert "Total params: 203,530" in text, text
    assert "02Linear (Linear)" in text and "(1, 256)" in text and "200,960" in text, text
    # Initialized now, it needs no shape; a Model shows its name.
    assert "(1, 10)" in kernel.ok("%summary summaryNet").result_text()
    kernel.ok('Model summaryModel = Model.newInstance("mnist-mlp");\nsummaryModel.setBlock(summaryNet);')
    assert 'Model "mnist-mlp"' in kernel.ok("%summary summaryModel").result_text()
    kernel.ok('String summaryText = "net";')
    wrong = kernel.execute("%summary summaryText")
    assert wrong.error()["evalue"] == "%summary: a String is not a Block or a Model", wrong.error()
    bad_shape = kernel.execute("%summary summaryNet --input 1,x")
    assert bad_shape.error()["evalue"].startswith("%summary: '1,x' is not a shape"), bad_shape.error()
    kernel.ok("summaryModel.close();")


@pytest.mark.parametrize("magic", ["%env", "%pwd", "%%bash", "%%sh", "%%writefile", "%whos", "%who", "%summary"])
def test_each_new_magic_has_help(kernel, magic):
    assert "Usage:" in kernel.ok(f"{magic}?").stdout()


def test_shift_tab_shows_javadoc_of_djl_tablesaw_djinn_and_the_jdk(each_jdk_kernel):
    kernel = each_jdk_kernel

    def shift_tab(code):
        reply = kernel.request("inspect", code, len(code)).reply["content"]
        assert reply["found"], code
        return reply["data"]["text/plain"]

    ones = shift_tab("manager.ones(")
    # The summary sentence, the parameters and what it returns, as text: no {@link ...} or <p> left.
    assert "Creates an instance of NDArray with specified Shape filled with ones." in ones, ones
    assert "Parameters:\n  shape - the Shape of the NDArray" in ones, ones
    assert "Returns:\n  a new instance of NDArray" in ones, ones
    assert "{@" not in ones and "<p>" not in ones, ones
    assert "Returns a new, empty table" in shift_tab("Table.create(")
    assert "A model's or block's layers" in shift_tab("io.djinn.api.Models.summary(")
    jdk = shift_tab('"abc".substring(')
    java_home = kernel.ok('System.getProperty("java.home")').result_text().strip('"')
    if os.environ.get("DJINN_REQUIRE_JDK_SOURCES") == "1" or os.path.exists(os.path.join(java_home, "lib", "src.zip")):
        # .ci/run installs the JDK's sources where the JDK lacks them; elsewhere JShell shows signatures only.
        assert "Returns a string that is a substring of this string." in jdk, jdk
        assert "beginIndex - the beginning index, inclusive." in jdk, jdk
    else:
        assert jdk.startswith("String String.substring(int beginIndex)"), jdk


def test_memory_per_cell_reports_each_cells_change_until_turned_off(each_jdk_kernel):
    kernel = each_jdk_kernel
    assert "From the next cell on" in kernel.ok("%memory --per-cell on").stdout()
    try:
        made = kernel.ok("var perCellArrays = manager.ones(new Shape(256, 1024));").stdout()
        assert re.search(r"^memory: cpu \+1 NDArray \(\+1\.0 MiB\); RSS [+-]", made, re.M), made
        # Declared again as a String, the array nothing reaches any more is closed in that cell.
        freed = kernel.ok('String perCellArrays = "gone";').stdout()
        assert "memory: cpu -1 NDArray (-1.0 MiB)" in freed, freed
    finally:
        kernel.ok("%memory --per-cell off")
    assert "memory:" not in kernel.ok("int perCellQuiet = 1;").stdout()
    bad = kernel.execute("%memory --per-cell maybe")
    assert bad.error()["evalue"] == "%memory: --per-cell takes on or off, not 'maybe'.", bad.error()
