import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEVELOPMENT_SECRET_FILE = 'auth-secret';

/**
 * The development HS256 secret kept in the data directory: generated (mode 0600) on first use,
 * so a fresh checkout serves with real token checks and `poca-ledger token` can mint for it.
 * Production never gets here: it refuses to start without AUTH_JWT_SECRET or AUTH_JWKS_URL.
 */
export function developmentSecret(dataDir: string): {
  secret: string;
  generated: boolean;
  path: string;
} {
  const path = join(dataDir, DEVELOPMENT_SECRET_FILE);
  if (existsSync(path)) {
    const secret = readFileSync(path, 'utf8').trim();
    if (secret.length >= 32) return { secret, generated: false, path };
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return { secret, generated: true, path };
}
