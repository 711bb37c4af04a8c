import { AccessScope } from '../../auth/access-scope';
import { caseScope } from '../case-access/case-access.scope';
import { ProjectionRunner } from '../projection-runner';
import { ReadModelDb, SqlValue } from '../read-model-db';
import { ASSET_REGISTER } from './asset-register.projection';
import { RegisterRow } from './register-row';

export interface RegisterFilters {
  caseId?: string;
  operation?: string;
  agency?: string;
  status?: string;
  category?: string;
  power?: string;
}

interface Row {
  asset_id: string;
  case_id: string;
  case_reference: string | null;
  operation: string | null;
  agency: string | null;
  exhibit_ref: string;
  category: string;
  power: string;
  status: string;
  held: number;
  description: string;
  custody_location: string | null;
  seized_at: string;
  value_source: string | null;
  value_amount: string | null;
  value_currency: string | null;
  value_gbp: string | null;
  detention_expires_at: string | null;
  restraint_order_ids: string;
  earlier_rules_flags: string;
  realised_net_gbp: string | null;
  last_event: string;
  last_changed_at: string;
  last_position: string;
}

const FILTER_COLUMNS: Record<keyof RegisterFilters, string> = {
  caseId: 'case_id',
  operation: 'operation',
  agency: 'agency',
  status: 'status',
  category: 'category',
  power: 'power',
};

/**
 * A page of the register in a stable order (asset ids are UUIDv7: seizure order), by cursor; only
 * assets of the cases `scope` may read (the `agency` filter is the lead agency, on top of that).
 */
export function registerPage(
  db: ReadModelDb,
  runner: ProjectionRunner,
  scope: AccessScope,
  filters: RegisterFilters,
  limit: number,
  cursor?: string,
): { items: RegisterRow[]; nextCursor: string | null } {
  const t = runner.tables(ASSET_REGISTER);
  const where: string[] = [];
  const params: SqlValue[] = [];
  const scoped = caseScope(runner, scope, 'case_id');
  if (scoped) {
    if (noCaseInScope(db, runner, scope, t, filters)) return { items: [], nextCursor: null };
    where.push(scoped.sql);
    params.push(...scoped.params);
  }
  for (const [key, column] of Object.entries(FILTER_COLUMNS) as [keyof RegisterFilters, string][]) {
    const value = filters[key];
    if (value !== undefined) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  if (cursor) {
    where.push('asset_id > ?');
    params.push(cursor);
  }
  const rows = db.all<Row>(
    `SELECT * FROM ${t('register_assets')} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY asset_id LIMIT ?`,
    ...params,
    limit + 1,
  );
  const items = rows.slice(0, limit).map(toRow);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].assetId : null };
}

/**
 * An asset's operation and agency are its case's (fixed when the case is opened), so when none of
 * the cases in scope has the operation (or lead agency) asked for, there is nothing to page
 * through: answered from the cases alone instead of looking at every asset of the operation.
 */
function noCaseInScope(
  db: ReadModelDb,
  runner: ProjectionRunner,
  scope: AccessScope,
  t: (logical: string) => string,
  filters: RegisterFilters,
): boolean {
  if (filters.operation === undefined && filters.agency === undefined) return false;
  const inScope = caseScope(runner, scope, 'case_id');
  if (!inScope) return false;
  const where = [inScope.sql];
  const params: SqlValue[] = [...inScope.params];
  if (filters.operation !== undefined) {
    where.push('operation = ?');
    params.push(filters.operation);
  }
  if (filters.agency !== undefined) {
    where.push('lead_agency = ?');
    params.push(filters.agency);
  }
  return !db.get(
    `SELECT 1 AS found FROM ${t('register_cases')} WHERE ${where.join(' AND ')} LIMIT 1`,
    ...params,
  );
}

function toRow(r: Row): RegisterRow {
  return {
    assetId: r.asset_id,
    caseId: r.case_id,
    caseReference: r.case_reference,
    operation: r.operation,
    agency: r.agency,
    exhibitRef: r.exhibit_ref,
    category: r.category,
    power: r.power,
    status: r.status,
    held: r.held === 1,
    description: r.description,
    custodyLocation: r.custody_location,
    seizedAt: r.seized_at,
    currentValue:
      r.value_gbp === null
        ? null
        : {
            source: r.value_source ?? 'valuation',
            native:
              r.value_amount !== null && r.value_currency !== null
                ? { amount: r.value_amount, currency: r.value_currency }
                : null,
            gbp: { amount: r.value_gbp, currency: 'GBP' },
          },
    detentionExpiresAt: r.detention_expires_at,
    restraintOrderIds: JSON.parse(r.restraint_order_ids) as string[],
    earlierRulesFlags: JSON.parse(r.earlier_rules_flags) as string[],
    realisedNet:
      r.realised_net_gbp === null ? null : { amount: r.realised_net_gbp, currency: 'GBP' },
    lastEvent: r.last_event,
    lastChangedAt: r.last_changed_at,
    lastPosition: r.last_position,
  };
}
