package ir.peyk.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The inbox's hand-written JSON of a message is the mapper's, and reads back as the same update. */
class UpdateJsonTest {
    @Test
    void aMessageIsWrittenAsTheMapperWritesItAndReadsBackEqual() throws Exception {
        Chat group = new Chat("-100123", Chat.Type.GROUP, "گروه «خبر» \"quoted\"");
        User alice = new User("42", "alice", "Alice \u200c آلیس", false);
        List<Update> all = List.of(
                new Message("telegram", "1", new Chat("42", Chat.Type.PRIVATE, null), alice, "9", "سلام؟", false, 123L),
                new Message("bale", "2", group, alice, "10", "line\nbreak\t\\ \u0000 \uD83D\uDE00 \uD800 lone", true,
                        -1L, "the message replied to"),
                new Message("rubika", "3", null, null, null, null, false, 0L, null),
                new Message("eitaa", "4", new Chat("c", null, "t"), new User(null, null, null, true), "m", "", false,
                        Long.MAX_VALUE, ""),
                new ButtonPress("telegram", "5", group, alice, "cb", "11", "ev:x:1"));
        for (Update u : all) {
            String json = UpdateJson.write(u);
            assertEquals(Inbox.JSON.writeValueAsString(u), json);
            assertEquals(u, Inbox.decode(json));
        }
    }
}
