import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { ledgerUpcasters } from '@src/ledger/upcasting/ledger-upcasters';
import { ProjectionRunner } from '@src/projections/projection-runner';
import { ledgerProjections } from '@src/projections/projections.module';
import { SqliteReadModelDb } from '@src/projections/read-model-db';
import { killHard, spawnTs, waitForLine } from '../../support/child-process';
import { writeLedgerActivity } from '../../support/ledger-activity';
import { dumpReadModels } from '../../support/read-model-dump';
import { makeTempDir } from '../../support/temp-dir';

describe('projections survive kill -9', () => {
  it('killed mid-projection and restarted, the read models converge to what a rebuild gives', async () => {
    const dir = makeTempDir();
    const elsewhere = makeTempDir();
    try {
      const writer = SqliteEventStore.open({ dataDir: dir.path });
      await writeLedgerActivity(writer, 1_500);
      let head = 0n;
      for await (const e of writer.readAll({ direction: 'backwards', maxCount: 1 }))
        head = e.position;
      await writer.close();

      // Kill it as soon as it has committed something and before it is done, a few times over.
      let kills = 0;
      for (let round = 0; round < 3; round++) {
        const child = spawnTs('projection-child.ts', [dir.path]);
        let killedMidway = false;
        await waitForLine(
          child,
          (line) => {
            const m = /^checkpoint (\d+)$/.exec(line);
            if (m && BigInt(m[1]) > 0n && BigInt(m[1]) < head) killedMidway = true;
            return killedMidway || line === 'caught-up';
          },
          60_000,
        ).catch(() => undefined);
        await killHard(child);
        if (killedMidway) kills++;
      }
      const finisher = spawnTs('projection-child.ts', [dir.path]);
      await waitForLine(finisher, (line) => line === 'caught-up', 60_000);
      await new Promise((resolve) => finisher.once('exit', resolve));
      expect(kills).toBeGreaterThan(0);

      const store = SqliteEventStore.open({ dataDir: dir.path });
      const afterCrashes = new SqliteReadModelDb(dir.path);
      const fresh = new SqliteReadModelDb(elsewhere.path);
      try {
        const rebuilder = new ProjectionRunner(
          store,
          fresh,
          ledgerUpcasters(),
          ledgerProjections(),
        );
        for (const p of ledgerProjections()) await rebuilder.rebuild(p.name);
        const crashed = dumpReadModels(afterCrashes, ledgerProjections());
        const rebuilt = dumpReadModels(fresh, ledgerProjections());
        // Generations differ (a fresh catalog starts at 1, the rebuild swaps to 2), contents must not.
        expect(crashed.length).toBeGreaterThan(100_000);
        expect(crashed).toBe(rebuilt);
      } finally {
        afterCrashes.close();
        fresh.close();
        await store.close();
      }
    } finally {
      dir.remove();
      elsewhere.remove();
    }
  });
});
