import Database from 'better-sqlite3';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreLockedError } from '../event-store.port';

export const LOCK_FILE = 'writer.lock';
export const LOCK_HOLDER_FILE = 'writer.lock.json';

interface LockHolder {
  pid: number;
  hostname: string;
  command: string;
  since: string;
}

/**
 * One writer per data directory. The lock is an exclusive SQLite lock (an OS file lock) on a small
 * file, so the kernel releases it when the holder dies, even by `kill -9`: no stale lock files.
 * Who holds it is written beside it, so a refused process can name the holder.
 */
export class DataDirLock {
  private constructor(
    private readonly db: Database.Database,
    private readonly holderPath: string,
  ) {}

  static acquire(dataDir: string, command = process.argv.slice(1).join(' ')): DataDirLock {
    const db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      db.exec('CREATE TABLE IF NOT EXISTS lock (id INTEGER PRIMARY KEY)');
      db.exec('COMMIT');
    } catch (error) {
      db.close();
      if (isBusy(error)) throw new StoreLockedError(lockedMessage(dataDir));
      throw error;
    }
    const holderPath = join(dataDir, LOCK_HOLDER_FILE);
    const holder: LockHolder = {
      pid: process.pid,
      hostname: hostname(),
      command,
      since: new Date().toISOString(),
    };
    writeFileSync(holderPath, JSON.stringify(holder, null, 2) + '\n');
    return new DataDirLock(db, holderPath);
  }

  release(): void {
    if (!this.db.open) return;
    rmSync(this.holderPath, { force: true });
    this.db.close();
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

function lockedMessage(dataDir: string): string {
  const holder = readHolder(join(dataDir, LOCK_HOLDER_FILE));
  const who = holder
    ? `process ${holder.pid} on ${holder.hostname} (${holder.command || 'unknown command'}, since ${holder.since})`
    : 'another process';
  return (
    `The data directory ${dataDir} is in use by ${who}. ` +
    'Only one process may write the embedded store: stop that process, or set LEDGER_DATA_DIR to another directory.'
  );
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}
