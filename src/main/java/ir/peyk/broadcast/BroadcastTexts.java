package ir.peyk.broadcast;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The admin-facing strings of broadcasts, from {@code peyk/i18n/broadcast_fa.properties} and {@code _en}. Counts are
 * written in the language's digits; job ids stay ASCII so that a command like {@code /broadcast_cancel 12} can be
 * copied as shown.
 */
public final class BroadcastTexts {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private BroadcastTexts(String lang) {
        this.locale = Locale.forLanguageTag(lang);
        this.bundle = ResourceBundle.getBundle("peyk/i18n/broadcast", locale, NO_FALLBACK);
    }

    private static final Map<String, BroadcastTexts> CACHE =
            Map.of("fa", new BroadcastTexts("fa"), "en", new BroadcastTexts("en"));

    /** The strings in {@code lang} ("fa" or "en"); anything else gets Persian, the bot's default. */
    public static BroadcastTexts of(String lang) {
        return CACHE.getOrDefault(lang == null ? "fa" : lang, CACHE.get("fa"));
    }

    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    public String num(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    public String rate(double perSecond) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(perSecond < 10 ? 1 : 0);
        return f.format(perSecond);
    }

    /** "45 s", "3 min", "1 h 5 min"; unknown for a negative value. */
    public String duration(long seconds) {
        if (seconds < 0) return get("unit.unknown");
        if (seconds < 90) return get("unit.seconds", num(seconds));
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) return get("unit.minutes", num(minutes));
        return get("unit.hours", num(minutes / 60), num(minutes % 60));
    }

    public String status(Job.Status s) {
        return get("status." + s.db());
    }

    /** The running job's progress line: sent / failed / left, the rate and the time to go. */
    public String progress(Job j, double ratePerSecond) {
        long eta = ratePerSecond > 0 ? Math.round(j.left() / ratePerSecond) : -1;
        return get("progress", String.valueOf(j.id()), num(j.sent()), num(j.failed()), num(j.left()), num(j.total()),
                rate(ratePerSecond), duration(eta));
    }

    /** The finished job: done or cancelled, with its counts and (done) how long it took. */
    public String finished(Job j) {
        if (j.status() == Job.Status.CANCELLED) {
            return get("cancelled", String.valueOf(j.id()), num(j.sent()), num(j.failed()), num(j.skipped()),
                    num(j.total()));
        }
        long took = j.startedAt() == null || j.finishedAt() == null ? -1 : (j.finishedAt() - j.startedAt()) / 1000;
        return get("done", String.valueOf(j.id()), num(j.sent()), num(j.failed()), num(j.total()), duration(took));
    }

    /** One line per job for /broadcast_status. */
    public String line(Job j) {
        return get("status.line", String.valueOf(j.id()), status(j.status()), num(j.sent()), num(j.failed()),
                num(j.left()), num(j.total()));
    }
}
