/**
 * Folded aggregate states kept in this process, so that a command on a long stream reads and
 * folds only the events after the state it last saw instead of the whole stream (P6).
 *
 * An entry is a hint, never the truth: the command handler always reads the stream forward from
 * the entry's revision (streams are append-only, so what it read before cannot have changed),
 * which picks up whatever another process appended meanwhile. Entries are bounded by count and by
 * the number of events folded into them (a cheap stand-in for their size), least recently used
 * first out.
 */
export interface Snapshot<S = unknown> {
  /** The folded state after the event at `revision`: frozen, shared by every reader. */
  state: S;
  revision: bigint;
  /** The ledger position of the event at `revision` (as-known-at reads must not go past it). */
  position: bigint;
  /** The decider whose fold made `state`; an entry made by another decider is not used. */
  decider: unknown;
}

export interface SnapshotCacheOptions {
  /** Streams kept (default 10,000). */
  maxEntries?: number;
  /**
   * Events folded into the kept states, summed (default 250,000): bounds memory when a few
   * streams are very long. A stream longer than this alone is not kept.
   */
  maxEvents?: number;
}

export interface SnapshotCacheStats {
  entries: number;
  events: number;
  hits: number;
  misses: number;
  evictions: number;
}

export class SnapshotCache {
  private readonly entries = new Map<string, Snapshot>();
  private readonly maxEntries: number;
  private readonly maxEvents: number;
  private events = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(options: SnapshotCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxEvents = options.maxEvents ?? 250_000;
  }

  /** The entry for a stream, now the most recently used; undefined if none. */
  get<S>(stream: string): Snapshot<S> | undefined {
    const entry = this.entries.get(stream);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    return entry as Snapshot<S>;
  }

  /**
   * Keeps a state, deep-frozen, unless the cache already holds a later one for the stream (two
   * commands in flight may finish out of order). Returns the state as kept (frozen).
   */
  set<S>(stream: string, snapshot: Snapshot<S>): S {
    const existing = this.entries.get(stream);
    if (
      existing &&
      existing.revision >= snapshot.revision &&
      existing.decider === snapshot.decider
    ) {
      return snapshot.state;
    }
    const state = deepFreeze(snapshot.state);
    const weight = weightOf(snapshot.revision);
    if (existing) this.remove(stream, existing);
    if (weight > this.maxEvents) return state;
    this.entries.set(stream, { ...snapshot, state });
    this.events += weight;
    while (this.entries.size > this.maxEntries || this.events > this.maxEvents) {
      const [oldest, entry] = this.entries.entries().next().value as [string, Snapshot];
      this.remove(oldest, entry);
      this.evictions++;
    }
    return state;
  }

  /** Forgets a stream (the store disagreed with what the entry says). */
  delete(stream: string): void {
    const entry = this.entries.get(stream);
    if (entry) this.remove(stream, entry);
  }

  stats(): SnapshotCacheStats {
    return {
      entries: this.entries.size,
      events: this.events,
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
    };
  }

  private remove(stream: string, entry: Snapshot): void {
    this.entries.delete(stream);
    this.events -= weightOf(entry.revision);
  }
}

function weightOf(revision: bigint): number {
  return Number(revision) + 1;
}

/**
 * Freezes plain objects and arrays, all the way down, so that a state shared between commands
 * cannot be changed by one of them (a write throws instead of corrupting the cache). Stops at
 * anything already frozen: `evolve` copies what it changes and shares the rest, so after the
 * first time only the new parts are walked. Class instances (Money, Decimal) are left alone.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
