import { cpus } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function machine(): string {
  return `${cpus().length} cores, Node ${process.version}`;
}

export interface BudgetLine {
  id: string;
  value: number;
  unit: string;
  ceiling?: number;
  ratio?: number;
  targetMet: boolean;
}

/** A figure for a summary line: whole numbers from 100 up, else up to 2 decimals (0.84 ms). */
function figure(value: number): string {
  return Math.abs(value) >= 100 ? String(Math.round(value)) : String(Number(value.toFixed(2)));
}

/** The one summary line per budget that scripts read (docs/quality.md). */
export function summaryLine(b: BudgetLine): string {
  const fields = [`${b.id} value=${figure(b.value)}`, `unit=${b.unit}`];
  if (b.ceiling !== undefined) fields.push(`ceiling=${figure(b.ceiling)}`);
  if (b.ratio !== undefined) fields.push(`ratio=${b.ratio.toFixed(2)}`);
  fields.push(`target_met=${b.targetMet ? 'yes' : 'no'}`);
  return fields.join(' ');
}

const PERFORMANCE_DOC = join(__dirname, '..', 'docs', 'performance.md');

const ROW = /^\|\s*P(\d+)\s*\|.*$/gm;

/**
 * Replaces the table row of one budget in docs/performance.md (the row starts with `| P1 |`), or
 * inserts it in id order if the table has none yet.
 */
export function recordRow(id: string, row: string, doc = PERFORMANCE_DOC): void {
  const text = readFileSync(doc, 'utf8');
  const pattern = new RegExp(`^\\|\\s*${id}\\s*\\|.*$`, 'm');
  if (pattern.test(text)) {
    writeFileSync(
      doc,
      text.replace(pattern, () => row),
    );
    return;
  }
  const n = Number(id.replace(/^P/, ''));
  const rows = [...text.matchAll(ROW)];
  if (!rows.length) throw new Error(`${doc} has no budget table`);
  const after = rows.filter((m) => Number(m[1]) < n).at(-1);
  const at = after ? after.index + after[0].length : rows[0].index - 1;
  writeFileSync(doc, `${text.slice(0, at)}\n${row}${text.slice(at)}`);
}

export interface BudgetRow {
  id: string;
  /** What was measured, and how much of it (events, runs). */
  what: string;
  /** One figure per run: the row shows their median, min and max. */
  values: number[];
  unit: string;
  /** Decimals shown (default 0). */
  digits?: number;
  /** The ceiling measured in the same run, as shown: `69182 events/s raw`. */
  ceiling: string;
  ratio: number;
  target: string;
  targetMet: boolean;
}

/**
 * One row of the budget table, in the columns of docs/performance.md: median (min, max) of the
 * runs, the ceiling from the same run, the ratio, the target, met or not, the machine and the date.
 */
export function budgetRow(b: BudgetRow): string {
  const f = (v: number) => v.toFixed(b.digits ?? 0);
  const measured = `${f(median(b.values))} ${b.unit} (min ${f(Math.min(...b.values))}, max ${f(Math.max(...b.values))})`;
  const date = new Date().toISOString().slice(0, 10);
  return `| ${b.id} | ${b.what} | ${measured} | ${b.ceiling} | ${b.ratio.toFixed(2)} | ${b.target} | ${b.targetMet ? 'yes' : 'no'} | ${machine()}, ${date} |`;
}

/** `--name value` from the command line, as a number. */
export function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
