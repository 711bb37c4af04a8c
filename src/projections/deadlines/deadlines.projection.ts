import { AssetState, initialAssetState } from '../../ledger/assets/asset.state';
import {
  ConfiscationState,
  evolve as evolveOrder,
} from '../../ledger/confiscation/confiscation.state';
import { ConfiscationEvent } from '../../ledger/confiscation/confiscation.events';
import { AssetFolds } from '../asset-folds';
import { ProjectedEvent, Projection, TableNames } from '../projection';
import { ReadModelDb } from '../read-model-db';
import { sqlFor, SqlText } from '../sql-text';
import { StateCache } from '../state-cache';
import { decodeConfiscationState, encodeConfiscationState } from './confiscation-state.json';
import { assetDeadlines, Deadline, orderDeadlines } from './deadline.rules';

export const DEADLINES = 'deadlines';

/** A row of `deadline_items` as stored. */
export interface DeadlineRow {
  source_id: string;
  kind: string;
  seq: number;
  case_id: string;
  asset_id: string | null;
  confiscation_order_id: string | null;
  ref: string;
  due: string;
  due_at: string;
  description: string;
  /** JSON list of rule codes (earlierRulesFlags), or null. */
  flags: string | null;
}

const COLUMNS =
  'source_id, kind, seq, case_id, asset_id, confiscation_order_id, ref, due, due_at, description, flags';

function toRow(sourceId: string, d: Deadline): DeadlineRow {
  return {
    source_id: sourceId,
    kind: d.kind,
    seq: d.seq,
    case_id: d.caseId,
    asset_id: d.assetId ?? null,
    confiscation_order_id: d.confiscationOrderId ?? null,
    ref: d.ref,
    due: d.due,
    due_at: d.dueAt,
    description: d.description,
    flags: d.earlierRulesFlags ? JSON.stringify(d.earlierRulesFlags) : null,
  };
}

const SELECT_ASSET_STATE: SqlText = (t) =>
  `SELECT state FROM ${t('deadline_asset_state')} WHERE asset_id = ?`;
const UPSERT_ASSET_STATE: SqlText = (t) =>
  `INSERT INTO ${t('deadline_asset_state')} (asset_id, state) VALUES (?, ?)
   ON CONFLICT (asset_id) DO UPDATE SET state = excluded.state`;
const SELECT_ITEMS: SqlText = (t) =>
  `SELECT ${COLUMNS} FROM ${t('deadline_items')} WHERE source_id = ?`;
const UPSERT_ITEM: SqlText = (t) =>
  `INSERT INTO ${t('deadline_items')} (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (source_id, kind, seq) DO UPDATE SET case_id = excluded.case_id,
     asset_id = excluded.asset_id, confiscation_order_id = excluded.confiscation_order_id,
     ref = excluded.ref, due = excluded.due, due_at = excluded.due_at,
     description = excluded.description, flags = excluded.flags`;
const DELETE_ITEM: SqlText = (t) =>
  `DELETE FROM ${t('deadline_items')} WHERE source_id = ? AND kind = ? AND seq = ?`;

const keyOf = (r: { kind: string; seq: number }) => `${r.kind}/${r.seq}`;

function sameRow(a: DeadlineRow, b: DeadlineRow): boolean {
  return (Object.keys(a) as (keyof DeadlineRow)[]).every((k) => a[k] === b[k]);
}

/**
 * The deadlines that are still open: one row per (source, kind, seq), where the source is an
 * asset (detention expiry, detention cap, objection window, AFO expiry) or a confiscation order
 * (time to pay, one per unpaid instalment). Each asset's and order's events are folded with the
 * domain's own `evolve`; the state is stored beside the rows and the rows of that source are
 * brought in line with what the state says is open (a closed deadline's row is deleted). No clock:
 * overdue and "within" are the query's business. Bump `version` when the rules in deadline.rules.ts,
 * their limits or the bank-holiday data change: the rows are derived with them.
 */
export class DeadlinesProjection implements Projection {
  readonly name: string = DEADLINES;
  /**
   * 2: detention_cap from the first order's date, or a s.303Z32(4) order; the cryptoasset power's
   * new code; the initial period from seizure; flags (earlierRulesFlags).
   */
  readonly version = 2;
  readonly tables = [
    'deadline_cases',
    'deadline_items',
    'deadline_asset_state',
    'deadline_order_state',
  ] as const;
  readonly streams = ['case-', 'asset-', 'confiscation-'] as const;
  private readonly assets = new StateCache<AssetState>(2_000);
  private readonly orders = new StateCache<ConfiscationState>(1_000);
  /** `stored`: the asset has a state row (and so perhaps deadline rows) from an earlier batch. */
  private readonly pendingAssets = new Map<
    string,
    { id: string; streamId: string; state: AssetState; stored: boolean }
  >();
  private readonly pendingOrders = new Map<
    string,
    { id: string; streamId: string; state: ConfiscationState }
  >();
  private readonly folds: AssetFolds;

  constructor(options: { folds?: AssetFolds } = {}) {
    this.folds = options.folds ?? new AssetFolds();
  }

