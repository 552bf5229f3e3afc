import { Injectable } from '@nestjs/common';
import { resolveParameters } from '@estateflow/model';
import { type Principal, rolesInEstate, visibleEstateIds } from '../auth/principal';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../common/errors';
import { CompiledVersionCache } from '../definitions/compiled-version.cache';
import type { Prisma } from '../generated/prisma/client';
import { BindingsRepository, type BindingRow } from './bindings.repository';

export interface EstateBinding {
  estateId: string;
  workflowKey: string;
  definitionId: string;
  version: number;
  parameters: Prisma.JsonValue;
  updatedAt: string;
}

/** A stored JSON object as a record; anything else (a tampered column) counts as no values. */
export function jsonObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value));
}

function toBinding(row: BindingRow): EstateBinding {
  return {
    estateId: row.estateId,
    workflowKey: row.workflowKey,
    definitionId: row.definitionId,
    version: row.version,
    parameters: row.parameters,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Which published version each estate runs, with its parameter values (docs/api.md "Workflows"). */
@Injectable()
export class BindingsService {
  constructor(
    private readonly repository: BindingsRepository,
    private readonly versions: CompiledVersionCache,
  ) {}

  async list(principal: Principal, estateId: string): Promise<EstateBinding[]> {
    await this.assertEstateVisible(principal, estateId);
    if (principal.kind === 'person') throw new ForbiddenError('Only staff may see workflow bindings.');
    return (await this.repository.list(principal.companyId, estateId)).map(toBinding);
  }

  async bind(
    principal: Principal,
    input: { estateId: string; workflowKey: string; definitionId: string; version: number; parameters: Record<string, unknown> },
  ): Promise<EstateBinding> {
    await this.assertEstateVisible(principal, input.estateId);
    const roles = rolesInEstate(principal, input.estateId);
    if (!roles.some((role) => role === 'company_admin' || role === 'consultant' || role === 'estate_manager')) {
      throw new ForbiddenError("Only a company administrator, a consultant or this estate's manager may bind workflows.");
    }
    const version = await this.repository.findVersion({
      companyId: principal.companyId,
      definitionId: input.definitionId,
      version: input.version,
    });
    if (version === null) throw new NotFoundError('That workflow version');
    if (version.key !== input.workflowKey)
      throw new UnprocessableError(`That version belongs to the workflow "${version.key}", not "${input.workflowKey}".`);
    if (version.status === 'archived') throw new UnprocessableError('That workflow is archived; it cannot be bound again.');
    const compiled = await this.versions.get(principal.companyId, version.id);
    const resolved = resolveParameters(compiled.definition, jsonObject(version.companyParameters), input.parameters);
    if (!resolved.ok) throw new UnprocessableError('Some parameter values do not fit this workflow.', { fields: resolved.errors });
    return toBinding(
      await this.repository.upsert({
        companyId: principal.companyId,
        estateId: input.estateId,
        workflowKey: input.workflowKey,
        versionId: version.id,
        parameters: input.parameters,
      }),
    );
  }

  /**
   * One binding with the values its instances run with: the estate's own, else the company's, else
   * the definition's defaults (what a start resolves) — e.g. the inspection route whose checkpoint
   * QR codes the staff app prints.
   */
  async one(
    principal: Principal,
    estateId: string,
    workflowKey: string,
  ): Promise<EstateBinding & { resolvedParameters: Record<string, unknown> }> {
    const binding = (await this.list(principal, estateId)).find((candidate) => candidate.workflowKey === workflowKey);
    if (binding === undefined) throw new NotFoundError(`The workflow "${workflowKey}" in this estate`);
    const version = await this.repository.findVersion({
      companyId: principal.companyId,
      definitionId: binding.definitionId,
      version: binding.version,
    });
    if (version === null) throw new NotFoundError('That workflow version');
    const compiled = await this.versions.get(principal.companyId, version.id);
    const resolved = resolveParameters(compiled.definition, jsonObject(version.companyParameters), jsonObject(binding.parameters));
    if (!resolved.ok)
      throw new UnprocessableError("This estate's settings for the workflow are not valid; ask an administrator to fix its binding.", {
        fields: resolved.errors,
      });
    return { ...binding, resolvedParameters: resolved.parameters };
  }

  private async assertEstateVisible(principal: Principal, estateId: string): Promise<void> {
    const visible = visibleEstateIds(principal);
    if (visible !== null && !visible.includes(estateId)) throw new NotFoundError('That estate');
    if (!(await this.repository.estateExists(principal.companyId, estateId))) throw new NotFoundError('That estate');
  }
}
