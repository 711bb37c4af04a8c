/**
 * `npm run bench`: every benchmark of docs/quality.md (P1–P7), one after another, each in its own
 * process (`npm run bench:<name>`), each rewriting its own row of docs/performance.md. A benchmark
 * that fails, times out or prints no summary line does not stop the others: the run goes on,
 * says which failed at the end (and in docs/performance.md, under the table) and exits 1.
 * Usage: npm run bench [-- --only P1,P6 --timeout-minutes 60 --no-record]
 * (`--no-record` is passed on to every benchmark; nothing in the document changes.)
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, option } from './support';

interface Benchmark {
  /** The budgets it measures (the summary lines it must print). */
  ids: string[];
  script: string;
}

const BENCHMARKS: Benchmark[] = [
  { ids: ['P1'], script: 'bench:append' },
  { ids: ['P2'], script: 'bench:http' },
  { ids: ['P3'], script: 'bench:rebuild' },
  { ids: ['P4', 'P7'], script: 'bench:queries' },
  { ids: ['P5'], script: 'bench:statement' },
  { ids: ['P6'], script: 'bench:long-stream' },
];

const ROOT = join(__dirname, '..');
const DOC = join(ROOT, 'docs', 'performance.md');
const RECORD = !process.argv.includes('--no-record');
const TIMEOUT_MS = option('timeout-minutes', 90) * 60_000;
const onlyArg = process.argv.indexOf('--only');
const ONLY =
  onlyArg >= 0 ? new Set(process.argv[onlyArg + 1].split(',').map((s) => s.trim())) : undefined;

interface Outcome {
  benchmark: Benchmark;
  status: 'ok' | 'failed' | 'missing' | 'timed out';
  detail?: string;
  summaries: string[];
  seconds: number;
}

/** The process group of the benchmark running now (stopped with us on Ctrl-C). */
let running: number | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (running) process.kill(-running, 'SIGKILL');
    process.exit(130);
  });
}

function scripts(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return pkg.scripts ?? {};
}

/** Runs one benchmark, its output passed through, and collects its summary lines. */
function runOne(benchmark: Benchmark): Promise<Outcome> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  if (!scripts()[benchmark.script]) {
    return Promise.resolve({
      benchmark,
      status: 'missing',
      detail: `no "${benchmark.script}" script in package.json`,
      summaries: [],
      seconds: 0,
    });
  }
  const args = ['run', '--silent', benchmark.script, ...(RECORD ? [] : ['--', '--no-record'])];
  return new Promise((resolve) => {
    // Its own process group, so a benchmark that hangs can be stopped with whatever it started.
    const child = spawn('npm', args, {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child.pid;
    const summaries: string[] = [];
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (/^P\d+ value=/.test(line.trim())) summaries.push(line.trim());
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, TIMEOUT_MS);
    const finish = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      clearTimeout(timer);
      running = undefined;
      if (/^P\d+ value=/.test(pending.trim())) summaries.push(pending.trim());
      const missing = benchmark.ids.filter((id) => !summaries.some((s) => s.startsWith(`${id} `)));
      const outcome: Outcome = { benchmark, status: 'ok', summaries, seconds: seconds() };
      if (timedOut) {
        outcome.status = 'timed out';
        outcome.detail = `stopped after ${TIMEOUT_MS / 60_000} min`;
      } else if (error || code !== 0) {
        outcome.status = 'failed';
        outcome.detail = error ? error.message : `exit ${code ?? signal}`;
      } else if (missing.length) {
        outcome.status = 'failed';
        outcome.detail = `no summary line for ${missing.join(', ')}`;
      }
      resolve(outcome);
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** The line under the table saying when everything was last run and what failed. */
function recordLastRun(outcomes: Outcome[]): void {
  const date = new Date().toISOString().slice(0, 10);
  const parts = outcomes.map(
    (o) =>
      `${o.benchmark.ids.join('+')} ${o.status === 'ok' ? 'ok' : `**${o.status}** (${o.detail})`}`,
  );
  const line = `Last \`npm run bench\`: ${date}, ${machine()}: ${parts.join('; ')}. A row not rewritten by that run keeps the date it was measured.`;
  const doc = readFileSync(DOC, 'utf8');
  const pattern = /^Last `npm run bench`:.*$/m;
  if (pattern.test(doc)) {
    writeFileSync(
      DOC,
      doc.replace(pattern, () => line),
    );
    return;
  }
  const lastRow = [...doc.matchAll(/^\|\s*P\d+\s*\|.*$/gm)].at(-1);
  if (!lastRow) return;
  const at = lastRow.index + lastRow[0].length;
  writeFileSync(DOC, `${doc.slice(0, at)}\n\n${line}${doc.slice(at)}`);
}

async function main() {
  const chosen = BENCHMARKS.filter((b) => !ONLY || b.ids.some((id) => ONLY.has(id)));
  const outcomes: Outcome[] = [];
  for (const benchmark of chosen) {
    console.log(`\n=== ${benchmark.ids.join(', ')}: npm run ${benchmark.script}`);
    const outcome = await runOne(benchmark);
    outcomes.push(outcome);
    console.log(
      `=== ${benchmark.ids.join(', ')}: ${outcome.status}${outcome.detail ? ` (${outcome.detail})` : ''}, ${outcome.seconds.toFixed(0)} s`,
    );
  }
  console.log('\nSummary:');
  for (const o of outcomes) {
    for (const s of o.summaries) console.log(s);
    if (o.status !== 'ok') console.log(`${o.benchmark.ids.join(', ')} ${o.status}: ${o.detail}`);
  }
  if (RECORD && !ONLY) recordLastRun(outcomes);
  const failed = outcomes.filter((o) => o.status !== 'ok');
  if (failed.length) {
    console.log(`\nFailed: ${failed.map((o) => o.benchmark.ids.join(', ')).join('; ')}`);
    process.exitCode = 1;
  }
}

void main();
