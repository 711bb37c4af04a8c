import { AssetState, initialAssetState } from '../../ledger/assets/asset.state';
import { AssetFolds } from '../asset-folds';
import { ProjectedEvent, Projection, TableNames } from '../projection';
import { ReadModelDb } from '../read-model-db';
import { sqlFor, SqlText } from '../sql-text';
import { StateCache } from '../state-cache';
import { CaseFacts, LastChange, registerRow } from './register-row';

export const ASSET_REGISTER = 'asset-register';

const CASES_KEPT = 10_000;

const SELECT_STATE: SqlText = (t) =>
  `SELECT state FROM ${t('register_asset_state')} WHERE asset_id = ?`;
const UPSERT_STATE: SqlText = (t) =>
  `INSERT INTO ${t('register_asset_state')} (asset_id, state) VALUES (?, ?)
   ON CONFLICT (asset_id) DO UPDATE SET state = excluded.state`;
const SELECT_CASE: SqlText = (t) =>
  `SELECT reference, operation, lead_agency FROM ${t('register_cases')} WHERE case_id = ?`;
const UPSERT_ROW: SqlText = (t) =>
  `INSERT INTO ${t('register_assets')} (asset_id, case_id, case_reference, operation, agency, exhibit_ref,
         category, power, status, held, description, custody_location, seized_at, value_source, value_amount,
         value_currency, value_gbp, detention_expires_at, restraint_order_ids, earlier_rules_flags, realised_net_gbp,
         last_event, last_changed_at, last_position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (asset_id) DO UPDATE SET case_reference = excluded.case_reference, operation = excluded.operation,
         agency = excluded.agency, category = excluded.category, power = excluded.power, status = excluded.status,
         held = excluded.held, description = excluded.description, custody_location = excluded.custody_location,
         value_source = excluded.value_source, value_amount = excluded.value_amount,
         value_currency = excluded.value_currency, value_gbp = excluded.value_gbp,
         detention_expires_at = excluded.detention_expires_at, restraint_order_ids = excluded.restraint_order_ids,
         earlier_rules_flags = excluded.earlier_rules_flags,
         realised_net_gbp = excluded.realised_net_gbp, last_event = excluded.last_event,
         last_changed_at = excluded.last_changed_at, last_position = excluded.last_position`;

/**
 * One row per asset with what the register shows, kept current by folding each asset's events
 * with the domain's own `evolve` (the same fold as GET /assets/{id}, so the two never disagree).
 * The folded state is stored beside the row so the next event continues from it.
 */
export class AssetRegisterProjection implements Projection {
  readonly name = ASSET_REGISTER;
  /**
   * 2: orders of each case (register_orders), for the case summary. 3: indexes for filtered pages
   * (P4): operation and status together, and status alone, each in seizure order; every filter
   * index carries case_id, so an agency's scope (`case_id IN (...)`) is checked in the index.
   * 4: detention_expires_at from the seizure's initial period. 5: the cryptoasset power read as
   * POCA_S303Z29_CRYPTO (AssetSeized and LegalBasisChanged v2); earlier_rules_flags.
   */
  readonly version = 5;
  readonly tables = [
    'register_cases',
    'register_assets',
    'register_asset_state',
    'register_orders',
  ] as const;
  readonly streams = ['case-', 'asset-', 'restraint-', 'confiscation-'] as const;
  private readonly states = new StateCache<AssetState>(2_000);
  private readonly pending = new Map<
    string,
    { assetId: string; state: AssetState; last: LastChange }
  >();
  private readonly folds: AssetFolds;
  /**
   * What the register shows of each case, by physical table and case: written once (CaseOpened,
   * never changed after), so kept once read. Only committed rows matter: a batch that fails stops
   * the projection, and a rebuild writes other tables.
   */
  private readonly cases = new Map<string, CaseFacts>();

  constructor(options: { folds?: AssetFolds } = {}) {
    this.folds = options.folds ?? new AssetFolds();
  }

