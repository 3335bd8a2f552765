"""Heavy Java cells in a notebook, for comparing the runtime JVM's settings (its collector above all).

Each round starts each kernel in turn (rotated order) and runs three cells three times in one session: a
3-million-entry HashMap, a 5-million-row Tablesaw table built, summarised by 1,000 groups and sorted, and a churn
of short-lived double[64] arrays. It prints each cell's wall time and the collections' time inside it, then
medians per kernel. Make the kernels to compare with install, e.g.
`java -jar kernel/target/djinn.jar install --prefix P --name djinn-g1 --jvm-opt=-XX:+UseG1GC`.

Usage: JUPYTER_PATH=P/share/jupyter python bench/heavy_cells.py [--rounds N] --kernel NAME --kernel NAME...
"""
import argparse
import statistics
import time

import jupyter_client

SETUP = """import java.lang.management.*;
long collectionMillis() {
    long total = 0;
    for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) total += bean.getCollectionTime();
    return total;
}
String collections() {
    var text = new StringBuilder();
    for (var bean : ManagementFactory.getGarbageCollectorMXBeans())
        text.append(bean.getName()).append(' ').append(bean.getCollectionCount()).append(" in ")
            .append(bean.getCollectionTime()).append(" ms; ");
    return text.append("heap committed ").append(Runtime.getRuntime().totalMemory() >> 20).append(" MiB").toString();
}
var heavyRandom = new java.util.Random(42);"""

CELLS = {
    "map": """long before = collectionMillis();
var map = new java.util.HashMap<Integer, String>();
for (int i = 0; i < 3_000_000; i++) map.put(i, "value " + i);
System.out.println("collections " + (collectionMillis() - before) + " ms");""",
    "table": """long before = collectionMillis();
int n = 5_000_000;
double[] xs = new double[n]; String[] categories = new String[n]; int[] ks = new int[n];
for (int i = 0; i < n; i++) { xs[i] = heavyRandom.nextGaussian(); categories[i] = "c" + heavyRandom.nextInt(1000); ks[i] = heavyRandom.nextInt(100); }
var table = Table.create("t", DoubleColumn.create("x", xs), StringColumn.create("category", categories), IntColumn.create("k", ks));
var summary = table.summarize("x", tech.tablesaw.aggregate.AggregateFunctions.mean).by("category");
var sorted = table.sortOn("x");
System.out.println("collections " + (collectionMillis() - before) + " ms");""",
    "churn": """long before = collectionMillis();
var kept = new java.util.ArrayList<double[]>();
for (int i = 0; i < 200_000; i++) { kept.add(new double[64]); if (kept.size() > 100_000) kept.subList(0, 50_000).clear(); }
System.out.println("collections " + (collectionMillis() - before) + " ms");""",
}


def execute(client, code):
    started = time.perf_counter()
    output = []
    reply = client.execute_interactive(code, timeout=900, output_hook=lambda msg: output.append(
        msg["content"]["text"]) if msg["msg_type"] == "stream" else None)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell failed: {reply['content'].get('evalue')}")
    return time.perf_counter() - started, "".join(output).strip()


def session(kernel, round_number, times):
    manager = jupyter_client.KernelManager(kernel_name=kernel)
    manager.start_kernel()
    client = manager.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=120)
        execute(client, SETUP)
        for repeat in range(3):
            for name, code in CELLS.items():
                seconds, output = execute(client, code)
                times.setdefault(name, []).append(seconds)
                print(f"round {round_number} {kernel} {name} #{repeat + 1}: {seconds:.2f} s, {output}", flush=True)
        print(f"round {round_number} {kernel}: {execute(client, 'System.out.println(collections());')[1]}", flush=True)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernel", action="append", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    times = {kernel: {} for kernel in args.kernel}
    for round_number in range(args.rounds):
        shift = round_number % len(args.kernel)
        for kernel in args.kernel[shift:] + args.kernel[:shift]:
            session(kernel, round_number, times[kernel])
    for kernel, cells in times.items():
        print(kernel, "medians:", {name: f"{statistics.median(values):.2f} s" for name, values in cells.items()})


if __name__ == "__main__":
    main()
