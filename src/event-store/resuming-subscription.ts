import { Subscription, SubscriptionMessage } from './event-store.port';

export interface ResumeOptions {
  /** Exclusive start, as in SubscribeToAllOptions. */
  fromPosition: 'start' | 'end' | bigint;
  /** Opens one underlying subscription from an exclusive position. */
  open: (fromPosition: 'start' | 'end' | bigint) => Subscription;
  /** Whether an error ends the subscription (false) or is a drop to resume from (true). */
  isRetryable: (error: unknown) => boolean;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Gives up after this many consecutive failed attempts (no message in between). */
  maxAttempts?: number;
  onDrop?: (error: unknown, attempt: number) => void;
}

/**
 * A subscription that survives drops: it remembers the position of the last event (or checkpoint)
 * it delivered and, when the underlying subscription fails with a retryable error, opens a new one
 * from there after a back-off. EventStoreDB does not resubscribe by itself; this is how we do.
 */
export function resumingSubscription(options: ResumeOptions): Subscription {
  const initialDelay = options.initialDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 5_000;
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  let closed = false;
  let current: Subscription | undefined;
  let wake: (() => void) | undefined;

  async function* run(): AsyncGenerator<SubscriptionMessage> {
    let from = options.fromPosition;
    let failures = 0;
    while (!closed) {
      current = options.open(from);
      try {
        for await (const message of current) {
          failures = 0;
          if (message.kind === 'event') from = message.event.position;
          else if (message.kind === 'checkpoint') from = message.position;
          else if (message.position !== null && from === 'end') from = message.position;
          yield message;
          if (closed) return;
        }
        return;
      } catch (error) {
        if (closed) return;
        failures += 1;
        if (!options.isRetryable(error) || failures > maxAttempts) throw error;
        options.onDrop?.(error, failures);
        await current.close().catch(() => undefined);
        await sleep(Math.min(maxDelay, initialDelay * 2 ** (failures - 1)));
      }
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  const iterator = run();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      closed = true;
      wake?.();
      await current?.close();
      await iterator.return(undefined);
    },
  };
}