  createTables(db: ReadModelDb, t: TableNames): void {
    db.exec(`
      CREATE TABLE ${t('register_cases')} (
        case_id TEXT PRIMARY KEY, reference TEXT NOT NULL, operation TEXT, lead_agency TEXT NOT NULL,
        title TEXT NOT NULL, shared_with TEXT NOT NULL, closed INTEGER NOT NULL
      );
      CREATE TABLE ${t('register_assets')} (
        asset_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, case_reference TEXT, operation TEXT, agency TEXT,
        exhibit_ref TEXT NOT NULL, category TEXT NOT NULL, power TEXT NOT NULL, status TEXT NOT NULL,
        held INTEGER NOT NULL, description TEXT NOT NULL, custody_location TEXT, seized_at TEXT NOT NULL,
        value_source TEXT, value_amount TEXT, value_currency TEXT, value_gbp TEXT,
        detention_expires_at TEXT, restraint_order_ids TEXT NOT NULL, earlier_rules_flags TEXT NOT NULL,
        realised_net_gbp TEXT,
        last_event TEXT NOT NULL, last_changed_at TEXT NOT NULL, last_position TEXT NOT NULL
      );
      CREATE INDEX ${t('register_assets')}_by_case ON ${t('register_assets')} (case_id, asset_id);
      CREATE INDEX ${t('register_assets')}_by_operation ON ${t('register_assets')} (operation, asset_id, case_id);
      CREATE INDEX ${t('register_assets')}_by_operation_status ON ${t('register_assets')} (operation, status, asset_id, case_id);
      CREATE INDEX ${t('register_assets')}_by_agency ON ${t('register_assets')} (agency, asset_id, case_id);
      CREATE INDEX ${t('register_assets')}_by_status ON ${t('register_assets')} (status, asset_id, case_id);
      CREATE TABLE ${t('register_asset_state')} (asset_id TEXT PRIMARY KEY, state TEXT NOT NULL);
      CREATE TABLE ${t('register_orders')} (
        order_id TEXT PRIMARY KEY, kind TEXT NOT NULL, case_id TEXT NOT NULL, order_ref TEXT NOT NULL,
        court TEXT NOT NULL, status TEXT NOT NULL, made_at TEXT NOT NULL, last_position TEXT NOT NULL
      );
      CREATE INDEX ${t('register_orders')}_by_case ON ${t('register_orders')} (case_id, order_id);
    `);
    this.states.clear();
    this.cases.clear();
  }

  apply(db: ReadModelDb, t: TableNames, event: ProjectedEvent): void {
    if (event.streamId.startsWith('case-')) return this.applyCase(db, t, event);
    if (event.streamId.startsWith('restraint-')) return this.applyOrder(db, t, event, 'restraint');
    if (event.streamId.startsWith('confiscation-'))
      return this.applyOrder(db, t, event, 'confiscation');
    const assetId = event.streamId.slice('asset-'.length);
    const key = `${t('register_asset_state')}/${assetId}`;
    const before =
      this.pending.get(key)?.state ??
      this.states.get(key) ??
      (event.revision === 0n
        ? initialAssetState // a stream's first event: nothing stored for it yet
        : parseState(db.get<{ state: string }>(sqlFor(t, SELECT_STATE), assetId)));
    const state = this.folds.after(event, before);
    const occurredAt =
      typeof event.data.occurredAt === 'string' ? event.data.occurredAt : event.recordedAt;
    this.pending.set(key, {
      assetId,
      state,
      last: { type: event.type, occurredAt, position: event.position },
    });
  }

  /** One state write and one row write per asset per batch, however many of its events it held. */
  endBatch(db: ReadModelDb, t: TableNames): void {
    const prefix = `${t('register_asset_state')}/`;
    for (const [key, { assetId, state, last }] of this.pending) {
      if (!key.startsWith(prefix)) continue;
      this.states.set(key, state);
      db.run(sqlFor(t, UPSERT_STATE), assetId, this.folds.json(state));
      this.writeRow(db, t, assetId, state, last);
      this.pending.delete(key);
    }
  }

