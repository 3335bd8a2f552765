package io.djinn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void rendersFractionElapsedEtaAndRate() {
        AtomicLong now = new AtomicLong(0);
        Progress bar = new Progress("epochs", 10, now::get);
        now.set(2_000_000_000L);
        bar.advance(4);
        MimeBundle running = bar.render(now.get(), false);
        assertEquals("epochs  40% 4/10 [00:02 < 00:03, 2.00 it/s]", running.toString());
        assertTrue(((String) running.data().get(MimeBundle.HTML)).contains("width:40.0%"));
    }

    @Test
    void clockFormats() {
        assertEquals("00:05", io.djinn.runtime.render.ProgressBar.clock(5));
        assertEquals("02:05", io.djinn.runtime.render.ProgressBar.clock(125));
        assertEquals("1:00:01", io.djinn.runtime.render.ProgressBar.clock(3601));
    }
}
