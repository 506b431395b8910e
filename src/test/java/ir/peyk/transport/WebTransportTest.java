package ir.peyk.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Batch;
import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.InlineQuery;
import ir.peyk.adapter.InlineResult;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Sent;
import ir.peyk.transport.web.Conversation;
import ir.peyk.transport.web.WebTransport;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebTransportTest {
    final WebTransport web = new WebTransport();

    @Test
    void aLineBecomesAMessageUpdateAndTheBotsRepliesAndEditsAreKeptInOrder() {
        Batch b = web.message("w1", "admin", "سلام");
        Message m = assertInstanceOf(Message.class, b.items().get(0).update());
        assertEquals("web", m.transport());
        assertEquals("w1", m.chat().id());
        assertTrue(m.chat().isPrivate());
        Sent s = web.send("w1", new Reply("پاسخ", List.of(List.of(new Button("بیشتر", "more:1")))));
        web.send("w1", Reply.text("دومی"));
        web.edit("w1", s.messageId(), Reply.text("پاسخ بلندتر"));
        Conversation.Changes all = web.conversation("w1").since(-1);
        assertEquals(List.of("سلام", "پاسخ بلندتر", "دومی"), all.bubbles().stream().map(x -> x.text()).toList(),
                "an edit stays in its place");
        Conversation.Changes after = web.conversation("w1").since(all.version() - 1);
        assertEquals(List.of("پاسخ بلندتر"), after.bubbles().stream().map(x -> x.text()).toList(), "only what changed");
    }

    @Test
    void onlyAButtonTheBotShowedCanBePressed() {
        Sent s = web.send("w1", new Reply("پاسخ", List.of(List.of(new Button("بیشتر", "more:1")))));
        ButtonPress p = assertInstanceOf(ButtonPress.class, web.press("w1", "admin", s.messageId(), 0, 0).items().get(0).update());
        assertEquals("more:1", p.data());
        assertEquals(s.messageId(), p.messageId());
        assertNull(web.press("w1", "admin", s.messageId(), 0, 1));
        assertNull(web.press("w1", "admin", "nope", 0, 0));
        assertNull(web.press("w2", "admin", s.messageId(), 0, 0), "another chat's message");
    }

    @Test
    void inlineResultsGoToTheAskingChatAndALateAnswerToAnOldQueryIsDropped() {
        InlineQuery q1 = (InlineQuery) web.inline("w1", "admin", "روبیکا", "").items().get(0).update();
        InlineQuery q2 = (InlineQuery) web.inline("w1", "admin", "بله", "").items().get(0).update();
        web.answerInline(q2, List.of(new InlineResult("1", "t", "d", "متن")), "");
        web.answerInline(q1, List.of(), "");
        Conversation.Inline in = web.conversation("w1").since(-1).inline();
        assertEquals("بله", in.query());
        assertEquals(1, in.results().size());
    }
}
