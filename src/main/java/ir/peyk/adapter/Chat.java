package ir.peyk.adapter;

/** A chat: {@code id} is the platform's chat id as a string. */
public record Chat(String id, Type type, String title) {
    public enum Type { PRIVATE, GROUP, CHANNEL }

    public boolean isPrivate() {
        return type == Type.PRIVATE;
    }
}
