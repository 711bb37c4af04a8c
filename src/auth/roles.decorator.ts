import { SetMetadata } from '@nestjs/common';
import { Role } from '../ledger/command-handling/command-metadata';

export const ROLES_KEY = 'poca:roles';

/**
 * The roles that may call a route (api.md, "Roles and scope"), declared where the route is and
 * enforced by the AuthGuard. A route without it is open to every role (the queries).
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
