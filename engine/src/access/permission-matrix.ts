import type { StaffRole } from '../generated/prisma/enums';
import { STAFF_ROLES } from '@estateflow/model';

/**
 * Every action the engine checks, by capability. Services name one of these when they call
 * `AccessService.require`; the matrix below says which staff roles hold it. Owners and tenants
 * (people) are handled separately: they act only on their own units (access.service.ts).
 */
export const ACTIONS = [
  'estate.read',
  'estate.manage',
  'calendar.write',
  'unit.read',
  'unit.write',
  'staff.read',
  'staff.manage',
  'person.read',
  'person.write',
  'person.unmask',
  'import.run',
  'audit.read',
  'definition.read',
  'definition.write',
  'binding.write',
  'instance.read',
  'instance.create',
  'instance.event',
  'task.read',
  'task.assign',
  'report.read',
  'notice.send',
  'incident.manage',
  'attachment.upload',
  'webhook.manage',
] as const;

export type Action = (typeof ACTIONS)[number];

const ALL_STAFF: readonly StaffRole[] = STAFF_ROLES;

/** Who handles work orders day to day (every staff role but the consultant, who designs). */
const OPERATIONS: readonly StaffRole[] = ALL_STAFF.filter((role) => role !== 'consultant');

/**
 * role × action. A role held in one estate grants the action in that estate only; a role held
 * company-wide (estateId null: company admin, consultant) grants it in every estate.
 */
export const PERMISSION_MATRIX: Readonly<Record<Action, readonly StaffRole[]>> = {
  'estate.read': ALL_STAFF,
  'estate.manage': ['company_admin'],
  'calendar.write': ['company_admin', 'estate_manager'],
  'unit.read': ALL_STAFF,
  'unit.write': ['company_admin', 'estate_manager'],
  'staff.read': ['company_admin', 'estate_manager', 'front_desk', 'engineering_supervisor'],
  'staff.manage': ['company_admin', 'estate_manager'],
  'person.read': ['company_admin', 'estate_manager', 'front_desk', 'finance'],
  'person.write': ['company_admin', 'estate_manager', 'front_desk'],
  // Full phone / ID number (PIPL): only those who must call or verify; every read is audited.
  'person.unmask': ['company_admin', 'estate_manager', 'front_desk'],
  'import.run': ['company_admin', 'estate_manager'],
  'audit.read': ['company_admin'],
  'definition.read': ['company_admin', 'consultant', 'estate_manager'],
  'definition.write': ['company_admin', 'consultant'],
  'binding.write': ['company_admin', 'consultant', 'estate_manager'],
  'instance.read': OPERATIONS,
  'instance.create': ['company_admin', 'estate_manager', 'front_desk', 'engineering_supervisor', 'technician', 'security', 'cleaning'],
  'instance.event': OPERATIONS,
  'task.read': OPERATIONS,
  'task.assign': ['company_admin', 'estate_manager', 'front_desk', 'engineering_supervisor'],
  'report.read': ['company_admin', 'estate_manager', 'engineering_supervisor', 'finance'],
  // 公告 to residents: the estate's management and its front desk (who posts the lift outage).
  'notice.send': ['company_admin', 'estate_manager', 'front_desk'],
  'incident.manage': ['company_admin', 'estate_manager', 'consultant'],
  'attachment.upload': OPERATIONS,
  'webhook.manage': ['company_admin', 'consultant'],
};

/** What owners and tenants may do, on their own units and their own requests only. */
export const PERSON_ACTIONS: readonly Action[] = ['instance.read', 'instance.create', 'instance.event', 'attachment.upload', 'estate.read'];

/** Actions that only ever apply company-wide (no estate scope makes sense). */
export const COMPANY_ONLY_ACTIONS: readonly Action[] = ['estate.manage', 'audit.read', 'definition.write', 'webhook.manage'];

export function isAction(value: string): value is Action {
  return ACTIONS.some((action) => action === value);
}

/** Whether any of these roles holds the action. */
export function rolesGrant(roles: readonly StaffRole[], action: Action): boolean {
  const allowed = PERMISSION_MATRIX[action];
  return roles.some((role) => allowed.includes(role));
}
