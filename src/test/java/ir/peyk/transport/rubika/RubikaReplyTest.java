package ir.peyk.transport.rubika;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ir.peyk.adapter.Reply;
import ir.peyk.config.TransportConfig;
import ir.peyk.testing.FakeRubika;
import ir.peyk.transport.http.Throttle;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A group reply on Rubika quotes the message it answers, as on the Telegram family. */
class RubikaReplyTest {
    static final String GROUP = "g0QFtabc1I02214b529f1d60c9ce5b08";

    FakeRubika fake;
    final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeRubika(RubikaTransportTest.TOKEN);
    }

    @AfterEach
    void tearDown() throws Exception {
        fake.close();
    }

    @Test
    void aQuotingReplyCarriesReplyToMessageIdAndAPlainOneDoesNot() throws Exception {
        TransportConfig c = new TransportConfig("rubika", true, RubikaTransportTest.TOKEN, fake.apiUrl(), "polling",
                List.of(), Map.of("pollIdleMillis", "0"));
        RubikaTransport t = new RubikaTransport(c, http, new Throttle(Throttle.Limits.UNLIMITED),
                RubikaTransportTest.FAST, List.of());
        t.send(GROUP, Reply.text("پاسخ").quoting("777"));
        t.send(GROUP, Reply.text("بدون نقل"));
        List<FakeRubika.Call> sent = fake.calls("sendMessage");
        assertEquals("777", sent.get(0).body().path("reply_to_message_id").asText());
        assertFalse(sent.get(1).body().has("reply_to_message_id"));
    }
}
