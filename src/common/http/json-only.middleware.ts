import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { problem, PROBLEM_CONTENT_TYPE } from '../problem';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** Commands take JSON only: a body of another media type is a 415, before anything else runs. */
@Injectable()
export class JsonOnlyMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const hasBody =
      Number(request.headers['content-length'] ?? 0) > 0 ||
      request.headers['transfer-encoding'] !== undefined;
    if (
      WITH_BODY.has(request.method) &&
      hasBody &&
      !request.is(['application/json', 'application/*+json'])
    ) {
      const body = problem(
        415,
        'unsupported_media_type',
        'Unsupported media type',
        'Send the body as application/json',
      );
      response.status(415).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
      return;
    }
    next();
  }
}
