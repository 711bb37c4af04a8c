import type { DestinationStream } from 'pino';

/** Fields every line has, shown in the head of a readable line rather than as `key=value`. */
const HEAD_FIELDS = new Set(['time', 'level', 'msg', 'context', 'reqId', 'pid', 'hostname']);

/**
 * A readable rendering of pino's JSON lines for development (pino-pretty is not a dependency):
 * `10:04:05.123 INFO  [Context] (request id) message key=value ...`, an error's stack below.
 */
export function prettyStream(out: NodeJS.WritableStream = process.stdout): DestinationStream {
  return { write: (line: string) => void out.write(prettyLine(line)) };
}

export function prettyLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const level = typeof entry.level === 'string' ? entry.level.toUpperCase() : '';
  const context = typeof entry.context === 'string' ? ` [${entry.context}]` : '';
  const reqId =
    typeof entry.reqId === 'string' || typeof entry.reqId === 'number' ? ` (${entry.reqId})` : '';
  const msg = typeof entry.msg === 'string' ? entry.msg : '';
  const fields = Object.entries(entry)
    .filter(([key]) => !HEAD_FIELDS.has(key) && key !== 'err')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const err = entry.err as { stack?: unknown } | undefined;
  const stack = typeof err?.stack === 'string' ? `\n${err.stack}` : '';
  const head = `${time} ${level.padEnd(5)}${context}${reqId}`;
  // A multi-line message (the start-up banner) keeps its lines; its fields go on the head line.
  return msg.includes('\n')
    ? `${head}${fields ? ` ${fields}` : ''}\n${msg}${stack}\n`
    : `${head} ${msg}${fields ? ` ${fields}` : ''}${stack}\n`;
}
