import Database from 'better-sqlite3';

export const EVENTS_FILE = 'events.sqlite3';

/**
 * `position` is the rowid with AUTOINCREMENT, so a position is never reused even if a row is
 * removed behind the ledger's back (the integrity check must see the hole, not a new event in it).
 * No index on event_id: random keys in a B-tree cost ~3.5x on writes, and idempotency is checked
 * within the stream, as EventStoreDB does.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  event_id    TEXT    NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream_id, revision);
-- Command idempotency (Idempotency-Key): written in the same transaction as the command's events.
CREATE TABLE IF NOT EXISTS commands (
  key          TEXT    PRIMARY KEY,
  request_hash TEXT    NOT NULL,
  stream_id    TEXT    NOT NULL,
  revision     INTEGER NOT NULL,
  position     INTEGER NOT NULL,
  response     TEXT    NOT NULL,
  recorded_at  TEXT    NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO store_info (key, value) VALUES ('schema_version', '1');
`;

/** WAL with synchronous=FULL: an acknowledged append survives power loss. Read back, not assumed. */
export function applyWriterPragmas(db: Database.Database): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (String(mode).toLowerCase() !== 'wal') {
    throw new Error(`SQLite refused WAL mode (journal_mode is ${String(mode)})`);
  }
  // better-sqlite3 defaults WAL to NORMAL; FULL must be set after switching to WAL.
  db.pragma('synchronous = FULL');
  const synchronous = Number(db.pragma('synchronous', { simple: true }));
  if (synchronous !== 2) {
    throw new Error(`SQLite synchronous is ${synchronous}, expected 2 (FULL)`);
  }
  db.pragma('busy_timeout = 5000');
}

export function createSchema(db: Database.Database): void {
  db.exec(SCHEMA);
}
