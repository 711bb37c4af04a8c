import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '@src/app.factory';
import { loadConfig } from '@src/config/config';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { makeTempDir } from '../support/temp-dir';
import { bearer, TEST_JWT_SECRET } from '../support/tokens';
import { LogCapture } from './support/log-capture';

describe('createApp: every message of the server goes through pino', () => {
  const capture = new LogCapture();
  const dir = makeTempDir('poca-logging-');
  let app: NestExpressApplication;
  beforeAll(async () => {
    const config = loadConfig({
      LEDGER_DATA_DIR: dir.path,
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'info',
    });
    app = await createApp(config, {
      store: SqliteEventStore.open({ dataDir: dir.path }),
      logDestination: capture,
    });
    // A plain Express route behind the request-logging middleware: logs through Nest's Logger
    // after an await, as code handling a request would.
    app
      .getHttpAdapter()
      .getInstance()
      .get('/probe-log', (_request: unknown, response: { json(body: unknown): void }) => {
        void new Promise((resolve) => setImmediate(resolve)).then(() => {
          new Logger('Probe').warn('probe line');
          response.json({ logged: true });
        });
      });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    dir.remove();
  });

  it("Nest's start-up messages and any `new Logger(...)` line are pino JSON lines", () => {
    expect(capture.entries()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'info', context: 'NestApplication' }),
      ]),
    );
    new Logger('Projections').warn('asset-register: subscription dropped, resuming');
    expect(capture.entries().at(-1)).toMatchObject({
      level: 'warn',
      context: 'Projections',
      msg: 'asset-register: subscription dropped, resuming',
    });
  });

  it('and requests are logged with their id and actor', async () => {
    await request(app.getHttpServer())
      .get('/register')
      .set(bearer({ sub: 'DC-31' }))
      .set('X-Request-Id', 'via-create-app')
      .expect(200);
    expect(await capture.requestLine('via-create-app')).toMatchObject({
      status: 200,
      actor: { sub: 'DC-31', agency: 'MPS' },
    });
  });

  it('a `new Logger(...)` line logged while handling a request carries its request id', async () => {
    const ids = ['probe-log-1', 'probe-log-2'];
    await Promise.all(
      ids.map((id) =>
        request(app.getHttpServer()).get('/probe-log').set('X-Request-Id', id).expect(200),
      ),
    );
    for (const id of ids) {
      await capture.requestLine(id);
      expect(capture.forRequest(id).filter((e) => e.msg === 'probe line')).toEqual([
        expect.objectContaining({ level: 'warn', context: 'Probe', reqId: id }),
      ]);
    }
  });
});
