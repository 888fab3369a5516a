package io.mixai.cli;

/** Input the command cannot use (a bad settings file, an unusable reference): exit code 3. */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
