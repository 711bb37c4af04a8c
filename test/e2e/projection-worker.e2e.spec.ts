import type { Worker } from 'node:worker_threads';
import { ProjectionRunner } from '@src/projections/projection-runner';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The serving process on the embedded store keeps its read models in a worker thread (P2). The
 * same routes, over the same store, with the projections in the worker: reads see their writes,
 * /health shows each projection as the worker reports it, a rebuild runs there and swaps, and
 * closing the app stops the worker after it has applied what it read.
 */
describe('read models kept by the projection worker', () => {
  let t: TestApp;
  let caseId: string;
  const http = () => t.http();
  const seize = (exhibitRef: string, amount: string) =>
    http()
      .post('/assets')
      .send({
        caseId,
        exhibitRef,
        power: 'POCA_S294_CASH',
        category: 'cash',
        description: `Cash ${exhibitRef}`,
        location: '14 Harrow Road, London W2',
        custodyLocation: 'Paddington Green property store',
        declared: { amount, currency: 'GBP' },
        occurredAt: '2026-11-27T10:00:00Z',
      })
      .expect(201);

  beforeAll(async () => {
    t = await startTestApp([], {}, { projectionsInWorker: true });
    const opened = await http()
      .post('/cases')
      .send({ reference: 'MPS/BW/2026/0901', title: 'Big Wing', operation: 'Stimtone' })
      .expect(201);
    caseId = opened.body.id as string;
  });
  afterAll(async () => t.close());

  it('reads its own writes: register and totals to the penny at the position a command returned', async () => {
    await seize('W/1', '1000.10');
    await seize('W/2', '2500.25');
    const last = await seize('W/3', '1000.01');
    const register = await http()
      .get('/register')
      .query({ caseId, minPosition: last.body.position })
      .expect(200);
    expect(BigInt(register.headers['x-ledger-position'])).toBeGreaterThanOrEqual(
      BigInt(last.body.position),
    );
    expect(register.body.items.map((r: { exhibitRef: string }) => r.exhibitRef)).toEqual([
      'W/1',
      'W/2',
      'W/3',
    ]);
    const totals = await http()
      .get('/totals')
      .query({ caseId, minPosition: last.body.position })
      .expect(200);
    expect(JSON.stringify(totals.body)).toContain('4500.36');
  });

  it('shows each projection as the worker reports it in /health', async () => {
    let projections: { name: string; caughtUp: boolean; lag: string }[] = [];
    for (let i = 0; i < 50; i++) {
      const health = await http().get('/health').expect(200);
      projections = health.body.projections as typeof projections;
      if (projections.every((p) => p.caughtUp)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(projections.map((p) => p.name).sort()).toEqual([
      'asset-register',
      'case-access',
      'deadlines',
      'recovery-totals',
    ]);
    expect(projections.every((p) => p.caughtUp && p.lag === '0')).toBe(true);
    const admin = await http().get('/admin/projections').expect(200);
    expect(admin.body.every((p: { state: string }) => p.state === 'running')).toBe(true);
  });

  it('rebuilds every projection in the worker, swaps generations, and keeps serving the same rows', async () => {
    const before = await http().get('/register').query({ caseId }).expect(200);
    const rebuilt = await http().post('/admin/projections/all/rebuild').expect(201);
    expect(rebuilt.body).toMatchObject({ done: true });
    expect(rebuilt.body.names.sort()).toEqual([
      'asset-register',
      'case-access',
      'deadlines',
      'recovery-totals',
    ]);
    const status = await http().get('/admin/projections').expect(200);
    expect(status.body.every((p: { generation: number }) => p.generation === 2)).toBe(true);
    const after = await http().get('/register').query({ caseId }).expect(200);
    expect(after.body.items).toEqual(before.body.items);
    // And follows on from the rebuilt generation.
    const next = await seize('W/4', '1009.99');
    const followed = await http()
      .get('/register')
      .query({ caseId, minPosition: next.body.position })
      .expect(200);
    expect(followed.body.items).toHaveLength(4);
  });

  it('shows every projection failed if the worker dies, and queries still answer from the tables', async () => {
    const runner = t.app.get(ProjectionRunner);
    const link = (runner as unknown as { worker: { worker: Worker } }).worker;
    const exited = new Promise((resolve) => link.worker.once('exit', resolve));
    await link.worker.terminate();
    await exited;
    const admin = await http().get('/admin/projections').expect(200);
    expect(admin.body.map((p: { state: string }) => p.state)).toEqual([
      'failed',
      'failed',
      'failed',
      'failed',
    ]);
    expect(admin.body[0].error).toContain('projection worker exited');
    const register = await http().get('/register').query({ caseId }).expect(200);
    expect(register.body.items).toHaveLength(4);
  });
});
