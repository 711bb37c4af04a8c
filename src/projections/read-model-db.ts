import Database from 'better-sqlite3';
import { join } from 'node:path';

export type SqlValue = string | number | bigint | null;

/**
 * The small interface projections and queries use, so another database (PostgreSQL, for many API
 * nodes) can be added later. Plain SQL with positional parameters; upserts as
 * `INSERT ... ON CONFLICT ... DO UPDATE`, which both SQLite and PostgreSQL speak.
 */
export interface ReadModelDb {
  exec(sql: string): void;
  run(sql: string, ...params: SqlValue[]): void;
  get<T>(sql: string, ...params: SqlValue[]): T | undefined;
  all<T>(sql: string, ...params: SqlValue[]): T[];
  /** Runs `work` atomically: all of it or none of it. */
  transaction<T>(work: () => T): T;
  /**
   * Drops the secondary indexes of `tables` (physical names) and returns what creates them again,
   * exactly as they were: for filling tables nobody reads yet (a rebuild's new generation), where
   * building an index once over every row costs far less than keeping it up to date row by row.
   * Unique constraints (primary keys, `ON CONFLICT` targets) are not secondary indexes and stay.
   * Optional: a database without it keeps its indexes all along (the same tables in the end).
   */
  deferIndexes?(tables: readonly string[]): () => void;
  close(): void;
}

export const READ_MODELS_FILE = 'read-models.sqlite3';

/**
 * Read models in SQLite, a file of their own beside the log. synchronous=NORMAL: read models can
 * always be rebuilt from the log, and each batch commits with its checkpoint, so a crash loses at
 * most the last batches, which are applied again.
 */
export class SqliteReadModelDb implements ReadModelDb {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(dataDir: string, options: { readonly?: boolean } = {}) {
    this.db = new Database(join(dataDir, READ_MODELS_FILE), {
      readonly: options.readonly ?? false,
    });
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('busy_timeout = 5000');
  }

  exec(sql: string): void {
    this.db.exec(sql);
  }

  run(sql: string, ...params: SqlValue[]): void {
    this.statement(sql).run(...params);
  }

  get<T>(sql: string, ...params: SqlValue[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: SqlValue[]): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  deferIndexes(tables: readonly string[]): () => void {
    const indexes = this.transaction(() => {
      const found: { name: string; sql: string }[] = [];
      for (const table of tables) {
        // sql is NULL for the indexes behind PRIMARY KEY and UNIQUE constraints: those stay.
        const own = this.all<{ name: string; sql: string }>(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL
           ORDER BY rowid`,
          table,
        );
        for (const index of own) this.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
        found.push(...own);
      }
      return found;
    });
    return () => this.transaction(() => indexes.forEach((index) => this.exec(index.sql)));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Prepared once per SQL text; dropped when the schema changes (a swap renames tables). */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  forgetStatements(): void {
    this.statements.clear();
  }
}
