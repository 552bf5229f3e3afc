import { Injectable } from '@nestjs/common';
import { auditActorOf, AuditService } from '../audit/audit.service';
import { ForbiddenError, NotFoundError } from '../common/errors';
import { ApiTokenRepository, type ApiTokenSummary } from './api-token.repository';
import type { Principal } from './principal';
import { newSecretToken, sha256Hex } from './secrets';

/** Tokens are `eft_` + 32 random bytes; the prefix lets secret scanners recognise a leaked one. */
const TOKEN_PREFIX = 'eft_';

/** API tokens for integrations: created and revoked by a company admin, acting as that admin. */
@Injectable()
export class ApiTokenService {
  constructor(
    private readonly repository: ApiTokenRepository,
    private readonly audit: AuditService,
  ) {}

  async create(input: { principal: Principal; name: string }): Promise<{ id: string; name: string; token: string; createdAt: Date }> {
    const admin = this.companyAdmin(input.principal);
    const token = newSecretToken(TOKEN_PREFIX);
    const created = await this.repository.create({
      companyId: admin.companyId,
      name: input.name,
      tokenHash: sha256Hex(token),
      createdById: admin.userId,
    });
    await this.audit.record({
      actor: auditActorOf(admin),
      action: 'api_token.create',
      target: { type: 'ApiToken', id: created.id },
      detail: { name: input.name },
    });
    return { ...created, token };
  }

  list(principal: Principal): Promise<ApiTokenSummary[]> {
    return this.repository.list(this.companyAdmin(principal).companyId);
  }

  async revoke(input: { principal: Principal; id: string }): Promise<void> {
    const admin = this.companyAdmin(input.principal);
    if (!(await this.repository.revoke({ companyId: admin.companyId, id: input.id }))) throw new NotFoundError('The API token');
    await this.audit.record({ actor: auditActorOf(admin), action: 'api_token.revoke', target: { type: 'ApiToken', id: input.id } });
  }

  /** Only a company admin signed in as themselves manages tokens (a token cannot mint tokens). */
  private companyAdmin(principal: Principal): Extract<Principal, { kind: 'staff' }> {
    if (principal.kind === 'staff' && principal.roles.some((role) => role.role === 'company_admin' && role.estateId === null))
      return principal;
    throw new ForbiddenError('Only a company admin, signed in, can manage API tokens.');
  }
}
