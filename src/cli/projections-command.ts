import { mintToken } from '../auth/mint-token';
import { signingSecret } from './token-command';
import { SingleBar, Presets } from 'cli-progress';
import { AppConfig } from '../config/config';
import { StoreLockedError } from '../event-store/event-store.port';
import { openEventStore } from '../event-store/open-event-store';
import { SqliteReader } from '../event-store/sqlite/sqlite-reader';
import { EVENTS_FILE } from '../event-store/sqlite/sqlite-schema';
import { ledgerUpcasters } from '../ledger/upcasting/ledger-upcasters';
import { ProjectionCatalog } from '../projections/projection-catalog';
import { ProjectionRunner } from '../projections/projection-runner';
import { ledgerProjections } from '../projections/projections.module';
import { SqliteReadModelDb } from '../projections/read-model-db';
import { REBUILD_ALL, RebuildProgress } from '../projections/rebuild';
import { join } from 'node:path';
import { existsSync } from 'node:fs';

/** `poca-ledger projections status`: read-only, works beside a running server. */
export async function projectionsStatus(config: AppConfig, out = process.stdout): Promise<void> {
  const head = await logHead(config);
  const db = new SqliteReadModelDb(config.dataDir);
  try {
    const catalog = new ProjectionCatalog(db);
    const rows = ledgerProjections().map((p) => {
      const record = catalog.get(p.name);
      const checkpoint = record?.checkpoint ?? null;
      const lag = head === null ? 0n : checkpoint === null ? head : head - checkpoint;
      return {
        projection: p.name,
        version: `${record?.version ?? '-'}${record && record.version !== p.version ? ` (build wants ${p.version})` : ''}`,
        generation: record?.generation ?? '-',
        checkpoint: checkpoint?.toString() ?? 'none',
        head: head?.toString() ?? 'empty',
        behind:
          config.eventStore === 'sqlite' ? `${lag} events` : lag === 0n ? 'caught up' : 'behind',
        updated: record?.updatedAt ?? '-',
      };
    });
    out.write(`Read models in ${join(config.dataDir, 'read-models.sqlite3')}\n`);
    console.table(rows);
  } finally {
    db.close();
  }
}

/**
 * `poca-ledger projections rebuild [NAME]`: one projection, or (no name) every projection in one
 * pass over the log. With the server stopped, rebuilds here with a progress bar; when a server
 * holds the data directory, asks it to (admin route) and says so.
 */
export async function projectionsRebuild(
  config: AppConfig,
  name: string | undefined,
  out = process.stdout,
): Promise<void> {
  const names = ledgerProjections().map((p) => p.name);
  if (name !== undefined && !names.includes(name)) {
    throw new Error(`No projection ${name}; there are: ${names.join(', ')}`);
  }
  let store;
  try {
    store = openEventStore(config, `poca-ledger projections rebuild ${name ?? ''}`.trim());
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    out.write(
      `A server holds ${config.dataDir}: asking it to rebuild (http://localhost:${config.port}).\n`,
    );
    const authorization = await adminAuthorization(config);
    const target = name ?? REBUILD_ALL;
    const response = await fetch(
      `http://localhost:${config.port}/admin/projections/${target}/rebuild`,
      { method: 'POST', headers: authorization },
    );
    if (!response.ok)
      throw new Error(
        `The server refused to rebuild ${target}: ${response.status} ${await response.text()}`,
      );
    out.write(`${summary((await response.json()) as RebuildProgress)} (by the running server)\n`);
    return;
  }
  const db = new SqliteReadModelDb(config.dataDir);
  try {
    const runner = new ProjectionRunner(store, db, ledgerUpcasters(), ledgerProjections());
    const total = await logHead(config);
    const label = name ?? 'all projections';
    const bar = new SingleBar(
      {
        format: `${label.padEnd(18)} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s`,
        hideCursor: true,
        noTTYOutput: false,
        stopOnComplete: true,
      },
      Presets.shades_classic,
    );
    bar.start(Number(total ?? 0n), 0, { rate: 0 });
    const result = await runner.rebuildAll(name === undefined ? names : [name], (p) =>
      bar.update(p.events, { rate: Math.round(p.eventsPerSecond) }),
    );
    bar.update(result.events, { rate: Math.round(result.eventsPerSecond) });
    bar.stop();
    out.write(`${summary(result)} (the server was not running)\n`);
  } finally {
    db.close();
    await store.close();
  }
}

function summary(p: RebuildProgress): string {
  return `Rebuilt ${p.name}: ${p.events} events of the log in ${p.seconds.toFixed(1)} s (${Math.round(p.eventsPerSecond)} events/s, one pass), checkpoint ${p.position ?? 'none'}`;
}

/** The head of the log without taking the writer lock. */
async function logHead(config: AppConfig): Promise<bigint | null> {
  if (config.eventStore === 'sqlite') {
    const file = join(config.dataDir, EVENTS_FILE);
    if (!existsSync(file)) return null;
    const reader = new SqliteReader(file);
    try {
      return reader.headPosition();
    } finally {
      reader.close();
    }
  }
  const store = openEventStore(config);
  try {
    for await (const e of store.readAll({ direction: 'backwards', maxCount: 1 })) return e.position;
    return null;
  } finally {
    await store.close();
  }
}

/**
 * The rebuild route needs a supervisor's token: LEDGER_TOKEN if the operator gives one, else one
 * minted for five minutes with the secret the server verifies with (development or HS256).
 */
async function adminAuthorization(config: AppConfig): Promise<Record<string, string>> {
  const given = process.env.LEDGER_TOKEN?.trim();
  if (given) return { Authorization: `Bearer ${given}` };
  const secret = signingSecret(config);
  if (!secret) {
    throw new Error(
      'The server verifies tokens against AUTH_JWKS_URL: set LEDGER_TOKEN to a supervisor token to ask it to rebuild',
    );
  }
  const token = await mintToken(
    { sub: 'poca-ledger-cli', agency: 'SYSTEM', roles: ['supervisor'], ttl: '5m' },
    secret,
  );
  return { Authorization: `Bearer ${token}` };
}
