import Database from 'better-sqlite3';
import { join } from 'node:path';
import { verifyDataDir, describeVerification } from '@src/cli/verify-command';
import { RecordedEvent } from '@src/event-store/event-store.port';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { SqliteReader } from '@src/event-store/sqlite/sqlite-reader';
import { EVENTS_FILE } from '@src/event-store/sqlite/sqlite-schema';
import { ledgerUpcasters } from '@src/ledger/upcasting/ledger-upcasters';
import { ProjectionRunner } from '@src/projections/projection-runner';
import { ledgerProjections } from '@src/projections/projections.module';
import { SqliteReadModelDb } from '@src/projections/read-model-db';
import { WORKFLOWS_FILE } from '@src/workflows/checkpoint-store';
import { SentCommand } from './crash-load';
import { dumpReadModels } from './read-model-dump';
import { LedgerClient } from './server-process';
import { makeTempDir } from './temp-dir';

/** The log, indexed by command id, with what is wrong with its shape. */
export interface LogIndex {
  head: bigint | null;
  events: number;
  streams: Set<string>;
  /** Every event of each command id, in log order. */
  byCommand: Map<string, RecordedEvent[]>;
  problems: string[];
}

const RESERVATION_OWNERS: Record<string, string> = { 'caseref-': 'case-', 'exhibit-': 'asset-' };
const isReservation = (stream: string) =>
  Object.keys(RESERVATION_OWNERS).some((prefix) => stream.startsWith(prefix));

/**
 * Reads the whole log and checks its shape: positions increase, each stream's revisions run
 * 0, 1, 2, … without a gap, event ids are unique, every event names its command, and the events
 * of one command in one stream are contiguous (one append: nothing of another command between
 * them, and no second copy of the command further on).
 */
export async function indexLog(events: AsyncIterable<RecordedEvent>): Promise<LogIndex> {
  const problems: string[] = [];
  const byCommand = new Map<string, RecordedEvent[]>();
  const ids = new Set<string>();
  const streamHeads = new Map<string, { revision: bigint; commandId: string; done: Set<string> }>();
  let last: bigint | null = null;
  let count = 0;
  for await (const e of events) {
    count++;
    if (last !== null && e.position <= last)
      problems.push(`position ${e.position} after ${last}: not increasing`);
    last = e.position;
    if (ids.has(e.id))
      problems.push(`event id ${e.id} appears twice (${e.streamId}@${e.revision})`);
    ids.add(e.id);
    const commandId = e.metadata.commandId;
    if (typeof commandId !== 'string') {
      problems.push(`${e.streamId}@${e.revision} has no commandId`);
      continue;
    }
    const list = byCommand.get(commandId) ?? [];
    list.push(e);
    byCommand.set(commandId, list);

    const head = streamHeads.get(e.streamId);
    const expected = head ? head.revision + 1n : 0n;
    if (e.revision !== expected)
      problems.push(`${e.streamId}: revision ${e.revision} where ${expected} was next`);
    if (!head) {
      streamHeads.set(e.streamId, { revision: e.revision, commandId, done: new Set() });
    } else {
      if (head.commandId !== commandId) {
        head.done.add(head.commandId);
        if (head.done.has(commandId))
          problems.push(
            `${e.streamId}@${e.revision}: command ${commandId} appears again after other commands (applied twice or split)`,
          );
      }
      head.revision = e.revision;
      head.commandId = commandId;
    }
  }
  return { head: last, events: count, streams: new Set(streamHeads.keys()), byCommand, problems };
}

export async function indexDataDir(dataDir: string): Promise<LogIndex> {
  const reader = new SqliteReader(join(dataDir, EVENTS_FILE));
  try {
    return await indexLog(reader.readAll({}));
  } finally {
    reader.close();
  }
}

/** The stream an acknowledged command's answer names. */
export const streamOf = (c: SentCommand) => `${c.family}-${c.answer!.id}`;

/**
 * Every acknowledged command's events are in the log, all of them, where the answer said: in its
 * stream, the types it listed, ending at the revision and position it gave, written once; a
 * creating command has exactly its one reservation besides. Its idempotency record is there with
 * the same revision and position (so a retry gets the same answer). A refused command wrote
 * nothing. `findCommand` reads the `commands` table.
 */
