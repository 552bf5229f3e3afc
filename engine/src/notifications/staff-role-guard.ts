import { StaffRole } from '../generated/prisma/enums';

/** Whether a role name from a definition or a job payload is one of the staff roles. */
export function isStaffRole(value: unknown): value is StaffRole {
  return Object.values(StaffRole).some((role) => role === value);
}
