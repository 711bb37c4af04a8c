/**
 * A bounded least-recently-used cache of folded states, so a projection does not parse its stored
 * state for every event of an asset it has just seen (events of one asset come close together),
 * while a rebuild of a million events keeps its memory bounded.
 */
export class StateCache<S> {
  private readonly entries = new Map<string, S>();

  constructor(private readonly capacity: number) {}

  get(key: string): S | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: S): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
