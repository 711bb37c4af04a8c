import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { Observable, tap } from 'rxjs';
import { AUDIT_LOGGER } from './loggers';

export const AUDIT_EVENT_KEY = 'poca:audit-event';

/** Query parameters that decide what a reader saw; nothing else from the query is recorded. */
export const AUDITED_QUERY_PARAMETERS = ['asAt', 'asKnownAt', 'format', 'subjectId', 'minPosition'];

/** Response headers that name what was served, recorded under these names. */
const AUDITED_RESPONSE_HEADERS: Record<string, string> = {
  'x-statement-id': 'statementId',
  'x-ledger-position': 'ledgerPosition',
};

export interface AuditLine {
  event: string;
  reqId: string;
  actor: { sub: string; agency: string; roles: string[] } | null;
  resourceId?: string;
  params: Record<string, string>;
  query: Record<string, string>;
  status: number;
  statementId?: string;
  ledgerPosition?: string;
}

/** The interceptor behind `@Audited`: one `audit: true` line when the handler succeeds. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUDIT_LOGGER) private readonly audit: Logger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const event = this.reflector.get<string | undefined>(AUDIT_EVENT_KEY, context.getHandler());
    if (!event || context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    return next
      .handle()
      .pipe(tap(() => this.audit.info(auditLine(event, request, response), `audit ${event}`)));
  }
}

export function auditLine(event: string, request: Request, response: Response): AuditLine {
  const params = Object.fromEntries(
    Object.entries((request.params ?? {}) as Record<string, unknown>)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([name, value]) => [name, clip(value.toLowerCase())]),
  );
  const query = request.query as Record<string, unknown>;
  const served: Record<string, string> = {};
  for (const [header, name] of Object.entries(AUDITED_RESPONSE_HEADERS)) {
    const value = response.getHeader(header);
    if (typeof value === 'string' || typeof value === 'number') served[name] = String(value);
  }
  const actor = request.actor;
  return {
    event,
    reqId: scalar(request.id),
    actor: actor ? { sub: actor.id, agency: actor.agency, roles: [...actor.roles] } : null,
    ...(Object.keys(params).length > 0 ? { resourceId: Object.values(params)[0] } : {}),
    params,
    query: Object.fromEntries(
      AUDITED_QUERY_PARAMETERS.filter((name) => typeof query[name] === 'string').map((name) => [
        name,
        clip(query[name] as string),
      ]),
    ),
    status: response.statusCode,
    ...served,
  };
}

function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function clip(value: string): string {
  return value.slice(0, 100);
}
