package ir.peyk.transport.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sendMessage's hand-written request body is byte for byte what the mapper writes for the record. */
class SendMessageJsonTest {
    @Test
    void theWrittenBodyIsTheMappersJson() throws Exception {
        Tg.InlineKeyboardMarkup keys = new Tg.InlineKeyboardMarkup(List.of(List.of(
                new Tg.InlineKeyboardButton("نشان دادن شاهد", "ev:abc:1,2"), new Tg.InlineKeyboardButton("x", null))));
        List<Methods.SendMessage> all = List.of(
                new Methods.SendMessage(123L, "پاسخ از متن خبر: «سلام» \"quoted\" \\ \n tab\t", null),
                new Methods.SendMessage(-100123L, "text", keys, 77L, Boolean.TRUE),
                new Methods.SendMessage("@channel", "متن", keys, null, null),
                new Methods.SendMessage(5L, null, null, null, Boolean.FALSE),
                new Methods.SendMessage(6L, "rows", new Tg.InlineKeyboardMarkup(List.of(
                        List.of(new Tg.InlineKeyboardButton("a", "1")), List.of(), List.of(
                                new Tg.InlineKeyboardButton(null, "2"), new Tg.InlineKeyboardButton("c", "3")))), null, null),
                new Methods.SendMessage(7L, "none", new Tg.InlineKeyboardMarkup(List.of()), null, null),
                new Methods.SendMessage(8L, "null rows", new Tg.InlineKeyboardMarkup(null), null, null),
                new Methods.SendMessage(null, "😀 emoji \u200c zwnj", null));
        for (Methods.SendMessage m : all) {
            assertEquals(new String(BotApi.json().writeValueAsBytes(m), StandardCharsets.UTF_8),
                    new String(BotApi.sendMessage(m), StandardCharsets.UTF_8));
        }
    }
}
