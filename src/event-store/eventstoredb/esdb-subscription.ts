import { filterMatcher } from '../subscription-filter';
import {
  END,
  START,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
} from '@eventstore/db-client';
import type { AllStreamResolvedEvent, Filter, Position } from '@eventstore/db-client';

import {
  StoreUnavailableError,
  Subscription,
  SubscriptionFilter,
  SubscriptionMessage,
} from '../event-store.port';

import { decodeEsdbPosition, encodeEsdbPosition } from './esdb-position';

import { EsdbClientLike, EsdbSubscriptionLike } from './esdb-client';
import { isSystemEvent, toRecordedEvent, mapError } from './esdb-mapping';

/** Checkpoints arrive every CHECKPOINT_INTERVAL × the server's search window (32) events read. */
const CHECKPOINT_INTERVAL = 32;
/** A subscription stops taking events from the client when this many wait for the consumer. */
const HIGH_WATER = 512;
const LOW_WATER = 128;

interface EsdbSubscriptionDeps {
  client: EsdbClientLike;
  fromPosition: 'start' | 'end' | bigint;
  filter?: SubscriptionFilter;
  readHead: () => Promise<bigint | null>;
}

type Item = { message: SubscriptionMessage } | { error: unknown } | { ended: true };

/**
 * Bridges the client's subscription stream to the port's messages. Events are taken with `data`
 * listeners (paused when the consumer falls behind). The client signals caught-up and checkpoints
 * out of band while earlier events may still sit in the stream's buffer, so such markers are queued
 * behind the `readableLength` events buffered at that moment: nothing is reported out of order.
 *
 * Caught up is reported once: on the server's signal (EventStoreDB 23.10+), or when an event or
 * checkpoint at or past the head of $all read before subscribing arrives (older servers), or on
 * confirmation when there was nothing to catch up with.
 */
