import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assertValidAppend } from '../append-validation';
import { chainEventsAsText, GENESIS_HASH } from '../hash-chain';
import {
  AppendOptions,
  AppendResult,
  CommandRecord,
  DuplicateCommandError,
  EventData,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreHealth,
  StoredCommand,
  StoreUnavailableError,
  SubscribeToAllOptions,
  Subscription,
  WrongExpectedVersionError,
} from '../event-store.port';
import { DataDirLock } from './data-dir-lock';
import { GroupCommitter } from './group-committer';
import { applyWriterPragmas, createSchema, EVENTS_FILE } from './sqlite-schema';
import { SqliteReader } from './sqlite-reader';
import { SqliteLogReader } from './sqlite-log-reader';
import { StreamEnds } from './stream-ends';

export interface SqliteEventStoreOptions {
  dataDir: string;
  /** Most appends committed in one transaction. */
  maxBatch?: number;
  /** How often a live subscription looks for events written by another process. */
  pollIntervalMs?: number;
  /** Reported in the lock holder file, so a refused second process can name us. */
  command?: string;
}

interface PendingAppend {
  stream: string;
  events: EventData[];
  expected: ExpectedRevision;
  command?: CommandRecord;
}

const NO_STREAM = -1n;

const NOTHING: AsyncIterable<RecordedEvent> = {
  [Symbol.asyncIterator]: () => ({
    next: () => Promise.resolve({ done: true, value: undefined }),
  }),
};

/**
 * The embedded event store: one SQLite file in WAL mode with synchronous=FULL, written by one
 * process (guarded by a lock) through a group committer, read through a second connection.
 */
export class SqliteEventStore implements EventStore {
  private readonly writer: Database.Database;
  private readonly log: SqliteLogReader;
  private readonly reader: SqliteReader;
  private readonly committer: GroupCommitter<PendingAppend, AppendResult>;
  private readonly ends = new StreamEnds();
  private readonly statements: ReturnType<typeof prepareWriterStatements>;
  private closed = false;

  private constructor(
    readonly dataDir: string,
    private readonly lock: DataDirLock,
    private readonly options: SqliteEventStoreOptions,
  ) {
    this.writer = new Database(join(dataDir, EVENTS_FILE));
    try {
      applyWriterPragmas(this.writer);
      createSchema(this.writer);
      this.writer.defaultSafeIntegers(true);
      this.statements = prepareWriterStatements(this.writer);
      this.log = new SqliteLogReader(dataDir, options.pollIntervalMs);
      this.reader = this.log.reader;
    } catch (error) {
      this.writer.close();
      throw error;
    }
    this.committer = new GroupCommitter({
      db: this.writer,
      maxBatch: options.maxBatch ?? 512,
      apply: (pending, recordedAt) => this.applyAppend(pending, recordedAt),
      onCommitted: () => this.log.appended(),
    });
  }

