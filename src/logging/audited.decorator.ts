import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { AUDIT_EVENT_KEY, AuditInterceptor } from './audit.interceptor';

/**
 * Writes an audit line for every successful call of the route: who (subject, agency, roles)
 * read what (the route's ids, the query parameters that shape the answer), under which request
 * id. `@Audited('valuation_statement.read')` on a handler is all it takes.
 */
export const Audited = (event: string) =>
  applyDecorators(SetMetadata(AUDIT_EVENT_KEY, event), UseInterceptors(AuditInterceptor));
