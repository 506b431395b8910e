-- Several consumers of one store (replicas on PostgreSQL; on SQLite the same code with one process): an inbox row
-- is claimed by one consumer until a deadline (see Inbox.claim); the index finds a chat's older pending rows.
ALTER TABLE inbox ADD COLUMN claimed_by TEXT;
ALTER TABLE inbox ADD COLUMN claimed_until INTEGER;
CREATE INDEX inbox_chat ON inbox(ordering_key, status, id);

