import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { ledgerUpcasters } from '@src/ledger/upcasting/ledger-upcasters';
import { ProjectionRunner } from '@src/projections/projection-runner';
import { ledgerProjections } from '@src/projections/projections.module';
import { SqliteReadModelDb } from '@src/projections/read-model-db';
import { writeLedgerActivity } from '../../support/ledger-activity';
import { dumpReadModels } from '../../support/read-model-dump';
import { makeTempDir } from '../../support/temp-dir';

describe('R6: projection determinism', () => {
  it('a rebuild, and a second rebuild, give byte-identical read models to live projection', async () => {
    const dir = makeTempDir();
    const store = SqliteEventStore.open({ dataDir: dir.path, pollIntervalMs: 50 });
    const db = new SqliteReadModelDb(dir.path);
    const projections = ledgerProjections();
    const runner = new ProjectionRunner(store, db, ledgerUpcasters(), projections);
    try {
      runner.start();
      await writeLedgerActivity(store, 300);
      const head = (
        await store.readAll({ direction: 'backwards', maxCount: 1 })[Symbol.asyncIterator]().next()
      ).value!.position;
      expect(await runner.waitFor(head, 20_000)).toBe(true);
      const live = dumpReadModels(db, projections);
      expect(live.length).toBeGreaterThan(10_000);

      for (const p of projections) await runner.rebuild(p.name);
      const rebuilt = dumpReadModels(db, projections);
      for (const p of projections) await runner.rebuild(p.name);
      const again = dumpReadModels(db, projections);
      expect(rebuilt).toBe(live);
      expect(again).toBe(live);
    } finally {
      await runner.stop();
      db.close();
      await store.close();
      dir.remove();
    }
  });
});
