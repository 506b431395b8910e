package ir.peyk.adapter;

/** "@bot text" typed in any chat (platforms whose capabilities have inline queries). */
public record InlineQuery(String transport, String key, User from, String queryId, String query, String offset)
        implements Update {
    @Override
    public Chat chat() {
        return null;
    }
}
