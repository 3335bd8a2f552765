"""Kernel latency figures through jupyter_client, for one or more kernelspecs, measured in one run.

For each kernel and each of --starts cold starts (interleaved across kernels):
  start -> kernel_info reply, start -> first result (`1+1`), and for Djinn start -> first DJL op;
then, on the last start: the round trip of a trivial cell (--cells runs after --warmup), completion
latency (20 requests), the resident memory (kernel process and its children), the latency of
interrupting a tight loop (up to 10 s), and shutdown.

Usage: python bench/kernel_latency.py [--kernel NAME=KIND]... [--floor NAME=COMMAND]... [--out FILE]
KIND is djinn (Java, and the first DJL op is timed), java (another Java kernel) or python.

--floor runs COMMAND (split as a shell would, no shell) as bench/JShellFloor.java's program: JShell alone in one
JVM, no kernel. Its starts are interleaved with the kernels' and timed from the process's start to its
"first-result" line; on the last start its own timing of the trivial cell (no Jupyter messages) is kept.
"""
import argparse
import json
import os
import platform
import shlex
import statistics
import subprocess
import time

import jupyter_client

DJL_FIRST_OP = "NDManager.newBaseManager().ones(new Shape(2, 2)).sum().getFloat()"
LANGUAGES = {
    # trivial cell, completion probe (code, cursor), tight loop
    "java": ("1+1", ("Math.ma", 7), "while (true) {}"),
    "python": ("1+1", ("import o", 8), "while True: pass"),
}
INTERRUPT_WAIT_S = 10


