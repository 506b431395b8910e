package ir.peyk.ingest;

/** A page or file that cannot become an article; the message is one line that says what to do. */
public final class IngestException extends Exception {
    public IngestException(String message) {
        super(message);
    }
}
