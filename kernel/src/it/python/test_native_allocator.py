"""The runtime JVM's native allocator: glibc keeps freed tensor memory for the next step (NativeAllocator), unless
the user chose how it allocates or turned it off. Its speed is measured in bench/, not here."""
import pytest

from djinn_client import KERNELS, Kernel

SETTINGS = ('System.getenv("MALLOC_MMAP_THRESHOLD_") + " " + System.getenv("MALLOC_TRIM_THRESHOLD_") + " "'
            ' + System.getenv("MALLOC_ARENA_MAX")')


def runtime_settings(env):
    kernel = Kernel(KERNELS[0], env=env)
    try:
        settings = kernel.ok(SETTINGS).result_text().strip('"')
        # DJL works whatever the allocator does
        assert "3." in kernel.ok("manager.create(new float[] {1, 2}).sum()").result_text()
        return settings
    finally:
        kernel.shutdown()


def test_the_runtime_keeps_freed_native_memory(kernel):
    assert kernel.ok(SETTINGS).result_text().strip('"') == "33554432 268435456 null"


@pytest.mark.parametrize("env, expected", [
    ({"MALLOC_ARENA_MAX": "2"}, "null null 2"),
    ({"DJINN_KEEP_NATIVE_MEMORY": "false"}, "null null null"),
])
def test_a_users_choice_leaves_glibc_as_set(env, expected):
    assert runtime_settings(env) == expected
