import { IdempotencyKeyReusedError } from '../../common/idempotency-key-reused.error';
import {
  AppendResult,
  CurrentRevision,
  DuplicateCommandError,
  EventData,
  EventStore,
  JsonObject,
  RecordedEvent,
  StoredCommand,
  WrongExpectedVersionError,
} from '../../event-store/event-store.port';
import { Aggregate, DomainCommand, DomainEvent } from '../decider';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { CommandEnvelope, eventIdFor } from './command-metadata';
import { Actor } from '../../common/actor';
import { isSystemActor } from '../../auth/access-scope';
import { refuse } from '../../common/domain-error';
import { KeyedMutex } from './keyed-mutex';
import { SnapshotCache, SnapshotCacheOptions, SnapshotCacheStats } from './snapshot-cache';

/** May this actor write to streams of this case? (Agency scope; see CaseAccessReader.) */
export type WriteAccessCheck = (actor: Actor, caseId: string | undefined) => Promise<boolean>;

/** A stream folded: its state, and the revision and position of the last event folded. */
export interface LoadedState<S> {
  state: S;
  revision: CurrentRevision;
  /** Position of the stream's last event, if any. */
  position?: bigint;
}

export interface LoadedAggregate<E, S> extends LoadedState<S> {
  events: E[];
}

/** What a command route answers: `{ id, revision, position, events }` (docs/api.md). */
export interface CommandOutcome {
  id: string;
  revision: bigint;
  position: bigint;
  events: string[];
  /** The stream did not exist before this command. */
  created: boolean;
  /** This is the stored first response to a retried Idempotency-Key; nothing new was written. */
  replayed: boolean;
}

export interface CommandHandlerOptions {
  /** Attempts when the stream moves between read and append and the client sent no If-Match. */
  maxAttempts?: number;
  /** Agency scope for commands on existing streams; without it every stream is writable. */
  canWrite?: WriteAccessCheck;
  /**
   * Folded states kept between commands, so a command reads only the events after the last state
   * it saw (default: on, with SnapshotCache's bounds); `false` folds the whole stream every time.
   */
  snapshots?: SnapshotCacheOptions | false;
}

/**
 * The one command handler: read the stream, fold it, decide, append with the revision read. The
 * fold starts from a snapshot kept in this process when there is one, and reads only the events
 * after it (P6: a long stream costs a command no more than a fresh one). A
 * race with another writer is retried against the new state (bounded) unless the client made the
 * command conditional with If-Match, which then fails with the current revision. Idempotency keys
 * are serialised in this process and recorded with the events, so a retry returns the first
 * response even after the stream has moved on (re-deciding could pay twice).
 */
export class CommandHandler {
  private readonly inFlight = new KeyedMutex();
  private readonly maxAttempts: number;
  private readonly canWrite?: WriteAccessCheck;
  private readonly snapshots?: SnapshotCache;

  constructor(
    private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
    options: CommandHandlerOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.canWrite = options.canWrite;
    if (options.snapshots !== false) this.snapshots = new SnapshotCache(options.snapshots);
  }