export function checkCommands(
  index: LogIndex,
  commands: readonly SentCommand[],
  findCommand: (key: string) => { nextExpectedRevision: bigint; position: bigint } | undefined,
): string[] {
  const problems: string[] = [];
  for (const c of commands) {
    const all = index.byCommand.get(c.commandId) ?? [];
    const label = `${c.kind} ${c.commandId} (round ${c.round}, ${c.outcome}${c.retries ? `, retried ${c.retries}×` : ''})`;
    if (c.outcome === 'unacknowledged') {
      problems.push(`${label}: still unacknowledged after a retry (${c.detail ?? ''})`);
      continue;
    }
    if (c.outcome === 'refused') {
      if (all.length > 0)
        problems.push(
          `${label}: refused (${c.status} ${c.detail}) but wrote ${all.map((e) => `${e.streamId}@${e.revision} ${e.type}`).join(', ')}`,
        );
      continue;
    }
    const answer = c.answer!;
    const stream = streamOf(c);
    const mine = all.filter((e) => e.streamId === stream);
    const types = mine.map((e) => e.type);
    if (JSON.stringify(types) !== JSON.stringify(answer.events)) {
      problems.push(
        `${label}: answered ${JSON.stringify(answer.events)} on ${stream}, the log has ${JSON.stringify(types)}`,
      );
      continue;
    }
    if (mine.length > 0) {
      const lastEvent = mine[mine.length - 1];
      if (lastEvent.revision.toString() !== answer.revision)
        problems.push(
          `${label}: answered revision ${answer.revision}, the log has ${lastEvent.revision}`,
        );
      if (lastEvent.position.toString() !== answer.position)
        problems.push(
          `${label}: answered position ${answer.position}, the log has ${lastEvent.position}`,
        );
    }
    const elsewhere = all.filter((e) => e.streamId !== stream);
    const reservations = elsewhere.filter(
      (e) =>
        isReservation(e.streamId) && e.type === 'ReferenceReserved' && e.data.ownerId === answer.id,
    );
    if (elsewhere.length !== reservations.length || reservations.length !== (c.reserves ? 1 : 0))
      problems.push(
        `${label}: besides ${stream} it wrote ${JSON.stringify(elsewhere.map((e) => `${e.streamId}@${e.revision} ${e.type}`))}`,
      );
    const stored = findCommand(c.commandId);
    if (!stored) problems.push(`${label}: no idempotency record`);
    else if (
      mine.length > 0 &&
      (stored.nextExpectedRevision.toString() !== answer.revision ||
        stored.position.toString() !== answer.position)
    )
      problems.push(
        `${label}: idempotency record at ${stored.nextExpectedRevision}/${stored.position}, answered ${answer.revision}/${answer.position}`,
      );
  }
  return problems;
}

/** Every reservation (case reference, exhibit reference) has the case or asset it was made for. */
export function checkReservations(index: LogIndex): string[] {
  const problems: string[] = [];
  for (const events of index.byCommand.values()) {
    for (const e of events) {
      const prefix = Object.keys(RESERVATION_OWNERS).find((p) => e.streamId.startsWith(p));
      if (!prefix || e.type !== 'ReferenceReserved') continue;
      const owner = `${RESERVATION_OWNERS[prefix]}${e.data.ownerId as string}`;
      if (!index.streams.has(owner))
        problems.push(`${e.streamId} reserved for ${owner}, which does not exist (half a command)`);
    }
  }
  return problems;
}

/** `poca-ledger verify`'s check of every stream's hash chain; '' when every link holds. */
export async function chainProblem(dataDir: string): Promise<string> {
  const result = await verifyDataDir(dataDir);
  return result.ok ? '' : describeVerification(result);
}

