-- Several replicas on one database: an inbox row is claimed by one replica until a deadline (see Inbox.claim); the
-- index finds a chat's older pending rows.
ALTER TABLE inbox ADD COLUMN claimed_by TEXT;
ALTER TABLE inbox ADD COLUMN claimed_until BIGINT;
CREATE INDEX inbox_chat ON inbox(ordering_key, status, id);

