-- The broadcast senders of all replicas share one send schedule per transport (see SharedPace): the next free
-- send slot, in microseconds since the epoch. Reserving a slot moves it on by one interval of the platform's rate.
CREATE TABLE send_pace(
  name TEXT PRIMARY KEY, next_at BIGINT NOT NULL);
