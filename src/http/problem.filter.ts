import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { pathOf } from '../logging/loggers';
import { IdempotencyKeyReusedError } from '../common/idempotency-key-reused.error';
import { DomainError } from '../common/domain-error';
import {
  DuplicateCommandError,
  InvalidAppendError,
  StoreUnavailableError,
  WrongExpectedVersionError,
} from '../event-store/event-store.port';
import { Problem, PROBLEM_CONTENT_TYPE, problem } from '../common/problem';
import { ProblemException } from '../common/http/problem.exception';

const TITLES: Record<number, [string, string]> = {
  400: ['bad_request', 'Bad request'],
  401: ['unauthorized', 'Authentication required'],
  403: ['forbidden', 'Not allowed'],
  404: ['not_found', 'Not found'],
  405: ['method_not_allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict'],
  413: ['payload_too_large', 'Request body too large'],
  415: ['unsupported_media_type', 'Unsupported media type'],
  422: ['unprocessable', 'The request breaks a rule'],
  429: ['too_many_requests', 'Too many requests'],
  503: ['unavailable', 'Service unavailable'],
};

/**
 * Every error leaves as RFC 9457 problem+json. Client errors say what was wrong; anything
 * unexpected is a 500 with no internals (the details go to the log, never to the response).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = this.toProblem(exception, request);
    if (body.status >= 500) this.logFailure(exception, request);
    if (body.status === 503) response.setHeader('Retry-After', '1');
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  /**
   * An unexpected failure, with its stack, on the request's pino logger (so with its request
   * id); the path without the query string. Falls back to Nest's logger outside the request-logging middleware.
   */
  private logFailure(exception: unknown, request: Request): void {
    const message = `${request.method} ${pathOf(request)} failed: ${describe(exception)}`;
    const log = (request as { log?: PinoLogger }).log;
    if (!log) {
      this.logger.error(message, exception instanceof Error ? exception.stack : undefined);
      return;
    }
    log.error(
      { context: 'ProblemFilter', ...(exception instanceof Error ? { err: exception } : {}) },
      message,
    );
  }

  private toProblem(exception: unknown, request: Request): Problem {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof DomainError) {
      return problem(
        exception.code === 'not_found' ? 404 : 422,
        exception.code,
        'The command breaks a rule',
        exception.message,
        {
          ...(exception.field
            ? { errors: [{ path: exception.field, message: exception.message }] }
            : {}),
          ...(exception.details ? { details: exception.details } : {}),
        },
      );
    }
    if (exception instanceof IdempotencyKeyReusedError) {
      return problem(422, exception.code, 'Idempotency-Key reused', exception.message);
    }
    if (exception instanceof DuplicateCommandError) {
      return problem(
        409,
        'concurrency_conflict',
        'The command is being processed',
        exception.message,
      );
    }
    if (exception instanceof WrongExpectedVersionError) {
      return problem(409, 'concurrency_conflict', 'The resource has changed', exception.message, {
        currentRevision: typeof exception.actual === 'bigint' ? exception.actual.toString() : null,
      });
    }
    if (exception instanceof StoreUnavailableError) {
      return problem(
        503,
        'store_unavailable',
        'The event store is unavailable',
        'Try again shortly',
      );
    }
    if (exception instanceof InvalidAppendError) {
      return problem(400, 'invalid_append', 'The request could not be recorded', exception.message);
    }
    if (exception instanceof HttpException) return fromHttpException(exception, request);
    return problem(500, 'internal_error', 'Internal server error');
  }
}

function fromHttpException(exception: HttpException, request: Request): Problem {
  const status = exception.getStatus();
  const [code, title] =
    TITLES[status] ??
    (status >= 500 ? ['internal_error', 'Internal server error'] : ['error', 'Error']);
  if (status === 404 && exception.message.startsWith('Cannot ')) {
    return problem(404, code, title, `No route ${request.method} ${request.path}`);
  }
  return problem(status, code, title, status >= 500 ? undefined : exception.message);
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}
