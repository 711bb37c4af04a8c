import Decimal from 'decimal.js';
import { AccessScope } from '../../auth/access-scope';
import { Dec } from '../../common/money';
import { londonDateOf } from '../../common/time';
import { EventStore, RecordedEvent } from '../../event-store/event-store.port';
import { AssetEvent } from '../../ledger/assets/asset.events';
import {
  AssetState,
  evolve as evolveAsset,
  initialAssetState,
} from '../../ledger/assets/asset.state';
import { orderPosition } from '../../ledger/confiscation/confiscation.position';
import { ConfiscationEvent } from '../../ledger/confiscation/confiscation.events';
import { ConfiscationState } from '../../ledger/confiscation/confiscation.state';
import { ArisTable } from '../../ledger/recovery/aris';
import { UpcasterRegistry } from '../../ledger/upcasting/upcaster-registry';
import { CASE_ACCESS, caseAccessRevision } from '../case-access/case-access.projection';
import { caseScope, SqlClause } from '../case-access/case-access.scope';
import { TableNames } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { ReadModelDb, SqlValue } from '../read-model-db';
import { StateCache } from '../state-cache';
import { RECOVERY_TOTALS } from './recovery-totals.projection';
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
} from './totals.contributions';
import { GroupedSums } from './grouped-sums';
import {
  Dimension,
  GroupKeys,
  MeasureSums,
  Part,
  toTotalsMeasures,
  TotalsMeasures,
} from './totals.measures';

export interface TotalsFilters {
  caseId?: string;
  operation?: string;
  agency?: string;
  financialYear?: string;
}

export interface TotalsRequest extends TotalsFilters {
  groupBy?: Dimension;
  /** YYYY-MM-DD: folded exactly from the events that occurred by the end of that London date. */
  asAt?: string;
  /** Only events recorded at or before this ledger position (as known then); folded exactly too. */
  asKnownAt?: bigint;
}

export interface TotalsGroup {
  /** The case id, operation, agency code, power, category, financial year or receipt type; null: none. */
  key: string | null;
  measures: TotalsMeasures;
}

export interface TotalsView {
  groupBy: Dimension | null;
  /** The date asked for; null: everything recorded. */
  asAt: string | null;
  /** The ledger position asked for; null: everything recorded. */
  asKnownAt: string | null;
  /** The date interest and outstanding are computed to (asAt, or today in London). */
  interestAsAt: string;
  groups: TotalsGroup[];
  total: { measures: TotalsMeasures };
}

/** Where each dimension lives in the cell rows. */
const CELL_COLUMN: Record<Dimension, string> = {
  case: 'case_id',
  operation: 'operation',
  agency: 'agency',
  power: 'power',
  category: 'category',
  financialYear: 'financial_year',
  receiptType: 'receipt_type',
};

const FILTER_COLUMN: Record<keyof TotalsFilters, string> = {
  caseId: 'case_id',
  operation: 'operation',
  agency: 'agency',
  financialYear: 'financial_year',
};

const FILTER_KEY: Record<keyof TotalsFilters, Dimension> = {
  caseId: 'case',
  operation: 'operation',
  agency: 'agency',
  financialYear: 'financialYear',
};

interface OrderScopeRow {
  order_id: string;
  case_id: string;
  operation: string | null;
  agency: string | null;
  financial_year: string | null;
  version: number;
}

interface Debt {
  version: number;
  date: string;
  interest: Decimal;
  outstanding: Decimal;
}

/**
 * `GET /totals`. Without `asAt`: the rows the projection keeps by deltas (an unfiltered query
 * reads one row per group as stored; a filtered one adds up the slices, or for a case the cells,
 * in scope), plus interest and outstanding computed to today for the orders in scope (memoised
 * per order version and date, and per query while no order changes).
 * With `asAt`: exact, by folding the streams of every asset and order in scope (the projection's
 * tables list every one ever seen) from the event store, using only events that occurred by the
 * end of that London date, and adding up the same contributions the projection stores.
 *
 * Scope: only what belongs to the cases the caller may read (case-access). The stored group rows
 * and slices have no case, so a scoped caller always adds up the cells (which do) in scope; the
 * debt and the "as at" folds narrow their orders and assets by case the same way.
 */
