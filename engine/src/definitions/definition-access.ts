import { ForbiddenError } from '../common/errors';
import type { Principal } from '../auth/principal';
import type { StaffRole } from '../generated/prisma/enums';

/** Company-level designers: they edit definitions and every estate's bindings. */
const DESIGNER_ROLES: readonly StaffRole[] = ['company_admin', 'consultant'];

function holdsAny(principal: Principal, roles: readonly StaffRole[]): boolean {
  return principal.kind !== 'person' && principal.roles.some((held) => roles.includes(held.role));
}

/** Editing drafts, publishing, archiving: company admins and consultants only. */
export function assertMayEditDefinitions(principal: Principal): void {
  if (!holdsAny(principal, DESIGNER_ROLES))
    throw new ForbiddenError('Only a company administrator or a consultant may change workflow definitions.');
}

/** Reading definitions and versions: designers, and estate managers who bind them. */
export function assertMayReadDefinitions(principal: Principal): void {
  if (!holdsAny(principal, [...DESIGNER_ROLES, 'estate_manager']))
    throw new ForbiddenError('Only administrators, consultants and estate managers may read workflow definitions.');
}
