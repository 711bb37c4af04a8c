import type { Response } from 'supertest';

/**
 * What must never be in an error response: stack frames, source locations, dependency or server
 * paths, names of JavaScript errors. (A bare "at " is not one: "at most 1mb" is honest English.)
 */
export const LEAK_PATTERNS: RegExp[] = [
  /^\s*at \S/m,
  /\(\S+:\d+:\d+\)/,
  /\bat (?:\/|node:|file:)\S*:\d+:\d+/,
  /\.(?:ts|js|mjs|cjs):\d+/,
  /node_modules/,
  /\/work\//,
  /\/tmp\//,
  /\/home\//,
  /\b(?:Type|Range|Reference|Syntax|Internal)Error\b/,
  /\bSQLITE_[A-Z]+/,
];

/** Which leak patterns a response's text matches. */
export function leaks(text: string): string[] {
  return LEAK_PATTERNS.filter((p) => p.test(text)).map(String);
}

/**
 * Why an error response is not a proper problem (docs/api-errors.md), or [] when it is: RFC 9457
 * problem+json with `type`, `title`, `status` (equal to the HTTP status) and `code`; a 400 lists
 * each bad field with a path (unless `fieldErrorsOn400` is false: a body that is not JSON has no
 * fields to name); nothing internal in the body.
 */
export function problemViolations(
  response: Response,
  options: { fieldErrorsOn400?: boolean } = {},
): string[] {
  const out: string[] = [];
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) out.push(`content-type ${type || 'none'}`);
  const body = response.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null) {
    out.push('no JSON body');
    return out;
  }
  if (body.status !== response.status) out.push(`body.status ${String(body.status)}`);
  if (typeof body.code !== 'string' || body.code === '') out.push('no code');
  if (typeof body.type !== 'string' || typeof body.title !== 'string') out.push('no type/title');
  if (response.status === 400 && (options.fieldErrorsOn400 ?? true)) {
    const errors = body.errors;
    if (!Array.isArray(errors) || errors.length === 0) {
      out.push(`400 ${String(body.code)} without errors[]`);
    } else if (!errors.every((e: { path?: unknown }) => typeof e?.path === 'string')) {
      // (A path may be "": that is the name of a field called "", which clients can send.)
      out.push('an entry of errors[] has no path');
    }
  }
  const found = leaks(response.text ?? JSON.stringify(body));
  if (found.length) out.push(`leaks ${found.join(' ')}`);
  return out;
}
