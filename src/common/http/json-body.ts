import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { FieldError, Problem, problem } from '../problem';
import { ProblemException } from './problem.exception';

export const BODY_LIMIT = '1mb';

/**
 * express.json with its errors turned into problems here, because Nest would otherwise rewrap a
 * malformed body as a bare "Bad Request" and an oversized or oddly encoded one as a 500.
 */
export function jsonBodyParser(): RequestHandler {
  const parse = express.json({
    limit: BODY_LIMIT,
    type: ['application/json', 'application/*+json'],
  });
  return (request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) => {
      if (error === undefined || error === null) {
        const refused = refusedField(request.body);
        return next(refused ? ProblemException.validation([refused]) : undefined);
      }
      const mapped = bodyParserProblem(error);
      next(mapped ? new ProblemException(mapped) : error);
    });
}

/** Deeper than any command body: DTOs nest a few levels (`instalments.0.amount.amount`). */
export const MAX_BODY_DEPTH = 32;

/**
 * A field no DTO can take that the validation pipe would not see: nesting deeper than
 * MAX_BODY_DEPTH (class-transformer recurses, so a deep body would overflow the stack: a 500),
 * and `__proto__` / `constructor` keys (class-transformer skips them, so the whitelist would
 * silently drop them). Walked without recursion, for the same reason.
 */
function refusedField(body: unknown): FieldError | undefined {
  const pending: [unknown, string[]][] = [[body, []]];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [value, path] = item;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_BODY_DEPTH) {
      return {
        path: path.join('.'),
        message: `nested too deeply (at most ${MAX_BODY_DEPTH} levels)`,
      };
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === '__proto__' || key === 'constructor') {
        return { path: [...path, key].join('.'), message: `property ${key} should not exist` };
      }
      pending.push([child, [...path, key]]);
    }
  }
  return undefined;
}

function bodyParserProblem(error: unknown): Problem | undefined {
  const e = error as { type?: unknown; status?: unknown; limit?: unknown };
  if (typeof e?.status !== 'number') return undefined;
  switch (e.type) {
    case 'entity.too.large':
      return problem(
        413,
        'payload_too_large',
        'Request body too large',
        `The body must be at most ${BODY_LIMIT}`,
      );
    case 'entity.parse.failed':
      return problem(400, 'malformed_json', 'The body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problem(415, 'unsupported_media_type', 'Unsupported encoding or charset');
    case undefined:
      // A body that does not decompress as its Content-Encoding says (zlib's errors have no type).
      return e.status === 400
        ? problem(400, 'malformed_json', 'The body is not valid JSON', 'It could not be decoded')
        : undefined;
    case 'request.aborted':
      return problem(400, 'request_aborted', 'The request was aborted before its body arrived');
    default:
      return e.status >= 400 && e.status < 500
        ? problem(e.status, 'bad_request', 'Bad request')
        : undefined;
  }
}
