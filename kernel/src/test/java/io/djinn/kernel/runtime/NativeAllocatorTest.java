package io.djinn.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NativeAllocatorTest {

    private static final Map<String, String> KERNEL = Map.of("PATH", "/usr/bin", "HOME", "/root");

    @Test
    void onLinuxTheRuntimeKeepsItsFreedMemoryAndGetsTheSessionsVariables() {
        Map<String, String> environment = NativeAllocator.environment(true, KERNEL, Map.of("OMP_NUM_THREADS", "1"), "Linux");
        assertEquals(Map.of("MALLOC_MMAP_THRESHOLD_", "33554432", "MALLOC_TRIM_THRESHOLD_", "268435456",
                "OMP_NUM_THREADS", "1"), environment);
    }

    @Test
    void aUsersOwnMallocSettingLeavesGlibcAsTheUserSetIt() {
        for (Map.Entry<String, String> choice : Map.of(
                "MALLOC_ARENA_MAX", "2",
                "MALLOC_TRIM_THRESHOLD_", "131072",
                "GLIBC_TUNABLES", "glibc.rtld.nns=2:glibc.malloc.mmap_threshold=65536",
                "LD_PRELOAD", "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2").entrySet()) {
            Map<String, String> inherited = Map.of(choice.getKey(), choice.getValue());
            assertEquals(Map.of(), NativeAllocator.environment(true, inherited, Map.of(), "Linux"), choice.getKey());
            // set with %env in the session, it counts the same, and is passed on
            assertEquals(Map.of(choice.getKey(), choice.getValue()),
                    NativeAllocator.environment(true, KERNEL, inherited, "Linux"), choice.getKey());
            assertEquals(Optional.of(choice.getKey()), NativeAllocator.usersChoice(KERNEL, inherited));
        }
    }

    @Test
    void unrelatedTunablesAndPreloadsAreNotAChoiceOfAllocator() {
        Map<String, String> inherited = Map.of("GLIBC_TUNABLES", "glibc.rtld.nns=2",
                "LD_PRELOAD", "/opt/lib/libfaketime.so");
        assertEquals(NativeAllocator.SETTINGS, NativeAllocator.environment(true, inherited, Map.of(), "Linux"));
    }

    @Test
    void turnedOffGlibcKeepsItsDefaults() {
        assertEquals(Map.of("A", "b"), NativeAllocator.environment(false, KERNEL, Map.of("A", "b"), "Linux"));
    }

    @Test
    void elsewhereThanLinuxNothingIsSet() {
        assertEquals(Map.of(), NativeAllocator.environment(true, KERNEL, Map.of(), "Mac OS X"));
        assertEquals(Map.of("A", "b"), NativeAllocator.environment(true, KERNEL, Map.of("A", "b"), "Windows 11"));
    }
}
