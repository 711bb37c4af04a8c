import { londonDateOf } from '../../common/time';
import { EventStore } from '../../event-store/event-store.port';
import { AssetEvent, assetStream } from '../../ledger/assets/asset.events';
import { AssetState, evolve, initialAssetState } from '../../ledger/assets/asset.state';
import { caseDecider, CaseState } from '../../ledger/cases/case.decider';
import { CaseEvent, caseStream } from '../../ledger/cases/case.events';
import { CommandHandler } from '../../ledger/command-handling/command-handler';
import { confiscationAggregate } from '../../ledger/confiscation/confiscation.aggregate';
import { orderPosition } from '../../ledger/confiscation/confiscation.position';
import { restraintAggregate } from '../../ledger/restraint/restraint.aggregate';
import { UpcasterRegistry } from '../../ledger/upcasting/upcaster-registry';
import { StatementInput } from './valuation-statement';

/** Where the ids of a case's assets and orders come from (the register, or a scan of the log). */
export interface CaseIndex {
  assetIds(caseId: string): Promise<string[]>;
  orders(caseId: string): Promise<{ orderId: string; kind: 'restraint' | 'confiscation' }[]>;
}

export interface StatementRequest {
  caseId: string;
  asAt?: string;
  asKnownAt?: bigint;
  preparedBy: string;
  /** A statement for this subject of the case only. */
  subjectId?: string;
}

/** The subject asked for is not on the case (as known at the position): a 404 naming it. */
export class StatementSubjectNotFoundError extends Error {
  constructor(
    readonly subjectId: string,
    readonly caseId: string,
  ) {
    super(`No subject ${subjectId} on case ${caseId}`);
  }
}

/** A parameter the statement cannot be made with: a 400 naming it. */
export class StatementParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/** The last event at or before a position (the head with none given). */
async function eventAtOrBefore(
  store: EventStore,
  position?: bigint,
): Promise<{ position: bigint; recordedAt: string } | undefined> {
  for await (const e of store.readAll({
    fromPosition: position ?? 'end',
    direction: 'backwards',
    maxCount: 1,
  })) {
    return { position: e.position, recordedAt: e.recordedAt };
  }
  return undefined;
}

/** The head of the log: the position a statement without asKnownAt reflects. */
export async function logHead(store: EventStore): Promise<bigint | undefined> {
  return (await eventAtOrBefore(store))?.position;
}

/**
 * Gathers what the statement is built from, exactly as at `asAt` and as known at `asKnownAt`:
 * every stream is read up to that position; asset streams keep only events that happened on or
 * before asAt (London date of occurredAt) and are folded with the domain's evolve. Undefined
 * when the case did not exist as known then.
 */
export async function loadStatementInput(
  store: EventStore,
  upcasters: UpcasterRegistry,
  index: CaseIndex,
  request: StatementRequest,
): Promise<StatementInput | undefined> {
  const head = await eventAtOrBefore(store);
  if (!head) return undefined;
  if (request.asKnownAt !== undefined && request.asKnownAt > head.position) {
    throw new StatementParamError(
      'asKnownAt',
      `asKnownAt ${request.asKnownAt.toString()} is beyond the head of the log (${head.position.toString()})`,
    );
  }
  const asKnownAt = request.asKnownAt ?? head.position;
  const at = request.asKnownAt === undefined ? head : await eventAtOrBefore(store, asKnownAt);
  if (!at) return undefined;
  const generatedAt = at.recordedAt;
  const asAt = request.asAt ?? londonDateOf(generatedAt);

  const heads = new ChainHeads();
  const theCase = await loadCase(store, upcasters, request.caseId, asKnownAt, heads);
  if (!theCase) return undefined;
  if (request.subjectId !== undefined && !theCase.state.subjects[request.subjectId]) {
    throw new StatementSubjectNotFoundError(request.subjectId, request.caseId);
  }

  const handler = new CommandHandler(store, upcasters);
  const restraintOrders: StatementInput['restraintOrders'] = [];
  const restraintRefs = new Map<string, string>();
  const confiscationOrders: StatementInput['confiscationOrders'] = [];
  for (const order of await index.orders(request.caseId)) {
    if (order.kind === 'restraint') {
      const { state } = await handler.load(restraintAggregate, order.orderId, {
        maxPosition: asKnownAt,
      });
      if (!state.exists || !state.madeOn || state.madeOn > asAt) continue;
      await heads.read(store, restraintAggregate.stream(order.orderId), asKnownAt);
      restraintRefs.set(order.orderId, state.orderRef ?? order.orderId);
      restraintOrders.push({
        orderRef: state.orderRef ?? '',
        court: state.court ?? '',
        restraintOrderId: order.orderId,
        subjectId: state.subjectId,
      });
    } else {
      const { state } = await handler.load(confiscationAggregate, order.orderId, {
        maxPosition: asKnownAt,
      });
      if (!state.exists || !state.order || state.order.orderDate > asAt) continue;
      await heads.read(store, confiscationAggregate.stream(order.orderId), asKnownAt);
      confiscationOrders.push({
        court: state.order.court,
        position: orderPosition(state, asAt),
        subjectId: state.order.subjectId,
      });
    }
  }

  const assets: StatementInput['assets'] = [];
  for (const assetId of await index.assetIds(request.caseId)) {
    const state = await foldAsset(store, upcasters, assetId, asAt, asKnownAt, heads);
    if (!state.exists) continue;
    assets.push({
      assetId,
      state,
      restraintOrderRefs: state.restrainedBy.map((id) => restraintRefs.get(id) ?? id),
    });
  }

  return {
    caseId: request.caseId,
    reference: theCase.state.reference ?? '',
    title: theCase.title,
    subjects: Object.entries(theCase.state.subjects).map(([subjectId, s]) => ({
      subjectId,
      name: s.name,
      role: s.role,
    })),
    preparedBy: request.preparedBy,
    asAt,
    asKnownAt,
    generatedAt,
    assets,
    restraintOrders,
    confiscationOrders,
    subjectId: request.subjectId,
    chainHeads: heads.list(),
  };
}

