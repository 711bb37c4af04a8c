import { v4 as uuidv4 } from 'uuid';
import { bearer } from '../support/tokens';
import { as, assetHelpers, EUR_RATE, money } from './support/assets';
import { startTestApp, TestApp } from './support/test-app';

/** A valid body for each asset command route (paths relative to /assets/{assetId}/). */
const VALID: Record<string, Record<string, unknown>> = {
  'legal-basis': { to: 'PACE_S19', reason: 'Evidential hold' },
  'custody-transfers': { to: 'Force central safe', reason: 'Counted and sealed' },
  detentions: { kind: 'initial' },
  valuations: {
    basis: 'market',
    value: money('1500.00'),
    valuedAsAt: '2026-11-27',
    valuer: 'Force finance',
  },
  [`valuations/${uuidv4()}/withdrawal`]: { reason: 'Wrong model' },
  'forfeiture-notices': { noticeRef: 'AFN/2026/0100' },
  'forfeiture-objections': { objector: 'The respondent' },
  'forfeiture-applications': { court: 'Westminster Magistrates’ Court' },
  forfeiture: { route: 'cash_s298' },
  'forfeiture-refusal': { court: 'Westminster Magistrates’ Court', reason: 'Not satisfied' },
  realisation: { grossProceeds: money('900.00'), costs: money('100.00'), realisedBy: 'Receiver' },
  release: { reason: 'owner_claim', releasedTo: 'The owner' },
  destruction: { reason: 'Counterfeit', authority: 'Court order' },
  void: { reason: 'Recorded twice' },
};

