package ir.peyk.adapter;

/** A button under a message; {@code data} comes back in a {@link ButtonPress} (keep it under 64 bytes). */
public record Button(String text, String data) {}
