import type { StaffMe } from '../api/types';
import { apiRequest } from '../api/client';

/** Whether the staff member administers anything (company admin, or estate manager somewhere). */
export function administers(me: StaffMe): boolean {
  return me.companyRoles.includes('company_admin') || me.estates.some((estate) => estate.roles.includes('estate_manager'));
}

/** Ends every session of the signed-in person, on every device (POST /auth/logout-everywhere). */
export function signOutEverywhere(): Promise<void> {
  return apiRequest<void>('/auth/logout-everywhere', { method: 'POST', body: {} });
}
