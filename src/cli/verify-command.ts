import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/config';
import { EventStoreDbEventStore } from '../event-store/eventstoredb/eventstoredb-event-store';
import { ChainVerification, verifyChains } from '../event-store/hash-chain';
import { SqliteReader } from '../event-store/sqlite/sqlite-reader';
import { EVENTS_FILE } from '../event-store/sqlite/sqlite-schema';

/**
 * Checks the hash chain of every stream in the embedded store's data directory. Opens the events
 * file read-only (no lock), so it works beside a running server.
 */
export async function verifyDataDir(
  dataDir: string,
  onEvent?: (count: number) => void,
): Promise<ChainVerification> {
  const file = join(dataDir, EVENTS_FILE);
  if (!existsSync(file)) throw new Error(`No event store at ${file}`);
  const reader = new SqliteReader(file);
  try {
    return await verifyChains(reader.readAll({}), onEvent);
  } finally {
    reader.close();
  }
}

/** The report `poca-ledger verify` prints. */
export function describeVerification(result: ChainVerification): string {
  if (result.ok) {
    return `OK: every link holds (${result.events} events in ${result.streams} streams)\n`;
  }
  const { stream, revision, reason, detail } = result.broken;
  return (
    `FAILED: first broken link at stream ${stream} revision ${revision}: ${reason}\n` +
    `  ${detail}\n` +
    `  (${result.events} events in ${result.streams} streams checked before it)\n`
  );
}

/** `poca-ledger verify`: 0 when every link of every stream holds, 1 otherwise. */
export async function verifyCommand(
  config: AppConfig,
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const tty = process.stderr.isTTY === true;
  const progress = (count: number) => {
    if (tty && count % 10_000 === 0) process.stderr.write(`\r${count} events checked`);
  };
  let result: ChainVerification;
  if (config.eventStore === 'eventstoredb') {
    const store = EventStoreDbEventStore.fromConnectionString(
      config.eventStoreConnectionString as string,
    );
    try {
      result = await verifyChains(store.readAll(), progress);
    } finally {
      await store.close();
    }
  } else {
    result = await verifyDataDir(config.dataDir, progress);
  }
  if (tty) process.stderr.write('\r\x1b[K');
  out.write(describeVerification(result));
  return result.ok ? 0 : 1;
}
