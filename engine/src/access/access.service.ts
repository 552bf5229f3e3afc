import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { ForbiddenError, NotFoundError } from '../common/errors';
import { type AccessScope, decideAccess, estatesGranting } from './access-decision';
import type { Action } from './permission-matrix';

function principalId(principal: Principal): string {
  switch (principal.kind) {
    case 'staff':
      return `staff:${principal.userId}`;
    case 'person':
      return `person:${principal.personId}`;
    case 'api_token':
      return `api_token:${principal.tokenId}`;
  }
}

/**
 * The permission matrix enforced (RELIABILITY 17): every service calls `require` before it works.
 * Outside what the principal may see at all → 404 (and a log line, since a principal probing
 * other tenants' ids is worth knowing about); inside but without the role → 403.
 */
@Injectable()
export class AccessService {
  private readonly logger = new Logger('Access');

  /** Throws NotFoundError (hidden) or ForbiddenError; returns when the action is allowed. */
  require(principal: Principal, action: Action, scope: AccessScope & { what?: string } = {}): void {
    const decision = decideAccess({ principal, action, scope });
    switch (decision) {
      case 'allow':
        return;
      case 'forbidden':
        throw new ForbiddenError(`Your role does not allow this (${action}).`);
      case 'hidden':
        throw this.hidden({ principal, action, what: scope.what ?? 'The record', id: scope.unitId ?? scope.estateId ?? null });
    }
  }

  /** Whether the action is allowed, without throwing (for showing or hiding parts of a response). */
  allows(principal: Principal, action: Action, scope: AccessScope = {}): boolean {
    return decideAccess({ principal, action, scope }) === 'allow';
  }

  /** The estates where the principal holds the action: null = all estates of its company. For list filters. */
  estatesWith(principal: Principal, action: Action): string[] | null {
    return estatesGranting({ principal, action });
  }

  /**
   * The 404 for a row the principal may not see (another company's or estate's id, or none at
   * all), logged. Services throw what this returns when a company-scoped lookup finds nothing.
   */
  hidden(input: { principal: Principal; action: Action | 'read'; what: string; id: string | null }): NotFoundError {
    this.logger.warn(
      JSON.stringify({
        event: 'access.hidden',
        principal: principalId(input.principal),
        companyId: input.principal.companyId,
        action: input.action,
        what: input.what,
        id: input.id,
      }),
    );
    return new NotFoundError(input.what);
  }
}
