import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { ledgerUpcasters } from '@src/ledger/upcasting/ledger-upcasters';
import { ProjectionCatalog, tableNames } from '@src/projections/projection-catalog';
import { ledgerProjections } from '@src/projections/projections.module';
import { ReadModelDb, SqliteReadModelDb } from '@src/projections/read-model-db';
import { rebuildProjections } from '@src/projections/rebuild';
import { writeLedgerActivity } from '../../support/ledger-activity';
import { makeTempDir } from '../../support/temp-dir';

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

function schema(db: ReadModelDb, generation: number): SchemaRow[] {
  return db.all<SchemaRow>(
    `SELECT type, name, tbl_name, sql FROM sqlite_master
     WHERE tbl_name LIKE ? ESCAPE '\\' AND type IN ('table', 'index') ORDER BY type, name`,
    `%\\_g${generation}`,
  );
}

describe('rebuild: indexes of the new generation', () => {
  const dirs: { remove: () => void }[] = [];
  afterAll(() => dirs.forEach((d) => d.remove()));

  it('deferIndexes drops only secondary indexes and creates them again exactly', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = new SqliteReadModelDb(dir.path);
    try {
      db.exec(`CREATE TABLE t_g1 (id TEXT PRIMARY KEY, a TEXT, b TEXT UNIQUE);
               CREATE INDEX t_g1_by_a ON t_g1 (a, id);
               CREATE TABLE u_g1 (id TEXT PRIMARY KEY);`);
      const before = schema(db, 1);
      expect(before.map((r) => r.name)).toContain('t_g1_by_a');
      const createIndexes = db.deferIndexes(['t_g1', 'u_g1']);
      expect(schema(db, 1).map((r) => r.name)).not.toContain('t_g1_by_a');
      // The constraints' own indexes stay: upserts still find their conflict targets.
      db.run(`INSERT INTO t_g1 (id, a, b) VALUES ('1', 'x', 'y') ON CONFLICT (id) DO NOTHING`);
      db.run(`INSERT INTO t_g1 (id, a, b) VALUES ('2', 'x', 'z') ON CONFLICT (b) DO NOTHING`);
      createIndexes();
      expect(schema(db, 1)).toEqual(before);
    } finally {
      db.close();
    }
  });

  it('a rebuild leaves every projection with the tables and indexes createTables makes', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const store = SqliteEventStore.open({ dataDir: dir.path });
    const db = new SqliteReadModelDb(dir.path);
    try {
      await writeLedgerActivity(store, 40, 4);
      const projections = ledgerProjections();
      const catalog = new ProjectionCatalog(db);
      const result = await rebuildProjections(
        { store, db, upcasters: ledgerUpcasters(), catalog },
        projections,
        { batch: 50 },
      );
      expect(result.events).toBeGreaterThan(50);
      const generations = new Set(projections.map((p) => catalog.get(p.name)?.generation));
      expect(generations.size).toBe(1);
      const [generation] = [...generations] as number[];
      const built = schema(db, generation);

      // The same projections' tables made afresh, with nothing deferred.
      db.transaction(() => {
        for (const p of ledgerProjections()) p.createTables(db, tableNames(generation + 10));
      });
      const fresh = schema(db, generation + 10).map((r) => ({
        ...r,
        name: r.name.split(`_g${generation + 10}`).join(`_g${generation}`),
        tbl_name: r.tbl_name.split(`_g${generation + 10}`).join(`_g${generation}`),
        sql: r.sql?.split(`_g${generation + 10}`).join(`_g${generation}`) ?? null,
      }));
      expect(built.filter((r) => r.type === 'index' && r.sql !== null).length).toBeGreaterThan(5);
      expect(built).toEqual(fresh);
    } finally {
      db.close();
      await store.close();
    }
  });
});