  createTables(db: ReadModelDb, t: TableNames): void {
    db.exec(`
      CREATE TABLE ${t('deadline_cases')} (
        case_id TEXT PRIMARY KEY, reference TEXT NOT NULL, operation TEXT, lead_agency TEXT NOT NULL
      );
      CREATE TABLE ${t('deadline_items')} (
        source_id TEXT NOT NULL, kind TEXT NOT NULL, seq INTEGER NOT NULL, case_id TEXT NOT NULL,
        asset_id TEXT, confiscation_order_id TEXT, ref TEXT NOT NULL, due TEXT NOT NULL,
        due_at TEXT NOT NULL, description TEXT NOT NULL, flags TEXT,
        PRIMARY KEY (source_id, kind, seq)
      );
      CREATE INDEX ${t('deadline_items')}_by_due ON ${t('deadline_items')} (due_at, kind, source_id, seq);
      CREATE INDEX ${t('deadline_items')}_by_case ON ${t('deadline_items')} (case_id, due_at);
      CREATE TABLE ${t('deadline_asset_state')} (asset_id TEXT PRIMARY KEY, state TEXT NOT NULL);
      CREATE TABLE ${t('deadline_order_state')} (order_id TEXT PRIMARY KEY, state TEXT NOT NULL);
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
    const d = event.data as { reference: string; operation?: string; leadAgency: string };
    db.run(
      `INSERT INTO ${t('deadline_cases')} (case_id, reference, operation, lead_agency)
       VALUES (?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING`,
      event.streamId.slice('case-'.length),
      d.reference,
      d.operation ?? null,
      d.leadAgency,
    );
  }

  private applyAsset(db: ReadModelDb, t: TableNames, event: ProjectedEvent): void {
    const assetId = event.streamId.slice('asset-'.length);
    const key = `${t('deadline_asset_state')}/${assetId}`;
    const pending = this.pendingAssets.get(key);
    if (pending) {
      pending.state = this.folds.after(event, pending.state);
      return;
    }
    let before = this.assets.get(key);
    if (before === undefined) {
      // A stream's first event: nothing stored for it yet.
      const text =
        event.revision === 0n
          ? undefined
          : db.get<{ state: string }>(sqlFor(t, SELECT_ASSET_STATE), assetId)?.state;
      if (text === undefined) {
        const state = this.folds.after(event, initialAssetState);
        this.pendingAssets.set(key, {
          id: assetId,
          streamId: event.streamId,
          state,
          stored: false,
        });
        return;
      }
      before = JSON.parse(text) as AssetState;
    }
    const state = this.folds.after(event, before);
    this.pendingAssets.set(key, { id: assetId, streamId: event.streamId, state, stored: true });
  }

  private applyOrder(db: ReadModelDb, t: TableNames, event: ProjectedEvent): void {
    const orderId = event.streamId.slice('confiscation-'.length);
    const key = `${t('deadline_order_state')}/${orderId}`;
    const before =
      this.pendingOrders.get(key)?.state ??
      this.orders.get(key) ??
      decodeConfiscationState(
        db.get<{ state: string }>(
          `SELECT state FROM ${t('deadline_order_state')} WHERE order_id = ?`,
          orderId,
        )?.state,
      );
    const state = evolveOrder(before, {
      type: event.type,
      data: event.data,
    } as unknown as ConfiscationEvent);
    this.pendingOrders.set(key, { id: orderId, streamId: event.streamId, state });
  }

  /** Once per batch: each changed asset's and order's state stored and its deadlines synced. */
  endBatch(db: ReadModelDb, t: TableNames): void {
    const assetPrefix = `${t('deadline_asset_state')}/`;
    for (const [key, { id, streamId, state, stored }] of this.pendingAssets) {
      if (!key.startsWith(assetPrefix)) continue;
      this.assets.set(key, state);
      db.run(sqlFor(t, UPSERT_ASSET_STATE), id, this.folds.json(state));
      this.sync(db, t, streamId, assetDeadlines(state), stored);
      this.pendingAssets.delete(key);
    }
    const orderPrefix = `${t('deadline_order_state')}/`;
    for (const [key, { id, streamId, state }] of this.pendingOrders) {
      if (!key.startsWith(orderPrefix)) continue;
      this.orders.set(key, state);
      db.run(
        `INSERT INTO ${t('deadline_order_state')} (order_id, state) VALUES (?, ?)
         ON CONFLICT (order_id) DO UPDATE SET state = excluded.state`,
        id,
        encodeConfiscationState(state),
      );
      this.sync(db, t, streamId, orderDeadlines(state));
      this.pendingOrders.delete(key);
    }
  }

  /**
   * Makes the rows of one source exactly `deadlines`: changed rows rewritten, closed ones deleted.
   * `stored` false: the source has never been written (no state row, so no rows to read).
   */
  private sync(
    db: ReadModelDb,
    t: TableNames,
    sourceId: string,
    deadlines: Deadline[],
    stored = true,
  ): void {
    const existing = new Map<string, DeadlineRow>();
    if (stored) {
      for (const r of db.all<DeadlineRow>(sqlFor(t, SELECT_ITEMS), sourceId))
        existing.set(keyOf(r), r);
    }
    for (const deadline of deadlines) {
      const row = toRow(sourceId, deadline);
      const current = existing.get(keyOf(row));
      existing.delete(keyOf(row));
      if (current && sameRow(current, row)) continue;
      db.run(
        sqlFor(t, UPSERT_ITEM),
        row.source_id,
        row.kind,
        row.seq,
        row.case_id,
        row.asset_id,
        row.confiscation_order_id,
        row.ref,
        row.due,
        row.due_at,
        row.description,
        row.flags,
      );
    }
    for (const closed of existing.values()) {
      db.run(sqlFor(t, DELETE_ITEM), sourceId, closed.kind, closed.seq);
    }
  }
}
