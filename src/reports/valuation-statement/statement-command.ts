import { writeFileSync } from 'node:fs';
import { validate as isUuid } from 'uuid';
import { AppConfig } from '../../config/config';
import { StoreLockedError } from '../../event-store/event-store.port';
import { openEventStore } from '../../event-store/open-event-store';
import { ledgerUpcasters } from '../../ledger/upcasting/ledger-upcasters';
import { buildValuationStatement } from './valuation-statement';
import { loadStatementInput, LogScanCaseIndex } from './valuation-statement.loader';
import { toPdf } from './valuation-statement.pdf';
import { toCsv, toJson } from './valuation-statement.render';

export interface StatementOptions {
  case: string;
  asAt?: string;
  asKnownAt?: string;
  format: string;
  out: string;
  preparedBy?: string;
  /** A statement for this subject of the case only (a subject id). */
  subject?: string;
}

/**
 * `poca-ledger statement`: writes the valuation statement of a case (by reference or id) to a
 * file. Read-only, but it opens the embedded store, which takes the writer lock: run it with the
 * server stopped, or ask the running server (GET /cases/{id}/valuation-statement). The case's
 * assets and orders are found by a scan of the log (no read models needed).
 */
export async function statementCommand(
  config: AppConfig,
  options: StatementOptions,
  out = process.stdout,
): Promise<void> {
  if (!['json', 'csv', 'pdf'].includes(options.format))
    throw new Error(`--format must be json, csv or pdf (not ${options.format})`);
  if (options.asAt !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asAt))
    throw new Error(`--as-at must be a date YYYY-MM-DD (not ${options.asAt})`);
  if (options.asKnownAt !== undefined && !/^\d{1,40}$/.test(options.asKnownAt))
    throw new Error(`--as-known-at must be a ledger position (digits)`);
  if (options.subject !== undefined && !isUuid(options.subject))
    throw new Error(`--subject must be a subject id (a UUID, not ${options.subject})`);
  let store;
  try {
    store = openEventStore(config, 'poca-ledger statement');
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    throw new Error(
      `A server holds ${config.dataDir}: stop it first, or fetch GET /cases/{caseId}/valuation-statement from it`,
    );
  }
  try {
    const index = new LogScanCaseIndex(store);
    const caseId = await index.resolve(options.case);
    const input = await loadStatementInput(store, ledgerUpcasters(), index, {
      caseId,
      asAt: options.asAt,
      asKnownAt: options.asKnownAt === undefined ? undefined : BigInt(options.asKnownAt),
      preparedBy: options.preparedBy ?? process.env.USER ?? 'unknown',
      subjectId: options.subject?.toLowerCase(),
    });
    if (!input) throw new Error(`No case ${options.case}`);
    const statement = buildValuationStatement(input);
    const body =
      options.format === 'pdf'
        ? await toPdf(statement)
        : options.format === 'csv'
          ? toCsv(statement)
          : toJson(statement);
    writeFileSync(options.out, body);
    out.write(
      `Wrote ${options.out}: statement ${statement.statementId} for ${statement.header.caseReference}${statement.header.scope ? ` (subject ${statement.header.scope.subjectId} only)` : ''} as at ${statement.header.asAt}, as known at position ${statement.header.asKnownAt}\n`,
    );
  } finally {
    await store.close();
  }
}
