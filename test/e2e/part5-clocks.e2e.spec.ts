import { as, assetHelpers, money } from './support/assets';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Part 5 clocks over HTTP on the real embedded store: a cash forfeiture notice only under a
 * s.295(2) order (s.297A(1)) and when it is treated as given; an account freezing order's period
 * (s.303Z3(4), s.303Z4); seized cash earning interest (s.296). Refusals are 422s naming the rule
 * and the field, and write nothing.
 */
describe('Part 5 over HTTP: notices, freezing orders, interest on seized cash', () => {
  let t: TestApp;
  let h: ReturnType<typeof assetHelpers>;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp();
    h = assetHelpers(t);
    caseId = await h.openCase('Part 5 clocks');
  });
  afterAll(async () => t.close());

  const sterlingCash = () =>
    h.seize(h.cashBody(caseId, { declared: money('15000.00'), fx: undefined }));

  it('refuses a cash notice during the initial period, writing nothing; gives one under an order, treated as given the next day when emailed after 4.30pm', async () => {
    const id = await sterlingCash();
    await h.command(id, 'detentions', { kind: 'initial' }).expect(200);
    const before = await h.eventCount();
    const refused = await h.command(id, 'forfeiture-notices', { noticeRef: 'AFN/9' }).expect(422);
    expect(refused.body.code).toBe('detention_order_required');
    expect(await h.eventCount()).toBe(before);

    await h
      .command(id, 'detentions', {
        kind: 'extension',
        court: 'Westminster MC',
        expiresAt: '2027-05-29T22:00:00Z',
        occurredAt: '2026-11-30T12:00:00Z',
      })
      .expect(200);
    await h
      .command(id, 'forfeiture-notices', {
        noticeRef: 'AFN/9',
        method: 'electronic',
        sentAt: '2026-12-02T16:45:00Z',
        occurredAt: '2026-12-02T17:00:00Z',
      })
      .expect(200);
    const asset = (await h.read(id)).body;
    expect(asset.forfeiture.notice).toMatchObject({
      givenAt: '2026-12-03',
      objectionDeadline: '2027-01-02',
      method: 'electronic',
      sentAt: '2026-12-02T16:45:00.000Z',
    });
    const bad = await h
      .command(id, 'forfeiture-objections', { objector: 'Mr A', madeAt: 'yesterday' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/madeAt/);
  });

  it("records an account freezing order's period and a variation; refuses one beyond 2 years starting with the day it was made", async () => {
    const id = await h.seize({
      caseId,
      exhibitRef: h.exhibitRef(),
      power: 'POCA_S303Z1_AFO',
      category: 'bank_account',
      description: 'Current account',
      location: 'Barclays, Edgware Road',
      custodyLocation: 'Barclays',
      declared: {
        institution: 'Barclays',
        accountRef: '20-00-00 12345678',
        balance: money('25000.00'),
      },
      occurredAt: '2026-11-27T10:00:00Z',
    });
    const period = (body: Record<string, unknown>) =>
      h.command(id, 'freezing-order-periods', { court: 'Westminster MC', ...body });
    const tooLong = await period({ kind: 'made', expiresOn: '2028-11-27' }).expect(422);
    expect(tooLong.body).toMatchObject({
      code: 'detention_order_too_long',
      errors: [expect.objectContaining({ path: 'expiresOn' })],
    });
    await period({ kind: 'made', expiresOn: '2027-05-26' }).expect(200);
    await period({ kind: 'variation', expiresOn: '2028-11-26' }).expect(200);
    expect((await h.read(id)).body.freezingOrder).toEqual({
      madeOn: '2026-11-27',
      lastDay: '2028-11-26',
      specified: true,
      court: 'Westminster MC',
      variations: 1,
    });
  });

  it('pays seized cash into an interest-bearing account, credits interest and forfeits it with the cash', async () => {
    const id = await sterlingCash();
    await h.command(id, 'detentions', { kind: 'initial' }).expect(200);
    await h
      .command(id, 'interest-bearing-account', {
        kind: 'paid_in',
        account: 'Force suspense account',
        paidInAt: '2026-12-01T14:00:00Z',
      })
      .expect(200);
    const credit = (amount: string) =>
      h
        .command(
          id,
          'interest-credits',
          { amount: money(amount), creditedOn: '2026-12-05' },
          as('finance'),
        )
        .expect(200);
    await credit('12.34');
    await credit('0.67');
    const euro = await h
      .command(id, 'interest-credits', { amount: money('1.00', 'EUR') })
      .expect(422);
    expect(euro.body.code).toBe('invalid_money');
    expect((await h.read(id)).body.interestEarned).toEqual(money('13.01'));
    await h
      .command(id, 'forfeiture', { route: 'cash_s298', court: 'Croydon MC' }, as('court_liaison'))
      .expect(200);
    expect((await h.read(id)).body.forfeiture.forfeited).toMatchObject({
      gbpAmount: money('15013.01'),
    });
  });
});
