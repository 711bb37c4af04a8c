import { Dimension, GroupKeys, MeasureSums, Part } from './totals.measures';
import { storedKey } from './totals.deltas';

/** The measures of one totals query added up: per group key (when grouped), and in total. */
export class GroupedSums {
  readonly groups = new Map<string, MeasureSums>();
  readonly total = new MeasureSums();

  constructor(private readonly groupBy: Dimension | undefined) {}

  add(key: string | null, add: (sums: MeasureSums) => void): void {
    add(this.total);
    if (!this.groupBy) return;
    const stored = storedKey(key);
    let sums = this.groups.get(stored);
    if (!sums) {
      sums = new MeasureSums();
      this.groups.set(stored, sums);
    }
    add(sums);
  }

  groupKey(keys: GroupKeys): string | null {
    return this.groupBy ? keys[this.groupBy] : null;
  }

  addPart(part: Part): void {
    this.add(this.groupKey(part.keys), (s) => s.add(part.measures));
  }

  merge(other: GroupedSums): void {
    this.total.addSums(other.total);
    for (const [key, sums] of other.groups) {
      const mine = this.groups.get(key);
      if (mine) mine.addSums(sums);
      else this.groups.set(key, new MeasureSums().addSums(sums));
    }
  }
}
