/**
 * The object without its absent properties, so events and bodies never carry `key: undefined`.
 * A JSON `null` reads as absent too (a request body may send one for an optional field).
 */
export function withoutAbsent<T extends object>(o: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };
}
