"""No process is left behind: a kernel whose launcher is killed (a Jupyter server, a script driving jupyter_client)
shuts down, as ipykernel does, and a runtime whose kernel is killed exits, even in the middle of a cell. Either
would otherwise keep its JVM, its threads and any GPU memory until someone found it."""
import os
import signal
import subprocess
import sys
import textwrap
import time

from djinn_client import KERNELS, Kernel

# A launcher as a Jupyter server or nbclient is one: it starts the kernel with jupyter_client (which names it in
# JPY_PARENT_PID), starts a long cell, and prints the kernel's PID and the runtime's.
LAUNCHER = textwrap.dedent("""
    import sys, time, jupyter_client
    manager = jupyter_client.KernelManager(kernel_name=sys.argv[1])
    manager.start_kernel()
    client = manager.blocking_client()
    client.start_channels()
    client.wait_for_ready(timeout=120)
    shown = []
    reply = client.execute_interactive("ProcessHandle.current().pid()", timeout=120, output_hook=shown.append)
    assert reply["content"]["status"] == "ok", reply
    runtime = next(m for m in shown if m["msg_type"] == "execute_result")["content"]["data"]["text/plain"]
    client.execute("Thread.sleep(600_000);")
    print(manager.provisioner.process.pid, runtime, flush=True)
    time.sleep(600)
""")


def alive(pid):
    """Whether pid runs: a zombie (ended, not yet reaped by whoever inherited it) does not."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_gone(pid, what, limit=60):
    # Not a speed limit: the kernel looks for its launcher every second and a runtime notices its kernel's end at
    # once; 60 s only tells "left behind" from "slow".
    deadline = time.monotonic() + limit
    while alive(pid):
        assert time.monotonic() < deadline, f"{what} (process {pid}) still runs {limit} s later"
        time.sleep(0.2)


def test_a_kernel_whose_launcher_is_killed_shuts_down_with_its_runtime():
    launcher = subprocess.Popen([sys.executable, "-c", LAUNCHER, KERNELS[0]], stdout=subprocess.PIPE, text=True)
    kernel_pid = runtime_pid = None
    try:
        kernel_pid, runtime_pid = (int(word.strip('"')) for word in launcher.stdout.readline().split())
        time.sleep(1)  # the long cell is running
        assert alive(kernel_pid) and alive(runtime_pid)
        launcher.send_signal(signal.SIGKILL)
        launcher.wait(timeout=30)
        wait_gone(kernel_pid, "the kernel whose launcher was killed")
        wait_gone(runtime_pid, "its runtime")
    finally:
        launcher.kill()
        for pid in (kernel_pid, runtime_pid):
            if pid and alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_runtime_whose_kernel_is_killed_exits_in_the_middle_of_a_cell():
    kernel = Kernel(KERNELS[0])
    runtime_pid = int(kernel.ok("ProcessHandle.current().pid()").result_text())
    try:
        kernel.client.execute("Thread.sleep(600_000);")
        time.sleep(1)  # the cell is running
        process = kernel.manager.provisioner.process
        process.send_signal(signal.SIGKILL)  # the kernel cannot close anything itself
        process.wait(timeout=30)
        wait_gone(runtime_pid, "the runtime of a killed kernel")
    finally:
        kernel.client.stop_channels()
        kernel.manager.cleanup_resources()
        if alive(runtime_pid):
            os.kill(runtime_pid, signal.SIGKILL)