  /** Opens (creating if needed) the store in `dataDir`; refuses if another process holds it. */
  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    const lock = DataDirLock.acquire(dataDir, options.command);
    try {
      return new SqliteEventStore(dataDir, lock, options);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  append(stream: string, events: EventData[], options: AppendOptions = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    try {
      this.assertOpen();
      assertValidAppend(stream, events, expected);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return this.committer.submit({ stream, events, expected, command: options.command });
  }

  readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    if (options.direction !== 'backwards') {
      const from = options.fromRevision ?? 'start';
      const revision = from === 'start' ? 0n : from;
      if (revision !== 'end' && this.ends.emptyFrom(stream, revision)) return NOTHING;
    }
    return this.reader.readStream(stream, options, (end) => this.ends.readToEnd(stream, end));
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    return this.reader.readAll(options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    return this.log.subscribeToAll(options);
  }

  /** Calls `listener` after every commit of this process; returns how to stop. */
  onAppended(listener: () => void): () => void {
    return this.log.onAppended(listener);
  }

  /** Settings read back from SQLite itself, and how well group commit is batching. */
  diagnostics(): {
    journalMode: string;
    synchronous: number;
    transactions: number;
    appends: number;
  } {
    return {
      journalMode: String(this.writer.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.writer.pragma('synchronous', { simple: true })),
      transactions: this.committer.stats.transactions,
      appends: this.committer.stats.requests,
    };
  }

  health(): Promise<StoreHealth> {
    if (this.closed)
      return Promise.resolve({ ok: false, kind: 'sqlite', detail: 'store is closed' });
    try {
      const head = this.reader.headPosition();
      return Promise.resolve({
        ok: true,
        kind: 'sqlite',
        detail: `head position ${head ?? 'none'}`,
      });
    } catch (error) {
      return Promise.resolve({ ok: false, kind: 'sqlite', detail: (error as Error).message });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.committer.drain();
    await this.log.close();
    this.writer.close();
    this.lock.release();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The event store is closed');
  }

  findCommand(key: string): Promise<StoredCommand | undefined> {
    try {
      this.assertOpen();
      return Promise.resolve(this.reader.findCommand(key));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Runs inside the group transaction, within its own savepoint. */
  private applyAppend(pending: PendingAppend, recordedAt: string): AppendResult {
    const result = this.appendEvents(pending, recordedAt);
    // Recorded even when empty: a command that decided nothing must not decide again on retry.
    if (pending.command) this.recordCommand(pending, result, recordedAt);
    return result;
  }

  private recordCommand(pending: PendingAppend, result: AppendResult, recordedAt: string): void {
    const command = pending.command as CommandRecord;
    const existing = this.statements.commandByKey.get(command.key) as
      { stream_id: string; position: bigint } | undefined;
    if (existing) {
      // An idempotent retry of the very same append finds its own record; anything else lost a race.
      if (existing.stream_id === pending.stream && existing.position === result.position) return;
      throw new DuplicateCommandError(command.key);
    }
    this.statements.insertCommand.run(
      command.key,
      command.requestHash,
      pending.stream,
      result.nextExpectedRevision,
      result.position,
      JSON.stringify(command.response),
      recordedAt,
    );
  }

  private appendEvents(pending: PendingAppend, recordedAt: string): AppendResult {
    const { stream, events, expected } = pending;
    const s = this.statements;
    const head = s.streamHead.get(stream) as
      { revision: bigint; position: bigint; hash: string | null } | undefined;
    const current = head ? head.revision : NO_STREAM;
    const actual = head ? head.revision : 'no_stream';

    const fail = (): never => {
      throw new WrongExpectedVersionError(stream, expected, actual);
    };

    if (expected === 'stream_exists' && !head) fail();
    if (typeof expected === 'bigint' || expected === 'no_stream') {
      const after = expected === 'no_stream' ? NO_STREAM : expected;
      if (current !== after) {
        return current > after ? (this.alreadyAppended(stream, events, after) ?? fail()) : fail();
      }
    } else if (events.length > 0) {
      const first = s.revisionOfEvent.get(stream, events[0].id.toLowerCase()) as
        { revision: bigint } | undefined;
      if (first) return this.alreadyAppended(stream, events, first.revision - 1n) ?? fail();
    }

    if (events.length === 0) {
      return { nextExpectedRevision: current, position: head?.position ?? 0n };
    }
    let revision = current;
    let position = 0n;
    const chained = chainEventsAsText(stream, current + 1n, head?.hash ?? GENESIS_HASH, events);
    for (const { event, dataText, metadataText } of chained) {
      revision += 1n;
      const info = s.insert.run(
        stream,
        revision,
        event.id.toLowerCase(),
        event.type,
        dataText,
        metadataText,
        recordedAt,
      );
      position = BigInt(info.lastInsertRowid);
    }
    this.ends.appended(stream, revision);
    return { nextExpectedRevision: revision, position };
  }

  /** EventStoreDB's idempotency: the same ids already stand right after `after`, in order. */
  private alreadyAppended(
    stream: string,
    events: EventData[],
    after: bigint,
  ): AppendResult | undefined {
    if (events.length === 0) return undefined;
    const rows = this.statements.eventIdsFrom.all(stream, after + 1n, events.length) as {
      revision: bigint;
      event_id: string;
      position: bigint;
    }[];
    if (rows.length !== events.length) return undefined;
    const same = rows.every((row, i) => row.event_id === events[i].id.toLowerCase());
    if (!same) return undefined;
    const last = rows[rows.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }
}

function prepareWriterStatements(db: Database.Database) {
  return {
    streamHead: db.prepare(
      "SELECT revision, position, json_extract(metadata, '$.hash') AS hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1",
    ),
    revisionOfEvent: db.prepare(
      'SELECT revision FROM events WHERE stream_id = ? AND event_id = ? LIMIT 1',
    ),
    eventIdsFrom: db.prepare(
      'SELECT revision, event_id, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
    ),
    insert: db.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    commandByKey: db.prepare('SELECT stream_id, position FROM commands WHERE key = ?'),
    insertCommand: db.prepare(
      'INSERT INTO commands (key, request_hash, stream_id, revision, position, response, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
  };
}
