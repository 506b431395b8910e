package ir.peyk.ingest;

import java.util.Map;

/** The admin's /ingest messages, in Persian (the default) and English. {@code {0}}, {@code {1}} … are filled in order. */
final class IngestTexts {
    private static final Map<String, String> FA = Map.ofEntries(
            Map.entry("usage", "نشانی یک خبر را بفرستید: ‎/ingest https://…"),
            Map.entry("refused", "فقط مدیران ربات می‌توانند خبر تازه بارگذاری کنند."),
            Map.entry("reading", "در حال خواندن صفحه…"),
            Map.entry("failed", "این صفحه بارگذاری نشد: {0}"),
            Map.entry("preview", "پیش‌نمایش خبر:\n\nعنوان: {0}\nمنبع: {1}\nتاریخ: {2}\nجمله نخست: {3}\nتعداد واژه‌ها: {4}\n\n"
                    + "با تأیید، این خبر برای همه گفتگوها خبر اصلی می‌شود."),
            Map.entry("preview.commands", "تأیید: ‎/ingest_confirm {0}\nلغو: ‎/ingest_cancel {0}"),
            Map.entry("missing", "در صفحه نیامده"),
            Map.entry("button.confirm", "✅ تأیید"),
            Map.entry("button.cancel", "✖️ لغو"),
            Map.entry("done", "خبر اصلی اکنون این است: {0}"),
            Map.entry("cancelled", "بارگذاری لغو شد."),
            Map.entry("stale", "این پیش‌نمایش دیگر معتبر نیست؛ نشانی را دوباره بفرستید."));
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("usage", "Send an article's address: /ingest https://…"),
            Map.entry("refused", "Only the bot's admins can load a new article."),
            Map.entry("reading", "Reading the page…"),
            Map.entry("failed", "This page was not loaded: {0}"),
            Map.entry("preview", "Article preview:\n\nTitle: {0}\nOutlet: {1}\nDate: {2}\nFirst sentence: {3}\nWords: {4}\n\n"
                    + "Once confirmed, it becomes the article of every chat."),
            Map.entry("preview.commands", "Confirm: /ingest_confirm {0}\nCancel: /ingest_cancel {0}"),
            Map.entry("missing", "not on the page"),
            Map.entry("button.confirm", "✅ Confirm"),
            Map.entry("button.cancel", "✖️ Cancel"),
            Map.entry("done", "The article is now: {0}"),
            Map.entry("cancelled", "Cancelled."),
            Map.entry("stale", "This preview has expired; send the address again."));

    private final Map<String, String> texts;

    private IngestTexts(Map<String, String> texts) {
        this.texts = texts;
    }

    static IngestTexts of(String lang) {
        return new IngestTexts("en".equals(lang) ? EN : FA);
    }

    String get(String key, Object... args) {
        String s = texts.get(key);
        for (int i = 0; i < args.length; i++) s = s.replace("{" + i + "}", String.valueOf(args[i]));
        return s;
    }
}
