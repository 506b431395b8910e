package ir.peyk.broadcast;

import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Context;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Middleware;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Sent;
import ir.peyk.adapter.TransportException;
import ir.peyk.text.PersianText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admins' broadcast commands, as a middleware placed before the router:
 * {@code /broadcast <text>} → a preview with Send / Cancel buttons ({@code bc:ok:<id>}, {@code bc:no:<id>}; where the
 * platform has no buttons, {@code /broadcast_confirm <id>}); on Send the job runs and the preview becomes its
 * progress message. {@code /broadcast_status [id]}, {@code /broadcast_cancel <id>}. Anyone else gets a refusal, the
 * attempt is logged (transport and user id — never the text), and nothing is stored. Every other update passes on.
 */
public final class BroadcastCommands implements Middleware {
    private static final Logger log = LoggerFactory.getLogger(BroadcastCommands.class);
    static final String OK = "bc:ok:";
    static final String NO = "bc:no:";

    private final Broadcasts broadcasts;
    private final WorkerSignals worker;

    /** @param worker the worker of this process, told of confirmations and cancels ({@link WorkerSignals#NONE}) */
    public BroadcastCommands(Broadcasts broadcasts, WorkerSignals worker) {
        this.broadcasts = broadcasts;
        this.worker = worker == null ? WorkerSignals.NONE : worker;
    }

    @Override
    public void handle(Context ctx, Next next) throws Exception {
        if (ctx.update() instanceof Message m) {
            Command cmd = Command.parse(m.text(), ctx.me() == null ? null : ctx.me().username());
            if (cmd != null && cmd.ours()) {
                command(ctx, m, cmd);
                return;
            }
        } else if (ctx.update() instanceof ButtonPress p && p.data() != null
                && (p.data().startsWith(OK) || p.data().startsWith(NO))) {
            press(ctx, p);
            return;
        }
        next.run();
    }

    private void command(Context ctx, Message m, Command cmd) throws TransportException {
        BroadcastTexts t = BroadcastTexts.of(ctx.lang());
        if (!ctx.isAdmin()) {
            refuse(ctx, "/" + cmd.name());
            ctx.reply(t.get("refused"));
            return;
        }
        switch (cmd.name()) {
            case "broadcast" -> preview(ctx, t, cmd.args().isBlank() ? repliedText(m) : cmd.args());
            case "broadcast_confirm" -> withId(ctx, t, cmd.args(), "cancel.usage", id -> confirmByCommand(ctx, t, id));
            case "broadcast_cancel" -> withId(ctx, t, cmd.args(), "cancel.usage", id -> cancel(ctx, t, id));
            default -> status(ctx, t, cmd.args());
        }
    }

    private void preview(Context ctx, BroadcastTexts t, String text) throws TransportException {
        if (text == null || text.isBlank()) {
            ctx.reply(t.get("usage"));
            return;
        }
        if (text.length() > Broadcasts.MAX_TEXT) {
            ctx.reply(t.get("too.long", t.num(Broadcasts.MAX_TEXT)));
            return;
        }
        List<Recipient> recipients = broadcasts.recipients();
        if (recipients.isEmpty()) {
            ctx.reply(t.get("nobody"));
            return;
        }
        long channels = recipients.stream().filter(Recipient::channel).count();
        Job job = broadcasts.draft(text, who(ctx), ctx.lang());
        String id = String.valueOf(job.id());
        String body = t.get("preview", id, job.text(), t.num(recipients.size()), t.num(recipients.size() - channels),
                t.num(channels));
        Reply reply = ctx.transport().capabilities().buttons()
                ? new Reply(body, List.of(List.of(new Button(t.get("button.confirm"), OK + id),
                        new Button(t.get("button.cancel"), NO + id))))
                : Reply.text(body + "\n\n" + t.get("preview.commands", id));
        ctx.reply(reply);
        log.info("broadcast #{} drafted by {} ({} recipients)", job.id(), who(ctx), recipients.size());
    }

    private void press(Context ctx, ButtonPress p) throws TransportException {
        BroadcastTexts t = BroadcastTexts.of(ctx.lang());
        if (!ctx.isAdmin()) {
            refuse(ctx, "button " + p.data());
            answer(ctx, p, t.get("answer.refused"));
            return;
        }
        boolean ok = p.data().startsWith(OK);
        Optional<Long> id = parseId(p.data().substring(OK.length()));
        if (id.isEmpty()) {
            answer(ctx, p, t.get("bad.id", p.data()));
            return;
        }
        Optional<Job> before = broadcasts.store().job(id.get());
        if (before.isEmpty()) {
            answer(ctx, p, t.get("status.unknown", String.valueOf(id.get())));
            return;
        }
        if (before.get().status() != Job.Status.PENDING_CONFIRMATION) {
            answer(ctx, p, t.get("already", String.valueOf(id.get()), t.status(before.get().status())));
            return;
        }
        if (ok) {
            Optional<Job> started = broadcasts.confirm(id.get());
            if (started.isEmpty()) { // confirmed or cancelled a moment ago by another press
                answer(ctx, p, t.get("already", String.valueOf(id.get()), t.status(current(id.get()))));
                return;
            }
            answer(ctx, p, t.get("answer.started"));
            String text = t.get("started", String.valueOf(id.get()), t.num(started.get().total()));
            String messageId = p.messageId();
            if (messageId != null && ctx.transport().capabilities().edits()) {
                ctx.transport().edit(ctx.chat().id(), messageId, Reply.text(text));
            } else {
                messageId = ctx.reply(text).messageId();
            }
            startWatching(ctx, id.get(), messageId);
        } else {
            broadcasts.cancel(id.get());
            worker.cancelled(id.get());
            answer(ctx, p, t.get("answer.cancelled"));
            String text = t.get("cancel.draft", String.valueOf(id.get()));
            if (p.messageId() != null && ctx.transport().capabilities().edits()) {
                ctx.transport().edit(ctx.chat().id(), p.messageId(), Reply.text(text));
            } else {
                ctx.reply(text);
            }
        }
    }