/**
 * The last event of each stream the statement was built from, as known at its position: the
 * stream, revision and integrity hash, so the statement can be checked against the chain later.
 */
class ChainHeads {
  private readonly heads = new Map<string, StatementInput['chainHeads'][number]>();

  note(stream: string, revision: bigint, metadata: Record<string, unknown>): void {
    const hash = typeof metadata.hash === 'string' ? metadata.hash : '';
    this.heads.set(stream, { stream, revision: revision.toString(), hash });
  }

  async read(store: EventStore, stream: string, asKnownAt: bigint): Promise<void> {
    for await (const e of store.readStream(stream)) {
      if (e.position > asKnownAt) break;
      this.note(stream, e.revision, e.metadata);
    }
  }

  list(): StatementInput['chainHeads'] {
    return [...this.heads.values()].sort((a, b) =>
      a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0,
    );
  }
}

async function loadCase(
  store: EventStore,
  upcasters: UpcasterRegistry,
  caseId: string,
  asKnownAt: bigint,
  heads: ChainHeads,
): Promise<{ state: CaseState; title: string } | undefined> {
  let state = caseDecider.initialState;
  let title = '';
  for await (const e of store.readStream(caseStream(caseId))) {
    if (e.position > asKnownAt) break;
    heads.note(e.streamId, e.revision, e.metadata);
    const data = upcasters.upcast(e.type, e.data, e.metadata.schemaVersion);
    if (e.type === 'CaseOpened' && typeof data.title === 'string') title = data.title;
    state = caseDecider.evolve(state, { type: e.type, data } as unknown as CaseEvent);
  }
  return state.exists ? { state, title } : undefined;
}

async function foldAsset(
  store: EventStore,
  upcasters: UpcasterRegistry,
  assetId: string,
  asAt: string,
  asKnownAt: bigint,
  heads: ChainHeads,
): Promise<AssetState> {
  let state = initialAssetState;
  for await (const event of store.readStream(assetStream(assetId))) {
    if (event.position > asKnownAt) break;
    heads.note(event.streamId, event.revision, event.metadata);
    const data = upcasters.upcast(event.type, event.data, event.metadata.schemaVersion);
    const occurredAt = typeof data.occurredAt === 'string' ? data.occurredAt : event.recordedAt;
    if (londonDateOf(occurredAt) > asAt) continue;
    state = evolve(state, { type: event.type, data } as unknown as AssetEvent);
  }
  return state;
}

/**
 * A case index from a scan of the log (for the CLI, which has no live read models): the assets
 * seized into the case and the orders made in it. Also finds a case by its reference.
 */
export class LogScanCaseIndex implements CaseIndex {
  private scanned?: {
    cases: Map<string, string>;
    assets: Map<string, string[]>;
    orders: Map<string, { orderId: string; kind: 'restraint' | 'confiscation' }[]>;
  };

  constructor(private readonly store: EventStore) {}

  private async scan() {
    if (this.scanned) return this.scanned;
    const cases = new Map<string, string>();
    const assets = new Map<string, string[]>();
    const orders = new Map<string, { orderId: string; kind: 'restraint' | 'confiscation' }[]>();
    const push = <T>(map: Map<string, T[]>, key: string, value: T) =>
      map.set(key, [...(map.get(key) ?? []), value]);
    for await (const e of this.store.readAll()) {
      const d = e.data as Record<string, unknown>;
      const caseId = typeof d.caseId === 'string' ? d.caseId : undefined;
      if (e.type === 'CaseOpened' && caseId && typeof d.reference === 'string')
        cases.set(d.reference, caseId);
      if (!caseId) continue;
      if (e.type === 'AssetSeized' && typeof d.assetId === 'string')
        push(assets, caseId, d.assetId);
      if (e.type === 'RestraintOrderMade' && typeof d.restraintOrderId === 'string')
        push(orders, caseId, { orderId: d.restraintOrderId, kind: 'restraint' as const });
      if (e.type === 'ConfiscationOrderMade' && typeof d.confiscationOrderId === 'string')
        push(orders, caseId, { orderId: d.confiscationOrderId, kind: 'confiscation' as const });
    }
    this.scanned = { cases, assets, orders };
    return this.scanned;
  }

  /** A case id from a reference (or the id itself when no case has that reference). */
  async resolve(refOrId: string): Promise<string> {
    return (await this.scan()).cases.get(refOrId) ?? refOrId;
  }

  async assetIds(caseId: string): Promise<string[]> {
    return [...new Set((await this.scan()).assets.get(caseId) ?? [])].sort();
  }

  async orders(caseId: string) {
    return (await this.scan()).orders.get(caseId) ?? [];
  }
}
