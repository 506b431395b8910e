package ir.peyk.console;

import java.util.Map;

/** The console's own words, in Persian and English (the chat's language picks; the bot's replies have their own). */
final class Labels {
    private static final Map<String, String[]> L = Map.ofEntries(
            e("title", "کنسول پیک", "Peyk Console"),
            e("nav.chat", "گفتگو", "Chat"),
            e("nav.article", "خبر", "Article"),
            e("nav.broadcast", "ارسال همگانی", "Broadcast"),
            e("nav.health", "وضعیت", "Health"),
            e("logout", "خروج", "Log out"),
            e("login.title", "ورود به کنسول پیک", "Log in to the Peyk Console"),
            e("login.help", "پیوند یک‌بارمصرف را با {link} بسازید، یا توکن {token} را وارد کنید.",
                    "Open a one-time link from {link}, or enter the {token} token."),
            e("login.token", "توکن", "Token"),
            e("login.submit", "ورود", "Log in"),
            e("login.failed", "پیوند یا توکن معتبر نیست یا قبلاً به کار رفته است.", "The link or token is not valid, or was already used."),
            e("login.limited", "تلاش‌های ناموفق زیاد بود؛ چند دقیقه بعد دوباره امتحان کنید.", "Too many failed attempts; try again in a few minutes."),
            e("chat.placeholder", "پرسش خود را بنویسید…", "Type a question…"),
            e("chat.send", "ارسال", "Send"),
            e("chat.inline", "جستجوی درون‌خطی", "Inline query"),
            e("chat.inlinePlaceholder", "واژه یا پرسش", "words or a question"),
            e("chat.inlineWaiting", "در انتظار نتیجه…", "Waiting for results…"),
            e("chat.inlineNone", "نتیجه‌ای نیست.", "No results."),
            e("article.stored", "خبرهای ذخیره‌شده", "Stored articles"),
            e("article.default", "پیش‌فرض", "default"),
            e("article.ingest", "افزودن خبر", "Add an article"),
            e("article.text", "متن خبر (یا یک فایل متنی)", "The article's text (or a text file)"),
            e("article.url", "یا نشانی اینترنتی", "or a URL"),
            e("article.preview", "پیش‌نمایش", "Preview"),
            e("article.previewOf", "پیش‌نمایش — هنوز ذخیره نشده", "Preview — not stored yet"),
            e("article.save", "ذخیره و پیش‌فرض کردن", "Store and make default"),
            e("article.saved", "ذخیره شد و پیش‌فرض است. پاسخ‌های گفتگو از همین خبر است.", "Stored and made the default. The chat now answers from it."),
            e("article.outlet", "رسانه", "Outlet"),
            e("article.agency", "خبرگزاری", "Agency"),
            e("article.date", "تاریخ", "Date"),
            e("article.quotes", "نقل‌قول‌ها", "Quotes"),
            e("article.summary", "خلاصه", "Summary"),
            e("article.stats", "آمار", "Statistics"),
            e("article.words", "واژه", "words"),
            e("article.sentences", "جمله", "sentences"),
            e("article.paragraphs", "بند", "paragraphs"),
            e("article.keywords", "واژه‌های کلیدی", "Keywords"),
            e("article.text.title", "متن", "Text"),
            e("article.none", "هنوز خبری نیست.", "No article yet."),
            e("broadcast.compose", "متن ارسال همگانی", "Broadcast text"),
            e("broadcast.preview", "پیش‌نمایش", "Preview"),
            e("broadcast.recipients", "گیرندگان", "Recipients"),
            e("broadcast.confirm", "ارسال", "Send"),
            e("broadcast.cancel", "لغو", "Cancel"),
            e("broadcast.history", "تاریخچه", "History"),
            e("broadcast.sent", "ارسال‌شده", "sent"),
            e("broadcast.failed", "ناموفق", "failed"),
            e("broadcast.left", "مانده", "left"),
            e("broadcast.rate", "پیام در ثانیه", "messages/s"),
            e("broadcast.eta", "زمان باقی‌مانده", "time left"),
            e("broadcast.failures", "دلیل خطاها", "Failures by reason"),
            e("broadcast.none", "هنوز ارسالی نیست.", "No broadcast yet."),
            e("health.transport", "پیام‌رسان", "Transport"),
            e("health.state", "وضعیت", "State"),
            e("health.queues", "صف‌ها", "Queues"),
            e("health.inbox", "صف دریافت", "Inbox pending"),
            e("health.broadcast", "صف ارسال همگانی", "Broadcast pending"),
            e("health.answers", "پاسخ‌ها", "Answers"),
            e("health.answered", "پاسخ داده", "answered"),
            e("health.declined", "بی‌پاسخ", "declined"),
            e("health.state.running", "در حال کار", "running"),
            e("health.state.starting", "در حال شروع", "starting"),
            e("health.state.failed", "از کار افتاده", "failed"),
            e("health.state.stopped", "متوقف", "stopped"),
            e("health.latency", "میانگین زمان پاسخ", "mean answer time"),
            e("error.csrf", "فرم منقضی شده است؛ صفحه را دوباره باز کنید.", "The form expired; reload the page."));

    private Labels() {}

    private static Map.Entry<String, String[]> e(String key, String fa, String en) {
        return Map.entry(key, new String[] {fa, en});
    }

    static String t(String lang, String key) {
        String[] v = L.get(key);
        if (v == null) return key;
        return "en".equals(lang) ? v[1] : v[0];
    }
}
