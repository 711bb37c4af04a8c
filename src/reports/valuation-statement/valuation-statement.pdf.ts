import PDFDocument from 'pdfkit';
import { StatementRow, ValuationStatement } from './valuation-statement';

const MARGIN = 40;
const FOOTER = 28;

/** `1234567.5` → `1,234,567.50`: the printed form (the JSON and CSV keep plain decimals). */
function pounds(amount: string): string {
  const negative = amount.startsWith('-');
  const [whole, fraction = '00'] = (negative ? amount.slice(1) : amount).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}£${grouped}.${fraction.padEnd(2, '0')}`;
}

const COLUMNS: { title: string; width: number; text: (r: StatementRow) => string }[] = [
  { title: 'Exhibit', width: 45, text: (r) => r.exhibitRef },
  { title: 'Description', width: 95, text: (r) => r.description },
  { title: 'Legal basis', width: 60, text: (r) => r.legalBasis },
  { title: 'Status', width: 45, text: (r) => r.status },
  { title: 'Custody', width: 60, text: (r) => r.custodyLocation ?? '' },
  {
    title: 'Valuation',
    width: 115,
    text: (r) => {
      const v = r.valuation;
      if (!v) return 'not valued';
      const parts: string[] = [v.basis];
      if (v.native && v.native.currency !== 'GBP')
        parts.push(`${v.native.amount} ${v.native.currency}`);
      if (v.exchangeRate)
        parts.push(
          `@ ${v.exchangeRate.rateToGbp} (${v.exchangeRate.source}, ${v.exchangeRate.asAt})`,
        );
      if (v.valuer) parts.push(`by ${v.valuer}`);
      if (v.valuedAsAt) parts.push(`as at ${v.valuedAsAt}`);
      if (r.costsOfSale) parts.push(`costs of sale ${pounds(r.costsOfSale)}`);
      return parts.join(', ');
    },
  },
  { title: 'Restraint', width: 55, text: (r) => r.restraintOrderRefs.join(', ') },
  {
    title: 'Value (GBP)',
    width: 70,
    text: (r) => (r.valuation ? pounds(r.valuation.gbp) : '-'),
  },
];

/**
 * The statement as a printable A4 PDF: header, schedule grouped by category with subtotals,
 * totals, notes; every page footed with its number and the statement id. The document's dates
 * are the statement's generatedAt, so the content depends on the statement alone.
 */
export function toPdf(s: ValuationStatement): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER },
    bufferPages: true,
    info: {
      Title: `Valuation statement ${s.header.caseReference} as at ${s.header.asAt}`,
      Author: s.header.preparedBy,
      CreationDate: new Date(s.header.generatedAt),
      ModDate: new Date(s.header.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const h = s.header;
  doc.font('Helvetica-Bold').fontSize(14).text('Valuation statement (Proceeds of Crime Act 2002)');
  doc.moveDown(0.3).font('Helvetica').fontSize(9);
  const headerLines: [string, string][] = [
    ['Case', `${h.caseReference}: ${h.caseTitle}`],
    ['Subject(s)', h.subjects.map((x) => `${x.name} (${x.role})`).join('; ') || '-'],
    ...(h.scope ? [['Scope', h.scope.description] as [string, string]] : []),
    ['Court', h.courts.join('; ') || '-'],
    ['Prepared by', h.preparedBy],
    ['As at', h.asAt],
    ['As known at', `ledger position ${h.asKnownAt}`],
    ['Generated', `${h.generatedAt} (the ledger time the statement reflects)`],
    ['Statement id', s.statementId],
  ];
  for (const [label, value] of headerLines) {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true });
    doc.font('Helvetica').text(value);
  }

  const widths = COLUMNS.map((c) => c.width);
  const scale = width / widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => w * scale);
  const row = (cells: string[], bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: cols[i] - 4 }));
    const height = Math.max(...heights) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y + 2, {
        width: cols[i] - 4,
        align: i === cells.length - 1 ? 'right' : 'left',
      });
      x += cols[i];
    });
    doc.x = left;
    doc.y = y + height;
  };
  const line = () =>
    doc
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .lineWidth(0.5)
      .stroke();

  doc.moveDown(1).font('Helvetica-Bold').fontSize(11).text('Schedule of assets', left);
  for (const group of s.schedule) {
    doc.moveDown(0.5);
    if (doc.y + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(9).text(`Category: ${group.category}`, left);
    row(
      COLUMNS.map((c) => c.title),
      true,
    );
    line();
    for (const asset of group.assets) row(COLUMNS.map((c) => c.text(asset)));
    line();
    row(
      COLUMNS.map((_, i) =>
        i === 0
          ? `Subtotal ${group.category}`
          : i === COLUMNS.length - 1
            ? pounds(group.subtotalGbp)
            : '',
      ),
      true,
    );
  }

  const t = s.totals;
  doc.moveDown(1).font('Helvetica-Bold').fontSize(11).text('Totals (GBP)', left);
  doc.font('Helvetica').fontSize(9);
  const totals: [string, string][] = [
    ['Schedule (all assets shown)', t.scheduleGbp],
    ['Held', t.heldGbp],
    ['Restrained', t.restrainedGbp],
    ['Forfeited', t.forfeitedGbp],
    ['Realised: gross proceeds', t.realised.grossGbp],
    ['Realised: costs of sale', t.realised.costsGbp],
    ['Realised: net proceeds', t.realised.netGbp],
  ];
  for (const c of t.confiscation) {
    totals.push(
      [`Confiscation order ${c.orderRef} (${c.court}): ordered`, c.ordered],
      [`Confiscation order ${c.orderRef}: paid`, c.paid],
      [`Confiscation order ${c.orderRef}: interest`, c.interest],
      [
        `Confiscation order ${c.orderRef}: outstanding (${c.status}; receipts applied ${c.allocationPolicy})`,
        c.outstanding,
      ],
    );
  }
  for (const [label, value] of totals) {
    if (doc.y + 14 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    doc.text(label, left, y, { width: width - 120 });
    doc.text(pounds(value), left + width - 120, y, { width: 115, align: 'right' });
    doc.x = left;
  }

  doc.moveDown(1).font('Helvetica-Bold').fontSize(11).text('Notes', left);
  doc.font('Helvetica').fontSize(8);
  s.notes.forEach((note, i) => doc.text(`${i + 1}. ${note}`, left, undefined, { width }));

  doc.moveDown(1).font('Helvetica-Bold').fontSize(11).text('Integrity', left);
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(
      'The last event of each stream this statement was built from, with its SHA-256 chain hash (check with poca-ledger verify):',
      left,
      undefined,
      { width },
    );
  doc.font('Helvetica').fontSize(6.5);
  for (const head of s.integrity.chainHeads) {
    doc.text(`${head.stream}  r${head.revision}  ${head.hash}`, left, undefined, { width });
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7)
      .text(
        `Statement ${s.statementId}  |  ${h.caseReference} as at ${h.asAt}  |  Page ${i + 1} of ${range.count}`,
        left,
        doc.page.height - MARGIN - 10,
        { width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
