package ir.peyk.adapter;

/**
 * What a transport can do; handlers degrade by these (no inline queries on Bale: the same features by commands and
 * buttons; no buttons on a send-only channel; …).
 *
 * @param polling         updates can be fetched by long polling
 * @param webhook         updates can be pushed to our webhook server
 * @param inlineQueries   "@bot text" in any chat
 * @param callbackAnswers button presses must/can be answered (the spinner stops)
 * @param edits           sent messages can be edited
 * @param buttons         messages can carry buttons
 * @param maxTextLength   longest text of one message, in UTF-16 units; longer replies are split
 */
public record Capabilities(boolean polling, boolean webhook, boolean inlineQueries, boolean callbackAnswers,
                           boolean edits, boolean buttons, int maxTextLength) {
    /** True when the transport receives anything at all (Eitaa's does not: it is a broadcast channel target). */
    public boolean receives() {
        return polling || webhook;
    }
}
