package ir.peyk.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import ir.peyk.config.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging as the operator sets it in the environment, applied at start (before anything logs):
 *
 * <ul>
 *   <li>{@code PEYK_LOG_LEVEL}: TRACE, DEBUG, INFO, WARN (default), ERROR or OFF;</li>
 *   <li>{@code PEYK_LOG_FORMAT}: {@code text} (default; ISO-8601 timestamps) or {@code json} (one object a line);</li>
 *   <li>{@code PEYK_LOG_FILE}: write to this file instead of stderr, rolled at {@code PEYK_LOG_FILE_MAX_SIZE}
 *       (default 10MB) into {@code FILE.1} … {@code FILE.5}.</li>
 * </ul>
 *
 * At the default level, the one line per started transport ({@code ir.peyk.adapter.StartedTransports}, INFO) is still
 * shown: a successful start should say so. Done in code rather than in logback.xml because a choice of encoder and
 * appender by variable needs conditionals that logback.xml only has with an extra scripting library — and parsing any
 * logback.xml at start loads about 500 classes of XML machinery (see {@link BootConfigurator}).
 */
public final class LogSetup {
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{24} - %msg%n";
    static final int KEEP_FILES = 5;
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private LogSetup() {}

    /**
     * Replaces the logging configuration with the one {@code env} asks for.
     *
     * @throws ConfigException a bad value, or a log file that cannot be written (the message says which and why)
     */
    public static void configure(Map<String, String> env) throws ConfigException {
        apply((LoggerContext) LoggerFactory.getILoggerFactory(), env);
    }

    /** Configures {@code ctx} as {@code env} asks; {@link BootConfigurator} calls it while logback starts. */
    static void apply(LoggerContext ctx, Map<String, String> env) throws ConfigException {
        String levelName = value(env, "PEYK_LOG_LEVEL", "WARN").toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(levelName)) {
            throw new ConfigException("PEYK_LOG_LEVEL must be one of " + LEVELS + ", not '" + levelName + "'");
        }
        String format = value(env, "PEYK_LOG_FORMAT", "text").toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new ConfigException("PEYK_LOG_FORMAT must be text or json, not '" + format + "'");
        }
        String file = value(env, "PEYK_LOG_FILE", null);
        FileSize maxSize = fileSize(value(env, "PEYK_LOG_FILE_MAX_SIZE", "10MB"));
        if (file != null) checkWritable(Path.of(file));

        ctx.reset();
        Encoder<ILoggingEvent> encoder = encoder(ctx, format);
        OutputStreamAppender<ILoggingEvent> appender = file == null ? console(ctx) : rolling(ctx, file, maxSize);
        appender.setEncoder(encoder);
        appender.start();
        Level level = Level.toLevel(levelName);
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        root.addAppender(appender);
        ctx.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        if (level.equals(Level.WARN)) ctx.getLogger("ir.peyk.adapter.StartedTransports").setLevel(Level.INFO);
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static FileSize fileSize(String s) throws ConfigException {
        try {
            FileSize size = FileSize.valueOf(s);
            if (size.getSize() < 1024) throw new IllegalArgumentException("too small");
            return size;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PEYK_LOG_FILE_MAX_SIZE must be a size such as 10MB (at least 1KB), not '" + s + "'");
        }
    }

    /** Opens the file for appending once, so a path that cannot be written is told at start, in one line. */
    private static void checkWritable(Path file) throws ConfigException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.flush();
            }
        } catch (IOException | SecurityException e) {
            throw new ConfigException("cannot write the log file " + file + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null || e.getMessage().equals(file.toString()) ? "" : ": " + e.getMessage())
                    + "); set PEYK_LOG_FILE to a writable file, or unset it to log to stderr");
        }
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext ctx, String format) {
        if (format.equals("json")) {
            JsonLineLayout layout = new JsonLineLayout();
            layout.setContext(ctx);
            layout.start();
            LayoutWrappingEncoder<ILoggingEvent> e = new LayoutWrappingEncoder<>();
            e.setContext(ctx);
            e.setLayout(layout);
            e.start();
            return e;
        }
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(TEXT_PATTERN);
        e.start();
        return e;
    }

    /** stderr, so stdout stays clean for answers, JSON and the console transport. */
    private static OutputStreamAppender<ILoggingEvent> console(LoggerContext ctx) {
        ConsoleAppender<ILoggingEvent> a = new ConsoleAppender<>();
        a.setContext(ctx);
        a.setName("STDERR");
        a.setTarget("System.err");
        return a;
    }

    private static OutputStreamAppender<ILoggingEvent> rolling(LoggerContext ctx, String file, FileSize maxSize) {
        RollingFileAppender<ILoggingEvent> a = new RollingFileAppender<>();
        a.setContext(ctx);
        a.setName("FILE");
        a.setFile(file);
        FixedWindowRollingPolicy window = new FixedWindowRollingPolicy();
        window.setContext(ctx);
        window.setParent(a);
        window.setFileNamePattern(file + ".%i");
        window.setMinIndex(1);
        window.setMaxIndex(KEEP_FILES);
        window.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(ctx);
        trigger.setMaxFileSize(maxSize);
        trigger.start();
        a.setRollingPolicy(window);
        a.setTriggeringPolicy(trigger);
        return a;
    }
}
