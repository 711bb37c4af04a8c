/**
 * P2 (docs/quality.md): `POST /assets` over HTTP (auth, validation, decide, append) at 64 connections,
 * measured with autocannon against the real server (`node dist/cli.js serve`, a child process, on
 * a temporary data directory, NODE_ENV=production), against a bare NestJS endpoint with the same
 * body parser, JSON-only check, ValidationPipe, SeizeAssetDto and AuthGuard and no storage
 * (bench/http-bare-server.ts), measured in the same run. Every request carries a new exhibit
 * reference; each connection is an MPS investigator with a token of their own (64 subjects, so the
 * per-subject rate limit guard runs, with RATE_LIMIT_PER_MINUTE set above what each sends); the
 * case is opened first.
 *
 * Usage: npm run bench:http [-- --runs 3 --seconds 10 --connections 64 --log-level warn
 *   --cpu-prof --no-record]
 * `--cpu-prof` writes V8 profiles of both servers into bench/.profiles/ (read them in Chrome
 * DevTools or with bench/cpu-profile-summary.ts, giving it the requests each served).
 */
import autocannon from 'autocannon';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  benchToken,
  request,
  ROOT,
  RunningServer,
  startLedgerServer,
  startScriptServer,
  BENCH_SECRET,
  cpuSeconds,
} from './http-server';
import { machine, median, option, recordRow, summaryLine } from './support';

const RUNS = option('runs', 3);
const SECONDS = option('seconds', 10);
const CONNECTIONS = option('connections', 64);
const WARMUP_SECONDS = option('warmup', 3);
const RECORD = !process.argv.includes('--no-record');
const CPU_PROF = process.argv.includes('--cpu-prof');
const LOG_LEVEL = (() => {
  const i = process.argv.indexOf('--log-level');
  return i >= 0 ? process.argv[i + 1] : 'warn';
})();

const EUR_RATE = { currency: 'EUR', rateToGbp: '0.8567', source: 'ECB', asAt: '2026-11-27' };

/** A seizure of euro cash under s.294, as recorded on a Big Wing day (~450 bytes of JSON). */
function seizure(caseId: string, exhibitRef: string): string {
  return JSON.stringify({
    caseId,
    exhibitRef,
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Cash in a sports bag, EUR 50 notes',
    location: '14 Harrow Road, London W2',
    custodyLocation: 'Paddington Green property store',
    declared: { amount: '12500.00', currency: 'EUR' },
    fx: [EUR_RATE],
    occurredAt: '2026-11-27T10:00:00Z',
  });
}

/** Requests each server has answered (for profiles: time per request). */
const served = new Map<string, number>();

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** The server process's CPU time (user + system) per request, in ms. */
  cpuMs: number;
  samples: string[];
}

async function load(
  server: RunningServer,
  tokens: string[],
  caseId: string,
  label: string,
  seconds: number,
  /** Work the load leaves behind (the projections catching up), counted in the server's CPU. */
  afterwards: () => Promise<void> = () => Promise.resolve(),
): Promise<Measured> {
  let n = 0;
  let connection = 0;
  const samples: string[] = [];
  const cpuBefore = cpuSeconds(server.pid);
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/assets',
        headers: { 'content-type': 'application/json' },
        // One officer per connection: the connection's context keeps its token.
        setupRequest: (req, context: { authorization?: string }) => {
          context.authorization ??= `Bearer ${tokens[connection++ % tokens.length]}`;
          return {
            ...req,
            headers: { ...req.headers, authorization: context.authorization },
            body: seizure(caseId, `${label}/${++n}`),
          };
        },
        onResponse: (status, body) => {
          if ((status < 200 || status > 299) && samples.length < 5)
            samples.push(`${status} ${body}`);
        },
      },
    ],
  });
  served.set(server.url, (served.get(server.url) ?? 0) + result['2xx']);
  await afterwards();
  const cpu = cpuSeconds(server.pid) - cpuBefore;
  return {
    rps: result.requests.average,
    cpuMs: (cpu * 1000) / Math.max(1, result.requests.total),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    samples,
  };
}

