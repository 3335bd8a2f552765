"""The deep-learning workloads of dl_bench.py in PyTorch (Python), printed as one JSON line.
Usage: python bench/torch_bench.py THREADS; DJINN_BENCH_DEVICE=gpu runs them on the first GPU."""
import json
import math
import os
import resource
import statistics
import sys
import time

import torch

# On a GPU, work is queued: each timed loop ends by waiting for it, and matmuls repeat 20 times as often.
GPU = os.environ.get("DJINN_BENCH_DEVICE", "cpu") == "gpu"
DEVICE = torch.device("cuda:0" if GPU else "cpu")
REPEAT_SCALE = 20 if GPU else 1


def sync():
    if GPU:
        torch.cuda.synchronize()


def median_of(runs, fn):
    return statistics.median(fn() for _ in range(runs))


def dispatch_us(ops=10_000):
    a = torch.ones(1, device=DEVICE)

    def once():
        t = time.perf_counter()
        for _ in range(ops):
            b = a + 1
            del b
        sync()
        return (time.perf_counter() - t) / ops * 1e6
    once()
    return median_of(5, once)


def matmul_gflops(n, reps):
    a = torch.rand(n, n, device=DEVICE)
    reps *= REPEAT_SCALE

    def once():
        t = time.perf_counter()
        for _ in range(reps):
            torch.mm(a, a)
        sync()
        return 2 * n ** 3 * reps / (time.perf_counter() - t) / 1e9
    once()
    return median_of(3, once)


def mlp_samples_per_s(batch, steps):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    return training_samples_per_s(model, lambda p: torch.optim.SGD(p, lr=0.1), (batch, 784), steps)


# The other two workloads: a wider MLP with Adam, and a small CNN with SGD.
def mlp_adam_samples_per_s(batch, steps):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Linear(512, 512),
                                torch.nn.ReLU(), torch.nn.Linear(512, 10))
    return training_samples_per_s(model, lambda p: torch.optim.Adam(p, lr=0.001), (batch, 784), steps)


def cnn_samples_per_s(batch, steps):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Conv2d(1, 16, 3), torch.nn.MaxPool2d(2), torch.nn.Flatten(),
                                torch.nn.Linear(16 * 13 * 13, 10))
    return training_samples_per_s(model, lambda p: torch.optim.SGD(p, lr=0.1), (batch, 1, 28, 28), steps)


FAULTS_PER_STEP = []


def training_samples_per_s(model, make_optimizer, input_shape, steps):
    """Samples per second of PyTorch's usual training loop on random data."""
    model = model.to(DEVICE)
    batch = input_shape[0]
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = make_optimizer(model.parameters())
    x = torch.randn(*input_shape, device=DEVICE)
    y = torch.randint(0, 10, (batch,), device=DEVICE)

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

    def once():
        t = time.perf_counter()
        for _ in range(steps):
            step()
        sync()
        return batch * steps / (time.perf_counter() - t)
    # Both sides warm up for ten times the timed steps (DjlBench.jsh does the same, and starts its layers as
    # PyTorch's): a count, so that both are timed at the same point of the same training (a step's speed changed
    # as the training went on, here).
    for _ in range(10 * steps):
        step()
    sync()
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    samples_per_s = median_of(3, once)
    # Minor page faults per timed step, as DjlBench.jsh counts them (docs/benchmarks.md, "Page faults").
    FAULTS_PER_STEP.append((resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults) / (3 * steps))
    with torch.no_grad():
        loss = loss_fn(model(x), y).item()
    if not math.isfinite(loss):
        raise RuntimeError(f"the training diverged (loss {loss}): the figure would time NaN arithmetic")
    return samples_per_s


def main():
    threads = int(sys.argv[1])
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    figures = {
        "libtorch": torch.__version__, "threads": threads, "device": str(DEVICE),
        "dispatch_us_per_op": dispatch_us(),
        "matmul_1024_gflops": matmul_gflops(1024, 10),
        "matmul_4096_gflops": matmul_gflops(4096, 1),
        "mlp_batch64_samples_per_s": mlp_samples_per_s(64, 200),
        "mlp_batch256_samples_per_s": mlp_samples_per_s(256, 100),
        "mlp_adam_batch128_samples_per_s": mlp_adam_samples_per_s(128, 50),
        "cnn_batch64_samples_per_s": cnn_samples_per_s(64, 100),
    }
    figures["training_page_faults_per_step"] = FAULTS_PER_STEP
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
