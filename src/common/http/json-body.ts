import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { Problem, problem } from '../problem';
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
      if (error === undefined || error === null) return next();
      const mapped = bodyParserProblem(error);
      next(mapped ? new ProblemException(mapped) : error);
    });
}

function bodyParserProblem(error: unknown): Problem | undefined {
  const e = error as { type?: unknown; status?: unknown; limit?: unknown };
  if (typeof e?.type !== 'string' || typeof e.status !== 'number') return undefined;
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
    case 'request.aborted':
      return problem(400, 'request_aborted', 'The request was aborted before its body arrived');
    default:
      return e.status >= 400 && e.status < 500
        ? problem(e.status, 'bad_request', 'Bad request')
        : undefined;
  }
}
