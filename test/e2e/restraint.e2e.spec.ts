import { v4 as uuidv4 } from 'uuid';
import { collect } from '../support/async';
import { openCaseWithDefendant } from './support/cases';
import { startTestApp, TestApp } from './support/test-app';

describe('restraint orders over HTTP (real embedded store)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());
  const http = () => t.http();
  /**
   * Events on the streams these routes write (case, restraint). Asset streams are left out: the
   * restraint workflow, where it runs, links assets to orders in the background.
   */
  const eventCount = async () =>
    (await collect(t.store.readAll())).filter((e) => !e.streamId.startsWith('asset-')).length;
  const events = async (stream: string) =>
    (await collect(t.store.readStream(stream))).map((e) => e.type);

  let n = 0;

  const openCase = () =>
    openCaseWithDefendant(t, {
      reference: `MPS/ECU/2026/R${String(++n).padStart(3, '0')}`,
      title: 'Operation Stimtone: restraint',
    });

  /** Seizes a vehicle in the case through POST /assets (s.47C: the confiscation track). */
  async function seize(caseId: string): Promise<string> {
    const res = await http()
      .post('/assets')
      .send({
        caseId,
        exhibitRef: `DO/${++n}`,
        power: 'POCA_S47C',
        category: 'vehicle',
        description: 'Range Rover Sport, black',
        location: '4 Acacia Avenue, Croydon',
        custodyLocation: 'Croydon vehicle pound',
        declared: { amount: '45000.00', currency: 'GBP' },
        occurredAt: '2026-01-10T09:00:00Z',
      })
      .expect(201);
    return res.body.id as string;
  }

  /**
   * Waits for the restraint workflow (a reactor, in the background) to link the asset's stream to
   * exactly these orders, as GET /assets/{id} shows them.
   */
  async function restrainedBy(assetId: string, orderIds: string[]): Promise<void> {
    const deadline = Date.now() + 5000;
    let last: unknown;
    while (Date.now() < deadline) {
      const read = await http().get(`/assets/${assetId}`).expect(200);
      last = read.body.restrainedBy;
      if (JSON.stringify(last) === JSON.stringify(orderIds)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(
      `asset ${assetId} restrainedBy ${JSON.stringify(last)}, not ${JSON.stringify(orderIds)}`,
    );
  }

  const orderBody = (
    c: { caseId: string; subjectId: string },
    assetIds: string[],
    over: Record<string, unknown> = {},
  ) => ({
    caseId: c.caseId,
    subjectId: c.subjectId,
    orderRef: 'T20267001',
    court: 'Southwark Crown Court',
    assetIds,
    exceptions: [
      {
        purpose: 'Reasonable living expenses',
        amountPerWeek: { amount: '250.00', currency: 'GBP' },
      },
    ],
    occurredAt: '2026-01-15T10:00:00Z',
    ...over,
  });

  it('makes, varies, appoints a receiver and discharges an order; GET reads each step back', async () => {
    const c = await openCase();
    const [car, boat, flat] = [await seize(c.caseId), await seize(c.caseId), await seize(c.caseId)];

    const made = await http()
      .post('/restraint-orders')
      .send(orderBody(c, [car, boat]))
      .expect(201);
    expect(made.body).toMatchObject({ revision: '0', events: ['RestraintOrderMade'] });
    expect(made.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(made.headers.etag).toBe('"0"');
    const id = made.body.id as string;
    await restrainedBy(car, [id]);
    await restrainedBy(boat, [id]);

    const read = await http().get(`/restraint-orders/${id}`).expect(200);
    expect(read.headers.etag).toBe('"0"');
    expect(read.body).toEqual({
      id,
      revision: '0',
      status: 'active',
      caseId: c.caseId,
      subjectId: c.subjectId,
      orderRef: 'T20267001',
      court: 'Southwark Crown Court',
      madeOn: '2026-01-15',
      occurredAt: '2026-01-15T10:00:00.000Z',
      assetIds: [car, boat],
      coversAllRealisableProperty: false,
      exceptions: [
        {
          purpose: 'Reasonable living expenses',
          amountPerWeek: { amount: '250.00', currency: 'GBP' },
        },
      ],
      receiver: null,
      variations: [],
      discharge: null,
    });

    const varied = await http()
      .post(`/restraint-orders/${id}/variations`)
      .send({
        addedAssetIds: [flat],
        removedAssetIds: [boat],
        exceptions: [{ purpose: 'Legal expenses' }],
        reason: 'Boat sold under direction; flat found',
        occurredAt: '2026-02-01T10:00:00Z',
      })
      .expect(200);
    expect(varied.body).toMatchObject({ id, revision: '1', events: ['RestraintOrderVaried'] });
    await restrainedBy(flat, [id]);
    await restrainedBy(boat, []);

    const receiver = await http()
      .post(`/restraint-orders/${id}/receivers`)
      .send({ receiver: 'Grant Thornton UK LLP', appointedAt: '2026-02-03' })
      .expect(200);
    expect(receiver.body).toMatchObject({ revision: '2', events: ['ManagementReceiverAppointed'] });

    const after = await http().get(`/restraint-orders/${id}`).expect(200);
    expect(after.body).toMatchObject({
      revision: '2',
      status: 'active',
      assetIds: [car, flat],
      exceptions: [{ purpose: 'Legal expenses' }],
      receiver: { receiver: 'Grant Thornton UK LLP', appointedAt: '2026-02-03' },
      variations: [
        {
          addedAssetIds: [flat],
          removedAssetIds: [boat],
          exceptions: [{ purpose: 'Legal expenses' }],
          reason: 'Boat sold under direction; flat found',
          occurredAt: '2026-02-01T10:00:00.000Z',
        },
      ],
    });

    await http()
      .post(`/restraint-orders/${id}/discharge`)
      .set('If-Match', '"2"')
      .send({ reason: 'Confiscation order satisfied' })
      .expect(200);
    const discharged = await http().get(`/restraint-orders/${id}`).expect(200);
    expect(discharged.body).toMatchObject({
      status: 'discharged',
      revision: '3',
      discharge: { reason: 'Confiscation order satisfied' },
    });
    expect(await events(`restraint-${id}`)).toEqual([
      'RestraintOrderMade',
      'RestraintOrderVaried',
      'ManagementReceiverAppointed',
      'RestraintOrderDischarged',
    ]);
    await restrainedBy(car, []);
    await restrainedBy(flat, []);

    // A discharged order takes nothing more, and nothing is written.
    const before = await eventCount();
    for (const [path, body] of [
      ['variations', { addedAssetIds: [boat], reason: 'again' }],
      ['receivers', { receiver: 'Someone else LLP' }],
      ['discharge', { reason: 'twice' }],
    ] as const) {
      const refused = await http().post(`/restraint-orders/${id}/${path}`).send(body).expect(422);
      expect(refused.body.code).toBe('order_discharged');
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await eventCount()).toBe(before);

    // Once discharged, its assets can be restrained by a new order (whether or not the workflow
    // has lifted the old links yet).
    await http()
      .post('/restraint-orders')
      .send(orderBody(c, [car]))
      .expect(201);
  });

  it('covers all realisable property without naming assets', async () => {
    const c = await openCase();
    const made = await http()
      .post('/restraint-orders')
      .send(orderBody(c, [], { coversAllRealisableProperty: true, exceptions: undefined }))
      .expect(201);
    const read = await http().get(`/restraint-orders/${made.body.id}`).expect(200);
    expect(read.body).toMatchObject({ coversAllRealisableProperty: true, assetIds: [] });
    const none = await http().post('/restraint-orders').send(orderBody(c, [])).expect(422);
    expect(none.body).toMatchObject({ code: 'invalid_state', errors: [{ path: 'assetIds' }] });
  });

  it('records a second order over an asset already restrained (both bind it), and warns', async () => {
    const c = await openCase();
    const [car, boat] = [await seize(c.caseId), await seize(c.caseId)];
    const first = await http()
      .post('/restraint-orders')
      .send(orderBody(c, [car]))
      .expect(201);
    const firstId = first.body.id as string;
    expect(first.body).not.toHaveProperty('warnings');

    // A co-defendant's order over the same car: lawful, recorded, with a warning.
    const second = await http()
      .post('/restraint-orders')
      .send(orderBody(c, [boat, car], { orderRef: 'T20267002' }))
      .expect(201);
    const secondId = second.body.id as string;
    expect(second.body.warnings).toEqual([
      {
        code: 'already_restrained',
        path: 'assetIds.1',
        detail: expect.stringContaining(firstId) as string,
        restrainedBy: [firstId],
      },
    ]);
    await restrainedBy(car, [firstId, secondId]);
    await restrainedBy(boat, [secondId]);

    // Adding the car to a third order by variation: recorded, with the same warning.
    const { body: other } = await http()
      .post('/restraint-orders')
      .send(orderBody(c, [], { orderRef: 'T20267003', coversAllRealisableProperty: true }))
      .expect(201);
    const addCar = await http()
      .post(`/restraint-orders/${other.id}/variations`)
      .send({ addedAssetIds: [car], reason: 'Add the car' })
      .expect(200);
    expect(addCar.body.warnings).toMatchObject([
      { code: 'already_restrained', path: 'addedAssetIds.0', restrainedBy: [firstId, secondId] },
    ]);

    // Each order binds it: discharging one is not enough to release it.
    await http()
      .post(`/restraint-orders/${firstId}/discharge`)
      .send({ reason: 'Varied on appeal' })
      .expect(200);
    const release = await http()
      .post(`/assets/${car}/release`)
      .send({ reason: 'no_further_action', releasedTo: 'Daniel Okafor' })
      .expect(422);
    expect(release.body.code).toBe('asset_restrained');
  });

  it('refuses assets that are not held, of another case, or unknown; a closed case; an unknown subject', async () => {
    const c = await openCase();
    const elsewhere = await openCase();
    const [released, foreign] = [await seize(c.caseId), await seize(elsewhere.caseId)];
    await http()
      .post(`/assets/${released}/release`)
      .send({ reason: 'no_further_action', releasedTo: 'Daniel Okafor' })
      .expect(200);
    const before = await eventCount();

    const notHeld = await http()
      .post('/restraint-orders')
      .send(orderBody(c, [released]))
      .expect(422);
    expect(notHeld.body).toMatchObject({
      code: 'asset_not_held',
      errors: [{ path: 'assetIds.0' }],
    });
    const otherCase = await http()
      .post('/restraint-orders')
      .send(orderBody(c, [foreign]))
      .expect(422);
    expect(otherCase.body).toMatchObject({
      code: 'invalid_state',
      errors: [{ path: 'assetIds.0' }],
    });
    const unknown = await http()
      .post('/restraint-orders')
      .send(orderBody(c, [uuidv4()]))
      .expect(404);
    expect(unknown.body).toMatchObject({ code: 'not_found', errors: [{ path: 'assetIds.0' }] });
    const noCase = await http()
      .post('/restraint-orders')
      .send(
        orderBody({ caseId: uuidv4(), subjectId: c.subjectId }, [], {
          coversAllRealisableProperty: true,
        }),
      )
      .expect(404);
    expect(noCase.body).toMatchObject({ code: 'not_found', errors: [{ path: 'caseId' }] });
    const noSubject = await http()
      .post('/restraint-orders')
      .send(
        orderBody({ caseId: c.caseId, subjectId: uuidv4() }, [], {
          coversAllRealisableProperty: true,
        }),
      )
      .expect(404);
    expect(noSubject.body).toMatchObject({ code: 'not_found', errors: [{ path: 'subjectId' }] });
    const twice = await http()
      .post('/restraint-orders')
      .send(orderBody(c, [released, released]))
      .expect(422);
    expect(twice.body.errors[0].path).toBe('assetIds.1');
    expect(await eventCount()).toBe(before);

    await http().post(`/cases/${elsewhere.caseId}/close`).send({ reason: 'NFA' }).expect(200);
    const closedBefore = await eventCount();
    const closed = await http()
      .post('/restraint-orders')
      .send(orderBody(elsewhere, [foreign]))
      .expect(422);
    expect(closed.body).toMatchObject({ code: 'case_closed', errors: [{ path: 'caseId' }] });
    expect(await eventCount()).toBe(closedBefore);
  });

  it('bad input on every route: 400 naming each field, nothing written', async () => {
    const c = await openCase();
    const car = await seize(c.caseId);
    const { body: order } = await http()
      .post('/restraint-orders')
      .send(orderBody(c, [car]))
      .expect(201);
    const before = await eventCount();
    const paths = (body: unknown) =>
      ((body as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path).sort();

    const make = await http()
      .post('/restraint-orders')
      .send({
        caseId: 'case-1',
        orderRef: '',
        court: 7,
        assetIds: ['not-an-id'],
        coversAllRealisableProperty: 'yes',
        exceptions: [{ purpose: 'Living', amountPerWeek: { amount: 250, currency: 'pounds' } }],
        occurredAt: 'yesterday',
        extra: true,
      })
      .expect(400);
    expect(make.body.code).toBe('validation_failed');
    expect(paths(make.body)).toEqual([
      'assetIds',
      'caseId',
      'court',
      'coversAllRealisableProperty',
      'exceptions.0.amountPerWeek.amount',
      'exceptions.0.amountPerWeek.currency',
      'extra',
      'occurredAt',
      'orderRef',
      'subjectId',
    ]);

    const vary = await http()
      .post(`/restraint-orders/${order.id}/variations`)
      .send({ addedAssetIds: 'car', removedAssetIds: [1], exceptions: 'none', unknown: 1 })
      .expect(400);
    expect(paths(vary.body)).toEqual([
      'addedAssetIds',
      'exceptions',
      'reason',
      'removedAssetIds',
      'unknown',
    ]);
    const discharge = await http()
      .post(`/restraint-orders/${order.id}/discharge`)
      .send({ reason: '', occurredAt: '2026-01-15' })
      .expect(400);
    expect(paths(discharge.body)).toEqual(['occurredAt', 'reason']);
    const receiver = await http()
      .post(`/restraint-orders/${order.id}/receivers`)
      .send({ receiver: ['x'], appointedAt: '2026-02-30' })
      .expect(400);
    expect(paths(receiver.body)).toEqual(['appointedAt', 'receiver']);

    // Rules the domain checks: 422 naming the field.
    const future = await http()
      .post('/restraint-orders')
      .send(
        orderBody(c, [], { coversAllRealisableProperty: true, occurredAt: '2999-01-01T00:00:00Z' }),
      )
      .expect(422);
    expect(future.body).toMatchObject({ code: 'future_date', errors: [{ path: 'occurredAt' }] });
    const negative = await http()
      .post(`/restraint-orders/${order.id}/variations`)
      .send({
        exceptions: [{ purpose: 'Living', amountPerWeek: { amount: '-1.00', currency: 'GBP' } }],
        reason: 'r',
      })
      .expect(422);
    expect(negative.body).toMatchObject({
      code: 'invalid_money',
      errors: [{ path: 'exceptions.0.amountPerWeek.amount' }],
    });
    const currency = await http()
      .post(`/restraint-orders/${order.id}/variations`)
      .send({
        exceptions: [{ purpose: 'Living', amountPerWeek: { amount: '1.00', currency: 'XYZ' } }],
        reason: 'r',
      })
      .expect(422);
    expect(currency.body.code).toBe('invalid_money');
    const early = await http()
      .post(`/restraint-orders/${order.id}/receivers`)
      .send({ receiver: 'R LLP', appointedAt: '2026-01-01' })
      .expect(422);
    expect(early.body).toMatchObject({ code: 'invalid_date', errors: [{ path: 'appointedAt' }] });
    const futureReceiver = await http()
      .post(`/restraint-orders/${order.id}/receivers`)
      .send({ receiver: 'R LLP', appointedAt: '2999-01-01' })
      .expect(422);
    expect(futureReceiver.body.code).toBe('future_date');
    const notOnOrder = await http()
      .post(`/restraint-orders/${order.id}/variations`)
      .send({ removedAssetIds: [uuidv4()], reason: 'r' })
      .expect(422);
    expect(notOnOrder.body).toMatchObject({
      code: 'invalid_state',
      errors: [{ path: 'removedAssetIds.0' }],
    });
    const nothing = await http()
      .post(`/restraint-orders/${order.id}/variations`)
      .send({ reason: 'nothing' })
      .expect(422);
    expect(nothing.body.code).toBe('invalid_state');

    expect(await eventCount()).toBe(before);
    expect(await events(`restraint-${order.id}`)).toEqual(['RestraintOrderMade']);
  });

  it('Idempotency-Key: a repeated order is recorded once, with identical responses', async () => {
    const c = await openCase();
    const car = await seize(c.caseId);
    const key = uuidv4();
    const before = await eventCount();
    const send = () =>
      http()
        .post('/restraint-orders')
        .set('Idempotency-Key', key)
        .send(orderBody(c, [car]));
    const responses = [await send(), await send(), await send()];
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await eventCount()).toBe(before + 1);
    const reused = await http()
      .post('/restraint-orders')
      .set('Idempotency-Key', key)
      .send(orderBody(c, [car], { orderRef: 'OTHER' }))
      .expect(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
  });

  it('unknown or malformed ids are 404', async () => {
    await http().get('/restraint-orders/not-a-uuid').expect(404);
    const missing = await http().get(`/restraint-orders/${uuidv4()}`).expect(404);
    expect(missing.body.code).toBe('not_found');
    for (const [path, body] of [
      ['variations', { removedAssetIds: [uuidv4()], reason: 'r' }],
      ['discharge', { reason: 'r' }],
      ['receivers', { receiver: 'R LLP' }],
    ] as const) {
      const before = await eventCount();
      const res = await http().post(`/restraint-orders/${uuidv4()}/${path}`).send(body).expect(404);
      expect(res.body.code).toBe('not_found');
      await http().post(`/restraint-orders/nope/${path}`).send(body).expect(404);
      expect(await eventCount()).toBe(before);
    }
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await http().get('/docs-json').expect(200);
    const paths = doc.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/restraint-orders',
        '/restraint-orders/{id}',
        '/restraint-orders/{id}/variations',
        '/restraint-orders/{id}/discharge',
        '/restraint-orders/{id}/receivers',
      ]),
    );
    expect(doc.body.components.schemas).toHaveProperty('MakeRestraintOrderDto');
    expect(doc.body.components.schemas).toHaveProperty('RestraintOrderSummary');
  });
});
