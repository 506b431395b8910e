package ir.peyk.store;

/** The store could not be opened, read or written. The message is one line for the operator. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
