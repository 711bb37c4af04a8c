import { pdfText } from '../support/pdf-text';
import { ReactorRunner } from '@src/workflows/reactor-runner';
import { bearer } from '../support/tokens';
import { startTestApp, TestApp } from './support/test-app';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const EUR_RATE = {
  currency: 'EUR',
  rateToGbp: '0.8567',
  source: 'ECB euro reference rate',
  asAt: '2026-05-20',
};
const SECRET = 'CHIS/2026/SECRET-77';

/** A minimal RFC 4180 parser (quotes, doubled quotes, CRLF) for reading the CSV back. */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      records.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  const [header, ...rest] = records;
  return rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('valuation statement (HTTP, real store, reactors)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());
  const http = () => t.http();
  const settle = (position: string) => t.app.get(ReactorRunner).waitFor(BigInt(position));
  const statementUrl = (caseId: string) => `/cases/${caseId}/valuation-statement`;

  it('states the case exactly as at a date and as known at a position, in json, csv and pdf', async () => {
    const caseId = (
      await http()
        .post('/cases')
        .send({ reference: 'MPS/ECU/2026/0888', title: 'R v Okafor', operation: 'Stimtone' })
        .expect(201)
    ).body.id as string;
    await http()
      .post(`/cases/${caseId}/subjects`)
      .send({ name: 'Daniel Okafor', role: 'defendant' })
      .expect(200);
    const subjectId = (await http().get(`/cases/${caseId}`).expect(200)).body.subjects[0]
      .subjectId as string;
    const seize = async (exhibitRef: string, category: string, description: string, extra = {}) =>
      (
        await http()
          .post('/assets')
          .send({
            caseId,
            exhibitRef,
            power: 'POCA_S47C',
            category,
            description,
            location: 'Chelsea Harbour, London SW10',
            custodyLocation: 'Secure storage, Enfield',
            seizedFrom: subjectId,
            occurredAt: '2026-05-19T07:30:00Z',
            ...extra,
          })
          .expect(201)
      ).body.id as string;
    const watch = await seize('DO/1', 'watch', 'Patek Philippe Nautilus 5711', {
      intelligence: { sourceType: 'covert human source', reference: SECRET, confidential: true },
    });
    const yacht = await seize('DO/2', 'vessel', 'Sunseeker Manhattan 52 "Blue Horizon"');
    await http()
      .post(`/assets/${watch}/valuations`)
      .send({
        basis: 'market',
        value: gbp('18500.00'),
        valuedAsAt: '2026-05-20',
        valuer: 'Bonhams watch department',
        occurredAt: '2026-05-20T16:00:00Z',
      })
      .expect(200);
    await http()
      .post(`/assets/${yacht}/valuations`)
      .send({
        basis: 'market',
        value: { amount: '285000.00', currency: 'EUR' },
        fx: EUR_RATE,
        valuedAsAt: '2026-05-20',
        valuer: 'Marine survey, Hamble',
        costsOfSale: gbp('12000.00'),
        occurredAt: '2026-05-20T16:00:00Z',
      })
      .expect(200);
    const restraint = await http()
      .post('/restraint-orders')
      .send({
        caseId,
        subjectId,
        orderRef: 'T2026/RO/0042',
        court: 'Southwark Crown Court',
        assetIds: [watch, yacht],
        occurredAt: '2026-05-22T10:00:00Z',
      })
      .expect(201);
    await settle(restraint.body.position as string);
    const order = await http()
      .post('/confiscation-orders')
      .send({
        caseId,
        subjectId,
        orderRef: 'T20267001',
        court: 'Southwark Crown Court',
        convictedAt: '2026-05-01',
        benefitFigure: gbp('400000.00'),
        availableAmount: gbp('262659.50'),
        orderAmount: gbp('262659.50'),
        instalments: [{ amount: gbp('262659.50'), dueDate: '2026-09-01' }],
        defaultTermMonths: 36,
        occurredAt: '2026-06-01T10:00:00Z',
      })
      .expect(201);
    const orderId = order.body.id as string;

    // The statement as at 15 June, as known now.
    const first = await http()
      .get(statementUrl(caseId))
      .query({ asAt: '2026-06-15' })
      .set(bearer({ sub: 'court-liaison-7' }))
      .expect(200)
      .expect('Content-Type', /application\/json/);
    const s1 = JSON.parse(first.text);
    expect(s1.statementId).toMatch(/^[0-9a-f]{64}$/);
    expect(s1.header).toMatchObject({
      caseReference: 'MPS/ECU/2026/0888',
      caseTitle: 'R v Okafor',
      subjects: [{ name: 'Daniel Okafor', role: 'defendant' }],
      courts: ['Southwark Crown Court'],
      preparedBy: 'court-liaison-7',
      asAt: '2026-06-15',
      currency: 'GBP',
    });
    expect(s1.header.asKnownAt).toBe(order.body.position);
    expect(s1.schedule.map((g: { category: string }) => g.category)).toEqual(['vessel', 'watch']);
    expect(s1.schedule[0]).toEqual({
      category: 'vessel',
      subtotalGbp: '244159.50',
      assets: [
        {
          assetId: yacht,
          exhibitRef: 'DO/2',
          description: 'Sunseeker Manhattan 52 "Blue Horizon"',
          category: 'vessel',
          legalBasis: 'POCA_S47C',
          status: 'held',
          custodyLocation: 'Secure storage, Enfield',
          valuation: {
            source: 'valuation',
            basis: 'market',
            native: { amount: '285000.00', currency: 'EUR' },
            gbp: '244159.50',
            exchangeRate: EUR_RATE,
            valuer: 'Marine survey, Hamble',
            valuedAsAt: '2026-05-20',
            valuationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          },
          costsOfSale: '12000.00',
          restraintOrderRefs: ['T2026/RO/0042'],
        },
      ],
    });
    expect(s1.schedule[1].subtotalGbp).toBe('18500.00');
    expect(s1.totals).toEqual({
      assets: 2,
      heldGbp: '262659.50',
      restrainedGbp: '262659.50',
      forfeitedGbp: '0.00',
      realised: { grossGbp: '0.00', costsGbp: '0.00', netGbp: '0.00' },
      scheduleGbp: '262659.50',
      confiscation: [
        {
          orderRef: 'T20267001',
          court: 'Southwark Crown Court',
          ordered: '262659.50',
          paid: '0.00',
          interest: '0.00',
          outstanding: '262659.50',
          status: 'outstanding',
          allocationPolicy: 'principal_first (verify)',
        },
      ],
    });
    expect(s1.notes.join('\n')).toContain(
      'EUR 1 = GBP 0.8567 (ECB euro reference rate, 2026-05-20)',
    );
    expect(first.text).not.toContain(SECRET);
    expect(first.text).not.toMatch(/intelligence|covert/i);
    const asKnownAt = s1.header.asKnownAt as string;
    const csv1 = await http()
      .get(statementUrl(caseId))
      .query({ asAt: '2026-06-15', asKnownAt, format: 'csv' })
      .set(bearer({ sub: 'court-liaison-7' }))
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const pinned = await http()
      .get(statementUrl(caseId))
      .query({ asAt: '2026-06-15', asKnownAt })
      .set(bearer({ sub: 'court-liaison-7' }))
      .expect(200);
    expect(pinned.text).toBe(first.text);

    // Later: time to pay extended, the watch revalued, a yacht valuation made and withdrawn,
    // the yacht sold.
    const orderUrl = `/confiscation-orders/${orderId}`;
    await http()
      .post(`${orderUrl}/time-to-pay-applications`)
      .send({ instalments: [0], occurredAt: '2026-08-15T10:00:00Z' })
      .expect(200);
    await http()
      .post(`${orderUrl}/time-to-pay-extensions`)
      .send({
        newDueDates: [{ index: 0, dueDate: '2026-12-01' }],
        occurredAt: '2026-08-20T10:00:00Z',
      })
      .expect(200);
    await http()
      .post(`/assets/${watch}/valuations`)
      .send({
        basis: 'market',
        value: gbp('21000.00'),
        valuedAsAt: '2026-09-01',
        valuer: 'Bonhams watch department',
        occurredAt: '2026-09-01T12:00:00Z',
      })
      .expect(200);
    await http()
      .post(`/assets/${yacht}/valuations`)
      .send({
        basis: 'forced_sale',
        value: gbp('99999.99'),
        valuedAsAt: '2026-09-01',
        valuer: 'Wrong survey',
        occurredAt: '2026-09-01T12:00:00Z',
      })
      .expect(200);
    const wrong = (await http().get(`/assets/${yacht}`).expect(200)).body.valuations[1]
      .valuationId as string;
    await http()
      .post(`/assets/${yacht}/valuations/${wrong}/withdrawal`)
      .send({ reason: 'Wrong vessel surveyed', occurredAt: '2026-09-02T09:00:00Z' })
      .expect(200);
    const sale = await http()
      .post(`/assets/${yacht}/realisation`)
      .send({
        grossProceeds: gbp('240000.00'),
        costs: gbp('12480.00'),
        realisedBy: 'Enforcement receiver (s.50)',
        courtAuthority: 'Enforcement receiver appointed under s.50, Southwark Crown Court',
        confiscationOrderId: orderId,
        occurredAt: '2026-10-20T15:00:00Z',
      })
      .expect(200);
    await settle(sale.body.position as string);

    // Same asAt and asKnownAt after later events: byte-identical JSON and CSV, the same id.
    const again = await http()
      .get(statementUrl(caseId))
      .query({ asAt: '2026-06-15', asKnownAt })
      .set(bearer({ sub: 'court-liaison-7' }))
      .expect(200);
    expect(again.text).toBe(first.text);
    expect(again.headers['x-statement-id']).toBe(s1.statementId);
    const csv2 = await http()
      .get(statementUrl(caseId))
      .query({ asAt: '2026-06-15', asKnownAt, format: 'csv' })
      .set(bearer({ sub: 'court-liaison-7' }))
      .expect(200);
    expect(csv2.text).toBe(csv1.text);

    // As at 15 June but as known now: the earlier picture exactly (only the position differs).
    const earlier = (
      await http()
        .get(statementUrl(caseId))
        .query({ asAt: '2026-06-15' })
        .set(bearer({ sub: 'court-liaison-7' }))
        .expect(200)
    ).body;
    expect(BigInt(earlier.header.asKnownAt)).toBeGreaterThan(BigInt(asKnownAt));
    expect(earlier.schedule).toEqual(s1.schedule);
    expect(earlier.totals).toEqual(s1.totals);
    expect(earlier.statementId).not.toBe(s1.statementId);

    // As at 21 October: the new watch value, the yacht realised, the order part paid.
    const later = await http().get(statementUrl(caseId)).query({ asAt: '2026-10-21' }).expect(200);
    const s2 = JSON.parse(later.text);
    expect(s2.header.preparedBy).toBe('dev-officer');
    const rows = s2.schedule.flatMap((g: { assets: unknown[] }) => g.assets) as {
      exhibitRef: string;
      status: string;
      valuation: { gbp: string; basis: string };
    }[];
    expect(rows.map((r) => [r.exhibitRef, r.status, r.valuation.basis, r.valuation.gbp])).toEqual([
      ['DO/2', 'realised', 'market', '244159.50'], // the withdrawn valuation is excluded
      ['DO/1', 'held', 'market', '21000.00'],
    ]);
    expect(s2.totals).toEqual({
      assets: 2,
      heldGbp: '21000.00',
      restrainedGbp: '21000.00',
      forfeitedGbp: '0.00',
      realised: { grossGbp: '240000.00', costsGbp: '12480.00', netGbp: '227520.00' },
      scheduleGbp: '265159.50',
      confiscation: [
        {
          orderRef: 'T20267001',
          court: 'Southwark Crown Court',
          ordered: '262659.50',
          paid: '227520.00',
          interest: '0.00',
          outstanding: '35139.50', // 262,659.50 − 227,520.00
          status: 'outstanding',
          allocationPolicy: 'principal_first (verify)',
        },
      ],
    });
    expect(s2.notes.join('\n')).toContain(`Withdrawn valuations are excluded: DO/2 (${wrong})`);
    expect(later.text).not.toContain(SECRET);

    // The CSV reads back to the same figures.
    const csv = await http()
      .get(statementUrl(caseId))
      .query({ asAt: '2026-10-21', asKnownAt: s2.header.asKnownAt, format: 'csv' })
      .expect(200);
    expect(csv.text).not.toContain(SECRET);
    const records = parseCsv(csv.text);
    expect(records.every((r) => r.statement_id === s2.statementId)).toBe(true);
    expect(
      records.filter((r) => r.record === 'asset').map((r) => [r.exhibit_ref, r.value_gbp]),
    ).toEqual([
      ['DO/2', '244159.50'],
      ['DO/1', '21000.00'],
    ]);
    const yachtRow = records.find((r) => r.exhibit_ref === 'DO/2')!;
    expect(yachtRow).toMatchObject({
      description: 'Sunseeker Manhattan 52 "Blue Horizon"',
      native_amount: '285000.00',
      native_currency: 'EUR',
      fx_rate_to_gbp: '0.8567',
      fx_date: '2026-05-20',
      valued_as_at: '2026-05-20',
      costs_of_sale_gbp: '12000.00',
      restraint_order_refs: 'T2026/RO/0042',
    });
    const value = (record: string, description: string, ref = '') =>
      records.find(
        (r) => r.record === record && r.description === description && r.exhibit_ref === ref,
      )?.value_gbp;
    expect(records.filter((r) => r.record === 'subtotal').map((r) => r.value_gbp)).toEqual([
      '244159.50',
      '21000.00',
    ]);
    expect(value('total', 'held')).toBe('21000.00');
    expect(value('total', 'realised_net')).toBe('227520.00');
    expect(value('confiscation', 'outstanding', 'T20267001')).toBe('35139.50');
    // Every document showing the principal/interest split carries the policy, marked verify.
    expect(
      records.find((r) => r.record === 'confiscation' && r.description === 'allocation_policy'),
    ).toMatchObject({ exhibit_ref: 'T20267001', status: 'principal_first (verify)' });

    // The PDF: a paginated A4 document naming the exhibits, the totals and the statement id.
    const pdf = await http()
      .get(statementUrl(caseId))
      .query({ asAt: '2026-10-21', asKnownAt: s2.header.asKnownAt, format: 'pdf' })
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('Content-Type', /application\/pdf/)
      .expect('Content-Disposition', /attachment; filename=".*\.pdf"/);
    const body = pdf.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, numpages } = await pdfText(body);
    for (const expected of [
      'DO/1',
      'DO/2',
      s2.statementId,
      '£21,000.00',
      '£227,520.00',
      '£35,139.50',
      '£244,159.50',
      'receipts applied principal_first (verify)',
      `Page 1 of ${numpages}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(SECRET);
  });

  it('a statement of 60 assets paginates, with the id and page number on every page', async () => {
    const caseId = (
      await http()
        .post('/cases')
        .send({ reference: 'MPS/ECU/2026/0999', title: 'R v Many', operation: 'Manifold' })
        .expect(201)
    ).body.id as string;
    for (let i = 1; i <= 60; i++) {
      await http()
        .post('/assets')
        .send({
          caseId,
          exhibitRef: `MX/${i}`,
          power: 'POCA_S47C',
          category: i % 2 ? 'watch' : 'jewellery',
          description: `Item ${i}`,
          location: 'London',
          custodyLocation: 'Store',
          occurredAt: '2026-05-19T07:30:00Z',
        })
        .expect(201);
    }
    const json = await http().get(statementUrl(caseId)).expect(200);
    const id = json.body.statementId as string;
    const pdf = await http()
      .get(statementUrl(caseId))
      .query({ format: 'pdf', asKnownAt: json.body.header.asKnownAt })
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const { text, numpages } = await pdfText(pdf.body as Buffer);
    expect(numpages).toBeGreaterThan(1);
    for (let p = 1; p <= numpages; p++) expect(text).toContain(`Page ${p} of ${numpages}`);
    expect(text.split(id).length - 1).toBeGreaterThanOrEqual(numpages);
  });

  it('refuses bad parameters (400 naming them) and an unknown case (404)', async () => {
    const caseId = (
      await http()
        .post('/cases')
        .send({ reference: 'MPS/ECU/2026/0555', title: 'R v Params' })
        .expect(201)
    ).body.id as string;
    const bad = await http()
      .get(statementUrl(caseId))
      .query({ asAt: '2026-13-01', asKnownAt: 'x', format: 'xml' })
      .expect(400);
    expect(bad.text).toContain('asAt');
    expect(bad.text).toContain('asKnownAt');
    expect(bad.text).toContain('format');
    const beyond = await http()
      .get(statementUrl(caseId))
      .query({ asKnownAt: '999999999' })
      .expect(400);
    expect(beyond.text).toContain('asKnownAt');
    await http().get(statementUrl('0190b3c2-7c1e-7000-8000-000000000000')).expect(404);
  });
});
