-- The schema every store had before versions existed (each repository created its tables with IF NOT EXISTS).
-- Kept word for word with IF NOT EXISTS, so a store made by an unversioned Peyk passes through unchanged and is
-- recorded as version 1; a new store gets the same tables.
CREATE TABLE IF NOT EXISTS articles(
  id TEXT PRIMARY KEY, title TEXT, outlet TEXT, published TEXT, raw TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0, stored_at INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS subscribers(
  transport TEXT NOT NULL, chat_id TEXT NOT NULL, is_group INTEGER NOT NULL DEFAULT 0,
  since INTEGER NOT NULL, PRIMARY KEY(transport, chat_id));

CREATE TABLE IF NOT EXISTS chat_settings(
  transport TEXT NOT NULL, chat_id TEXT NOT NULL, lang TEXT, PRIMARY KEY(transport, chat_id));

CREATE TABLE IF NOT EXISTS inbox(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  transport TEXT NOT NULL, key TEXT NOT NULL, ordering_key TEXT NOT NULL,
  update_json TEXT, status TEXT NOT NULL, error TEXT, attempts INTEGER NOT NULL DEFAULT 0,
  received_at INTEGER NOT NULL, finished_at INTEGER,
  UNIQUE(transport, key));
CREATE INDEX IF NOT EXISTS inbox_pending ON inbox(status, id);
CREATE INDEX IF NOT EXISTS inbox_finished ON inbox(finished_at);

CREATE TABLE IF NOT EXISTS transport_offsets(
  transport TEXT PRIMARY KEY, next_offset TEXT NOT NULL, updated_at INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS broadcast_jobs(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  text TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK(status IN ('pending_confirmation','running','done','cancelled')),
  lang TEXT NOT NULL DEFAULT 'fa',
  total INTEGER NOT NULL DEFAULT 0,
  sent INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER,
  finished_at INTEGER,
  notify_transport TEXT, notify_chat TEXT, notify_message TEXT,
  summary_sent INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS broadcast_jobs_status ON broadcast_jobs(status, id);

CREATE TABLE IF NOT EXISTS broadcast_deliveries(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id INTEGER NOT NULL REFERENCES broadcast_jobs(id),
  transport TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  is_group INTEGER NOT NULL DEFAULT 0,
  is_channel INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK(status IN ('pending','sending','sent','failed','cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL DEFAULT 0,
  owner TEXT,
  error TEXT,
  updated_at INTEGER NOT NULL,
  UNIQUE(job_id, transport, chat_id));
CREATE INDEX IF NOT EXISTS broadcast_deliveries_queue ON broadcast_deliveries(status, job_id, id);

CREATE TABLE IF NOT EXISTS broadcast_lease(
  name TEXT PRIMARY KEY, owner TEXT NOT NULL, heartbeat INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS webhook_secret (id INTEGER PRIMARY KEY CHECK (id = 1),
  secret TEXT NOT NULL, created_at INTEGER NOT NULL);
