import { TableNames } from '../projection';
import { ReadModelDb } from '../read-model-db';
import { DIMENSIONS, GroupKeys, MeasureSums, Part } from './totals.measures';

/*
 * The totals are kept by deltas: when an event changes what an asset, order or receipt
 * contributes, its old contribution is taken away and the new one added, in exact decimals, to
 *   - one row per (dimension, key) and the ungrouped total (`totals_groups`): what an unfiltered
 *     `GET /totals?groupBy=` reads as it is, and
 *   - one row per cell, the finest grain (every key at once, `totals_cells`): what a filtered
 *     query adds up.
 * A row counts its contributors and disappears when the last one leaves (a re-based asset, a
 * voided record). Sums of the rows of any dimension equal the total by construction.
 */

export const TOTAL_DIMENSION = 'total';

/** The stored key of a group: '' stands for "none" (null on the wire). */
export function storedKey(key: string | null): string {
  return key ?? '';
}

export function cellId(keys: GroupKeys): string {
  return JSON.stringify(DIMENSIONS.map((d) => keys[d]));
}

interface Change {
  keys: GroupKeys;
  contributors: number;
  sums: MeasureSums;
}

function change(map: Map<string, Change>, id: string, keys: GroupKeys): Change {
  let entry = map.get(id);
  if (!entry) {
    entry = { keys, contributors: 0, sums: new MeasureSums() };
    map.set(id, entry);
  }
  return entry;
}

/** Takes `removed` away and adds `added`, netting first so an unchanged figure writes nothing. */
export function applyDelta(
  db: ReadModelDb,
  t: TableNames,
  removed: readonly Part[],
  added: readonly Part[],
): void {
  if (removed.length === 0 && added.length === 0) return;
  if (JSON.stringify(removed) === JSON.stringify(added)) return;
  const cells = new Map<string, Change>();
  const groups = new Map<string, Change>();
  const visit = (part: Part, sign: 1 | -1) => {
    const cell = change(cells, cellId(part.keys), part.keys);
    cell.contributors += sign;
    cell.sums.add(part.measures, sign);
    for (const dimension of [TOTAL_DIMENSION, ...DIMENSIONS] as const) {
      const key = dimension === TOTAL_DIMENSION ? '' : storedKey(part.keys[dimension]);
      const group = change(groups, JSON.stringify([dimension, key]), part.keys);
      group.contributors += sign;
      group.sums.add(part.measures, sign);
    }
  };
  removed.forEach((p) => visit(p, -1));
  added.forEach((p) => visit(p, 1));

  for (const [id, c] of cells) {
    if (c.contributors === 0 && c.sums.isZero()) continue;
    const row = db.get<{ contributors: number; measures: string }>(
      `SELECT contributors, measures FROM ${t('totals_cells')} WHERE cell_id = ?`,
      id,
    );
    const contributors = (row?.contributors ?? 0) + c.contributors;
    const sums = MeasureSums.parse(row?.measures).addSums(c.sums);
    if (contributors === 0 && sums.isZero()) {
      db.run(`DELETE FROM ${t('totals_cells')} WHERE cell_id = ?`, id);
      continue;
    }
    const k = c.keys;
    db.run(
      `INSERT INTO ${t('totals_cells')} (cell_id, case_id, operation, agency, power, category,
         financial_year, receipt_type, contributors, measures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (cell_id) DO UPDATE SET contributors = excluded.contributors,
         measures = excluded.measures`,
      id,
      k.case,
      k.operation,
      k.agency,
      k.power,
      k.category,
      k.financialYear,
      k.receiptType,
      contributors,
      sums.toJSON(),
    );
  }

  for (const [id, c] of groups) {
    if (c.contributors === 0 && c.sums.isZero()) continue;
    const [dimension, key] = JSON.parse(id) as [string, string];
    const row = db.get<{ contributors: number; measures: string }>(
      `SELECT contributors, measures FROM ${t('totals_groups')} WHERE dimension = ? AND key = ?`,
      dimension,
      key,
    );
    const contributors = (row?.contributors ?? 0) + c.contributors;
    const sums = MeasureSums.parse(row?.measures).addSums(c.sums);
    if (contributors === 0 && sums.isZero()) {
      db.run(`DELETE FROM ${t('totals_groups')} WHERE dimension = ? AND key = ?`, dimension, key);
      continue;
    }
    db.run(
      `INSERT INTO ${t('totals_groups')} (dimension, key, contributors, measures) VALUES (?, ?, ?, ?)
       ON CONFLICT (dimension, key) DO UPDATE SET contributors = excluded.contributors,
         measures = excluded.measures`,
      dimension,
      key,
      contributors,
      sums.toJSON(),
    );
  }
}
