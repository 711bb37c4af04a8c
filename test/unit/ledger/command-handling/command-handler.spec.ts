import { v4 as uuidv4 } from 'uuid';
import { IdempotencyKeyReusedError } from '@src/common/idempotency-key-reused.error';
import { WrongExpectedVersionError } from '@src/event-store/event-store.port';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { caseAggregate } from '@src/ledger/cases/case.aggregate';
import { CaseCommand } from '@src/ledger/cases/case.commands';
import { CommandHandler } from '@src/ledger/command-handling/command-handler';
import { CommandEnvelope } from '@src/ledger/command-handling/command-metadata';
import { ledgerUpcasters } from '@src/ledger/upcasting/ledger-upcasters';
import { collect } from '../../../support/async';
import { makeTempDir } from '../../../support/temp-dir';

const now = '2026-11-27T12:00:00.000Z';
const envelope = (overrides: Partial<CommandEnvelope> = {}): CommandEnvelope => {
  const commandId = uuidv4();
  return {
    commandId,
    correlationId: 'corr-1',
    causationId: commandId,
    actor: { id: 'officer-7', agency: 'MPS', roles: ['investigator'] },
    role: 'investigator',
    now,
    ...overrides,
  };
};
const open = (caseId: string): CaseCommand => ({
  type: 'OpenCase',
  now,
  data: {
    caseId,
    reference: `R/${caseId.slice(0, 8)}`,
    title: 'T',
    leadAgency: 'MPS',
    jurisdiction: 'E&W',
  },
});
const addSubject = (i: number): CaseCommand => ({
  type: 'AddSubject',
  now,
  data: { subjectId: `s${i}`, name: `Subject ${i}`, role: 'suspect' },
});

describe('command handler (on the real embedded store)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let store: SqliteEventStore;
  let handler: CommandHandler;
  beforeEach(() => {
    dir = makeTempDir();
    store = SqliteEventStore.open({ dataDir: dir.path });
    handler = new CommandHandler(store, ledgerUpcasters());
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it('writes the decided events with ids derived from the command and full metadata', async () => {
    const id = uuidv4();
    const env = envelope();
    const outcome = await handler.handle(caseAggregate, id, open(id), env);
    expect(outcome).toMatchObject({
      id,
      revision: 0n,
      events: ['CaseOpened'],
      created: true,
      replayed: false,
    });
    const [event] = await collect(store.readStream(`case-${id}`));
    expect(event.id).toBe(handler.toEventData(`case-${id}`, [{ type: 'X', data: {} }], env)[0].id);
    expect(event.metadata).toEqual({
      commandId: env.commandId,
      correlationId: 'corr-1',
      causationId: env.commandId,
      actor: 'officer-7',
      agency: 'MPS',
      role: 'investigator',
      schemaVersion: 2,
      prevHash: '0'.repeat(64),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
  });

  it('retries against the new state when another writer got in first (no If-Match)', async () => {
    const id = uuidv4();
    await handler.handle(caseAggregate, id, open(id), envelope());
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        handler.handle(caseAggregate, id, addSubject(i), envelope()),
      ),
    );
    expect(outcomes.map((o) => o.revision).sort()).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    expect(await collect(store.readStream(`case-${id}`))).toHaveLength(7);
  });

  it('gives up after a bounded number of attempts: the losers get a conflict, the winners stay contiguous', async () => {
    const id = uuidv4();
    const bounded = new CommandHandler(store, ledgerUpcasters(), { maxAttempts: 3 });
    await bounded.handle(caseAggregate, id, open(id), envelope());
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        bounded.handle(caseAggregate, id, addSubject(i), envelope()),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won.length).toBeGreaterThanOrEqual(3);
    expect(lost.every((r) => r.reason instanceof WrongExpectedVersionError)).toBe(true);
    const revisions = (await collect(store.readStream(`case-${id}`))).map((e) => e.revision);
    expect(revisions).toEqual(Array.from({ length: won.length + 1 }, (_, i) => BigInt(i)));
  });

  it('with If-Match, a stale revision fails with the current one and nothing is written', async () => {
    const id = uuidv4();
    await handler.handle(caseAggregate, id, open(id), envelope());
    await handler.handle(caseAggregate, id, addSubject(1), envelope({ expectedRevision: 0n }));
    const error = await handler
      .handle(caseAggregate, id, addSubject(2), envelope({ expectedRevision: 0n }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ expected: 0n, actual: 1n });
    expect(await collect(store.readStream(`case-${id}`))).toHaveLength(2);
  });

  it('replays the first outcome for a retried Idempotency-Key even after the stream moved on', async () => {
    const id = uuidv4();
    await handler.handle(caseAggregate, id, open(id), envelope());
    const key = uuidv4();
    const keyed = () => envelope({ commandId: key, idempotency: { key, requestHash: 'h1' } });
    const first = await handler.handle(caseAggregate, id, addSubject(1), keyed());
    await handler.handle(caseAggregate, id, addSubject(2), envelope());
    const retry = await handler.handle(caseAggregate, id, addSubject(1), keyed());
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await collect(store.readStream(`case-${id}`))).toHaveLength(3);
    const reused = await handler
      .handle(
        caseAggregate,
        id,
        addSubject(3),
        envelope({ commandId: key, idempotency: { key, requestHash: 'h2' } }),
      )
      .catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('upcasts stored v1 events to the current shape when reading (CaseOpened v1 had no jurisdiction)', async () => {
    const id = uuidv4();
    await store.append(`case-${id}`, [
      {
        id: uuidv4(),
        type: 'CaseOpened',
        data: { caseId: id, reference: 'OLD/1', title: 'Old', leadAgency: 'MPS', occurredAt: now },
        metadata: { schemaVersion: 1 },
      },
    ]);
    const loaded = await handler.load(caseAggregate, id);
    expect(loaded.events[0].data).toMatchObject({ jurisdiction: 'E&W' });
    expect(loaded.state.jurisdiction).toBe('E&W');
    const stored = await collect(store.readStream(`case-${id}`));
    expect(stored[0].data).not.toHaveProperty('jurisdiction');
  });
});
