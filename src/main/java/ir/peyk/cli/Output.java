package ir.peyk.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Standard output as UTF-8 whatever the platform's default charset (Persian text must not turn into "?"). */
final class Output {
    private Output() {}

    static PrintStream utf8() {
        return new PrintStream(System.out, false, StandardCharsets.UTF_8);
    }
}
