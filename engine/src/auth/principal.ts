import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { StaffRole } from '../generated/prisma/enums';
import { UnauthenticatedError } from '../common/errors';

/** Who is calling. Set on the request by the session guard; every service scopes by it. */
export type Principal =
  | {
      kind: 'staff';
      userId: string;
      companyId: string;
      name: string;
      /** estateId null = the role holds in every estate of the company (company admin, consultant). */
      roles: { estateId: string | null; role: StaffRole }[];
    }
  | {
      kind: 'person';
      personId: string;
      companyId: string;
      name: string;
      units: { unitId: string; estateId: string; kind: 'owner' | 'tenant' }[];
    }
  | {
      /** An API token acts for the company admin who created it. */
      kind: 'api_token';
      tokenId: string;
      userId: string;
      companyId: string;
      name: string;
      roles: { estateId: string | null; role: StaffRole }[];
    };

export type StaffLikePrincipal = Extract<Principal, { kind: 'staff' | 'api_token' }>;

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** `@CurrentPrincipal() principal: Principal` in a controller method. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  if (!request.principal) throw new UnauthenticatedError();
  return request.principal;
});

/** The roles a staff principal holds in one estate (company-wide roles included). */
export function rolesInEstate(principal: Principal, estateId: string): StaffRole[] {
  if (principal.kind === 'person') return [];
  return principal.roles.filter((role) => role.estateId === null || role.estateId === estateId).map((role) => role.role);
}

/** Whether the principal holds a company-wide role (sees every estate of its company). */
export function isCompanyWide(principal: Principal): boolean {
  return principal.kind !== 'person' && principal.roles.some((role) => role.estateId === null);
}

/**
 * The estates the principal may see: null = all estates of its company. Owners see the estates
 * of their units.
 */
export function visibleEstateIds(principal: Principal): string[] | null {
  if (principal.kind === 'person') return [...new Set(principal.units.map((unit) => unit.estateId))];
  if (isCompanyWide(principal)) return null;
  return [...new Set(principal.roles.flatMap((role) => (role.estateId === null ? [] : [role.estateId])))];
}

export { StaffRole };