describe('assets over HTTP: refusals, bad input, terminal states, concurrency', () => {
  let t: TestApp;
  let helpers: ReturnType<typeof assetHelpers>;
  beforeAll(async () => {
    t = await startTestApp();
    helpers = assetHelpers(t);
  });
  afterAll(async () => t.close());

  const paths = (body: unknown) =>
    ((body as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path).sort();

  describe('(d) exhibit references are unique within an agency', () => {
    it('refuses a taken reference in the same agency and writes nothing; another agency may use it', async () => {
      const { openCase, cashBody, seize, http, eventCount } = helpers;
      const caseId = await openCase();
      await seize(cashBody(caseId, { exhibitRef: 'JDS/77' }));
      const before = await eventCount();
      const taken = await http()
        .post('/assets')
        .send(cashBody(caseId, { exhibitRef: 'jds/77', description: 'Another bag' }))
        .expect(422);
      expect(taken.body).toMatchObject({
        code: 'exhibit_ref_taken',
        errors: [{ path: 'exhibitRef' }],
      });
      expect(await eventCount()).toBe(before);

      const ncaCase = await http()
        .post('/cases')
        .set(bearer({ agency: 'NCA' }))
        .send({ reference: 'NCA/2026/0077', title: 'NCA: cash couriers' })
        .expect(201);
      const afterCase = await eventCount();
      const nca = await http()
        .post('/assets')
        .set(bearer({ agency: 'NCA' }))
        .send(cashBody(ncaCase.body.id, { exhibitRef: 'JDS/77' }))
        .expect(201);
      expect(await eventCount()).toBe(afterCase + 2);
      const view = await http()
        .get(`/assets/${nca.body.id}`)
        .set(bearer({ agency: 'NCA' }))
        .expect(200);
      expect(view.body.exhibitRef).toBe('JDS/77');
      const ncaAgain = await http()
        .post('/assets')
        .set(bearer({ agency: 'NCA' }))
        .send(cashBody(ncaCase.body.id, { exhibitRef: 'JDS/77' }))
        .expect(422);
      expect(ncaAgain.body.code).toBe('exhibit_ref_taken');
    });

    it('a seizure refused by a rule reserves nothing: the reference stays free', async () => {
      const { openCase, cashBody, http, eventCount, seize } = helpers;
      const caseId = await openCase();
      const before = await eventCount();
      const small = await http()
        .post('/assets')
        .send(cashBody(caseId, { exhibitRef: 'JDS/88', declared: money('999.99'), fx: undefined }))
        .expect(422);
      expect(small.body).toMatchObject({
        code: 'below_minimum_amount',
        errors: [{ path: 'declared' }],
      });
      const s47c = await http()
        .post('/assets')
        .send(cashBody(caseId, { exhibitRef: 'JDS/88', power: 'POCA_S47C' }))
        .expect(422);
      expect(s47c.body).toMatchObject({
        code: 'power_not_applicable',
        errors: [{ path: 'power' }],
      });
      const noRate = await http()
        .post('/assets')
        .send(cashBody(caseId, { exhibitRef: 'JDS/88', fx: undefined }))
        .expect(422);
      expect(noRate.body).toMatchObject({
        code: 'fx_rate_required',
        errors: [{ path: 'declared' }],
      });
      const noCase = await http()
        .post('/assets')
        .send(cashBody(uuidv4(), { exhibitRef: 'JDS/88' }))
        .expect(404);
      expect(noCase.body).toMatchObject({ code: 'not_found', errors: [{ path: 'caseId' }] });
      const noSubject = await http()
        .post('/assets')
        .send(cashBody(caseId, { exhibitRef: 'JDS/88', seizedFrom: uuidv4() }))
        .expect(404);
      expect(noSubject.body).toMatchObject({ code: 'not_found', errors: [{ path: 'seizedFrom' }] });
      expect(await eventCount()).toBe(before);
      await seize(cashBody(caseId, { exhibitRef: 'JDS/88' }));
    });

    it('a closed case takes no seizures; a subject on the case can be named', async () => {
      const { openCase, cashBody, http, seize, eventCount } = helpers;
      const caseId = await openCase();
      const subject = await http()
        .post(`/cases/${caseId}/subjects`)
        .send({ name: 'Daniel Okafor', role: 'suspect' })
        .expect(200);
      const read = await http().get(`/cases/${caseId}`).expect(200);
      const subjectId = read.body.subjects[0].subjectId as string;
      expect(subject.body.events).toEqual(['SubjectAdded']);
      const assetId = await seize(cashBody(caseId, { seizedFrom: subjectId.toUpperCase() }));
      expect((await http().get(`/assets/${assetId}`)).body.seizedFrom).toBe(subjectId);
      await http().post(`/cases/${caseId}/close`).send({ reason: 'NFA' }).expect(200);
      const before = await eventCount();
      const closed = await http().post('/assets').send(cashBody(caseId)).expect(422);
      expect(closed.body).toMatchObject({ code: 'case_closed', errors: [{ path: 'caseId' }] });
      expect(await eventCount()).toBe(before);
    });
  });

  describe('declared as money, cryptoasset or account', () => {
    it('records a frozen account and a bitcoin holding, with their sterling figures', async () => {
      const { openCase, cashBody, seize, read } = helpers;
      const caseId = await openCase();
      const accountId = await seize(
        cashBody(caseId, {
          power: 'POCA_S303Z1_AFO',
          category: 'bank_account',
          description: 'Current account',
          declared: {
            institution: 'Barclays Bank UK plc',
            accountRef: '20-00-00 12345678',
            balance: money('15000.00'),
          },
          fx: undefined,
        }),
      );
      const account = (await read(accountId)).body;
      expect(account).toMatchObject({
        declared: {
          institution: 'Barclays Bank UK plc',
          accountRef: '20-00-00 12345678',
          balance: { amount: '15000.00', currency: 'GBP' },
        },
        declaredGbp: { amount: '15000.00', currency: 'GBP' },
        currentValuation: {
          source: 'declared',
          value: { amount: '15000.00', currency: 'GBP' },
          gbpValue: { amount: '15000.00', currency: 'GBP' },
        },
      });
      const btcRate = {
        currency: 'BTC',
        rateToGbp: '71234.56',
        source: 'Coinbase GBP spot 10:00',
        asAt: '2026-11-27',
      };
      const btcId = await seize(
        cashBody(caseId, {
          power: 'POCA_S303Z29_CRYPTO',
          category: 'cryptoasset',
          description: 'Ledger Nano S hardware wallet',
          declared: { symbol: 'BTC', quantity: '0.53100000' },
          fx: [btcRate],
        }),
      );
      expect((await read(btcId)).body).toMatchObject({
        declared: { symbol: 'BTC', quantity: '0.531' },
        declaredGbp: { amount: '37825.55', currency: 'GBP' },
        currentValuation: {
          source: 'declared',
          value: { symbol: 'BTC', quantity: '0.531' },
          gbpValue: { amount: '37825.55', currency: 'GBP' },
          fx: btcRate,
        },
      });
    });

    it('a declaration of the wrong kind for the category is refused naming declared', async () => {
      const { openCase, cashBody, http, eventCount } = helpers;
      const caseId = await openCase();
      const before = await eventCount();
      const res = await http()
        .post('/assets')
        .send(cashBody(caseId, { declared: { symbol: 'BTC', quantity: '1' } }))
        .expect(422);
      expect(res.body).toMatchObject({ code: 'invalid_money', errors: [{ path: 'declared' }] });
      expect(await eventCount()).toBe(before);
    });
  });

  describe('(f) bad input on every asset route: 4xx naming the field, nothing written', () => {
    let assetId: string;
    let caseId: string;
    let before: number;
    beforeAll(async () => {
      const { openCase, cashBody, seize, eventCount } = helpers;
      caseId = await openCase();
      assetId = await seize(cashBody(caseId));
      before = await eventCount();
    });
    afterAll(async () => {
      expect(await helpers.eventCount()).toBe(before);
    });

    const seizureCases: [string, Record<string, unknown>, string[]][] = [
      [
        'wrong types and unknown fields',
        {
          caseId: 'case-1',
          exhibitRef: '',
          power: 'PACE_S99',
          category: 'car',
          description: 5,
          location: '',
          declared: { amount: 12500, currency: 'EUR' },
          fx: [{ currency: 'EUR', rateToGbp: 0.8567, source: 'ECB', asAt: '27/11/2026' }],
          intelligence: { sourceType: 'partner', reference: 'R', confidential: 'yes' },
          seizedFrom: 'Daniel',
          extra: 1,
        },
        [
          'caseId',
          'category',
          'custodyLocation',
          'declared.amount',
          'description',
          'exhibitRef',
          'extra',
          'fx.0.asAt',
          'fx.0.rateToGbp',
          'intelligence.confidential',
          'location',
          'power',
          'seizedFrom',
        ],
      ],
      ['declared as a string', { declared: 'EUR 12,500' }, ['declared']],
      ['declared as a list', { declared: [money('1.00')] }, ['declared']],
      ['declared as a number', { declared: 12500 }, ['declared']],
      ['a bad currency code', { declared: money('100.00', 'eur') }, ['declared.currency']],
      [
        'a crypto quantity as a number',
        { declared: { symbol: 'BTC', quantity: 0.5 } },
        ['declared.quantity'],
      ],
      [
        'money and crypto mixed',
        { declared: { amount: '1.00', currency: 'GBP', symbol: 'BTC' } },
        ['declared.amount', 'declared.currency', 'declared.quantity'],
      ],
      [
        'an account balance as a number',
        {
          declared: {
            institution: 'Barclays',
            accountRef: '1',
            balance: { amount: 5, currency: 'GBP' },
          },
        },
        ['declared.balance.amount'],
      ],
      [
        'an account without a balance',
        { declared: { institution: 'Barclays', accountRef: '1' } },
        ['declared.balance'],
      ],
      [
        'a cash breakdown of numbers',
        { cashBreakdown: [{ amount: 12500, currency: 'EUR' }, 'x'] },
        ['cashBreakdown.0.amount', 'cashBreakdown.1'],
      ],
      ['fx not a list', { fx: EUR_RATE }, ['fx']],
      ['intelligence not an object', { intelligence: 'a retailer' }, ['intelligence']],
      ['an instant without an offset', { occurredAt: '2026-11-27T10:00:00' }, ['occurredAt']],
      ['a listed aggregate as a number', { listedAggregate: 2000 }, ['listedAggregate']],
    ];

    it.each(seizureCases)('POST /assets: %s → 400', async (_name, overrides, expected) => {
      const { http, cashBody } = helpers;
      const body: Record<string, unknown> = { ...cashBody(caseId), ...overrides };
      for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete body[k];
      if (_name === 'wrong types and unknown fields') delete body.custodyLocation;
      const res = await http().post('/assets').send(body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
      expect(paths(res.body)).toEqual(expected);
    });

    it('POST /assets: missing ids and empty bodies → 400 naming each required field', async () => {
      const { http } = helpers;
      const res = await http().post('/assets').send({}).expect(400);
      expect(paths(res.body)).toEqual([
        'caseId',
        'category',
        'custodyLocation',
        'description',
        'exhibitRef',
        'location',
        'power',
      ]);
    });

    it('POST /assets: domain refusals of money and dates → 422 naming the field', async () => {
      const { http, cashBody } = helpers;
      const refusals: [Record<string, unknown>, string, string][] = [
        [{ declared: money('-12500.00', 'EUR') }, 'invalid_money', 'declared.amount'],
        [{ declared: money('12500.00', 'XYZ') }, 'invalid_money', 'declared.currency'],
        [{ declared: money('12500.001', 'EUR') }, 'invalid_money', 'declared.amount'],
        [{ fx: [{ ...EUR_RATE, rateToGbp: '-0.8567' }] }, 'invalid_money', 'fx.0.rateToGbp'],
        [{ occurredAt: '2999-01-01T00:00:00Z' }, 'future_date', 'occurredAt'],
        [
          { cashBreakdown: [money('12000.00', 'EUR')] },
          'invalid_money',
          'declared', // the breakdown does not add up to the declared amount
        ],
      ];
      for (const [overrides, code, path] of refusals) {
        const res = await http().post('/assets').send(cashBody(caseId, overrides));
        expect({ status: res.status, code: res.body.code, paths: paths(res.body) }).toEqual({
          status: 422,
          code,
          paths: [path],
        });
      }
    });

    const commandCases: [string, Record<string, unknown>, string[]][] = [
      [
        'legal-basis',
        { to: 'NOPE', reason: 1, fx: [{ ...EUR_RATE, rateToGbp: 0.85 }] },
        ['fx.0.rateToGbp', 'reason', 'to'],
      ],
      [
        'legal-basis',
        { to: 'POCA_S294_CASH', reason: 'x', listedAggregate: { amount: 1 } },
        ['listedAggregate.amount', 'listedAggregate.currency'],
      ],
      [
        'custody-transfers',
        { to: '', sealNumber: 7, reason: 'x', extra: true },
        ['extra', 'sealNumber', 'to'],
      ],
      [
        'detentions',
        {
          kind: 'forever',
          startsAt: 'tomorrow',
          expiresAt: '2026-12-01',
          seniorOfficerAuthority: 'yes',
          lateReason: 3,
        },
        ['expiresAt', 'kind', 'lateReason', 'seniorOfficerAuthority', 'startsAt'],
      ],
      [
        'valuations',
        {
          basis: 'guess',
          value: { amount: 9000, currency: 'GBP' },
          valuedAsAt: '28/11/2026',
          valuer: '',
          costsOfSale: { amount: '10.00', currency: 'pounds' },
        },
        ['basis', 'costsOfSale.currency', 'value.amount', 'valuedAsAt', 'valuer'],
      ],
      [
        'valuations',
        {
          basis: 'market',
          value: 'lots',
          fx: [EUR_RATE],
          valuedAsAt: '2026-11-28',
          valuer: 'v',
        },
        ['fx', 'value'],
      ],
      [
        'valuations',
        {
          basis: 'market',
          value: { symbol: 'BTC', quantity: 1 },
          valuedAsAt: '2026-11-28',
          valuer: 'v',
        },
        ['value.quantity'],
      ],
      [
        `valuations/${uuidv4()}/withdrawal`,
        { reason: '', withdrawnBy: 'me' },
        ['reason', 'withdrawnBy'],
      ],
      [
        'forfeiture-notices',
        { noticeRef: 12, givenAt: '2026-13-01', objectionDeadline: 'soon' },
        ['givenAt', 'noticeRef', 'objectionDeadline'],
      ],
      ['forfeiture-objections', { objector: '', receivedAt: 20261129 }, ['objector', 'receivedAt']],
      ['forfeiture-applications', { court: null, appliedAt: 'x' }, ['appliedAt', 'court']],
      [
        'forfeiture',
        {
          route: 'confiscated',
          amount: { amount: 100, currency: 'GBP' },
          fx: { currency: 'EUR', rateToGbp: 'abc', source: '', asAt: '2026-11-27' },
        },
        ['amount.amount', 'fx.rateToGbp', 'fx.source', 'route'],
      ],
      [
        'forfeiture-refusal',
        { court: '', reason: '', outcome: 'sunk' },
        ['court', 'outcome', 'reason'],
      ],
      [
        'realisation',
        {
          grossProceeds: { amount: 9000, currency: 'GBP' },
          costs: { amount: '1.00', currency: 'pounds' },
          realisedBy: '',
          confiscationOrderId: 'order-1',
        },
        ['confiscationOrderId', 'costs.currency', 'grossProceeds.amount', 'realisedBy'],
      ],
      ['realisation', {}, ['costs', 'grossProceeds', 'realisedBy']],
      ['release', { reason: 'bored', releasedTo: 3 }, ['reason', 'releasedTo']],
      ['destruction', { reason: '', authority: '' }, ['authority', 'reason']],
      ['void', { reason: 42, extra: 1 }, ['extra', 'reason']],
      ['void', {}, ['reason']],
    ];

    it.each(commandCases)(
      'POST /assets/{id}/%s with bad input → 400',
      async (path, body, expected) => {
        const res = await helpers.command(assetId, path, body).expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.code).toBe('validation_failed');
        expect(paths(res.body)).toEqual(expected);
      },
    );

    it.each(Object.keys(VALID))(
      'POST /assets/{id}/%s: future occurredAt → 422 future_date',
      async (path) => {
        const res = await helpers
          .command(assetId, path, { ...VALID[path], occurredAt: '2999-01-01T00:00:00+01:00' })
          .expect(422);
        expect(res.body).toMatchObject({ code: 'future_date', errors: [{ path: 'occurredAt' }] });
      },
    );

    it.each(Object.keys(VALID))(
      'POST /assets/{id}/%s: a malformed or unknown asset id → 404',
      async (path) => {
        const { http } = helpers;
        await http().post(`/assets/not-a-uuid/${path}`).send(VALID[path]).expect(404);
        const unknown = await http()
          .post(`/assets/${uuidv4()}/${path}`)
          .send(VALID[path])
          .expect(404);
        expect(unknown.body.code).toBe('not_found');
      },
    );

    it('a malformed valuation id is 404', async () => {
      await helpers
        .command(assetId, 'valuations/v-1/withdrawal', { reason: 'Wrong' }, as('supervisor'))
        .expect(404);
    });

    it('domain refusals of money and dates on commands → 422 naming the field', async () => {
      const refusals: [string, Record<string, unknown>, string, string][] = [
        [
          'valuations',
          { ...VALID.valuations, value: money('-1.00') },
          'invalid_money',
          'value.amount',
        ],
        [
          'valuations',
          { ...VALID.valuations, valuedAsAt: '2999-01-01' },
          'future_date',
          'valuedAsAt',
        ],
        [
          'valuations',
          { ...VALID.valuations, value: money('100.00', 'EUR') },
          'fx_rate_required',
          'value',
        ],
        [
          'forfeiture-notices',
          { noticeRef: 'AFN/1', givenAt: '2999-01-01' },
          'future_date',
          'givenAt',
        ],
        [
          'forfeiture-notices',
          { noticeRef: 'AFN/1', givenAt: '2026-11-28', objectionDeadline: '2026-12-27' },
          'invalid_state',
          'objectionDeadline',
        ],
        [
          'forfeiture',
          { route: 'cash_s298', amount: money('0.00') },
          'invalid_money',
          'amount.amount',
        ],
        ['forfeiture', { route: 'listed_s303O' }, 'power_not_applicable', 'route'],
        ['detentions', { kind: 'extension' }, 'invalid_date', 'expiresAt'],
        [
          'custody-transfers',
          { to: 'Paddington Green property store', reason: 'x' },
          'invalid_state',
          'to',
        ],
        [
          'realisation',
          { grossProceeds: money('100.00'), costs: money('100.01'), realisedBy: 'R' },
          'invalid_money',
          'costs',
        ],
        [
          'realisation',
          { grossProceeds: money('100.00'), costs: money('-1.00'), realisedBy: 'R' },
          'invalid_money',
          'costs.amount',
        ],
      ];
      for (const [path, body, code, field] of refusals) {
        const res = await helpers.command(assetId, path, body);
        expect({ path, status: res.status, code: res.body.code, paths: paths(res.body) }).toEqual({
          path,
          status: 422,
          code,
          paths: [field],
        });
      }
    });

    it('If-Match: a stale revision is 409 with the current revision', async () => {
      const stale = await helpers
        .command(assetId, 'custody-transfers', VALID['custody-transfers'], { 'If-Match': '"7"' })
        .expect(409);
      expect(stale.body).toMatchObject({ code: 'concurrency_conflict', currentRevision: '0' });
    });
  });

  describe('(e) terminal states', () => {
    /** Commands that act on a held asset, with bodies that would otherwise be accepted. */
    const FOLLOW_UPS: [string, Record<string, unknown>][] = [
      ['custody-transfers', { to: 'Elsewhere', reason: 'Moving' }],
      ['valuations', VALID.valuations],
      ['detentions', { kind: 'initial' }],
      ['legal-basis', { to: 'PACE_S19', reason: 'Evidential hold' }],
      ['forfeiture-notices', { noticeRef: 'AFN/2026/0200' }],
      ['forfeiture-applications', { court: 'Westminster Magistrates’ Court' }],
      ['forfeiture', { route: 'cash_s298' }],
      ['release', { reason: 'owner_claim', releasedTo: 'Owner' }],
      ['destruction', { reason: 'x', authority: 'y' }],
      ['realisation', VALID.realisation],
    ];

    async function expectNotHeld(assetId: string, also: [string, Record<string, unknown>][] = []) {
      const before = await helpers.eventCount();
      for (const [path, body] of [...FOLLOW_UPS, ...also]) {
        const res = await helpers.command(assetId, path, body, as('supervisor', 'court_liaison'));
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 422,
          code: 'asset_not_held',
        });
      }
      expect(await helpers.eventCount()).toBe(before);
    }

    it('released: nothing more can be done but void the record', async () => {
      const { openCase, cashBody, seize, command, read } = helpers;
      const assetId = await seize(cashBody(await openCase()));
      await command(assetId, 'release', {
        reason: 'no_further_action',
        releasedTo: 'Daniel Okafor',
        occurredAt: '2026-11-28T09:00:00Z',
      }).expect(200);
      expect((await read(assetId)).body).toMatchObject({
        status: 'released',
        held: false,
        release: {
          reason: 'no_further_action',
          releasedTo: 'Daniel Okafor',
          at: '2026-11-28T09:00:00.000Z',
        },
      });
      await expectNotHeld(assetId);
      await command(assetId, 'void', { reason: 'Duplicate' }, as('supervisor')).expect(200);
    });

    it('destroyed', async () => {
      const { openCase, cashBody, seize, command, read } = helpers;
      const assetId = await seize(
        cashBody(await openCase(), {
          power: 'PACE_S19',
          category: 'electronics',
          description: 'Counterfeit phones',
          declared: undefined,
          fx: undefined,
        }),
      );
      await command(
        assetId,
        'destruction',
        { reason: 'Counterfeit goods', authority: 'Order of Westminster Magistrates’ Court' },
        as('supervisor'),
      ).expect(200);
      expect((await read(assetId)).body).toMatchObject({
        status: 'destroyed',
        held: false,
        destruction: {
          reason: 'Counterfeit goods',
          authority: 'Order of Westminster Magistrates’ Court',
        },
      });
      await expectNotHeld(assetId);
    });

    it('voided: every command, voiding again included, is asset_not_held', async () => {
      const { openCase, cashBody, seize, command, read } = helpers;
      const assetId = await seize(cashBody(await openCase()));
      await command(assetId, 'void', { reason: 'Recorded twice' }, as('supervisor')).expect(200);
      expect((await read(assetId)).body).toMatchObject({
        status: 'voided',
        held: false,
        voided: { reason: 'Recorded twice' },
        historyLength: 2,
      });
      await expectNotHeld(assetId, [['void', { reason: 'Again' }]]);
    });

    it('a listed asset forfeited stays held until realised: gross, costs and net to the penny', async () => {
      const { openCase, cashBody, seize, command, read } = helpers;
      const assetId = await seize(
        cashBody(await openCase(), {
          power: 'POCA_S303J_LISTED',
          category: 'watch',
          description: 'Patek Philippe Nautilus',
          declared: money('9500.00'),
          fx: undefined,
        }),
      );
      await command(assetId, 'detentions', {
        kind: 'initial',
        authorisedBy: 'Supt R. Hale',
        seniorOfficerAuthority: true,
        occurredAt: '2026-11-27T10:30:00Z',
      }).expect(200);
      // s.303K with a senior officer's authority: 48 counted hours, Friday → Tuesday.
      expect((await read(assetId)).body.detention.expiresAt).toBe('2026-12-01T10:00:00.000Z');
      await command(assetId, 'forfeiture-applications', {
        court: 'Westminster Magistrates’ Court',
        occurredAt: '2026-11-28T10:00:00Z',
      }).expect(200);
      await command(assetId, 'forfeiture', {
        route: 'listed_s303O',
        amount: money('9500.00'),
        occurredAt: '2026-11-28T11:00:00Z',
      }).expect(200);
      expect((await read(assetId)).body).toMatchObject({ status: 'forfeited', held: true });
      await command(
        assetId,
        'realisation',
        {
          grossProceeds: money('9000.00'),
          costs: money('1125.50'),
          realisedBy: 'Bonhams, Knightsbridge',
          occurredAt: '2026-11-29T09:00:00Z',
        },
        as('finance'),
      ).expect(200);
      expect((await read(assetId)).body).toMatchObject({
        status: 'realised',
        held: false,
        realisation: {
          grossProceeds: { amount: '9000.00', currency: 'GBP' },
          costs: { amount: '1125.50', currency: 'GBP' },
          netProceeds: { amount: '7874.50', currency: 'GBP' },
          realisedBy: 'Bonhams, Knightsbridge',
          at: '2026-11-29T09:00:00.000Z',
        },
      });
      await expectNotHeld(assetId);
    });

    it('a refused forfeiture goes back to detained, or releases the asset', async () => {
      const { openCase, cashBody, seize, command, read } = helpers;
      const caseId = await openCase();
      const [keptId, releasedId] = [await seize(cashBody(caseId)), await seize(cashBody(caseId))];
      for (const id of [keptId, releasedId]) {
        await command(id, 'detentions', { kind: 'initial' }).expect(200);
        await command(id, 'forfeiture-applications', { court: 'Westminster MC' }).expect(200);
      }
      await command(keptId, 'forfeiture-refusal', {
        court: 'Westminster MC',
        reason: 'Adjourned evidence not sufficient',
      }).expect(200);
      const kept = (await read(keptId)).body;
      expect(kept.status).toBe('detained');
      expect(kept.forfeiture.application.refused).toMatchObject({
        court: 'Westminster MC',
        outcome: 'detained',
      });
      await command(releasedId, 'forfeiture-refusal', {
        court: 'Westminster MC',
        reason: 'Not recoverable property',
        outcome: 'released',
      }).expect(200);
      expect((await read(releasedId)).body).toMatchObject({
        status: 'released',
        held: false,
        release: { reason: 'court_refused' },
      });
      await expectNotHeld(releasedId);
    });
  });

  describe('(g) concurrency', () => {
    it('25 releases against 25 forfeitures at once: exactly one wins, the asset ends in one terminal state', async () => {
      const { openCase, cashBody, seize, command, http, read } = helpers;
      const assetId = await seize(
        cashBody(await openCase(), { declared: money('5000.00'), fx: undefined }),
      );
      const release = () =>
        command(assetId, 'release', { reason: 'owner_claim', releasedTo: 'The owner' });
      const forfeit = () => command(assetId, 'forfeiture', { route: 'cash_s298' });
      const requests = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? release() : forfeit()));
      const responses = await Promise.all(requests);
      const won = responses.filter((r) => r.status === 200);
      expect(won).toHaveLength(1);
      for (const r of responses.filter((x) => x.status !== 200)) {
        expect([409, 422]).toContain(r.status);
        expect(r.body.code).toBe(r.status === 409 ? 'concurrency_conflict' : 'asset_not_held');
      }
      const history = await http().get(`/assets/${assetId}/history`).expect(200);
      const types = (history.body.events as { type: string }[]).map((e) => e.type);
      const terminal = types.filter(
        (type) => type === 'AssetReleased' || type === 'AssetForfeited',
      );
      expect(terminal).toHaveLength(1);
      expect(types).toEqual(['AssetSeized', terminal[0]]);
      expect(won[0].body.events).toEqual([terminal[0]]);
      const view = (await read(assetId)).body;
      expect(view.status).toBe(terminal[0] === 'AssetReleased' ? 'released' : 'forfeited');
      expect(view.held).toBe(false);
      if (view.status === 'forfeited') {
        expect(view.forfeiture.forfeited.gbpAmount).toEqual({ amount: '5000.00', currency: 'GBP' });
      }
    });
  });
});
