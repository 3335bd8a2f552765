"""Execution semantics: ordering, stop_on_error, JShell pitfalls, preloads."""
import time

import pytest

from djinn_client import assert_within


def test_first_tensor_op_needs_no_maven_line(kernel):
    result = kernel.ok("var manager = NDManager.newBaseManager();\nmanager.randomNormal(new Shape(2, 3))")
    data = result.of_type("execute_result")[0]["content"]["data"]
    assert "(2, 3)" in data["text/plain"] and "float32" in data["text/plain"] and "cpu()" in data["text/plain"]
    assert "<pre>" in data["text/html"] and "device" in data["text/html"]


def test_tablesaw_table_renders_as_html(kernel):
    result = kernel.ok(
        'var t = Table.create("scores", IntColumn.create("epoch", IntStream.range(0, 20).toArray()),\n'
        '    DoubleColumn.create("loss", IntStream.range(0, 20).mapToDouble(i -> 1.0 / (i + 1)).toArray()));\n'
        "t")
    data = result.of_type("execute_result")[0]["content"]["data"]
    html = data["text/html"]
    assert "<table>" in html and "epoch" in html and "loss" in html
    assert "20 rows × 2 columns" in html
    assert "<th>19</th>" in html and "<th>10</th>" not in html  # first and last rows only
    assert "scores" in data["text/plain"]


def test_stop_on_error_aborts_the_queued_cells(kernel):
    client = kernel.client
    failing = client.execute('throw new RuntimeException("first fails");')
    queued = [client.execute('System.out.println("must not run");') for _ in range(3)]
    first = kernel.collect(failing)
    assert first.status == "error"
    for msg_id in queued:
        result = kernel.collect(msg_id)
        assert result.status == "aborted"
        assert "must not run" not in result.stdout()
    assert kernel.ok("1 + 1").result_text() == "2"


def test_without_stop_on_error_queued_cells_run(kernel):
    client = kernel.client
    failing = client.execute('throw new RuntimeException("fails");', stop_on_error=False)
    queued = client.execute('System.out.println("runs anyway");')
    assert kernel.collect(failing).status == "error"
    assert kernel.collect(queued).stdout() == "runs anyway\n"


def test_variable_survives_a_later_import(kernel):
    kernel.ok("int kept = 42;")
    kernel.ok("import java.util.concurrent.atomic.AtomicLong;")
    kernel.ok("// a comment first\nimport java.util.concurrent.atomic.AtomicInteger;")
    assert kernel.ok("kept").result_text() == "42"


@pytest.mark.timing
def test_redefining_a_method_signature_does_not_hang(kernel):
    kernel.ok("int twice(int x) { return 2 * x; }")
    assert kernel.ok("twice(4)").result_text() == "8"
    start = time.monotonic()
    kernel.ok("long twice(long x, long y) { return 2 * x + y; }", timeout=30)
    kernel.ok("String twice(String s) { return s + s; }", timeout=30)
    assert_within(time.monotonic() - start, 20, "two overloads of a method",
                  "re-declaring a method recompiles only its dependants, not the whole session")
    assert kernel.ok('twice("ab")').result_text() == "abab"
    assert kernel.ok("twice(4)").result_text() == "8"


def test_a_cell_with_several_snippets_shows_the_last_value(kernel):
    result = kernel.ok("int a = 2;\nint b = 3;\na * b")
    assert result.result_text() == "6"


def test_arrays_show_their_contents(kernel):
    assert kernel.ok("new int[] {1, 2, 3}").result_text() == "[1, 2, 3]"


def test_execution_count_increments(kernel):
    first = kernel.ok("1").reply["content"]["execution_count"]
    second = kernel.ok("2").reply["content"]["execution_count"]
    assert second == first + 1


def test_unresolved_method_is_reported(kernel):
    result = kernel.ok("int usesLater() { return notYetDeclared * 2; }")
    assert "notYetDeclared" in result.stderr()
    kernel.ok("int notYetDeclared = 21;")
    assert kernel.ok("usesLater()").result_text() == "42"


@pytest.mark.timing
def test_kernel_answers_while_a_cell_runs(kernel):
    kernel.ok("1 + 1")  # the runtime is up: what follows times answers during a cell, not the runtime's start
    client = kernel.client
    running = client.execute("Thread.sleep(3000);")
    time.sleep(0.5)
    start = time.monotonic()
    info = kernel.request("kernel_info", timeout=5)
    completion = kernel.request("complete", "Strin", 5, timeout=5)
    inspection = kernel.request("inspect", "String", 6, timeout=5)
    elapsed = time.monotonic() - start
    assert info.reply["content"]["status"] == "ok"
    assert "String" in completion.reply["content"]["matches"]
    assert inspection.reply["content"]["found"]
    assert_within(elapsed, 2.0, "kernel_info, complete and inspect while a cell runs",
                  "the shell is answered at once, not after the cell")
    assert kernel.collect(running).status == "ok"


def test_the_first_completion_of_a_session_waits_for_the_runtime(fresh_kernel):
    # Sent as soon as the kernel answers, while its runtime JVM still starts: not an empty list.
    completion = fresh_kernel.request("complete", "Strin", 5, timeout=30)
    assert "String" in completion.reply["content"]["matches"], completion.reply["content"]


def test_ijava_environment_variables(tmp_path):
    """DJINN_*/IJAVA_* variables: startup scripts, startup code and extra classpath, in every new runtime."""
    import subprocess
    from djinn_client import KERNELS, Kernel
    source = tmp_path / "src" / "envdemo" / "Hello.java"
    source.parent.mkdir(parents=True)
    source.write_text("package envdemo; public class Hello { public static String hi() { return \"from classpath\"; } }")
    subprocess.run(["javac", "--release", "17", "-d", str(tmp_path / "classes"), str(source)], check=True)
    script = tmp_path / "startup.jsh"
    script.write_text("int fromScript() { return 7; }\n")
    kernel = Kernel(KERNELS[0], env={
        "IJAVA_CLASSPATH": str(tmp_path / "classes"),
        "DJINN_STARTUP_SCRIPTS_PATH": str(script),
        "IJAVA_STARTUP_SCRIPT": "String fromStartup = envdemo.Hello.hi();",
    })
    try:
        assert kernel.ok("fromScript()").result_text() == "7"
        assert kernel.ok("fromStartup").result_text() == "from classpath"
        # A replaced runtime runs them again.
        kernel.execute("System.exit(1);")
        assert kernel.ok("fromScript() + fromStartup").result_text() == "7from classpath"
    finally:
        kernel.shutdown()


def test_a_cell_sent_right_after_a_failure_runs(kernel):
    """stop_on_error aborts what was queued behind the failure, never what is sent after its reply."""
    for _ in range(30):
        assert kernel.execute('throw new RuntimeException("fails");').status == "error"
        assert kernel.execute("1 + 1").status == "ok"
