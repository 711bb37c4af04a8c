/**
 * Found by the R1 server crash test (server-crash.e2e.spec.ts): a creating command writes its
 * unique-key reservation first, then its own events. Killed between the two, and retried with the
 * same Idempotency-Key, it must go on with the id it reserved the first time: otherwise the case
 * (or asset) is created under a new id while the reservation names one that never exists, and
 * `GET /cases?reference=` answers 404 for a case that is there.
 */
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { CommandEnvelope } from '@src/ledger/command-handling/command-metadata';
import {
  caseReferenceStream,
  exhibitStream,
  Reservations,
} from '@src/ledger/reservations/reservations';
import { cashBodyFor } from './support/assets';
import { startTestApp, TestApp } from './support/test-app';

describe('a creating command retried after a crash between its reservation and its events', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());

  /** What the first attempt wrote before the server died: the reservation only. */
  async function reservedBeforeTheCrash(stream: string, key: string): Promise<string> {
    const envelope: CommandEnvelope = {
      commandId: key,
      correlationId: key,
      causationId: key,
      actor: { id: 'dev-officer', agency: 'MPS', roles: ['investigator', 'supervisor'] },
      role: 'investigator',
      now: new Date().toISOString(),
    };
    const ownerId = uuidv7();
    const reservations = t.app.get(Reservations);
    const reserved = await reservations.reserve(
      { stream, describe: 'the key', ownerId, code: 'case_reference_taken', field: 'reference' },
      envelope,
    );
    expect(reserved).toBe(ownerId);
    return ownerId;
  }

  it('POST /cases goes on with the case id it reserved; the reference finds the case', async () => {
    const key = uuidv4();
    const reference = 'MPS/ECU/2026/R1-RETRY';
    const reservedId = await reservedBeforeTheCrash(caseReferenceStream(reference), key);

    const retried = await t
      .http()
      .post('/cases')
      .set('Idempotency-Key', key)
      .send({ reference, title: 'Opened, then the server died' })
      .expect(201);
    expect(retried.body.id).toBe(reservedId);
    const found = await t.http().get('/cases').query({ reference }).expect(200);
    expect(found.body.id).toBe(reservedId);
  });

  it('POST /assets goes on with the asset id it reserved', async () => {
    const opened = await t
      .http()
      .post('/cases')
      .send({ reference: 'MPS/ECU/2026/R1-RETRY-2', title: 'Seizures' })
      .expect(201);
    const key = uuidv4();
    const exhibitRef = 'R1/RETRY/1';
    const reservedId = await reservedBeforeTheCrash(exhibitStream('MPS', exhibitRef), key);

    const retried = await t
      .http()
      .post('/assets')
      .set('Idempotency-Key', key)
      .send(cashBodyFor(opened.body.id as string, exhibitRef))
      .expect(201);
    expect(retried.body.id).toBe(reservedId);
    await t.http().get(`/assets/${reservedId}`).expect(200);
  });
});
