import Database from 'better-sqlite3';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { describeVerification, verifyDataDir } from '@src/cli/verify-command';
import { EventData } from '@src/event-store/event-store.port';
import { eventHash, GENESIS_HASH } from '@src/event-store/hash-chain';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { EVENTS_FILE } from '@src/event-store/sqlite/sqlite-schema';
import { caseAggregate } from '@src/ledger/cases/case.aggregate';
import { CaseCommand } from '@src/ledger/cases/case.commands';
import { CommandHandler } from '@src/ledger/command-handling/command-handler';
import { CommandEnvelope } from '@src/ledger/command-handling/command-metadata';
import { ledgerUpcasters } from '@src/ledger/upcasting/ledger-upcasters';
import { collect } from '../support/async';
import { makeTempDir } from '../support/temp-dir';

const event = (type: string, data: EventData['data'], metadata?: EventData['metadata']) => ({
  id: uuidv4(),
  type,
  data,
  ...(metadata ? { metadata } : {}),
});

describe('tamper evidence (S5): the per-stream hash chain and verify', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let store: SqliteEventStore | undefined;

  beforeEach(() => {
    dir = makeTempDir();
    store = SqliteEventStore.open({ dataDir: dir.path });
  });
  afterEach(async () => {
    await store?.close();
    dir.remove();
  });

  /** Two streams, interleaved, over several appends (one an idempotent retry). */
  async function writeSome(): Promise<void> {
    const s = store as SqliteEventStore;
    const first = [
      event('AssetSeized', { exhibitRef: 'JB/1', amount: '25000.00' }, { actor: 'officer-1' }),
      event('AssetValued', { gbpValue: '24999.99' }),
    ];
    await s.append('asset-1', first, { expectedRevision: 'no_stream' });
    await s.append('asset-2', [event('AssetSeized', { exhibitRef: 'JB/2', amount: '10.00' })]);
    await s.append('asset-1', [event('AssetValued', { gbpValue: '31337.00' })], {
      expectedRevision: 1n,
    });
    // The retry is recognised by its ids and writes nothing.
    await s.append('asset-1', first, { expectedRevision: 'no_stream' });
    await s.append('asset-1', [event('CustodyTransferred', { to: 'Hendon' })]);
    await s.append('asset-2', [event('AssetValued', { gbpValue: '12.00' })], {
      expectedRevision: 0n,
    });
    await s.close();
    store = undefined;
  }

  function tamper(sql: string, ...params: unknown[]): void {
    const db = new Database(join(dir.path, EVENTS_FILE));
    try {
      expect(db.prepare(sql).run(...params).changes).toBe(1);
    } finally {
      db.close();
    }
  }

  it('chains each stream from 64 zeros, each hash recomputable over the canonical event', async () => {
    const s = store as SqliteEventStore;
    await s.append('asset-1', [event('A', { n: 1 }, { actor: 'x' }), event('B', { n: 2 })]);
    await s.append('asset-1', [event('C', { n: 3 })]);
    const read = await collect(s.readStream('asset-1'));
    expect(read.map((e) => e.metadata.prevHash)).toEqual([
      GENESIS_HASH,
      read[0].metadata.hash,
      read[1].metadata.hash,
    ]);
    for (const e of read) {
      expect(e.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(e.metadata.hash).toBe(eventHash(e.streamId, e.revision, e.type, e.data, e.metadata));
    }
    expect(read[0].metadata.actor).toBe('x');
  });

  it('verifies an untouched store', async () => {
    await writeSome();
    const result = await verifyDataDir(dir.path);
    expect(result).toEqual({ ok: true, streams: 2, events: 6 });
    expect(describeVerification(result)).toMatch(/^OK/);
  });

  it('names the stream and revision when one byte of an event’s data changes', async () => {
    await writeSome();
    tamper(
      "UPDATE events SET data = replace(data, '31337', '31338') WHERE stream_id = 'asset-1' AND revision = 2",
    );
    const result = await verifyDataDir(dir.path);
    expect(result).toMatchObject({
      ok: false,
      broken: { stream: 'asset-1', revision: 2n, reason: 'hash mismatch' },
    });
    expect(describeVerification(result)).toContain('stream asset-1 revision 2: hash mismatch');
  });

  it('notices a rewritten hash through the next event’s prevHash', async () => {
    await writeSome();
    tamper(
      "UPDATE events SET data = replace(data, '24999.99', '1.00') WHERE stream_id = 'asset-1' AND revision = 1",
    );
    // Recompute the tampered event's own hash, as a careful forger would.
    const db = new Database(join(dir.path, EVENTS_FILE));
    const row = db
      .prepare(
        "SELECT type, data, metadata FROM events WHERE stream_id = 'asset-1' AND revision = 1",
      )
      .get() as { type: string; data: string; metadata: string };
    const metadata = JSON.parse(row.metadata) as Record<string, string>;
    metadata.hash = eventHash('asset-1', 1n, row.type, JSON.parse(row.data), metadata);
    db.prepare("UPDATE events SET metadata = ? WHERE stream_id = 'asset-1' AND revision = 1").run(
      JSON.stringify(metadata),
    );
    db.close();
    await expect(verifyDataDir(dir.path)).resolves.toMatchObject({
      ok: false,
      broken: { stream: 'asset-1', revision: 2n, reason: 'prevHash mismatch' },
    });
  });

  it('names the stream and the missing revision when an event is deleted', async () => {
    await writeSome();
    tamper("DELETE FROM events WHERE stream_id = 'asset-1' AND revision = 1");
    const result = await verifyDataDir(dir.path);
    expect(result).toMatchObject({
      ok: false,
      broken: { stream: 'asset-1', revision: 1n, reason: 'missing revision' },
    });
    expect(describeVerification(result)).toContain('stream asset-1 revision 1: missing revision');
  });

  it('names revision 0 when a stream’s first event is deleted', async () => {
    await writeSome();
    tamper("DELETE FROM events WHERE stream_id = 'asset-2' AND revision = 0");
    await expect(verifyDataDir(dir.path)).resolves.toMatchObject({
      ok: false,
      broken: { stream: 'asset-2', revision: 0n, reason: 'missing revision' },
    });
  });

  it('verifies a store written by the real command handler, beside the open store', async () => {
    const s = store as SqliteEventStore;
    const handler = new CommandHandler(s, ledgerUpcasters());
    const now = '2026-11-27T12:00:00.000Z';
    const envelope = (): CommandEnvelope => {
      const commandId = uuidv4();
      return {
        commandId,
        correlationId: 'corr-1',
        causationId: commandId,
        actor: { id: 'officer-7', agency: 'MPS', roles: ['investigator'] },
        role: 'investigator',
        now,
      };
    };
    for (let c = 0; c < 2; c += 1) {
      const caseId = uuidv4();
      const open: CaseCommand = {
        type: 'OpenCase',
        now,
        data: {
          caseId,
          reference: `R/${caseId.slice(0, 8)}`,
          title: 'T',
          leadAgency: 'MPS',
          jurisdiction: 'E&W',
        },
      };
      await handler.handle(caseAggregate, caseId, open, envelope());
      for (let i = 0; i < 3; i += 1) {
        const add: CaseCommand = {
          type: 'AddSubject',
          now,
          data: { subjectId: `s${i}`, name: `Subject ${i}`, role: 'suspect' },
        };
        const env = envelope();
        await handler.handle(caseAggregate, caseId, add, env);
      }
    }
    // Read-only beside the store that still holds the data directory.
    await expect(verifyDataDir(dir.path)).resolves.toEqual({ ok: true, streams: 2, events: 8 });
  });
});
