import { ApiProblem } from '../common/http/api-problem.decorator';

/** The OpenAPI security scheme of the bearer token (components.securitySchemes). */
export const BEARER_SCHEME = 'bearer';

/**
 * OpenAPI for what the AuthGuard does on every route of a controller: the document's root-level
 * `bearer` security requirement already says each route needs the token (only `@Public()` routes
 * opt out), and this documents the 401 the guard answers without a valid one. On every controller
 * whose routes need a token.
 */
export const ApiAuthenticated = () =>
  ApiProblem(
    401,
    'unauthorized: no bearer token, or one that is expired, not yet valid, signed with another key, or without a ledger role',
    {
      'WWW-Authenticate': {
        description: 'Bearer realm="poca-ledger", with error="invalid_token" for a refused token',
        schema: { type: 'string' },
      },
    },
  );
