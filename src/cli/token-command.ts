import { developmentSecret } from '../auth/development-secret';
import { mintToken } from '../auth/mint-token';
import { AppConfig } from '../config/config';
import { ROLES, Role } from '../common/actor';

export interface TokenOptions {
  sub: string;
  agency: string;
  role: string[];
  ttl: string;
}

/**
 * `poca-ledger token`: prints a bearer token the server will accept, signed with AUTH_JWT_SECRET
 * or (development) the secret generated into the data directory. With AUTH_JWKS_URL the identity
 * provider issues tokens, and this refuses.
 */
export async function tokenCommand(config: AppConfig, options: TokenOptions): Promise<number> {
  const unknown = options.role.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) {
    process.stderr.write(
      `poca-ledger token: unknown role ${unknown.join(', ')} (roles: ${ROLES.join(', ')})\n`,
    );
    return 64;
  }
  const secret = signingSecret(config);
  if (!secret) {
    process.stderr.write(
      'poca-ledger token: tokens are verified against AUTH_JWKS_URL, so your identity provider issues them; set AUTH_JWT_SECRET to mint here\n',
    );
    return 78;
  }
  try {
    const token = await mintToken(
      { sub: options.sub, agency: options.agency, roles: options.role as Role[], ttl: options.ttl },
      secret,
    );
    process.stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(
      `poca-ledger token: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 64;
  }
}

/** The HS256 secret the server verifies with; undefined when it verifies against a JWKS. */
export function signingSecret(config: AppConfig): string | undefined {
  if (config.auth.jwtSecret) return config.auth.jwtSecret;
  if (config.auth.jwksUrl) return undefined;
  return developmentSecret(config.dataDir).secret;
}
