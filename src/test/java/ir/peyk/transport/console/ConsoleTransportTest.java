package ir.peyk.transport.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Batch;
import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.InlineQuery;
import ir.peyk.adapter.InlineResult;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Update;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console transport on real streams: lines in, printed replies out, end of input. */
class ConsoleTransportTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private ConsoleTransport console(String input) {
        return new ConsoleTransport(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Update next(ConsoleTransport c) {
        for (int i = 0; i < 50 && !c.exhausted(); i++) {
            Batch b = c.poll(null);
            if (!b.items().isEmpty()) return b.items().get(0).update();
        }
        return null;
    }

    @Test
    void linesBecomeMessagesOneAtATimeAndEofEndsIt() {
        ConsoleTransport c = console("/start\n\n  سلام دنیا  \n");
        c.start();
        Message first = assertInstanceOf(Message.class, next(c));
        assertEquals("/start", first.text());
        assertTrue(first.chat().isPrivate());
        Message second = assertInstanceOf(Message.class, next(c));
        assertEquals("سلام دنیا", second.text());
        assertNotEquals(first.key(), second.key());
        assertEquals(first.orderingKey(), second.orderingKey());
        assertEquals(null, next(c));
        assertTrue(c.exhausted());
    }

    @Test
    void buttonsAreNumberedAndPressedByNumber() {
        ConsoleTransport c = console("/press 2\n/press 9\n");
        c.start();
        c.send("console", new Reply("خلاصه", List.of(List.of(new Button("بیشتر", "more:2"), new Button("نقل قول", "quote")))));
        assertTrue(out().contains("خلاصه\n[1] بیشتر  [2] نقل قول\n"), out());
        ButtonPress press = assertInstanceOf(ButtonPress.class, next(c));
        assertEquals("quote", press.data());
        List<Update> rest = new ArrayList<>();
        Update u;
        while ((u = next(c)) != null) rest.add(u);
        assertTrue(rest.isEmpty(), "an unknown button number is not an update");
        assertTrue(out().contains("no such button"), out());
    }

    @Test
    void inlineQueriesArePrinted() {
        ConsoleTransport c = console("/inline روبیکا\n");
        c.start();
        InlineQuery q = assertInstanceOf(InlineQuery.class, next(c));
        assertEquals("روبیکا", q.query());
        assertFalse(c.capabilities().polling() == false);
        c.answerInline(q, List.of(new InlineResult("1", "پاسخ", "کوتاه", "متن پاسخ")), "10");
        assertTrue(out().contains("1. پاسخ — کوتاه\n   متن پاسخ\n"), out());
        assertTrue(out().contains("next offset 10"), out());
    }
}
