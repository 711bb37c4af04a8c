import { financialYearOf } from '../../common/time';
import { AssetState, initialAssetState } from '../../ledger/assets/asset.state';
import { ConfiscationEvent } from '../../ledger/confiscation/confiscation.events';
import { ArisTable, DEFAULT_ARIS_TABLE, validateArisTable } from '../../ledger/recovery/aris';
import { AssetFolds } from '../asset-folds';
import { ProjectedEvent, Projection, TableNames } from '../projection';
import { ReadModelDb } from '../read-model-db';
import { sqlFor, SqlText } from '../sql-text';
import { StateCache } from '../state-cache';
import {
  assetParts,
  CaseKeys,
  foldOrderEvent,
  initialOrderTotalsState,
  orderKeys,
  orderPart,
  OrderTotalsState,
  parseOrder,
  receiptPart,
  serialiseOrder,
} from './totals.contributions';
import { forfeitureReceipt, ReceiptRecord } from '../../ledger/recovery/forfeiture-receipts';
import { TotalsWriter } from './totals.deltas';
import { Part } from './totals.measures';

export const RECOVERY_TOTALS = 'recovery-totals';

const CASES_KEPT = 10_000;

const SELECT_CASE: SqlText = (t) =>
  `SELECT operation, agency FROM ${t('totals_cases')} WHERE case_id = ?`;
const SELECT_ASSET: SqlText = (t) =>
  `SELECT case_id, operation, agency, state FROM ${t('totals_assets')} WHERE asset_id = ?`;
const UPSERT_ASSET: SqlText = (t) =>
  `INSERT INTO ${t('totals_assets')} (asset_id, case_id, operation, agency, state) VALUES (?, ?, ?, ?, ?)
   ON CONFLICT (asset_id) DO UPDATE SET state = excluded.state`;

interface AssetRow {
  case_id: string;
  operation: string | null;
  agency: string | null;
  state: string;
}

/** What the projection keeps in memory for an asset it has just seen. */
interface CachedAsset {
  state: AssetState;
  keys?: CaseKeys;
  /** What it contributes now (so the next event need not recompute it). */
  parts: Part[];
}

/** An asset with nothing stored yet (a stream's first event needs no read to know it). */
const NOT_STORED: CachedAsset = Object.freeze({ state: initialAssetState, parts: [] });

/** An asset changed in the batch: as it was when the batch began, and its state now. */
interface PendingAsset {
  assetId: string;
  start: CachedAsset;
  state: AssetState;
  keys?: CaseKeys;
}

interface CachedOrder {
  order: OrderTotalsState;
  keys?: CaseKeys;
  version: number;
}

interface OrderRow {
  case_id: string;
  operation: string | null;
  agency: string | null;
  version: number;
  state: string;
}

/**
 * The POCA recovery totals (docs/api.md, "Recovery totals"). Each asset's and each order's
 * state is folded with the domain's own evolve and stored; what it contributes to the totals is
 * recomputed from the state before and after each event, and only the difference is added to
 * the totals rows (totals.deltas.ts). States and rows changed by a batch are written once each,
 * in endBatch. Receipts (payments on orders, forfeitures) are stored one row each with their
 * compensation and ARIS allocation. Interest and outstanding depend on the date asked about, so
 * the query computes them from the stored order states.
 *
 * Recently seen states, their contributions and totals rows are kept in memory, keyed by physical
 * table (so a rebuild's generation never reads the live one's). Between batches they hold what the
 * committed tables hold: a batch that fails stops the projection (the runner marks it failed),
 * and a restart or a rebuild (createTables clears them) starts from the tables. Same events, same
 * rows (R6), whatever was cached and however the events were batched.
 */
export class RecoveryTotalsProjection implements Projection {
  readonly name = RECOVERY_TOTALS;
  /**
   * 2: totals_slices and totals_meta added (an interim build had version 1 without them).
   * 3: the cryptoasset power read as POCA_S303Z29_CRYPTO (AssetSeized and LegalBasisChanged v2).
   */
  readonly version = 3;
  readonly tables = [
    'totals_cases',
    'totals_assets',
    'totals_orders',
    'totals_receipts',
    'totals_cells',
    'totals_slices',
    'totals_groups',
    'totals_meta',
  ] as const;
  readonly streams = ['case-', 'asset-', 'confiscation-'] as const;
  readonly arisTable: ArisTable;
  private readonly assets = new StateCache<CachedAsset>(2_000);
  private readonly orders = new StateCache<CachedOrder>(1_000);
  /** Changed in this batch, written once each in endBatch. */
  private readonly pendingAssets = new Map<string, PendingAsset>();
  private readonly pendingOrders = new Map<string, { orderId: string; order: CachedOrder }>();
  private readonly orderEvents = new Map<string, number>();
  private readonly writer = new TotalsWriter();
  private readonly cases = new Map<string, CaseKeys>();

