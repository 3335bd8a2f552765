"""A long session: 1,000 cells of mixed work (DJL ops closed one by one, by their manager and by an
NDScope; Tablesaw; charts; trivial cells) in one kernel. After warm-up, the runtime's and the
kernel's RSS and the number of open NDArrays must stay flat, and a trivial cell must take no longer
in that kernel than in a fresh one beside it, timed in alternation so that the machine's noise hits
both alike. The samples, slopes and times go to kernel/target/reliability/soak.json
(docs/reliability.md quotes them).

Run alone: bash kernel/src/it/run-jupyter-tests.sh -m soak kernel/src/it/python"""
import json
import os
import statistics
import time

import pytest

from djinn_client import KERNELS, Kernel
from soak_work import MIXED, TRIVIAL

CELLS = 1000
WARM_UP = 200
SAMPLE_EVERY = 50
PAIRS = 150
# The aged kernel's trivial cell against a fresh one's, after this mix: 1.42-1.49 before JShellCompactor
# (bench/session_growth.py), 0.98-1.07 with it (this test, three runs).
MAX_AGED_TO_FRESH = 1.2

CHART = 'Plot.show(LinePlot.create("soak", t, "i", "v"));'


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def slope(xs, ys):
    """Least-squares slope of ys over xs."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


@pytest.mark.soak
def test_a_thousand_cells_stay_flat():
    kernel = Kernel(KERNELS[0])
    try:
        kernel_pid = kernel.manager.provisioner.process.pid
        runtime_pid = int(kernel.ok("ProcessHandle.current().pid()").result_text())
        kernel.ok("import io.djinn.api.LiveArrays;")
        samples, trivial = [], []
        started = time.monotonic()
        for cell in range(1, CELLS + 1):
            code = CHART if cell % 25 == 0 else MIXED[cell % len(MIXED)]
            sent = time.monotonic()
            kernel.ok(code)
            if code == TRIVIAL:
                trivial.append((cell, time.monotonic() - sent))
            if cell % SAMPLE_EVERY == 0:
                arrays = int(kernel.ok("LiveArrays.snapshot().count()").result_text())
                heap = int(kernel.ok("System.gc(); (Runtime.getRuntime().totalMemory()"
                                     " - Runtime.getRuntime().freeMemory()) / 1024").result_text())
                samples.append({"cell": cell, "runtime_rss_kib": rss_kib(runtime_pid), "runtime_heap_after_gc_kib": heap,
                                "kernel_rss_kib": rss_kib(kernel_pid), "open_ndarrays": arrays})
        elapsed = time.monotonic() - started
        aged_ms, fresh_ms, paired_ratio = against_a_fresh_kernel(kernel)
    finally:
        kernel.shutdown()

    steady = [s for s in samples if s["cell"] > WARM_UP]
    cells = [s["cell"] for s in steady]
    runtime_slope = slope(cells, [s["runtime_rss_kib"] for s in steady])
    kernel_slope = slope(cells, [s["kernel_rss_kib"] for s in steady])
    heap_slope = slope(cells, [s["runtime_heap_after_gc_kib"] for s in steady])
    early = [t for c, t in trivial if WARM_UP < c <= WARM_UP + 200]
    late = [t for c, t in trivial if c > CELLS - 200]
    result = {
        "cells": CELLS, "seconds": round(elapsed, 1), "warm_up_cells": WARM_UP,
        "runtime_rss_slope_kib_per_cell": round(runtime_slope, 2),
        "kernel_rss_slope_kib_per_cell": round(kernel_slope, 2),
        "runtime_heap_after_gc_slope_kib_per_cell": round(heap_slope, 2),
        "open_ndarrays_after_warm_up": sorted({s["open_ndarrays"] for s in steady}),
        "trivial_cell_median_ms": {"cells 201-400": round(statistics.median(early) * 1000, 1),
                                   "cells 801-1000": round(statistics.median(late) * 1000, 1),
                                   "after the session, alternating": aged_ms,
                                   "fresh kernel, alternating": fresh_ms},
        "aged_to_fresh_paired_ratio": paired_ratio,
        "samples": samples,
    }
    directory = os.path.join(os.path.dirname(__file__), "..", "..", "..", "target", "reliability")
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "soak.json"), "w") as out:
        json.dump(result, out, indent=1)
    print(json.dumps({k: v for k, v in result.items() if k != "samples"}))

    assert len(result["open_ndarrays_after_warm_up"]) == 1, "open NDArrays grew: %s" % steady
    # JShell keeps every snippet (its source, its class): a few KiB per cell is its cost, not a leak.
    assert runtime_slope < 64, f"runtime RSS grows {runtime_slope:.1f} KiB per cell"
    assert kernel_slope < 64, f"kernel RSS grows {kernel_slope:.1f} KiB per cell"
    assert paired_ratio < MAX_AGED_TO_FRESH, (paired_ratio, result["trivial_cell_median_ms"])


def against_a_fresh_kernel(aged):
    """Times `1 + 1` in the aged kernel and in a fresh, warmed-up one, alternating which goes first.
    Returns both medians (ms) and the median of the paired ratios aged/fresh."""
    fresh = Kernel(KERNELS[0])
    try:
        for _ in range(100):
            fresh.ok(TRIVIAL)
        times = {"aged": [], "fresh": []}
        for pair in range(PAIRS):
            for which in (("aged", "fresh") if pair % 2 == 0 else ("fresh", "aged")):
                sent = time.monotonic()
                (aged if which == "aged" else fresh).ok(TRIVIAL)
                times[which].append(time.monotonic() - sent)
    finally:
        fresh.shutdown()
    ratio = statistics.median(a / f for a, f in zip(times["aged"], times["fresh"]))
    return (round(statistics.median(times["aged"]) * 1000, 1), round(statistics.median(times["fresh"]) * 1000, 1),
            round(ratio, 3))
