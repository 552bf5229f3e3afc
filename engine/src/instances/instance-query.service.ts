import { Injectable } from '@nestjs/common';
import { IncompatibleSnapshotError, checkSnapshot, compileMachine, findPersonalNumbers, type LocalizedText } from '@estateflow/model';
import { type Principal, visibleEstateIds } from '../auth/principal';
import { NotFoundError } from '../common/errors';
import { CompiledVersionCache } from '../definitions/compiled-version.cache';
import type { InstanceStatus } from '../generated/prisma/enums';
import { maskedPhoneOf } from '../privacy/masking';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import { actorInEstate, maySeeInstance } from './instance-actor';
import { InstanceReaderRepository } from './instance-reader.repository';
import { renderInstance, type InstanceView, type Localized } from './instance-view';
import { InstanceWriterRepository } from './instance-writer.repository';
import { InstancesRepository, type InstanceListFilter } from './instances.repository';
import { ProgressRenderer } from './progress-renderer';
import { residencyKindsAllowed } from './resident-start';
import { labelOfStateValue } from './state-value-label';

export interface InstanceSummary {
  id: string;
  reference: string;
  title: string;
  workflowKey: string;
  workflowName: LocalizedText | null;
  estateId: string;
  status: InstanceStatus;
  state: string;
  stateLabel: Localized;
  /** What an owner reads, rendered as GET /instances/{id} does. */
  progress: Localized;
  version: number;
  createdAt: string;
  updatedAt: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parameters an instance runs with, from its stored snapshot's context. */
function paramsOf(snapshot: unknown): Record<string, unknown> {
  const context = isRecord(snapshot) ? snapshot['context'] : undefined;
  const params = isRecord(context) ? context['params'] : undefined;
  return isRecord(params) ? params : {};
}

export interface StartableWorkflow {
  key: string;
  name: LocalizedText;
  version: number;
  startForm: { schema: unknown; uiSchema: unknown } | null;
  /** Owners and tenants: their units in the estate they may start it for (tenants not where only owners may). */
  unitIds?: string[];
}

/** Reading instances: one instance for its page, lists, and the workflows a caller may start. */
@Injectable()
export class InstanceQueryService {
  constructor(
    private readonly reader: InstanceReaderRepository,
    private readonly writer: InstanceWriterRepository,
    private readonly instances: InstancesRepository,
    private readonly versions: CompiledVersionCache,
    private readonly progress: ProgressRenderer,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async get(principal: Principal, instanceId: string): Promise<InstanceView> {
    const record = await this.reader.read({ companyId: principal.companyId, instanceId, idempotencyKey: null });
    if (record === null || !maySeeInstance(principal, record)) throw new NotFoundError('That request');
    const compiled = await this.versions.get(record.companyId, record.versionId);
    let status = record.status;
    let unreadable = false;
    try {
      checkSnapshot(compileMachine(compiled.definition), record.snapshot);
    } catch (error) {
      if (!(error instanceof IncompatibleSnapshotError)) throw error;
      unreadable = true;
      // An instance an administrator cancelled from its incident stays cancelled (POST /incidents/{id}/resolve).
      if (record.status === 'active' || record.status === 'incident') {
        await this.writer.flagIncident({
          companyId: record.companyId,
          instanceId: record.id,
          kind: 'incompatible_snapshot',
          message: error.message,
        });
        status = 'incident';
      }
    }
    const now = Date.now();
    const requesterPhoneMasked = maskedPhoneOf(this.cipher, record.requesterPhoneCipher);
    if (unreadable) {
      // The stored state cannot be trusted: show the row as it is, offer nothing to do.
      const label = labelOfStateValue(compiled.definition, record.stateValue);
      return {
        ...renderInstance({
          compiled,
          instance: {
            ...record,
            requesterPhoneMasked,
            status: 'completed',
            snapshot: null,
            createdAt: record.createdAt.toISOString(),
            updatedAt: record.updatedAt.toISOString(),
          },
          tasks: record.tasks,
          events: record.events,
          actor: actorInEstate(principal, record.estateId),
          progress: { 'zh-CN': '', en: '' },
          now,
          labelOverride: label,
        }),
        status,
      };
    }
    const snapshot = checkSnapshot(compileMachine(compiled.definition), record.snapshot);
    return renderInstance({
      compiled,
      instance: {
        ...record,
        requesterPhoneMasked,
        createdAt: record.createdAt.toISOString(),
        updatedAt: record.updatedAt.toISOString(),
      },
      tasks: record.tasks,
      events: record.events,
      actor: actorInEstate(principal, record.estateId),
      progress: this.progress.render({
        versionId: compiled.versionId,
        definition: compiled.definition,
        value: snapshot.value,
        context: { data: record.data, params: snapshot.context.params, instance: { reference: record.reference, title: record.title } },
      }),
      now,
    });
  }

  async list(
    principal: Principal,
    query: {
      estateId?: string;
      workflowKey?: string;
      state?: string;
      status?: InstanceStatus;
      q?: string;
      page: number;
      pageSize: number;
      mine: boolean;
    },
  ): Promise<{ items: InstanceSummary[]; total: number; page: number; pageSize: number }> {
    const visible = visibleEstateIds(principal);
    let estateIds = visible;
    if (query.estateId !== undefined) {
      if (visible !== null && !visible.includes(query.estateId)) throw new NotFoundError('That estate');
      estateIds = [query.estateId];
    }
    const filter: InstanceListFilter = { companyId: principal.companyId, estateIds, page: query.page, pageSize: query.pageSize };
    if (principal.kind === 'person') filter.requesterPersonId = principal.personId;
    else if (query.mine) filter.createdById = principal.userId;
    if (query.workflowKey !== undefined) filter.workflowKey = query.workflowKey;
    if (query.state !== undefined) filter.state = query.state;
    if (query.status !== undefined) filter.status = query.status;
    if (query.q !== undefined) {
      filter.q = query.q;
      const indexes = this.personalIndexes(query.q);
      if (indexes !== undefined) filter.qIndexes = indexes;
    }
    const { rows, total } = await this.instances.list(filter);
    const items: InstanceSummary[] = [];
    for (const row of rows) {
      const compiled = await this.versions.get(principal.companyId, row.versionId).catch(() => null);
      const definition = compiled?.definition ?? null;
      items.push({
        id: row.id,
        reference: row.reference,
        title: row.title,
        workflowKey: row.workflowKey,
        workflowName: definition?.name ?? null,
        estateId: row.estateId,
        status: row.status,
        state: row.stateValue,
        stateLabel: definition === null ? { 'zh-CN': row.stateValue, en: row.stateValue } : labelOfStateValue(definition, row.stateValue),
        progress:
          compiled === null
            ? { 'zh-CN': '', en: '' }
            : this.progress.renderStateValue({
                versionId: compiled.versionId,
                definition: compiled.definition,
                stateValue: row.stateValue,
                context: { data: row.data, params: paramsOf(row.snapshot), instance: { reference: row.reference, title: row.title } },
              }),
        version: row.version,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      });
    }
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** A search that is a phone number (mobile or landline) or an ID number, as blind indexes (privacy/); else undefined. */
  private personalIndexes(q: string): InstanceListFilter['qIndexes'] {
    const text = q.trim();
    const [number, ...more] = findPersonalNumbers(text);
    if (number === undefined || more.length > 0 || number.start !== 0 || number.end !== text.length) return undefined;
    return { kind: number.kind, candidates: this.cipher.blindIndexCandidates(number.kind, number.normalised) };
  }

  async startable(principal: Principal, estateId: string): Promise<StartableWorkflow[]> {
    const visible = visibleEstateIds(principal);
    if ((visible !== null && !visible.includes(estateId)) || !(await this.instances.estateExists(principal.companyId, estateId)))
      throw new NotFoundError('That estate');
    const actor = actorInEstate(principal, estateId);
    const workflows: StartableWorkflow[] = [];
    for (const binding of await this.instances.bindings(principal.companyId, estateId)) {
      if (binding.version.workflow.status === 'archived') continue;
      const compiled = await this.versions.get(principal.companyId, binding.versionId);
      const roles = compiled.definition.roles?.start ?? [];
      if (roles.length > 0 && !actor.roles.some((role) => roles.includes(role))) continue;
      const formKey = compiled.definition.startForm;
      const form =
        formKey === undefined || !Object.hasOwn(compiled.definition.forms, formKey) ? undefined : compiled.definition.forms[formKey];
      const workflow: StartableWorkflow = {
        key: binding.workflowKey,
        name: compiled.definition.name,
        version: compiled.version,
        startForm: form === undefined ? null : { schema: form.schema, uiSchema: form.uiSchema ?? {} },
      };
      if (principal.kind === 'person') {
        const kinds = residencyKindsAllowed(roles);
        workflow.unitIds = principal.units
          .filter((unit) => unit.estateId === estateId && kinds.includes(unit.kind))
          .map((unit) => unit.unitId);
      }
      workflows.push(workflow);
    }
    return workflows;
  }
}