    private void confirmByCommand(Context ctx, BroadcastTexts t, long id) throws TransportException {
        Optional<Job> started = broadcasts.confirm(id);
        if (started.isEmpty()) {
            Optional<Job> j = broadcasts.store().job(id);
            ctx.reply(j.isEmpty() ? t.get("status.unknown", String.valueOf(id))
                    : t.get("already", String.valueOf(id), t.status(j.get().status())));
            return;
        }
        Sent sent = ctx.reply(t.get("started", String.valueOf(id), t.num(started.get().total())));
        startWatching(ctx, id, sent == null ? null : sent.messageId());
    }

    private void startWatching(Context ctx, long id, String messageId) {
        broadcasts.store().setNotify(id, new Job.Notify(ctx.transport().name(), ctx.chat().id(), messageId));
        worker.wake();
        log.info("broadcast #{} confirmed by {}", id, who(ctx));
    }

    private void cancel(Context ctx, BroadcastTexts t, long id) throws TransportException {
        Optional<Job> before = broadcasts.store().job(id);
        if (before.isEmpty()) {
            ctx.reply(t.get("status.unknown", String.valueOf(id)));
            return;
        }
        if (before.get().finished()) {
            ctx.reply(t.get("already", String.valueOf(id), t.status(before.get().status())));
            return;
        }
        Job after = broadcasts.cancel(id).orElseThrow();
        worker.cancelled(id);
        log.info("broadcast #{} cancelled by {}", id, who(ctx));
        ctx.reply(before.get().status() == Job.Status.PENDING_CONFIRMATION
                ? t.get("cancel.draft", String.valueOf(id))
                : t.get("cancel.done", String.valueOf(id), t.num(after.sent()), t.num(after.skipped())));
    }

    private void status(Context ctx, BroadcastTexts t, String args) throws TransportException {
        if (!args.isBlank()) {
            withId(ctx, t, args, "status.none", id -> {
                Optional<Job> j = broadcasts.store().job(id);
                ctx.reply(j.map(t::line).orElse(t.get("status.unknown", String.valueOf(id))));
            });
            return;
        }
        List<Job> jobs = broadcasts.store().recent(5);
        if (jobs.isEmpty()) {
            ctx.reply(t.get("status.none"));
            return;
        }
        StringBuilder b = new StringBuilder();
        for (Job j : jobs) b.append(b.length() == 0 ? "" : "\n").append(t.line(j));
        ctx.reply(b.toString());
    }

    private interface IdAction {
        void run(long id) throws TransportException;
    }

    private void withId(Context ctx, BroadcastTexts t, String args, String usageKey, IdAction action)
            throws TransportException {
        if (args.isBlank()) {
            ctx.reply(t.get(usageKey));
            return;
        }
        Optional<Long> id = parseId(args);
        if (id.isEmpty()) ctx.reply(t.get("bad.id", args.strip()));
        else action.run(id.get());
    }

    private Job.Status current(long id) {
        return broadcasts.store().job(id).map(Job::status).orElse(Job.Status.CANCELLED);
    }

    private static void answer(Context ctx, ButtonPress p, String text) {
        try {
            ctx.transport().answerButton(p, text);
        } catch (TransportException e) {
            log.debug("broadcast: answering a button press failed: {}", e.getMessage());
        }
    }

    private static void refuse(Context ctx, String what) {
        log.warn("broadcast refused: {}:{} is not an admin ({})", ctx.update().transport(),
                ctx.from() == null ? "?" : ctx.from().id(), what);
    }

    private static String who(Context ctx) {
        return ctx.update().transport() + ":" + (ctx.from() == null ? "?" : ctx.from().id());
    }

    /** A job id as typed: ASCII or Persian digits, an optional leading '#'. */
    static Optional<Long> parseId(String s) {
        String d = PersianText.asciiDigits(s.strip());
        if (d.startsWith("#")) d = d.substring(1);
        if (!d.matches("[0-9]{1,18}")) return Optional.empty();
        return Optional.of(Long.parseLong(d));
    }

    /** The text of the message an admin replied to with a bare /broadcast, when the transport reports it. */
    private static String repliedText(Message m) {
        return m.replyToText();
    }

    /** A bot command: {@code /name@bot args}. {@code ours} is false when it names another bot or another command. */
    record Command(String name, String args, boolean ours) {
        private static final List<String> NAMES =
                List.of("broadcast", "broadcast_status", "broadcast_cancel", "broadcast_confirm");

        static Command parse(String text, String botUsername) {
            if (text == null || !text.startsWith("/")) return null;
            int end = 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
            String token = text.substring(1, end);
            String args = text.substring(end).strip();
            String name = token;
            boolean forUs = true;
            int at = token.indexOf('@');
            if (at >= 0) {
                name = token.substring(0, at);
                forUs = botUsername == null || token.substring(at + 1).equalsIgnoreCase(botUsername);
            }
            name = name.toLowerCase(Locale.ROOT);
            return new Command(name, args, forUs && NAMES.contains(name));
        }
    }
}
