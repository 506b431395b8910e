package ir.peyk.store;

import ir.peyk.testing.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A fresh, empty store of one backend for a contract test: a SQLite file in a temporary folder, or a schema of its
 * own on the PostgreSQL test server. {@link #open} may be called again to reopen the same store.
 */
public abstract class Backend implements AutoCloseable {
    public abstract StoreLocation location();

    public Database open() {
        return Database.open(location());
    }

    /** Both backends, for {@code @MethodSource("ir.peyk.store.Backend#both")}. */
    public static Stream<String> both() {
        return Stream.of("sqlite", "postgresql");
    }

    public static Backend of(String name) {
        return name.equals("sqlite") ? sqlite() : postgresql();
    }

    public static Backend sqlite() {
        try {
            Path dir = Files.createTempDirectory("peyk-store");
            StoreLocation location = new StoreLocation.Sqlite(dir.resolve("peyk.db"));
            return new Backend() {
                @Override
                public StoreLocation location() {
                    return location;
                }

                @Override
                public void close() {
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public String toString() {
                    return "sqlite";
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Backend postgresql() {
        Postgres pg = Postgres.fresh();
        return new Backend() {
            @Override
            public StoreLocation location() {
                return pg.location();
            }

            @Override
            public void close() {
                pg.close();
            }

            @Override
            public String toString() {
                return "postgresql";
            }
        };
    }

    @Override
    public abstract void close();
}
