package io.djinn.runtime.device;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class KernelManagerTest {

    @Test
    void unwrapGivesTheManagerBehindTheNotebookManagerAndLeavesOthers() {
        try (NDManager real = NDManager.newBaseManager()) {
            NDManager notebook = KernelManager.create(() -> real);
            assertSame(real, KernelManager.unwrap(notebook));
            assertSame(real, KernelManager.unwrap(real));
            assertNull(KernelManager.unwrap(null));
        }
    }
}
