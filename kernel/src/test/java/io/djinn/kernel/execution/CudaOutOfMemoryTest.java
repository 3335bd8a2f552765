package io.djinn.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CudaOutOfMemoryTest {

    @Test
    void currentPyTorchWording() {
        String message = "CUDA out of memory. Tried to allocate 20.00 GiB. GPU 0 has a total capacity of 79.19 GiB of "
                + "which 3.94 GiB is free. Process 1234 has 75.24 GiB memory in use. Of the allocated memory 74.10 GiB "
                + "is allocated by PyTorch, and 512.00 MiB is reserved by PyTorch but unallocated. If reserved but "
                + "unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid "
                + "fragmentation.";
        assertEquals(Optional.of("CUDA out of memory: asked for 20.00 GiB on GPU 0, which had 3.94 GiB free of 79.19 GiB"),
                CudaOutOfMemory.summary(message));
    }

    @Test
    void olderPyTorchWording() {
        String message = "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 1; 15.78 GiB total capacity; "
                + "13.20 GiB already allocated; 1.05 GiB free; 13.50 GiB reserved in total by PyTorch)";
        assertEquals(Optional.of("CUDA out of memory: asked for 2.00 GiB on GPU 1, which had 1.05 GiB free of 15.78 GiB"),
                CudaOutOfMemory.summary(message));
    }

    @Test
    void anUnfamiliarTailStillNamesTheRequest() {
        assertEquals(Optional.of("CUDA out of memory: asked for 512.00 MiB"),
                CudaOutOfMemory.summary("CUDA out of memory. Tried to allocate 512.00 MiB. (details changed)"));
    }

    @Test
    void otherErrorsAreLeftAlone() {
        assertEquals(Optional.empty(), CudaOutOfMemory.summary("Shape mismatch"));
        assertEquals(Optional.empty(), CudaOutOfMemory.summary(null));
    }
}
