import { pdfText } from '../support/pdf-text';
import { collect } from '../support/async';
import { bearer } from '../support/tokens';
import { cashBodyFor, money } from './support/assets';
import { startTestApp, TestApp } from './support/test-app';

/**
 * S3 and S4 (docs/quality.md): agency scope on single cases, assets and orders, and confidential
 * intelligence sources. An NCA officer asks about an MPS case before it is shared (404, exactly
 * as for something that does not exist, and nothing written), while it is shared (allowed), and
 * after sharing is revoked (404 again).
 */
describe('agency scope and protected sources (S3, S4)', () => {
  let t: TestApp;
  const MPS_INVESTIGATOR = bearer({ sub: 'DC 4411', agency: 'MPS', roles: ['investigator'] });
  const MPS_SUPERVISOR = bearer({ sub: 'DS 1002', agency: 'MPS', roles: ['supervisor'] });
  const MPS_COURT = bearer({ sub: 'CL 7', agency: 'MPS', roles: ['court_liaison'] });
  const NCA_OFFICER = bearer({
    sub: 'NCA 5150',
    agency: 'NCA',
    roles: ['investigator', 'court_liaison', 'finance', 'supervisor'],
  });
  const CPS_LAWYER = bearer({
    sub: 'CPS 88',
    agency: 'CPS',
    roles: ['court_liaison', 'supervisor'],
  });
  const AUDITOR = bearer({ sub: 'AUD 1', agency: 'HMICFRS', roles: ['auditor'] });
  const SECRET = 'CHIS-SECRET-7781';

  let caseId: string;
  let subjectId: string;
  let assetId: string;
  let restraintId: string;
  let confiscationId: string;
  const reference = 'MPS/ECU/2026/0500';

  const eventCount = async () => (await collect(t.store.readAll())).length;

  beforeAll(async () => {
    t = await startTestApp();
    const http = () => t.http();
    caseId = (
      await http()
        .post('/cases')
        .set(MPS_INVESTIGATOR)
        .send({ reference, title: 'Operation Stimtone: R v Okafor', operation: 'Stimtone' })
        .expect(201)
    ).body.id;
    await http()
      .post(`/cases/${caseId}/subjects`)
      .set(MPS_INVESTIGATOR)
      .send({ name: 'Daniel Okafor', role: 'defendant' })
      .expect(200);
    subjectId = (await http().get(`/cases/${caseId}`).set(MPS_INVESTIGATOR).expect(200)).body
      .subjects[0].subjectId;
    assetId = (
      await http()
        .post('/assets')
        .set(MPS_INVESTIGATOR)
        .send(
          cashBodyFor(caseId, 'JDS/500', {
            intelligence: { sourceType: 'informant', reference: SECRET, confidential: true },
          }),
        )
        .expect(201)
    ).body.id;
    restraintId = (
      await http()
        .post('/restraint-orders')
        .set(MPS_COURT)
        .send({
          caseId,
          subjectId,
          orderRef: 'T2026/RO/0500',
          court: 'Southwark Crown Court',
          assetIds: [],
          coversAllRealisableProperty: true,
          occurredAt: '2026-11-27T15:00:00Z',
        })
        .expect(201)
    ).body.id;
    confiscationId = (
      await http()
        .post('/confiscation-orders')
        .set(MPS_COURT)
        .send({
          caseId,
          subjectId,
          orderRef: 'T20267500',
          court: 'Southwark Crown Court',
          convictedAt: '2026-11-01',
          benefitFigure: money('50000.00'),
          availableAmount: money('20000.00'),
          orderAmount: money('20000.00'),
          instalments: [{ amount: money('20000.00'), dueDate: '2027-02-27' }],
          defaultTermMonths: 18,
          occurredAt: '2026-11-27T16:00:00Z',
        })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  const NONE = '00000000-0000-7000-8000-000000000000';

  /** Every single-resource read, for the real ids or for ids that do not exist. */
  const reads = (ids: {
    caseId: string;
    assetId: string;
    restraintId: string;
    orderId: string;
  }) => [
    `/cases/${ids.caseId}`,
    `/cases/${ids.caseId}/valuation-statement`,
    `/cases/${ids.caseId}/valuation-statement?format=csv`,
    `/assets/${ids.assetId}`,
    `/assets/${ids.assetId}/history`,
    `/restraint-orders/${ids.restraintId}`,
    `/confiscation-orders/${ids.orderId}`,
  ];
  const real = () => ({ caseId, assetId, restraintId, orderId: confiscationId });
  const missing = { caseId: NONE, assetId: NONE, restraintId: NONE, orderId: NONE };

  /** Commands another agency might try, each of which would write if allowed. */
  const writes = () => [
    { path: `/cases/${caseId}/subjects`, body: { name: 'Ben Brook', role: 'suspect' } },
    {
      path: `/assets/${assetId}/valuations`,
      body: {
        basis: 'face_value',
        value: money('12500.00', 'EUR'),
        fx: { currency: 'EUR', rateToGbp: '0.8567', source: 'ECB', asAt: '2026-11-27' },
        valuedAsAt: '2026-11-27',
        valuer: 'NCA cash counter',
      },
    },
    {
      path: `/assets/${assetId}/custody-transfers`,
      body: { to: 'NCA vault', reason: 'Moved for counting' },
    },
    { path: '/assets', body: cashBodyFor(caseId, 'NCA/EX/1') },
    {
      path: `/restraint-orders/${restraintId}/receivers`,
      body: { receiver: 'Grant Thornton', appointedAt: '2026-11-28' },
    },
    {
      path: `/confiscation-orders/${confiscationId}/payments`,
      body: {
        amount: money('100.00'),
        method: 'voluntary',
        reference: 'NCA-PAY-1',
      },
    },
  ];

  /** The 404 an out-of-scope id gets must be the one a missing id gets (ids aside). */
  const shape = (body: Record<string, unknown>, ids: string[]) =>
    JSON.parse(ids.reduce((text, id) => text.split(id).join('<id>'), JSON.stringify(body)));

  async function expectHidden(as: { Authorization: string }) {
    for (const [i, path] of reads(real()).entries()) {
      const res = await t.http().get(path).set(as);
      expect([path, res.status]).toEqual([path, 404]);
      const absent = await t.http().get(reads(missing)[i]).set(as).expect(404);
      expect(shape(res.body, [caseId, assetId, restraintId, confiscationId])).toEqual(
        shape(absent.body, [NONE]),
      );
    }
    const before = await eventCount();
    for (const { path, body } of writes()) {
      const res = await t.http().post(path).set(as).send(body);
      expect([path, res.status]).toEqual([path, 404]);
    }
    expect(await eventCount()).toBe(before);
  }

  it('S3: before sharing, another agency reads and writes nothing of the case (404, as if absent)', async () => {
    await expectHidden(NCA_OFFICER);
    // Nor can it find the case by reference.
    const byRef = await t.http().get(`/cases?reference=${reference}`).set(NCA_OFFICER).expect(404);
    const noRef = await t.http().get('/cases?reference=MPS/NONE/1').set(NCA_OFFICER).expect(404);
    expect(byRef.body.code).toBe(noRef.body.code);
  });

  it('S3: shared, the other agency reads and writes; only the lead agency may share, revoke or close', async () => {
    const shared = await t
      .http()
      .post(`/cases/${caseId}/shares`)
      .set(MPS_SUPERVISOR)
      .send({ agency: 'NCA', reason: 'Joint investigation (Project Aldgate)' })
      .expect(200);
    expect(shared.body.events).toEqual(['CaseShared']);

    for (const path of reads(real())) {
      const res = await t.http().get(path).set(NCA_OFFICER);
      expect([path, res.status]).toEqual([path, 200]);
    }
    const before = await eventCount();
    const valued = await t
      .http()
      .post(writes()[1].path)
      .set(NCA_OFFICER)
      .send(writes()[1].body)
      .expect(200);
    expect(valued.body.events).toEqual(['AssetValued']);
    expect(await eventCount()).toBe(before + 1);
    const history = await t.http().get(`/assets/${assetId}/history`).set(MPS_COURT).expect(200);
    expect(history.body.events.at(-1)).toMatchObject({ actor: 'NCA 5150', agency: 'NCA' });

    // A partner agency may not pass the case on, take sharing away, or close it.
    const passOn = await t
      .http()
      .post(`/cases/${caseId}/shares`)
      .set(NCA_OFFICER)
      .send({ agency: 'CPS', reason: 'For advice' })
      .expect(403);
    expect(passOn.body.code).toBe('forbidden');
    await t
      .http()
      .delete(`/cases/${caseId}/shares/NCA`)
      .set(NCA_OFFICER)
      .send({ reason: 'No longer needed' })
      .expect(403);
    await t
      .http()
      .post(`/cases/${caseId}/close`)
      .set(NCA_OFFICER)
      .send({ reason: 'Done' })
      .expect(403);
    // An agency it is not shared with still sees nothing.
    await t
      .http()
      .post(`/cases/${caseId}/shares`)
      .set(CPS_LAWYER)
      .send({ agency: 'CPS', reason: 'Let me in' })
      .expect(404);
    expect(await eventCount()).toBe(before + 1);
  });

  it('S3: after revoking, the case is hidden from the other agency again', async () => {
    const revoked = await t
      .http()
      .delete(`/cases/${caseId}/shares/NCA`)
      .set(MPS_SUPERVISOR)
      .send({ reason: 'Joint investigation concluded' })
      .expect(200);
    expect(revoked.body.events).toEqual(['CaseSharingRevoked']);
    await expectHidden(NCA_OFFICER);
  });

  it('auditors read every case whatever their agency, and write nothing', async () => {
    for (const path of reads(real())) {
      const res = await t.http().get(path).set(AUDITOR);
      expect([path, res.status]).toEqual([path, 200]);
    }
    const before = await eventCount();
    for (const { path, body } of writes()) {
      const res = await t.http().post(path).set(AUDITOR).send(body);
      expect([path, res.status]).toEqual([path, 403]);
    }
    expect(await eventCount()).toBe(before);
  });

  it('a case is opened for the opener’s own agency only', async () => {
    const before = await eventCount();
    const res = await t
      .http()
      .post('/cases')
      .set(MPS_INVESTIGATOR)
      .send({ reference: 'NCA/2026/0001', title: 'Not ours to open', leadAgency: 'NCA' })
      .expect(403);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'leadAgency' })]);
    expect(await eventCount()).toBe(before);
  });

  describe('S4: a confidential intelligence source', () => {
    const sourceSeenBy = async (as: { Authorization: string }) => {
      const asset = await t.http().get(`/assets/${assetId}`).set(as).expect(200);
      const history = await t.http().get(`/assets/${assetId}/history`).set(as).expect(200);
      return [
        asset.body.intelligence.reference,
        history.body.events[0].data.intelligence.reference,
      ];
    };

    it('is shown to the lead agency’s investigators and supervisors only', async () => {
      expect(await sourceSeenBy(MPS_INVESTIGATOR)).toEqual([SECRET, SECRET]);
      expect(await sourceSeenBy(MPS_SUPERVISOR)).toEqual([SECRET, SECRET]);
      expect(await sourceSeenBy(MPS_COURT)).toEqual(['[protected]', '[protected]']);
      expect(await sourceSeenBy(bearer({ agency: 'MPS', roles: ['finance'] }))).toEqual([
        '[protected]',
        '[protected]',
      ]);
      expect(await sourceSeenBy(AUDITOR)).toEqual(['[protected]', '[protected]']);
    });

    it('reads [protected] to a partner agency, even its investigators, while shared', async () => {
      await t
        .http()
        .post(`/cases/${caseId}/shares`)
        .set(MPS_SUPERVISOR)
        .send({ agency: 'NCA', reason: 'Asset tracing' })
        .expect(200);
      const asset = await t.http().get(`/assets/${assetId}`).set(NCA_OFFICER).expect(200);
      const history = await t.http().get(`/assets/${assetId}/history`).set(NCA_OFFICER).expect(200);
      for (const text of [asset.text, history.text]) {
        expect(text).not.toContain(SECRET);
        expect(text).toContain('[protected]');
      }
    });

    it('never appears in a statement (JSON, CSV, PDF), even for the lead agency', async () => {
      for (const format of ['json', 'csv', 'pdf']) {
        const res = await t
          .http()
          .get(`/cases/${caseId}/valuation-statement?format=${format}`)
          .set(bearer({ agency: 'MPS', roles: ['supervisor'] }))
          .buffer(true)
          .parse((response, done) => {
            const chunks: Buffer[] = [];
            response.on('data', (c: Buffer) => chunks.push(c));
            response.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
        const body = res.body as Buffer;
        const text =
          format === 'pdf' ? (await pdfText(Buffer.from(body))).text : body.toString('utf8');
        expect(text).toContain('JDS/500');
        expect(text).not.toContain(SECRET);
      }
    });
  });
});
