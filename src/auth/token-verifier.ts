import { createRemoteJWKSet, errors, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AppConfig } from '../config/config';
import { Actor } from '../common/actor';
import { actorFromClaims, InvalidClaimsError } from './identity-claims';
import { developmentSecret } from './development-secret';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/** Why a bearer token was not accepted; the message is safe to show the caller. */
export class TokenRejectedError extends Error {}

export interface TokenVerifier {
  /** How tokens are checked, for the start-up banner: never the secret itself. */
  readonly describe: string;
  verify(token: string): Promise<Actor>;
}

const CLOCK_TOLERANCE_SECONDS = 30;

/** HS256 with a shared secret, or RS256/ES256 against a JWKS URL; `exp` is always required. */
export function tokenVerifier(config: AppConfig): TokenVerifier {
  if (config.auth.jwksUrl) {
    const keys = createRemoteJWKSet(new URL(config.auth.jwksUrl));
    return verifierWith(keys, ['RS256', 'ES256'], `JWKS at ${config.auth.jwksUrl} (RS256/ES256)`);
  }
  const secret = config.auth.jwtSecret ?? developmentSecret(config.dataDir).secret;
  const source = config.auth.jwtSecret
    ? 'AUTH_JWT_SECRET'
    : 'the development secret in the data directory';
  return verifierWith(new TextEncoder().encode(secret), ['HS256'], `HS256 with ${source}`);
}

/** Verified tokens remembered at most this long, so a key withdrawn from a JWKS stops counting. */
export const VERIFIED_TOKEN_TTL_MS = 5 * 60_000;
const VERIFIED_TOKEN_LIMIT = 10_000;

function verifierWith(
  key: Uint8Array | JWTVerifyGetKey,
  algorithms: string[],
  describe: string,
): TokenVerifier {
  /*
   * Every request carries a token, and a client sends the same one for hours: verifying it once
   * (signature, claims) and remembering the actor by the token's exact text until it expires
   * saves the signature check on every other request. Only tokens that verified are remembered;
   * an entry ends when the token would be refused as expired (exp plus the clock tolerance) or
   * after VERIFIED_TOKEN_TTL_MS, whichever is sooner.
   */
  const verified = new Map<string, { actor: Actor; until: number }>();
  return {
    describe,
    async verify(token: string): Promise<Actor> {
      const now = Date.now();
      const known = verified.get(token);
      if (known && now < known.until) return { ...known.actor, roles: [...known.actor.roles] };
      if (known) verified.delete(token);
      try {
        const { payload } = await jwtVerify(token, key as Uint8Array, {
          algorithms,
          requiredClaims: ['exp', 'sub'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        });
        const actor = actorFromClaims(payload);
        const expires = ((payload.exp as number) + CLOCK_TOLERANCE_SECONDS) * 1000;
        if (verified.size >= VERIFIED_TOKEN_LIMIT) verified.clear();
        verified.set(token, {
          actor: { ...actor, roles: [...actor.roles] },
          until: Math.min(expires, now + VERIFIED_TOKEN_TTL_MS),
        });
        return actor;
      } catch (error) {
        throw new TokenRejectedError(reason(error));
      }
    },
  };
}

function reason(error: unknown): string {
  if (error instanceof InvalidClaimsError) return error.message;
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the token's ${error.claim} claim is missing or invalid`;
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'the token signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the issuer matches the token';
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'the token is signed with an algorithm not accepted here';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError) {
    return error instanceof errors.JWKSTimeout
      ? 'the key set could not be fetched'
      : 'the token is not a valid JWT';
  }
  return 'the token is not a valid JWT';
}
