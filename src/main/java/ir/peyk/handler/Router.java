package ir.peyk.handler;

import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Context;
import ir.peyk.adapter.InlineQuery;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Middleware;
import ir.peyk.adapter.TransportException;
import ir.peyk.adapter.Update;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.store.Subscribers;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes commands, questions, button presses and inline queries to their answers — the last middleware of the bot.
 *
 * <p>Messages: in a private chat, commands and any text (a question); in groups only commands (a {@code /cmd@other}
 * is left alone), mentions of the bot and replies to it. Updates that are not for us go to {@code next}. Button
 * presses are always answered, stale or hostile data included. A bug in a handler becomes a short apology to the
 * user and a log line, never an exception out of here; a {@link TransportException} (the platform refused or is
 * unreachable) is the adapter's to handle and passes through.
 *
 * <p>Thread-safe: the adapter calls it from several threads at once (one per chat at a time).
 */
public final class Router implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Commands commands = new Commands();
    private final ChatCommands chat;
    private final Questions questions;
    private final Summaries summaries;
    private final Quotes quotes;
    private final InlineAnswers inline;

    public Router(AnswerEngine engine, Subscribers subscribers) {
        this(engine, subscribers, new Random(), System::nanoTime);
    }

    /** With the randomness of "another quote" and the inline cache's clock given, for tests. */
    Router(AnswerEngine engine, Subscribers subscribers, Random random, LongSupplier nanoClock) {
        this.chat = new ChatCommands(engine, subscribers, commands);
        this.questions = new Questions(engine);
        this.summaries = new Summaries(engine);
        this.quotes = new Quotes(engine, random);
        this.inline = new InlineAnswers(engine, nanoClock);
        ArticleInfo info = new ArticleInfo(engine);
        commands.add("start", chat::start)
                .add("help", chat::help)
                .add("ask", questions::ask)
                .add("summary", summaries::command)
                .add("quote", quotes::command)
                .add("stats", info::stats)
                .add("source", info::source)
                .add("subscribe", chat::subscribe)
                .add("unsubscribe", chat::unsubscribe)
                .add("lang", chat::lang);
    }

    /** The command names, in /help order (for the platform's command menu, e.g. Telegram's setMyCommands). */
    public List<String> commandNames() {
        return commands.names();
    }

    InlineAnswers inline() {
        return inline;
    }

    @Override
    public void handle(Context ctx, Next next) throws Exception {
        Update u = ctx.update();
        Turn turn = new Turn(ctx);
        boolean handled;
        if (u instanceof ButtonPress p) {
            onButton(turn, p);
            handled = true;
        } else {
            try {
                handled = u instanceof Message m ? onMessage(turn, m)
                        : u instanceof InlineQuery q && onInline(turn, q);
            } catch (RuntimeException e) {
                LOG.warn("handler failed on {} update {}: {}", u.transport(), u.key(), e.toString(), e);
                apologize(turn, u);
                handled = true;
            }
        }
        if (!handled) next.run();
    }

    private boolean onMessage(Turn turn, Message m) throws TransportException {
        if (m.chat() == null || (m.from() != null && m.from().bot())) return false; // no bot-to-bot loops
        String text = m.text() == null ? "" : m.text();
        boolean privateChat = m.chat().isPrivate();
        Optional<CommandText> parsed = CommandText.parse(text);
        if (parsed.isPresent()) {
            CommandText c = parsed.get();
            if (!c.addressedTo(turn.botUsername())) return false;
            Optional<Commands.Entry> entry = commands.find(c.name());
            if (entry.isPresent()) {
                entry.get().handler().handle(turn, c.args());
            } else if (privateChat || c.bot() != null) {
                chat.unknown(turn, c);
            } else {
                return false; // "/foo" in a group may be another bot's command: stay quiet
            }
            return true;
        }
        if (privateChat) {
            if (text.isBlank()) turn.reply(turn.t("ask.nonText"));
            else questions.ask(turn, text);
            return true;
        }
        String bot = turn.botUsername();
        boolean mentioned = bot != null && mention(bot).matcher(text).find();
        if (!mentioned && !m.replyToBot()) return false;
        String question = mentioned ? mention(bot).matcher(text).replaceAll(" ") : text;
        if (question.isBlank()) turn.reply(turn.t("ask.empty"));
        else questions.ask(turn, question);
        return true;
    }

    /** Compiled once per bot name, not twice per group message. */
    private static final java.util.Map<String, Pattern> MENTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern mention(String bot) {
        return MENTIONS.computeIfAbsent(bot, b -> compileMention(b));
    }

    private static Pattern compileMention(String bot) {
        return Pattern.compile("(?<![A-Za-z0-9_@])@" + Pattern.quote(bot) + "(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE);
    }

    /**
     * Always answers the press (stops the client's spinner); stale or foreign data gets a short notice. The press is
     * answered <em>before</em> the reply is made, so the spinner stops at once rather than after the (slower) answer:
     * what the notice would be is checked first, cheaply; the work follows the answer.
     */
    private void onButton(Turn turn, ButtonPress p) throws TransportException {
        Optional<CallbackData> data;
        String notice;
        try {
            data = CallbackData.decode(p.data());
            notice = data.isEmpty() || p.chat() == null ? turn.t("button.stale") : check(turn, data.get());
        } catch (RuntimeException e) {
            LOG.warn("button handler failed on {} update {}: {}", p.transport(), p.key(), e.toString(), e);
            answer(turn, p, turn.t("error.generic"));
            return;
        }
        answer(turn, p, notice);
        if (notice != null) return;
        try {
            String late = dispatch(turn, data.get(), p);
            // Rare: the state changed between the check and the work. The press is answered; say it in the chat.
            if (late != null) turn.reply(late);
        } catch (RuntimeException e) {
            LOG.warn("button handler failed on {} update {}: {}", p.transport(), p.key(), e.toString(), e);
            apologize(turn, p);
        }
    }

    /** The notice a press gets instead of its reply (nothing more to show, stale data), or null to go ahead. */
    private String check(Turn turn, CallbackData data) {
        if (data instanceof CallbackData.MoreSummary d) return summaries.check(turn, d);
        if (data instanceof CallbackData.NextQuote) return quotes.check(turn);
        if (data instanceof CallbackData.NextMatchingQuote d) return quotes.check(turn, d);
        if (data instanceof CallbackData.ShowEvidence d) return questions.check(turn, d);
        return turn.t("button.stale");
    }

    private String dispatch(Turn turn, CallbackData data, ButtonPress p) throws TransportException {
        if (data instanceof CallbackData.MoreSummary d) return summaries.more(turn, d, p);
        if (data instanceof CallbackData.NextQuote d) return quotes.next(turn, d, p);
        if (data instanceof CallbackData.NextMatchingQuote d) return quotes.nextMatching(turn, d, p);
        if (data instanceof CallbackData.ShowEvidence d) return questions.showEvidence(turn, d);
        return turn.t("button.stale");
    }

    /**
     * Answers the press where the platform takes answers; elsewhere a notice (if any) becomes a message, since the
     * user would otherwise see nothing happen.
     */
    private static void answer(Turn turn, ButtonPress p, String notice) throws TransportException {
        if (turn.caps().callbackAnswers() && p.callbackId() != null) {
            try {
                turn.ctx().transport().answerButton(p, notice == null ? "" : notice);
            } catch (TransportException | RuntimeException e) {
                // A late answer is refused ("query is too old"); the follow-up message already went out.
                LOG.debug("button answer refused on {}: {}", p.transport(), e.getMessage());
            }
        } else if (notice != null && p.chat() != null) {
            turn.reply(notice);
        }
    }

    private boolean onInline(Turn turn, InlineQuery q) throws TransportException {
        if (!turn.caps().inlineQueries()) return false;
        inline.answer(turn, q);
        return true;
    }

    private static void apologize(Turn turn, Update u) {
        try {
            if (u.chat() != null) turn.reply(turn.t("error.generic"));
            else if (u instanceof InlineQuery q) turn.ctx().transport().answerInline(q, List.of(), "");
        } catch (Exception e) {
            LOG.debug("could not apologize on {}: {}", u.transport(), e.toString());
        }
    }
}