  private writeRow(
    db: ReadModelDb,
    t: TableNames,
    assetId: string,
    state: AssetState,
    last: LastChange,
  ): void {
    const row = registerRow(assetId, state, this.caseFacts(db, t, state.caseId ?? ''), last);
    db.run(
      sqlFor(t, UPSERT_ROW),
      row.assetId,
      row.caseId,
      row.caseReference,
      row.operation,
      row.agency,
      row.exhibitRef,
      row.category,
      row.power,
      row.status,
      row.held ? 1 : 0,
      row.description,
      row.custodyLocation,
      row.seizedAt,
      row.currentValue?.source ?? null,
      row.currentValue?.native?.amount ?? null,
      row.currentValue?.native?.currency ?? null,
      row.currentValue?.gbp.amount ?? null,
      row.detentionExpiresAt,
      JSON.stringify(row.restraintOrderIds),
      JSON.stringify(row.earlierRulesFlags),
      row.realisedNet?.amount ?? null,
      row.lastEvent,
      row.lastChangedAt,
      row.lastPosition,
    );
  }

  private caseFacts(db: ReadModelDb, t: TableNames, caseId: string): CaseFacts | undefined {
    const key = `${t('register_cases')}/${caseId}`;
    const known = this.cases.get(key);
    if (known) return known;
    const row = db.get<{ reference: string; operation: string | null; lead_agency: string }>(
      sqlFor(t, SELECT_CASE),
      caseId,
    );
    if (!row) return undefined;
    const facts = {
      reference: row.reference,
      operation: row.operation,
      leadAgency: row.lead_agency,
    };
    if (this.cases.size >= CASES_KEPT) this.cases.clear();
    this.cases.set(key, facts);
    return facts;
  }

  /** Which orders a case has, for its summary: made, and for restraint, discharged. */
  private applyOrder(
    db: ReadModelDb,
    t: TableNames,
    event: ProjectedEvent,
    kind: 'restraint' | 'confiscation',
  ): void {
    const orderId = event.streamId.slice(kind.length + 1);
    const d = event.data as {
      caseId?: string;
      orderRef?: string;
      court?: string;
      occurredAt?: string;
    };
    if (event.type === 'RestraintOrderMade' || event.type === 'ConfiscationOrderMade') {
      db.run(
        `INSERT INTO ${t('register_orders')} (order_id, kind, case_id, order_ref, court, status, made_at, last_position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING`,
        orderId,
        kind,
        d.caseId ?? '',
        d.orderRef ?? '',
        d.court ?? '',
        kind === 'restraint' ? 'active' : 'made',
        d.occurredAt ?? event.recordedAt,
        event.position.toString(),
      );
    } else if (event.type === 'RestraintOrderDischarged') {
      db.run(
        `UPDATE ${t('register_orders')} SET status = 'discharged', last_position = ? WHERE order_id = ?`,
        event.position.toString(),
        orderId,
      );
    }
  }

  private applyCase(db: ReadModelDb, t: TableNames, event: ProjectedEvent): void {
    const caseId = event.streamId.slice('case-'.length);
    const d = event.data as {
      reference: string;
      operation?: string;
      leadAgency: string;
      title: string;
      agency: string;
    };
    switch (event.type) {
      case 'CaseOpened':
        db.run(
          `INSERT INTO ${t('register_cases')} (case_id, reference, operation, lead_agency, title, shared_with, closed)
           VALUES (?, ?, ?, ?, ?, '[]', 0) ON CONFLICT (case_id) DO NOTHING`,
          caseId,
          d.reference,
          d.operation ?? null,
          d.leadAgency,
          d.title,
        );
        return;
      case 'CaseShared':
      case 'CaseSharingRevoked': {
        const row = db.get<{ shared_with: string }>(
          `SELECT shared_with FROM ${t('register_cases')} WHERE case_id = ?`,
          caseId,
        );
        const shared = new Set<string>(row ? (JSON.parse(row.shared_with) as string[]) : []);
        if (event.type === 'CaseShared') shared.add(d.agency);
        else shared.delete(d.agency);
        db.run(
          `UPDATE ${t('register_cases')} SET shared_with = ? WHERE case_id = ?`,
          JSON.stringify([...shared].sort()),
          caseId,
        );
        return;
      }
      case 'CaseClosed':
        db.run(`UPDATE ${t('register_cases')} SET closed = 1 WHERE case_id = ?`, caseId);
        return;
      default:
        return;
    }
  }
}

function parseState(row: { state: string } | undefined): AssetState {
  return row ? (JSON.parse(row.state) as AssetState) : initialAssetState;
}
