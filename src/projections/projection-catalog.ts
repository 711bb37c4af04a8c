import { ReadModelDb } from './read-model-db';
import { Projection, TableNames } from './projection';

export interface ProjectionRecord {
  name: string;
  generation: number;
  version: number;
  checkpoint: bigint | null;
  updatedAt: string;
}

/**
 * Which generation of each projection's tables is live, its version, and its checkpoint. A table
 * is named `{logical}_g{generation}`: a rebuild writes generation n+1 while n serves, and the swap
 * is one transaction that points the catalog at n+1 and drops n.
 */
export class ProjectionCatalog {
  constructor(private readonly db: ReadModelDb) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_catalog (
      name TEXT PRIMARY KEY,
      generation INTEGER NOT NULL,
      version INTEGER NOT NULL,
      checkpoint TEXT,
      updated_at TEXT NOT NULL
    )`);
  }

  get(name: string): ProjectionRecord | undefined {
    const row = this.db.get<{
      name: string;
      generation: number;
      version: number;
      checkpoint: string | null;
      updated_at: string;
    }>(
      'SELECT name, generation, version, checkpoint, updated_at FROM projection_catalog WHERE name = ?',
      name,
    );
    return (
      row && {
        name: row.name,
        generation: row.generation,
        version: row.version,
        checkpoint: row.checkpoint === null ? null : BigInt(row.checkpoint),
        updatedAt: row.updated_at,
      }
    );
  }

  all(): ProjectionRecord[] {
    return this.db
      .all<{ name: string }>('SELECT name FROM projection_catalog ORDER BY name')
      .map((r) => this.get(r.name) as ProjectionRecord);
  }

  /** Ensures the projection has live tables; returns their names. */
  install(projection: Projection): ProjectionRecord {
    const existing = this.get(projection.name);
    if (existing) return existing;
    return this.db.transaction(() => {
      projection.createTables(this.db, tableNames(1));
      this.db.run(
        'INSERT INTO projection_catalog (name, generation, version, checkpoint, updated_at) VALUES (?, 1, ?, NULL, ?)',
        projection.name,
        projection.version,
        new Date().toISOString(),
      );
      return this.get(projection.name) as ProjectionRecord;
    });
  }

  setCheckpoint(name: string, position: bigint): void {
    this.db.run(
      'UPDATE projection_catalog SET checkpoint = ?, updated_at = ? WHERE name = ?',
      position.toString(),
      new Date().toISOString(),
      name,
    );
  }

  /** Makes `generation` live with its checkpoint, and drops the tables of the one it replaces. */
  swap(projection: Projection, generation: number, checkpoint: bigint | null): void {
    const previous = this.get(projection.name);
    this.db.transaction(() => {
      this.db.run(
        `INSERT INTO projection_catalog (name, generation, version, checkpoint, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET generation = excluded.generation, version = excluded.version,
           checkpoint = excluded.checkpoint, updated_at = excluded.updated_at`,
        projection.name,
        generation,
        projection.version,
        checkpoint === null ? null : checkpoint.toString(),
        new Date().toISOString(),
      );
      if (previous && previous.generation !== generation)
        dropTables(this.db, projection, previous.generation);
    });
  }
}

/** The physical names of a generation's tables (each name made once: projections ask per event). */
export function tableNames(generation: number): TableNames {
  const names = new Map<string, string>();
  return (logical) => {
    let name = names.get(logical);
    if (name === undefined) {
      name = `${logical}_g${generation}`;
      names.set(logical, name);
    }
    return name;
  };
}

export function dropTables(db: ReadModelDb, projection: Projection, generation: number): void {
  const names = tableNames(generation);
  for (const table of projection.tables) db.exec(`DROP TABLE IF EXISTS ${names(table)}`);
}
