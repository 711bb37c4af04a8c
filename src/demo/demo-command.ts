import { Presets, SingleBar } from 'cli-progress';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MS_PER_HOUR } from '../common/time';
import { AppConfig } from '../config/config';
import { StoreLockedError } from '../event-store/event-store.port';
import { DataDirLock, LOCK_FILE, LOCK_HOLDER_FILE } from '../event-store/sqlite/data-dir-lock';
import { EVENTS_FILE } from '../event-store/sqlite/sqlite-schema';
import { DemoProgress, loadDemo } from './load-demo';
import { DemoStepError } from './demo-step-error';
import { DemoSummary } from './demo-summary';
import { SHOWCASE_CASE } from './stimtone';

type Output = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };

/** sysexits.h: the command was used wrongly. */
const EX_USAGE = 64;

/**
 * `poca-ledger demo [--reset]`: loads Operation Stimtone through the services the API uses, with
 * the server stopped (it holds the data directory). `--reset` first empties the embedded store's
 * data directory; it is refused for EventStoreDB, whose log the ledger never deletes. Returns the
 * exit code; a server holding the data directory is a StoreLockedError (exit 75).
 */
export async function demo(
  config: AppConfig,
  options: { reset: boolean },
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  if (options.reset) {
    if (config.eventStore !== 'sqlite') {
      err.write(
        'poca-ledger: --reset only empties the embedded store (EVENT_STORE=sqlite). An EventStoreDB ' +
          'log is never deleted by the ledger: load the demo into a fresh EventStoreDB database, ' +
          'or run `poca-ledger demo` without --reset (loading again writes nothing twice).\n',
      );
      return EX_USAGE;
    }
    try {
      resetDataDir(config.dataDir, out);
    } catch (error) {
      throw serverHolds(error);
    }
  }

  out.write(`Loading Operation Stimtone into ${where(config)}\n`);
  const progress = progressReporter(out);
  let summary: DemoSummary;
  try {
    summary = await loadDemo({ config, onProgress: progress.update });
  } catch (error) {
    progress.stop();
    if (error instanceof DemoStepError) {
      err.write(`poca-ledger: ${error.message}\n`);
      return 1;
    }
    throw serverHolds(error);
  }
  progress.stop();
  out.write(describe(summary, config));
  return 0;
}

/**
 * Empties the data directory of the embedded store, holding its lock meanwhile (so a running
 * server is never pulled from under: it holds the lock, and this fails with StoreLockedError).
 * Refuses a directory that holds files but no ledger store: it is not ours to empty.
 */
export function resetDataDir(dataDir: string, out: Pick<Output, 'write'>): string[] {
  if (!existsSync(dataDir)) {
    out.write(`--reset: ${dataDir} does not exist yet; nothing to remove\n`);
    return [];
  }
  const lock = DataDirLock.acquire(dataDir, 'poca-ledger demo --reset');
  try {
    const entries = readdirSync(dataDir).filter(
      (name) => name !== LOCK_FILE && name !== LOCK_HOLDER_FILE,
    );
    if (entries.length > 0 && !entries.includes(EVENTS_FILE)) {
      throw new Error(
        `--reset: ${dataDir} holds files but no ledger store (${EVENTS_FILE}); refusing to empty it. ` +
          'Check LEDGER_DATA_DIR.',
      );
    }
    if (entries.length === 0) {
      out.write(`--reset: ${dataDir} is empty; nothing to remove\n`);
      return [];
    }
    out.write(`--reset: removing the contents of ${dataDir}\n`);
    for (const name of entries.sort()) {
      rmSync(join(dataDir, name), { recursive: true, force: true });
      out.write(`  removed ${name}\n`);
    }
    return entries;
  } finally {
    lock.release();
  }
}

/** A server holds the data directory: say so, and what to do. */
function serverHolds(error: unknown): unknown {
  if (!(error instanceof StoreLockedError)) return error;
  return new StoreLockedError(
    `${error.message}\nStop the server first (the demo loads with the server stopped), then run the demo again.`,
  );
}

