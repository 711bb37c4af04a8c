/** The path of a part of a field in a 4xx: `declared` + `amount` → `declared.amount`. */
export function subField(field: string | undefined, leaf: string): string {
  return field ? `${field}.${leaf}` : leaf;
}
