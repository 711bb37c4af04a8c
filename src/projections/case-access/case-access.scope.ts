import { AccessScope } from '../../auth/access-scope';
import { ProjectionRunner } from '../projection-runner';
import { SqlValue } from '../read-model-db';
import { CASE_ACCESS } from './case-access.projection';

/** A piece of a WHERE clause and its positional parameters. */
export interface SqlClause {
  sql: string;
  params: SqlValue[];
}

/** A column reference: `case_id` or `d.case_id` (never user input, but checked all the same). */
const COLUMN = /^(?:[A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The rows of cases the scope may read: `caseIdColumn IN (the cases led by, or shared with, the
 * agency)`, or undefined when the scope is everything (auditors). `caseAccessTable` is the
 * physical `case_access` table (`runner.tables('case-access')('case_access')`); every projection
 * lives in the same read-model database, so the subquery works from any projection's query.
 */
export function scopeClause(
  scope: AccessScope,
  caseIdColumn: string,
  caseAccessTable: string,
): SqlClause | undefined {
  if (scope.all) return undefined;
  if (!COLUMN.test(caseIdColumn) || !COLUMN.test(caseAccessTable)) {
    throw new Error(`scopeClause: bad identifier ${caseIdColumn} / ${caseAccessTable}`);
  }
  return {
    sql: `${caseIdColumn} IN (SELECT case_id FROM ${caseAccessTable} WHERE agency = ?)`,
    params: [scope.agency],
  };
}

/** scopeClause against the live generation of the case-access projection. */
export function caseScope(
  runner: Pick<ProjectionRunner, 'tables'>,
  scope: AccessScope,
  caseIdColumn: string,
): SqlClause | undefined {
  if (scope.all) return undefined;
  return scopeClause(scope, caseIdColumn, runner.tables(CASE_ACCESS)('case_access'));
}
