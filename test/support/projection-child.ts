/**
 * Child process for the projection crash test: follows the log with the live runner, printing its
 * checkpoints; exits by itself once caught up to the head (or is killed before).
 */
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ledgerUpcasters } from '../../src/ledger/upcasting/ledger-upcasters';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { ledgerProjections } from '../../src/projections/projections.module';
import { SqliteReadModelDb } from '../../src/projections/read-model-db';

async function main() {
  const dataDir = process.argv[2];
  const store = SqliteEventStore.open({ dataDir, command: 'projection-child' });
  const db = new SqliteReadModelDb(dataDir);
  const runner = new ProjectionRunner(store, db, ledgerUpcasters(), ledgerProjections());
  let head = 0n;
  for await (const e of store.readAll({ direction: 'backwards', maxCount: 1 })) head = e.position;
  runner.start();
  const ticker = setInterval(
    () => process.stdout.write(`checkpoint ${runner.position() ?? 0}\n`),
    2,
  );
  await runner.waitFor(head, 60_000);
  clearInterval(ticker);
  await runner.stop();
  db.close();
  await store.close();
  process.stdout.write('caught-up\n');
}

void main();
