package io.djinn.kernel.protocol;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs dropped messages without letting a flood of bad input flood the log. */
final class RejectionLog {

    private static final Logger LOG = LoggerFactory.getLogger(RejectionLog.class);
    private static final int LOGGED_IN_FULL = 20;
    private static final int THEN_EVERY = 1000;

    private final AtomicLong count = new AtomicLong();

    void reject(String channel, String reason) {
        long n = count.incrementAndGet();
        if (n <= LOGGED_IN_FULL) {
            LOG.warn("dropped a message on {}: {}", channel, reason);
        } else if (n % THEN_EVERY == 0) {
            LOG.warn("dropped {} messages so far (latest on {}: {})", n, channel, reason);
        }
    }
}
