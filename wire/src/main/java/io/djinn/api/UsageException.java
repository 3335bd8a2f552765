package io.djinn.api;

/**
 * A call into Djinn's API with arguments it cannot use (wrong rank, unknown column...). The kernel shows
 * its message as a one-line error, without a stack trace. It lives in the wire module, which both JVMs
 * have, so that the kernel names it by its class rather than by a string.
 */
public final class UsageException extends IllegalArgumentException {

    public UsageException(String message) {
        super(message);
    }
}
