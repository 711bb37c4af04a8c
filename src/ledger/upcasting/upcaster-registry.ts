import { JsonObject } from '../../event-store/event-store.port';

/** Turns data of `fromVersion` into data of `fromVersion + 1`. Pure. */
export type Upcaster = (data: JsonObject) => JsonObject;

interface EventSchema {
  currentVersion: number;
  /** upcasters[v] turns version v into v + 1. */
  upcasters: Map<number, Upcaster>;
}

/**
 * Every event type has a schema version; events are stored as written and upcast to the current
 * shape when read, for deciders, projections and history alike. History is never rewritten.
 */
export class UpcasterRegistry {
  private readonly schemas = new Map<string, EventSchema>();

  /** Declares that `type` is now at `currentVersion`, with the steps from each older version. */
  register(type: string, currentVersion: number, upcasters: Record<number, Upcaster> = {}): this {
    const steps = new Map(Object.entries(upcasters).map(([v, f]) => [Number(v), f]));
    for (let v = 1; v < currentVersion; v++) {
      if (!steps.has(v)) throw new Error(`${type}: no upcaster from version ${v} to ${v + 1}`);
    }
    this.schemas.set(type, { currentVersion, upcasters: steps });
    return this;
  }

  currentVersion(type: string): number {
    return this.schemas.get(type)?.currentVersion ?? 1;
  }

  /** The data in the current shape. Events without a recorded version are version 1. */
  upcast(type: string, data: JsonObject, storedVersion: unknown): JsonObject {
    const schema = this.schemas.get(type);
    const from = typeof storedVersion === 'number' && storedVersion >= 1 ? storedVersion : 1;
    if (!schema || from >= schema.currentVersion) {
      if (schema && from > schema.currentVersion) {
        throw new Error(
          `${type} version ${from} is newer than this build knows (${schema.currentVersion})`,
        );
      }
      return data;
    }
    let upcast = data;
    for (let v = from; v < schema.currentVersion; v++) {
      upcast = (schema.upcasters.get(v) as Upcaster)(upcast);
    }
    return upcast;
  }
}
