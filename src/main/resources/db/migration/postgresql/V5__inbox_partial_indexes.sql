-- The inbox's indexes hold only the rows their queries ask for: pending rows (claims, a chat's older pending rows)
-- and finished rows (pruning by age). Every update is inserted pending and marked finished once; a full index paid a
-- B-tree change for each at both writes and kept every handled row until pruned, these pay only where a row enters
-- or leaves what they hold, and stay as small as the backlog. status stays the first column, constant as it now is:
-- SQLite's planner, without statistics, chooses an index by the equalities it can use.
DROP INDEX inbox_pending;
CREATE INDEX inbox_pending ON inbox(status, id) WHERE status='pending';
DROP INDEX inbox_chat;
CREATE INDEX inbox_chat ON inbox(ordering_key, status, id) WHERE status='pending';
DROP INDEX inbox_finished;
CREATE INDEX inbox_finished ON inbox(finished_at) WHERE finished_at IS NOT NULL;
