#!/usr/bin/env node
import 'reflect-metadata';
import 'dotenv/config';
import { Command } from 'commander';
import { runCommand } from './cli-run';
import { loadConfig } from './config/config';
import { serve } from './serve';
import { projectionsRebuild, projectionsStatus } from './cli/projections-command';
import { verifyCommand } from './cli/verify-command';
import { tokenCommand, TokenOptions } from './cli/token-command';
import { demo } from './demo/demo-command';
import { reconcile } from './reports/reconciliation/reconcile-command';
import {
  statementCommand,
  StatementOptions as StatementCliOptions,
} from './reports/valuation-statement/statement-command';

const program = new Command()
  .name('poca-ledger')
  .description('POCA Ledger: asset seizure and Proceeds of Crime Act recovery')
  .version('0.1.0');

program
  .command('serve')
  .description('serve the HTTP API (configuration from the environment; see README)')
  .action(() => runCommand(() => serve(loadConfig())));

program
  .command('token')
  .description('print a signed bearer token (development and operations)')
  .requiredOption('--sub <id>', 'officer or staff id (the token subject)')
  .requiredOption('--agency <code>', 'agency code, e.g. MPS, CoLP, NCA, CPS, HMCTS')
  .requiredOption(
    '--role <role>',
    'investigator, court_liaison, finance, supervisor or auditor (repeat for more)',
    (value: string, previous: string[] = []) => [...previous, value],
  )
  .option('--ttl <lifetime>', 'how long it is valid: 30m, 8h, 7d', '8h')
  .action((options: TokenOptions) =>
    runCommand(async () => {
      process.exitCode = await tokenCommand(loadConfig(), options);
    }),
  );

program
  .command('demo')
  .description(
    'load the "Operation Stimtone" demonstration data through the API\'s services (server stopped)',
  )
  .option('--reset', "empty the embedded store's data directory first (EVENT_STORE=sqlite only)")
  .action((options: { reset?: boolean }) =>
    runCommand(async () => {
      process.exitCode = await demo(loadConfig(), { reset: options.reset === true });
    }),
  );

const projections = program
  .command('projections')
  .description('the read models: status and rebuild');
projections
  .command('status')
  .description('checkpoint, generation and lag of each projection (works beside a running server)')
  .action(() => runCommand(() => projectionsStatus(loadConfig())));
projections
  .command('rebuild [name]')
  .description(
    'rebuild one projection (or all) from position 0 while the current tables keep serving',
  )
  .action((name: string | undefined) => runCommand(() => projectionsRebuild(loadConfig(), name)));

program
  .command('verify')
  .description(
    'check the hash chain of every stream (tamper evidence); exits non-zero at the first broken link (works beside a running server)',
  )
  .action(() =>
    runCommand(async () => {
      process.exitCode = await verifyCommand(loadConfig());
    }),
  );

program
  .command('reconcile')
  .description(
    'the finance reconciliation for a period (as GET /reconciliation; server stopped: it takes the store lock)',
  )
  .requiredOption('--from <date>', 'first London date of the period, YYYY-MM-DD')
  .requiredOption('--to <date>', 'last London date of the period, YYYY-MM-DD')
  .option('--format <format>', 'json or csv', 'json')
  .option('--out <file>', 'write to this file (default: standard output)')
  .option('--variance-threshold <percent>', 'flag realisation variances beyond this percent', '10')
  .action(
    (options: {
      from: string;
      to: string;
      format: string;
      out?: string;
      varianceThreshold: string;
    }) => runCommand(() => reconcile(loadConfig(), options)),
  );

program
  .command('statement')
  .description(
    'a court valuation statement for a case (as GET /cases/{id}/valuation-statement; server stopped: it takes the store lock)',
  )
  .requiredOption('--case <refOrId>', 'the case reference or id')
  .option('--as-at <date>', 'London date YYYY-MM-DD (default: the date of the position reflected)')
  .option('--as-known-at <position>', 'ledger position (default: the head of the log)')
  .option('--format <format>', 'json, csv or pdf', 'json')
  .requiredOption('--out <file>', 'write to this file')
  .option('--prepared-by <actor>', 'who prepares it (default: $USER)')
  .option('--subject <id>', 'a statement for this subject of the case only')
  .action((options: StatementCliOptions) =>
    runCommand(() => statementCommand(loadConfig(), options)),
  );

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`poca-ledger: ${String(error)}\n`);
  process.exit(1);
});