  /**
   * The whole stream, read and folded, with its events (for views that list them). Commands use
   * `loadState`, which starts from a kept snapshot. As known at `maxPosition`: later events are
   * left out.
   */
  async load<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    id: string,
    options: { maxPosition?: bigint } = {},
  ): Promise<LoadedAggregate<E, S>> {
    const { decider } = aggregate;
    let state = decider.initialState;
    const events: E[] = [];
    let revision: CurrentRevision = 'no_stream';
    let position: bigint | undefined;
    for await (const recorded of this.store.readStream(aggregate.stream(id))) {
      // As known at a ledger position: later events did not exist yet.
      if (options.maxPosition !== undefined && recorded.position > options.maxPosition) break;
      const event = this.upcast<E>(recorded);
      state = decider.evolve(state, event);
      events.push(event);
      revision = recorded.revision;
      position = recorded.position;
    }
    return { state, events, revision, position };
  }

  /**
   * The stream's state, without its events: from the snapshot kept of this stream, if any, plus
   * the events after it (always read: another process may have appended meanwhile, and streams
   * are append-only, so the snapshot's events cannot have changed). As known at `maxPosition`, a
   * snapshot past that position is not used. The state returned is frozen and may be shared with
   * other commands: deciders never change the state they get.
   */
  async loadState<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    id: string,
    options: { maxPosition?: bigint } = {},
  ): Promise<LoadedState<S>> {
    const { decider } = aggregate;
    const { maxPosition } = options;
    const stream = aggregate.stream(id);
    let snapshot = this.snapshots?.get<S>(stream);
    if (snapshot?.decider !== decider) snapshot = undefined;
    if (snapshot && maxPosition !== undefined && snapshot.position > maxPosition) {
      snapshot = undefined;
    }
    for (;;) {
      let state = snapshot ? snapshot.state : decider.initialState;
      let revision: CurrentRevision = snapshot ? snapshot.revision : 'no_stream';
      let position = snapshot?.position;
      let toHead = true;
      let consistent = true;
      const fromRevision = snapshot ? snapshot.revision + 1n : 'start';
      for await (const recorded of this.store.readStream(stream, { fromRevision })) {
        if (maxPosition !== undefined && recorded.position > maxPosition) {
          toHead = false;
          break;
        }
        if (snapshot && recorded.revision !== (revision === 'no_stream' ? 0n : revision + 1n)) {
          consistent = false;
          break;
        }
        state = decider.evolve(state, this.upcast<E>(recorded));
        revision = recorded.revision;
        position = recorded.position;
      }
      if (!consistent) {
        // The store does not go on where the snapshot ended: forget it and fold from the start.
        this.snapshots?.delete(stream);
        snapshot = undefined;
        continue;
      }
      if (this.snapshots && toHead && position !== undefined && revision !== 'no_stream') {
        if (revision !== snapshot?.revision) {
          state = this.snapshots.set(stream, { state, revision, position, decider });
        }
      }
      return { state, revision, position };
    }
  }

  /** How the snapshot cache is doing (undefined when snapshots are off). */
  snapshotStats(): SnapshotCacheStats | undefined {
    return this.snapshots?.stats();
  }

  /**
   * Decides a creating command against the empty state without writing anything, so that a
   * command that breaks a rule is refused before a reservation stream is written for it. Returns
   * the events decided: `handleCreating` takes them (`decided`) rather than deciding the same
   * command against the same empty state a second time.
   */
  assertAccepted<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    command: C,
  ): E[] {
    return aggregate.decider.decide(command, aggregate.decider.initialState);
  }

  async handle<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    id: string,
    command: C,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.exclusively(envelope, () => this.execute(aggregate, id, command, envelope));
  }

  /**
   * For commands that write another stream before their own (a reservation of a unique key):
   * `prepare` checks the command and reserves, and returns the id and command to decide. It runs
   * under the same Idempotency-Key lock as the append, after the key has been looked up, so a
   * replayed or reused key never reserves anything.
   *
   * `decided`, if given, is what `command` decides against the empty state (`assertAccepted` of
   * that very command) for an id that is new (proposed for this command): the events are
   * appended as they are, with expected revision no_stream, without reading the stream first or
   * deciding again (P2). Should the stream exist after all, that append fails and the command is
   * read and decided as any other.
   */
  async handleCreating<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    envelope: CommandEnvelope,
    prepare: () => Promise<{ id: string; command: C; decided?: E[] }>,
  ): Promise<CommandOutcome> {
    return this.exclusively(envelope, async () => {
      // The stream does not exist yet, so no If-Match can match it: refuse before `prepare`
      // reserves a key that would otherwise stay taken by a command that wrote nothing else.
      if (envelope.expectedRevision !== undefined) {
        throw new WrongExpectedVersionError(
          `${aggregate.name} (new)`,
          envelope.expectedRevision,
          'no_stream',
        );
      }
      const { id, command, decided } = await prepare();
      return this.execute(aggregate, id, command, envelope, decided);
    });
  }

  /** Serialises one Idempotency-Key in this process and replays its first outcome if it has one. */
  private async exclusively(
    envelope: CommandEnvelope,
    work: () => Promise<CommandOutcome>,
  ): Promise<CommandOutcome> {
    const idempotency = envelope.idempotency;
    if (!idempotency) return work();
    return this.inFlight.run(idempotency.key, async () => {
      const stored = await this.store.findCommand(idempotency.key);
      if (stored) return this.replay(stored, idempotency.requestHash);
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof DuplicateCommandError)) throw error;
        const winner = await this.store.findCommand(idempotency.key);
        if (!winner) throw error;
        return this.replay(winner, idempotency.requestHash);
      }
    });
  }

  private async execute<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    id: string,
    command: C,
    envelope: CommandEnvelope,
    /** What `command` decides against the empty state, for a new id (see handleCreating). */
    decidedNew?: E[],
  ): Promise<CommandOutcome> {
    const stream = aggregate.stream(id);
    let scopeChecked = false;
    for (let attempt = 1; ; attempt++) {
      const assumedNew = attempt === 1 && decidedNew !== undefined;
      const loaded: LoadedState<S> = assumedNew
        ? { state: aggregate.decider.initialState, revision: 'no_stream' }
        : await this.loadState(aggregate, id);
      // Scope is checked on the first state read (a stream assumed new has none to check).
      if (!assumedNew && !scopeChecked) {
        scopeChecked = true;
        await this.assertInScope(aggregate, loaded, command, envelope);
      }
      if (
        envelope.expectedRevision !== undefined &&
        envelope.expectedRevision !== loaded.revision
      ) {
        throw new WrongExpectedVersionError(stream, envelope.expectedRevision, loaded.revision);
      }
      const events =
        decidedNew !== undefined && loaded.revision === 'no_stream'
          ? decidedNew
          : aggregate.decider.decide(command, loaded.state);
      const types = events.map((e) => e.type);
      if (events.length === 0 && !envelope.idempotency) {
        const revision = loaded.revision === 'no_stream' ? -1n : loaded.revision;
        return {
          id,
          revision,
          position: loaded.position ?? 0n,
          events: [],
          created: false,
          replayed: false,
        };
      }
      const created = loaded.revision === 'no_stream' && events.length > 0;
      let result: AppendResult;
      try {
        result = await this.store.append(stream, this.toEventData(stream, events, envelope), {
          expectedRevision: loaded.revision,
          command: envelope.idempotency && {
            key: envelope.idempotency.key,
            requestHash: envelope.idempotency.requestHash,
            response: { id, events: types, created },
          },
        });
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) this.distrust(stream, loaded, error);
        const retry =
          error instanceof WrongExpectedVersionError &&
          envelope.expectedRevision === undefined &&
          attempt < this.maxAttempts;
        if (!retry) throw error;
        continue;
      }
      this.remember(aggregate, stream, loaded, events, result);
      return {
        id,
        revision: result.nextExpectedRevision,
        position: result.position,
        events: types,
        created,
        replayed: false,
      };
    }
  }

  /**
   * After an append: the state the stream is now at is the one read plus the events just written,
   * folded as a reader would see them (JSON, upcast), so the next command reads nothing it has
   * not seen. Only when the store put them right after the revision read.
   */
  private remember<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    stream: string,
    loaded: LoadedState<S>,
    events: E[],
    result: AppendResult,
  ): void {
    if (!this.snapshots || events.length === 0) return;
    const before = loaded.revision === 'no_stream' ? -1n : loaded.revision;
    if (result.nextExpectedRevision !== before + BigInt(events.length)) return;
    const { decider } = aggregate;
    try {
      let state = loaded.state;
      for (const event of events) {
        const data = JSON.parse(JSON.stringify(event.data)) as JsonObject;
        const current = this.upcasters.currentVersion(event.type);
        state = decider.evolve(state, {
          type: event.type,
          data: this.upcasters.upcast(event.type, data, current),
        } as E);
      }
      this.snapshots.set(stream, {
        state,
        revision: result.nextExpectedRevision,
        position: result.position,
        decider,
      });
    } catch {
      // The events are written: never fail the command here. The next read folds from the start.
      this.snapshots.delete(stream);
    }
  }

  /**
   * The store refused the revision read. Usually another writer got in first, and reading forward
   * from the snapshot finds its events; but if the store is behind what the snapshot says (it
   * should never be), the snapshot is dropped so the next read folds the stream from the start.
   */
  private distrust<S>(
    stream: string,
    loaded: LoadedState<S>,
    error: WrongExpectedVersionError,
  ): void {
    const { actual } = error;
    const ahead =
      typeof actual === 'bigint' && (loaded.revision === 'no_stream' || actual > loaded.revision);
    if (!ahead) this.snapshots?.delete(stream);
  }

  private upcast<E extends DomainEvent>(recorded: RecordedEvent): E {
    const data = this.upcasters.upcast(
      recorded.type,
      recorded.data,
      recorded.metadata.schemaVersion,
    );
    return { type: recorded.type, data } as E;
  }

  /**
   * A stream of a case outside the actor's agency scope answers exactly as a stream that does not
   * exist: the decider's own not_found for this command against the empty state.
   */
  private async assertInScope<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    loaded: LoadedState<S>,
    command: C,
    envelope: CommandEnvelope,
  ): Promise<void> {
    if (!this.canWrite || !aggregate.caseOf || loaded.revision === 'no_stream') return;
    if (isSystemActor(envelope.actor)) return;
    if (await this.canWrite(envelope.actor, aggregate.caseOf(loaded.state))) return;
    aggregate.decider.decide(command, aggregate.decider.initialState);
    refuse('not_found', `No such ${aggregate.name}`);
  }

  /** The events of one command, with ids derived from the command and the metadata it carries. */
  toEventData(stream: string, events: DomainEvent[], envelope: CommandEnvelope): EventData[] {
    return events.map((event, index) => ({
      id: eventIdFor(envelope.commandId, stream, index),
      type: event.type,
      data: event.data as JsonObject,
      metadata: {
        commandId: envelope.commandId,
        correlationId: envelope.correlationId,
        causationId: envelope.causationId,
        actor: envelope.actor.id,
        agency: envelope.actor.agency,
        role: envelope.role,
        schemaVersion: this.upcasters.currentVersion(event.type),
      },
    }));
  }

  private replay(stored: StoredCommand, requestHash: string): CommandOutcome {
    if (stored.requestHash !== requestHash) throw new IdempotencyKeyReusedError(stored.key);
    const response = stored.response as { id: string; events: string[]; created: boolean };
    return {
      id: response.id,
      revision: stored.nextExpectedRevision,
      position: stored.position,
      events: response.events,
      created: response.created,
      replayed: true,
    };
  }
}