export class RecoveryTotalsQuery {
  private readonly debts = new StateCache<Debt>(50_000);
  /** Interest and outstanding of the orders in scope, per date and query, while no order changes. */
  private readonly debtTotals = new StateCache<{ revision: string; debt: GroupedSums }>(256);

  constructor(
    private readonly db: ReadModelDb,
    private readonly runner: ProjectionRunner,
    private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
    private readonly arisTable: ArisTable,
    private readonly today: () => string = () => londonDateOf(new Date().toISOString()),
  ) {}

  /** The totals of what `scope` may read, narrowed further by the request's filters. */
  async totals(request: TotalsRequest, scope: AccessScope): Promise<TotalsView> {
    const t = this.runner.tables(RECOVERY_TOTALS);
    const filters = filtersOf(request);
    const scoped = caseScope(this.runner, scope, 'case_id');
    const grouped = new GroupedSums(request.groupBy);
    const interestAsAt = request.asAt ?? this.today();
    if (request.asAt === undefined && request.asKnownAt === undefined) {
      this.current(t, request.groupBy, filters, scoped, grouped);
      grouped.merge(this.debtToDate(t, request.groupBy, filters, scoped, interestAsAt));
    } else {
      await this.asAt(t, filters, scoped, interestAsAt, grouped, request.asKnownAt);
    }
    return view(request, interestAsAt, grouped);
  }

  /** The stored figures: group rows as they are, or the cells in scope added up. */
  private current(
    t: TableNames,
    groupBy: Dimension | undefined,
    filters: [keyof TotalsFilters, string][],
    scoped: SqlClause | undefined,
    grouped: GroupedSums,
  ): void {
    if (filters.length === 0 && !scoped) {
      // The total is the sum of any dimension's rows: the receipt types are the fewest.
      const rows = (dimension: Dimension) =>
        this.db.all<{ key: string; measures: string }>(
          `SELECT key, measures FROM ${t('totals_groups')} WHERE dimension = ? ORDER BY key`,
          dimension,
        );
      for (const row of rows('receiptType')) {
        grouped.total.addSums(MeasureSums.parse(row.measures));
      }
      if (!groupBy) return;
      for (const row of rows(groupBy)) grouped.groups.set(row.key, MeasureSums.parse(row.measures));
      return;
    }
    // A case filter (or grouping) or an agency's scope needs the cells; otherwise the slices
    // (every key but the case, far fewer rows) hold the same sums.
    const table =
      scoped || groupBy === 'case' || filters.some(([name]) => name === 'caseId')
        ? t('totals_cells')
        : t('totals_slices');
    const { where, params } = whereOf(filters, scoped ? [scoped] : []);
    const column = groupBy ? CELL_COLUMN[groupBy] : "''";
    for (const row of this.db.all<{ key: string | null; measures: string }>(
      `SELECT ${column} AS key, measures FROM ${table} ${where}`,
      ...params,
    )) {
      const sums = MeasureSums.parse(row.measures);
      grouped.add(row.key, (s) => s.addSums(sums));
    }
  }

