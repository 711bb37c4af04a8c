import { isIsoDate } from './iso';

/**
 * The UK financial year (1 April to 31 March) of an ISO date, labelled like `2025-26`:
 * 2026-03-31 -> '2025-26', 2026-04-01 -> '2026-27', 1999-04-01 -> '1999-00'.
 */
export function financialYearOf(date: string): string {
  if (!isIsoDate(date)) {
    throw new TypeError(`financialYearOf: not an ISO date: ${JSON.stringify(date)}`);
  }
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The first and last dates of a financial year label such as `2025-26`. */
export function financialYearBounds(label: string): { from: string; to: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  const start = match ? Number(match[1]) : NaN;
  if (!match || (start + 1) % 100 !== Number(match[2]) || start < 1 || start > 9998) {
    throw new TypeError(
      `financialYearBounds: not a financial year label: ${JSON.stringify(label)}`,
    );
  }
  return {
    from: `${String(start).padStart(4, '0')}-04-01`,
    to: `${String(start + 1).padStart(4, '0')}-03-31`,
  };
}
