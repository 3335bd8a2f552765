"""Does a long session slow a cell down? For each kernelspec: age one kernel with --cells cells of
work, start a fresh kernel beside it and warm it up, then time the same trivial cell on both in
alternation (--rounds pairs, which goes first alternating too). The machine's noise hits both alike,
so the ratio aged/fresh is the session's own cost even on a busy machine.

Usage: python bench/session_growth.py [--kernel NAME]... [--cells N]... [--work trivial|mixed] [--out FILE]
"""
import argparse
import json
import os
import pathlib
import platform
import statistics
import sys
import time

import jupyter_client

# The soak test's mix lives beside it, in the Jupyter tests' directory.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "kernel" / "src" / "it" / "python"))
from soak_work import MIXED, TRIVIAL  # noqa: E402

WORK = {"trivial": [TRIVIAL], "mixed": MIXED}
WARM_UP = 100


def run(client, code):
    started = time.perf_counter()
    reply = client.execute_interactive(code, timeout=120, output_hook=lambda msg: None)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"{code!r} failed: {reply['content']}")
    return time.perf_counter() - started


def compare(kernel, cells, work_name, rounds):
    work = WORK[work_name]
    started = []
    try:
        aged = jupyter_client.manager.start_new_kernel(kernel_name=kernel)
        started.append(aged)
        began = time.monotonic()
        for cell in range(cells):
            run(aged[1], work[cell % len(work)])
        aging_s = time.monotonic() - began
        fresh = jupyter_client.manager.start_new_kernel(kernel_name=kernel)
        started.append(fresh)
        for _ in range(WARM_UP):
            run(fresh[1], TRIVIAL)
        times = {"aged": [], "fresh": []}
        for i in range(rounds):
            order = ("aged", "fresh") if i % 2 == 0 else ("fresh", "aged")
            for which in order:
                times[which].append(run((aged if which == "aged" else fresh)[1], TRIVIAL))
        aged_ms = statistics.median(times["aged"]) * 1000
        fresh_ms = statistics.median(times["fresh"]) * 1000
        paired = statistics.median(a / f for a, f in zip(times["aged"], times["fresh"]))
        return {"kernel": kernel, "aged_cells": cells, "work": work_name,
                "aging_s": round(aging_s, 1), "aged_trivial_ms": round(aged_ms, 1),
                "fresh_trivial_ms": round(fresh_ms, 1), "ratio_of_medians": round(aged_ms / fresh_ms, 3),
                "median_paired_ratio": round(paired, 3)}
    finally:
        for manager, client in started:
            client.stop_channels()
            manager.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernel", action="append", help="kernelspec name (repeatable; default djinn)")
    parser.add_argument("--cells", action="append", type=int, help="cells run in the aged kernel (repeatable; default 1000)")
    parser.add_argument("--work", choices=sorted(WORK), default="mixed")
    parser.add_argument("--rounds", type=int, default=200, help="aged/fresh pairs timed")
    parser.add_argument("--out", help="write the results as JSON here")
    args = parser.parse_args()
    results = []
    for cells in args.cells or [1000]:
        for kernel in args.kernel or ["djinn"]:
            result = compare(kernel, cells, args.work, args.rounds)
            print(json.dumps(result), flush=True)
            results.append(result)
    if args.out:
        with open(args.out, "w") as out:
            json.dump({"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, {os.cpu_count()} cores",
                       "rounds": args.rounds, "results": results}, out, indent=1)


if __name__ == "__main__":
    main()