  /**
   * Interest and outstanding to `date` for the orders in scope: memoised per order (its version)
   * and, for the whole answer, while no order has changed (the projection counts order events)
   * and, for a scoped caller, while no case's access has changed (case-access counts those).
   */
  private debtToDate(
    t: TableNames,
    groupBy: Dimension | undefined,
    filters: [keyof TotalsFilters, string][],
    scoped: SqlClause | undefined,
    date: string,
  ): GroupedSums {
    const ordersRevision =
      this.db.get<{ value: number }>(
        `SELECT value FROM ${t('totals_meta')} WHERE name = 'orders_revision'`,
      )?.value ?? 0;
    const revision = scoped
      ? `${ordersRevision}/${caseAccessRevision(this.db, this.runner.tables(CASE_ACCESS))}`
      : String(ordersRevision);
    const memoKey = JSON.stringify([
      t('totals_orders'),
      date,
      groupBy ?? null,
      filters,
      scoped ?? null,
    ]);
    const memo = this.debtTotals.get(memoKey);
    if (memo && memo.revision === revision) return memo.debt;
    const grouped = new GroupedSums(groupBy);
    const { where, params } = whereOf(filters, [
      { sql: 'financial_year IS NOT NULL', params: [] },
      ...(scoped ? [scoped] : []),
    ]);
    const rows = this.db.all<OrderScopeRow>(
      `SELECT order_id, case_id, operation, agency, financial_year, version FROM ${t('totals_orders')}
       ${where} ORDER BY order_id`,
      ...params,
    );
    for (const row of rows) {
      const orderKey = `${t('totals_orders')}/${row.order_id}`;
      let debt = this.debts.get(orderKey);
      if (!debt || debt.version !== row.version || debt.date !== date) {
        const stored = this.db.get<{ state: string }>(
          `SELECT state FROM ${t('totals_orders')} WHERE order_id = ?`,
          row.order_id,
        );
        const figures = stored ? debtOf(parseOrder(stored.state).state, date) : undefined;
        debt = { version: row.version, date, ...(figures ?? zeroDebt()) };
        this.debts.set(orderKey, debt);
      }
      const keys: GroupKeys = {
        case: row.case_id,
        operation: row.operation,
        agency: row.agency,
        power: null,
        category: null,
        financialYear: row.financial_year,
        receiptType: 'confiscation',
      };
      const found = debt;
      grouped.add(grouped.groupKey(keys), (s) => addDebt(s, found));
    }
    this.debtTotals.set(memoKey, { revision, debt: grouped });
    return grouped;
  }

  /** Exact as at the end of `asAt`: every asset and order in scope folded from its stream. */
  private async asAt(
    t: TableNames,
    filters: [keyof TotalsFilters, string][],
    scoped: SqlClause | undefined,
    asAt: string,
    grouped: GroupedSums,
    asKnownAt?: bigint,
  ): Promise<void> {
    // Case, operation and agency are fixed when a case is opened: the tables can narrow by them.
    // The financial year depends on the as-at state, so it is applied to each contribution.
    const caseFilters = filters.filter(([name]) => name !== 'financialYear');
    const inScope = (keys: GroupKeys) =>
      filters.every(([name, value]) => keys[FILTER_KEY[name]] === value);
    // Who may read a case is a question about now, not about `asAt`.
    const { where, params } = whereOf(caseFilters, scoped ? [scoped] : []);

    const assets = this.db.all<{
      asset_id: string;
      case_id: string;
      operation: string | null;
      agency: string | null;
    }>(
      `SELECT asset_id, case_id, operation, agency FROM ${t('totals_assets')} ${where} ORDER BY asset_id`,
      ...params,
    );
    for (const a of assets) {
      let state: AssetState = initialAssetState;
      for (const e of await this.eventsBy(`asset-${a.asset_id}`, asAt, asKnownAt)) {
        state = evolveAsset(state, e as unknown as AssetEvent);
      }
      const keys: CaseKeys = { caseId: a.case_id, operation: a.operation, agency: a.agency };
      for (const part of assetParts(a.asset_id, state, keys, this.arisTable, asAt)) {
        if (inScope(part.keys)) grouped.addPart(part);
      }
    }

    const orders = this.db.all<{
      order_id: string;
      case_id: string;
      operation: string | null;
      agency: string | null;
    }>(
      `SELECT order_id, case_id, operation, agency FROM ${t('totals_orders')} ${where} ORDER BY order_id`,
      ...params,
    );
    for (const o of orders) {
      const keys: CaseKeys = { caseId: o.case_id, operation: o.operation, agency: o.agency };
      let order: OrderTotalsState = initialOrderTotalsState;
      const parts: Part[] = [];
      for (const e of await this.eventsBy(`confiscation-${o.order_id}`, asAt, asKnownAt)) {
        const { next, receipt } = foldOrderEvent(
          order,
          e as unknown as ConfiscationEvent,
          this.arisTable,
        );
        order = next;
        const receiptKeys = orderKeys(order.state, keys);
        if (receipt && receiptKeys) parts.push(receiptPart(receipt, receiptKeys));
      }
      const own = orderPart(order.state, keys);
      if (own) parts.unshift(own);
      for (const part of parts) if (inScope(part.keys)) grouped.addPart(part);
      if (own && inScope(own.keys)) {
        const debt = debtOf(order.state, asAt) ?? zeroDebt();
        grouped.add(grouped.groupKey(own.keys), (s) => addDebt(s, debt));
      }
    }
  }

