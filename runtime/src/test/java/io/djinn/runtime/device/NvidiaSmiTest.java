package io.djinn.runtime.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NvidiaSmiTest {

    static String resource(String name) throws IOException {
        try (InputStream in = NvidiaSmiTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parsesEveryFieldAndTreatsNotAvailableAsMissing() throws IOException {
        List<GpuStatus> gpus = NvidiaSmi.parseQuery(resource("nvidia-smi-query.csv"));
        assertEquals(3, gpus.size());
        GpuStatus busy = gpus.get(1);
        assertEquals(1, busy.index());
        assertEquals("GPU-9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", busy.uuid());
        assertEquals("NVIDIA H100 80GB HBM3", busy.name());
        assertEquals("570.124.06", busy.driverVersion());
        assertEquals(40961L, busy.memoryUsedMiB());
        assertEquals(81559L, busy.memoryTotalMiB());
        assertEquals(87, busy.utilizationPercent());
        assertEquals(58, busy.temperatureC());
        assertEquals(512.33, busy.powerDrawW());
        assertEquals(700.0, busy.powerLimitW());
        assertEquals("9.0", busy.computeCapability());
        GpuStatus sparse = gpus.get(2);
        assertNull(sparse.memoryUsedMiB());
        assertNull(sparse.utilizationPercent());
        assertNull(sparse.powerDrawW());
    }

    @Test
    void readsTheCudaVersionFromTheSummary() throws IOException {
        assertEquals("12.8", NvidiaSmi.parseCudaVersion(resource("nvidia-smi-summary.txt")));
        assertNull(NvidiaSmi.parseCudaVersion("NVIDIA-SMI has failed because it couldn't communicate with the driver"));
    }

    @Test
    void aTruncatedLineIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> NvidiaSmi.parseQuery("0, GPU-1, NVIDIA H100"));
    }

    @Test
    void theReportShowsEachGpuAndTheVersions() throws IOException {
        GpuReport report = new GpuReport("12.8", NvidiaSmi.parseQuery(resource("nvidia-smi-query.csv")), null);
        String text = report.toString();
        assertTrue(text.startsWith("3 GPUs, driver 570.124.06, CUDA 12.8"), text);
        assertTrue(text.contains("NVIDIA H100 80GB HBM3  40.0 GiB     79.6 GiB      87 %         58 °C        512 W / 700 W"),
                text);
        assertTrue(text.contains("n/a"), text);
        String html = (String) report.toMimeBundle().data().get("text/html");
        assertTrue(html.contains("<td>NVIDIA H100 80GB HBM3</td><td>40.0 GiB</td><td>79.6 GiB</td><td>87 %</td>"), html);
    }

    @Test
    void withoutAGpuItSaysSoPlainly() {
        GpuReport none = new GpuReport(null, List.of(), "there is no NVIDIA GPU on this machine");
        assertEquals("No GPU: there is no NVIDIA GPU on this machine.", none.toString());
    }

    @Test
    void cudaNumbersFollowVisibleDevices() throws IOException {
        List<GpuStatus> gpus = NvidiaSmi.parseQuery(resource("nvidia-smi-query.csv"));
        assertEquals(1, VisibleDevices.forCudaIndex(1, null, gpus).orElseThrow().index());
        assertEquals(2, VisibleDevices.forCudaIndex(0, "2,0", gpus).orElseThrow().index());
        assertEquals(0, VisibleDevices.forCudaIndex(1, "2,0", gpus).orElseThrow().index());
        assertEquals(1, VisibleDevices.forCudaIndex(0, "GPU-9e8d7c6b", gpus).orElseThrow().index());
        assertTrue(VisibleDevices.forCudaIndex(2, "2,0", gpus).isEmpty());
    }

    @Test
    void aHungCommandIsKilledAtItsTimeOut() {
        long started = System.nanoTime();
        assertEquals(Optional.empty(), NvidiaSmi.run(List.of("sleep", "30"), 300));
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        // 300 ms time-out; 10 s leaves room for a slow machine and still fails if the wait were unbounded.
        assertTrue(seconds < 10, "returned after " + seconds + " s");
    }

    @Test
    void outputIsReturnedOnlyWhenTheCommandSucceeds() {
        assertEquals(Optional.of("0, GPU-1\n"), NvidiaSmi.run(List.of("printf", "0, GPU-1\\n"), 10_000));
        assertEquals(Optional.empty(), NvidiaSmi.run(List.of("sh", "-c", "echo no driver; exit 9"), 10_000));
        assertEquals(Optional.empty(), NvidiaSmi.run(List.of("djinn-no-such-command"), 10_000));
    }
}
