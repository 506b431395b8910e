-- Per chat, the bot's last message that carried a chat keypad (Rubika in polling mode): a keypad press comes back as
-- the user's own message, and what it should edit is this one — after a restart too.
CREATE TABLE keypad_messages(
  transport TEXT NOT NULL, chat_id TEXT NOT NULL, message_id TEXT NOT NULL, PRIMARY KEY(transport, chat_id));
