import { TableNames } from '../projection';
import { ReadModelDb, SqlValue } from '../read-model-db';
import { DIMENSIONS, GroupKeys, MeasureSums, Part } from './totals.measures';

/*
 * The totals are kept by deltas: when an event changes what an asset, order or receipt
 * contributes, its old contribution is taken away and the new one added, in exact decimals, to
 *   - one row per (dimension, key) (`totals_groups`): what an unfiltered `GET /totals?groupBy=`
 *     reads as it is (the total: the sum of the few receipt-type rows);
 *   - one row per cell, the finest grain: every key at once (`totals_cells`), which a query
 *     filtered by case (or grouped by case) adds up;
 *   - one row per slice, every key but the case (`totals_slices`), which a query filtered by
 *     operation, agency or financial year adds up (far fewer rows than cells).
 * A row counts its contributors and disappears when the last one leaves (a re-based asset, a
 * voided record). The rows of any dimension add up to the same total by construction.
 */

/** The stored key of a group: '' stands for "none" (null on the wire). */
export function storedKey(key: string | null): string {
  return key ?? '';
}

export function cellId(keys: GroupKeys): string {
  return JSON.stringify(DIMENSIONS.map((d) => keys[d]));
}

const SLICE_DIMENSIONS = DIMENSIONS.filter((d) => d !== 'case');

export function sliceId(keys: GroupKeys): string {
  return JSON.stringify(SLICE_DIMENSIONS.map((d) => keys[d]));
}

interface Change {
  keys: GroupKeys;
  contributors: number;
  sums: MeasureSums;
}

/** A row as it stands in memory: what was read or last changed, and whether to write it. */
interface Row {
  table: RowTable;
  contributors: number;
  sums: MeasureSums;
  /** It exists in the table (as last written). */
  persisted: boolean;
}

/**
 * Adds to `changes` the net change of each cell: one old and one new contribution in a cell are
 * diffed (unchanged measures cost nothing).
 */
function addCellChanges(
  changes: Map<string, Change>,
  removed: readonly Part[],
  added: readonly Part[],
): void {
  const byCell = new Map<string, { keys: GroupKeys; removed: Part[]; added: Part[] }>();
  const entry = (part: Part) => {
    const id = cellId(part.keys);
    let e = byCell.get(id);
    if (!e) {
      e = { keys: part.keys, removed: [], added: [] };
      byCell.set(id, e);
    }
    return e;
  };
  removed.forEach((p) => entry(p).removed.push(p));
  added.forEach((p) => entry(p).added.push(p));
  for (const [id, e] of byCell) {
    let change = changes.get(id);
    if (!change) {
      change = { keys: e.keys, contributors: 0, sums: new MeasureSums() };
      changes.set(id, change);
    }
    if (e.removed.length === 1 && e.added.length === 1) {
      change.sums.addDifference(e.removed[0].measures, e.added[0].measures);
    } else {
      e.removed.forEach((p) => change.sums.add(p.measures, -1));
      e.added.forEach((p) => change.sums.add(p.measures));
    }
    change.contributors += e.added.length - e.removed.length;
  }
}

/** The changes of the cells rolled up by another key (one cell: its change as it is). */
function rollUp(cells: Map<string, Change>, keyOf: (keys: GroupKeys) => string) {
  const out = new Map<string, Change>();
  for (const cell of cells.values()) {
    const key = keyOf(cell.keys);
    const existing = out.get(key);
    out.set(
      key,
      existing
        ? {
            keys: cell.keys,
            contributors: existing.contributors + cell.contributors,
            sums: new MeasureSums().addSums(existing.sums).addSums(cell.sums),
          }
        : cell,
    );
  }
  return out;
}

interface RowTable {
  /** Physical table name. */
  name: string;
  /** The row's id within the table (for the in-memory copy). */
  id: string;
  /** The key columns and their values. */
  key: [string, SqlValue][];
  /** Columns written only when the row is created. */
  extra?: [string, SqlValue][];
}

const ROWS_KEPT = 20_000;

/**
 * Gathers the deltas of a batch by cell (`apply`), and at its end (`flush`, from the projection's
 * endBatch, in the batch's transaction) rolls them up into slices and groups and writes each
 * changed row once. The rows it has read or written are kept (bounded), so the hot rows (groups,
 * slices, a busy case's cells) are not read and parsed again for every batch. Everything is per
 * physical table, so a rebuild's generation never sees the live one's rows; the projection clears
 * it all when it creates tables.
 */
export class TotalsWriter {
  /** Per physical table: row id → the row (null: known not to exist). */
  private readonly tables = new Map<string, Map<string, Row | null>>();
  /** Per physical table: the rows changed since the last flush. */
  private readonly dirty = new Map<string, Map<string, Row>>();
  /** Per physical cells table: the net change of each cell since the last flush. */
  private readonly pending = new Map<string, Map<string, Change>>();

  clear(): void {
    this.tables.clear();
    this.dirty.clear();
    this.pending.clear();
  }

