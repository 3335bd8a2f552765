"""The runtime JVM's collector: the parallel collector with a 32 MB young generation by default (DJL's training
steps run faster on it, docs/benchmarks.md), and the user's own choice wherever java reads one, since a JVM given
two collectors does not start."""
import pytest

from djinn_client import KERNELS, Kernel

COLLECTORS = ('String.join(",", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()'
              '.map(b -> b.getName()).toList())')
PARALLEL = {"PS Scavenge", "PS MarkSweep"}
YOUNG_MAX_MIB = ('java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()'
                 '.filter(p -> p.getName().contains("Eden") || p.getName().contains("Survivor"))'
                 '.mapToLong(p -> p.getUsage().getMax()).sum() >> 20')


def collector_names(kernel):
    return set(kernel.ok(COLLECTORS).result_text().strip('"').split(","))


def collectors(env):
    kernel = Kernel(KERNELS[0], env=env)
    try:
        names = collector_names(kernel)
        young = int(kernel.ok(YOUNG_MAX_MIB).result_text())
        # the runtime works, DJL included
        assert "3." in kernel.ok("manager.create(new float[] {1, 2}).sum()").result_text()
        return names, young
    finally:
        kernel.shutdown()


def test_the_runtime_runs_the_parallel_collector_with_a_small_young_generation(each_jdk_kernel):
    assert collector_names(each_jdk_kernel) == PARALLEL
    young = int(each_jdk_kernel.ok(YOUNG_MAX_MIB).result_text())
    assert 16 <= young <= 32, young


@pytest.mark.parametrize("env, expected", [
    ({"DJINN_JVM_OPTS": "-Xmx1g -XX:+UseG1GC"}, {"G1 Young Generation", "G1 Old Generation"}),
    ({"IJAVA_JVM_OPTS": "-XX:+UseSerialGC"}, {"Copy", "MarkSweepCompact"}),
    # JDK_JAVA_OPTIONS reaches the kernel's own JVM too, which runs the serial collector already
    ({"JDK_JAVA_OPTIONS": "-XX:+UseSerialGC"}, {"Copy", "MarkSweepCompact"}),
])
def test_a_collector_the_user_chose_is_the_only_one(env, expected):
    names, _ = collectors(env)
    # JDK 21 and later add "G1 Concurrent GC" to G1's two
    assert expected <= names and not names & PARALLEL, names


def test_a_young_generation_the_user_sized_is_kept():
    names, young = collectors({"DJINN_JVM_OPTS": "-Xmn96m"})
    assert names == PARALLEL
    assert 64 < young <= 96, young
