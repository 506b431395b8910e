package ir.peyk.console;

/** The page around every console view: language and direction, navigation, our one stylesheet and script. */
final class Layout {
    private Layout() {}

    static String page(Exchange x, String section, String title, String body) {
        String lang = x.lang;
        StringBuilder b = new StringBuilder(4096 + body.length());
        b.append("<!doctype html><html lang=\"").append(Html.esc(lang)).append("\" dir=\"").append("en".equals(lang) ? "ltr" : "rtl")
                .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.esc(title)).append(" — ").append(Labels.t(lang, "title")).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/console/static/app.css\">")
                .append("<script src=\"/console/static/app.js\" defer></script></head><body data-page=\"")
                .append(Html.esc(section)).append('"');
        if (x.session != null) b.append(" data-csrf=\"").append(Html.esc(x.session.csrf())).append('"');
        b.append("><header><strong class=\"brand\">").append(Labels.t(lang, "title")).append("</strong>");
        if (x.session != null) {
            b.append("<nav>");
            for (String s : new String[] {"chat", "article", "broadcast", "health"}) {
                b.append("<a href=\"/console/").append(s).append('"').append(s.equals(section) ? " class=\"on\"" : "")
                        .append('>').append(Labels.t(lang, "nav." + s)).append("</a>");
            }
            b.append("</nav><form method=\"post\" action=\"/console/logout\" class=\"logout\">").append(Html.csrf(x.session))
                    .append("<button>").append(Labels.t(lang, "logout")).append("</button></form>");
        }
        b.append("</header><main>").append(body).append("</main></body></html>");
        return b.toString();
    }
}
