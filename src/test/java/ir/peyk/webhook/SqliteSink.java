package ir.peyk.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.adapter.Batch;
import ir.peyk.adapter.UpdateSink;
import ir.peyk.store.Database;
import java.util.ArrayList;
import java.util.List;

/** A real, SQLite-backed sink with the inbox's contract: stored on return, duplicates ignored. */
final class SqliteSink implements UpdateSink {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;

    SqliteSink(Database db) {
        this.db = db;
        db.schema("CREATE TABLE IF NOT EXISTS test_inbox (transport TEXT NOT NULL, key TEXT NOT NULL, body TEXT, "
                + "error TEXT, PRIMARY KEY (transport, key))");
    }

    @Override
    public void submit(String transport, Batch batch) throws Exception {
        List<String> json = new ArrayList<>();
        for (Batch.Item i : batch.items()) json.add(i.update() == null ? null : JSON.writeValueAsString(i.update()));
        db.tx(c -> {
            try (var ps = c.prepareStatement("INSERT OR IGNORE INTO test_inbox VALUES (?, ?, ?, ?)")) {
                for (int k = 0; k < batch.items().size(); k++) {
                    ps.setString(1, transport);
                    ps.setString(2, batch.items().get(k).key());
                    ps.setString(3, json.get(k));
                    ps.setString(4, batch.items().get(k).error());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** "transport:key" of every stored item, in insertion order. */
    List<String> stored() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT transport, key FROM test_inbox ORDER BY rowid")) {
                while (rs.next()) out.add(rs.getString(1) + ":" + rs.getString(2));
            }
            return out;
        });
    }

    String body(String transport, String key) {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT body FROM test_inbox WHERE transport = ? AND key = ?")) {
                ps.setString(1, transport);
                ps.setString(2, key);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }
}
