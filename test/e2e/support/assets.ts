import { collect } from '../../support/async';
import { TestApp } from './test-app';
import { bearer } from '../../support/tokens';

/** ECB reference rate used throughout the asset stories: EUR 12,500.00 × 0.8567 = GBP 10,708.75. */
export const EUR_RATE = {
  currency: 'EUR',
  rateToGbp: '0.8567',
  source: 'ECB euro reference rate',
  asAt: '2026-11-27',
};

/** Friday 27 November 2026, 10:00 in London (GMT): the Big Wing day. */
export const FRIDAY_10AM = '2026-11-27T10:00:00Z';

export const money = (amount: string, currency = 'GBP') => ({ amount, currency });

/** A valid seizure of euro cash under s.294 into a case, with this exhibit reference. */
export const cashBodyFor = (
  caseId: string,
  exhibitRef: string,
  overrides: Record<string, unknown> = {},
) => ({
  caseId,
  exhibitRef,
  power: 'POCA_S294_CASH',
  category: 'cash',
  description: 'Cash in a sports bag, EUR 50 notes',
  location: '14 Harrow Road, London W2',
  custodyLocation: 'Paddington Green property store',
  declared: money('12500.00', 'EUR'),
  fx: [EUR_RATE],
  occurredAt: FRIDAY_10AM,
  ...overrides,
});

/** HTTP helpers for the asset e2e suites: cases, seizures, commands and reads. */
export function assetHelpers(t: TestApp) {
  const http = () => t.http();
  let n = 0;
  const next = () => String(++n).padStart(4, '0');

  const eventCount = async () => (await collect(t.store.readAll())).length;

  async function openCase(title = 'Operation Stimtone: cash couriers'): Promise<string> {
    const res = await http()
      .post('/cases')
      .send({ reference: `MPS/ECU/2026/${next()}`, title, operation: 'Stimtone' })
      .expect(201);
    return res.body.id as string;
  }

  const exhibitRef = () => `JDS/${next()}`;

  /** A valid seizure of euro cash under s.294 (override any field). */
  const cashBody = (caseId: string, overrides: Record<string, unknown> = {}) =>
    cashBodyFor(caseId, exhibitRef(), overrides);

  async function seize(body: Record<string, unknown>, headers: Record<string, string> = {}) {
    const res = await http().post('/assets').set(headers).send(body);
    if (res.status !== 201) {
      throw new Error(`seizure refused: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body.id as string;
  }

  const command = (
    assetId: string,
    path: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => http().post(`/assets/${assetId}/${path}`).set(headers).send(body);

  const read = (assetId: string, query: Record<string, string> = {}) =>
    http().get(`/assets/${assetId}`).query(query).expect(200);

  return { http, eventCount, openCase, exhibitRef, cashBody, seize, command, read };
}

/** The bearer token of the default officer acting in only these roles. */
export const as = (...roles: string[]) => bearer({ roles });
