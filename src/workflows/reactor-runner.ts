import { Logger } from '@nestjs/common';
import { EventStore, StoreUnavailableError } from '../event-store/event-store.port';
import { resumingSubscription } from '../event-store/resuming-subscription';
import { CheckpointStore } from './checkpoint-store';
import { Reactor } from './reactor';

export interface ReactorStatus {
  name: string;
  checkpoint: string | null;
  caughtUp: boolean;
  failures: number;
}

/**
 * Runs reactors: each subscribes to the log after its checkpoint, handles events in order, and
 * moves its checkpoint on after each one (at-least-once delivery; the reactors are idempotent).
 * A handler that fails is retried with back-off; the reactor does not skip past an event.
 */
export class ReactorRunner {
  private readonly logger = new Logger('Reactors');
  private readonly running: { stop: () => Promise<void>; done: Promise<void> }[] = [];
  private readonly statuses = new Map<string, ReactorStatus>();
  private readonly waiters: { position: bigint; resolve: () => void }[] = [];
  private readonly reached = new Map<string, bigint>();

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly reactors: Reactor[],
    private readonly retryDelayMs = 500,
  ) {}

  start(): void {
    for (const reactor of this.reactors) this.running.push(this.run(reactor));
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.map((r) => r.stop()));
    await Promise.all(this.running.map((r) => r.done));
    this.running.length = 0;
  }

  status(): ReactorStatus[] {
    return [...this.statuses.values()];
  }

  /** Resolves once every reactor has handled the log up to `position` (for tests and read-your-writes). */
  waitFor(position: bigint): Promise<void> {
    if (this.allReached(position)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  private run(reactor: Reactor): { stop: () => Promise<void>; done: Promise<void> } {
    const from = this.checkpoints.get(reactor.name);
    const status: ReactorStatus = {
      name: reactor.name,
      checkpoint: from?.toString() ?? null,
      caughtUp: false,
      failures: 0,
    };
    this.statuses.set(reactor.name, status);
    let stopped = false;
    const subscription = resumingSubscription({
      fromPosition: from ?? 'start',
      open: (position) =>
        this.store.subscribeToAll({ fromPosition: position, filter: reactor.filter }),
      isRetryable: (error) => error instanceof StoreUnavailableError,
      onDrop: (error) =>
        this.logger.warn(`${reactor.name}: subscription dropped (${String(error)}), resuming`),
    });
    const done = (async () => {
      for await (const message of subscription) {
        if (message.kind === 'event') {
          await this.handleWithRetry(reactor, message.event, status, () => stopped);
          if (stopped) return;
          this.advance(reactor, status, message.event.position);
        } else if (message.kind === 'checkpoint') {
          this.advance(reactor, status, message.position);
        } else {
          status.caughtUp = true;
          if (message.position !== null) this.advance(reactor, status, message.position);
          else this.markReached(reactor.name, 0n);
        }
      }
    })().catch((error: unknown) => this.logger.error(`${reactor.name} stopped: ${String(error)}`));
    return {
      stop: async () => {
        stopped = true;
        await subscription.close();
      },
      done,
    };
  }

  private async handleWithRetry(
    reactor: Reactor,
    event: Parameters<Reactor['handle']>[0],
    status: ReactorStatus,
    stopped: () => boolean,
  ) {
    for (let attempt = 1; !stopped(); attempt++) {
      try {
        await reactor.handle(event);
        return;
      } catch (error) {
        status.failures += 1;
        this.logger.error(
          `${reactor.name} failed on ${event.type} at ${event.position} (attempt ${attempt}): ${String(error)}`,
        );
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(30_000, this.retryDelayMs * 2 ** Math.min(attempt - 1, 6))),
        );
      }
    }
  }

  private advance(reactor: Reactor, status: ReactorStatus, position: bigint): void {
    this.checkpoints.set(reactor.name, position);
    status.checkpoint = position.toString();
    this.markReached(reactor.name, position);
  }

  private markReached(name: string, position: bigint): void {
    const previous = this.reached.get(name);
    if (previous === undefined || position > previous) this.reached.set(name, position);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.allReached(this.waiters[i].position)) this.waiters.splice(i, 1)[0].resolve();
    }
  }

  /** Filtered subscriptions send checkpoints past events they skip, so idle reactors keep up too. */
  private allReached(position: bigint): boolean {
    return this.reactors.every((r) => {
      const reached = this.reached.get(r.name);
      return reached !== undefined && reached >= position;
    });
  }
}