function where(config: AppConfig): string {
  return config.eventStore === 'sqlite'
    ? `the embedded store in ${config.dataDir}`
    : 'EventStoreDB (EVENT_STORE=eventstoredb)';
}

/** A progress bar per phase on a terminal; one line per phase otherwise. */
function progressReporter(out: Output): {
  update: (p: DemoProgress) => void;
  stop: () => void;
} {
  let bar: SingleBar | undefined;
  const started = new Map<string, number>();
  const tty = out.isTTY === true;
  return {
    update: (p) => {
      if (!started.has(p.phase)) {
        started.set(p.phase, Date.now());
        if (tty) {
          bar = new SingleBar(
            {
              format: `  [${p.phaseNumber}/${p.phases}] ${p.phase.padEnd(40)} [{bar}] {value}/{total}`,
              hideCursor: true,
              stream: out as NodeJS.WriteStream,
            },
            Presets.shades_classic,
          );
          bar.start(p.total, p.done);
        }
        return;
      }
      bar?.update(p.done);
      if (p.finished) {
        bar?.stop();
        bar = undefined;
        const seconds = ((Date.now() - (started.get(p.phase) ?? Date.now())) / 1000).toFixed(1);
        const already = p.replayed > 0 ? `, ${p.replayed} already loaded` : '';
        out.write(
          `  [${p.phaseNumber}/${p.phases}] ${p.phase}: ${p.done} steps${already} (${seconds} s)\n`,
        );
      }
    },
    stop: () => {
      bar?.stop();
      bar = undefined;
    },
  };
}

const pounds = (amount: string) =>
  `£${Number(amount).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** E.g. "on Mon 30 Nov, 19:00 London time (in 29 hours)". */
function londonTime(instant: string): string {
  const when = new Date(instant).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const hours = Math.round((Date.parse(instant) - Date.now()) / MS_PER_HOUR);
  return `on ${when} London time (in ${hours} hours)`;
}

function describe(s: DemoSummary, config: AppConfig): string {
  const lines = [
    '',
    s.alreadyLoaded
      ? 'Operation Stimtone was already loaded: nothing new was written.'
      : `Operation Stimtone loaded: ${s.eventsWritten} events written (${s.steps} commands, ${s.stepsReplayed} already in the store).`,
    `  Cases:              ${s.cases} (${s.subjects} subjects)`,
    `  Seizures:           ${s.assets}, worth ${pounds(s.totalSeizedGbp)} at their current values`,
    ...s.byAgency.map(
      (a) =>
        `    ${a.agency.padEnd(6)} ${String(a.cases).padStart(2)} cases, ${String(a.assets).padStart(2)} seizures, ${pounds(a.valueGbp)}`,
    ),
    `  Restraint orders:   ${s.restraintOrders}`,
    `  Confiscation:       ${s.confiscationOrders} order, ${s.payments} payments (${pounds(s.paidGbp)})`,
    `  Forfeited:          ${s.forfeited} assets`,
    ...(s.detentionsExpiringSoon.length === 0
      ? ['  Detention deadlines in the next 48 hours: none (loaded earlier; --reset to refresh)']
      : s.detentionsExpiringSoon.map(
          (d) =>
            `  Detention expiring: ${d.exhibitRef} (${d.caseReference}) ${londonTime(d.expiresAt)}: renew or release`,
        )),
    '',
    'Where to look: start the server with `npm start`, then',
    ...[
      ['/docs', 'the Swagger UI'],
      [`/cases?reference=${SHOWCASE_CASE}`, 'a Big Wing day case'],
      ['/register?operation=Stimtone', 'the asset register'],
      ['/deadlines?within=P14D', 'detention and notice deadlines'],
      ['/totals?groupBy=agency&operation=Stimtone', 'recovery totals'],
    ].map(([path, what]) => `  ${`http://localhost:${config.port}${path}`.padEnd(64)} ${what}`),
    '',
  ];
  return lines.join('\n');
}
