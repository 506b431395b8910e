package ir.peyk.store;

/**
 * The database cannot be reached right now (PostgreSQL down or unreachable), as opposed to a statement that is wrong.
 * Callers that can let the work be retried later — a webhook answering 503 so the platform re-sends — catch this one.
 */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
