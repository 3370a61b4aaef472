package dev.lookout.convert;

/** A model that cannot be read or converted; the message names the problem and the file or node involved. */
public final class ConversionException extends Exception {

    /** Creates the exception with a message for the user. */
    public ConversionException(String message) {
        super(message);
    }

    /** Creates the exception with a message for the user and the underlying cause. */
    public ConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
