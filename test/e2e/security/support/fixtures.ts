import type { Response } from 'supertest';
import { v4 as uuidv4 } from 'uuid';
import { TestApp } from '../../support/test-app';
import { settle } from './ledger-log';
import { OpenApiDocument, Operation, sampleBody } from './openapi';

/** Real things in the ledger for path parameters and ids in bodies, so that a hole would show. */
export interface Fixtures {
  caseId: string;
  subjectId: string;
  /** Euro cash seized under s.294, detained, valued. */
  assetId: string;
  valuationId: string;
  /** A vehicle seized under s.47C and restrained by `restraintOrderId`. */
  restrainedAssetId: string;
  restraintOrderId: string;
  confiscationOrderId: string;
  /** An agency the case is shared with. */
  sharedAgency: string;
  /** A projection the admin routes can rebuild. */
  projection: string;
}

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
let counter = 0;

/**
 * Opens a case of the MPS (as the default officer of test/support/tokens.ts) with a defendant,
 * seizes, detains and values cash, restrains a car and makes a confiscation order, and waits for
 * the background reactors to finish with them.
 */
export async function createFixtures(t: TestApp): Promise<Fixtures> {
  const http = () => t.http();
  const n = `${process.pid}-${++counter}`;
  const ok = async (request: PromiseLike<Response>): Promise<Response['body']> => {
    const response = await request;
    if (response.status >= 300) {
      throw new Error(`fixture refused: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  };

  const opened = await ok(
    http()
      .post('/cases')
      .send({
        reference: `MPS/SEC/2026/${n}`,
        title: 'Operation Stimtone: security tests',
        operation: 'Stimtone',
        occurredAt: '2026-01-05T09:00:00Z',
      }),
  );
  const caseId = opened.id as string;
  await ok(
    http()
      .post(`/cases/${caseId}/subjects`)
      .send({ name: 'Daniel Okafor', role: 'defendant', occurredAt: '2026-01-05T09:30:00Z' }),
  );
  const read = await ok(http().get(`/cases/${caseId}`));
  const subjectId = read.subjects[0].subjectId as string;
  const sharedAgency = 'NCA';
  await ok(
    http().post(`/cases/${caseId}/shares`).send({
      agency: sharedAgency,
      reason: 'Joint investigation',
      occurredAt: '2026-01-05T10:00:00Z',
    }),
  );

  const cash = await ok(
    http()
      .post('/assets')
      .send({
        caseId,
        exhibitRef: `SEC/${n}/1`,
        power: 'POCA_S294_CASH',
        category: 'cash',
        description: 'Cash in a sports bag, EUR 50 notes',
        seizedFrom: subjectId,
        location: '14 Harrow Road, London W2',
        custodyLocation: 'Paddington Green property store',
        declared: { amount: '12500.00', currency: 'EUR' },
        fx: [{ currency: 'EUR', rateToGbp: '0.8567', source: 'ECB', asAt: '2026-11-27' }],
        occurredAt: '2026-11-27T10:00:00Z',
      }),
  );
  const assetId = cash.id as string;
  await ok(
    http()
      .post(`/assets/${assetId}/detentions`)
      .send({ kind: 'initial', occurredAt: '2026-11-27T11:00:00Z' }),
  );
  await ok(
    http()
      .post(`/assets/${assetId}/valuations`)
      .send({
        basis: 'face_value',
        value: gbp('10708.75'),
        valuedAsAt: '2026-11-27',
        valuer: 'Exhibits officer',
        occurredAt: '2026-11-27T12:00:00Z',
      }),
  );
  const asset = await ok(http().get(`/assets/${assetId}`));
  const valuationId = asset.valuations[0].valuationId as string;

  const car = await ok(
    http()
      .post('/assets')
      .send({
        caseId,
        exhibitRef: `SEC/${n}/2`,
        power: 'POCA_S47C',
        category: 'vehicle',
        description: 'Range Rover Sport, black',
        location: '4 Acacia Avenue, Croydon',
        custodyLocation: 'Croydon vehicle pound',
        declared: gbp('45000.00'),
        occurredAt: '2026-01-10T09:00:00Z',
      }),
  );
  const restrainedAssetId = car.id as string;
  const restraint = await ok(
    http()
      .post('/restraint-orders')
      .send({
        caseId,
        subjectId,
        orderRef: `T2026R${n}`,
        court: 'Southwark Crown Court',
        assetIds: [restrainedAssetId],
        occurredAt: '2026-01-15T10:00:00Z',
      }),
  );
  const confiscation = await ok(
    http()
      .post('/confiscation-orders')
      .send({
        caseId,
        subjectId,
        orderRef: `T2026C${n}`,
        court: 'Southwark Crown Court',
        convictedAt: '2026-06-15',
        benefitFigure: gbp('500000'),
        availableAmount: gbp('90000'),
        orderAmount: gbp('90000'),
        instalments: [
          { amount: gbp('10000'), dueDate: '2026-10-20' },
          { amount: gbp('80000'), dueDate: '2026-11-20' },
        ],
        defaultTermMonths: 18,
        occurredAt: '2026-09-20T11:00:00Z',
      }),
  );
  const projections = await ok(http().get('/admin/projections'));
  await settle(t);
  return {
    caseId,
    subjectId,
    assetId,
    valuationId,
    restrainedAssetId,
    restraintOrderId: restraint.id as string,
    confiscationOrderId: confiscation.id as string,
    sharedAgency,
    projection: projections[0].name as string,
  };
}

/** The route's path with every parameter a real thing of the fixtures. */
export function realPath(op: Operation, f: Fixtures): string {
  return op.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    switch (name) {
      case 'caseId':
        return f.caseId;
      case 'assetId':
        return f.assetId;
      case 'valuationId':
        return f.valuationId;
      case 'agency':
        return f.sharedAgency;
      case 'name':
        return f.projection;
      case 'id':
        if (op.path.startsWith('/restraint-orders/')) return f.restraintOrderId;
        if (op.path.startsWith('/confiscation-orders/')) return f.confiscationOrderId;
        break;
    }
    throw new Error(
      `${op.key}: no fixture for the path parameter {${name}}; add one to test/e2e/security/support/fixtures.ts`,
    );
  });
}

/** Body fields holding ids, pointed at the fixtures (anything else: an id nobody has). */
export function idFor(f: Fixtures): (field: string) => string {
  return (field) => {
    switch (field) {
      case 'caseId':
        return f.caseId;
      case 'subjectId':
      case 'seizedFrom':
        return f.subjectId;
      case 'assetId':
        return f.assetId;
      case 'assetIds':
      case 'addedAssetIds':
      case 'removedAssetIds':
        return f.restrainedAssetId;
      case 'confiscationOrderId':
        return f.confiscationOrderId;
      default:
        return uuidv4();
    }
  };
}

/** A plausible body for the route (from its schema's examples), or undefined if it takes none. */
export function plausibleBody(
  document: OpenApiDocument,
  op: Operation,
  f: Fixtures,
): object | undefined {
  return op.body ? (sampleBody(document, op.body, idFor(f)) as object) : undefined;
}

/** Query parameters a route requires, from their examples. */
export function requiredQuery(op: Operation): Record<string, string> {
  return Object.fromEntries(
    op.requiredQuery.map((p) => {
      const value = p.schema?.example ?? p.schema?.enum?.[0];
      return [p.name, typeof value === 'string' || typeof value === 'number' ? String(value) : ''];
    }),
  );
}
