/** The roles a person can hold in the ledger; each route names the roles that may call it. */
export const ROLES = ['investigator', 'court_liaison', 'finance', 'supervisor', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: the verified bearer token's sub, agency and roles. */
export interface Actor {
  id: string;
  agency: string;
  roles: Role[];
}
