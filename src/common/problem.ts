/** RFC 9457 problem details, the body of every error response (docs/api.md, "HTTP conventions"). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  /** Dotted path to the field in the request body or query, e.g. `declared.amount`. */
  path: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
/** Problem types are relative references, documented in docs/api-errors.md. */
export const PROBLEM_TYPE_BASE = '/problems/';

export function problem(
  status: number,
  code: string,
  title: string,
  detail?: string,
  extensions: Record<string, unknown> = {},
): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title,
    status,
    ...(detail ? { detail } : {}),
    code,
    ...extensions,
  };
}
