package io.djinn.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.runtime.execution.DjinnExecutionControl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ControlListenerTest {

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @Test
    void theEndOfTheConnectionMeansTheKernelHasGone() throws Exception {
        CountDownLatch gone = new CountDownLatch(1);
        ControlListener.start(new ByteArrayInputStream(new byte[0]), new DjinnExecutionControl(), log, gone::countDown);
        assertTrue(gone.await(10, TimeUnit.SECONDS));
    }

    @Test
    void aConnectionThatBreaksMeansTheKernelHasGone() throws Exception {
        CountDownLatch gone = new CountDownLatch(1);
        ControlListener.start(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new SocketException("Connection reset");
            }
        }, new DjinnExecutionControl(), log, gone::countDown);
        assertTrue(gone.await(10, TimeUnit.SECONDS));
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("Connection reset"), logged::toString);
    }

    @Test
    void anUnknownFrameStopsListeningButLeavesTheRuntime() throws Exception {
        CountDownLatch gone = new CountDownLatch(1);
        ControlListener.start(new ByteArrayInputStream(new byte[] {0x7f}), new DjinnExecutionControl(), log,
                gone::countDown);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!logged.toString(StandardCharsets.UTF_8).contains("unknown control frame 127")) {
            assertTrue(System.nanoTime() < deadline, "the unknown frame was not reported: " + logged);
            Thread.sleep(10);
        }
        // The listener has returned or is returning: a runtime told to exit would be told now.
        assertFalse(gone.await(500, TimeUnit.MILLISECONDS));
    }
}
