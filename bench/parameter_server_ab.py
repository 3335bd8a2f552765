"""What DJL's copies of each gradient cost a training step, measured in one runtime.

Djinn's runtime agent lets DJL's LocalParameterServer hand a one-device parameter's own gradient straight to DJL's
own SGD, Adam and AdamW (SingleDeviceUpdate), and SGD then scales that gradient in place instead of cloning it
(InPlaceSgd). Fresh kernels on a noisy 2-core machine vary by 20% from start to start, more than this costs, so
both ways run in one runtime: two trainers of the same MLP (DjlBench.jsh's) with SGD, one through the rewritten
server (A) and one through CopyingServer, which does what DJL's one-device path does (B: its copy, then the native
update with its own), timed in alternating windows of steps after a warm-up. It prints the medians and the paired
ratio B/A with its quartiles.

Usage: JUPYTER_PATH=... python bench/parameter_server_ab.py --kernel NAME [--batch 64] [--windows 40] [--steps 150]
"""
import argparse
import os
import statistics

import jupyter_client

HERE = os.path.dirname(os.path.abspath(__file__))

TRAINERS = """
/** DJL's LocalParameterServer.update on one device, copy included. */
class CopyingServer implements ai.djl.training.ParameterServer {
    private final Optimizer optimizer;
    CopyingServer(Optimizer optimizer) { this.optimizer = optimizer; }
    public void init(String parameterId, NDArray[] value) {}
    public void update(String parameterId, NDArray[] grads, NDArray[] params) {
        try (NDArray copy = grads[0].duplicate()) { optimizer.update(parameterId, params[0], copy); }
    }
    public void close() {}
}
Trainer abTrainer(int batch, boolean copying) throws Exception {
    Engine.getInstance().setRandomSeed(0);
    var block = new SequentialBlock().add(Linear.builder().setUnits(256).build()).add(Activation::relu)
            .add(Linear.builder().setUnits(10).build());
    Model model = Model.newInstance("mlp-" + copying, benchDevice);
    model.setBlock(block);
    Optimizer optimizer = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build();
    Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer));
    trainer.initialize(new Shape(batch, 784));
    if (copying) {
        var storeField = Trainer.class.getDeclaredField("parameterStore");
        storeField.setAccessible(true);
        var serverField = ai.djl.training.ParameterStore.class.getDeclaredField("parameterServer");
        serverField.setAccessible(true);
        serverField.set(storeField.get(trainer), new CopyingServer(optimizer));
    }
    return trainer;
}
double[] abWindows(int batch, int windows, int steps) throws Exception {
    Trainer[] trainers = {abTrainer(batch, false), abTrainer(batch, true)};
    NDArray[][] data = new NDArray[2][];
    for (int t = 0; t < 2; t++) {
        NDManager m = trainers[t].getManager();
        data[t] = new NDArray[] {m.randomNormal(new Shape(batch, 784)),
                m.randomInteger(0, 10, new Shape(batch), DataType.INT32).toType(DataType.FLOAT32, false)};
    }
    java.util.function.IntToDoubleFunction window = t -> {
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            try (NDScope scope = new NDScope()) {
                try (GradientCollector collector = trainers[t].newGradientCollector()) {
                    collector.backward(trainers[t].getLoss().evaluate(new NDList(data[t][1]),
                            trainers[t].forward(new NDList(data[t][0]))));
                }
                trainers[t].step();
            }
        }
        sync(data[t][0]);
        return (double) batch * steps / ((System.nanoTime() - start) / 1e9);
    };
    long warmUntil = System.nanoTime() + 4_000_000_000L;
    while (System.nanoTime() < warmUntil) { window.applyAsDouble(0); window.applyAsDouble(1); }
    double[] samples = new double[2 * windows];
    for (int w = 0; w < windows; w++) {
        int first = w % 2;  // which goes first alternates
        samples[2 * w + first] = window.applyAsDouble(first);
        samples[2 * w + 1 - first] = window.applyAsDouble(1 - first);
    }
    for (Trainer trainer : trainers) trainer.close();
    return samples;
}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--windows", type=int, default=40)
    parser.add_argument("--steps", type=int, default=150)
    args = parser.parse_args()
    definitions = open(os.path.join(HERE, "DjlBench.jsh")).read().split("double mlpSamplesPerSecond")[0]
    manager = jupyter_client.KernelManager(kernel_name=args.kernel)
    manager.start_kernel()
    client = manager.blocking_client()
    client.start_channels()
    output = []
    try:
        client.wait_for_ready(timeout=120)
        for code in (definitions, TRAINERS, f"for (double s : abWindows({args.batch}, {args.windows}, {args.steps})) "
                     "System.out.println(s);"):
            reply = client.execute_interactive(code, timeout=1800, output_hook=lambda msg: output.append(
                msg["content"]["text"]) if msg["msg_type"] == "stream" else None)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"cell failed: {reply['content'].get('evalue')}")
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    samples = [float(line) for line in "".join(output).split()]
    rewritten, copying = samples[0::2], samples[1::2]
    ratios = [b / a for a, b in zip(rewritten, copying)]
    quartiles = statistics.quantiles(ratios, n=4)
    print(f"{args.kernel}, batch {args.batch}, {len(ratios)} windows of {args.steps} steps: Djinn's update "
          f"{statistics.median(rewritten):.0f} samples/s, DJL's with its copies {statistics.median(copying):.0f}; "
          f"paired ratio {statistics.median(ratios):.3f} (quartiles {quartiles[0]:.3f}-{quartiles[2]:.3f})")


if __name__ == "__main__":
    main()
