import { createHmac } from 'node:crypto';

/** The HS256 secret every e2e test app verifies with. */
export const TEST_JWT_SECRET = 'test-secret-for-the-e2e-suites-only-0123456789';

export interface TestIdentity {
  sub: string;
  agency: string;
  roles: string[];
  /** Seconds from now; negative: already expired. */
  expiresIn: number;
  secret: string;
}

/** An MPS officer with every role but auditor (auditors read all agencies and write nothing). */
export const DEFAULT_IDENTITY: TestIdentity = {
  sub: 'dev-officer',
  agency: 'MPS',
  roles: ['investigator', 'court_liaison', 'finance', 'supervisor'],
  expiresIn: 3600,
  secret: TEST_JWT_SECRET,
};

/**
 * A signed HS256 JWT, made synchronously so it fits in `.set(...)`. The server verifies it with
 * jose; this only has to produce the standard encoding.
 */
export function signTestToken(
  identity: Partial<TestIdentity> = {},
  extraClaims: Record<string, unknown> = {},
): string {
  const who = { ...DEFAULT_IDENTITY, ...identity };
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: 'HS256', typ: 'JWT' });
  const payload = encode({
    sub: who.sub,
    agency: who.agency,
    roles: who.roles,
    iat: now,
    exp: now + who.expiresIn,
    ...extraClaims,
  });
  const signature = createHmac('sha256', who.secret)
    .update(`${header}.${payload}`)
    .digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** `Authorization: Bearer …` for an identity (the default officer, with any fields changed). */
export function bearer(identity: Partial<TestIdentity> = {}): { Authorization: string } {
  return { Authorization: `Bearer ${signTestToken(identity)}` };
}
