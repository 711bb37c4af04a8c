import {
  RecordedEvent,
  StoreUnavailableError,
  Subscription,
  SubscriptionMessage,
} from '@src/event-store/event-store.port';
import { resumingSubscription } from '@src/event-store/resuming-subscription';

function recorded(position: bigint): RecordedEvent {
  return {
    id: `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
    streamId: 'asset-1',
    type: 'E',
    revision: position,
    position,
    data: {},
    metadata: {},
    recordedAt: '2026-11-29T12:00:00.000Z',
  };
}

/** A fake log of positions 1..10; each opened subscription fails after `failAfter` events. */
function fakeSource(failAfter: number[], error: Error) {
  const opened: ('start' | 'end' | bigint)[] = [];
  const open = (from: 'start' | 'end' | bigint): Subscription => {
    opened.push(from);
    const limit = failAfter[opened.length - 1];
    const start = from === 'start' ? 1n : from === 'end' ? 11n : from + 1n;
    async function* run(): AsyncGenerator<SubscriptionMessage> {
      let delivered = 0;
      for (let p = start; p <= 10n; p++) {
        await Promise.resolve();
        if (limit !== undefined && delivered === limit) throw error;
        delivered++;
        yield { kind: 'event', event: recorded(p) };
      }
      yield { kind: 'caughtUp', position: 10n };
    }
    const iterator = run();
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => void (await iterator.return(undefined)),
    };
  };
  return { open, opened };
}

async function take(subscription: Subscription, until: (m: SubscriptionMessage) => boolean) {
  const got: SubscriptionMessage[] = [];
  for await (const m of subscription) {
    got.push(m);
    if (until(m)) break;
  }
  return got;
}

describe('resuming subscription (drop and resume)', () => {
  it('resumes from the last delivered position after a retryable drop: nothing lost, nothing twice', async () => {
    const source = fakeSource([3, 4], new StoreUnavailableError('connection dropped'));
    const drops: number[] = [];
    const subscription = resumingSubscription({
      fromPosition: 'start',
      open: source.open,
      isRetryable: (e) => e instanceof StoreUnavailableError,
      initialDelayMs: 1,
      onDrop: (_e, attempt) => drops.push(attempt),
    });
    const got = await take(subscription, (m) => m.kind === 'caughtUp');
    await subscription.close();
    const positions = got.flatMap((m) => (m.kind === 'event' ? [Number(m.event.position)] : []));
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(source.opened).toEqual(['start', 3n, 7n]);
    expect(drops).toEqual([1, 1]);
  });

  it('passes a non-retryable error to the consumer', async () => {
    const source = fakeSource([2], new TypeError('bug'));
    const subscription = resumingSubscription({
      fromPosition: 'start',
      open: source.open,
      isRetryable: (e) => e instanceof StoreUnavailableError,
      initialDelayMs: 1,
    });
    await expect(take(subscription, () => false)).rejects.toThrow('bug');
  });

  it('gives up after maxAttempts consecutive failures', async () => {
    const source = fakeSource([0, 0, 0, 0], new StoreUnavailableError('down'));
    const subscription = resumingSubscription({
      fromPosition: 5n,
      open: source.open,
      isRetryable: () => true,
      initialDelayMs: 1,
      maxAttempts: 2,
    });
    await expect(take(subscription, () => false)).rejects.toThrow('down');
    expect(source.opened).toEqual([5n, 5n, 5n]);
  });
});
