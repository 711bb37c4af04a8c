import { AccessScope } from '../../auth/access-scope';
import { EventStore } from '../../event-store/event-store.port';
import { AssetEvent, assetStream } from '../../ledger/assets/asset.events';
import { evolve, initialAssetState } from '../../ledger/assets/asset.state';
import { UpcasterRegistry } from '../../ledger/upcasting/upcaster-registry';
import { londonDateOf } from '../../common/time';
import { caseScope } from '../case-access/case-access.scope';
import { ProjectionRunner } from '../projection-runner';
import { ReadModelDb, SqlValue } from '../read-model-db';
import { ASSET_REGISTER } from './asset-register.projection';
import { registerRow, RegisterRow } from './register-row';
import { RegisterFilters } from './register.query';

export interface AsOf {
  /** Only events that happened on or before this London date (occurredAt). */
  asAt?: string;
  /** Only events recorded at or before this ledger position. */
  asKnownAt?: bigint;
}

/**
 * The register as it stood: each candidate asset's stream folded with the domain's evolve over
 * just the events that qualify. Exact by construction (the same fold as the live register), and
 * slower than the live tables, which is fine for the reports that ask for it. Candidates come
 * from the register, which lists every asset ever seized, filtered on what never changes (case,
 * operation, agency, category); status and power are filtered after the fold. Only assets of the
 * cases `scope` may read now (access is who may read today, not who could on `asAt`).
 */
export async function registerPageAsOf(
  db: ReadModelDb,
  runner: ProjectionRunner,
  store: EventStore,
  upcasters: UpcasterRegistry,
  scope: AccessScope,
  filters: RegisterFilters,
  asOf: AsOf,
  limit: number,
  cursor?: string,
): Promise<{ items: RegisterRow[]; nextCursor: string | null }> {
  const t = runner.tables(ASSET_REGISTER);
  const where: string[] = [];
  const params: SqlValue[] = [];
  const scoped = caseScope(runner, scope, 'case_id');
  if (scoped) {
    where.push(scoped.sql);
    params.push(...scoped.params);
  }
  const stable: [keyof RegisterFilters, string][] = [
    ['caseId', 'case_id'],
    ['operation', 'operation'],
    ['agency', 'agency'],
    ['category', 'category'],
  ];
  for (const [key, column] of stable) {
    if (filters[key] !== undefined) {
      where.push(`${column} = ?`);
      params.push(filters[key]);
    }
  }
  const items: RegisterRow[] = [];
  let after = cursor ?? '';
  for (;;) {
    const chunk = db.all<{
      asset_id: string;
      case_reference: string | null;
      operation: string | null;
      agency: string | null;
    }>(
      `SELECT asset_id, case_reference, operation, agency FROM ${t('register_assets')}
       WHERE ${[...where, 'asset_id > ?'].join(' AND ')} ORDER BY asset_id LIMIT ?`,
      ...params,
      after,
      Math.max(limit * 2, 50),
    );
    if (chunk.length === 0) return { items, nextCursor: null };
    for (const candidate of chunk) {
      after = candidate.asset_id;
      const row = await foldAsOf(store, upcasters, candidate, asOf);
      if (!row) continue;
      if (filters.status !== undefined && row.status !== filters.status) continue;
      if (filters.power !== undefined && row.power !== filters.power) continue;
      items.push(row);
      if (items.length === limit) return { items, nextCursor: row.assetId };
    }
  }
}

async function foldAsOf(
  store: EventStore,
  upcasters: UpcasterRegistry,
  candidate: {
    asset_id: string;
    case_reference: string | null;
    operation: string | null;
    agency: string | null;
  },
  asOf: AsOf,
): Promise<RegisterRow | undefined> {
  let state = initialAssetState;
  let last: { type: string; occurredAt: string; position: bigint } | undefined;
  for await (const event of store.readStream(assetStream(candidate.asset_id))) {
    if (asOf.asKnownAt !== undefined && event.position > asOf.asKnownAt) break;
    const data = upcasters.upcast(event.type, event.data, event.metadata.schemaVersion);
    const occurredAt = typeof data.occurredAt === 'string' ? data.occurredAt : event.recordedAt;
    if (asOf.asAt !== undefined && londonDateOf(occurredAt) > asOf.asAt) continue;
    state = evolve(state, { type: event.type, data } as unknown as AssetEvent);
    last = { type: event.type, occurredAt, position: event.position };
  }
  if (!state.exists || !last) return undefined;
  const theCase =
    candidate.case_reference === null
      ? undefined
      : {
          reference: candidate.case_reference,
          operation: candidate.operation,
          leadAgency: candidate.agency ?? '',
        };
  return registerRow(candidate.asset_id, state, theCase, last, asOf.asAt);
}
