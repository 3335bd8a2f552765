"""Load: many queued cells, a client that reconnects mid-cell, and restarts that leave nothing behind."""
import os
import time

import jupyter_client

from djinn_client import KERNELS, Kernel


def test_five_hundred_queued_executes_are_answered_in_order(kernel):
    client = kernel.client
    first = kernel.ok("int counter = 0;").reply["content"]["execution_count"]
    ids = [client.execute(f"counter += {i};") for i in range(500)]
    counts = []
    replies = {}
    deadline = time.monotonic() + 240
    while len(replies) < len(ids):
        assert time.monotonic() < deadline, f"{len(replies)} of 500 replies"
        reply = client.get_shell_msg(timeout=60)
        replies[reply["parent_header"]["msg_id"]] = reply
    for msg_id in ids:
        content = replies[msg_id]["content"]
        assert content["status"] == "ok", content
        counts.append(content["execution_count"])
    assert counts == list(range(first + 1, first + 501))
    kernel.backlog.clear()
    assert kernel.ok("counter").result_text() == str(sum(range(500)))


def test_a_client_that_reconnects_mid_cell_gets_the_remaining_output(kernel):
    kernel.ok("1 + 1")  # the runtime is up, so the cell below starts printing at once
    first = kernel.client
    msg_id = first.execute('for (int i = 0; i < 30; i++) { System.out.println("line " + i); Thread.sleep(100); }')
    time.sleep(1.0)
    first.stop_channels()
    second = kernel.manager.blocking_client()
    second.start_channels()
    try:
        lines = []
        while True:
            msg = second.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                lines += msg["content"]["text"].splitlines()
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        assert lines and lines[-1] == "line 29", lines[-3:]
        assert "line 0" not in lines  # printed before the reconnection
    finally:
        # the shared fixture goes on with the second client
        kernel.client = second
        kernel.backlog.clear()
        kernel.replies.clear()


def runtime_pids(kernel_pid):
    children = os.popen(f"pgrep -P {kernel_pid}").read().split()
    return [int(pid) for pid in children]


def test_restart_and_shutdown_leave_no_runtime_behind():
    kernel = Kernel(KERNELS[0])
    try:
        kernel.ok("1")
        old_runtimes = runtime_pids(kernel.manager.provisioner.process.pid)
        assert len(old_runtimes) == 1
        kernel.manager.restart_kernel(now=False)
        kernel.client.wait_for_ready(timeout=60)
        assert kernel.ok("2").result_text() == "2"
        time.sleep(1)
        assert not any(os.path.exists(f"/proc/{pid}") for pid in old_runtimes), "old runtime still running"
        new_runtimes = runtime_pids(kernel.manager.provisioner.process.pid)
    finally:
        kernel.shutdown()
    time.sleep(1)
    assert not any(os.path.exists(f"/proc/{pid}") for pid in new_runtimes), "runtime left after shutdown"


def test_completion_and_inspection_are_answered_in_order_while_a_long_cell_runs(kernel):
    kernel.ok("var someLongName = 41;")
    long_cell = kernel.client.execute("Thread.sleep(6000);")
    time.sleep(0.5)
    sent = []
    for _ in range(20):
        sent.append(kernel.client.complete("someLong", 8))
        sent.append(kernel.client.inspect("someLongName", 12))
    started = time.monotonic()
    answered = []
    while len(answered) < len(sent):
        reply = kernel.client.get_shell_msg(timeout=30)
        parent = reply["parent_header"]["msg_id"]
        if parent == long_cell:
            kernel.replies[parent] = reply
            continue
        answered.append((parent, reply))
    last_answer = time.monotonic() - started
    assert [parent for parent, _ in answered] == sent
    for parent, reply in answered:
        content = reply["content"]
        assert content["status"] == "ok", content
        if reply["msg_type"] == "complete_reply":
            assert "someLongName" in content["matches"], content
        else:
            assert content["found"] is True, content
    # All 40 were answered while the cell was still sleeping, not after it.
    assert long_cell not in kernel.replies, f"answered only after the long cell ({last_answer:.1f} s)"
    assert kernel.collect(long_cell, timeout=30).status == "ok"
