/**
 * P5 (docs/quality.md): a valuation statement PDF for a case of 500 assets in ≤ 1 s. The ceiling,
 * measured in the same run, is pdfkit writing the same rows as plain lines with no layout.
 * Usage: npm run bench:statement [-- --assets 500 --runs 5 --no-record]
 */
import PDFDocument from 'pdfkit';
import { AssetEvent } from '../src/ledger/assets/asset.events';
import { AssetState, evolve, initialAssetState } from '../src/ledger/assets/asset.state';
import {
  buildValuationStatement,
  ValuationStatement,
} from '../src/reports/valuation-statement/valuation-statement';
import { toPdf } from '../src/reports/valuation-statement/valuation-statement.pdf';
import { machine, median, option, recordRow, summaryLine } from './support';

const ASSETS = option('assets', 500);
const RUNS = option('runs', 5);
const RECORD = !process.argv.includes('--no-record');
const CATEGORIES = ['cash', 'watch', 'jewellery', 'vehicle', 'electronics'] as const;

function asset(n: number): AssetState {
  const category = CATEGORIES[n % CATEGORIES.length];
  const events = [
    {
      type: 'AssetSeized',
      data: {
        assetId: `a-${n}`,
        caseId: 'c-1',
        exhibitRef: `BW/${n}`,
        power: category === 'cash' ? 'POCA_S294_CASH' : 'POCA_S47C',
        category,
        description: `Item ${n}: ${category} seized at the address`,
        location: '14 Harrow Road, London W2',
        custodyLocation: 'Paddington Green property store',
        ...(category === 'cash'
          ? {
              declared: { amount: `${1000 + n}.50`, currency: 'GBP' },
              declaredGbp: { amount: `${1000 + n}.50`, currency: 'GBP' },
            }
          : {}),
        occurredAt: '2026-11-19T08:00:00.000Z',
      },
    },
    {
      type: 'AssetValued',
      data: {
        valuationId: `v-${n}`,
        basis: 'market',
        value: { amount: `${2000 + n * 3}.00`, currency: 'GBP' },
        gbpValue: { amount: `${2000 + n * 3}.00`, currency: 'GBP' },
        valuedAsAt: '2026-11-20',
        valuer: 'Bonhams',
        occurredAt: '2026-11-20T12:00:00.000Z',
      },
    },
  ];
  return events.reduce((s, e) => evolve(s, e as unknown as AssetEvent), initialAssetState);
}

function statement(): ValuationStatement {
  return buildValuationStatement({
    caseId: 'c-1',
    reference: 'MPS/ECU/2026/0113',
    title: 'Operation Stimtone: R v Okafor and others',
    subjects: [{ subjectId: 's-1', name: 'Daniel Okafor', role: 'defendant' }],
    preparedBy: 'court-liaison-7',
    asAt: '2026-11-27',
    asKnownAt: 123456n,
    generatedAt: '2026-11-27T17:00:00.000Z',
    assets: Array.from({ length: ASSETS }, (_, n) => ({
      assetId: `a-${n}`,
      state: asset(n),
      restraintOrderRefs: n % 7 ? [] : ['T2026/RO/0042'],
    })),
    restraintOrders: [{ orderRef: 'T2026/RO/0042', court: 'Southwark Crown Court' }],
    confiscationOrders: [],
    chainHeads: Array.from({ length: ASSETS }, (_, n) => ({
      stream: `asset-a-${n}`,
      revision: '3',
      hash: n.toString(16).padStart(64, '0'),
    })),
  });
}

function plainPdf(lines: string[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(8);
    for (const line of lines) doc.text(line);
    doc.end();
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main() {
  const s = statement();
  const lines = s.schedule.flatMap((g) => g.assets.map((r) => JSON.stringify(r)));
  await toPdf(s); // warm up
  const ours: number[] = [];
  const ceiling: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    ceiling.push(await timed(() => plainPdf(lines)));
    ours.push(await timed(() => toPdf(statement())));
  }
  const value = median(ours);
  const floor = median(ceiling);
  const met = value <= 1000;
  console.log(
    `statement PDF, ${ASSETS} assets: median ${value.toFixed(0)} ms (min ${Math.min(...ours).toFixed(0)}, max ${Math.max(...ours).toFixed(0)}); plain pdfkit lines ${floor.toFixed(0)} ms`,
  );
  if (RECORD) {
    recordRow(
      'P5',
      `| P5 | valuation statement PDF (build + render), ${ASSETS} assets × ${RUNS} runs | ${value.toFixed(0)} ms (min ${Math.min(...ours).toFixed(0)}, max ${Math.max(...ours).toFixed(0)}) | ${floor.toFixed(0)} ms the same rows as plain pdfkit lines | ${(value / floor).toFixed(2)} | ≤ 1,000 ms | ${met ? 'yes' : 'no'} | ${machine()}, ${new Date().toISOString().slice(0, 10)} |`,
    );
  }
  console.log(
    summaryLine({
      id: 'P5',
      value,
      unit: 'ms',
      ceiling: floor,
      ratio: value / floor,
      targetMet: met,
    }),
  );
}

void main();
