import { ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { killHard, waitForLine } from './child-process';
import { TEST_JWT_SECRET } from './tokens';

const ROOT = join(__dirname, '..', '..');

/** A port nobody listens on right now (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON, or the text when it is not JSON. */
  body: unknown;
}

/** A small HTTP/1.1 client with keep-alive, for one server instance (destroy it when it dies). */
export class LedgerClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });

  constructor(readonly port: number) {}

  request(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
    timeoutMs = 60_000,
  ): Promise<HttpAnswer> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            ...headers,
            ...(payload && {
              'content-type': 'application/json',
              'content-length': String(payload.length),
            }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('aborted', () => reject(new Error('response aborted')));
          res.on('end', () => {
            if (!res.complete) return reject(new Error('response incomplete'));
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text === '' ? undefined : JSON.parse(text);
            } catch {
              // not JSON: keep the text
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
          });
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  destroy(): void {
    this.agent.destroy();
  }
}

/**
 * The real server (`src/cli.ts serve`) as a child process on a data directory, started warm
 * (test/support/server-child.ts): `spawnWarm()` loads the code, `go()` starts serving on a fresh
 * port, `kill9()` is SIGKILL. Its output is kept (the last 64 kB) for failure messages.
 */
export class ServerProcess {
  private output = '';
  port = 0;
  startedServingMs = 0;

  private constructor(readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-65_536);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Spawns a server child and waits until its modules are loaded (it has not opened anything). */
  static async spawnWarm(
    dataDir: string,
    env: Record<string, string> = {},
  ): Promise<ServerProcess> {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'server-child.ts')],
      {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: {
          ...process.env,
          SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
          LEDGER_DATA_DIR: dataDir,
          EVENT_STORE: 'sqlite',
          NODE_ENV: 'production',
          AUTH_JWT_SECRET: TEST_JWT_SECRET,
          LOG_LEVEL: 'warn',
          RATE_LIMIT_PER_MINUTE: '0',
          ...env,
        },
      },
    );
    const server = new ServerProcess(child);
    await waitForLine(child, (line) => line === 'warm', 120_000);
    return server;
  }

  /** Starts serving on a free port; resolves with the milliseconds until GET /health answered 200. */
  async go(timeoutMs = 60_000): Promise<number> {
    this.port = await freePort();
    const started = Date.now();
    this.child.stdin?.write(`go ${this.port}\n`);
    const client = new LedgerClient(this.port);
    try {
      for (;;) {
        if (this.exited()) throw new Error(`the server exited while starting:\n${this.output}`);
        if (Date.now() - started > timeoutMs)
          throw new Error(`the server did not serve within ${timeoutMs} ms:\n${this.output}`);
        const answer = await client
          .request('GET', '/health', {}, undefined, 2_000)
          .catch(() => null);
        if (answer?.status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } finally {
      client.destroy();
    }
    this.startedServingMs = Date.now() - started;
    return this.startedServingMs;
  }

  exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  kill9(): Promise<void> {
    return killHard(this.child);
  }

  /** SIGTERM (graceful: Nest's shutdown hooks close the store), SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 30_000): Promise<number | null> {
    if (this.exited()) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) =>
      this.child.once('exit', (code) => resolve(code)),
    );
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The last of what it printed (stdout and stderr). */
  log(): string {
    return this.output;
  }
}
