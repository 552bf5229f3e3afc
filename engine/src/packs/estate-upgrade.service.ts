import { Injectable } from '@nestjs/common';
import {
  activeLeafPaths,
  checkSnapshot,
  compileMachine,
  definitionFingerprint,
  IncompatibleSnapshotError,
  resolveParameters,
  stateValueToString,
  validateDefinition,
  type WorkflowDefinition,
} from '@estateflow/model';
import { type Principal, visibleEstateIds } from '../auth/principal';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors';
import { assertMayEditDefinitions } from '../definitions/definition-access';
import { jsonObject } from '../bindings/bindings.service';
import { isRecord } from './format/is-record';
import { mergeParameters, type ParameterChange } from './parameter-merge';
import { InstanceChangedDuringUpgrade, PacksRepository, type BoundVersionRow, type InstanceToMigrate } from './packs.repository';
import { proposeStateMapping, stateValueFromLeaves, type StateMappingEntry } from './state-mapping';

export type InstancePolicy = 'stay' | 'migrate';

export interface UpgradeRequest {
  workflowKey: string;
  /** The version to move to; else the version that came from `packVersion`; else the newest. */
  toVersion?: number;
  packVersion?: string;
  /** Running instances stay on their version (default) or move with a state mapping. */
  instances?: InstancePolicy;
  /** Old leaf state → new state, overriding the proposal. */
  stateMapping?: Record<string, string>;
}

export interface UpgradePlan {
  estateId: string;
  workflowKey: string;
  from: { version: number; packVersion: string | null };
  to: { version: number; packVersion: string | null };
  parameters: { values: Record<string, unknown>; changes: ParameterChange[]; conflicts: ParameterChange[] };
  instances: {
    policy: InstancePolicy;
    total: number;
    mapping: StateMappingEntry[];
    items: { id: string; reference: string; state: string; to: string | null }[];
    unmapped: number;
  };
  applied: boolean;
  migrated: number;
}

interface PreparedUpgrade {
  plan: UpgradePlan;
  bound: BoundVersionRow;
  target: { id: string; definition: WorkflowDefinition };
  source: WorkflowDefinition;
  instances: InstanceToMigrate[];
}

/**
 * Moving an estate to a newer version of a workflow (DESIGN "Versions and estates"): its own
 * parameter values carried over by a three-way merge, running instances left on their version or
 * moved with a state mapping — always shown first as a dry run over the live instances.
 */
@Injectable()
export class EstateUpgradeService {
  constructor(private readonly repository: PacksRepository) {}

  async preview(principal: Principal, estateId: string, request: UpgradeRequest): Promise<UpgradePlan> {
    return (await this.prepare(principal, estateId, request)).plan;
  }

  async apply(principal: Principal, estateId: string, request: UpgradeRequest): Promise<UpgradePlan> {
    const prepared = await this.prepare(principal, estateId, request);
    const { plan, bound, target, source } = prepared;
    if (plan.instances.policy === 'migrate' && plan.instances.unmapped > 0) {
      throw new UnprocessableError(
        `${plan.instances.unmapped} running instance(s) are in states with no place in version ${plan.to.version}; map those states or let the instances stay.`,
        {
          unmapped: plan.instances.items.filter((item) => item.to === null),
        },
      );
    }
    const resolved = resolveParameters(target.definition, {}, plan.parameters.values);
    if (!resolved.ok) throw new UnprocessableError('The merged parameter values do not fit the new version.', { fields: resolved.errors });
    const migrations =
      plan.instances.policy === 'migrate'
        ? prepared.instances.map((instance) => this.migration({ instance, source, target, plan, parameters: resolved.parameters }))
        : [];
    try {
      const { migrated } = await this.repository.applyUpgrade({
        companyId: principal.companyId,
        bindingId: bound.bindingId,
        versionId: target.id,
        parameters: plan.parameters.values,
        migrations,
        actor: { userId: principal.kind === 'person' ? null : principal.userId, name: principal.name },
      });
      return { ...plan, applied: true, migrated };
    } catch (error: unknown) {
      if (error instanceof InstanceChangedDuringUpgrade)
        throw new ConflictError('An instance changed while the upgrade was applied; nothing was changed. Preview again and retry.', {
          instanceId: error.instanceId,
        });
      throw error;
    }
  }

