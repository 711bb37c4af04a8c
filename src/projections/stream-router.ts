/**
 * Which of `targets` read a stream, by their stream name prefixes. When every prefix is a whole
 * category (`asset-`: one dash, at the end), the answer depends only on the stream's category and
 * is remembered per category.
 */
export function streamRouter<T>(
  targets: readonly T[],
  prefixesOf: (target: T) => readonly string[],
): (streamId: string) => T[] {
  const direct = (streamId: string) =>
    targets.filter((x) => prefixesOf(x).some((prefix) => streamId.startsWith(prefix)));
  const byCategory = targets.every((x) =>
    prefixesOf(x).every((p) => p.indexOf('-') === p.length - 1),
  );
  if (!byCategory) return direct;
  const known = new Map<string, T[]>();
  return (streamId) => {
    const dash = streamId.indexOf('-');
    if (dash < 0) return direct(streamId);
    const category = streamId.slice(0, dash + 1);
    let to = known.get(category);
    if (to === undefined) {
      to = direct(streamId);
      known.set(category, to);
    }
    return to;
  };
}
