import { SignJWT } from 'jose';
import { Role } from '../common/actor';
import { actorFromClaims } from './identity-claims';

export interface TokenRequest {
  sub: string;
  agency: string;
  roles: Role[];
  /** A lifetime such as 30m, 8h or 7d. */
  ttl: string;
}

export const TTL = /^[1-9]\d{0,5}[smhd]$/;

/** A signed HS256 bearer token for the secret the server verifies with. */
export async function mintToken(
  request: TokenRequest,
  secret: string,
  now = new Date(),
): Promise<string> {
  if (!TTL.test(request.ttl))
    throw new Error(`--ttl ${request.ttl}: give a lifetime such as 30m, 8h or 7d`);
  const claims = { agency: request.agency, roles: request.roles };
  actorFromClaims({ sub: request.sub, ...claims });
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + seconds(request.ttl))
    .sign(new TextEncoder().encode(secret));
}

function seconds(ttl: string): number {
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[ttl.slice(-1) as 's' | 'm' | 'h' | 'd'];
  return Number(ttl.slice(0, -1)) * unit;
}