  /**
   * A stream's events (upcast) that occurred on or before the London date `asAt` and, with
   * `asKnownAt`, were recorded at or before that position.
   */
  private async eventsBy(
    stream: string,
    asAt: string,
    asKnownAt?: bigint,
  ): Promise<{ type: string; data: Record<string, unknown> }[]> {
    const events: { type: string; data: Record<string, unknown> }[] = [];
    for await (const recorded of this.store.readStream(stream)) {
      if (asKnownAt !== undefined && recorded.position > asKnownAt) break;
      const data = this.upcasters.upcast(
        recorded.type,
        recorded.data,
        recorded.metadata.schemaVersion,
      );
      if (occurredOn(recorded, data) <= asAt) events.push({ type: recorded.type, data });
    }
    return events;
  }
}

function occurredOn(recorded: RecordedEvent, data: Record<string, unknown>): string {
  return londonDateOf(typeof data.occurredAt === 'string' ? data.occurredAt : recorded.recordedAt);
}

function filtersOf(request: TotalsRequest): [keyof TotalsFilters, string][] {
  return (Object.keys(FILTER_COLUMN) as (keyof TotalsFilters)[])
    .filter((name) => request[name] !== undefined)
    .map((name) => [name, request[name] as string]);
}

function whereOf(
  filters: [keyof TotalsFilters, string][],
  extra: SqlClause[] = [],
): { where: string; params: SqlValue[] } {
  const clauses = [
    ...filters.map(([name]) => `${FILTER_COLUMN[name]} = ?`),
    ...extra.map((c) => c.sql),
  ];
  return {
    where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '',
    params: [...filters.map(([, value]) => value), ...extra.flatMap((c) => c.params)],
  };
}

function zeroDebt(): { interest: Decimal; outstanding: Decimal } {
  return { interest: new Dec(0), outstanding: new Dec(0) };
}

/** Interest accrued (rounded to the penny) and outstanding as at `date`; none before the order. */
function debtOf(
  state: ConfiscationState,
  date: string,
): { interest: Decimal; outstanding: Decimal } | undefined {
  if (!state.exists || !state.order || date < state.order.orderDate) return undefined;
  const position = orderPosition(state, date);
  return {
    interest: position.interestAccrued.rounded.amount,
    outstanding: position.outstanding.amount,
  };
}

function addDebt(sums: MeasureSums, debt: { interest: Decimal; outstanding: Decimal }): void {
  sums.addOne('interestAccrued', debt.interest);
  sums.addOne('confiscationOutstanding', debt.outstanding);
}

function view(request: TotalsRequest, interestAsAt: string, grouped: GroupedSums): TotalsView {
  const keys = [...grouped.groups.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return {
    groupBy: request.groupBy ?? null,
    asAt: request.asAt ?? null,
    asKnownAt: request.asKnownAt?.toString() ?? null,
    interestAsAt,
    groups: keys.map((key) => ({
      key: key === '' ? null : key,
      measures: toTotalsMeasures(grouped.groups.get(key) as MeasureSums),
    })),
    total: { measures: toTotalsMeasures(grouped.total) },
  };
}
