import { SetMetadata } from '@nestjs/common';
import { Role } from '../ledger/command-handling/command-metadata';

export const ROLES_KEY = 'poca:roles';

/**
 * The roles that may call a route (api.md, "Roles and scope"), declared where the route is. The
 * authentication issue's guard reads this metadata; until then it documents the contract, and a
 * test checks every route declares it.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
