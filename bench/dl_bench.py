"""Deep-learning figures, DJL in a Djinn notebook against PyTorch in Python, measured in one run.

The same workloads (DjlBench.jsh, torch_bench.py): per-op dispatch (a small add, and closing its
result in DJL), float32 matmul GFLOP/s at 1024 and 4096, and training throughput with cross-entropy of an MLP
784-256-10 (SGD) at batch 64 and 256, of an MLP 784-512-512-10 (Adam) at batch 128 and of a small CNN (3x3
convolution to 16 channels, 2x2 max-pool, linear; SGD) on 28x28 images at batch 64; with 1 and 2 intra-op threads. Runs are
interleaved (Djinn, PyTorch, Djinn, ...) --repeats times; figures are medians over the repeats. --out is rewritten
after each repeat of each thread count ("passes" says how many of them it covers), so a run cut short keeps them.

With --device gpu both run on the first GPU (timed loops end by waiting for the GPU; matmuls repeat 20 times
as often), for the prepared device run (scripts/device-run/).

With --djinn-local-torch-kernel-1t/-2t, a third side runs interleaved with the two: Djinn kernels whose DJL runs
on the same libtorch as the PyTorch it is compared with (a JNI built by build-jni), so that what is DJL's and what
is its libtorch's can be told apart.

With --djinn-glibc-kernel-1t/-2t (kernels with DJINN_KEEP_NATIVE_MEMORY=false), two more sides run interleaved:
Djinn on glibc's default malloc settings, and PyTorch with the settings Djinn's runtime reported (NativeAllocator),
so that the settings' share is measured on both sides.

Usage: python bench/dl_bench.py --djinn-kernel-1t NAME --djinn-kernel-2t NAME [--repeats N] [--out FILE]
       [--device cpu|gpu] [--djinn-local-torch-kernel-1t NAME --djinn-local-torch-kernel-2t NAME]
       [--djinn-glibc-kernel-1t NAME --djinn-glibc-kernel-2t NAME]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import jupyter_client

HERE = os.path.dirname(os.path.abspath(__file__))
FIGURES = ["dispatch_us_per_op", "matmul_1024_gflops", "matmul_4096_gflops",
           "mlp_batch64_samples_per_s", "mlp_batch256_samples_per_s", "mlp_adam_batch128_samples_per_s",
           "cnn_batch64_samples_per_s"]


def bench_env(device):
    return {**os.environ, "DJINN_BENCH_DEVICE": device}


def djinn_run(kernel_name, device):
    manager = jupyter_client.KernelManager(kernel_name=kernel_name)
    manager.start_kernel(env=bench_env(device))
    client = manager.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=120)
        msg_id = client.execute("%load " + os.path.join(HERE, "DjlBench.jsh"))
        printed = []
        while True:
            msg = client.get_iopub_msg(timeout=900)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                printed.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                raise RuntimeError(msg["content"]["ename"] + ": " + msg["content"]["evalue"])
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        line = [l for l in "".join(printed).splitlines() if l.startswith("{")][-1]
        return json.loads(line)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def torch_run(threads, device, extra_env=None):
    out = subprocess.run([sys.executable, os.path.join(HERE, "torch_bench.py"), str(threads)],
                         capture_output=True, text=True, check=True, env={**bench_env(device), **(extra_env or {})})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--djinn-kernel-1t", required=True)
    parser.add_argument("--djinn-kernel-2t", required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out")
    parser.add_argument("--device", choices=["cpu", "gpu"], default="cpu")
    parser.add_argument("--djinn-local-torch-kernel-1t")
    parser.add_argument("--djinn-local-torch-kernel-2t")
    parser.add_argument("--djinn-glibc-kernel-1t")
    parser.add_argument("--djinn-glibc-kernel-2t")
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    djinn_kernels = {"djinn": {1: args.djinn_kernel_1t, 2: args.djinn_kernel_2t}}
    if args.djinn_local_torch_kernel_1t and args.djinn_local_torch_kernel_2t:
        djinn_kernels["djinn_local_torch"] = {1: args.djinn_local_torch_kernel_1t, 2: args.djinn_local_torch_kernel_2t}
    glibc_sides = bool(args.djinn_glibc_kernel_1t and args.djinn_glibc_kernel_2t)
    if glibc_sides:
        djinn_kernels["djinn_glibc_default"] = {1: args.djinn_glibc_kernel_1t, 2: args.djinn_glibc_kernel_2t}
    impls = [*djinn_kernels, "pytorch"] + (["pytorch_kept_memory"] if glibc_sides else [])
    runs = {(impl, t): [] for impl in impls for t in (1, 2)}
    passes, done = 2 * args.repeats, 0
    for repeat in range(args.repeats):
        for threads in (1, 2):
            for impl, kernels in djinn_kernels.items():
                runs[(impl, threads)].append(djinn_run(kernels[threads], args.device))
            runs[("pytorch", threads)].append(torch_run(threads, args.device))
            if glibc_sides:
                runs[("pytorch_kept_memory", threads)].append(
                    torch_run(threads, args.device, runs[("djinn", threads)][-1]["malloc_env"]))
            print(f"repeat {repeat + 1}, {threads} thread(s): " + ", ".join(
                f"{impl} {runs[(impl, threads)][-1]}" for impl in impls), flush=True)
            done += 1
            # Written after every pass, so that a run stopped by a time limit (the device run's) keeps what it
            # measured; "passes" says how much of the run the medians cover.
            report = summarize(runs, [*djinn_kernels], glibc_sides, args, f"{done} of {passes}")
            if args.out:
                with open(args.out, "w") as out:
                    out.write(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report["djinn_over_pytorch"], indent=2))


def summarize(runs, djinn_sides, glibc_sides, args, passes):
    """Medians of each side's samples so far, and Djinn's ratios to PyTorch where both sides have samples."""
    results = {}
    for (impl, threads), samples in runs.items():
        if samples:
            results[f"{impl}_{threads}t"] = {"libtorch": samples[0]["libtorch"], "device": samples[0].get("device"),
                                             **{f: statistics.median(s[f] for s in samples) for f in FIGURES}}
    ratios = {}
    pairs = [(impl, "pytorch") for impl in djinn_sides] + ([("djinn", "pytorch_kept_memory")] if glibc_sides else [])
    for impl, torch_side in pairs:
        for threads in (1, 2):
            if f"{impl}_{threads}t" not in results or f"{torch_side}_{threads}t" not in results:
                continue
            djinn, torch = results[f"{impl}_{threads}t"], results[f"{torch_side}_{threads}t"]
            # "1t" and "2t" are DJL on its own libtorch, as before; "local_torch_1t"... on the compared torch's;
            # "glibc_default_1t"... Djinn on glibc's defaults; "both_kept_memory_1t"... both with its settings.
            key = {"djinn": f"{threads}t", "djinn_local_torch": f"local_torch_{threads}t",
                   "djinn_glibc_default": f"glibc_default_{threads}t"}[impl]
            if torch_side == "pytorch_kept_memory":
                key = f"both_kept_memory_{threads}t"
            ratios[key] = {
                # > 1 means Djinn is faster; dispatch is a cost, so its ratio is inverted.
                "dispatch_speed": torch["dispatch_us_per_op"] / djinn["dispatch_us_per_op"],
                **{f: djinn[f] / torch[f] for f in FIGURES[1:]}}
    return {"date": time.strftime("%Y-%m-%d %H:%M:%S"), "cores": os.cpu_count(), "device": args.device,
            "method": f"{args.repeats} interleaved repeats, medians; see bench/dl_bench.py", "passes": passes,
            "results": results, "djinn_over_pytorch": ratios, "runs": {f"{i}_{t}t": s for (i, t), s in runs.items()}}


if __name__ == "__main__":
    main()
