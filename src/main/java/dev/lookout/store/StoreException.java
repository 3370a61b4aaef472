package dev.lookout.store;

/** The store cannot be opened or used; the message says why in one line and names the file or folder. */
public class StoreException extends Exception {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