  private readonly folds: AssetFolds;

  constructor(options: { arisTable?: ArisTable; folds?: AssetFolds } = {}) {
    this.arisTable = options.arisTable ?? DEFAULT_ARIS_TABLE;
    this.folds = options.folds ?? new AssetFolds();
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
      CREATE TABLE ${t('totals_slices')} (
        slice_id TEXT PRIMARY KEY, operation TEXT, agency TEXT, power TEXT, category TEXT,
        financial_year TEXT, receipt_type TEXT, contributors INTEGER NOT NULL, measures TEXT NOT NULL
      );
      CREATE TABLE ${t('totals_groups')} (
        dimension TEXT NOT NULL, key TEXT NOT NULL, contributors INTEGER NOT NULL, measures TEXT NOT NULL,
        PRIMARY KEY (dimension, key)
      );
      CREATE TABLE ${t('totals_meta')} (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    `);
    this.assets.clear();
    this.orders.clear();
    this.pendingAssets.clear();
    this.pendingOrders.clear();
    this.orderEvents.clear();
    this.writer.clear();
    this.cases.clear();
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

  /** A case's keys (written once, at CaseOpened, and never changed: kept once read). */
  private caseKeys(db: ReadModelDb, t: TableNames, caseId: string): CaseKeys {
    const cacheKey = `${t('totals_cases')}/${caseId}`;
    const known = this.cases.get(cacheKey);
    if (known) return known;
    const row = db.get<{ operation: string | null; agency: string | null }>(
      sqlFor(t, SELECT_CASE),
      caseId,
    );
    const keys = { caseId, operation: row?.operation ?? null, agency: row?.agency ?? null };
    if (row) {
      if (this.cases.size >= CASES_KEPT) this.cases.clear();
      this.cases.set(cacheKey, keys);
    }
    return keys;
  }

  /**
   * Folds the event into the asset's state. What the asset contributes is compared once per batch
   * (endBatch: as it was when the batch began, and as it is at its end; the differences of each
   * event in between add up to that). A forfeiture receipt is stored, or removed, at the event
   * that makes or unmakes it.
   */
  private applyAsset(db: ReadModelDb, t: TableNames, event: ProjectedEvent): void {
    const assetId = event.streamId.slice('asset-'.length);
    const cacheKey = `${t('totals_assets')}/${assetId}`;
    let pending = this.pendingAssets.get(cacheKey);
    if (pending === undefined) {
      const start =
        this.assets.get(cacheKey) ??
        (event.revision === 0n ? NOT_STORED : this.loadAsset(db, t, assetId));
      pending = { assetId, start, state: start.state, keys: start.keys };
      this.pendingAssets.set(cacheKey, pending);
    }
    const before = pending.state;
    const state = this.folds.after(event, before);
    pending.state = state;
    // The case's keys are taken once, when the asset is first seen, and kept with it, so its old
    // and new contributions always fall under the same case keys.
    const keys = (pending.keys ??= this.caseKeys(db, t, state.caseId ?? ''));
    const forfeitureChanged =
      before.forfeiture.forfeited !== state.forfeiture.forfeited ||
      (before.status === 'voided') !== (state.status === 'voided');
    if (forfeitureChanged) {
      db.run(`DELETE FROM ${t('totals_receipts')} WHERE receipt_id = ?`, `forfeiture-${assetId}`);
      const receipt = forfeitureReceipt(assetId, state, this.arisTable);
      if (receipt) this.storeReceipt(db, t, receipt, keys.caseId, event);
    }
  }

  private loadAsset(db: ReadModelDb, t: TableNames, assetId: string): CachedAsset {
    const row = db.get<AssetRow>(sqlFor(t, SELECT_ASSET), assetId);
    if (!row) return NOT_STORED;
    const keys = { caseId: row.case_id, operation: row.operation, agency: row.agency };
    const state = JSON.parse(row.state) as AssetState;
    return { state, keys, parts: assetParts(assetId, state, keys, this.arisTable) };
  }

  private applyOrder(db: ReadModelDb, t: TableNames, event: ProjectedEvent): void {
    const orderId = event.streamId.slice('confiscation-'.length);
    const cacheKey = `${t('totals_orders')}/${orderId}`;
    const before =
      this.pendingOrders.get(cacheKey)?.order ??
      this.orders.get(cacheKey) ??
      this.loadOrder(db, t, orderId);
    const { next, receipt } = foldOrderEvent(
      before.order,
      { type: event.type, data: event.data } as unknown as ConfiscationEvent,
      this.arisTable,
    );
    const keys = before.keys ?? this.caseKeys(db, t, next.state.order?.caseId ?? '');
    const after: CachedOrder = { order: next, keys, version: before.version + 1 };
    this.pendingOrders.set(cacheKey, { orderId, order: after });
    this.orderEvents.set(t('totals_meta'), (this.orderEvents.get(t('totals_meta')) ?? 0) + 1);
    const removed: Part[] = [];
    const added: Part[] = [];
    const old = orderPart(before.order.state, keys);
    const now = orderPart(next.state, keys);
    if (old) removed.push(old);
    if (now) added.push(now);
    const receiptKeys = orderKeys(next.state, keys);
    if (receipt && receiptKeys) {
      added.push(receiptPart(receipt, receiptKeys));
      this.storeReceipt(db, t, receipt, keys.caseId, event);
    }
    this.writer.apply(t, removed, added);
  }

  private loadOrder(db: ReadModelDb, t: TableNames, orderId: string): CachedOrder {
    const row = db.get<OrderRow>(
      `SELECT case_id, operation, agency, version, state FROM ${t('totals_orders')} WHERE order_id = ?`,
      orderId,
    );
    if (!row) return { order: initialOrderTotalsState, version: 0 };
    return {
      order: parseOrder(row.state),
      keys: { caseId: row.case_id, operation: row.operation, agency: row.agency },
      version: row.version,
    };
  }

  /** One state write per asset and order per batch, and one write per changed totals row. */
  endBatch(db: ReadModelDb, t: TableNames): void {
    const assetPrefix = `${t('totals_assets')}/`;
    for (const [key, { assetId, start, state, keys: pendingKeys }] of this.pendingAssets) {
      if (!key.startsWith(assetPrefix)) continue;
      const keys = pendingKeys as CaseKeys;
      const asset: CachedAsset = {
        state,
        keys,
        parts: assetParts(assetId, state, keys, this.arisTable),
      };
      this.writer.apply(t, start.parts, asset.parts);
      db.run(
        sqlFor(t, UPSERT_ASSET),
        assetId,
        keys.caseId,
        keys.operation,
        keys.agency,
        this.folds.json(state),
      );
      this.assets.set(key, asset);
      this.pendingAssets.delete(key);
    }
    const orderPrefix = `${t('totals_orders')}/`;
    for (const [key, { orderId, order }] of this.pendingOrders) {
      if (!key.startsWith(orderPrefix)) continue;
      const keys = order.keys as CaseKeys;
      db.run(
        `INSERT INTO ${t('totals_orders')} (order_id, case_id, operation, agency, financial_year, version, state)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (order_id) DO UPDATE SET financial_year = excluded.financial_year,
           version = excluded.version, state = excluded.state`,
        orderId,
        keys.caseId,
        keys.operation,
        keys.agency,
        orderKeys(order.order.state, keys)?.financialYear ?? null,
        order.version,
        serialiseOrder(order.order),
      );
      this.orders.set(key, order);
      this.pendingOrders.delete(key);
    }
    // Queries memoise interest per order; the number of order events tells them when any changed.
    const events = this.orderEvents.get(t('totals_meta'));
    if (events) {
      db.run(
        `INSERT INTO ${t('totals_meta')} (name, value) VALUES ('orders_revision', ?)
         ON CONFLICT (name) DO UPDATE SET value = value + excluded.value`,
        events,
      );
      this.orderEvents.delete(t('totals_meta'));
    }
    this.writer.flush(db, t);
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
