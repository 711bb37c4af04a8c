import { TableNames } from './projection';

/** Builds the SQL text of one statement for the physical tables of a generation. */
export type SqlText = (t: TableNames) => string;

const made = new WeakMap<TableNames, Map<SqlText, string>>();

/**
 * The statement's SQL for these tables, built once per generation: the same string every time, so
 * the database's prepared-statement lookup does not hash a freshly built text on every event.
 */
export function sqlFor(t: TableNames, text: SqlText): string {
  let texts = made.get(t);
  if (texts === undefined) {
    texts = new Map();
    made.set(t, texts);
  }
  let sql = texts.get(text);
  if (sql === undefined) {
    sql = text(t);
    texts.set(text, sql);
  }
  return sql;
}
