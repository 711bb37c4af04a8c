import { ProjectedEvent, Projection, TableNames } from '../projection';
import { ReadModelDb } from '../read-model-db';

export const CASE_ACCESS = 'case-access';

/** A row of `case_access` as stored: one agency that may read one case. */
export interface CaseAccessRow {
  case_id: string;
  agency: string;
  /** 1: the lead agency (from CaseOpened); 0: an agency the case is shared with. */
  lead: number;
}

/**
 * Which agencies may read each case (docs/api.md, "Roles and scope"): the lead agency (`CaseOpened`)
 * and every agency the case is currently shared with (`CaseShared`; `CaseSharingRevoked` deletes
 * the row). List and aggregate queries of the other projections narrow themselves with a subquery
 * on this table (case-access.scope.ts): every projection lives in the same read-model database.
 *
 * `case_access_meta.revision` counts the changes, so a query that memoises a scoped answer knows
 * when who-sees-what has moved on. Deterministic: the same events give the same rows (R6).
 */
export class CaseAccessProjection implements Projection {
  readonly name = CASE_ACCESS;
  readonly version = 1;
  readonly tables = ['case_access', 'case_access_meta'] as const;
  readonly streams = ['case-'] as const;

  createTables(db: ReadModelDb, t: TableNames): void {
    db.exec(`
      CREATE TABLE ${t('case_access')} (
        case_id TEXT NOT NULL, agency TEXT NOT NULL, lead INTEGER NOT NULL,
        PRIMARY KEY (case_id, agency)
      );
      CREATE INDEX ${t('case_access')}_by_agency ON ${t('case_access')} (agency, case_id);
      CREATE TABLE ${t('case_access_meta')} (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    `);
  }

  apply(db: ReadModelDb, t: TableNames, event: ProjectedEvent): void {
    const caseId = event.streamId.slice('case-'.length);
    const table = t('case_access');
    switch (event.type) {
      case 'CaseOpened': {
        const { leadAgency } = event.data as { leadAgency?: unknown };
        if (typeof leadAgency !== 'string') return;
        db.run(
          `INSERT INTO ${table} (case_id, agency, lead) VALUES (?, ?, 1)
           ON CONFLICT (case_id, agency) DO UPDATE SET lead = 1`,
          caseId,
          leadAgency,
        );
        break;
      }
      case 'CaseShared': {
        const { agency } = event.data as { agency?: unknown };
        if (typeof agency !== 'string') return;
        // Sharing with the lead agency (the decider refuses it) changes nothing.
        db.run(
          `INSERT INTO ${table} (case_id, agency, lead) VALUES (?, ?, 0)
           ON CONFLICT (case_id, agency) DO NOTHING`,
          caseId,
          agency,
        );
        break;
      }
      case 'CaseSharingRevoked': {
        const { agency } = event.data as { agency?: unknown };
        if (typeof agency !== 'string') return;
        // Revoking never takes the case from its lead agency.
        db.run(
          `DELETE FROM ${table} WHERE case_id = ? AND agency = ? AND lead = 0`,
          caseId,
          agency,
        );
        break;
      }
      default:
        return;
    }
    db.run(
      `INSERT INTO ${t('case_access_meta')} (name, value) VALUES ('revision', 1)
       ON CONFLICT (name) DO UPDATE SET value = ${t('case_access_meta')}.value + 1`,
    );
  }
}

/** Changes so far of the live generation's `case_access` (0: none yet). */
export function caseAccessRevision(db: ReadModelDb, t: TableNames): number {
  return (
    db.get<{ value: number }>(`SELECT value FROM ${t('case_access_meta')} WHERE name = 'revision'`)
      ?.value ?? 0
  );
}
