import { Logger } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  EventStore,
  RecordedEvent,
  StoreUnavailableError,
  Subscription,
} from '../event-store/event-store.port';
import { resumingSubscription } from '../event-store/resuming-subscription';
import { UpcasterRegistry } from '../ledger/upcasting/upcaster-registry';
import { ProjectedEvent, Projection, TableNames } from './projection';
import { ProjectionCatalog } from './projection-catalog';
import { toProjected } from './projected-event';
import { ReadModelDb } from './read-model-db';
import { streamRouter } from './stream-router';

export interface ProjectionStatus {
  name: string;
  version: number;
  generation: number;
  checkpoint: string | null;
  caughtUp: boolean;
  state: 'running' | 'rebuilding' | 'stopped' | 'failed';
  error?: string;
}

/** A projection following the log live: its tables, where it has applied to, what is pending. */
export interface FeedMember {
  readonly projection: Projection;
  readonly status: ProjectionStatus;
  readonly t: TableNames;
  /** The last position applied (its checkpoint); later events only are handed to it. */
  applied: bigint | null;
  pending: ProjectedEvent[];
}

/** What projections read the log through: a store, or the log read from another thread. */
export type LogSource = Pick<EventStore, 'readAll' | 'subscribeToAll'>;

export interface LiveFeedContext {
  store: LogSource;
  db: ReadModelDb;
  upcasters: UpcasterRegistry;
  catalog: ProjectionCatalog;
  /** Called after every committed batch (read-your-writes waiters). */
  onApplied: () => void;
}

interface Run {
  subscription: Subscription;
  done: Promise<void>;
}

const BATCH = 1_000;

/**
 * One subscription to the log for every live projection. Each event is read, parsed and upcast
 * once and handed to each projection that reads its stream and has not applied it yet, so the
 * projections that fold assets share one fold of it (asset-folds.ts). A batch is one transaction
 * with a savepoint per projection: each applies its events, ends its batch and moves its
 * checkpoint to the last position the feed has seen (events of streams it does not read are
 * behind it too). A projection that throws is rolled back to its savepoint and stops alone
 * (state failed); the others commit. Joining or leaving (a rebuild's swap) restarts the
 * subscription from the least checkpoint of the members.
 */
export class LiveFeed {
  private readonly logger = new Logger('Projections');
  private readonly members = new Map<string, FeedMember>();
  private run: Run | undefined;
  /** Membership changes, one at a time. */
  private changes: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly context: LiveFeedContext) {}

  member(name: string): FeedMember | undefined {
    return this.members.get(name);
  }

  /** Adds projections (at their checkpoints) and restarts the subscription to include them. */
  join(members: readonly FeedMember[]): Promise<void> {
    return this.change(() => {
      for (const m of members) this.members.set(m.projection.name, m);
    });
  }

  /** Applies what is pending for these projections, then follows without them. */
  leave(names: readonly string[]): Promise<void> {
    return this.change(() => {
      for (const name of names) {
        const m = this.members.get(name);
        if (!m) continue;
        if (m.status.state !== 'failed') m.status.state = 'stopped';
        this.members.delete(name);
      }
    });
  }

  /** Stops following; what was read is applied first. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.change(() => {
      for (const m of this.members.values())
        if (m.status.state !== 'failed') m.status.state = 'stopped';
    });
  }

  private change(update: () => void): Promise<void> {
    const next = this.changes.then(async () => {
      await this.halt();
      update();
      if (!this.stopped) this.resume();
    });
    this.changes = next.catch(() => undefined);
    return next;
  }

  private async halt(): Promise<void> {
    const run = this.run;
    this.run = undefined;
    if (!run) return;
    await run.subscription.close();
    await run.done;
  }

  private resume(): void {
    const following = [...this.members.values()].filter((m) => m.status.state !== 'failed');
    if (following.length === 0) return;
    let from: bigint | null = following[0].applied;
    for (const m of following) {
      if (m.applied === null || from === null) from = null;
      else if (m.applied < from) from = m.applied;
    }
    const prefixes = [...new Set(following.flatMap((m) => m.projection.streams))];
    const subscription = resumingSubscription({
      fromPosition: from ?? 'start',
      open: (position) =>
        this.context.store.subscribeToAll({
          fromPosition: position,
          filter: { streamNamePrefixes: prefixes },
        }),
      isRetryable: (error) => error instanceof StoreUnavailableError,
      onDrop: (error) =>
        this.logger.warn(`live projections: subscription dropped (${String(error)}), resuming`),
    });
    this.run = { subscription, done: this.consume(subscription, following) };
  }

  private async consume(subscription: Subscription, following: FeedMember[]): Promise<void> {
    const route = streamRouter(following, (m) => m.projection.streams);
    let seen: bigint | null = null;
    let unflushed = 0;
    let read = 0;
    let flushScheduled = false;
    const flush = () => {
      unflushed = 0;
      if (seen !== null) this.apply(following, seen);
    };
    const scheduleFlush = () => {
      if (flushScheduled) return;
      flushScheduled = true;
      setImmediate(() => {
        flushScheduled = false;
        if (unflushed > 0) flush();
      });
    };
    try {
      for await (const message of subscription) {
        if (message.kind === 'event') {
          seen = message.event.position;
          this.hand(message.event, route(message.event.streamId));
          if (++unflushed >= BATCH) flush();
          else scheduleFlush();
          // Let queries run between batches of a long catch-up.
          if (++read % BATCH === 0) await nextTurn();
        } else if (message.kind === 'checkpoint') {
          seen = message.position;
          flush();
        } else {
          if (message.position !== null && (seen === null || message.position > seen))
            seen = message.position;
          flush();
          for (const m of following) m.status.caughtUp = true;
        }
      }
      flush();
    } catch (error) {
      // The store went away for good (not a drop): every member stops.
      flush();
      for (const m of following) this.fail(m, error);
    }
  }

  private hand(event: RecordedEvent, to: readonly FeedMember[]): void {
    let projected: ProjectedEvent | undefined;
    for (const m of to) {
      if (m.status.state === 'failed') continue;
      if (m.applied !== null && event.position <= m.applied) continue;
      projected ??= toProjected(event, this.context.upcasters);
      m.pending.push(projected);
    }
  }

  /** One transaction; each member in its own savepoint, so one that throws fails alone. */
  private apply(following: readonly FeedMember[], upTo: bigint): void {
    const { db, catalog } = this.context;
    const moving = following.filter(
      (m) => m.status.state !== 'failed' && (m.applied === null || m.applied < upTo),
    );
    if (moving.length === 0) return;
    db.transaction(() => {
      for (const m of moving) {
        const events = m.pending;
        m.pending = [];
        try {
          db.transaction(() => {
            for (const event of events) m.projection.apply(db, m.t, event);
            m.projection.endBatch?.(db, m.t);
            catalog.setCheckpoint(m.projection.name, upTo);
          });
          m.applied = upTo;
          m.status.checkpoint = upTo.toString();
        } catch (error) {
          this.fail(m, error);
        }
      }
    });
    this.context.onApplied();
  }

  // A projection that throws on an event stops (state failed, in /health and /metrics) with its
  // last batch rolled back; it never takes the process, and the other projections, down.
  private fail(m: FeedMember, error: unknown): void {
    if (m.status.state === 'failed') return;
    m.pending = [];
    m.status.state = 'failed';
    m.status.error = String(error);
    this.logger.error(`${m.projection.name} stopped: ${String(error)}`);
  }
}
