import type { Role } from '../users/user.entity.js';

const RANK: Record<Role, number> = { viewer: 0, member: 1, coordinator: 2, admin: 3 };

/** Admins can do what coordinators can; coordinators what members can; members what viewers can. */
export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}

/** Coordinators and admins see and edit every record of the network. */
export function isCoordinator(role: Role): boolean {
  return hasRole(role, 'coordinator');
}
