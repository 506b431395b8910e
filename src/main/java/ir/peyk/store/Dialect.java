package ir.peyk.store;

/**
 * Which SQL the store speaks. Most statements are written once in the SQL both understand ({@code INSERT … ON CONFLICT
 * DO NOTHING}, {@code … DO UPDATE SET x=excluded.x}); a repository asks this only where the backends really differ
 * (claiming rows that several processes compete for).
 */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** The folder of this dialect's migration scripts under {@code db/migration/}. */
    public String folder() {
        return folder;
    }
}
