"""The tools a deep-learning user reaches for in IPython, through Jupyter, on every installed JDK: shell magics,
%env, %%writefile, %pwd."""
import os
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


@pytest.mark.parametrize("magic", ["%env", "%pwd", "%%bash", "%%sh", "%%writefile"])
def test_each_new_magic_has_help(kernel, magic):
    assert "Usage:" in kernel.ok(f"{magic}?").stdout()
