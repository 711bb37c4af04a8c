/**
 * The API contract (docs/api.md, "Routes" and "Roles and scope"), transcribed by hand:
 * it is what the application must do, so it is never derived from the application's own metadata.
 */

export const ALL_ROLES = [
  'investigator',
  'court_liaison',
  'finance',
  'supervisor',
  'auditor',
] as const;
export type RoleName = (typeof ALL_ROLES)[number];

const INV = 'investigator';
const CL = 'court_liaison';
const FIN = 'finance';
const SUP = 'supervisor';

/**
 * docs/api.md's command table: `METHOD /openapi/path` → the roles that may call it. Two routes are not
 * in docs/api.md's table and are marked: an operations route and the refusal of time to pay.
 */
export const ROLE_MATRIX: Record<string, readonly RoleName[]> = {
  'POST /cases': [INV, SUP],
  'POST /cases/{caseId}/subjects': [INV, CL, SUP],
  'POST /cases/{caseId}/shares': [SUP, INV],
  'DELETE /cases/{caseId}/shares/{agency}': [SUP, INV],
  'POST /cases/{caseId}/close': [SUP],
  'POST /assets': [INV, SUP],
  'POST /assets/{assetId}/legal-basis': [INV, SUP],
  'POST /assets/{assetId}/custody-transfers': [INV, SUP],
  'POST /assets/{assetId}/detentions': [INV, CL],
  'POST /assets/{assetId}/detention-limit-extension': [INV, CL],
  'POST /assets/{assetId}/freezing-order-periods': [INV, CL],
  'POST /assets/{assetId}/restraint-applications': [INV, CL],
  'POST /assets/{assetId}/interest-bearing-account': [INV, FIN],
  'POST /assets/{assetId}/interest-credits': [INV, FIN],
  'POST /assets/{assetId}/valuations': [INV, CL, SUP],
  'POST /assets/{assetId}/valuations/{valuationId}/withdrawal': [SUP],
  'POST /assets/{assetId}/forfeiture-notices': [INV, CL],
  'POST /assets/{assetId}/forfeiture-objections': [INV, CL],
  'POST /assets/{assetId}/forfeiture-applications': [INV, CL],
  'POST /assets/{assetId}/forfeiture': [CL],
  'POST /assets/{assetId}/forfeiture-refusal': [CL],
  'POST /assets/{assetId}/realisation': [FIN, CL],
  'POST /assets/{assetId}/release': [INV, SUP],
  'POST /assets/{assetId}/destruction': [SUP],
  'POST /assets/{assetId}/void': [SUP],
  'POST /restraint-orders': [CL],
  'POST /restraint-orders/{id}/variations': [CL],
  'POST /restraint-orders/{id}/discharge': [CL],
  'POST /restraint-orders/{id}/receivers': [CL],
  'POST /confiscation-orders': [CL],
  'POST /confiscation-orders/{id}/time-to-pay-applications': [CL],
  'POST /confiscation-orders/{id}/time-to-pay-extensions': [CL],
  'POST /confiscation-orders/{id}/variations': [CL],
  'POST /confiscation-orders/{id}/payments': [FIN],
  'POST /confiscation-orders/{id}/receivers': [CL],
  'POST /confiscation-orders/{id}/default-term': [CL],
  'POST /confiscation-orders/{id}/default-term-served': [CL],
  'POST /confiscation-orders/{id}/discharge': [CL],
  // Beyond docs/api.md's table: the refusal that goes with time-to-pay applications (s.11), court
  // liaison like the rest of that track ...
  'POST /confiscation-orders/{id}/time-to-pay-refusals': [CL],
  // ... and an operations route (the CLI's `projections rebuild` against a running server).
  'POST /admin/projections/{name}/rebuild': [SUP],
};

/** docs/api.md's query table (besides `GET /health`, which is public), as OpenAPI paths. */
export const QUERY_PATHS = [
  '/cases/{caseId}',
  '/cases',
  '/assets/{assetId}',
  '/assets/{assetId}/history',
  '/register',
  '/totals',
  '/deadlines',
  '/confiscation-orders/{id}',
  '/cases/{caseId}/valuation-statement',
  '/reconciliation',
  '/metrics',
];

/**
 * At least this many path × method pairs in /docs-json (47 when this was written): a document
 * that loses routes (a controller dropped from a module) fails here instead of testing less.
 */
export const MIN_OPERATIONS = 47;
