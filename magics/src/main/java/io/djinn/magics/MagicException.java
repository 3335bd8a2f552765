package io.djinn.magics;

/**
 * A magic failed in a way the user can fix; its message is shown as is, without a stack trace, under an error
 * name: {@code UsageError} for bad input, another for what the magic ran ({@code CalledProcessError} when a shell
 * command failed, {@code Interrupted} when it was stopped).
 */
public class MagicException extends Exception {

    private final String errorName;

    public MagicException(String message) {
        this(message, "UsageError");
    }

    public MagicException(String message, String errorName) {
        super(message);
        this.errorName = errorName;
    }

    public MagicException(String message, Throwable cause) {
        super(message, cause);
        this.errorName = "UsageError";
    }

    /** The error's name in the notebook. */
    public String errorName() {
        return errorName;
    }
}
