package io.djinn.magics.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.magics.MagicException;
import io.djinn.magics.MagicRegistry;
import io.djinn.magics.RecordingMagicContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What %device, %gpu and %memory run in the runtime for each argument, and how they refuse bad ones. */
class DeviceMagicsTest {

    private final MagicRegistry registry = new MagicRegistry();
    private final RecordingMagicContext context = new RecordingMagicContext();

    DeviceMagicsTest() {
        DeviceMagics.registerAll(registry);
    }

    @Test
    void deviceShowsTheReportOrSwitchesAndShowsTheResult() throws Exception {
        registry.runLine("device", "", context);
        registry.runLine("device", "gpu:1", context);
        assertEquals(List.of("io.djinn.api.Devices.report()", "io.djinn.api.Devices.use(\"gpu:1\")"), context.ran);
        assertEquals(List.of(true, true), context.shown);
    }

    @Test
    void aDeviceNameIsPassedAsAJavaStringWhateverItHolds() throws Exception {
        // The runtime validates names (and says which exist); here it must only arrive intact.
        registry.runLine("device", "'a\"b'", context);
        assertEquals("io.djinn.api.Devices.use(\"a\\\"b\")", context.ran.get(0));
    }

    @Test
    void deviceTakesOneName() {
        MagicException error = assertThrows(MagicException.class, () -> registry.runLine("device", "cpu gpu", context));
        assertTrue(error.getMessage().startsWith("%device:"), error.getMessage());
        assertEquals(List.of(), context.ran);
    }

    @Test
    void gpuShowsTheGpus() throws Exception {
        registry.runLine("gpu", "", context);
        assertEquals(List.of("io.djinn.api.Devices.gpus()"), context.ran);
    }

    @Test
    void memoryReportsEmptiesTheCacheOrSwitchesFreeing() throws Exception {
        registry.runLine("memory", "", context);
        registry.runLine("memory", "--empty-cache", context);
        registry.runLine("memory", "--free off", context);
        registry.runLine("memory", "--free on", context);
        assertEquals(List.of("io.djinn.api.Devices.memory()", "io.djinn.api.Devices.emptyCache()",
                "io.djinn.api.Devices.freeUnreachable(false)", "io.djinn.api.Devices.freeUnreachable(true)"), context.ran);
    }

    @Test
    void memoryFreeTakesOnOrOff() {
        MagicException error = assertThrows(MagicException.class, () -> registry.runLine("memory", "--free yes", context));
        assertEquals("%memory: --free takes on or off, not 'yes'.", error.getMessage());
        assertEquals(List.of(), context.ran);
    }
}
