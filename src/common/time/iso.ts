/*
 * ISO 8601 dates and instants as strings, with pure integer calendar arithmetic (proleptic
 * Gregorian). Nothing here reads a clock: "now" is always passed in.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

const MS_PER_DAY = 86_400_000;
/** 0001-01-01T00:00:00Z and the end of 9999-12-31: the range a four-digit year can express. */
const MIN_EPOCH_MS = -62_135_596_800_000;
const MAX_EPOCH_MS = 253_402_300_799_999;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
export function epochDayOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
export function civilOf(epochDay: number): { y: number; m: number; d: number } {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatDate(y: number, m: number, d: number): string {
  if (y < 1 || y > 9999) throw new RangeError(`date out of range: year ${y}`);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function splitDate(date: string): { y: number; m: number; d: number } {
  const match = typeof date === 'string' ? DATE.exec(date) : null;
  const y = match ? Number(match[1]) : NaN;
  const m = match ? Number(match[2]) : NaN;
  const d = match ? Number(match[3]) : NaN;
  if (!match || !validYmd(y, m, d)) {
    throw new TypeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return { y, m, d };
}

/** Strict YYYY-MM-DD naming a real calendar date (2026-02-30 is not), years 0001-9999. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const match = DATE.exec(s);
  return !!match && validYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * Milliseconds since the epoch of an ISO instant, or undefined if it is not one. Fractions beyond
 * milliseconds are truncated.
 */
export function instantToEpochMs(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined;
  const match = INSTANT.exec(s);
  if (!match) return undefined;
  const [, ys, mos, ds, hs, mis, ss, frac, zone, sign, ohs, oms] = match;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = Number(hs);
  const mi = Number(mis);
  const sec = ss === undefined ? 0 : Number(ss);
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || sec > 59) return undefined;
  let offsetMin = 0;
  if (zone !== 'Z') {
    const oh = Number(ohs);
    const om = Number(oms);
    if (oh > 23 || om > 59) return undefined;
    offsetMin = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0').slice(0, 3));
  const epoch =
    epochDayOf(y, mo, d) * MS_PER_DAY + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
  if (epoch < MIN_EPOCH_MS || epoch > MAX_EPOCH_MS) return undefined;
  return epoch;
}

/** The UTC ISO form with milliseconds ("2026-11-29T10:15:00.000Z") of an epoch millisecond. */
export function epochMsToIso(ms: number): string {
  if (!Number.isInteger(ms) || ms < MIN_EPOCH_MS || ms > MAX_EPOCH_MS) {
    throw new RangeError(`instant out of range: ${ms}`);
  }
  return new Date(ms).toISOString();
}

/**
 * ISO 8601 date-time WITH an offset (Z or ±HH:MM), seconds optional, fraction (1-9 digits)
 * optional; a real date and time of day, upper-case T and Z.
 */
export function isIsoInstant(s: unknown): s is string {
  return instantToEpochMs(s) !== undefined;
}

/** Milliseconds since the epoch of an ISO instant; a programming error (TypeError) if it is not one. */
export function epochMsOrThrow(s: string, what: string): number {
  const ms = instantToEpochMs(s);
  if (ms === undefined) throw new TypeError(`${what}: not an ISO instant: ${JSON.stringify(s)}`);
  return ms;
}

/** Negative, zero or positive as instant a is before, the same as, or after b. */
export function compareInstants(a: string, b: string): number {
  const x = epochMsOrThrow(a, 'compareInstants');
  const y = epochMsOrThrow(b, 'compareInstants');
  return x < y ? -1 : x > y ? 1 : 0;
}

function wholeNumber(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new TypeError(`${what} must be a whole number, got ${n}`);
}

/** ISO date arithmetic: `days` (whole, may be negative) after `date`. */
export function addDays(date: string, days: number): string {
  const { y, m, d } = splitDate(date);
  wholeNumber(days, 'addDays: days');
  const c = civilOf(epochDayOf(y, m, d) + days);
  return formatDate(c.y, c.m, c.d);
}

/** Calendar months, clamped to the month end (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = splitDate(date);
  wholeNumber(months, 'addMonths: months');
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return formatDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Whole days `to` − `from` for ISO dates (2026-01-01 → 2026-01-02 is 1). */
export function daysBetween(from: string, to: string): number {
  const a = splitDate(from);
  const b = splitDate(to);
  return epochDayOf(b.y, b.m, b.d) - epochDayOf(a.y, a.m, a.d);
}

/** Day of the week of an ISO date: 1 = Monday ... 7 = Sunday (ISO 8601). */
export function isoWeekday(date: string): number {
  const { y, m, d } = splitDate(date);
  // 1970-01-01 was a Thursday (4).
  return ((((epochDayOf(y, m, d) + 3) % 7) + 7) % 7) + 1;
}
