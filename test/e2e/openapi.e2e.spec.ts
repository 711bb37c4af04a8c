import { startTestApp, TestApp } from './support/test-app';

/** The command routes of the API contract (../shared/design/api.md), as OpenAPI paths. */
const COMMAND_ROUTES: [string, string][] = [
  ['post', '/cases'],
  ['post', '/cases/{caseId}/subjects'],
  ['post', '/cases/{caseId}/shares'],
  ['delete', '/cases/{caseId}/shares/{agency}'],
  ['post', '/cases/{caseId}/close'],
  ['post', '/assets'],
  ['post', '/assets/{assetId}/legal-basis'],
  ['post', '/assets/{assetId}/custody-transfers'],
  ['post', '/assets/{assetId}/detentions'],
  ['post', '/assets/{assetId}/valuations'],
  ['post', '/assets/{assetId}/valuations/{valuationId}/withdrawal'],
  ['post', '/assets/{assetId}/forfeiture-notices'],
  ['post', '/assets/{assetId}/forfeiture-objections'],
  ['post', '/assets/{assetId}/forfeiture-applications'],
  ['post', '/assets/{assetId}/forfeiture'],
  ['post', '/assets/{assetId}/forfeiture-refusal'],
  ['post', '/assets/{assetId}/realisation'],
  ['post', '/assets/{assetId}/release'],
  ['post', '/assets/{assetId}/destruction'],
  ['post', '/assets/{assetId}/void'],
  ['post', '/restraint-orders'],
  ['post', '/restraint-orders/{id}/variations'],
  ['post', '/restraint-orders/{id}/discharge'],
  ['post', '/restraint-orders/{id}/receivers'],
  ['post', '/confiscation-orders'],
  ['post', '/confiscation-orders/{id}/time-to-pay-applications'],
  ['post', '/confiscation-orders/{id}/time-to-pay-extensions'],
  ['post', '/confiscation-orders/{id}/variations'],
  ['post', '/confiscation-orders/{id}/payments'],
  ['post', '/confiscation-orders/{id}/receivers'],
  ['post', '/confiscation-orders/{id}/default-term'],
];

const READ_ROUTES = [
  '/health',
  '/cases/{caseId}',
  '/assets/{assetId}',
  '/assets/{assetId}/history',
  '/restraint-orders/{id}',
  '/confiscation-orders/{id}',
];

type Operation = {
  requestBody?: unknown;
  responses: Record<string, unknown>;
  description?: string;
};

describe('OpenAPI document', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    t = await startTestApp();
    paths = (await t.http().get('/docs-json').expect(200)).body.paths;
  });
  afterAll(async () => t.close());

  it.each(COMMAND_ROUTES)(
    'documents %s %s with its body, roles, success and errors',
    (method, path) => {
      const operation = paths[path]?.[method];
      expect(operation).toBeDefined();
      if (method === 'post') expect(operation.requestBody).toBeDefined();
      expect(operation.description).toMatch(/^Roles: /);
      for (const status of ['400', '404', '409', '422'])
        expect(operation.responses).toHaveProperty(status);
      expect(Object.keys(operation.responses).some((s) => s === '200' || s === '201')).toBe(true);
    },
  );

  it.each(READ_ROUTES)('documents GET %s', (path) => {
    expect(paths[path]?.get?.responses).toBeDefined();
  });
});
