import type { StaffMe } from '../../api/types';
import { estatesHolding } from '../estates-holding';

/** Who manages an estate's recurring workflows (engine/src/schedules/schedules.service.ts). */
const MANAGERS: readonly string[] = ['company_admin', 'estate_manager'];
/** Who sees them: the managers, and the engineering supervisor who runs the rounds. */
const READERS: readonly string[] = [...MANAGERS, 'engineering_supervisor'];

/** The estates whose schedules the staff member may see. */
export function scheduleEstates(me: StaffMe): StaffMe['estates'] {
  return estatesHolding(me, READERS);
}

/** Whether the staff member may create, change and remove the estate's schedules. */
export function managesSchedules(me: StaffMe, estateId: string): boolean {
  return estatesHolding(me, MANAGERS).some((estate) => estate.id === estateId);
}
