import { TestApp } from '../support/test-app';
import { nested, nestedJson } from './support/arbitraries';
import { createFixtures, plausibleBody, realPath } from './support/fixtures';
import { describeEvents, eventsAfter, headPosition } from './support/ledger-log';
import { isCommand, readOpenApi } from './support/openapi';
import { problemViolations } from './support/problems';
import { startSecurityApp } from './support/security-app';

type Place = (string | number)[];

/** Where objects sit in a body (not the body itself), as key paths. */
function objectPlaces(value: unknown, path: Place = []): Place[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    const isObject = typeof child === 'object' && child !== null && !Array.isArray(child);
    return [...(isObject ? [at] : []), ...objectPlaces(child, at)];
  });
}

/**
 * What R4's fuzzing found, pinned down: src/common/http/json-body.ts (depth, __proto__,
 * Content-Encoding), the command handler (If-Match on creating commands) and the lists of
 * objects in DTOs (NoNestedLists in src/ledger/http/dto/validators.ts).
 */
describe('R4 regressions: bad input found by fuzzing is a 4xx and writes nothing', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startSecurityApp()));
  afterAll(async () => t.close());

  const openCase = (body: object, headers: Record<string, string> = {}) =>
    t.http().post('/cases').set(headers).send(body);

  it('a body nested thousands of levels deep is a 400 naming where, not a 500 (stack overflow)', async () => {
    const before = await headPosition(t);
    for (const json of [
      `{"reference":"MPS/R4/0001","title":${nestedJson(5000)}}`,
      `{"reference":"MPS/R4/0001","title":"x","extra":${nestedJson(50_000)}}`,
      nestedJson(100_000),
    ]) {
      const response = await t
        .http()
        .post('/cases')
        .set('content-type', 'application/json')
        .send(json);
      expect(response.status).toBe(400);
      expect(problemViolations(response)).toEqual([]);
      expect(response.body.errors[0].message).toBe('nested too deeply (at most 32 levels)');
      expect(response.body.errors[0].path).toMatch(/^(title|extra|0)\.(a|0)\./);
      expect(response.body.errors[0].path.split('.')).toHaveLength(32);
    }
    expect(describeEvents(await eventsAfter(t, before))).toBe('');
  });

  it('nesting up to 32 levels reaches validation as usual', async () => {
    const response = await openCase({ reference: 'MPS/R4/0002', title: 'x', extra: nested(31) });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: 'extra', message: 'property extra should not exist' },
    ]);
  });

  it.each(['__proto__', 'constructor'])(
    'an unknown field called %s is refused like any unknown field (class-transformer skips it)',
    async (key) => {
      const before = await headPosition(t);
      const json = `{"reference":"MPS/R4/0003","title":"x","declared":{},"${key}":{"polluted":true}}`;
      const response = await t
        .http()
        .post('/cases')
        .set('content-type', 'application/json')
        .send(json);
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual({
        path: key,
        message: `property ${key} should not exist`,
      });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(describeEvents(await eventsAfter(t, before))).toBe('');
    },
  );

  it.each(['gzip', 'deflate', 'br'])(
    'a body that does not decode as its Content-Encoding (%s) says is a 400, not a 500',
    async (encoding) => {
      const response = await t
        .http()
        .post('/cases')
        .set('content-type', 'application/json')
        .set('content-encoding', encoding)
        .send('{"reference":"MPS/R4/0004","title":"not compressed"}');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'malformed_json', status: 400 });
      expect(problemViolations(response, { fieldErrorsOn400: false })).toEqual([]);
    },
  );

  it('If-Match on a command that creates (POST /cases) is a 409 that reserves no reference', async () => {
    const body = { reference: 'MPS/R4/0005', title: 'Operation Stimtone: If-Match' };
    const before = await headPosition(t);
    const refused = await openCase(body, { 'If-Match': '"0"' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('concurrency_conflict');
    expect(describeEvents(await eventsAfter(t, before))).toBe('');
    // The reference is still free: before the fix it stayed reserved by a case that never was.
    await openCase(body).expect(201);
  });

  it('If-Match on POST /assets is a 409 that reserves no exhibit reference', async () => {
    const opened = await openCase({ reference: 'MPS/R4/0006', title: 'x' }).expect(201);
    const seizure = {
      caseId: opened.body.id,
      exhibitRef: 'R4/1',
      power: 'PACE_S19',
      category: 'watch',
      description: 'Rolex Submariner',
      location: '14 Harrow Road, London W2',
      custodyLocation: 'Paddington Green property store',
    };
    const before = await headPosition(t);
    const refused = await t.http().post('/assets').set('If-Match', '"3"').send(seizure);
    expect(refused.status).toBe(409);
    expect(describeEvents(await eventsAfter(t, before))).toBe('');
    await t.http().post('/assets').send(seizure).expect(201);
  });

  it('an object wrapped in an array, anywhere in any command body, is a 400 naming it', async () => {
    // class-validator's ValidateNested validates the items of nested arrays as if they were the
    // list's items, so `instalments: [[{ amount, dueDate }]]` passed validation and was a 500.
    const { document, operations } = await readOpenApi(t);
    const failures: string[] = [];
    let checked = 0;
    // Every one of these requests is refused, so one set of fixtures serves them all.
    const fixtures = await createFixtures(t);
    for (const op of operations.filter((o) => isCommand(o) && o.body)) {
      const plausible = plausibleBody(document, op, fixtures) as Record<string, unknown>;
      for (const place of objectPlaces(plausible)) {
        checked++;
        const body = structuredClone(plausible);
        let parent = body as Record<string | number, unknown>;
        for (const key of place.slice(0, -1)) parent = parent[key] as typeof parent;
        const key = place[place.length - 1];
        parent[key] = [parent[key]];
        const before = await headPosition(t);
        const response = await t.http()[op.method](realPath(op, fixtures)).send(body);
        const written = await eventsAfter(t, before);
        const paths = [place.join('.'), place.slice(0, -1).join('.')];
        const named = (response.body?.errors ?? []).some((e: { path: string }) =>
          paths.includes(e.path),
        );
        if (response.status !== 400 || !named || written.length)
          failures.push(
            `${op.key} ${place.join('.')}: ${response.status} ${JSON.stringify(response.body?.errors)} ${describeEvents(written)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(25);
  });

  it('a variation dated before the last change to the schedule is a 422, not a broken order', async () => {
    // Accepted, it put the schedule's versions out of order: every later look at the order's
    // interest (GET, the next command, the deadlines projection) then threw, a 500.
    const fixtures = await createFixtures(t);
    const order = `/confiscation-orders/${fixtures.confiscationOrderId}`;
    const vary = (occurredAt: string, amount: string) =>
      t
        .http()
        .post(`${order}/variations`)
        .send({
          section: 's23',
          newAvailableAmount: { amount, currency: 'GBP' },
          newOrderAmount: { amount, currency: 'GBP' },
          reason: 'Home equity fell on sale',
          occurredAt,
        });
    await vary('2026-11-27T10:00:00Z', '80000.00').expect(200);
    const before = await headPosition(t);
    const backdated = await vary('2026-11-01T10:00:00Z', '70000.00');
    expect(backdated.status).toBe(422);
    expect(backdated.body).toMatchObject({
      code: 'invalid_date',
      errors: [
        { path: 'occurredAt', message: 'Before the last change to the schedule (2026-11-27)' },
      ],
    });
    expect(describeEvents(await eventsAfter(t, before))).toBe('');
    await t.http().get(order).expect(200);
    await vary('2026-11-28T10:00:00Z', '70000.00').expect(200);
  });
});
