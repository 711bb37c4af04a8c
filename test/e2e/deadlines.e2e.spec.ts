import { addDays, londonDateOf } from '@src/common/time';
import { assetHelpers, money } from './support/assets';
import { startTestApp, TestApp } from './support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Item {
  kind: string;
  due: string;
  dueAt: string;
  overdue: boolean;
  caseId: string;
  caseReference: string | null;
  assetId?: string;
  confiscationOrderId?: string;
  instalment?: number;
  ref: string;
  agency: string | null;
  description: string;
  hoursLeft?: number;
  daysLeft?: number;
}

/**
 * GET /deadlines on the real store. Times are relative to the clock when the suite runs, so the
 * assertions hold on any day of the week: where the business-day clock matters, the expected
 * expiry is the one the API itself reports for the asset.
 */
describe('GET /deadlines (deadlines projection, real store)', () => {
  let t: TestApp;
  let h: ReturnType<typeof assetHelpers>;
  let caseId: string;
  let lastPosition = '0';
  const started = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const today = londonDateOf(iso(started));
  const ids: Record<'fresh' | 'expired' | 'notice' | 'objected', string> = {
    fresh: '',
    expired: '',
    notice: '',
    objected: '',
  };
  let freshExpiry: string;
  let orderId: string;

  const track = (res: { body: { position?: string } }) => {
    const p = res.body.position;
    if (p !== undefined && BigInt(p) > BigInt(lastPosition)) lastPosition = p;
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp();
    h = assetHelpers(t);
    caseId = await h.openCase('Operation Stimtone: deadlines');
    const cash = (occurredAt: string) =>
      h.cashBody(caseId, { declared: money('5000.00'), fx: undefined, occurredAt });

    // seized an hour ago: its 48 counted hours end at least 47 hours from now
    ids.fresh = await h.seize(cash(iso(started - HOUR)));
    track(await h.command(ids.fresh, 'detentions', { kind: 'initial' }).expect(200));
    freshExpiry = (await h.read(ids.fresh)).body.detention.expiresAt as string;

    // seized a month ago: its initial detention is long over
    ids.expired = await h.seize(cash(iso(started - 30 * DAY)));
    track(await h.command(ids.expired, 'detentions', { kind: 'initial' }).expect(200));

    // a s.295(2) order made now, in force for 150 days: a notice may be given under it (s.297A)
    const order = (id: string) =>
      h.command(id, 'detentions', {
        kind: 'extension',
        expiresAt: `${addDays(today, 150)}T12:00:00Z`,
        lateReason: 'the initial period ran out over a weekend',
      });

    // a forfeiture notice given 20 days ago: the objection window closes in 10 days
    ids.notice = await h.seize(cash(iso(started - 25 * DAY)));
    track(await order(ids.notice).expect(200));
    track(
      await h
        .command(ids.notice, 'forfeiture-notices', {
          noticeRef: 'AFN/1',
          givenAt: addDays(today, -20),
        })
        .expect(200),
    );

    // a notice objected to: no objection window
    ids.objected = await h.seize(cash(iso(started - 2 * DAY)));
    track(await h.command(ids.objected, 'detentions', { kind: 'initial' }).expect(200));
    track(await order(ids.objected).expect(200));
    track(
      await h
        .command(ids.objected, 'forfeiture-notices', { noticeRef: 'AFN/2', givenAt: today })
        .expect(200),
    );
    track(await h.command(ids.objected, 'forfeiture-objections', { objector: 'Mr A' }).expect(200));

    // a confiscation order made 10 days ago: £1,000 due in 3 days, £4,000 in 40 days
    const subject = await h
      .http()
      .post(`/cases/${caseId}/subjects`)
      .send({ name: 'Daniel Okafor', role: 'defendant' })
      .expect(200);
    track(subject);
    const read = await h.http().get(`/cases/${caseId}`).expect(200);
    const made = await h
      .http()
      .post('/confiscation-orders')
      .send({
        caseId,
        subjectId: read.body.subjects[0].subjectId,
        orderRef: 'T20267001',
        court: 'Southwark Crown Court',
        benefitFigure: money('50000'),
        availableAmount: money('5000'),
        orderAmount: money('5000'),
        instalments: [
          { amount: money('1000'), dueDate: addDays(today, 3) },
          { amount: money('4000'), dueDate: addDays(today, 40) },
        ],
        defaultTermMonths: 3,
        occurredAt: iso(started - 10 * DAY),
      })
      .expect(201);
    track(made);
    orderId = made.body.id as string;
  });
  afterAll(async () => t.close());

  const deadlines = async (query: Record<string, string> = {}) => {
    const res = await h
      .http()
      .get('/deadlines')
      .query({ caseId, minPosition: lastPosition, ...query })
      .expect(200);
    return res;
  };
  const items = async (query: Record<string, string> = {}) =>
    (await deadlines(query)).body.items as Item[];
  const summary = (list: Item[]) =>
    list.map((i) => `${i.kind} ${i.ref}${i.instalment !== undefined ? `#${i.instalment}` : ''}`);

  it('answers within P14D by default: soonest first, overdue first and flagged', async () => {
    const res = await deadlines();
    expect(BigInt(res.headers['x-ledger-position'])).toBeGreaterThanOrEqual(BigInt(lastPosition));
    expect(res.body.within).toBe('P14D');
    const asOf = Date.parse(res.body.asOf as string);
    expect(asOf).toBeGreaterThanOrEqual(started);
    const list = res.body.items as Item[];

    const dueAts = list.map((i) => Date.parse(i.dueAt));
    expect([...dueAts].sort((a, b) => a - b)).toEqual(dueAts);
    for (const i of list) {
      expect(i.overdue).toBe(Date.parse(i.dueAt) < asOf);
      expect(Date.parse(i.dueAt)).toBeLessThanOrEqual(asOf + 14 * DAY);
    }
    const firstOnTime = list.findIndex((i) => !i.overdue);
    expect(list.slice(firstOnTime).every((i) => !i.overdue)).toBe(true);
    expect(list.slice(0, firstOnTime).length).toBeGreaterThan(0);

    const byAsset = (id: string, kind: string) =>
      list.find((i) => i.assetId === id && i.kind === kind);
    const refOf = async (id: string) => (await h.read(id)).body.exhibitRef as string;

    // the detention that ended weeks ago is overdue
    expect(byAsset(ids.expired, 'detention_expiry')).toMatchObject({
      overdue: true,
      ref: await refOf(ids.expired),
      caseId,
      caseReference: expect.stringMatching(/^MPS\/ECU\/2026\//),
      agency: 'MPS',
    });
    expect(byAsset(ids.expired, 'detention_expiry')!.hoursLeft).toBeLessThan(-24 * 20);

    // the fresh one: exactly the expiry the asset reports, not yet passed
    const fresh = byAsset(ids.fresh, 'detention_expiry');
    expect(fresh).toMatchObject({ due: freshExpiry, dueAt: freshExpiry, overdue: false });
    expect(fresh!.hoursLeft).toBeGreaterThanOrEqual(46.9);
    expect(fresh!.daysLeft).toBeUndefined();

    // the notice's objection window closes in 10 days; the objected notice has none
    expect(byAsset(ids.notice, 'objection_window')).toMatchObject({
      due: addDays(today, 10),
      overdue: false,
      daysLeft: 10,
    });
    expect(list.filter((i) => i.kind === 'objection_window').map((i) => i.assetId)).toEqual([
      ids.notice,
    ]);

    // the first instalment (3 days) is listed; the second (40 days) is beyond the window
    const ttp = list.filter((i) => i.kind === 'time_to_pay');
    expect(ttp).toEqual([
      expect.objectContaining({
        confiscationOrderId: orderId,
        instalment: 0,
        ref: 'T20267001',
        due: addDays(today, 3),
        daysLeft: 3,
        overdue: false,
        agency: 'MPS',
      }),
    ]);

    // no caps within 14 days (they are 2 years away)
    expect(list.some((i) => i.kind === 'detention_cap')).toBe(false);
  });

  it('within filters what is due: PT1H leaves only the overdue ones; P8W reaches the second instalment', async () => {
    const soon = await items({ within: 'PT1H' });
    expect(soon.length).toBeGreaterThan(0);
    expect(soon.every((i) => i.overdue)).toBe(true);
    expect(soon.some((i) => i.assetId === ids.fresh)).toBe(false);
    expect(soon.some((i) => i.assetId === ids.expired && i.kind === 'detention_expiry')).toBe(true);

    const week = summary(await items({ within: 'P1W' }));
    expect(week).toContain('time_to_pay T20267001#0');
    expect(week.some((s) => s.startsWith('objection_window'))).toBe(false);

    const eight = await items({ within: 'P8W', kind: 'time_to_pay' });
    expect(eight.map((i) => [i.instalment, i.due])).toEqual([
      [0, addDays(today, 3)],
      [1, addDays(today, 40)],
    ]);

    // The 2-year cap begins with the first extension order (s.295(2)(b)): initial detentions
    // alone have none; and while a forfeiture notice is pending the cash stays detained under it
    // (s.297C), so the asset under notice shows neither its expiry nor its cap.
    const years = await items({ within: 'P160W', kind: 'detention_cap' });
    expect(years.map((i) => i.assetId)).toEqual([ids.objected]);
    const notice = await items({ within: 'P160W' });
    expect(notice.filter((i) => i.assetId === ids.notice).map((i) => i.kind)).toEqual([
      'objection_window',
    ]);
  });

  it('a paid instalment leaves the list', async () => {
    const paid = await h
      .http()
      .post(`/confiscation-orders/${orderId}/payments`)
      .send({ amount: money('1000'), method: 'voluntary', reference: 'REC/1' })
      .expect(200);
    track(paid);
    const list = await items({ within: 'P8W', kind: 'time_to_pay' });
    expect(list.map((i) => i.instalment)).toEqual([1]);
  });

  it('releasing the overdue asset closes its deadlines', async () => {
    track(
      await h
        .command(ids.expired, 'release', { reason: 'detention_expired', releasedTo: 'Mr B' })
        .expect(200),
    );
    const list = await items({ within: 'P160W' });
    expect(list.some((i) => i.assetId === ids.expired)).toBe(false);
  });

  it('filters by agency and kind', async () => {
    expect(await items({ agency: 'NCA' })).toEqual([]);
    const mps = await items({ agency: 'MPS', kind: 'objection_window' });
    expect(mps.map((i) => i.assetId)).toEqual([ids.notice]);
  });

  it('refuses a within it does not understand with a 400 naming it', async () => {
    for (const within of ['P1M', '14D', 'P1DT2H', 'PT30M']) {
      const bad = await h.http().get('/deadlines').query({ within }).expect(400);
      expect((bad.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['within']);
    }
    const multi = await h
      .http()
      .get('/deadlines')
      .query({ kind: 'parking', caseId: 'x', colour: 'red' })
      .expect(400);
    expect((multi.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'caseId',
      'colour',
      'kind',
    ]);
    await h.http().get('/deadlines').query({ minPosition: 'soon' }).expect(400);
  });
});
