import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { ledgerUpcasters } from '@src/ledger/upcasting/ledger-upcasters';
import { Projection } from '@src/projections/projection';
import { ProjectionRunner } from '@src/projections/projection-runner';
import { SqliteReadModelDb } from '@src/projections/read-model-db';
import { makeTempDir } from '../../support/temp-dir';

/** A projection that counts events and throws at the end of a batch holding a poisoned one. */
function counting(name: string, poisoned?: string): Projection {
  let sawPoison = false;
  const table = `${name}_counts`;
  return {
    name,
    version: 1,
    tables: [table],
    streams: ['probe-'],
    createTables: (db, t) => db.exec(`CREATE TABLE ${t(table)} (n INTEGER NOT NULL)`),
    apply: (db, t, event) => {
      if (event.type === poisoned) sawPoison = true;
      db.run(`INSERT INTO ${t(table)} (n) VALUES (1)`);
    },
    endBatch: () => {
      if (sawPoison) {
        sawPoison = false;
        throw new Error('cannot apply Poison');
      }
    },
  };
}

describe('a projection that fails', () => {
  it('stops alone, with its batch rolled back, and the process and the other projections go on', async () => {
    const dir = makeTempDir();
    const store = SqliteEventStore.open({ dataDir: dir.path, pollIntervalMs: 20 });
    const db = new SqliteReadModelDb(dir.path);
    const runner = new ProjectionRunner(store, db, ledgerUpcasters(), [
      counting('healthy'),
      counting('fragile', 'Poison'),
    ]);
    const count = (name: string) =>
      db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${runner.tables(name)(`${name}_counts`)}`)
        ?.n;
    try {
      runner.start();
      const ok = await store.append(
        'probe-1',
        [{ id: crypto.randomUUID(), type: 'Fine', data: {} }],
        {
          expectedRevision: 'any',
        },
      );
      expect(await runner.waitFor(ok.position, 5_000)).toBe(true);
      const poison = await store.append(
        'probe-2',
        [{ id: crypto.randomUUID(), type: 'Poison', data: {} }],
        { expectedRevision: 'any' },
      );
      const after = await store.append(
        'probe-3',
        [{ id: crypto.randomUUID(), type: 'Fine', data: {} }],
        { expectedRevision: 'any' },
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      const status = Object.fromEntries(runner.status().map((s) => [s.name, s]));
      expect(status.fragile).toMatchObject({ state: 'failed', checkpoint: ok.position.toString() });
      expect(status.fragile.error).toContain('cannot apply Poison');
      expect(count('fragile')).toBe(1);
      expect(status.healthy.state).toBe('running');
      expect(status.healthy.checkpoint).toBe(after.position.toString());
      expect(count('healthy')).toBe(3);
      expect(poison.position).toBeLessThan(after.position);
    } finally {
      await runner.stop();
      db.close();
      await store.close();
      dir.remove();
    }
  });
});
