import type { Principal } from '../auth/principal';
import { COMPANY_ONLY_ACTIONS, PERSON_ACTIONS, type Action, rolesGrant } from './permission-matrix';

/** What a check is about. Ids come from rows already read under the principal's company. */
export interface AccessScope {
  estateId?: string;
  /** The unit a request or row belongs to (owners reach only their own units). */
  unitId?: string | null;
  /** The person who raised a request (owners also reach their own requests). */
  requesterPersonId?: string | null;
}

/**
 * allow; forbidden = the principal sees the estate but its roles do not grant the action (403);
 * hidden = the row is outside what the principal may see at all (404, never confirming it exists).
 */
export type AccessDecision = 'allow' | 'forbidden' | 'hidden';

function personDecision(principal: Extract<Principal, { kind: 'person' }>, action: Action, scope: AccessScope): AccessDecision {
  const ownUnits = principal.units.map((unit) => unit.unitId);
  if (scope.estateId !== undefined && !principal.units.some((unit) => unit.estateId === scope.estateId)) return 'hidden';
  const ownRequest = scope.requesterPersonId != null && scope.requesterPersonId === principal.personId;
  const ownUnit = scope.unitId != null && ownUnits.includes(scope.unitId);
  // A row tied to a unit or a requester must be the person's own; rows without either are estate-level.
  if ((scope.unitId != null || scope.requesterPersonId != null) && !ownRequest && !ownUnit) return 'hidden';
  return PERSON_ACTIONS.includes(action) ? 'allow' : 'forbidden';
}

/** The one access rule of the engine (docs/tenancy.md), pure so that it is unit-tested on its own. */
export function decideAccess(input: { principal: Principal; action: Action; scope?: AccessScope }): AccessDecision {
  const { principal, action } = input;
  const scope = input.scope ?? {};
  if (principal.kind === 'person') return personDecision(principal, action, scope);
  const companyWide = principal.roles.filter((held) => held.estateId === null).map((held) => held.role);
  if (COMPANY_ONLY_ACTIONS.includes(action)) return rolesGrant(companyWide, action) ? 'allow' : 'forbidden';
  if (scope.estateId === undefined) {
    return rolesGrant(
      principal.roles.map((held) => held.role),
      action,
    )
      ? 'allow'
      : 'forbidden';
  }
  const inEstate = principal.roles.filter((held) => held.estateId === null || held.estateId === scope.estateId).map((held) => held.role);
  if (inEstate.length === 0) return 'hidden';
  return rolesGrant(inEstate, action) ? 'allow' : 'forbidden';
}

/** The estates in which the principal holds the action: null = every estate of its company. */
export function estatesGranting(input: { principal: Principal; action: Action }): string[] | null {
  const { principal, action } = input;
  if (principal.kind === 'person') return PERSON_ACTIONS.includes(action) ? [...new Set(principal.units.map((unit) => unit.estateId))] : [];
  if (principal.roles.some((held) => held.estateId === null && rolesGrant([held.role], action))) return null;
  return [
    ...new Set(principal.roles.flatMap((held) => (held.estateId !== null && rolesGrant([held.role], action) ? [held.estateId] : []))),
  ];
}
