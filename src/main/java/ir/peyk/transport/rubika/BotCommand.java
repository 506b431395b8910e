package ir.peyk.transport.rubika;

/** A command shown in Rubika's command list (setCommands): {@code command} without the slash. */
public record BotCommand(String command, String description) {
    public BotCommand {
        if (command.startsWith("/")) command = command.substring(1);
    }
}
