import { Actor, ROLES, Role } from '../common/actor';

/** Agency codes as they appear in tokens and events: MPS, CoLP, NCA, CPS, HMCTS... */
export const AGENCY_CODE = /^[A-Za-z][A-Za-z0-9_-]{0,19}$/;
/** Officer or staff ids: collar numbers, payroll ids, e-mail-like ids. */
const SUBJECT = /^[\w .@:/-]{1,100}$/;

export class InvalidClaimsError extends Error {}

/**
 * The actor a verified token names (docs/api.md, "Roles and scope"): `sub`, `agency` and `roles`. A
 * token without a usable subject, agency or at least one ledger role identifies nobody.
 */
export function actorFromClaims(claims: Record<string, unknown>): Actor {
  const { sub, agency, roles } = claims;
  if (typeof sub !== 'string' || !SUBJECT.test(sub)) {
    throw new InvalidClaimsError('the token has no valid sub claim');
  }
  if (typeof agency !== 'string' || !AGENCY_CODE.test(agency)) {
    throw new InvalidClaimsError('the token has no valid agency claim');
  }
  const listed = Array.isArray(roles) ? roles : typeof roles === 'string' ? roles.split(' ') : [];
  const known = [
    ...new Set(listed.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r))),
  ];
  if (known.length === 0) {
    throw new InvalidClaimsError(`the token's roles claim names none of ${ROLES.join(', ')}`);
  }
  return { id: sub, agency, roles: known };
}
