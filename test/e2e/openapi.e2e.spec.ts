import { startTestApp, TestApp } from './support/test-app';

/** The command routes of the API contract (docs/api.md), as OpenAPI paths. */
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
  security?: Record<string, string[]>[];
};

type Document = {
  security?: Record<string, string[]>[];
  components: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
  paths: Record<string, Record<string, Operation>>;
};

describe('OpenAPI document', () => {
  let t: TestApp;
  let document: Document;
  let paths: Document['paths'];
  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http().get('/docs-json').expect(200)).body as Document;
    paths = document.paths;
  });
  afterAll(async () => t.close());

  it.each(COMMAND_ROUTES)(
    'documents %s %s with its body, roles, success and errors',
    (method, path) => {
      const operation = paths[path]?.[method];
      expect(operation).toBeDefined();
      if (method === 'post') expect(operation.requestBody).toBeDefined();
      expect(operation.description).toMatch(/^Roles: /);
      for (const status of ['400', '401', '403', '404', '409', '422'])
        expect(operation.responses).toHaveProperty(status);
      expect(Object.keys(operation.responses).some((s) => s === '200' || s === '201')).toBe(true);
    },
  );

  it.each(READ_ROUTES)('documents GET %s', (path) => {
    expect(paths[path]?.get?.responses).toBeDefined();
  });

  it('needs the bearer token on every route but GET /health, and documents the 401', () => {
    expect(document.components.securitySchemes?.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(document.security).toEqual([{ bearer: [] }]);
    const wrong: string[] = [];
    for (const [path, item] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (route === 'GET /health') {
          // Public: an empty requirement in place of the document's bearer one, and no 401.
          if (JSON.stringify(operation.security) !== '[{}]') wrong.push(`${route}: not public`);
          if (operation.responses['401']) wrong.push(`${route}: documents a 401`);
        } else {
          if (operation.security) wrong.push(`${route}: overrides the bearer requirement`);
          if (!operation.responses['401']) wrong.push(`${route}: no 401`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
