import { v4 as uuidv4 } from 'uuid';
import { collect } from '../support/async';
import { startTestApp, TestApp } from './support/test-app';

describe('cases over HTTP (real embedded store)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());
  const http = () => t.http();
  const eventCount = async () => (await collect(t.store.readAll())).length;
  let n = 0;
  const reference = () => `MPS/ECU/2026/${String(++n).padStart(4, '0')}`;
  const openCase = (body: Record<string, unknown> = {}) =>
    http()
      .post('/cases')
      .send({
        reference: reference(),
        title: 'Operation Stimtone: cash couriers',
        operation: 'Stimtone',
        ...body,
      });

  it('opens a case: 201, the command response, ETag, and the case reads back', async () => {
    const opened = await openCase({ leadAgency: 'MPS', offenceType: 'Money laundering' }).expect(
      201,
    );
    expect(opened.body).toMatchObject({ revision: '0', events: ['CaseOpened'] });
    expect(opened.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(opened.body.position).toMatch(/^\d+$/);
    expect(opened.headers.etag).toBe('"0"');
    const read = await http().get(`/cases/${opened.body.id}`).expect(200);
    expect(read.body).toMatchObject({
      id: opened.body.id,
      status: 'open',
      leadAgency: 'MPS',
      operation: 'Stimtone',
      jurisdiction: 'E&W',
      sharedWith: [],
      subjects: [],
    });
    const byRef = await http().get('/cases').query({ reference: read.body.reference }).expect(200);
    expect(byRef.body.id).toBe(opened.body.id);
  });

  it('answers an added subject with its subjectId, the same on a retry under the same key', async () => {
    const { body } = await openCase().expect(201);
    const key = uuidv4();
    const subject = { name: 'Marcus Reid', role: 'suspect' };
    const added = await http()
      .post(`/cases/${body.id}/subjects`)
      .set('Idempotency-Key', key)
      .send(subject)
      .expect(200);
    expect(added.body).toMatchObject({ id: body.id, events: ['SubjectAdded'] });
    expect(added.body.subjectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-/);
    const again = await http()
      .post(`/cases/${body.id}/subjects`)
      .set('Idempotency-Key', key)
      .send(subject)
      .expect(200);
    expect(again.body).toEqual(added.body);
    const other = await http().post(`/cases/${body.id}/subjects`).send(subject).expect(200);
    expect(other.body.subjectId).not.toBe(added.body.subjectId);
    const read = await http().get(`/cases/${body.id}`).expect(200);
    expect(read.body.subjects.map((x: { subjectId: string }) => x.subjectId)).toEqual([
      added.body.subjectId,
      other.body.subjectId,
    ]);
  });

  it('walks subjects, sharing, revoking and closing; a closed case refuses more', async () => {
    const { body } = await openCase().expect(201);
    const subject = await http()
      .post(`/cases/${body.id}/subjects`)
      .send({ name: 'Daniel Okafor', role: 'defendant', dateOfBirth: '1988-04-12' })
      .expect(200);
    expect(subject.body).toMatchObject({ revision: '1', events: ['SubjectAdded'] });
    await http()
      .post(`/cases/${body.id}/shares`)
      .send({ agency: 'NCA', reason: 'Joint investigation' })
      .expect(200);
    const again = await http()
      .post(`/cases/${body.id}/shares`)
      .send({ agency: 'NCA', reason: 'Again' })
      .expect(422);
    expect(again.body).toMatchObject({ code: 'invalid_state', errors: [{ path: 'agency' }] });
    await http().delete(`/cases/${body.id}/shares/NCA`).send({ reason: 'Concluded' }).expect(200);
    await http().post(`/cases/${body.id}/close`).send({ reason: 'No further action' }).expect(200);
    const read = await http().get(`/cases/${body.id}`).expect(200);
    expect(read.body).toMatchObject({ status: 'closed', sharedWith: [], revision: '4' });
    expect(read.body.subjects).toEqual([
      expect.objectContaining({ name: 'Daniel Okafor', role: 'defendant' }),
    ]);
    const closed = await http()
      .post(`/cases/${body.id}/subjects`)
      .send({ name: 'X', role: 'suspect' })
      .expect(422);
    expect(closed.body.code).toBe('case_closed');
  });

  it('refuses a case reference already taken, and writes nothing', async () => {
    const ref = reference();
    await http().post('/cases').send({ reference: ref, title: 'First' }).expect(201);
    const before = await eventCount();
    const taken = await http()
      .post('/cases')
      .send({ reference: ref.toLowerCase(), title: 'Second' })
      .expect(422);
    expect(taken.body).toMatchObject({
      code: 'case_reference_taken',
      errors: [{ path: 'reference' }],
    });
    expect(await eventCount()).toBe(before);
  });

  it('R3: the same Idempotency-Key ten times, some at once: one set of events, identical responses', async () => {
    const key = uuidv4();
    const body = { reference: reference(), title: 'Idempotent' };
    const before = await eventCount();
    const send = () => http().post('/cases').set('Idempotency-Key', key).send(body);
    const concurrent = await Promise.all([send(), send(), send(), send(), send()]);
    const sequential = [];
    for (let i = 0; i < 5; i++) sequential.push(await send());
    const all = [...concurrent, ...sequential];
    expect(new Set(all.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(all.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(new Set(all.map((r) => r.headers.etag)).size).toBe(1);
    expect(await eventCount()).toBe(before + 2); // the reference reservation and CaseOpened
  });

  it('the same Idempotency-Key with another body is 422 idempotency_key_reused, and reserves nothing', async () => {
    const key = uuidv4();
    await http()
      .post('/cases')
      .set('Idempotency-Key', key)
      .send({ reference: reference(), title: 'One' })
      .expect(201);
    const before = await eventCount();
    const reused = await http()
      .post('/cases')
      .set('Idempotency-Key', key)
      .send({ reference: reference(), title: 'Two' })
      .expect(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(await eventCount()).toBe(before);
  });

  it('the same key sent at once with two different references: one case, and the other reference stays free', async () => {
    const key = uuidv4();
    const [refA, refB] = [reference(), reference()];
    const responses = await Promise.all([
      http().post('/cases').set('Idempotency-Key', key).send({ reference: refA, title: 'A' }),
      http().post('/cases').set('Idempotency-Key', key).send({ reference: refB, title: 'B' }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 422]);
    const loser = responses.find((r) => r.status === 422);
    expect(loser?.body.code).toBe('idempotency_key_reused');
    const free = responses[0].status === 422 ? refA : refB;
    await http().post('/cases').send({ reference: free, title: 'Free after all' }).expect(201);
  });

  it('If-Match makes a command conditional: stale is 409 with the current revision', async () => {
    const { body } = await openCase().expect(201);
    await http()
      .post(`/cases/${body.id}/subjects`)
      .set('If-Match', '"0"')
      .send({ name: 'A', role: 'suspect' })
      .expect(200);
    const stale = await http()
      .post(`/cases/${body.id}/subjects`)
      .set('If-Match', '"0"')
      .send({ name: 'B', role: 'suspect' })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'concurrency_conflict', currentRevision: '1' });
  });

  it('bad input: each field named, nothing written', async () => {
    const before = await eventCount();
    const bad = await http()
      .post('/cases')
      .send({ reference: '!', title: '', jurisdiction: 'Scotland', leadAgency: 'M P S', extra: 1 })
      .expect(400);
    const paths = (bad.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['extra', 'jurisdiction', 'leadAgency', 'reference', 'title']);
    const future = await http()
      .post('/cases')
      .send({ reference: reference(), title: 'T', occurredAt: '2999-01-01T00:00:00Z' })
      .expect(422);
    expect(future.body).toMatchObject({ code: 'future_date', errors: [{ path: 'occurredAt' }] });
    await http()
      .post('/cases')
      .set('Idempotency-Key', 'not-a-uuid')
      .send({ reference: reference(), title: 'T' })
      .expect(400);
    await http()
      .post('/cases')
      .set('If-Match', 'yesterday')
      .send({ reference: reference(), title: 'T' })
      .expect(400);
    expect(await eventCount()).toBe(before);
  });

  it('unknown or malformed ids are 404', async () => {
    await http().get('/cases/not-a-uuid').expect(404);
    await http().get(`/cases/${uuidv4()}`).expect(404);
    const missing = await http()
      .post(`/cases/${uuidv4()}/subjects`)
      .send({ name: 'A', role: 'suspect' })
      .expect(404);
    expect(missing.body.code).toBe('not_found');
  });
});

describe('GET /cases/{id}: the case with its assets and orders', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());
  const http = () => t.http();

  it('lists the assets seized on it and its orders, reading its own writes', async () => {
    const c = await http()
      .post('/cases')
      .send({ reference: 'MPS/ECU/2026/0900', title: 'Contents' })
      .expect(201);
    await http()
      .post(`/cases/${c.body.id}/subjects`)
      .send({ name: 'A Person', role: 'defendant' })
      .expect(200);
    const subjectId = (await http().get(`/cases/${c.body.id}`).expect(200)).body.subjects[0]
      .subjectId as string;
    const seized = await http()
      .post('/assets')
      .send({
        caseId: c.body.id,
        exhibitRef: 'CT/1',
        power: 'POCA_S294_CASH',
        category: 'cash',
        description: 'Cash',
        location: 'W2',
        custodyLocation: 'Paddington',
        declared: { amount: '5000.00', currency: 'GBP' },
      })
      .expect(201);
    const order = await http()
      .post('/restraint-orders')
      .send({
        caseId: c.body.id,
        subjectId,
        orderRef: 'RO/900',
        court: 'Southwark Crown Court',
        coversAllRealisableProperty: true,
      })
      .expect(201);
    const read = await http()
      .get(`/cases/${c.body.id}`)
      .query({ minPosition: order.body.position })
      .expect(200);
    expect(read.body.assets).toEqual([
      {
        assetId: seized.body.id,
        exhibitRef: 'CT/1',
        category: 'cash',
        power: 'POCA_S294_CASH',
        status: 'held',
        description: 'Cash',
        currentValueGbp: { amount: '5000.00', currency: 'GBP' },
      },
    ]);
    expect(read.body.orders).toEqual([
      expect.objectContaining({
        orderId: order.body.id,
        kind: 'restraint',
        orderRef: 'RO/900',
        status: 'active',
      }),
    ]);
    expect(read.headers['x-ledger-position']).toBeDefined();
  });
});
