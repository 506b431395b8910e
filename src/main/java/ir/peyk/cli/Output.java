package ir.peyk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** How commands print: standard output as UTF-8, and indented JSON for {@code --json}. */
final class Output {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Output() {}

    /** Standard output as UTF-8 whatever the platform's default charset (Persian text must not turn into "?"). */
    static PrintStream utf8() {
        return new PrintStream(System.out, false, StandardCharsets.UTF_8);
    }

    /** {@code value} as indented JSON (one document, stable field names: records keep their component order). */
    static String prettyJson(Object value) throws JsonProcessingException {
        return PRETTY.writeValueAsString(value);
    }
}
