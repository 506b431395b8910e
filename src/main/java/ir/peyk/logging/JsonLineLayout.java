package ir.peyk.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line, for log shippers ({@code PEYK_LOG_FORMAT=json}):
 * {@code {"time":"2026-12-04T20:40:00.123Z","level":"INFO","logger":"…","thread":"…","message":"…"}}, plus
 * {@code "error"} (the stack trace as one string) when the event carries one. Jackson does the escaping, so a
 * message with quotes, newlines or control characters is still one valid line.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    @Override
    public String doLayout(ILoggingEvent e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", TIME.format(Instant.ofEpochMilli(e.getTimeStamp())));
        line.put("level", e.getLevel().toString());
        line.put("logger", e.getLoggerName());
        line.put("thread", e.getThreadName());
        line.put("message", e.getFormattedMessage());
        if (e.getThrowableProxy() != null) line.put("error", ThrowableProxyUtil.asString(e.getThrowableProxy()));
        try {
            return JSON.writeValueAsString(line) + CoreConstants.LINE_SEPARATOR;
        } catch (JsonProcessingException ex) {
            return "{\"level\":\"ERROR\",\"message\":\"log line could not be encoded\"}" + CoreConstants.LINE_SEPARATOR;
        }
    }
}
