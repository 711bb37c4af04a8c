import { financialYearOf } from '../../common/time';
import { AssetEvent } from '../../ledger/assets/asset.events';
import {
  AssetState,
  evolve as evolveAsset,
  initialAssetState,
} from '../../ledger/assets/asset.state';
import { ConfiscationEvent } from '../../ledger/confiscation/confiscation.events';
import { ArisTable, DEFAULT_ARIS_TABLE, validateArisTable } from '../../ledger/recovery/aris';
import { ProjectedEvent, Projection, TableNames } from '../projection';
import { ReadModelDb } from '../read-model-db';
import { StateCache } from '../state-cache';
import {
  assetParts,
  CaseKeys,
  foldOrderEvent,
  forfeitureReceipt,
  initialOrderTotalsState,
  orderKeys,
  orderPart,
  OrderTotalsState,
  parseOrder,
  ReceiptRecord,
  receiptPart,
  serialiseOrder,
} from './totals.contributions';
import { applyDelta } from './totals.deltas';
import { Part } from './totals.measures';

export const RECOVERY_TOTALS = 'recovery-totals';

interface AssetRow {
  case_id: string;
  operation: string | null;
  agency: string | null;
  state: string;
}

interface OrderRow {
  case_id: string;
  operation: string | null;
  agency: string | null;
  version: number;
  state: string;
}

/**
 * The POCA recovery totals (architecture.md, "Recovery totals"). Each asset's and each order's
 * state is folded with the domain's own evolve and stored; what it contributes to the totals is
 * recomputed from the state before and after each event, and only the difference is written to
 * the group rows (totals.deltas.ts). Receipts (payments on orders, forfeitures) are stored one
 * row each with their compensation and ARIS allocation. Interest and outstanding depend on the
 * date asked about, so the query computes them from the stored order states.
 */
export class RecoveryTotalsProjection implements Projection {
  readonly name = RECOVERY_TOTALS;
  readonly version = 1;
  readonly tables = [
    'totals_cases',
    'totals_assets',
    'totals_orders',
    'totals_receipts',
    'totals_cells',
    'totals_groups',
  ] as const;
  readonly streams = ['case-', 'asset-', 'confiscation-'] as const;
  readonly arisTable: ArisTable;
  private readonly assets = new StateCache<AssetState>(20_000);
  private readonly orders = new StateCache<OrderTotalsState>(5_000);

  constructor(options: { arisTable?: ArisTable } = {}) {
    this.arisTable = options.arisTable ?? DEFAULT_ARIS_TABLE;
    validateArisTable(this.arisTable);
  }

  createTables(db: ReadModelDb, t: TableNames): void {
    db.exec(`
      CREATE TABLE ${t('totals_cases')} (
        case_id TEXT PRIMARY KEY, operation TEXT, agency TEXT
      );
      CREATE TABLE ${t('totals_assets')} (
        asset_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, operation TEXT, agency TEXT, state TEXT NOT NULL
      );
      CREATE INDEX ${t('totals_assets')}_by_case ON ${t('totals_assets')} (case_id);
      CREATE TABLE ${t('totals_orders')} (
        order_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, operation TEXT, agency TEXT,
        financial_year TEXT, version INTEGER NOT NULL, state TEXT NOT NULL
      );
      CREATE TABLE ${t('totals_receipts')} (
        receipt_id TEXT PRIMARY KEY, source TEXT NOT NULL, source_id TEXT NOT NULL, case_id TEXT NOT NULL,
        receipt_type TEXT NOT NULL, date TEXT NOT NULL, financial_year TEXT NOT NULL, amount TEXT NOT NULL,
        compensation_paid TEXT NOT NULL, effective_from TEXT NOT NULL, shares TEXT NOT NULL, position TEXT NOT NULL
      );
      CREATE INDEX ${t('totals_receipts')}_by_case ON ${t('totals_receipts')} (case_id, date);
      CREATE TABLE ${t('totals_cells')} (
        cell_id TEXT PRIMARY KEY, case_id TEXT, operation TEXT, agency TEXT, power TEXT, category TEXT,
        financial_year TEXT, receipt_type TEXT, contributors INTEGER NOT NULL, measures TEXT NOT NULL
      );
      CREATE INDEX ${t('totals_cells')}_by_case ON ${t('totals_cells')} (case_id);
      CREATE INDEX ${t('totals_cells')}_by_operation ON ${t('totals_cells')} (operation);
      CREATE INDEX ${t('totals_cells')}_by_agency ON ${t('totals_cells')} (agency);
      CREATE INDEX ${t('totals_cells')}_by_year ON ${t('totals_cells')} (financial_year);
      CREATE TABLE ${t('totals_groups')} (
        dimension TEXT NOT NULL, key TEXT NOT NULL, contributors INTEGER NOT NULL, measures TEXT NOT NULL,
        PRIMARY KEY (dimension, key)
      );
    `);
    this.assets.clear();
    this.orders.clear();
  }

  apply(db: ReadModelDb, t: TableNames, event: ProjectedEvent): void {
    if (event.streamId.startsWith('case-')) return this.applyCase(db, t, event);
    if (event.streamId.startsWith('asset-')) return this.applyAsset(db, t, event);
    if (event.streamId.startsWith('confiscation-')) return this.applyOrder(db, t, event);
  }

  private applyCase(db: ReadModelDb, t: TableNames, event: ProjectedEvent): void {
    if (event.type !== 'CaseOpened') return;
    const d = event.data as { operation?: string; leadAgency?: string };
    db.run(
      `INSERT INTO ${t('totals_cases')} (case_id, operation, agency) VALUES (?, ?, ?)
       ON CONFLICT (case_id) DO NOTHING`,
      event.streamId.slice('case-'.length),
      d.operation ?? null,
      d.leadAgency ?? null,
    );
  }

