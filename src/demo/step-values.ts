import { epochMsToIso, londonDateOf, MS_PER_HOUR } from '../common/time';
import { Marker, Offset } from './demo-steps';
import { DemoStepError } from './demo-step-error';

/**
 * What the markers in a step's body stand for: `$ref` an id created by an earlier step, `$instant`
 * and `$date` a time relative to the hour the loading started in.
 */
export class StepValues {
  /** Step keys (`case:<reference>`, `asset:<exhibitRef>`, ...) → ids. */
  readonly ids = new Map<string, string>();

  constructor(private readonly anchorMs: number) {}

  idOf(key: string | undefined, name: string): string {
    const id = key === undefined ? undefined : this.ids.get(key);
    if (id === undefined) {
      throw new DemoStepError(name, `refers to ${key ?? 'nothing'}, which no earlier step created`);
    }
    return id;
  }

  /** A deep copy of a body with its markers replaced. */
  resolve(value: unknown, name: string, replace: (m: Marker) => string): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v, name, replace));
    if (value !== null && typeof value === 'object') {
      if (isMarker(value)) return replace(value);
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, this.resolve(v, name, replace)]),
      );
    }
    return value;
  }

  /** The value a marker stands for now. */
  concrete(marker: Marker, name: string): string {
    if ('$ref' in marker) return this.idOf(marker.$ref, name);
    if ('$instant' in marker) return this.instant(marker.$instant);
    return londonDateOf(this.instant(marker.$date));
  }

  /**
   * What a marker is in the request hash: ids as they are, relative times as written. So loading
   * again on a later day still replays the same steps instead of asking for different ones.
   */
  symbolic(marker: Marker, name: string): string {
    if ('$ref' in marker) return this.idOf(marker.$ref, name);
    if ('$instant' in marker) return `now${describeOffset(marker.$instant)}`;
    return `today${describeOffset(marker.$date)}`;
  }

  instant(offset: Offset): string {
    const ms =
      this.anchorMs +
      (offset.days ?? 0) * 24 * MS_PER_HOUR +
      (offset.hours ?? 0) * MS_PER_HOUR +
      (offset.minutes ?? 0) * 60_000;
    return epochMsToIso(ms).replace(/\.000Z$/, 'Z');
  }
}

function isMarker(value: object): value is Marker {
  const keys = Object.keys(value);
  return keys.length === 1 && ['$ref', '$instant', '$date'].includes(keys[0]);
}

export function isRef(value: unknown): value is { $ref: string } {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

function describeOffset(o: Offset): string {
  const part = (n: number | undefined, unit: string) =>
    n === undefined || n === 0 ? '' : `${n < 0 ? '-' : '+'}${Math.abs(n)}${unit}`;
  return `${part(o.days, 'd')}${part(o.hours, 'h')}${part(o.minutes, 'm')}`;
}
