import type { StaffMe } from '../../api/types';

/** The roles that hold `report.read` (engine/src/access/permission-matrix.ts). */
const REPORT_ROLES: readonly string[] = ['company_admin', 'estate_manager', 'engineering_supervisor', 'finance'];

/**
 * The estates the staff member may report on. `/api/me` lists company-wide roles in every
 * estate's roles too, so a company admin gets all of them.
 */
export function reportEstates(me: StaffMe): StaffMe['estates'] {
  return me.estates.filter((estate) => estate.roles.some((role) => REPORT_ROLES.includes(role)));
}
