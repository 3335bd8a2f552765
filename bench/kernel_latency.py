"""Kernel latency figures through jupyter_client, for one or more kernelspecs, measured in one run.

For each kernel and each of --starts cold starts (interleaved across kernels):
  start -> kernel_info reply, start -> first result (`1+1`), and for Djinn start -> first DJL op;
then, on the last start, the round trip of a trivial cell (--cells runs after --warmup), and the
resident memory (kernel process and its children) after those cells.

Usage: python bench/kernel_latency.py [--kernel NAME[=CODE_FOR_TRIVIAL_CELL]]... [--out FILE]
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import time

import jupyter_client

DJL_FIRST_OP = "NDManager.newBaseManager().ones(new Shape(2, 2)).sum().getFloat()"


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
    msg_id = client.execute(code)
    while True:
        msg = client.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" \
                and msg["content"]["execution_state"] == "idle":
            break
    reply = client.get_shell_msg(timeout=timeout)
    assert reply["content"]["status"] == "ok", (code, reply["content"])


def cold_start(name, trivial, djl):
    t0 = time.perf_counter()
    manager = jupyter_client.KernelManager(kernel_name=name)
    manager.start_kernel()
    client = manager.blocking_client()
    client.start_channels()
    client.kernel_info()
    client.get_shell_msg(timeout=120)
    info = time.perf_counter() - t0
    run(client, trivial)
    first = time.perf_counter() - t0
    first_djl = None
    if djl:
        run(client, DJL_FIRST_OP)
        first_djl = time.perf_counter() - t0
    return manager, client, {"kernel_info_s": info, "first_result_s": first, "first_djl_op_s": first_djl}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", action="append", default=[],
                        help="kernelspec name, optionally NAME=CODE for its trivial cell (default 1+1)")
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--cells", type=int, default=50)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    kernels = [(k.split("=", 1) + ["1+1"])[:2] for k in (args.kernel or ["djinn"])]

    starts = {name: [] for name, _ in kernels}
    results = {}
    for i in range(args.starts):
        for name, trivial in kernels:  # interleaved, so machine noise hits every kernel alike
            manager, client, figures = cold_start(name, trivial, djl=name.startswith("djinn"))
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
                    "trivial_cell_ms_median": statistics.median(times) * 1000,
                    "trivial_cell_ms_p90": times[int(0.9 * len(times)) - 1] * 1000,
                    "rss_mib_after_cells": rss_kib(pid) / 1024,
                }
                shutdown_start = time.perf_counter()
                client.stop_channels()
                manager.shutdown_kernel(now=False)
                results[name]["shutdown_s"] = time.perf_counter() - shutdown_start
            else:
                client.stop_channels()
                manager.shutdown_kernel(now=True)
    for name, _ in kernels:
        for key in ("kernel_info_s", "first_result_s", "first_djl_op_s"):
            values = [s[key] for s in starts[name] if s[key] is not None]
            if values:
                results[name][key + "_median"] = statistics.median(values)
        results[name]["cold_starts"] = starts[name]
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        "method": f"{args.starts} cold starts interleaved; trivial cell: {args.cells} runs after {args.warmup} warm-ups",
        "kernels": results,
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
              f"{figures['trivial_cell_ms_p90']:.1f}), RSS {figures['rss_mib_after_cells']:.0f} MiB, "
              f"shutdown {figures['shutdown_s']:.2f} s")


if __name__ == "__main__":
    main()
