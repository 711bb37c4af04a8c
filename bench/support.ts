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

/** The one summary line per budget that scripts read (quality.md). */
export function summaryLine(b: BudgetLine): string {
  const fields = [`${b.id} value=${Math.round(b.value)}`, `unit=${b.unit}`];
  if (b.ceiling !== undefined) fields.push(`ceiling=${Math.round(b.ceiling)}`);
  if (b.ratio !== undefined) fields.push(`ratio=${b.ratio.toFixed(2)}`);
  fields.push(`target_met=${b.targetMet ? 'yes' : 'no'}`);
  return fields.join(' ');
}

const PERFORMANCE_DOC = join(__dirname, '..', 'docs', 'performance.md');

/** Replaces the table row of one budget in docs/performance.md (the row starts with `| P1 |`). */
export function recordRow(id: string, row: string): void {
  const doc = readFileSync(PERFORMANCE_DOC, 'utf8');
  const pattern = new RegExp(`^\\|\\s*${id}\\s*\\|.*$`, 'm');
  if (!pattern.test(doc)) throw new Error(`docs/performance.md has no row for ${id}`);
  writeFileSync(PERFORMANCE_DOC, doc.replace(pattern, row));
}

/** `--name value` from the command line, as a number. */
export function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
