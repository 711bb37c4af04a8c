import { pdfText } from '../../support/pdf-text';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { loadConfig } from '@src/config/config';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { statementCommand } from '@src/reports/valuation-statement/statement-command';
import type { ValuationStatement } from '@src/reports/valuation-statement/valuation-statement';
import { makeTempDir } from '../../support/temp-dir';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const SECRET = 'CHIS/2026/SECRET-31';

describe('poca-ledger statement', () => {
  const dir = makeTempDir('poca-statement-');
  const config = loadConfig({ LEDGER_DATA_DIR: dir.path, NODE_ENV: 'test' });
  const caseId = uuidv4();
  const ada = uuidv4();
  const ben = uuidv4();
  const said: string[] = [];
  const out = { write: (s: string) => said.push(s) } as unknown as typeof process.stdout;
  afterAll(() => dir.remove());

  beforeAll(async () => {
    const store = SqliteEventStore.open({ dataDir: dir.path });
    await store.append(`case-${caseId}`, [
      {
        id: uuidv4(),
        type: 'CaseOpened',
        data: {
          caseId,
          reference: 'MPS/ECU/2026/0321',
          title: 'R v Adeyemi and Brook',
          leadAgency: 'MPS',
          jurisdiction: 'england_and_wales',
          occurredAt: '2026-05-01T10:00:00Z',
        },
      },
      ...[
        [ada, 'Ada Adeyemi'],
        [ben, 'Ben Brook'],
      ].map(([subjectId, name]) => ({
        id: uuidv4(),
        type: 'SubjectAdded',
        data: { subjectId, name, role: 'defendant', occurredAt: '2026-05-01T10:05:00Z' },
      })),
    ]);
    const seize = async (
      exhibitRef: string,
      category: string,
      seizedFrom: string,
      value: string,
    ) => {
      const assetId = uuidv4();
      await store.append(`asset-${assetId}`, [
        {
          id: uuidv4(),
          type: 'AssetSeized',
          data: {
            assetId,
            caseId,
            exhibitRef,
            power: 'POCA_S47C',
            category,
            description: `${category} ${exhibitRef}`,
            seizedFrom,
            location: 'Leeds LS1',
            custodyLocation: 'Secure storage, Wakefield',
            intelligence: { sourceType: 'informant', reference: SECRET, confidential: true },
            occurredAt: '2026-05-19T07:30:00Z',
          },
        },
        {
          id: uuidv4(),
          type: 'AssetValued',
          data: {
            valuationId: uuidv4(),
            basis: 'market',
            value: gbp(value),
            gbpValue: gbp(value),
            valuedAsAt: '2026-05-20',
            valuer: 'Valuer Ltd',
            occurredAt: '2026-05-20T16:00:00Z',
          },
        },
      ]);
    };
    await seize('AA/1', 'watch', ada, '1234.56');
    await seize('BB/1', 'jewellery', ben, '0.01');
    await store.close();
  });

  const run = async (options: { case: string; format: string; subject?: string }, file: string) => {
    const path = join(dir.path, file);
    await statementCommand(config, { asAt: '2026-06-30', out: path, ...options }, out);
    return path;
  };

  it('writes JSON, CSV and PDF files for a case by reference and by id, all the same statement', async () => {
    const byRef = JSON.parse(
      readFileSync(await run({ case: 'MPS/ECU/2026/0321', format: 'json' }, 's.json'), 'utf8'),
    ) as ValuationStatement;
    expect(byRef.header).toMatchObject({ caseId, caseReference: 'MPS/ECU/2026/0321' });
    expect(byRef.schedule.map((g) => [g.category, g.subtotalGbp])).toEqual([
      ['jewellery', '0.01'],
      ['watch', '1234.56'],
    ]);
    expect(byRef.totals.scheduleGbp).toBe('1234.57');
    expect(said.join('')).toContain(`statement ${byRef.statementId} for MPS/ECU/2026/0321`);

    const byIdText = readFileSync(await run({ case: caseId, format: 'json' }, 'id.json'), 'utf8');
    expect((JSON.parse(byIdText) as ValuationStatement).statementId).toBe(byRef.statementId);
    expect(byIdText).not.toContain(SECRET);

    const csv = readFileSync(await run({ case: caseId, format: 'csv' }, 's.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^record,category,exhibit_ref,/);
    expect(csv).toContain('AA/1');
    expect(csv).toContain(byRef.statementId);

    const pdf = readFileSync(await run({ case: 'MPS/ECU/2026/0321', format: 'pdf' }, 's.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await pdfText(pdf);
    expect(text).toContain('AA/1');
    expect(text).toContain('BB/1');
    expect(text).toContain(byRef.statementId);
    expect(text).not.toContain(SECRET);
  });

  it('--subject: the statement for one subject only', async () => {
    const s = JSON.parse(
      readFileSync(await run({ case: caseId, format: 'json', subject: ben }, 'ben.json'), 'utf8'),
    ) as ValuationStatement;
    expect(s.header.subjects).toEqual([{ name: 'Ben Brook', role: 'defendant' }]);
    expect(s.header.scope).toMatchObject({ kind: 'subject', subjectId: ben });
    expect(s.schedule.flatMap((g) => g.assets.map((a) => a.exhibitRef))).toEqual(['BB/1']);
    expect(s.totals.scheduleGbp).toBe('0.01');
    expect(said.join('')).toContain(`(subject ${ben} only)`);
    const unknown = uuidv4();
    await expect(run({ case: caseId, format: 'json', subject: unknown }, 'x.json')).rejects.toThrow(
      `No subject ${unknown} on case ${caseId}`,
    );
    await expect(run({ case: caseId, format: 'json', subject: 'ada' }, 'x.json')).rejects.toThrow(
      '--subject must be a subject id',
    );
  });

  it('refuses an unknown case and a bad format', async () => {
    await expect(run({ case: 'MPS/NOPE/1', format: 'json' }, 'x.json')).rejects.toThrow(
      'No case MPS/NOPE/1',
    );
    await expect(run({ case: caseId, format: 'xml' }, 'x.xml')).rejects.toThrow(
      '--format must be json, csv or pdf (not xml)',
    );
  });

  it('is refused with a clear message while another process holds the store lock', async () => {
    const held = SqliteEventStore.open({ dataDir: dir.path });
    try {
      await expect(run({ case: caseId, format: 'json' }, 'locked.json')).rejects.toThrow(
        `A server holds ${dir.path}: stop it first, or fetch GET /cases/{caseId}/valuation-statement from it`,
      );
    } finally {
      await held.close();
    }
  });
});
