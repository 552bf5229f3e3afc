// Roles a definition may name. STAFF_ROLES mirrors the StaffRole enum of prisma/schema.prisma
// (a spec in this folder keeps the two in step); people add owner and tenant, and "requester"
// stands for whoever started the instance.

export const STAFF_ROLES = [
  'company_admin',
  'estate_manager',
  'front_desk',
  'engineering_supervisor',
  'technician',
  'security',
  'cleaning',
  'finance',
  'consultant',
] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export const PERSON_ROLES = ['owner', 'tenant'] as const;

export const REQUESTER_ROLE = 'requester';

export const ALL_ROLES = [...STAFF_ROLES, ...PERSON_ROLES, REQUESTER_ROLE] as const;

export type KnownRole = (typeof ALL_ROLES)[number];

const knownRoles: ReadonlySet<string> = new Set(ALL_ROLES);

export function isKnownRole(role: string): role is KnownRole {
  return knownRoles.has(role);
}
