import Database from 'better-sqlite3';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredCommand,
} from '../event-store.port';

const PAGE_SIZE = 500;
const MAX_INTEGER = 9223372036854775807n;

export interface EventRow {
  position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, recorded_at';

/**
 * Reads on a connection of its own, a page at a time (keyset paging), so a long read never holds
 * a transaction open, never blocks the writer, and never loads a whole stream into memory.
 */
export class SqliteReader {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 5000');
    this.db.defaultSafeIntegers(true);
    const db = this.db;
    this.statements = {
      streamForwards: db.prepare(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
      ),
      streamBackwards: db.prepare(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      ),
      allForwards: db.prepare(
        `SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?`,
      ),
      allBackwards: db.prepare(
        `SELECT ${COLUMNS} FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?`,
      ),
      head: db.prepare('SELECT max(position) AS position FROM events'),
      command: db.prepare(
        'SELECT key, request_hash, stream_id, revision, position, response FROM commands WHERE key = ?',
      ),
    };
  }

  /** `onEnd(r)`: a forward read reached the stream's end, which is before revision r. */
  readStream(
    stream: string,
    options: ReadStreamOptions,
    onEnd?: (nothingFrom: bigint) => void,
  ): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const start = from === 'start' ? 0n : from === 'end' ? (backwards ? MAX_INTEGER : null) : from;
    const statement = backwards ? this.statements.streamBackwards : this.statements.streamForwards;
    return this.paged(
      start,
      options.maxCount,
      backwards,
      (key, limit) => {
        const rows = statement.all(stream, key, limit) as EventRow[];
        // Told in the same synchronous step as the query, so no append can come in between.
        if (!backwards && onEnd && rows.length < limit)
          onEnd(rows.length > 0 ? rows[rows.length - 1].revision + 1n : key);
        return rows;
      },
      (row) => row.revision,
    );
  }

  readAll(options: ReadAllOptions): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    const start = from === 'start' ? 0n : from === 'end' ? (backwards ? MAX_INTEGER : null) : from;
    const statement = backwards ? this.statements.allBackwards : this.statements.allForwards;
    return this.paged(
      start,
      options.maxCount,
      backwards,
      (key, limit) => statement.all(key, limit) as EventRow[],
      (row) => row.position,
    );
  }

  /** Events after `position` (exclusive), at most `limit` of them, oldest first. */
  pageAfter(position: bigint, limit: number): RecordedEvent[] {
    return this.rowsAfter(position, limit).map(toRecorded);
  }

  /** The rows of `pageAfter`, not yet parsed (a subscription parses only those it delivers). */
  rowsAfter(position: bigint, limit: number): EventRow[] {
    return this.statements.allForwards.all(position + 1n, limit) as EventRow[];
  }

  findCommand(key: string): StoredCommand | undefined {
    const row = this.statements.command.get(key) as
      | {
          key: string;
          request_hash: string;
          stream_id: string;
          revision: bigint;
          position: bigint;
          response: string;
        }
      | undefined;
    if (!row) return undefined;
    return {
      key: row.key,
      requestHash: row.request_hash,
      streamId: row.stream_id,
      nextExpectedRevision: row.revision,
      position: row.position,
      response: JSON.parse(row.response) as StoredCommand['response'],
    };
  }

  headPosition(): bigint | null {
    const row = this.statements.head.get() as { position: bigint | null };
    return row.position;
  }

  close(): void {
    this.db.close();
  }

  private async *paged(
    start: bigint | null,
    maxCount: number | undefined,
    backwards: boolean,
    fetch: (key: bigint, limit: number) => EventRow[],
    keyOf: (row: EventRow) => bigint,
  ): AsyncGenerator<RecordedEvent> {
    if (start === null) return;
    let remaining = maxCount ?? Number.POSITIVE_INFINITY;
    let key = start;
    while (remaining > 0) {
      const limit = Math.min(PAGE_SIZE, remaining);
      const rows = fetch(key, limit);
      for (const row of rows) yield toRecorded(row);
      remaining -= rows.length;
      if (rows.length < limit) return;
      key = backwards ? keyOf(rows[rows.length - 1]) - 1n : keyOf(rows[rows.length - 1]) + 1n;
      if (key < 0n) return;
      // Queries are synchronous: let requests and commits run between pages of a long read.
      await nextTurn();
    }
  }
}

export function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    type: row.type,
    revision: row.revision,
    position: row.position,
    data: JSON.parse(row.data) as RecordedEvent['data'],
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    recordedAt: row.recorded_at,
  };
}
