import { IdempotencyKeyReusedError } from '../../common/idempotency-key-reused.error';
import {
  CurrentRevision,
  DuplicateCommandError,
  EventData,
  EventStore,
  JsonObject,
  StoredCommand,
  WrongExpectedVersionError,
} from '../../event-store/event-store.port';
import { Decider, DomainCommand, DomainEvent } from '../decider';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { Actor, CommandEnvelope, eventIdFor } from './command-metadata';
import { isSystemActor } from '../../auth/access-scope';
import { refuse } from '../../common/domain-error';
import { KeyedMutex } from './keyed-mutex';

/** One aggregate type: its decider and where its streams live. */
export interface Aggregate<C extends DomainCommand, E extends DomainEvent, S> {
  name: string;
  stream(id: string): string;
  decider: Decider<C, E, S>;
  /** The case a stream belongs to, for agency scope; absent: not scoped (e.g. reservations). */
  caseOf?(state: S): string | undefined;
}

/** May this actor write to streams of this case? (Agency scope; see CaseAccessReader.) */
export type WriteAccessCheck = (actor: Actor, caseId: string | undefined) => Promise<boolean>;

export interface LoadedAggregate<E, S> {
  state: S;
  events: E[];
  revision: CurrentRevision;
  /** Position of the stream's last event, if any. */
  position?: bigint;
}

/** What a command route answers: `{ id, revision, position, events }` (api.md). */
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
}

/**
 * The one command handler: read the stream, fold it, decide, append with the revision read. A
 * race with another writer is retried against the new state (bounded) unless the client made the
 * command conditional with If-Match, which then fails with the current revision. Idempotency keys
 * are serialised in this process and recorded with the events, so a retry returns the first
 * response even after the stream has moved on (re-deciding could pay twice).
 */
export class CommandHandler {
  private readonly inFlight = new KeyedMutex();
  private readonly maxAttempts: number;
  private readonly canWrite?: WriteAccessCheck;

  constructor(
    private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
    options: CommandHandlerOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.canWrite = options.canWrite;
  }

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
      const data = this.upcasters.upcast(
        recorded.type,
        recorded.data,
        recorded.metadata.schemaVersion,
      );
      const event = { type: recorded.type, data } as E;
      state = decider.evolve(state, event);
      events.push(event);
      revision = recorded.revision;
      position = recorded.position;
    }
    return { state, events, revision, position };
  }

  /**
   * Decides a creating command against the empty state without writing anything, so that a
   * command that breaks a rule is refused before a reservation stream is written for it.
   */
  assertAccepted<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    command: C,
  ): void {
    aggregate.decider.decide(command, aggregate.decider.initialState);
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
   */
  async handleCreating<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    envelope: CommandEnvelope,
    prepare: () => Promise<{ id: string; command: C }>,
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
      const { id, command } = await prepare();
      return this.execute(aggregate, id, command, envelope);
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
  ): Promise<CommandOutcome> {
    const stream = aggregate.stream(id);
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.load(aggregate, id);
      if (attempt === 1) await this.assertInScope(aggregate, loaded, command, envelope);
      if (
        envelope.expectedRevision !== undefined &&
        envelope.expectedRevision !== loaded.revision
      ) {
        throw new WrongExpectedVersionError(stream, envelope.expectedRevision, loaded.revision);
      }
      const events = aggregate.decider.decide(command, loaded.state);
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
      try {
        const result = await this.store.append(stream, this.toEventData(stream, events, envelope), {
          expectedRevision: loaded.revision,
          command: envelope.idempotency && {
            key: envelope.idempotency.key,
            requestHash: envelope.idempotency.requestHash,
            response: { id, events: types, created },
          },
        });
        return {
          id,
          revision: result.nextExpectedRevision,
          position: result.position,
          events: types,
          created,
          replayed: false,
        };
      } catch (error) {
        const retry =
          error instanceof WrongExpectedVersionError &&
          envelope.expectedRevision === undefined &&
          attempt < this.maxAttempts;
        if (!retry) throw error;
      }
    }
  }

  /**
   * A stream of a case outside the actor's agency scope answers exactly as a stream that does not
   * exist: the decider's own not_found for this command against the empty state.
   */
  private async assertInScope<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    loaded: LoadedAggregate<E, S>,
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
