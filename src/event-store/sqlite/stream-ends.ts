/**
 * What this process knows of where streams end: for a stream, a revision from which on it holds
 * no event ("nothing at or after r"). The store is the log's only writer while it is open (the
 * data-directory lock), so the claim stays true until this process appends to the stream, and an
 * append sets it afresh. A forward read from at or after that revision is then known to be empty
 * without asking SQLite: the common read of a command whose state is cached (P6), which asks only
 * for events after the snapshot. Bounded; a stream it has forgotten is simply read.
 */
export class StreamEnds {
  private readonly nothingFrom = new Map<string, bigint>();

  constructor(private readonly capacity = 100_000) {}

  /** True when the stream certainly has no event at `revision` or after it. */
  emptyFrom(stream: string, revision: bigint): boolean {
    const end = this.nothingFrom.get(stream);
    return end !== undefined && revision >= end;
  }

  /** An append just wrote up to `lastRevision` (inside its transaction, before the commit). */
  appended(stream: string, lastRevision: bigint): void {
    // A rolled-back append leaves this one past the true end: still true ("nothing after"), weaker.
    this.remember(stream, lastRevision + 1n);
  }

  /** A read found the stream ends before `revision` (at the moment of its query). */
  readToEnd(stream: string, revision: bigint): void {
    const known = this.nothingFrom.get(stream);
    if (known === undefined || revision < known) this.remember(stream, revision);
  }

  private remember(stream: string, revision: bigint): void {
    this.nothingFrom.set(stream, revision);
    if (this.nothingFrom.size > this.capacity) {
      this.nothingFrom.delete(this.nothingFrom.keys().next().value as string);
    }
  }
}
