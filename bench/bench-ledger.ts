import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { generateLedger } from './generate-ledger';

const ROOT = join(__dirname, '.data');

/**
 * A data directory holding a generated ledger of `events` events, made once and reused by later
 * runs (bench/.data is not committed). Returns its path.
 */
export async function benchLedger(events: number): Promise<string> {
  const dir = join(ROOT, `ledger-${events}`);
  const marker = join(dir, 'generated.json');
  if (
    existsSync(marker) &&
    (JSON.parse(readFileSync(marker, 'utf8')) as { events: number }).events > 0
  )
    return dir;
  mkdirSync(dir, { recursive: true });
  console.log(
    `Generating a ledger of ${events.toLocaleString('en-GB')} events in ${dir} (once; reused later)...`,
  );
  const store = SqliteEventStore.open({ dataDir: dir, command: 'bench generate' });
  const written = await generateLedger(store, events, (line) => console.log(line));
  await store.close();
  writeFileSync(marker, JSON.stringify({ events: written, at: new Date().toISOString() }));
  return dir;
}
