import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { loadConfig } from '@src/config/config';
import { StoreLockedError } from '@src/event-store/event-store.port';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import type { Reconciliation } from '@src/reports/reconciliation/reconciliation.model';
import { reconcile } from '@src/reports/reconciliation/reconcile-command';
import { makeTempDir } from '../../support/temp-dir';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });

describe('poca-ledger reconcile', () => {
  const dir = makeTempDir('poca-reconcile-');
  const config = loadConfig({ LEDGER_DATA_DIR: dir.path, NODE_ENV: 'test' });
  const orderId = uuidv4();
  const caseId = uuidv4();
  afterAll(() => dir.remove());

  beforeAll(async () => {
    const store = SqliteEventStore.open({ dataDir: dir.path });
    await store.append(`case-${caseId}`, [
      {
        id: uuidv4(),
        type: 'CaseOpened',
        data: {
          caseId,
          reference: 'MPS/R/1',
          title: 'T',
          operation: 'Stimtone',
          leadAgency: 'MPS',
          jurisdiction: 'england_and_wales',
          occurredAt: '2020-01-01T10:00:00Z',
        },
      },
    ]);
    await store.append(`confiscation-${orderId}`, [
      {
        id: uuidv4(),
        type: 'ConfiscationOrderMade',
        data: {
          confiscationOrderId: orderId,
          caseId,
          subjectId: uuidv4(),
          orderRef: 'T20197001',
          court: 'Southwark Crown Court',
          benefitFigure: gbp('500000.00'),
          availableAmount: gbp('90000.00'),
          orderAmount: gbp('90000.00'),
          instalments: [{ amount: gbp('90000.00'), dueDate: '2020-02-20' }],
          defaultTermMonths: 18,
          warnings: [],
          occurredAt: '2020-01-20T11:00:00Z',
        },
      },
      {
        id: uuidv4(),
        type: 'PaymentReceived',
        data: {
          receiptId: uuidv4(),
          amount: gbp('10000.00'),
          method: 'voluntary',
          reference: 'R1',
          occurredAt: '2020-02-20T10:00:00Z',
        },
      },
    ]);
    await store.close();
  });

  it('writes JSON and CSV files, balancing', async () => {
    const out = join(dir.path, 'r.json');
    const said: string[] = [];
    await reconcile(
      config,
      { from: '2020-01-01', to: '2020-02-29', format: 'json', out },
      { write: (s: string) => said.push(s) },
    );
    const r = JSON.parse(readFileSync(out, 'utf8')) as Reconciliation;
    expect(r.rollForward.total).toMatchObject({
      newOrders: gbp('90000.00'),
      receipts: gbp('10000.00'),
      // £80,000 unpaid after 20 Feb: 21..29 Feb = 9 days × 8% / 365 = £157.81
      interest: gbp('157.81'),
      closing: gbp('80157.81'),
    });
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(said.join('')).toMatch(/balances/);

    const csv = join(dir.path, 'r.csv');
    await reconcile(
      config,
      { from: '2020-01-01', to: '2020-02-29', format: 'csv', out: csv },
      { write: () => undefined },
    );
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/^section,item,id,/);
    expect(text).toContain(`roll_forward,closing,${orderId},T20197001,2020-02-29,,MPS,Stimtone`);
  });

  it('refuses bad or inverted dates, naming them', async () => {
    await expect(
      reconcile(config, { from: '2020-03-01', to: '2020-02-01' }, { write: () => undefined }),
    ).rejects.toThrow('--from 2020-03-01 is after --to 2020-02-01');
    await expect(
      reconcile(config, { from: 'x', to: '2020-02-01', format: 'xml' }, { write: () => undefined }),
    ).rejects.toThrow(/--from x.*--format/);
  });

  it('needs the server stopped (the store lock)', async () => {
    const held = SqliteEventStore.open({ dataDir: dir.path });
    try {
      await expect(
        reconcile(config, { from: '2020-01-01', to: '2020-02-29' }, { write: () => undefined }),
      ).rejects.toBeInstanceOf(StoreLockedError);
    } finally {
      await held.close();
    }
  });
});
