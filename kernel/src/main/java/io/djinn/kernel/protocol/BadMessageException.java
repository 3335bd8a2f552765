package io.djinn.kernel.protocol;

/** A received message that cannot be trusted or read; it is dropped, never acted on. */
public final class BadMessageException extends Exception {

    public BadMessageException(String message) {
        super(message);
    }
}