  private async prepare(principal: Principal, estateId: string, request: UpgradeRequest): Promise<PreparedUpgrade> {
    assertMayEditDefinitions(principal);
    const visible = visibleEstateIds(principal);
    if ((visible !== null && !visible.includes(estateId)) || (await this.repository.estateById(principal.companyId, estateId)) === null)
      throw new NotFoundError('That estate');
    const bound = await this.repository.boundVersion({ companyId: principal.companyId, estateId, workflowKey: request.workflowKey });
    if (bound === null) throw new NotFoundError(`The workflow "${request.workflowKey}" in that estate`);
    let toVersion = request.toVersion;
    if (toVersion === undefined && request.packVersion !== undefined) {
      const fromPack =
        bound.packName === null
          ? null
          : await this.repository.versionFromPack({
              companyId: principal.companyId,
              workflowKey: request.workflowKey,
              packName: bound.packName,
              packVersion: request.packVersion,
            });
      if (fromPack === null) throw new NotFoundError(`Version ${request.packVersion} of the pack of "${request.workflowKey}"`);
      toVersion = fromPack;
    }
    const targetRow = await this.repository.versionOf({
      companyId: principal.companyId,
      workflowKey: request.workflowKey,
      ...(toVersion === undefined ? {} : { version: toVersion }),
    });
    if (targetRow === null) throw new NotFoundError('That workflow version');
    const source = this.definitionOf(bound.definition);
    const target = { id: targetRow.id, definition: this.definitionOf(targetRow.definition) };
    const merge = mergeParameters({
      baseSchema: source.parameters,
      nextSchema: target.definition.parameters,
      estateValues: jsonObject(bound.parameters),
    });
    const mapping = proposeStateMapping({
      from: source,
      to: target.definition,
      ...(request.stateMapping === undefined ? {} : { given: request.stateMapping }),
    });
    const instances =
      targetRow.id === bound.versionId
        ? []
        : await this.repository.activeInstances({ companyId: principal.companyId, estateId, versionId: bound.versionId });
    const items = instances.map((instance) => ({
      id: instance.id,
      reference: instance.reference,
      state: instance.stateValue,
      to: mapInstance(instance.stateValue, mapping),
    }));
    const plan: UpgradePlan = {
      estateId,
      workflowKey: request.workflowKey,
      from: { version: bound.version, packVersion: bound.packVersion },
      to: { version: targetRow.version, packVersion: targetRow.packVersion },
      parameters: merge,
      instances: {
        policy: request.instances ?? 'stay',
        total: instances.length,
        mapping,
        items,
        unmapped: items.filter((item) => item.to === null).length,
      },
      applied: false,
      migrated: 0,
    };
    return { plan, bound, target, source, instances };
  }

  private migration(options: {
    instance: InstanceToMigrate;
    source: WorkflowDefinition;
    target: { id: string; definition: WorkflowDefinition };
    plan: UpgradePlan;
    parameters: Record<string, unknown>;
  }) {
    const { instance, source, target, plan } = options;
    let old;
    try {
      old = checkSnapshot(compileMachine(source), instance.snapshot);
    } catch (error: unknown) {
      if (error instanceof IncompatibleSnapshotError)
        throw new UnprocessableError(
          `Instance ${instance.reference} has a snapshot that cannot be read (${error.reason}); resolve it before migrating.`,
        );
      throw error;
    }
    const leaves = activeLeafPaths(old.value);
    const renamed: Record<string, string> = {};
    const mapped = leaves.map((leaf) => {
      const to = plan.instances.mapping.find((entry) => entry.from === leaf)?.to ?? leaf;
      if (to !== leaf) {
        renamed[leaf] = to;
        renamed[`${source.machine.id}.${leaf}`] = `${target.definition.machine.id}.${to}`;
      }
      return to;
    });
    const value = stateValueFromLeaves(mapped);
    // Parameters an instance started with stay; ones the new version adds come from the merged values.
    const params = {
      ...options.parameters,
      ...Object.fromEntries(
        Object.entries(old.context.params).filter(
          ([name]) => isRecord(target.definition.parameters?.properties) && name in (target.definition.parameters?.properties ?? {}),
        ),
      ),
    };
    const snapshot = { ...old, fingerprint: definitionFingerprint(target.definition), value, context: { ...old.context, params } };
    checkSnapshot(compileMachine(target.definition), snapshot);
    return {
      instanceId: instance.id,
      expectedVersion: instance.version,
      snapshot,
      stateValue: stateValueToString(value),
      renamedStates: renamed,
      event: {
        fromVersion: plan.from.version,
        toVersion: plan.to.version,
        fromState: instance.stateValue,
        toState: stateValueToString(value),
      },
    };
  }

  private definitionOf(stored: unknown): WorkflowDefinition {
    const validation = validateDefinition(stored);
    if (!validation.ok)
      throw new UnprocessableError('A stored version no longer passes validation; it cannot be upgraded.', { errors: validation.errors });
    return validation.definition;
  }
}

function mapInstance(stateValue: string, mapping: readonly StateMappingEntry[]): string | null {
  const leaves = stateValue.split(' | ');
  const mapped = leaves.map((leaf) => mapping.find((entry) => entry.from === leaf)?.to ?? null);
  return mapped.every((leaf): leaf is string => leaf !== null) ? mapped.join(' | ') : null;
}