/** Waits until every projection has applied `position` (they run in the server, using its CPU). */
async function projectionsCaughtUp(
  server: RunningServer,
  token: string,
  position: bigint,
): Promise<void> {
  for (;;) {
    const { body } = await request<{ checkpoint: string | null }[]>(
      server.url,
      token,
      'GET',
      '/admin/projections',
    );
    if (body.every((p) => p.checkpoint !== null && BigInt(p.checkpoint) >= position)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function describe(label: string, m: Measured): string {
  return `${label}: ${Math.round(m.rps)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.requests} requests, ${m.errors} errors, ${m.non2xx} non-2xx, server CPU ${m.cpuMs.toFixed(2)} ms/request`;
}

async function main() {
  const profiles = join(ROOT, 'bench', '.profiles');
  if (CPU_PROF) mkdirSync(profiles, { recursive: true });
  const ledger = await startLedgerServer({
    // The per-subject limit stays on (its guard is part of the path) but above what each of the
    // 64 benchmark subjects sends (~2,000 requests a minute each at the target).
    env: { LOG_LEVEL, RATE_LIMIT_PER_MINUTE: '1000000' },
    cpuProfDir: CPU_PROF ? profiles : undefined,
  });
  const bare = await startScriptServer(
    join(ROOT, 'bench', 'http-bare-server.ts'),
    { AUTH_JWT_SECRET: BENCH_SECRET },
    CPU_PROF ? profiles : undefined,
  );
  try {
    const tokens = await Promise.all(
      Array.from({ length: CONNECTIONS }, (_, i) =>
        benchToken(`MPS-PC-${String(i + 1).padStart(4, '0')}`, 'MPS', ['investigator']),
      ),
    );
    const token = tokens[0];
    const supervisor = await benchToken('MPS-P2-SUP', 'MPS', ['supervisor']);
    const opened = await request<{ id: string }>(ledger.url, token, 'POST', '/cases', {
      reference: 'MPS/P2/2026/0001',
      title: 'P2 benchmark: Big Wing cash seizures',
      operation: 'P2-bench',
    });
    if (opened.status !== 201) throw new Error(`POST /cases: ${JSON.stringify(opened.body)}`);
    const caseId = opened.body.id;
    const settle = async () => {
      const probe = await request<{ position: string }>(
        ledger.url,
        token,
        'POST',
        '/assets',
        JSON.parse(seizure(caseId, `PROBE/${Date.now()}`)),
      );
      if (probe.status !== 201) throw new Error(`probe seizure: ${JSON.stringify(probe.body)}`);
      await projectionsCaughtUp(ledger, supervisor, BigInt(probe.body.position));
    };

    console.log(`P2: warming up (${WARMUP_SECONDS} s each)...`);
    await load(ledger, tokens, caseId, 'WARM', WARMUP_SECONDS, settle);
    await load(bare, tokens, caseId, 'WARM', WARMUP_SECONDS);

    const real: Measured[] = [];
    const ceiling: Measured[] = [];
    const loads = [loadavg()[0]];
    for (let run = 1; run <= RUNS; run++) {
      // Alternate the order so neither side always follows the other's after-effects.
      const order = run % 2 ? (['ledger', 'bare'] as const) : (['bare', 'ledger'] as const);
      for (const side of order) {
        if (side === 'ledger') {
          // The projections catch up before anything else is measured (and their CPU counts).
          const m = await load(ledger, tokens, caseId, `R${run}`, SECONDS, settle);
          real.push(m);
          console.log(`run ${run} ${describe('server', m)}`);
        } else {
          const m = await load(bare, tokens, caseId, `B${run}`, SECONDS);
          ceiling.push(m);
          console.log(`run ${run} ${describe('bare  ', m)}`);
        }
      }
    }
    loads.push(loadavg()[0]);
    for (const m of [...real, ...ceiling])
      for (const sample of m.samples) console.log(`  non-2xx: ${sample}`);
    const bareFailures = ceiling.reduce((sum, m) => sum + m.errors + m.non2xx, 0);
    if (bareFailures > 0) console.log(`the bare endpoint failed ${bareFailures} requests`);

    const rps = median(real.map((m) => m.rps));
    const p50 = median(real.map((m) => m.p50));
    const p99 = median(real.map((m) => m.p99));
    const bareRps = median(ceiling.map((m) => m.rps));
    const bareP99 = median(ceiling.map((m) => m.p99));
    const errors = real.reduce((sum, m) => sum + m.errors, 0);
    const non2xx = real.reduce((sum, m) => sum + m.non2xx, 0);
    const ratio = rps / bareRps;
    const cpu = median(real.map((m) => m.cpuMs));
    const bareCpu = median(ceiling.map((m) => m.cpuMs));
    const loadNote = `load average ${loads.map((l) => l.toFixed(1)).join(' → ')}`;
    const targetMet = rps >= 2000 && p99 <= 100 && errors === 0 && non2xx === 0 && ratio >= 0.5;
    const date = new Date().toISOString().slice(0, 10);
    const minMax = (values: number[]) =>
      `min ${Math.round(Math.min(...values))}, max ${Math.round(Math.max(...values))}`;
    if (RECORD) {
      recordRow(
        'P2',
        `| P2 | POST /assets over HTTP (auth, validation, decide, append), ${CONNECTIONS} connections, autocannon, ${RUNS} runs × ${SECONDS} s, served by \`node dist/cli.js serve\` (LOG_LEVEL=${LOG_LEVEL}), ${loadNote} | ${Math.round(rps)} req/s (${minMax(real.map((m) => m.rps))}); p50 ${p50} ms, p99 ${p99} ms; ${errors} errors, ${non2xx} non-2xx; server CPU ${cpu.toFixed(2)} ms/request | ${Math.round(bareRps)} req/s bare NestJS, same validation and auth, no storage (p99 ${bareP99} ms; CPU ${bareCpu.toFixed(2)} ms/request) | ${ratio.toFixed(2)} | ≥ 2,000 req/s, p99 ≤ 100 ms, 0 errors, ≥ 0.50 | ${targetMet ? 'yes' : 'no'} | ${machine()}, ${date} |`,
      );
    }
    console.log(
      `P2 server: ${Math.round(rps)} req/s median (${minMax(real.map((m) => m.rps))}), p50 ${p50} ms, p99 ${p99} ms, errors ${errors}, non-2xx ${non2xx}; bare ${Math.round(bareRps)} req/s (${minMax(ceiling.map((m) => m.rps))}), p99 ${bareP99} ms; server CPU ${cpu.toFixed(2)} ms/request, bare ${bareCpu.toFixed(2)}; ${loadNote}`,
    );
    console.log(
      summaryLine({
        id: 'P2',
        value: rps,
        unit: 'req/s',
        ceiling: bareRps,
        ratio,
        targetMet,
      }),
    );
  } finally {
    await bare.stop();
    await ledger.stop();
  }
  if (CPU_PROF) {
    console.log(
      `CPU profiles in ${profiles}: the server (pid ${ledger.pid}) answered ${served.get(ledger.url)} requests, the bare endpoint (pid ${bare.pid}) ${served.get(bare.url)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
