#!/usr/bin/env python3
"""Runs the same DJL operations in two Djinn kernelspecs (say, DJL's own libtorch 2.7.1 and a pip torch with a JNI
from `djinn build-jni`) and lists every operation whose result differs, to show what moving to another libtorch
changes. Inputs are made without random numbers (arange, linspace), so a difference is the operation's; seeded
random draws are compared too, since generators can change between versions.

    scripts/compare_libtorch.py KERNEL_A KERNEL_B [--tolerance 1e-5]

Exits 0 when every operation agrees within the tolerance, 1 when one differs, or fails in either kernel.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "kernel", "src", "it", "python"))
from djinn_client import Kernel  # noqa: E402

# Each entry: a name and a Java expression over x (3x4, float32), m (4x3), img (1x2x5x5), v (length 7) giving an NDArray.
OPERATIONS = [
    ("add", "x.add(1.5f)"), ("matMul", "x.matMul(m)"), ("exp", "x.exp()"), ("log", "x.add(1).log()"),
    ("tanh", "x.tanh()"), ("sigmoid", "Activation.sigmoid(x)"), ("relu", "Activation.relu(x.sub(5))"),
    ("gelu", "Activation.gelu(x.sub(5))"), ("erf", "x.div(10).erf()"), ("softmax", "x.softmax(1)"),
    ("logSoftmax", "x.logSoftmax(1)"), ("sum", "x.sum(new int[] {0})"), ("mean", "x.mean(new int[] {1})"),
    ("max", "x.max(new int[] {1})"), ("argMax", "x.argMax(1).toType(DataType.FLOAT32, false)"),
    ("cumSum", "x.cumSum(1)"), ("sort", "x.neg().sort(1)"), ("argSort", "x.neg().argSort(1).toType(DataType.FLOAT32, false)"),
    ("topK", "x.topK(2, 1).get(0)"), ("norm", "x.norm()"), ("transpose", "x.transpose()"),
    ("reshape", "x.reshape(2, 6)"), ("concat", "NDArrays.concat(new NDList(x, x), 0)"), ("stack", "NDArrays.stack(new NDList(x, x))"),
    ("where", "NDArrays.where(x.gt(5), x, x.neg())"), ("clip", "x.clip(2, 8)"), ("pow", "x.pow(1.5f)"),
    ("sqrt", "x.sqrt()"), ("oneHot", "v.toType(DataType.INT32, false).oneHot(8).toType(DataType.FLOAT32, false)"),
    ("linspace", "manager.linspace(0f, 1f, 11)"),
    ("conv2d", "ai.djl.nn.convolutional.Conv2d.conv2d(img, manager.ones(new Shape(3, 2, 3, 3)).div(18), "
     "manager.zeros(new Shape(3)), new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).get(0)"),
    ("maxPool2d", "ai.djl.nn.pooling.Pool.maxPool2d(img, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false)"),
    ("avgPool2d", "ai.djl.nn.pooling.Pool.avgPool2d(img, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true)"),
    ("batchNorm", "ai.djl.nn.norm.BatchNorm.batchNorm(x, x.mean(new int[] {0}), manager.ones(new Shape(4)), "
     "manager.ones(new Shape(4)), manager.zeros(new Shape(4)), 1, 0.9f, 1e-5f, true).get(0)"),
    ("layerNorm", "ai.djl.nn.norm.LayerNorm.layerNorm(x, new Shape(4), manager.ones(new Shape(4)), manager.zeros(new Shape(4)), 1e-5f).get(0)"),
    ("softmaxCrossEntropy", "Loss.softmaxCrossEntropyLoss().evaluate(new NDList(manager.create(new float[] {1, 2, 0})), new NDList(x))"),
    ("l2Loss", "Loss.l2Loss().evaluate(new NDList(x), new NDList(x.mul(0.9f)))"),
    ("gradient", "gradOf(x)"),
    ("seededNormal", "seeded(() -> manager.randomNormal(new Shape(5)))"),
    ("seededUniform", "seeded(() -> manager.randomUniform(0, 1, new Shape(5)))"),
    ("seededLinearInit", "seeded(() -> { var b = Linear.builder().setUnits(3).build(); b.initialize(manager, DataType.FLOAT32, new Shape(1, 4)); "
     "return b.getParameters().get(\"weight\").getArray().duplicate(); })"),
]

SETUP = """
var x = manager.arange(12f).reshape(3, 4).add(0.5f);
var m = manager.linspace(-1f, 1f, 12).reshape(4, 3);
var img = manager.arange(50f).reshape(1, 2, 5, 5).div(10);
var v = manager.create(new float[] {0, 1, 2, 3, 4, 5, 7});
NDArray seeded(java.util.function.Supplier<NDArray> make) { Engine.getInstance().setRandomSeed(7); return make.get(); }
NDArray gradOf(NDArray a) {
    var p = a.duplicate(); p.setRequiresGradient(true);
    try (var collector = Engine.getInstance().newGradientCollector()) { collector.backward(p.mul(p).tanh().sum()); }
    return p.getGradient().duplicate();
}
String values(NDArray a) { return java.util.Arrays.toString(a.toType(DataType.FLOAT32, false).toFloatArray()); }
"""


def run(kernel_name):
    kernel = Kernel(kernel_name)
    results = {}
    try:
        version = kernel.execute("Engine.getInstance().getVersion()", timeout=180)
        results["libtorch"] = "".join(m["content"]["data"]["text/plain"] for m in version.iopub
                                      if m["msg_type"] == "execute_result")
        setup = kernel.execute(SETUP, timeout=120)
        if setup.status != "ok":
            raise RuntimeError("setup failed in " + kernel_name)
        for name, expression in OPERATIONS:
            reply = kernel.execute(f'System.out.println(values({expression}));', timeout=120)
            text = "".join(m["content"]["text"] for m in reply.iopub if m["msg_type"] == "stream").strip()
            error = [m["content"]["ename"] + ": " + m["content"]["evalue"] for m in reply.iopub if m["msg_type"] == "error"]
            error += [m["content"]["text"] for m in reply.iopub if m["msg_type"] == "stream" and m["content"]["name"] == "stderr"]
            results[name] = [float(t) for t in text.strip("[]").split(", ")] if reply.status == "ok" and text else \
                ("error: " + (error[0] if error else text or "no output")).strip()
    finally:
        kernel.shutdown()
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kernel_a")
    parser.add_argument("kernel_b")
    parser.add_argument("--tolerance", type=float, default=1e-5)
    args = parser.parse_args()
    a, b = run(args.kernel_a), run(args.kernel_b)
    print(f"{args.kernel_a}: libtorch {a.pop('libtorch')}; {args.kernel_b}: libtorch {b.pop('libtorch')}; "
          f"{len(OPERATIONS)} operations")
    differing = failed = 0
    for name, _ in OPERATIONS:
        left, right = a[name], b[name]
        if isinstance(left, str) and isinstance(right, str):
            # Not compared: the expression is wrong, or neither libtorch has the operation.
            failed += 1
            print(f"FAILED IN BOTH {name}: {left.splitlines()[0]}")
            continue
        if isinstance(left, str) or isinstance(right, str):
            same = left == right
            detail = f"{left!r} vs {right!r}"
        else:
            worst = max((abs(p - q) / max(1.0, abs(p)) for p, q in zip(left, right)), default=0.0)
            same = len(left) == len(right) and worst <= args.tolerance
            detail = f"largest relative difference {worst:.3g}" if len(left) == len(right) else "different sizes"
        if not same:
            differing += 1
            print(f"DIFFERS {name}: {detail}")
    print(f"{len(OPERATIONS) - differing - failed} agree, {differing} differ, {failed} failed in both "
          f"(tolerance {args.tolerance:g})")
    return 1 if differing or failed else 0


if __name__ == "__main__":
    sys.exit(main())
