import fc from 'fast-check';
import { TestApp } from '../support/test-app';
import { commandHeaders, requestBody } from './support/arbitraries';
import { ROLE_MATRIX } from './support/contract';
import { createFixtures, idFor, plausibleBody, realPath } from './support/fixtures';
import { describeEvents, eventsAfter, headPosition, settle } from './support/ledger-log';
import { isCommand, OpenApiDocument, Operation, readOpenApi } from './support/openapi';
import { problemViolations } from './support/problems';
import { startSecurityApp } from './support/security-app';

/** Runs per route: 25 by default (the whole file in well under a minute); `FUZZ_RUNS=500` for long. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
/** Replays a reported failure: `FUZZ_SEED=<seed> [FUZZ_PATH=<path>]`, as fast-check prints them. */
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const PATH = process.env.FUZZ_PATH;
/** Fuzzes only the routes whose `METHOD /path` contains this, e.g. `FUZZ_ROUTE='POST /assets'`. */
const ROUTE = process.env.FUZZ_ROUTE;

/**
 * R4 (docs/quality.md): property-based fuzzing of every command route in /docs-json with bodies made
 * from the route's own request schema, then broken: fields missing, wrong types, oversized,
 * negative and huge amounts, unknown currencies, impossible dates, unicode of every kind, unknown
 * fields, deep nesting; and hostile If-Match / Idempotency-Key / X-Correlation-Id headers. Real
 * ids in the path, fresh ones for each route. Properties: never a 5xx; every 4xx a problem+json
 * with a `code` (a 400 naming each bad field by path); nothing written unless the answer is 2xx.
 */
describe('R4: fuzzing every command route', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let commands: Operation[];
  const statuses = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    t = await startSecurityApp();
    const read = await readOpenApi(t);
    document = read.document;
    commands = read.operations.filter(isCommand);
  });
  const fuzzed = () => commands.filter((op) => !ROUTE || op.key.includes(ROUTE));
  afterAll(async () => {
    if (process.env.FUZZ_RUNS) {
      const lines = [...statuses].map(
        ([route, counts]) =>
          `${route.padEnd(62)} ${[...counts]
            .sort(([a], [b]) => a - b)
            .map(([s, n]) => `${s}×${n}`)
            .join(' ')}`,
      );
      process.stdout.write(`\nR4 fuzz, ${RUNS} runs a route: statuses\n${lines.join('\n')}\n`);
    }
    await t.close();
  });

  it('has every command route of the contract to fuzz', () => {
    expect(commands.length).toBeGreaterThanOrEqual(Object.keys(ROLE_MATRIX).length);
  });

  it(
    `every command route: no 5xx, every 4xx a problem naming its fields, nothing written on refusal (${RUNS} runs a route)`,
    async () => {
      const failures: string[] = [];
      for (const op of fuzzed()) {
        const fixtures = await createFixtures(t);
        const path = realPath(op, fixtures);
        const counts = new Map<number, number>();
        statuses.set(op.key, counts);
        const property = fc.asyncProperty(
          requestBody(document, op.body, idFor(fixtures), plausibleBody(document, op, fixtures)),
          commandHeaders,
          async (body, headers) => {
            const before = await headPosition(t);
            const response = await t
              .http()
              [op.method](path)
              .set(headers)
              .send(body as object);
            counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
            const problems: string[] = [];
            if (response.status >= 500) problems.push(`status ${response.status}`);
            if (response.status >= 400) problems.push(...problemViolations(response));
            if (response.status < 200 || response.status >= 300) {
              const written = await eventsAfter(t, before);
              if (written.length)
                problems.push(`a ${response.status} wrote ${describeEvents(written)}`);
            } else {
              await settle(t);
            }
            if (problems.length) {
              throw new Error(
                `${op.key} → ${response.status}: ${problems.join('; ')}\n` +
                  `response: ${response.text.slice(0, 600)}`,
              );
            }
          },
        );
        const result = await fc.check(property, {
          numRuns: RUNS,
          ...(SEED === undefined ? {} : { seed: SEED, path: PATH }),
          // Shrinking replays requests against a ledger that has moved on; keep it bounded.
          interruptAfterTimeLimit: 60_000,
        });
        if (result.failed) {
          const [body, headers] = result.counterexample ?? [];
          const error = result.errorInstance;
          failures.push(
            [
              `${op.key}: ${error instanceof Error ? error.message : String(error)}`,
              `replay: FUZZ_SEED=${result.seed} FUZZ_PATH=${result.counterexamplePath} FUZZ_ROUTE='${op.key}'`,
              `body: ${String(JSON.stringify(body)).slice(0, 1500)}`,
              `headers: ${JSON.stringify(headers)}`,
            ].join('\n'),
          );
        }
      }
      expect(failures).toEqual([]);
    },
    120_000 + RUNS * 34 * 150,
  );
});
