package ir.peyk.adapter;

import java.util.List;

/**
 * What one poll (or one webhook post) brought.
 *
 * @param items      the updates, in the platform's order; an item whose update could not be parsed is a poison item
 * @param nextOffset the offset to ask for next time (opaque: Telegram's is a number, Rubika's a string); null = same
 */
public record Batch(List<Item> items, String nextOffset) {
    public Batch {
        items = List.copyOf(items);
    }

    public static Batch empty(String offset) {
        return new Batch(List.of(), offset);
    }

    /**
     * @param key    dedupe key (same as {@link Update#key()} when parsed)
     * @param update the parsed update, or null for a poison item
     * @param error  why it could not be parsed (poison only), safe to log
     */
    public record Item(String key, Update update, String error) {
        public static Item ok(Update u) {
            return new Item(u.key(), u, null);
        }

        public static Item poison(String key, String error) {
            return new Item(key, null, error);
        }
    }
}
