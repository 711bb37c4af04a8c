import { randomUUID } from 'node:crypto';
import { assetHelpers } from './support/assets';
import { LogCapture, logCaptureModule } from './support/log-capture';
import { startTestApp, TestApp } from './support/test-app';

const CHIS_REFERENCE = 'CHIS-SECRET-7781';
const COURT_LIAISON = { sub: 'CL-0042', agency: 'MPS', roles: ['court_liaison'] };

/** A case with a seizure whose intelligence source is confidential. */
async function caseWithSeizure(t: TestApp): Promise<{ caseId: string; assetId: string }> {
  const assets = assetHelpers(t);
  const caseId = await assets.openCase();
  const assetId = await assets.seize(
    assets.cashBody(caseId, {
      intelligence: { sourceType: 'informant', reference: CHIS_REFERENCE, confidential: true },
    }),
  );
  return { caseId, assetId };
}

describe('audit lines: who read which statement and which history', () => {
  const capture = new LogCapture();
  let t: TestApp;
  let caseId: string;
  let assetId: string;
  beforeAll(async () => {
    t = await startTestApp([logCaptureModule(capture)], { LOG_LEVEL: 'info' });
    ({ caseId, assetId } = await caseWithSeizure(t));
  });
  afterAll(async () => t.close());

  it('a valuation statement read: actor, agency, roles, case, query, status, statement id', async () => {
    const response = await t
      .http(COURT_LIAISON)
      .get(`/cases/${caseId}/valuation-statement`)
      .query({ asAt: '2026-11-30', format: 'csv' })
      .set('X-Request-Id', 'statement-read-1')
      .expect(200);
    const lines = capture.audits('valuation_statement.read');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      audit: true,
      level: 'info',
      event: 'valuation_statement.read',
      msg: 'audit valuation_statement.read',
      reqId: 'statement-read-1',
      actor: { sub: 'CL-0042', agency: 'MPS', roles: ['court_liaison'] },
      resourceId: caseId,
      params: { caseId },
      query: { asAt: '2026-11-30', format: 'csv' },
      status: 200,
      statementId: response.headers['x-statement-id'],
    });
    expect(response.headers['x-statement-id']).toEqual(expect.any(String));
  });

  it('an asset history read: actor, agency, the asset, the ledger position served', async () => {
    const response = await t
      .http({ sub: 'DC-7', agency: 'MPS', roles: ['investigator'] })
      .get(`/assets/${assetId.toUpperCase()}/history`)
      .set('X-Request-Id', 'history-read-1')
      .expect(200);
    const lines = capture.audits('asset_history.read');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      audit: true,
      event: 'asset_history.read',
      reqId: 'history-read-1',
      actor: { sub: 'DC-7', agency: 'MPS', roles: ['investigator'] },
      resourceId: assetId,
      status: 200,
      ledgerPosition: response.headers['x-ledger-position'],
    });
  });

  it('a failed read, and a route without @Audited, write no audit line', async () => {
    const before = capture.audits().length;
    await t.http().get(`/cases/${randomUUID()}/valuation-statement`).expect(404);
    await t.http().get(`/assets/${randomUUID()}/history`).expect(404);
    await t.http().get(`/assets/${assetId}`).expect(200);
    await t.http().get(`/cases/${caseId}`).expect(200);
    expect(capture.audits()).toHaveLength(before);
  });

  it('audit lines never carry the confidential reference', () => {
    expect(capture.audits().length).toBeGreaterThan(0);
    expect(capture.text()).not.toContain(CHIS_REFERENCE);
  });
});

describe('audit lines when LOG_LEVEL is raised to error', () => {
  const capture = new LogCapture();
  let t: TestApp;
  beforeAll(
    async () => (t = await startTestApp([logCaptureModule(capture)], { LOG_LEVEL: 'error' })),
  );
  afterAll(async () => t.close());

  it('still go out, while ordinary request lines do not', async () => {
    const { caseId, assetId } = await caseWithSeizure(t);
    await t
      .http(COURT_LIAISON)
      .get(`/cases/${caseId}/valuation-statement`)
      .query({ subjectId: randomUUID() })
      .expect(404);
    await t.http(COURT_LIAISON).get(`/cases/${caseId}/valuation-statement`).expect(200);
    await t.http().get(`/assets/${assetId}/history`).expect(200);
    expect(capture.audits().map((e) => [e.event, e.resourceId])).toEqual([
      ['valuation_statement.read', caseId],
      ['asset_history.read', assetId],
    ]);
    expect(capture.entries().filter((e) => e.msg === 'request completed')).toEqual([]);
  });
});

describe('audit lines with LOG_LEVEL=silent (tests only; refused in production)', () => {
  const capture = new LogCapture();
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp([logCaptureModule(capture)])));
  afterAll(async () => t.close());

  it('are silent too', async () => {
    const { assetId } = await caseWithSeizure(t);
    await t.http().get(`/assets/${assetId}/history`).expect(200);
    expect(capture.lines).toEqual([]);
  });
});
