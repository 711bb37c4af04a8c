#!/usr/bin/env node
import 'reflect-metadata';
import 'dotenv/config';
import { Command } from 'commander';
import { runCommand } from './cli-run';
import { loadConfig } from './config/config';
import { serve } from './serve';
import { projectionsRebuild, projectionsStatus } from './cli/projections-command';
import { demo } from './demo/demo-command';

const program = new Command()
  .name('poca-ledger')
  .description('POCA Ledger: asset seizure and Proceeds of Crime Act recovery')
  .version('0.1.0');

program
  .command('serve')
  .description('serve the HTTP API (configuration from the environment; see README)')
  .action(() => runCommand(() => serve(loadConfig())));

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

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`poca-ledger: ${String(error)}\n`);
  process.exit(1);
});
