import type { StaffMe } from '../../api/types';
import { estatesHolding } from '../estates-holding';

/** The roles that hold `notice.send` (engine/src/access/permission-matrix.ts). */
const NOTICE_ROLES: readonly string[] = ['company_admin', 'estate_manager', 'front_desk'];

/** The estates whose residents the staff member may send notices to. */
export function noticeEstates(me: StaffMe): StaffMe['estates'] {
  return estatesHolding(me, NOTICE_ROLES);
}
