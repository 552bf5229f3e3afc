import type { StaffMe } from '../api/types';

/**
 * The estates where the staff member holds one of `roles`. `/api/me` lists company-wide roles in
 * every estate's roles too, so a company admin gets all of them.
 */
export function estatesHolding(me: StaffMe, roles: readonly string[]): StaffMe['estates'] {
  return me.estates.filter((estate) => estate.roles.some((role) => roles.includes(role)));
}