def rss_kib(pid):
    """Resident memory of a process and all its descendants, in KiB (Linux /proc)."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            children = subprocess.run(["pgrep", "-P", str(current)], capture_output=True, text=True).stdout.split()
            pids.extend(int(c) for c in children)
        except FileNotFoundError:
            pass
    return total


def run(client, code, timeout=120):
    # Replies to the extra kernel_info requests of the start may still be queued: skip them.
    msg_id = client.execute(code)
    while True:
        msg = client.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" \
                and msg["content"]["execution_state"] == "idle":
            break
    reply = client.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=timeout)
    assert reply["content"]["status"] == "ok", (code, reply["content"])


def completion_ms(client, code, cursor, count=20):
    times = []
    for _ in range(count):
        t = time.perf_counter()
        msg_id = client.complete(code, cursor)
        while client.get_shell_msg(timeout=30)["parent_header"]["msg_id"] != msg_id:
            pass
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def interrupt_s(manager, client, loop):
    """Seconds from interrupt_kernel() to the reply of a cell spinning in a tight loop; None if it never came."""
    msg_id = client.execute(loop)
    time.sleep(1.0)
    t = time.perf_counter()
    manager.interrupt_kernel()
    deadline = t + INTERRUPT_WAIT_S
    while time.perf_counter() < deadline:
        try:
            reply = client.get_shell_msg(timeout=max(0.05, deadline - time.perf_counter()))
        except Exception:  # queue.Empty
            break
        if reply["parent_header"]["msg_id"] == msg_id:
            return time.perf_counter() - t
    return None


FAILED_STARTS = {}


def cold_start(name, trivial, djl, attempts=3):
    """A start that never answers kernel_info is counted in FAILED_STARTS and made again (rapaio 3.0.1's shell
    thread dies on a request that arrives before its handlers are set, now and then); its time is not kept."""
    for _ in range(attempts):
        started = start_until_kernel_info(name)
        if started is not None:
            break
        FAILED_STARTS[name] = FAILED_STARTS.get(name, 0) + 1
    else:
        raise TimeoutError(f"{name}: no kernel_info reply in {attempts} starts")
    manager, client, t0, info = started
    run(client, trivial)
    first = time.perf_counter() - t0
    first_djl = None
    if djl:
        run(client, DJL_FIRST_OP)
        first_djl = time.perf_counter() - t0
    return manager, client, {"kernel_info_s": info, "first_result_s": first, "first_djl_op_s": first_djl}


def start_until_kernel_info(name, timeout=60):
    """(manager, client, start time, seconds to the kernel_info reply), or None when no reply came in time."""
    t0 = time.perf_counter()
    manager = jupyter_client.KernelManager(kernel_name=name)
    manager.start_kernel()
    client = manager.blocking_client()
    client.start_channels()
    # Some kernels drop a request that arrives before they are ready (rapaio does), so ask again every
    # 0.25 s, as jupyter_client's wait_for_ready does; the first reply of any of them counts.
    while True:
        client.kernel_info()
        try:
            if client.get_shell_msg(timeout=0.25)["msg_type"] == "kernel_info_reply":
                return manager, client, t0, time.perf_counter() - t0
        except Exception:  # queue.Empty
            if time.perf_counter() > t0 + timeout:
                client.stop_channels()
                manager.shutdown_kernel(now=True)
                return None


def floor_start(command, keep_cells, timeout=120):
    """Seconds from starting JShellFloor to its first result, and on the last start its trivial-cell figures."""
    t0 = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        first = time.perf_counter() - t0
        if line.strip() != "first-result":
            process.kill()
            raise RuntimeError(f"{command[0]}...: no first result: {line!r} {process.communicate(timeout=30)[1]}")
        if not keep_cells:
            return first, None
        out, err = process.communicate(timeout=timeout)
        if process.returncode != 0:
            raise RuntimeError(f"JShellFloor exited with {process.returncode}: {err}")
        return first, json.loads(out.strip().splitlines()[-1])
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", action="append", default=[],
                        help="kernelspec name, optionally NAME=CODE for its trivial cell (default 1+1)")
    parser.add_argument("--floor", action="append", default=[],
                        help="NAME=COMMAND: JShell alone (bench/JShellFloor.java), started as COMMAND")
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--cells", type=int, default=50)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    kernels = [(k.split("=", 1) + ["djinn"])[:2] for k in (args.kernel or ["djinn"])]

    floors = [f.split("=", 1) for f in args.floor]
    starts = {name: [] for name, _ in kernels}
    results = {}
    floor_results = {name: {"command": command, "first_result_s": []} for name, command in floors}
    for i in range(args.starts):
        for name, command in floors:
            first, cells = floor_start(shlex.split(command) + ["--warmup", str(args.warmup), "--cells", str(args.cells)],
                                       keep_cells=i == args.starts - 1)
            floor_results[name]["first_result_s"].append(first)
            if cells is not None:
                floor_results[name].update(cells)
        for name, kind in kernels:  # interleaved, so machine noise hits every kernel alike
            trivial, probe, loop = LANGUAGES["python" if kind == "python" else "java"]
            manager, client, figures = cold_start(name, trivial, djl=kind == "djinn")
            starts[name].append(figures)
            if i == args.starts - 1:
                for _ in range(args.warmup):
                    run(client, trivial)
                times = []
                for _ in range(args.cells):
                    t = time.perf_counter()
                    run(client, trivial)
                    times.append(time.perf_counter() - t)
                times.sort()
                pid = manager.provisioner.process.pid
                results[name] = {
                    "kind": kind,
                    "trivial_cell_ms_median": statistics.median(times) * 1000,
                    "trivial_cell_ms_p90": times[int(0.9 * len(times)) - 1] * 1000,
                    "completion_ms_median": completion_ms(client, *probe),
                    "rss_mib_after_cells": rss_kib(pid) / 1024,
                    "interrupt_tight_loop_s": interrupt_s(manager, client, loop),
                }
                shutdown_start = time.perf_counter()
                client.stop_channels()
                # A kernel still spinning in the loop it could not interrupt is killed, not waited for.
                manager.shutdown_kernel(now=results[name]["interrupt_tight_loop_s"] is None)
                results[name]["shutdown_s"] = time.perf_counter() - shutdown_start
            else:
                client.stop_channels()
                manager.shutdown_kernel(now=True)
    for name, _kind in kernels:
        for key in ("kernel_info_s", "first_result_s", "first_djl_op_s"):
            values = [s[key] for s in starts[name] if s[key] is not None]
            if values:
                results[name][key + "_median"] = statistics.median(values)
        results[name]["cold_starts"] = starts[name]
        results[name]["failed_starts"] = FAILED_STARTS.get(name, 0)
    for name, figures in floor_results.items():
        figures["first_result_s_median"] = statistics.median(figures["first_result_s"])
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        "method": f"{args.starts} cold starts interleaved; trivial cell: {args.cells} runs after {args.warmup} warm-ups",
        "kernels": results,
        "jshell_floors": floor_results,
    }
    text = json.dumps(report, indent=2)
    if args.out:
        with open(args.out, "w") as out:
            out.write(text + "\n")
    for name, figures in results.items():
        print(f"{name}: kernel_info {figures['kernel_info_s_median']:.2f} s, first result "
              f"{figures['first_result_s_median']:.2f} s"
              + (f", first DJL op {figures['first_djl_op_s_median']:.2f} s" if "first_djl_op_s_median" in figures else "")
              + f", trivial cell median {figures['trivial_cell_ms_median']:.1f} ms (p90 "
              f"{figures['trivial_cell_ms_p90']:.1f}), completion {figures['completion_ms_median']:.1f} ms, "
              f"RSS {figures['rss_mib_after_cells']:.0f} MiB, interrupt "
              + (f"{figures['interrupt_tight_loop_s']:.2f} s" if figures["interrupt_tight_loop_s"] is not None
                 else f"no reply in {INTERRUPT_WAIT_S} s")
              + f", shutdown {figures['shutdown_s']:.2f} s")
    for name, figures in floor_results.items():
        print(f"{name} (JShell alone, no kernel): first result {figures['first_result_s_median']:.2f} s, "
              f"trivial cell median {figures['trivial_eval_ms_median']:.1f} ms (p90 {figures['trivial_eval_ms_p90']:.1f})")


if __name__ == "__main__":
    main()
