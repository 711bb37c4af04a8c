/**
 * Child-process servers for the HTTP benchmarks (P2 and the Big Wing day): the real server as
 * `node dist/cli.js serve` on a temporary data directory, a free port, a known HS256 secret.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '../src/auth/mint-token';
import { Role } from '../src/common/actor';

export const ROOT = join(__dirname, '..');

/** The secret the benchmark servers verify with and the scripts mint with. */
export const BENCH_SECRET = 'bench-http-secret-not-for-production-0123456789abcdef';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  pid: number;
  dataDir?: string;
  /** SIGTERM, then wait for the process to end. */
  stop(): Promise<void>;
}

export interface ServeOptions {
  env?: Record<string, string>;
  /** Write a V8 CPU profile of the server into this directory (ends with process.exit on SIGTERM). */
  cpuProfDir?: string;
  /** A data directory to use (kept); by default a new temporary one, removed by `stop`. */
  dataDir?: string;
}

/** `node dist/cli.js serve` (run `npm run build` first) on a temporary data directory. */
export async function startLedgerServer(options: ServeOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'poca-bench-http-'));
  mkdirSync(dataDir, { recursive: true });
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    LEDGER_DATA_DIR: dataDir,
    AUTH_JWT_SECRET: BENCH_SECRET,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const cli = join(ROOT, 'dist', 'cli.js');
  const args = options.cpuProfDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${options.cpuProfDir}`,
        '-e',
        // Nest re-raises SIGTERM after closing, which would end the process before V8 writes the
        // profile: exit normally first.
        `process.on('SIGTERM', () => process.exit(0)); process.argv = [process.argv[0], ${JSON.stringify(cli)}, 'serve']; require(${JSON.stringify(cli)});`,
      ]
    : [cli, 'serve'];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const server = await whenServing(child, `http://127.0.0.1:${port}`, '/health');
  return {
    ...server,
    dataDir,
    async stop() {
      await server.stop();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A server script under SWC (`node -r @swc-node/register file.ts`), with PORT set. */
export async function startScriptServer(
  file: string,
  env: Record<string, string>,
  cpuProfDir?: string,
): Promise<RunningServer> {
  const port = await freePort();
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...profile, '-r', '@swc-node/register', file], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return whenServing(child, `http://127.0.0.1:${port}`, '/health');
}

async function whenServing(
  child: ChildProcess,
  url: string,
  healthPath: string,
): Promise<RunningServer> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let ended = false;
  void exited.then(() => (ended = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (ended) throw new Error(`the server exited before serving:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not serve within 60 s:\n${stderr}`);
    }
    try {
      const response = await fetch(url + healthPath);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid ?? 0,
    async stop() {
      if (!ended) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A bearer token for the benchmark secret, valid for the run. */
export async function benchToken(
  sub: string,
  agency: string,
  roles: Role[],
  ttl = '8h',
): Promise<string> {
  return mintToken({ sub, agency, roles, ttl }, BENCH_SECRET);
}

/** JSON request helper: throws on anything but the expected status, with the problem body. */
export async function request<T = Record<string, unknown>>(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(base + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const parsed = (type.includes('json') && text ? JSON.parse(text) : text) as T;
  return { status: response.status, body: parsed, headers: response.headers };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 elsewhere. */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
  } catch {
    return 0;
  }
}