  private caseKeys(db: ReadModelDb, t: TableNames, caseId: string): CaseKeys {
    const row = db.get<{ operation: string | null; agency: string | null }>(
      `SELECT operation, agency FROM ${t('totals_cases')} WHERE case_id = ?`,
      caseId,
    );
    return { caseId, operation: row?.operation ?? null, agency: row?.agency ?? null };
  }

  private applyAsset(db: ReadModelDb, t: TableNames, event: ProjectedEvent): void {
    const assetId = event.streamId.slice('asset-'.length);
    const cacheKey = `${t('totals_assets')}/${assetId}`;
    const row = db.get<Omit<AssetRow, 'state'>>(
      `SELECT case_id, operation, agency FROM ${t('totals_assets')} WHERE asset_id = ?`,
      assetId,
    );
    let before = this.assets.get(cacheKey);
    if (!before) {
      const stored = row
        ? db.get<{ state: string }>(
            `SELECT state FROM ${t('totals_assets')} WHERE asset_id = ?`,
            assetId,
          )
        : undefined;
      before = stored ? (JSON.parse(stored.state) as AssetState) : initialAssetState;
    }
    const after = evolveAsset(before, {
      type: event.type,
      data: event.data,
    } as unknown as AssetEvent);
    this.assets.set(cacheKey, after);
    // The case's keys are taken once, when the asset is first seen, and kept with it, so its old
    // and new contributions always fall under the same case keys.
    const keys: CaseKeys = row
      ? { caseId: row.case_id, operation: row.operation, agency: row.agency }
      : this.caseKeys(db, t, after.caseId ?? '');
    db.run(
      `INSERT INTO ${t('totals_assets')} (asset_id, case_id, operation, agency, state) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (asset_id) DO UPDATE SET state = excluded.state`,
      assetId,
      keys.caseId,
      keys.operation,
      keys.agency,
      JSON.stringify(after),
    );
    applyDelta(
      db,
      t,
      assetParts(assetId, before, keys, this.arisTable),
      assetParts(assetId, after, keys, this.arisTable),
    );
    const forfeitureChanged =
      before.forfeiture.forfeited !== after.forfeiture.forfeited ||
      (before.status === 'voided') !== (after.status === 'voided');
    if (forfeitureChanged) {
      db.run(`DELETE FROM ${t('totals_receipts')} WHERE receipt_id = ?`, `forfeiture-${assetId}`);
      const receipt = forfeitureReceipt(assetId, after, this.arisTable);
      if (receipt) this.storeReceipt(db, t, receipt, keys.caseId, event);
    }
  }

  private applyOrder(db: ReadModelDb, t: TableNames, event: ProjectedEvent): void {
    const orderId = event.streamId.slice('confiscation-'.length);
    const cacheKey = `${t('totals_orders')}/${orderId}`;
    const row = db.get<OrderRow>(
      `SELECT case_id, operation, agency, version, state FROM ${t('totals_orders')} WHERE order_id = ?`,
      orderId,
    );
    const before =
      this.orders.get(cacheKey) ?? (row ? parseOrder(row.state) : initialOrderTotalsState);
    const { next, receipt } = foldOrderEvent(
      before,
      { type: event.type, data: event.data } as unknown as ConfiscationEvent,
      this.arisTable,
    );
    this.orders.set(cacheKey, next);
    const keys: CaseKeys = row
      ? { caseId: row.case_id, operation: row.operation, agency: row.agency }
      : this.caseKeys(db, t, next.state.order?.caseId ?? '');
    const financialYear = orderKeys(next.state, keys)?.financialYear ?? null;
    db.run(
      `INSERT INTO ${t('totals_orders')} (order_id, case_id, operation, agency, financial_year, version, state)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (order_id) DO UPDATE SET financial_year = excluded.financial_year,
         version = excluded.version, state = excluded.state`,
      orderId,
      keys.caseId,
      keys.operation,
      keys.agency,
      financialYear,
      (row?.version ?? 0) + 1,
      serialiseOrder(next),
    );
    const removed: Part[] = [];
    const added: Part[] = [];
    const old = orderPart(before.state, keys);
    const now = orderPart(next.state, keys);
    if (old) removed.push(old);
    if (now) added.push(now);
    const receiptKeys = orderKeys(next.state, keys);
    if (receipt && receiptKeys) {
      added.push(receiptPart(receipt, receiptKeys));
      this.storeReceipt(db, t, receipt, keys.caseId, event);
    }
    applyDelta(db, t, removed, added);
  }

  private storeReceipt(
    db: ReadModelDb,
    t: TableNames,
    receipt: ReceiptRecord,
    caseId: string,
    event: ProjectedEvent,
  ): void {
    const a = receipt.allocation;
    db.run(
      `INSERT INTO ${t('totals_receipts')} (receipt_id, source, source_id, case_id, receipt_type, date,
         financial_year, amount, compensation_paid, effective_from, shares, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (receipt_id) DO NOTHING`,
      receipt.receiptId,
      receipt.source,
      receipt.sourceId,
      caseId,
      a.type,
      a.date,
      financialYearOf(a.date),
      a.amount.toJSON().amount,
      a.compensationPaid.toJSON().amount,
      a.effectiveFrom,
      JSON.stringify(a.shares.map((s) => ({ recipient: s.recipient, amount: s.amount.toJSON() }))),
      event.position.toString(),
    );
  }
}
