import { RecordedEvent, SubscriptionFilter } from '../event-store/event-store.port';

/**
 * Reacts to events by appending to other streams. Must be idempotent: it derives its command and
 * event ids from the source event, so a replay, a crash between two appends, or a second worker
 * never writes a link twice.
 */
export interface Reactor {
  name: string;
  filter: SubscriptionFilter;
  handle(event: RecordedEvent): Promise<void>;
}
