import { RecordedEvent } from '@src/event-store/event-store.port';
import { ReactorRunner } from '@src/workflows/reactor-runner';
import { collect } from '../../../support/async';
import { TestApp } from '../../support/test-app';

/** The position of the last event in the log (-1 when it is empty): a cheap "was anything written". */
export async function headPosition(t: TestApp): Promise<bigint> {
  const [last] = await collect(t.store.readAll({ direction: 'backwards', maxCount: 1 }));
  return last?.position ?? -1n;
}

/** Every event written after `position`. */
export function eventsAfter(t: TestApp, position: bigint): Promise<RecordedEvent[]> {
  return collect(t.store.readAll({ fromPosition: position + 1n }));
}

export async function eventCount(t: TestApp): Promise<number> {
  return (await collect(t.store.readAll())).length;
}

/**
 * Waits until the reactors (restraint links, realisation payments) have handled the whole log, so
 * that the events they write in the background in answer to an accepted command
 * are in the log before the next "nothing was written" check starts counting.
 */
export async function settle(t: TestApp): Promise<void> {
  const runner = t.app.get(ReactorRunner);
  for (let head = await headPosition(t); head >= 0n;) {
    await runner.waitFor(head);
    const after = await headPosition(t);
    if (after === head) return;
    head = after;
  }
}

/** `type@stream` of events, for messages. */
export const describeEvents = (events: RecordedEvent[]) =>
  events.map((e) => `${e.type}@${e.streamId}`).join(', ');