  private rowsOf(table: string): Map<string, Row | null> {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = new Map();
      this.tables.set(table, rows);
    }
    return rows;
  }

  /** Takes `removed` away and adds `added` (netted by cell; written at the next flush). */
  apply(t: TableNames, removed: readonly Part[], added: readonly Part[]): void {
    if (removed.length === 0 && added.length === 0) return;
    const table = t('totals_cells');
    let changes = this.pending.get(table);
    if (!changes) {
      changes = new Map();
      this.pending.set(table, changes);
    }
    addCellChanges(changes, removed, added);
  }

  /** The batch's changes rolled up into every row they touch: cells, slices and groups. */
  private rollUpPending(db: ReadModelDb, t: TableNames): void {
    const all = this.pending.get(t('totals_cells'));
    if (!all) return;
    this.pending.delete(t('totals_cells'));
    const cells = new Map<string, Change>();
    for (const [id, change] of all)
      if (change.contributors !== 0 || !change.sums.isZero()) cells.set(id, change);
    if (cells.size === 0) return;

    for (const [id, change] of cells) {
      const k = change.keys;
      this.update(db, change, {
        name: t('totals_cells'),
        id,
        key: [['cell_id', id]],
        extra: [
          ['case_id', k.case],
          ['operation', k.operation],
          ['agency', k.agency],
          ['power', k.power],
          ['category', k.category],
          ['financial_year', k.financialYear],
          ['receipt_type', k.receiptType],
        ],
      });
    }
    const slices = rollUp(cells, sliceId);
    for (const [id, change] of slices) {
      const k = change.keys;
      this.update(db, change, {
        name: t('totals_slices'),
        id,
        key: [['slice_id', id]],
        extra: [
          ['operation', k.operation],
          ['agency', k.agency],
          ['power', k.power],
          ['category', k.category],
          ['financial_year', k.financialYear],
          ['receipt_type', k.receiptType],
        ],
      });
    }
    // A group of the case dimension adds up cells; of any other, slices (every key but the case:
    // far fewer rows, the same sums).
    for (const dimension of DIMENSIONS) {
      const from = dimension === 'case' ? cells : slices;
      for (const [key, change] of rollUp(from, (keys) => storedKey(keys[dimension]))) {
        this.update(db, change, {
          name: t('totals_groups'),
          id: `${dimension}/${key}`,
          key: [
            ['dimension', dimension],
            ['key', key],
          ],
        });
      }
    }
  }

  private update(db: ReadModelDb, change: Change, table: RowTable): void {
    if (change.contributors === 0 && change.sums.isZero()) return;
    const rows = this.rowsOf(table.name);
    let row = rows.get(table.id);
    if (row === undefined) {
      const stored = db.get<{ contributors: number; measures: string }>(
        `SELECT contributors, measures FROM ${table.name} WHERE ${whereOf(table)}`,
        ...table.key.map(([, value]) => value),
      );
      row = stored
        ? {
            table,
            contributors: stored.contributors,
            sums: MeasureSums.parse(stored.measures),
            persisted: true,
          }
        : null;
    }
    if (!row) row = { table, contributors: 0, sums: new MeasureSums(), persisted: false };
    row.contributors += change.contributors;
    row.sums.addSums(change.sums);
    rows.set(table.id, row);
    let dirty = this.dirty.get(table.name);
    if (!dirty) {
      dirty = new Map();
      this.dirty.set(table.name, dirty);
    }
    dirty.set(table.id, row);
  }

  /** Rolls up the batch's changes and writes every row they changed: one write per row. */
  flush(db: ReadModelDb, t: TableNames): void {
    this.rollUpPending(db, t);
    for (const name of [t('totals_cells'), t('totals_slices'), t('totals_groups')]) {
      const dirty = this.dirty.get(name);
      if (!dirty) continue;
      const rows = this.rowsOf(name);
      for (const [id, row] of dirty) {
        const keyValues = row.table.key.map(([, value]) => value);
        if (row.contributors === 0 && row.sums.isZero()) {
          if (row.persisted)
            db.run(`DELETE FROM ${name} WHERE ${whereOf(row.table)}`, ...keyValues);
          rows.set(id, null);
        } else if (row.persisted) {
          db.run(
            `UPDATE ${name} SET contributors = ?, measures = ? WHERE ${whereOf(row.table)}`,
            row.contributors,
            row.sums.toJSON(),
            ...keyValues,
          );
        } else {
          const columns = [...row.table.key, ...(row.table.extra ?? [])];
          db.run(
            `INSERT INTO ${name} (${columns.map(([c]) => c).join(', ')}, contributors, measures)
             VALUES (${columns.map(() => '?').join(', ')}, ?, ?)`,
            ...columns.map(([, value]) => value),
            row.contributors,
            row.sums.toJSON(),
          );
          row.persisted = true;
        }
      }
      this.dirty.delete(name);
      // Bounded: forget everything now and then (rows are read again from the table as needed).
      if (rows.size >= ROWS_KEPT) rows.clear();
    }
  }
}

function whereOf(table: RowTable): string {
  return table.key.map(([column]) => `${column} = ?`).join(' AND ');
}
