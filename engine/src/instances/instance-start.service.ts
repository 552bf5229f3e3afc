import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { resolveParameters, start, type Actor } from '@estateflow/model';
import { type Principal, visibleEstateIds } from '../auth/principal';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../common/errors';
import { jsonObject } from '../bindings/bindings.service';
import { CompiledVersionCache } from '../definitions/compiled-version.cache';
import { maskFormTokens, sealFormData, type SealedValue } from '../privacy/form-personal-data';
import { maskedPhoneOf } from '../privacy/masking';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import { actorInEstate, SYSTEM_INSTANCE_ACTOR, type InstanceActor } from './instance-actor';
import type { StoredResponse } from './instance-record';
import { InstanceReaderRepository } from './instance-reader.repository';
import { InstanceTransitionPlanner } from './instance-transition.planner';
import { renderInstance } from './instance-view';
import { InstanceWriterRepository } from './instance-writer.repository';
import { InstancesRepository } from './instances.repository';
import { PersonalValuesService } from './personal-values.service';
import { ProgressRenderer } from './progress-renderer';
import { residentStart, type ResidentUnit } from './resident-start';

export interface StartRequest {
  estateId: string;
  workflowKey: string;
  data: Record<string, unknown>;
  unitId?: string;
  requesterPersonId?: string;
  idempotencyKey?: string;
}

