import { SubscriptionFilter } from './event-store.port';

/** The port's filter as a predicate, the same in every adapter. An empty prefix list matches nothing. */
export function filterMatcher(
  filter?: SubscriptionFilter,
): (event: { streamId: string; type: string }) => boolean {
  if (!filter) return () => true;
  if (filter.streamNamePrefixes) {
    const prefixes = filter.streamNamePrefixes;
    return (event) => prefixes.some((p) => event.streamId.startsWith(p));
  }
  const prefixes = filter.eventTypePrefixes ?? [];
  return (event) => prefixes.some((p) => event.type.startsWith(p));
}
