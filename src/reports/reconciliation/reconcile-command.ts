import { writeFileSync } from 'node:fs';
import { EVERY_CASE } from '../../auth/access-scope';
import { AppConfig } from '../../config/config';
import { openEventStore } from '../../event-store/open-event-store';
import { isIsoDate } from '../../common/time';
import { ledgerUpcasters } from '../../ledger/upcasting/ledger-upcasters';
import { buildReconciliation } from './reconciliation.builder';
import { reconciliationCsv } from './reconciliation.csv';
import { loadLedger } from './reconciliation.loader';
import { scopeLedger } from './reconciliation.scope';

export interface ReconcileOptions {
  from: string;
  to: string;
  format?: string;
  out?: string;
  varianceThreshold?: string;
}

/**
 * `poca-ledger reconcile --from DATE --to DATE --format json|csv --out FILE`: the same report as
 * `GET /reconciliation`, folded from the event store. The embedded store is opened with its writer
 * lock, so the server must be stopped (otherwise: exit 75 and a message; use the HTTP route).
 * An operator tool with no actor: it reports every case, whatever agency leads it.
 */
export async function reconcile(
  config: AppConfig,
  options: ReconcileOptions,
  stdout: { write(text: string): unknown } = process.stdout,
): Promise<void> {
  const format = options.format ?? 'json';
  const bad: string[] = [];
  if (!isIsoDate(options.from)) bad.push(`--from ${String(options.from)} is not a date YYYY-MM-DD`);
  if (!isIsoDate(options.to)) bad.push(`--to ${String(options.to)} is not a date YYYY-MM-DD`);
  if (bad.length === 0 && options.from > options.to) {
    bad.push(`--from ${options.from} is after --to ${options.to}`);
  }
  if (format !== 'json' && format !== 'csv') bad.push(`--format must be json or csv`);
  if (
    options.varianceThreshold !== undefined &&
    !/^\d{1,3}(\.\d{1,4})?$/.test(options.varianceThreshold)
  ) {
    bad.push('--variance-threshold must be a percentage such as 10 or 12.5');
  }
  if (bad.length) throw new Error(bad.join('; '));

  const store = openEventStore(config, 'poca-ledger reconcile');
  try {
    const ledger = scopeLedger(await loadLedger(store, ledgerUpcasters()), EVERY_CASE);
    const report = buildReconciliation(ledger, {
      from: options.from,
      to: options.to,
      varianceThreshold: options.varianceThreshold,
    });
    const text =
      format === 'csv' ? reconciliationCsv(report) : `${JSON.stringify(report, null, 2)}\n`;
    if (options.out) {
      writeFileSync(options.out, text);
      const failed = report.checks.filter((c) => !c.ok).length;
      stdout.write(
        `Reconciliation ${options.from}..${options.to} written to ${options.out}: ` +
          `${report.rollForward.orders.length} orders, ${report.receipts.items.length} receipts, ` +
          `${report.exceptions.length} exceptions, ${failed === 0 ? 'balances' : `${failed} checks FAILED`}\n`,
      );
    } else {
      stdout.write(text);
    }
  } finally {
    await store.close();
  }
}
