#!/usr/bin/env node
import 'reflect-metadata';
import 'dotenv/config';
import { Command } from 'commander';
import { runCommand } from './cli-run';
import { loadConfig } from './config/config';
import { serve } from './serve';

const program = new Command()
  .name('poca-ledger')
  .description('POCA Ledger: asset seizure and Proceeds of Crime Act recovery')
  .version('0.1.0');

program
  .command('serve')
  .description('serve the HTTP API (configuration from the environment; see README)')
  .action(() => runCommand(() => serve(loadConfig())));

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`poca-ledger: ${String(error)}\n`);
  process.exit(1);
});
