import { AccessScope } from '../../auth/access-scope';
import {
  daysBetween,
  epochMsToIso,
  instantToEpochMs,
  londonDateOf,
  MS_PER_HOUR,
} from '../../common/time';
import { caseScope } from '../case-access/case-access.scope';
import { ProjectionRunner } from '../projection-runner';
import { ReadModelDb, SqlValue } from '../read-model-db';
import { DeadlineKind, INSTANT_KINDS } from './deadline.rules';
import { DEADLINES, DeadlineRow } from './deadlines.projection';

export const DEFAULT_WITHIN = 'P14D';

/** The longest look-ahead a query may ask for (about 10 years: every cap of a 3-year detention). */
export const MAX_WITHIN_DAYS = 3660;

const WITHIN = /^P(?:(\d{1,6})D|T(\d{1,7})H|(\d{1,5})W)$/;

/**
 * An ISO 8601 duration of whole days (`P14D`), hours (`PT48H`) or weeks (`P2W`), in milliseconds
 * of elapsed time; undefined for anything else or longer than MAX_WITHIN_DAYS.
 */
export function parseWithin(within: unknown): number | undefined {
  if (typeof within !== 'string') return undefined;
  const match = WITHIN.exec(within);
  if (!match) return undefined;
  const [, days, hours, weeks] = match;
  const totalHours =
    days !== undefined
      ? Number(days) * 24
      : hours !== undefined
        ? Number(hours)
        : Number(weeks) * 7 * 24;
  if (totalHours > MAX_WITHIN_DAYS * 24) return undefined;
  return totalHours * MS_PER_HOUR;
}

export interface DeadlineFilters {
  caseId?: string;
  agency?: string;
  kind?: DeadlineKind;
}

export interface DeadlineItem {
  kind: DeadlineKind;
  /** An ISO instant for a detention expiry, a date (YYYY-MM-DD) for the other kinds. */
  due: string;
  /** When it passes, as a UTC instant (a date passes at the London midnight ending it). */
  dueAt: string;
  overdue: boolean;
  caseId: string;
  caseReference: string | null;
  operation: string | null;
  assetId?: string;
  confiscationOrderId?: string;
  /** Instalment position in the schedule (0-based), for time to pay. */
  instalment?: number;
  ref: string;
  agency: string | null;
  description: string;
  /** Rule codes today's rules would refuse something recorded earlier on the asset with. */
  earlierRulesFlags?: string[];
  /** Detention expiries: hours from now (one decimal, rounded down; negative when overdue). */
  hoursLeft?: number;
  /** Date kinds: calendar days from today in London (0 = due today; negative when overdue). */
  daysLeft?: number;
}

export interface DeadlinesAnswer {
  asOf: string;
  within: string;
  items: DeadlineItem[];
}

interface JoinedRow extends DeadlineRow {
  reference: string | null;
  operation: string | null;
  lead_agency: string | null;
}

/**
 * Every open deadline due up to `now` + `within` (so every overdue one too), soonest first (the
 * overdue ones come first), each flagged overdue when it passed before `now`. `now` is the
 * caller's clock reading: the read model itself has none. Only deadlines of cases `scope` may read.
 */
export function deadlinesDue(
  db: ReadModelDb,
  runner: ProjectionRunner,
  now: Date,
  within: string,
  filters: DeadlineFilters,
  scope: AccessScope,
): DeadlinesAnswer {
  const withinMs = parseWithin(within);
  if (withinMs === undefined) throw new RangeError(`deadlinesDue: bad within ${within}`);
  const t = runner.tables(DEADLINES);
  const nowMs = now.getTime();
  const asOf = epochMsToIso(nowMs);
  const until = epochMsToIso(nowMs + withinMs);
  const where = ['d.due_at <= ?'];
  const params: SqlValue[] = [until];
  const scoped = caseScope(runner, scope, 'd.case_id');
  if (scoped) {
    where.push(scoped.sql);
    params.push(...scoped.params);
  }
  if (filters.caseId !== undefined) {
    where.push('d.case_id = ?');
    params.push(filters.caseId);
  }
  if (filters.agency !== undefined) {
    where.push('c.lead_agency = ?');
    params.push(filters.agency);
  }
  if (filters.kind !== undefined) {
    where.push('d.kind = ?');
    params.push(filters.kind);
  }
  const rows = db.all<JoinedRow>(
    `SELECT d.*, c.reference, c.operation, c.lead_agency
       FROM ${t('deadline_items')} d LEFT JOIN ${t('deadline_cases')} c ON c.case_id = d.case_id
      WHERE ${where.join(' AND ')}
      ORDER BY d.due_at, d.kind, d.source_id, d.seq`,
    ...params,
  );
  const today = londonDateOf(asOf);
  return { asOf, within, items: rows.map((r) => toItem(r, nowMs, today)) };
}

function toItem(r: JoinedRow, nowMs: number, today: string): DeadlineItem {
  const kind = r.kind as DeadlineKind;
  const dueMs = instantToEpochMs(r.due_at) as number;
  const instant = INSTANT_KINDS.includes(kind);
  return {
    kind,
    due: r.due,
    dueAt: r.due_at,
    overdue: dueMs < nowMs,
    caseId: r.case_id,
    caseReference: r.reference,
    operation: r.operation,
    ...(r.asset_id !== null && { assetId: r.asset_id }),
    ...(r.confiscation_order_id !== null && {
      confiscationOrderId: r.confiscation_order_id,
      instalment: r.seq,
    }),
    ref: r.ref,
    agency: r.lead_agency,
    description: r.description,
    ...(r.flags !== null && { earlierRulesFlags: JSON.parse(r.flags) as string[] }),
    ...(instant
      ? { hoursLeft: Math.floor((dueMs - nowMs) / (MS_PER_HOUR / 10)) / 10 }
      : { daysLeft: daysBetween(today, r.due) }),
  };
}
