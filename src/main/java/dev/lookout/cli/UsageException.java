package dev.lookout.cli;

/** A mistake in the command line itself; the CLI prints its message and exits with code 2. */
public final class UsageException extends Exception {

    /** Creates the exception with the message shown to the user. */
    public UsageException(String message) {
        super(message);
    }
}
