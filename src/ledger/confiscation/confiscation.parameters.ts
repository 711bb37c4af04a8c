import Decimal from 'decimal.js';
import { Dec } from '../../common/money';

/*
 * The effective-dated figures of confiscation (docs/domain.md: every number is a configurable,
 * effective-dated parameter with its default here). Each table is picked by the ORDER date.
 */

/** Time to pay (s.11): months after the order date. */
export interface TimeToPayRule {
  /** Orders made on or after this date. */
  from: string;
  /** The longest period the court may allow when it makes the order. */
  initialMonths: number;
  /** The latest an extension (on an application made in time) may reach, from the order date. */
  maxMonths: number;
}

export const TIME_TO_PAY_RULES: readonly TimeToPayRule[] = [
  // POCA 2002 Part 2 as enacted (commenced 24 March 2003): 6 months, extendable to 12.
  { from: '2003-03-24', initialMonths: 6, maxMonths: 12 },
  // Serious Crime Act 2015 s.5 (orders from 1 June 2015): 3 months, extendable to 6.
  { from: '2015-06-01', initialMonths: 3, maxMonths: 6 },
];

/** The rule for an order made on `orderDate` (the earliest rule for anything older). */
export function timeToPayRuleFor(
  orderDate: string,
  rules: readonly TimeToPayRule[] = TIME_TO_PAY_RULES,
): TimeToPayRule {
  return rules.filter((r) => r.from <= orderDate).at(-1) ?? rules[0];
}

/** A default-term band: orders of more than `above` and at most `upTo` (GBP). */
export interface DefaultTermBand {
  above: string;
  upTo?: string;
  /** The maximum term, in days or in months. */
  max: { days: number } | { months: number };
}

export interface DefaultTermTable {
  from: string;
  bands: readonly DefaultTermBand[];
}

/**
 * The fines table (Powers of Criminal Courts (Sentencing) Act 2000 s.139(4); now Sentencing Code
 * s.129(3)) for the smaller sums of orders made before 1 June 2015. *(verify: the widely cited
 * figures, not checked against the primary text; keep in configuration)*
 */
const FINES_TABLE_UP_TO_10K: readonly DefaultTermBand[] = [
  { above: '0', upTo: '200', max: { days: 7 } },
  { above: '200', upTo: '500', max: { days: 14 } },
  { above: '500', upTo: '1000', max: { days: 28 } },
  { above: '1000', upTo: '2500', max: { days: 45 } },
  { above: '2500', upTo: '5000', max: { months: 3 } },
  { above: '5000', upTo: '10000', max: { months: 6 } },
];

/**
 * Maximum default terms (s.35). From 1 June 2015, s.35(2A) (inserted by the Serious Crime Act 2015
 * s.10): "the maximum terms are those specified in the second column of the Table for amounts
 * described in the corresponding entry in the first column": £10,000 or less, 6 months; more than
 * £10,000 but no more than £500,000, 5 years; more than £500,000 but no more than £1 million,
 * 7 years; more than £1 million, 14 years. One band of 6 months up to £10,000, not the fines table
 * (quoted from the legislation.gov.uk page; docs/domain.md, "Default term"). Before that the whole
 * fines table applied (up to 10 years over £1m) *(verify the older table)*.
 */
export const DEFAULT_TERM_TABLES: readonly DefaultTermTable[] = [
  {
    from: '2003-03-24',
    bands: [
      ...FINES_TABLE_UP_TO_10K,
      { above: '10000', upTo: '20000', max: { months: 12 } },
      { above: '20000', upTo: '50000', max: { months: 18 } },
      { above: '50000', upTo: '100000', max: { months: 24 } },
      { above: '100000', upTo: '250000', max: { months: 36 } },
      { above: '250000', upTo: '1000000', max: { months: 60 } },
      { above: '1000000', max: { months: 120 } },
    ],
  },
  {
    from: '2015-06-01',
    bands: [
      { above: '0', upTo: '10000', max: { months: 6 } },
      { above: '10000', upTo: '500000', max: { months: 60 } },
      { above: '500000', upTo: '1000000', max: { months: 84 } },
      { above: '1000000', max: { months: 168 } },
    ],
  },
];

/**
 * A term in months is compared with a maximum in days by its longest possible length (31 days a
 * month): the check only warns, so it errs towards telling the court liaison officer to look.
 */
const LONGEST_MONTH_DAYS = 31;

function describe(max: DefaultTermBand['max']): string {
  return 'days' in max ? `${max.days} days` : `${max.months} months`;
}

/**
 * Warnings (never refusals: the court sets the term) for a default term above its band's maximum.
 * `amount` is the amount ordered in GBP.
 */
export function defaultTermWarnings(
  amount: Decimal,
  months: number,
  orderDate: string,
  tables: readonly DefaultTermTable[] = DEFAULT_TERM_TABLES,
): string[] {
  const table = tables.filter((t) => t.from <= orderDate).at(-1) ?? tables[0];
  const band = table.bands.find(
    (b) => amount.gt(new Dec(b.above)) && (b.upTo === undefined || amount.lte(new Dec(b.upTo))),
  );
  if (!band) return [];
  const above =
    'days' in band.max ? months * LONGEST_MONTH_DAYS > band.max.days : months > band.max.months;
  if (!above) return [];
  const range =
    band.upTo === undefined
      ? `more than £${band.above}`
      : `more than £${band.above} up to £${band.upTo}`;
  return [
    `default_term_above_band_maximum: ${months} months is above the maximum of ${describe(band.max)} ` +
      `for an order of ${range} (s.35); the order stands as made`,
  ];
}

/**
 * The discharge thresholds (picked by the DISCHARGE date: each is "variable by order", and an order
 * changing it applies from its commencement). *(verify both: the section text is not in the search
 * corpus; docs/domain.md, "Discharge")*
 * - s.24 (inadequacy of the available amount): the Explanatory Notes, para. 57: "the Crown Court
 *   may write the order off if the outstanding sum is under £1,000" (strictly less than).
 * - s.25 (small amount outstanding): £50 or less, as the parallel texts word it ("the amount
 *   remaining to be paid under the order is fifty dollars or less").
 */
export interface DischargeThresholds {
  from: string;
  /** s.24: the amount remaining to be paid must be LESS THAN this (GBP). */
  s24LessThan: string;
  /** s.25: the amount remaining to be paid must be AT MOST this (GBP). */
  s25AtMost: string;
  status: 'verify' | 'confirmed';
}

export const DISCHARGE_THRESHOLDS: readonly DischargeThresholds[] = [
  { from: '2003-03-24', s24LessThan: '1000', s25AtMost: '50', status: 'verify' },
];

/** The thresholds in force on `date` (the earliest row for anything older). */
export function dischargeThresholdsFor(
  date: string,
  table: readonly DischargeThresholds[] = DISCHARGE_THRESHOLDS,
): DischargeThresholds {
  return table.filter((t) => t.from <= date).at(-1) ?? table[0];
}
