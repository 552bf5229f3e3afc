import type { StaffMe } from '../../api/types';
import { estatesHolding } from '../estates-holding';

/** The roles that hold `report.read` (engine/src/access/permission-matrix.ts). */
const REPORT_ROLES: readonly string[] = ['company_admin', 'estate_manager', 'engineering_supervisor', 'finance'];

/** The estates the staff member may report on. */
export function reportEstates(me: StaffMe): StaffMe['estates'] {
  return estatesHolding(me, REPORT_ROLES);
}
