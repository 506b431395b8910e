package ir.peyk.handler;

import ir.peyk.adapter.Chat;
import ir.peyk.adapter.TransportException;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.store.Subscribers;
import java.util.Locale;

/** The chat's own settings: /start, /help, /subscribe, /unsubscribe, /lang — and the answer to unknown commands. */
final class ChatCommands {
    private final AnswerEngine engine;
    private final Subscribers subscribers;
    private final Commands commands;

    ChatCommands(AnswerEngine engine, Subscribers subscribers, Commands commands) {
        this.engine = engine;
        this.subscribers = subscribers;
        this.commands = commands;
    }

    void start(Turn turn, String args) throws TransportException {
        Chat chat = turn.chat();
        subscribers.subscribe(turn.transport(), chat.id(), !chat.isPrivate());
        turn.reply(turn.t("start.welcome", "title", engine.article().title()) + "\n\n" + usage(turn)
                + "\n\n" + turn.t("start.subscribed"));
    }

    void help(Turn turn, String args) throws TransportException {
        turn.reply(turn.t("help.title") + "\n\n" + commands.listing(turn) + "\n\n" + usage(turn));
    }

    void subscribe(Turn turn, String args) throws TransportException {
        Chat chat = turn.chat();
        boolean added = subscribers.subscribe(turn.transport(), chat.id(), !chat.isPrivate());
        turn.reply(turn.t(added ? "subscribe.done" : "subscribe.already"));
    }

    void unsubscribe(Turn turn, String args) throws TransportException {
        boolean removed = subscribers.unsubscribe(turn.transport(), turn.chat().id());
        turn.reply(turn.t(removed ? "unsubscribe.done" : "unsubscribe.notSubscribed"));
    }

    void lang(Turn turn, String args) throws TransportException {
        String wanted = SafeText.clean(args).toLowerCase(Locale.ROOT);
        wanted = switch (wanted) {
            case "fa", "فارسی", "persian", "farsi" -> "fa";
            case "en", "english", "انگلیسی" -> "en";
            default -> wanted;
        };
        if (!I18n.LANGUAGES.contains(wanted)) {
            String usage = turn.t("lang.usage", "current", turn.lang());
            turn.reply(wanted.isEmpty() ? usage
                    : turn.t("lang.unknown", "lang", SafeText.display(SafeText.clean(args), 20)) + " " + usage);
            return;
        }
        subscribers.setLanguage(turn.transport(), turn.chat().id(), wanted);
        // The context read the stored language before this update; answer this one in the new language already.
        turn.switchLanguage(wanted);
        turn.reply(turn.t("lang.set"));
    }

    void unknown(Turn turn, CommandText command) throws TransportException {
        String name = command.wellFormed() ? "/" + command.name() : SafeText.display("/" + command.name(), 34);
        turn.reply(turn.t("unknown.command", "command", name) + "\n\n" + commands.listing(turn));
    }

    /** How to ask, here: free text in private chats; mentions and replies in groups; inline where it exists. */
    private String usage(Turn turn) {
        String bot = turn.botUsername();
        StringBuilder b = new StringBuilder();
        if (turn.chat() == null || turn.chat().isPrivate()) b.append(turn.t("usage.private"));
        else if (bot != null) b.append(turn.t("usage.group", "bot", "@" + bot));
        else b.append(turn.t("usage.groupNoName"));
        if (turn.caps().buttons()) b.append('\n').append(turn.t("usage.buttons"));
        if (turn.caps().inlineQueries() && bot != null) {
            // The console takes inline queries as "/inline TEXT": it has no chat where "@bot" could be typed.
            b.append('\n').append(turn.transport().equals("console") ? turn.t("usage.inlineConsole")
                    : turn.t("usage.inline", "bot", "@" + bot));
        }
        return b.toString();
    }
}
