package io.djinn.magics;

/** A magic failed in a way the user can fix; its message is shown as is, without a stack trace. */
public class MagicException extends Exception {

    public MagicException(String message) {
        super(message);
    }

    public MagicException(String message, Throwable cause) {
        super(message, cause);
    }
}
