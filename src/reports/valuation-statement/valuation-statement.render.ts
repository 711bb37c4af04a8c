import { ValuationStatement } from './valuation-statement';

/** The statement as JSON: pretty-printed, key order fixed by the builder, a trailing newline. */
export function toJson(statement: ValuationStatement): string {
  return `${JSON.stringify(statement, null, 2)}\n`;
}

/**
 * The CSV: one header row, then one row per asset (`record` = `asset`), grouped by category, each
 * group followed by its `subtotal` row (value_gbp = the group's subtotal); then one `total` row
 * per total (its name in `description`) and, per confiscation order, `confiscation` rows
 * (description `ordered`, `paid`, `interest`, `outstanding`; the order ref in `exhibit_ref`) and
 * its `allocation_policy` row (how receipts are split, e.g. `principal_first (verify)`, in `status`);
 * then one `chain_head` row per stream read (the stream in `description`, `r<revision> <hash>`
 * in `exhibit_ref`).
 * ISO dates, plain decimals, RFC 4180 quoting, CRLF line ends. Every row carries the statement
 * id, asAt and asKnownAt.
 */
export const CSV_COLUMNS = [
  'record',
  'category',
  'exhibit_ref',
  'description',
  'legal_basis',
  'status',
  'custody_location',
  'valuation_basis',
  'native_amount',
  'native_currency',
  'value_gbp',
  'fx_rate_to_gbp',
  'fx_source',
  'fx_date',
  'valuer',
  'valued_as_at',
  'valuation_id',
  'costs_of_sale_gbp',
  'restraint_order_refs',
  'statement_id',
  'as_at',
  'as_known_at',
] as const;

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | null>>;

function cell(value: string | null | undefined): string {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(s: ValuationStatement): string {
  const rows: CsvRow[] = [];
  for (const group of s.schedule) {
    for (const a of group.assets) {
      const v = a.valuation;
      rows.push({
        record: 'asset',
        category: a.category,
        exhibit_ref: a.exhibitRef,
        description: a.description,
        legal_basis: a.legalBasis,
        status: a.status,
        custody_location: a.custodyLocation,
        valuation_basis: v?.basis,
        native_amount: v?.native?.amount,
        native_currency: v?.native?.currency,
        value_gbp: v?.gbp,
        fx_rate_to_gbp: v?.exchangeRate?.rateToGbp,
        fx_source: v?.exchangeRate?.source,
        fx_date: v?.exchangeRate?.asAt,
        valuer: v?.valuer,
        valued_as_at: v?.valuedAsAt,
        valuation_id: v?.valuationId,
        costs_of_sale_gbp: a.costsOfSale,
        restraint_order_refs: a.restraintOrderRefs.join(' '),
      });
    }
    rows.push({ record: 'subtotal', category: group.category, value_gbp: group.subtotalGbp });
  }
  const t = s.totals;
  const totals: [string, string][] = [
    ['schedule', t.scheduleGbp],
    ['held', t.heldGbp],
    ['restrained', t.restrainedGbp],
    ['forfeited', t.forfeitedGbp],
    ['realised_gross', t.realised.grossGbp],
    ['realised_costs', t.realised.costsGbp],
    ['realised_net', t.realised.netGbp],
  ];
  for (const [name, value] of totals)
    rows.push({ record: 'total', description: name, value_gbp: value });
  for (const c of t.confiscation) {
    for (const [name, value] of [
      ['ordered', c.ordered],
      ['paid', c.paid],
      ['interest', c.interest],
      ['outstanding', c.outstanding],
    ] as const) {
      rows.push({
        record: 'confiscation',
        exhibit_ref: c.orderRef,
        description: name,
        value_gbp: value,
      });
    }
    rows.push({
      record: 'confiscation',
      exhibit_ref: c.orderRef,
      description: 'allocation_policy',
      status: c.allocationPolicy,
    });
  }
  // The integrity chain heads the statement was built from: the stream in `description`, its
  // revision and hash in `exhibit_ref` as `r<revision> <hash>`.
  for (const head of s.integrity.chainHeads) {
    rows.push({
      record: 'chain_head',
      description: head.stream,
      exhibit_ref: `r${head.revision} ${head.hash}`,
    });
  }
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const full: CsvRow = {
      ...row,
      statement_id: s.statementId,
      as_at: s.header.asAt,
      as_known_at: s.header.asKnownAt,
    };
    lines.push(CSV_COLUMNS.map((c) => cell(full[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
