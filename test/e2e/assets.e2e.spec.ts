import { v4 as uuidv4 } from 'uuid';
import { bearer } from '../support/tokens';
import { as, assetHelpers, EUR_RATE, money } from './support/assets';
import { startTestApp, TestApp } from './support/test-app';

describe('assets over HTTP: seizure to forfeiture, valuations, re-basing (real embedded store)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());
  let helpers: ReturnType<typeof assetHelpers>;
  beforeAll(() => (helpers = assetHelpers(t)));

  describe('(a) cash seized on a Friday: detention, extension, notice, objection, forfeiture', () => {
    it('euro cash: EUR 12,500.00 at 0.8567 is GBP 10,708.75, and every step reads back', async () => {
      const { openCase, cashBody, command, read } = helpers;
      const caseId = await openCase();
      const body = cashBody(caseId, {
        cashBreakdown: [money('12500.00', 'EUR')],
        intelligence: { sourceType: 'border force', reference: 'BF/2026/118', confidential: false },
      });
      const seized = await helpers.http().post('/assets').send(body).expect(201);
      expect(seized.body).toMatchObject({ revision: '0', events: ['AssetSeized'] });
      expect(seized.headers.etag).toBe('"0"');
      const assetId = seized.body.id as string;
      expect(assetId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/); // uuid v7, from the server

      let view = (await read(assetId)).body;
      expect(view).toMatchObject({
        id: assetId,
        caseId,
        exhibitRef: body.exhibitRef,
        category: 'cash',
        status: 'held',
        held: true,
        legalBasis: { power: 'POCA_S294_CASH', since: '2026-11-27T10:00:00.000Z' },
        seizedAt: '2026-11-27T10:00:00.000Z',
        custodyLocation: 'Paddington Green property store',
        declared: { amount: '12500.00', currency: 'EUR' },
        declaredGbp: { amount: '10708.75', currency: 'GBP' },
        cashBreakdown: [{ amount: '12500.00', currency: 'EUR' }],
        fx: [EUR_RATE],
        intelligence: { sourceType: 'border force', reference: 'BF/2026/118', confidential: false },
        currentValuation: {
          source: 'declared',
          value: { amount: '12500.00', currency: 'EUR' },
          gbpValue: { amount: '10708.75', currency: 'GBP' },
          fx: EUR_RATE,
        },
        valuations: [],
        detention: null,
        restrainedBy: [],
        revision: '0',
        historyLength: 1,
      });

      // Friday 10:00 + 48 hours not counting Saturday and Sunday: Tuesday 10:00.
      const initial = await command(assetId, 'detentions', {
        kind: 'initial',
        authorisedBy: 'DS Amira Khan',
        occurredAt: '2026-11-27T10:05:00Z',
      }).expect(200);
      expect(initial.body).toMatchObject({
        id: assetId,
        revision: '1',
        events: ['DetentionOrdered'],
      });
      view = (await read(assetId)).body;
      expect(view).toMatchObject({
        status: 'detained',
        detention: {
          firstStartedAt: '2026-11-27T10:00:00.000Z',
          startsAt: '2026-11-27T10:00:00.000Z',
          expiresAt: '2026-12-01T10:00:00.000Z',
          kind: 'initial',
          orders: 1,
        },
      });

      // Magistrates: at most 6 months from the current expiry (1 Dec 2026 → 1 Jun 2027).
      const tooLong = await command(assetId, 'detentions', {
        kind: 'extension',
        orderRef: 'WMC/2026/1187',
        court: 'Westminster Magistrates’ Court',
        expiresAt: '2027-06-02T10:00:00Z',
        occurredAt: '2026-11-27T15:30:00Z',
      }).expect(422);
      expect(tooLong.body).toMatchObject({
        code: 'detention_order_too_long',
        errors: [{ path: 'expiresAt' }],
      });
      await command(assetId, 'detentions', {
        kind: 'extension',
        orderRef: 'WMC/2026/1187',
        court: 'Westminster Magistrates’ Court',
        // Made on 27 November 2026: 6 months beginning with it end with 26 May 2027.
        expiresAt: '2027-05-26T10:00:00Z',
        occurredAt: '2026-11-27T15:30:00Z',
      }).expect(200);
      view = (await read(assetId)).body;
      expect(view.detention).toEqual({
        firstStartedAt: '2026-11-27T10:00:00.000Z',
        firstOrderDate: '2026-11-27',
        orderDate: '2026-11-27',
        startsAt: '2026-12-01T10:00:00.000Z',
        expiresAt: '2027-05-26T10:00:00.000Z',
        kind: 'extension',
        orderRef: 'WMC/2026/1187',
        orders: 2,
        limit: { firstOrderDate: '2026-11-27', lastDay: '2028-11-26' },
      });

      await command(assetId, 'forfeiture-notices', {
        noticeRef: 'AFN/2026/0042',
        occurredAt: '2026-11-28T11:00:00Z',
      }).expect(200);
      view = (await read(assetId)).body;
      expect(view.status).toBe('notice_given');
      expect(view.forfeiture.notice).toEqual({
        noticeRef: 'AFN/2026/0042',
        givenAt: '2026-11-28',
        objectionDeadline: '2026-12-28', // 30 days starting with the day after the notice (s.297A)
        lapsed: false,
      });

      await command(assetId, 'forfeiture-objections', {
        objector: 'Hallam & Co, solicitors for the respondent',
        occurredAt: '2026-11-29T09:00:00Z',
      }).expect(200);
      view = (await read(assetId)).body;
      expect(view.status).toBe('detained');
      expect(view.forfeiture.notice).toMatchObject({
        lapsed: true,
        objection: {
          objector: 'Hallam & Co, solicitors for the respondent',
          receivedAt: '2026-11-29',
        },
      });
      // A lapsed notice cannot be used to forfeit.
      const byNotice = await command(assetId, 'forfeiture', {
        route: 'notice_s297A',
        occurredAt: '2026-11-29T09:30:00Z',
      }).expect(422);
      expect(byNotice.body.code).toBe('power_not_applicable');

      await command(assetId, 'forfeiture-applications', {
        court: 'Westminster Magistrates’ Court',
        occurredAt: '2026-11-29T10:00:00Z',
      }).expect(200);
      view = (await read(assetId)).body;
      expect(view.status).toBe('forfeiture_applied');
      expect(view.forfeiture.application).toEqual({
        court: 'Westminster Magistrates’ Court',
        appliedAt: '2026-11-29',
      });

      const forfeited = await command(assetId, 'forfeiture', {
        route: 'cash_s298',
        orderRef: 'WMC/2026/2210',
        court: 'Westminster Magistrates’ Court',
        amount: money('12500.00', 'EUR'),
        occurredAt: '2026-11-29T11:00:00Z',
      }).expect(200);
      expect(forfeited.body).toMatchObject({ revision: '6', events: ['AssetForfeited'] });
      expect(forfeited.headers.etag).toBe('"6"');
      view = (await read(assetId)).body;
      expect(view).toMatchObject({
        status: 'forfeited',
        held: false, // cash is paid over on forfeiture
        revision: '6',
        historyLength: 7,
        forfeiture: {
          forfeited: {
            route: 'cash_s298',
            orderRef: 'WMC/2026/2210',
            court: 'Westminster Magistrates’ Court',
            amount: { amount: '12500.00', currency: 'EUR' },
            gbpAmount: { amount: '10708.75', currency: 'GBP' },
            at: '2026-11-29T11:00:00.000Z',
            paidOver: true,
          },
        },
      });
      const after = await command(assetId, 'custody-transfers', {
        to: 'Force central safe',
        reason: 'Banking',
      }).expect(422);
      expect(after.body.code).toBe('asset_not_held');
    });

    it('sterling cash: GBP 25,000.00 forfeited at its whole value by default', async () => {
      const { openCase, cashBody, seize, command, read } = helpers;
      const caseId = await openCase();
      const assetId = await seize(
        cashBody(caseId, { declared: money('25000.00'), fx: undefined, description: '£50 notes' }),
      );
      let view = (await read(assetId)).body;
      expect(view).toMatchObject({
        declared: { amount: '25000.00', currency: 'GBP' },
        declaredGbp: { amount: '25000.00', currency: 'GBP' },
        fx: [],
        currentValuation: {
          source: 'declared',
          value: { amount: '25000.00', currency: 'GBP' },
          gbpValue: { amount: '25000.00', currency: 'GBP' },
        },
      });
      await command(assetId, 'detentions', {
        kind: 'initial',
        occurredAt: '2026-11-27T10:10:00Z',
      }).expect(200);
      view = (await read(assetId)).body;
      expect(view.detention.expiresAt).toBe('2026-12-01T10:00:00.000Z');
      await command(assetId, 'detentions', {
        kind: 'extension',
        orderRef: 'WMC/2026/1190',
        court: 'Westminster Magistrates’ Court',
        expiresAt: '2027-05-26T16:00:00Z',
        occurredAt: '2026-11-27T16:00:00Z',
      }).expect(200);
      await command(assetId, 'forfeiture-notices', {
        noticeRef: 'AFN/2026/0043',
        givenAt: '2026-11-28',
        occurredAt: '2026-11-28T12:00:00Z',
      }).expect(200);
      await command(assetId, 'forfeiture-objections', {
        objector: 'The person it was taken from',
        receivedAt: '2026-11-28',
        occurredAt: '2026-11-28T15:00:00Z',
      }).expect(200);
      await command(assetId, 'forfeiture-applications', {
        court: 'Westminster Magistrates’ Court',
        appliedAt: '2026-11-29',
        occurredAt: '2026-11-29T10:00:00Z',
      }).expect(200);
      await command(assetId, 'forfeiture', {
        route: 'cash_s298',
        orderRef: 'WMC/2026/2211',
        occurredAt: '2026-11-29T11:00:00Z',
      }).expect(200);
      view = (await read(assetId)).body;
      expect(view.status).toBe('forfeited');
      expect(view.detention).toMatchObject({
        startsAt: '2026-12-01T10:00:00.000Z',
        expiresAt: '2027-05-26T16:00:00.000Z',
        orders: 2,
      });
      expect(view.forfeiture.forfeited).toMatchObject({
        amount: { amount: '25000.00', currency: 'GBP' },
        gbpAmount: { amount: '25000.00', currency: 'GBP' },
      });
    });

    it('mixed cash: a breakdown of GBP 2,000.00 and EUR 3,000.00 is GBP 4,570.10', async () => {
      const { openCase, cashBody, seize, read } = helpers;
      const caseId = await openCase();
      const assetId = await seize(
        cashBody(caseId, {
          declared: money('4570.10'),
          cashBreakdown: [money('2000.00'), money('3000.00', 'EUR')],
        }),
      );
      const view = (await read(assetId)).body;
      expect(view.declaredGbp).toEqual({ amount: '4570.10', currency: 'GBP' });
      expect(view.cashBreakdown).toEqual([money('2000.00'), money('3000.00', 'EUR')]);
      expect(view.currentValuation).toEqual({
        source: 'declared',
        value: { amount: '4570.10', currency: 'GBP' },
        gbpValue: { amount: '4570.10', currency: 'GBP' },
      });
    });
  });

  describe('(b) valuations: a watch and a yacht', () => {
    it('values a watch in sterling and a yacht in euros; a withdrawn valuation stops counting', async () => {
      const { openCase, cashBody, seize, command, read } = helpers;
      const caseId = await openCase('Operation Stimtone: the marina');
      const watchId = await seize(
        cashBody(caseId, {
          power: 'POCA_S303J_LISTED',
          category: 'watch',
          description: 'Rolex Submariner 126610LN',
          declared: money('8500.00'),
          fx: undefined,
        }),
      );
      const yachtId = await seize(
        cashBody(caseId, {
          power: 'POCA_S47C',
          category: 'vessel',
          description: 'Sunseeker Manhattan 55 "Stimtone Lady"',
          location: 'Chelsea Harbour Marina',
          custodyLocation: 'Chelsea Harbour Marina, berth 12 (chained)',
          declared: undefined,
          fx: undefined,
        }),
      );
      expect((await read(yachtId)).body.currentValuation).toBeNull();

      const valued = await command(watchId, 'valuations', {
        basis: 'market',
        value: money('9250.00'),
        valuedAsAt: '2026-11-28',
        valuer: 'Bonhams, Knightsbridge',
        costsOfSale: money('925.00'),
        occurredAt: '2026-11-28T14:00:00Z',
      }).expect(200);
      expect(valued.body).toMatchObject({ id: watchId, revision: '1', events: ['AssetValued'] });
      const watch = (await read(watchId)).body;
      expect(watch.valuations).toEqual([
        {
          valuationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          basis: 'market',
          value: { amount: '9250.00', currency: 'GBP' },
          gbpValue: { amount: '9250.00', currency: 'GBP' },
          valuedAsAt: '2026-11-28',
          valuer: 'Bonhams, Knightsbridge',
          costsOfSale: { amount: '925.00', currency: 'GBP' },
          occurredAt: '2026-11-28T14:00:00.000Z',
          withdrawn: false,
        },
      ]);
      expect(watch.currentValuation).toEqual({
        source: 'valuation',
        value: { amount: '9250.00', currency: 'GBP' },
        gbpValue: { amount: '9250.00', currency: 'GBP' },
        valuationId: watch.valuations[0].valuationId,
        basis: 'market',
        valuer: 'Bonhams, Knightsbridge',
        valuedAsAt: '2026-11-28',
      });

      await command(yachtId, 'valuations', {
        basis: 'market',
        value: money('450000.00', 'EUR'),
        fx: EUR_RATE,
        valuedAsAt: '2026-11-27',
        valuer: 'Cooper & Co Marine Surveyors',
        occurredAt: '2026-11-27T16:00:00Z',
      }).expect(200);
      await command(yachtId, 'valuations', {
        basis: 'market',
        value: money('520000.00', 'EUR'),
        fx: { ...EUR_RATE, rateToGbp: '0.8571', asAt: '2026-11-28' },
        valuedAsAt: '2026-11-28',
        valuer: 'Harbour Brokers Ltd',
        notes: 'Asking price of a sister ship',
        occurredAt: '2026-11-28T16:00:00Z',
      }).expect(200);
      let yacht = (await read(yachtId)).body;
      const [first, second] = yacht.valuations as { valuationId: string }[];
      expect(yacht.valuations).toMatchObject([
        {
          value: { amount: '450000.00', currency: 'EUR' },
          gbpValue: { amount: '385515.00', currency: 'GBP' },
          fx: EUR_RATE,
          withdrawn: false,
        },
        {
          value: { amount: '520000.00', currency: 'EUR' },
          gbpValue: { amount: '445692.00', currency: 'GBP' },
          fx: { currency: 'EUR', rateToGbp: '0.8571' },
          notes: 'Asking price of a sister ship',
          withdrawn: false,
        },
      ]);
      expect(yacht.currentValuation).toMatchObject({
        valuationId: second.valuationId,
        value: { amount: '520000.00', currency: 'EUR' },
        gbpValue: { amount: '445692.00', currency: 'GBP' },
        fx: { currency: 'EUR', rateToGbp: '0.8571', asAt: '2026-11-28' },
        valuer: 'Harbour Brokers Ltd',
      });
      const asAt27 = (await read(yachtId, { asAt: '2026-11-27' })).body.currentValuation;
      expect(asAt27).toMatchObject({
        asAt: '2026-11-27',
        valuationId: first.valuationId,
        gbpValue: { amount: '385515.00', currency: 'GBP' },
      });
      expect((await read(yachtId, { asAt: '2026-11-26' })).body.currentValuation).toBeNull();

      // A supervisor withdraws the second valuation: the first counts again.
      const withdrawn = await command(
        yachtId,
        `valuations/${second.valuationId}/withdrawal`,
        { reason: 'Not a valuation of this vessel' },
        as('supervisor'),
      ).expect(200);
      expect(withdrawn.body).toMatchObject({ revision: '3', events: ['ValuationWithdrawn'] });
      yacht = (await read(yachtId)).body;
      expect((yacht.valuations as { withdrawn: boolean }[]).map((v) => v.withdrawn)).toEqual([
        false,
        true,
      ]);
      expect(yacht.valuations[1].withdrawnReason).toBe('Not a valuation of this vessel');
      expect(yacht.currentValuation).toMatchObject({
        source: 'valuation',
        valuationId: first.valuationId,
        gbpValue: { amount: '385515.00', currency: 'GBP' },
        valuer: 'Cooper & Co Marine Surveyors',
      });
      const again = await command(
        yachtId,
        `valuations/${second.valuationId}/withdrawal`,
        { reason: 'Twice' },
        as('supervisor'),
      ).expect(422);
      expect(again.body.code).toBe('invalid_state');
      const unknown = await command(
        yachtId,
        `valuations/${uuidv4()}/withdrawal`,
        { reason: 'No such valuation' },
        as('supervisor'),
      ).expect(404);
      expect(unknown.body.code).toBe('not_found');
    });

    it('rounds half-up to the penny: EUR 1,234.57 at 0.8567 is GBP 1,057.66', async () => {
      const { openCase, cashBody, seize, command, read } = helpers;
      const caseId = await openCase();
      const assetId = await seize(
        cashBody(caseId, {
          power: 'PACE_S19',
          category: 'jewellery',
          description: 'Gold chain',
          declared: undefined,
          fx: undefined,
        }),
      );
      await command(assetId, 'valuations', {
        basis: 'market',
        value: money('1234.57', 'EUR'),
        fx: EUR_RATE,
        valuedAsAt: '2026-11-27',
        valuer: 'Hatton Garden Assay',
      }).expect(200);
      const view = (await read(assetId)).body;
      expect(view.currentValuation.gbpValue).toEqual({ amount: '1057.66', currency: 'GBP' });
    });
  });

  describe('(c) the legal basis', () => {
    it('a PACE evidential hold re-based to s.294 (LegalBasisChanged), then detained from then', async () => {
      const { openCase, cashBody, seize, command, read, http } = helpers;
      const caseId = await openCase();
      const assetId = await seize(
        cashBody(caseId, { power: 'PACE_S19', declared: money('4200.00'), fx: undefined }),
      );
      const noClock = await command(assetId, 'detentions', { kind: 'initial' }).expect(422);
      expect(noClock.body.code).toBe('power_not_applicable');
      const changed = await command(assetId, 'legal-basis', {
        to: 'POCA_S294_CASH',
        reason: 'PACE evidential hold re-based to s.294 after interview',
        occurredAt: '2026-11-27T14:00:00Z',
      }).expect(200);
      expect(changed.body).toMatchObject({ revision: '1', events: ['LegalBasisChanged'] });
      const view = (await read(assetId)).body;
      expect(view.legalBasis).toEqual({
        power: 'POCA_S294_CASH',
        since: '2026-11-27T14:00:00.000Z',
      });
      await command(assetId, 'detentions', { kind: 'initial' }).expect(200);
      // Friday 14:00 + 48 counted hours = Tuesday 14:00.
      expect((await read(assetId)).body.detention.expiresAt).toBe('2026-12-01T14:00:00.000Z');
      const history = await http().get(`/assets/${assetId}/history`).expect(200);
      expect(history.body.events[1]).toMatchObject({
        type: 'LegalBasisChanged',
        data: {
          from: 'PACE_S19',
          to: 'POCA_S294_CASH',
          reason: 'PACE evidential hold re-based to s.294 after interview',
        },
      });
    });

    it('refuses a re-basing that does not apply, or falls below the minimum, writing nothing', async () => {
      const { openCase, cashBody, seize, command, read, eventCount } = helpers;
      const caseId = await openCase();
      const watchId = await seize(
        cashBody(caseId, {
          power: 'PACE_S19',
          category: 'watch',
          description: 'Omega Seamaster',
          declared: money('3100.00'),
          fx: undefined,
        }),
      );
      const smallId = await seize(
        cashBody(caseId, { power: 'PACE_S22', declared: money('600.00'), fx: undefined }),
      );
      const euroId = await seize(
        cashBody(caseId, { power: 'PACE_S19', declared: money('3000.00', 'EUR'), fx: undefined }),
      );
      const before = await eventCount();
      const notCash = await command(watchId, 'legal-basis', {
        to: 'POCA_S294_CASH',
        reason: 'Re-based',
      }).expect(422);
      expect(notCash.body).toMatchObject({
        code: 'power_not_applicable',
        errors: [{ path: 'to' }],
      });
      const small = await command(smallId, 'legal-basis', {
        to: 'POCA_S294_CASH',
        reason: 'Re-based',
      }).expect(422);
      expect(small.body).toMatchObject({
        code: 'below_minimum_amount',
        details: { minimumGbp: '1000.00', valueGbp: '600.00' },
      });
      const noRate = await command(euroId, 'legal-basis', {
        to: 'POCA_S294_CASH',
        reason: 'Re-based',
      }).expect(422);
      expect(noRate.body).toMatchObject({ code: 'fx_rate_required', errors: [{ path: 'fx' }] });
      const s47c = await command(euroId, 'legal-basis', {
        to: 'POCA_S47C',
        reason: 'Confiscation track',
      }).expect(422);
      expect(s47c.body.code).toBe('power_not_applicable');
      expect(await eventCount()).toBe(before);
      expect((await read(smallId)).body.legalBasis.power).toBe('PACE_S22');

      // With the rate given, EUR 3,000.00 at 0.8567 is GBP 2,570.10: enough.
      await command(euroId, 'legal-basis', {
        to: 'POCA_S294_CASH',
        reason: 'Re-based with the rate of the day of seizure',
        fx: [EUR_RATE],
      }).expect(200);
      const euro = (await read(euroId)).body;
      expect(euro).toMatchObject({
        legalBasis: { power: 'POCA_S294_CASH' },
        declaredGbp: { amount: '2570.10', currency: 'GBP' },
        fx: [EUR_RATE],
        currentValuation: { source: 'declared', gbpValue: { amount: '2570.10', currency: 'GBP' } },
      });
    });
  });

  describe('(h) Idempotency-Key on POST /assets', () => {
    it('the same key and body: one seizure, identical responses; another body: 422', async () => {
      const { openCase, cashBody, eventCount, http, read } = helpers;
      const caseId = await openCase();
      const key = uuidv4();
      const body = cashBody(caseId);
      const before = await eventCount();
      const send = () => http().post('/assets').set('Idempotency-Key', key).send(body);
      const concurrent = await Promise.all([send(), send(), send()]);
      const sequential = [await send(), await send()];
      const all = [...concurrent, ...sequential];
      expect(all.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(all.map((r) => JSON.stringify(r.body))).size).toBe(1);
      expect(new Set(all.map((r) => r.headers.etag)).size).toBe(1);
      expect(await eventCount()).toBe(before + 2); // the exhibit reservation and AssetSeized
      expect((await read(all[0].body.id as string)).body.historyLength).toBe(1);

      const reused = await http()
        .post('/assets')
        .set('Idempotency-Key', key)
        .send({ ...body, description: 'Another description' })
        .expect(422);
      expect(reused.body.code).toBe('idempotency_key_reused');
      expect(await eventCount()).toBe(before + 2);

      // Keys on asset commands too: a retried valuation is recorded once.
      const valuationKey = uuidv4();
      const value = () =>
        http()
          .post(`/assets/${all[0].body.id}/valuations`)
          .set('Idempotency-Key', valuationKey)
          .send({
            basis: 'exchange_rate',
            value: money('12500.00', 'EUR'),
            fx: EUR_RATE,
            valuedAsAt: '2026-11-27',
            valuer: 'Force finance',
          });
      const [v1, v2] = [await value(), await value()];
      expect(v1.status).toBe(200);
      expect(v2.body).toEqual(v1.body);
      expect((await read(all[0].body.id as string)).body.valuations).toHaveLength(1);
    });
  });

  describe('(i) history', () => {
    it('lists the events in order with when, who and what; a confidential reference is [protected]', async () => {
      const { openCase, cashBody, seize, command, http, read } = helpers;
      const caseId = await openCase();
      const assetId = await seize(
        cashBody(caseId, {
          intelligence: {
            sourceType: 'retail partner',
            reference: 'SECRET-SOURCE-7731',
            confidential: true,
          },
        }),
        bearer({ sub: 'DC 4411', agency: 'MPS' }),
      );
      await command(
        assetId,
        'custody-transfers',
        {
          to: 'Force central safe, Lambeth',
          sealNumber: 'MPS-SEAL-004417',
          reason: 'Counted and sealed',
          occurredAt: '2026-11-27T12:00:00Z',
        },
        bearer({ sub: 'PC 2210', agency: 'MPS' }),
      ).expect(200);
      await command(
        assetId,
        'detentions',
        { kind: 'initial', occurredAt: '2026-11-27T12:30:00Z' },
        bearer({ sub: 'DS 1002', roles: ['court_liaison'] }),
      ).expect(200);

      // A court liaison officer, even of the lead agency, reads the confidential source as
      // [protected]; the lead agency's investigators and supervisors see it.
      const res = await http()
        .get(`/assets/${assetId}/history`)
        .set(bearer({ roles: ['court_liaison'] }))
        .expect(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.text).not.toContain('SECRET-SOURCE-7731');
      const seen = await http()
        .get(`/assets/${assetId}/history`)
        .set(bearer({ sub: 'DC 4411', roles: ['investigator'] }))
        .expect(200);
      expect(seen.body.events[0].data.intelligence.reference).toBe('SECRET-SOURCE-7731');
      expect(res.body.assetId).toBe(assetId);
      const events = res.body.events as Record<string, unknown>[];
      expect(events.map((e) => e.type)).toEqual([
        'AssetSeized',
        'CustodyTransferred',
        'DetentionOrdered',
      ]);
      expect(events.map((e) => e.revision)).toEqual(['0', '1', '2']);
      expect(events.map((e) => e.occurredAt)).toEqual([
        '2026-11-27T10:00:00.000Z',
        '2026-11-27T12:00:00.000Z',
        '2026-11-27T12:30:00.000Z',
      ]);
      expect(events.map((e) => e.actor)).toEqual(['DC 4411', 'PC 2210', 'DS 1002']);
      expect(events.map((e) => e.agency)).toEqual(['MPS', 'MPS', 'MPS']);
      expect(events.map((e) => e.role)).toEqual(['investigator', 'investigator', 'court_liaison']);
      // Tamper evidence: each event's hash, chained from 64 zeros.
      expect(events.map((e) => e.prevHash)).toEqual([
        '0'.repeat(64),
        events[0].hash,
        events[1].hash,
      ]);
      expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash as string))).toBe(true);
      const recorded = events.map((e) => Date.parse(e.recordedAt as string));
      expect(recorded.every((ms) => Number.isFinite(ms))).toBe(true);
      expect([...recorded].sort((a, b) => a - b)).toEqual(recorded);
      const positions = events.map((e) => BigInt(e.position as string));
      expect(positions[0] < positions[1] && positions[1] < positions[2]).toBe(true);
      expect(events[0].data).toMatchObject({
        assetId,
        caseId,
        declaredGbp: { amount: '10708.75', currency: 'GBP' },
        intelligence: {
          sourceType: 'retail partner',
          reference: '[protected]',
          confidential: true,
        },
      });
      expect(events[1].data).toEqual({
        from: 'Paddington Green property store',
        to: 'Force central safe, Lambeth',
        sealNumber: 'MPS-SEAL-004417',
        reason: 'Counted and sealed',
        occurredAt: '2026-11-27T12:00:00.000Z',
      });

      const view = await http()
        .get(`/assets/${assetId}`)
        .set(bearer({ roles: ['court_liaison', 'finance'] }))
        .expect(200);
      expect(view.text).not.toContain('SECRET-SOURCE-7731');
      expect(view.body.intelligence).toEqual({
        sourceType: 'retail partner',
        reference: '[protected]',
        confidential: true,
      });
      expect(view.body.custodyLocation).toBe('Force central safe, Lambeth');
      expect((await read(assetId)).body.intelligence.reference).toBe('SECRET-SOURCE-7731');
      // The store keeps the real reference: only what is shown is protected.
      const stored = await t.store.readStream(`asset-${assetId}`)[Symbol.asyncIterator]().next();
      expect(JSON.stringify(stored.value?.data)).toContain('SECRET-SOURCE-7731');
    });

    it('unknown or malformed asset ids are 404; a bad asAt is 400', async () => {
      const { http, openCase, cashBody, seize } = helpers;
      await http().get('/assets/not-a-uuid').expect(404);
      await http().get(`/assets/${uuidv4()}`).expect(404);
      await http().get(`/assets/${uuidv4()}/history`).expect(404);
      await http().get('/assets/not-a-uuid/history').expect(404);
      const assetId = await seize(cashBody(await openCase()));
      const bad = await http().get(`/assets/${assetId}`).query({ asAt: '27/11/2026' }).expect(400);
      expect(bad.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'asAt' }] });
      const ok = await http().get(`/assets/${assetId}`).expect(200);
      expect(ok.headers.etag).toBe('"0"');
      expect(ok.headers['x-ledger-position']).toMatch(/^\d+$/);
    });
  });
});
