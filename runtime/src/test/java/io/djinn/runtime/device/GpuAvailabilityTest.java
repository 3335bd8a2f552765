package io.djinn.runtime.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GpuAvailabilityTest {

    /** A machine where gpu:0 and gpu:1 work. */
    private static CudaFacts working() {
        return new CudaFacts(true, true, true, true, 2, null, null);
    }

    private static String why(CudaFacts facts, int index) {
        Optional<String> reason = GpuAvailability.whyNot(facts, index);
        assertTrue(reason.isPresent(), "expected a reason");
        return reason.get();
    }

    @Test
    void aWorkingGpuHasNoReason() {
        assertEquals(Optional.empty(), GpuAvailability.whyNot(working(), 0));
        assertEquals(Optional.empty(), GpuAvailability.whyNot(working(), 1));
    }

    @Test
    void noDriver() {
        CudaFacts facts = new CudaFacts(false, false, true, false, 0, null, "no NVIDIA GPU found");
        assertTrue(why(facts, 0).startsWith("no NVIDIA driver on this machine"), why(facts, 0));
    }

    @Test
    void driverWithoutCudaRuntime() {
        CudaFacts facts = new CudaFacts(true, false, true, true, 0, null, null);
        assertTrue(why(facts, 0).contains("no CUDA runtime library (libcudart)"), why(facts, 0));
    }

    @Test
    void cpuLibtorchSaysHowToStartWithCuda() {
        CudaFacts facts = new CudaFacts(true, true, true, false, 1, null, "DJINN_TORCH_FLAVOR=cpu");
        String reason = why(facts, 0);
        assertTrue(reason.startsWith("the loaded libtorch is the CPU build (DJINN_TORCH_FLAVOR=cpu)"), reason);
        assertTrue(reason.contains("DJINN_TORCH_FLAVOR=auto"), reason);
        assertTrue(reason.contains("--torch-flavor auto"), reason);
    }

    @Test
    void indexOutOfRange() {
        assertEquals("gpu:2 is out of range: 2 GPUs are visible (gpu:0 to gpu:1)", why(working(), 2));
        CudaFacts one = new CudaFacts(true, true, true, true, 1, "3", null);
        assertEquals("gpu:1 is out of range: 1 GPU is visible (gpu:0); CUDA_VISIBLE_DEVICES='3' limits and "
                + "renumbers them", why(one, 1));
    }

    @Test
    void visibleDevicesHidingEverything() {
        for (String hidden : new String[] {"", "-1", "NoDevFiles"}) {
            CudaFacts facts = new CudaFacts(true, true, true, true, 0, hidden, null);
            assertTrue(why(facts, 0).startsWith("CUDA_VISIBLE_DEVICES='" + hidden + "' hides every GPU"), why(facts, 0));
        }
    }

    @Test
    void driverAndCudaButNoDeviceCounted() {
        CudaFacts facts = new CudaFacts(true, true, true, true, 0, "GPU-deadbeef", null);
        assertTrue(why(facts, 0).startsWith("the CUDA runtime reports no usable GPU (CUDA_VISIBLE_DEVICES='GPU-deadbeef')"),
                why(facts, 0));
    }

    @Test
    void theFirstBlockingReasonWins() {
        // CUDA_VISIBLE_DEVICES comes first: it is the user's own setting, and it alone explains the rest.
        CudaFacts facts = new CudaFacts(false, false, true, false, 0, "-1", null);
        assertTrue(why(facts, 0).startsWith("CUDA_VISIBLE_DEVICES='-1'"), why(facts, 0));
    }
}
