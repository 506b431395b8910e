package ir.peyk.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the store lives: a SQLite file (the embedded default), or a PostgreSQL database shared by several replicas.
 * The config's {@code store} (or {@code PEYK_DB}) selects it: a {@code postgresql://host[:port]/db?user=NAME} URL is
 * PostgreSQL, anything else a file path. The password comes only from {@code PEYK_DB_PASSWORD}: a URL that carries one
 * is refused, because config files and process lists are read by more people than the database's password should be.
 */
public sealed interface StoreLocation {
    /** The environment variable holding the PostgreSQL password. */
    String PASSWORD_ENV = "PEYK_DB_PASSWORD";

    /** What messages name the store by: the file, or the URL without its parameters (never a secret). */
    String display();

    /** A SQLite file. */
    record Sqlite(Path file) implements StoreLocation {
        @Override
        public String display() {
            return file.toString();
        }
    }

    /**
     * A PostgreSQL database.
     *
     * @param jdbcUrl  {@code jdbc:postgresql://…} with the URL's parameters (user, currentSchema, sslmode, …)
     * @param password from {@link #PASSWORD_ENV}, or null (trust or peer authentication)
     */
    record Postgres(String jdbcUrl, String display, String password) implements StoreLocation {
        @Override
        public String toString() {
            return "Postgres[" + display + "]"; // never the password
        }
    }

    /** Whether {@code text} names a PostgreSQL database rather than a file. */
    static boolean isUrl(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("postgresql://") || t.startsWith("postgres://") || t.startsWith("jdbc:postgresql://");
    }

    /**
     * Parses the store setting. A relative file path is resolved against {@code base}.
     *
     * @throws IllegalArgumentException with a one-line message saying what to change
     */
    static StoreLocation parse(String text, Path base, Map<String, String> env) {
        if (!isUrl(text)) return new Sqlite(base == null ? Path.of(text) : base.resolve(text));
        String t = text.strip();
        String rest = t.substring(t.indexOf("://") + 3);
        URI uri;
        try {
            uri = new URI("postgresql://" + rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the store URL is not a URL (" + e.getReason()
                    + "); write postgresql://HOST[:PORT]/DATABASE?user=NAME");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the store URL names no host; write postgresql://HOST[:PORT]/DATABASE?user=NAME");
        }
        String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (db.isEmpty() || db.contains("/")) {
            throw new IllegalArgumentException("the store URL names no database; write postgresql://HOST[:PORT]/DATABASE?user=NAME");
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String user = null;
        if (uri.getRawUserInfo() != null) {
            if (uri.getRawUserInfo().contains(":")) throw passwordInUrl();
            user = uri.getRawUserInfo();
        }
        for (String pair : query.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (name.equalsIgnoreCase("password")) throw passwordInUrl();
        }
        if (user != null) query = query.isEmpty() ? "user=" + user : query + "&user=" + user;
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String hostPort = uri.getHost() + ":" + port;
        String jdbc = "jdbc:postgresql://" + hostPort + "/" + db + (query.isEmpty() ? "" : "?" + query);
        String password = env.get(PASSWORD_ENV);
        return new Postgres(jdbc, "postgresql://" + hostPort + "/" + db, password == null || password.isEmpty() ? null : password);
    }

    private static IllegalArgumentException passwordInUrl() {
        return new IllegalArgumentException("the store URL contains a password: remove it and set " + PASSWORD_ENV
                + " instead (config files and process lists are not the place for it)");
    }
}
