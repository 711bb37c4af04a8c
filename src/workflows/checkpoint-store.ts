import Database from 'better-sqlite3';
import { join } from 'node:path';

/** Where each subscriber (reactor, projection) has read the log up to. */
export interface CheckpointStore {
  get(name: string): bigint | undefined;
  set(name: string, position: bigint): void;
  close(): void;
}

export const WORKFLOWS_FILE = 'workflows.sqlite3';

/**
 * Checkpoints in a small SQLite file beside the log. Positions are stored as text: EventStoreDB's
 * packed positions exceed SQLite's 64-bit integers.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly db: Database.Database;
  private readonly read;
  private readonly write;

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, WORKFLOWS_FILE));
    this.db.pragma('journal_mode = WAL');
    // NORMAL, not FULL: a checkpoint lost in a power cut only replays reactions, which are idempotent.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID',
    );
    this.read = this.db.prepare('SELECT position FROM checkpoints WHERE name = ?');
    this.write = this.db.prepare(
      'INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at',
    );
  }

  get(name: string): bigint | undefined {
    const row = this.read.get(name) as { position: string } | undefined;
    return row ? BigInt(row.position) : undefined;
  }

  set(name: string, position: bigint): void {
    this.write.run(name, position.toString(), new Date().toISOString());
  }

  close(): void {
    this.db.close();
  }
}
