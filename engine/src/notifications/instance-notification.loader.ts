import { Injectable } from '@nestjs/common';
import { resolveParameters, type WorkflowDefinition } from '@estateflow/model';
import { CompiledVersionCache } from '../definitions/compiled-version.cache';
import { ObsoleteJobError } from '../jobs/job';
import { type InstanceForNotification, NotificationsRepository } from './notifications.repository';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}

export interface LoadedInstance {
  instance: InstanceForNotification;
  definition: WorkflowDefinition;
  parameters: Record<string, unknown>;
}

/** Loads an instance with its published definition and effective parameters, for notification jobs. */
@Injectable()
export class InstanceNotificationLoader {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly versions: CompiledVersionCache,
  ) {}

  async load(input: { companyId: string; instanceId: string }): Promise<LoadedInstance> {
    const instance = await this.repository.instance(input);
    if (!instance) throw new ObsoleteJobError(`instance ${input.instanceId} no longer exists`);
    const { definition } = await this.versions.get(instance.companyId, instance.versionId);
    const resolved = resolveParameters(definition, record(instance.companyParameters), record(instance.estateParameters));
    // Parameters that no longer validate still render (defaults and stored values as they are).
    const parameters = resolved.ok ? resolved.parameters : { ...record(instance.companyParameters), ...record(instance.estateParameters) };
    return { instance, definition, parameters };
  }
}
