import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../event-store.port';

export interface GroupCommitterOptions<I, O> {
  db: Database.Database;
  maxBatch: number;
  /** Applies one request inside the shared transaction; throwing rolls back that request alone. */
  apply: (item: I, recordedAt: string) => O;
  onCommitted: () => void;
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: Error) => void;
}

type Outcome<O> = { ok: true; value: O } | { ok: false; error: Error };

/**
 * Group commit: the requests that arrive while the event loop is busy share one transaction and
 * so one fsync. Each runs in its own savepoint, so a request that fails (a revision conflict) is
 * rolled back alone and the others still commit. Nobody is answered before the COMMIT is durable.
 */
export class GroupCommitter<I, O> {
  private queue: Waiting<I, O>[] = [];
  private scheduled = false;
  private idle: (() => void)[] = [];
  /** Transactions committed and requests they carried: appends per fsync is the batching win. */
  readonly stats = { transactions: 0, requests: 0 };
  /** Prepared once (on first use, after the schema exists), not parsed for every append. */
  private sql: ReturnType<typeof transactionStatements> | undefined;

  constructor(private readonly options: GroupCommitterOptions<I, O>) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything submitted so far has been committed or rejected. */
  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, this.options.maxBatch);
    if (this.queue.length > 0) this.schedule();
    if (batch.length > 0) this.commit(batch);
    if (!this.scheduled) this.idle.splice(0).forEach((resolve) => resolve());
  }

  private commit(batch: Waiting<I, O>[]): void {
    const { db, apply } = this.options;
    const sql = (this.sql ??= transactionStatements(db));
    const recordedAt = new Date().toISOString();
    const outcomes: Outcome<O>[] = [];
    try {
      sql.begin.run();
      for (const waiting of batch) {
        sql.savepoint.run();
        try {
          outcomes.push({ ok: true, value: apply(waiting.item, recordedAt) });
          sql.release.run();
        } catch (error) {
          sql.rollbackTo.run();
          sql.release.run();
          outcomes.push({ ok: false, error: asError(error) });
        }
      }
      sql.commit.run();
      this.stats.transactions += 1;
      this.stats.requests += batch.length;
    } catch (error) {
      rollbackQuietly(db);
      const failure = new StoreUnavailableError(
        `The event store could not commit: ${asError(error).message}`,
        { cause: error },
      );
      batch.forEach((waiting) => waiting.reject(failure));
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
    if (outcomes.some((o) => o.ok)) this.options.onCommitted();
  }
}

function transactionStatements(db: Database.Database) {
  return {
    begin: db.prepare('BEGIN IMMEDIATE'),
    savepoint: db.prepare('SAVEPOINT one_append'),
    release: db.prepare('RELEASE one_append'),
    rollbackTo: db.prepare('ROLLBACK TO one_append'),
    commit: db.prepare('COMMIT'),
  };
}

function rollbackQuietly(db: Database.Database): void {
  try {
    if (db.inTransaction) db.exec('ROLLBACK');
  } catch {
    // The connection is already unusable; the callers are told the commit failed.
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
