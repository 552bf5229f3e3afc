import type { StaffMe } from '../../api/types';
import { estatesHolding } from '../estates-holding';

/** Who prints the checkpoint labels of an estate's inspection rounds. */
const LABEL_ROLES: readonly string[] = ['company_admin', 'estate_manager', 'engineering_supervisor'];

/** The estates whose checkpoint labels the staff member may print. */
export function checkpointLabelEstates(me: StaffMe): StaffMe['estates'] {
  return estatesHolding(me, LABEL_ROLES);
}