export function esdbSubscription(deps: EsdbSubscriptionDeps): Subscription {
  const { client, fromPosition, filter } = deps;
  const matches = filterMatcher(filter);
  const items: Item[] = [];
  const markers: { after: number; run: () => void }[] = [];
  let subscription: EsdbSubscriptionLike | undefined;
  let unsubscribed: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let closed = false;
  let terminal = false;
  let paused = false;
  let received = 0;
  let head: bigint | null = null;
  let caughtUpSent = false;
  /** The last event delivered (or the exclusive start): anything at or before it is a duplicate. */
  let lastDelivered: bigint | null = typeof fromPosition === 'bigint' ? fromPosition : null;
  /** The furthest point of the log known to be handled (delivered, filtered out or checkpointed). */
  let progress: bigint | null = lastDelivered;
  let lastCheckpoint: bigint | null = null;

  const signal = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };

  const push = (item: Item) => {
    if (closed || terminal) return;
    if (!('message' in item)) terminal = true;
    items.push(item);
    if (!paused && subscription && items.length >= HIGH_WATER) {
      paused = true;
      subscription.pause();
    }
    signal();
  };

  const advance = (position: bigint) => {
    if (progress === null || position > progress) progress = position;
  };

  const sendCaughtUp = () => {
    if (caughtUpSent) return;
    caughtUpSent = true;
    const position =
      head === null ? progress : progress === null || head > progress ? head : progress;
    push({ message: { kind: 'caughtUp', position } });
  };

  const reachedHead = (position: bigint) => {
    if (!caughtUpSent && head !== null && position >= head) sendCaughtUp();
  };

  /** Runs `run` once the events buffered in the client's stream right now have been taken. */
  const afterBuffered = (run: () => void) => {
    const after = received + (subscription?.readableLength ?? 0);
    if (markers.length === 0 && after <= received) run();
    else markers.push({ after, run });
  };

  const onData = (resolved: AllStreamResolvedEvent) => {
    received += 1;
    const recorded = resolved.event;
    if (recorded !== undefined) {
      try {
        const position = encodeEsdbPosition(recorded.position);
        if (lastDelivered === null || position > lastDelivered) {
          if (!isSystemEvent(recorded) && matches(recorded)) {
            const event = toRecordedEvent(recorded);
            lastDelivered = position;
            push({ message: { kind: 'event', event } });
          }
          advance(position);
          reachedHead(position);
        }
      } catch (error) {
        push({ error });
      }
    }
    while (markers.length > 0 && markers[0].after <= received) markers.shift()?.run();
  };

  const onCheckpoint = (raw: Position) => {
    afterBuffered(() => {
      const position = encodeEsdbPosition(raw);
      const ahead =
        (lastDelivered === null || position > lastDelivered) &&
        (lastCheckpoint === null || position > lastCheckpoint);
      if (filter && ahead) {
        lastCheckpoint = position;
        push({ message: { kind: 'checkpoint', position } });
      }
      advance(position);
      reachedHead(position);
    });
  };

  const unsubscribe = (): Promise<void> => {
    if (!subscription) return Promise.resolve();
    unsubscribed ??= subscription.unsubscribe().catch(() => undefined);
    return unsubscribed;
  };

  let closedSignal: () => void = () => undefined;
  const whenClosed = new Promise<undefined>((resolve) => {
    closedSignal = () => resolve(undefined);
  });

  async function* run(): AsyncGenerator<SubscriptionMessage> {
    try {
      head = (await Promise.race([deps.readHead(), whenClosed])) ?? null;
      if (closed) return;
      const nothingToCatchUp =
        fromPosition === 'end' ||
        head === null ||
        (typeof fromPosition === 'bigint' && head <= fromPosition);
      const sub = client.subscribeToAll({
        fromPosition:
          fromPosition === 'start'
            ? START
            : fromPosition === 'end'
              ? END
              : decodeEsdbPosition(fromPosition),
        resolveLinkTos: false,
        filter: serverFilter(filter, onCheckpoint),
      });
      subscription = sub;
      sub.on('data', onData);
      sub.on('error', (error) => push({ error }));
      sub.on('end', () => push({ ended: true }));
      sub.on('close', () => push({ ended: true }));
      sub.on('caughtUp', () => afterBuffered(sendCaughtUp));
      sub.on('confirmation', () => {
        if (nothingToCatchUp) afterBuffered(sendCaughtUp);
      });

      for (;;) {
        while (items.length === 0 && !closed) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
        if (closed) return;
        const item = items.shift() as Item;
        if ('error' in item) throw mapError(item.error);
        if ('ended' in item) throw new StoreUnavailableError('EventStoreDB ended the subscription');
        if (paused && items.length <= LOW_WATER) {
          paused = false;
          sub.resume();
        }
        yield item.message;
      }
    } finally {
      closed = true;
      await unsubscribe();
    }
  }

  const iterator = run();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      closed = true;
      closedSignal();
      signal();
      await unsubscribe();
      await iterator.return(undefined);
    },
  };
}

export function serverFilter(
  filter: SubscriptionFilter | undefined,
  onCheckpoint: (position: Position) => void,
): Filter {
  const options = {
    checkpointInterval: CHECKPOINT_INTERVAL,
    checkpointReached: (_: unknown, position: Position) => onCheckpoint(position),
  };
  if (filter?.streamNamePrefixes && filter.streamNamePrefixes.length > 0) {
    return streamNameFilter({ ...options, prefixes: filter.streamNamePrefixes });
  }
  if (filter?.eventTypePrefixes && filter.eventTypePrefixes.length > 0) {
    return eventTypeFilter({ ...options, prefixes: filter.eventTypePrefixes });
  }
  // No filter, or an empty prefix list (which matches nothing on our side).
  return excludeSystemEvents(options);
}

// ---------------------------------------------------------------------------------------------
// Mapping

/** The fields of the client's RecordedEvent the adapter reads. */
