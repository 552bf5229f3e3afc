import { ForbiddenError } from '../common/errors';

/** A unit an owner or tenant lives in, in the estate they start a request in. */
export interface ResidentUnit {
  unitId: string;
  kind: 'owner' | 'tenant';
}

const RESIDENT_ROLES = ['owner', 'tenant'] as const;

/** Which residency kinds a workflow's `roles.start` lets start it (none listed: anyone). */
export function residencyKindsAllowed(startRoles: readonly string[]): ResidentUnit['kind'][] {
  return startRoles.length === 0 ? [...RESIDENT_ROLES] : RESIDENT_ROLES.filter((role) => startRoles.includes(role));
}

/**
 * The unit an owner or tenant starts a request for, and the role they start it in: the residency
 * kind *of that unit* — a tenant of one flat who owns another may file a renovation for the flat
 * they own, never for the one they rent. Without a unit named, the one unit that qualifies is used.
 */
export function residentStart(input: {
  units: ResidentUnit[];
  unitId: string | null;
  startRoles: readonly string[];
  workflowName: string;
}): { unitId: string | null; roles: string[] } {
  const allowed = residencyKindsAllowed(input.startRoles);
  if (input.unitId !== null) {
    const unit = input.units.find((candidate) => candidate.unitId === input.unitId);
    if (unit === undefined) throw new ForbiddenError('You can only make requests for your own units.');
    if (!allowed.includes(unit.kind)) {
      throw new ForbiddenError(
        `As the ${unit.kind} of this unit you may not start "${input.workflowName}"; only ${allowed.length === 0 ? 'staff' : allowed.join(' or ')}s may.`,
      );
    }
    return { unitId: unit.unitId, roles: [unit.kind] };
  }
  const qualifying = input.units.filter((unit) => allowed.includes(unit.kind));
  if (qualifying.length === 0) throw new ForbiddenError(`You may not start "${input.workflowName}" here.`);
  const [only] = qualifying;
  return {
    unitId: qualifying.length === 1 && only !== undefined ? only.unitId : null,
    roles: [...new Set(qualifying.map((unit) => unit.kind))],
  };
}