/** The reactors' checkpoints (workflows.sqlite3), read-only beside the server. */
export function reactorCheckpoints(dataDir: string): Map<string, bigint> {
  const db = new Database(join(dataDir, WORKFLOWS_FILE), { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const rows = db.prepare('SELECT name, position FROM checkpoints').all() as {
      name: string;
      position: string;
    }[];
    return new Map(rows.map((r) => [r.name, BigInt(r.position)]));
  } finally {
    db.close();
  }
}

function headOf(dataDir: string): bigint | null {
  const reader = new SqliteReader(join(dataDir, EVENTS_FILE));
  try {
    return reader.headPosition();
  } finally {
    reader.close();
  }
}

/**
 * Waits until the running server is at rest: the reactors have handled the log to its head (so
 * they will write nothing more), every projection has applied it (`minPosition` on a query), and
 * the head has not moved meanwhile. Returns the head.
 */
export async function waitUntilQuiet(
  client: LedgerClient,
  dataDir: string,
  authorization: Record<string, string>,
  timeoutMs = 120_000,
): Promise<bigint | null> {
  const deadline = Date.now() + timeoutMs;
  let why = '';
  while (Date.now() < deadline) {
    const head = headOf(dataDir);
    if (head === null) return null;
    const reactors = [...reactorCheckpoints(dataDir)].filter(([, p]) => p < head);
    if (reactors.length === 0) {
      const read = await client.request('GET', `/totals?minPosition=${head}`, authorization);
      if (read.status === 200 && headOf(dataDir) === head) {
        const status = await client.request('GET', '/admin/projections', authorization);
        const states = (status.body as { name: string; state: string; caughtUp: boolean }[]).filter(
          (p) => p.state !== 'running' || !p.caughtUp,
        );
        if (states.length === 0) return head;
        why = `projections not running and caught up: ${JSON.stringify(states)}`;
      } else {
        const status = await client.request('GET', '/admin/projections', authorization);
        why = `GET /totals?minPosition=${head}: ${read.status}; projections: ${JSON.stringify(status.body)}`;
      }
    } else
      why = `reactors behind ${head}: ${JSON.stringify(reactors.map(([n, p]) => `${n}@${p}`))}`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not come to rest: ${why}`);
}

/**
 * The live read models of `dataDir` (read in one read transaction) and a full rebuild of every
 * projection from a copy of its log (SQLite's backup API, so it works beside the running server),
 * as `dumpReadModels` gives them.
 */
export async function liveAndRebuiltReadModels(
  dataDir: string,
): Promise<{ live: string; rebuilt: string }> {
  const projections = ledgerProjections();
  const copy = makeTempDir('poca-r1-rebuild-');
  try {
    const source = new Database(join(dataDir, EVENTS_FILE), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      await source.backup(join(copy.path, EVENTS_FILE));
    } finally {
      source.close();
    }
    const liveDb = new SqliteReadModelDb(dataDir, { readonly: true });
    let live: string;
    try {
      live = liveDb.transaction(() => dumpReadModels(liveDb, projections));
    } finally {
      liveDb.close();
    }
    const store = SqliteEventStore.open({ dataDir: copy.path, command: 'r1 rebuild check' });
    const fresh = new SqliteReadModelDb(copy.path);
    try {
      const runner = new ProjectionRunner(store, fresh, ledgerUpcasters(), projections);
      for (const p of projections) await runner.rebuild(p.name);
      return { live, rebuilt: dumpReadModels(fresh, projections) };
    } finally {
      fresh.close();
      await store.close();
    }
  } finally {
    copy.remove();
  }
}

/** What the retries after a restart found: already committed before the kill, or not. */
export interface RetrySnapshot {
  /** The command's events (outside reservation streams) in the log before it was sent again. */
  before: Map<string, RecordedEvent[]>;
  /** Reservations made by commands whose own events were not written. */
  reservedOnly: number;
}

export function snapshotBeforeRetry(
  index: LogIndex,
  commands: readonly SentCommand[],
): RetrySnapshot {
  const before = new Map<string, RecordedEvent[]>();
  let reservedOnly = 0;
  for (const c of commands) {
    const all = index.byCommand.get(c.commandId) ?? [];
    const own = all.filter((e) => !isReservation(e.streamId));
    before.set(c.commandId, own);
    if (own.length === 0 && all.length > 0) reservedOnly++;
  }
  return { before, reservedOnly };
}

/**
 * A command that was in flight at the kill and had been committed must be answered, on retry,
 * with exactly the events it wrote (its stored first answer): otherwise its events were partial
 * or it was applied again.
 */
export function checkRetries(snapshot: RetrySnapshot, retried: readonly SentCommand[]): string[] {
  const problems: string[] = [];
  for (const c of retried) {
    const before = snapshot.before.get(c.commandId) ?? [];
    if (before.length === 0) continue;
    const label = `${c.kind} ${c.commandId} (round ${c.round})`;
    if (c.outcome !== 'acknowledged') {
      problems.push(
        `${label}: committed before the kill, but its retry got ${c.status} ${c.detail}`,
      );
      continue;
    }
    const types = before.map((e) => e.type);
    const lastEvent = before[before.length - 1];
    if (
      JSON.stringify(types) !== JSON.stringify(c.answer!.events) ||
      lastEvent.position.toString() !== c.answer!.position ||
      lastEvent.streamId !== streamOf(c)
    )
      problems.push(
        `${label}: before the retry the log had ${JSON.stringify(types)} at ${lastEvent.streamId}@${lastEvent.position}; the retry answered ${JSON.stringify(c.answer)}`,
      );
  }
  return problems;
}
