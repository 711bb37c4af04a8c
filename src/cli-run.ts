import { StoreLockedError } from './event-store/event-store.port';
import { ConfigError } from './config/config';

/** Runs a CLI action and turns the failures a user can fix into a message and an exit code. */
export async function runCommand(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StoreLockedError) {
      process.stderr.write(`poca-ledger: ${error.message}\n`);
      process.exit(error instanceof ConfigError ? 78 : 75);
    }
    process.stderr.write(
      `poca-ledger: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  }
}