/** "20261122" for a moment in the estate's time zone: references count per local day. */
function localDay(now: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(now),
  );
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Starting instances: by a caller over HTTP, or by the engine itself (child workflows, schedules). */
@Injectable()
export class InstanceStartService {
  constructor(
    private readonly instances: InstancesRepository,
    private readonly reader: InstanceReaderRepository,
    private readonly writer: InstanceWriterRepository,
    private readonly versions: CompiledVersionCache,
    private readonly planner: InstanceTransitionPlanner,
    private readonly progress: ProgressRenderer,
    private readonly personalValues: PersonalValuesService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** POST /estates/{estateId}/instances: access first (estate, start roles, owners' own units), then the start. */
  async startByCaller(principal: Principal, request: StartRequest): Promise<StoredResponse> {
    const visible = visibleEstateIds(principal);
    if (
      (visible !== null && !visible.includes(request.estateId)) ||
      !(await this.instances.estateExists(principal.companyId, request.estateId))
    )
      throw new NotFoundError('That estate');
    const actorKey = principal.kind === 'person' ? principal.personId : principal.userId;
    const idempotencyKey = request.idempotencyKey === undefined ? null : `start:${actorKey}:${request.estateId}:${request.idempotencyKey}`;
    if (idempotencyKey !== null) {
      const stored = await this.reader.storedResponse(principal.companyId, idempotencyKey);
      if (stored !== null) return stored;
    }
    const actor = actorInEstate(principal, request.estateId);
    const unitId = request.unitId ?? null;
    let requesterPersonId = request.requesterPersonId ?? null;
    let residentUnits: ResidentUnit[] | null = null;
    if (principal.kind === 'person') {
      // Which unit, and so which residency kind (owner / tenant), is decided with the workflow's start roles.
      residentUnits = principal.units.filter((unit) => unit.estateId === request.estateId);
      if (requesterPersonId !== null && requesterPersonId !== principal.personId)
        throw new ForbiddenError('You can only make requests for yourself.');
      requesterPersonId = principal.personId;
    }
    return this.start({
      companyId: principal.companyId,
      estateId: request.estateId,
      workflowKey: request.workflowKey,
      data: request.data,
      unitId,
      requesterPersonId,
      parentInstanceId: null,
      actor,
      idempotencyKey,
      checkStartRoles: true,
      residentUnits,
    });
  }

  /** Child workflows and schedules: the engine starts an instance as the system (no start-role check). */
  startInstance(input: {
    companyId: string;
    estateId: string;
    workflowKey: string;
    data: Record<string, unknown>;
    parentInstanceId?: string;
    unitId?: string;
    requesterPersonId?: string;
    idempotencyKey: string;
  }): Promise<StoredResponse> {
    return this.start({
      companyId: input.companyId,
      estateId: input.estateId,
      workflowKey: input.workflowKey,
      data: input.data,
      unitId: input.unitId ?? null,
      requesterPersonId: input.requesterPersonId ?? null,
      parentInstanceId: input.parentInstanceId ?? null,
      actor: SYSTEM_INSTANCE_ACTOR,
      idempotencyKey: `system-start:${input.idempotencyKey}`,
      checkStartRoles: false,
      residentUnits: null,
    });
  }

  private async start(input: {
    companyId: string;
    estateId: string;
    workflowKey: string;
    data: Record<string, unknown>;
    unitId: string | null;
    requesterPersonId: string | null;
    parentInstanceId: string | null;
    actor: InstanceActor;
    idempotencyKey: string | null;
    checkStartRoles: boolean;
    /** An owner or tenant starting for themselves: their units in the estate. */
    residentUnits: ResidentUnit[] | null;
  }): Promise<StoredResponse> {
    const { companyId, estateId } = input;
    let actor = input.actor;
    let unitId = input.unitId;
    const context = await this.instances.startContext({ companyId, estateId, workflowKey: input.workflowKey });
    if (context === null || context.definitionStatus === 'archived')
      throw new NotFoundError(`The workflow "${input.workflowKey}" in this estate`);
    const compiled = await this.versions.get(companyId, context.versionId);
    const definition = compiled.definition;
    const startRoles = definition.roles?.start ?? [];
    if (input.residentUnits !== null) {
      const resident = residentStart({ units: input.residentUnits, unitId, startRoles, workflowName: definition.name['zh-CN'] });
      unitId = resident.unitId;
      actor = { ...actor, roles: resident.roles };
    }
    if (input.checkStartRoles && startRoles.length > 0 && !actor.roles.some((role) => startRoles.includes(role))) {
      throw new ForbiddenError(`You may not start "${definition.name['zh-CN']}" here.`);
    }
    const unit = unitId === null ? null : await this.instances.unit({ companyId, estateId, unitId });
    if (unitId !== null && unit === null) throw new NotFoundError('That unit');
    const requester = input.requesterPersonId === null ? null : await this.instances.person(companyId, input.requesterPersonId);
    if (input.requesterPersonId !== null && requester === null) throw new NotFoundError('That person');
    const personalFields = (definition.startForm === undefined ? undefined : compiled.personalFields.get(definition.startForm)) ?? null;
    let formData = input.data;
    // A child's start data may carry its parent's tokens: the child's form checks, and seals, the real values.
    if (input.parentInstanceId !== null)
      formData = await this.personalValues.unsealFromParent({
        companyId,
        parentInstanceId: input.parentInstanceId,
        data: formData,
        fields: personalFields,
      });
    if (definition.startForm !== undefined) {
      const validate = compiled.forms.get(definition.startForm);
      const verdict = validate === undefined ? { ok: true as const } : validate(formData);
      if (!verdict.ok) throw new UnprocessableError('Some fields need attention.', { fields: verdict.errors });
    }
    // Phone and ID numbers typed into fields or free text go no further than here (RELIABILITY 19).
    const sealed = sealFormData({ cipher: this.cipher, data: formData, fields: personalFields });
    if (!sealed.ok) throw new UnprocessableError('Some fields need attention.', { fields: sealed.errors });
    const personalValues: SealedValue[] = sealed.values;
    formData = sealed.data;
    const shown = maskFormTokens(formData);
    const parameters = resolveParameters(definition, jsonObject(context.companyParameters), jsonObject(context.estateParameters));
    if (!parameters.ok)
      throw new UnprocessableError("This estate's settings for the workflow are not valid; ask an administrator to fix its binding.", {
        fields: parameters.errors,
      });

    const now = Date.now();
    const at = new Date(now).toISOString();
    // The requester (the "requester" role in the definition) is the person asked for, else whoever started it.
    const requesterActor: Actor | undefined =
      requester !== null
        ? { id: requester.id, roles: actor.kind === 'person' ? actor.roles : ['owner'] }
        : actor.id === null
          ? undefined
          : { id: actor.id, roles: actor.roles };
    const result = start(definition, {
      parameters: parameters.parameters,
      input: requesterActor === undefined ? { data: formData } : { data: formData, actor: requesterActor },
      now,
    });
    const id = randomUUID();
    const prefix = definition.referencePrefix ?? 'WF';
    const day = localDay(now, context.timezone);
    const number = await this.writer.nextReferenceNumber({ companyId, prefix, day });
    const reference = `${prefix}-${day}-${String(number).padStart(4, '0')}`;
    const where = unit?.label ?? text(shown['location']);
    const title = where === null ? definition.name['zh-CN'] : `${definition.name['zh-CN']} · ${where}`;
    const searchText = [reference, title, unit?.label, text(shown['category']), text(shown['description'])]
      .filter((part) => typeof part === 'string')
      .join(' ')
      .toLowerCase();
    const data = result.snapshot.context.data;
    const plan = await this.planner.plan({
      compiled,
      result,
      open: [],
      instance: {
        id,
        companyId,
        estateId,
        buildingId: unit?.buildingId ?? null,
        requesterPersonId: requester?.id ?? null,
        data,
        parentInstanceId: input.parentInstanceId,
      },
      seq: 1,
      now,
      completedById: null,
    });
    const loggedData = {
      data: formData,
      parameters: parameters.parameters,
      ...(requesterActor === undefined ? {} : { actor: requesterActor }),
    };
    const view = renderInstance({
      compiled,
      instance: {
        id,
        reference,
        title,
        workflowKey: input.workflowKey,
        estateId,
        version: 1,
        status: plan.status,
        snapshot: result.snapshot,
        stateValue: result.stateValue,
        data,
        unitId: unit?.id ?? null,
        unitLabel: unit?.label ?? null,
        requesterPersonId: requester?.id ?? null,
        requesterName: requester?.name ?? null,
        requesterPhoneMasked: requester === null ? null : maskedPhoneOf(this.cipher, requester.phoneCipher),
        createdAt: at,
        updatedAt: at,
      },
      tasks: plan.openTasks,
      events: [
        { seq: 1, type: 'start', data: loggedData, actorKind: actor.kind, actorId: actor.id, actorName: actor.name, comment: null, at },
      ],
      actor,
      progress: this.progress.render({
        versionId: compiled.versionId,
        definition,
        value: result.snapshot.value,
        context: { data, params: parameters.parameters, instance: { reference, title } },
      }),
      now,
    });
    const reply: StoredResponse = { status: 201, body: view };
    const outcome = await this.writer.startInstance({
      id,
      companyId,
      estateId,
      versionId: compiled.versionId,
      workflowKey: input.workflowKey,
      reference,
      title,
      unitId: unit?.id ?? null,
      requesterPersonId: requester?.id ?? null,
      parentInstanceId: input.parentInstanceId,
      createdByKind: actor.kind,
      createdById: actor.id,
      searchText,
      write: {
        snapshot: result.snapshot,
        stateValue: result.stateValue,
        status: plan.status,
        data,
        at,
        event: {
          type: 'start',
          data: loggedData,
          actorKind: actor.kind,
          actorId: actor.id,
          actorName: actor.name,
          comment: null,
          idempotencyKey: input.idempotencyKey,
          response: input.idempotencyKey === null ? null : reply,
        },
        closedTasks: [],
        newTasks: plan.newTasks,
        reassignedTasks: [],
        cancelTimerIds: [],
        jobs: plan.jobs,
        personalValues,
        slaClocks: null,
      },
    });
    if (outcome.kind === 'duplicateKey' && input.idempotencyKey !== null) {
      const stored = await this.reader.storedResponse(companyId, input.idempotencyKey);
      if (stored !== null) return stored;
    }
    return reply;
  }
}
