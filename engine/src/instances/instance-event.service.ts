import { Injectable, Logger } from '@nestjs/common';
import {
  ALL_ROLES,
  IncompatibleSnapshotError,
  activeStatePaths,
  allowedEvents,
  checkSnapshot,
  compileMachine,
  step,
  type StepResult,
} from '@estateflow/model';
import type { Principal } from '../auth/principal';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../common/errors';
import { BrokenVersionError, CompiledVersionCache, type CompiledVersion } from '../definitions/compiled-version.cache';
import { sealFormData, sealFreeText, type SealedValue } from '../privacy/form-personal-data';
import { maskedPhoneOf } from '../privacy/masking';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import { actorInEstate, maySeeInstance, SYSTEM_INSTANCE_ACTOR, type InstanceActor } from './instance-actor';
import type { InstanceRecord, StoredResponse } from './instance-record';
import { InstanceReaderRepository } from './instance-reader.repository';
import { InstanceTransitionPlanner } from './instance-transition.planner';
import { renderInstance } from './instance-view';
import { InstanceWriterRepository } from './instance-writer.repository';
import { ProgressRenderer } from './progress-renderer';
import { EVENT_REPLY_TIMELINE } from './recent-events.cache';
import { SYSTEM_ONLY_EVENTS } from './system-events';

export interface EventRequest {
  instanceId: string;
  type: string;
  data: Record<string, unknown>;
  expectedVersion?: number;
  comment?: string;
  idempotencyKey?: string;
}

export interface EventReply {
  status: number;
  body: unknown;
}

/** Retries of a read-decide-write cycle lost to a concurrent writer (only without expectedVersion). */
const MAX_ATTEMPTS = 3;

/**
 * THE EVENT HOT PATH (DESIGN.md "How an event runs"): one read of the instance (with its log,
 * open tasks and any stored reply), the compiled version from the in-process cache, access
 * and form checks, XState's pure step, then ONE statement that writes snapshot + version,
 * event, tasks and outbox rows gated on the version read. A lost race re-reads: a stored
 * reply for the key is returned as first given; otherwise it is a 409.
 */
@Injectable()
export class InstanceEventService {
  private readonly logger = new Logger('InstanceEvents');

  constructor(
    private readonly reader: InstanceReaderRepository,
    private readonly writer: InstanceWriterRepository,
    private readonly versions: CompiledVersionCache,
    private readonly planner: InstanceTransitionPlanner,
    private readonly progress: ProgressRenderer,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async sendEvent(principal: Principal, request: EventRequest): Promise<EventReply> {
    const actorKey = principal.kind === 'person' ? principal.personId : principal.userId;
    const idempotencyKey =
      request.idempotencyKey === undefined ? null : `event:${actorKey}:${request.instanceId}:${request.idempotencyKey}`;
    for (let attempt = 1; ; attempt++) {
      const record = await this.reader.read({
        companyId: principal.companyId,
        instanceId: request.instanceId,
        idempotencyKey,
        timelineLimit: EVENT_REPLY_TIMELINE,
      });
      if (record === null || !maySeeInstance(principal, record)) throw new NotFoundError('That request');
      if (record.storedResponse !== null) return record.storedResponse;
      const actor = actorInEstate(principal, record.estateId);
      const outcome = await this.attempt({ record, actor, request, idempotencyKey });
      if (outcome.kind === 'done') return outcome.reply;
      if (outcome.kind === 'duplicateKey' && idempotencyKey !== null) {
        const stored = await this.reader.storedResponse(principal.companyId, idempotencyKey);
        if (stored !== null) return stored;
      }
      if (request.expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) {
        throw new ConflictError('Someone else changed this request just now; reload it and try again.', {
          reason: 'stale',
          expectedVersion: request.expectedVersion ?? record.version,
        });
      }
    }
  }

  /**
   * A timer fired (called by the timers worker). Does nothing when the instance is no longer
   * active or the timer's state was left; returns whether the event was applied.
   */
  async applySystemEvent(input: {
    instanceId: string;
    event: string;
    expectedStateKey: string | null;
    idempotencyKey?: string;
    data?: Record<string, unknown>;
  }): Promise<{ applied: boolean }> {
    const data = input.data ?? {};
    const idempotencyKey = input.idempotencyKey === undefined ? null : `system:${input.instanceId}:${input.idempotencyKey}`;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const record = await this.reader.read({
        companyId: null,
        instanceId: input.instanceId,
        idempotencyKey,
        timelineLimit: EVENT_REPLY_TIMELINE,
      });
      if (record === null || record.status !== 'active' || record.storedResponse !== null) return { applied: false };
      const compiled = await this.compiledOrIncident(record);
      let snapshotPaths: string[];
      try {
        snapshotPaths = activeStatePaths(checkSnapshot(compileMachine(compiled.definition), record.snapshot).value);
      } catch (error) {
        if (error instanceof IncompatibleSnapshotError) await this.incident(record, error.message);
        throw error;
      }
      if (input.expectedStateKey !== null && !snapshotPaths.includes(input.expectedStateKey)) return { applied: false };
      const now = Date.now();
      const result = this.step({ compiled, record, type: input.event, data, actor: SYSTEM_INSTANCE_ACTOR, now });
      if (!result.changed) return { applied: false };
      const outcome = await this.write({
        compiled,
        record,
        result,
        actor: SYSTEM_INSTANCE_ACTOR,
        request: { instanceId: input.instanceId, type: input.event, data },
        personalValues: [],
        idempotencyKey,
        now,
      });
      if (outcome.kind === 'done') return { applied: true };
      if (outcome.kind === 'duplicateKey') return { applied: false };
    }
    return { applied: false };
  }

  private async attempt(input: {
    record: InstanceRecord;
    actor: InstanceActor;
    request: EventRequest;
    idempotencyKey: string | null;
  }): Promise<WriteAttempt> {
    const { record, actor, request } = input;
    if (request.expectedVersion !== undefined && request.expectedVersion !== record.version) {
      throw new ConflictError(
        `This request has changed since you loaded it (now at version ${record.version}, state "${record.stateValue}"); reload it.`,
        {
          reason: 'stale',
          version: record.version,
          state: record.stateValue,
        },
      );
    }
    if (record.status !== 'active') {
      throw new ConflictError(`This request is ${record.status}; nothing more can be done to it.`, {
        reason: 'not_active',
        state: record.stateValue,
        status: record.status,
        allowedEvents: [],
      });
    }
    if (SYSTEM_ONLY_EVENTS.has(request.type)) throw new ForbiddenError(`"${request.type}" is sent by the engine only.`);
    const compiled = await this.compiledOrIncident(record);
    const mayActorSend = await this.checkedAllowedEvents({ compiled, record, actor });
    const entry = mayActorSend.find((event) => event.event === request.type);
    if (entry === undefined) {
      const anyone = allowedEvents(compiled.definition, record.snapshot, { roles: [...ALL_ROLES] }).some(
        (event) => event.event === request.type,
      );
      if (anyone) throw new ForbiddenError(`You may not do "${request.type}" on this request.`);
      throw new ConflictError(`"${request.type}" is not possible in the state "${record.stateValue}".`, {
        reason: 'not_allowed',
        state: record.stateValue,
        allowedEvents: mayActorSend.map((event) => event.event),
      });
    }
    if (entry.assigneeOnly) {
      const task = record.tasks.find((candidate) => candidate.stateKey === entry.statePath);
      const assigned =
        task === undefined ||
        (task.assigneeUserId === null && task.assigneePersonId === null) ||
        task.assigneeUserId === actor.id ||
        task.assigneePersonId === actor.id;
      if (!assigned) throw new ForbiddenError(`Only the person this task is assigned to may do "${request.type}".`);
    }
    if (entry.form !== undefined) {
      const validate = compiled.forms.get(entry.form);
      const verdict = validate === undefined ? { ok: true as const } : validate(request.data);
      if (!verdict.ok) throw new UnprocessableError('Some fields need attention.', { fields: verdict.errors });
    } else if (Object.keys(request.data).length > 0) {
      throw new UnprocessableError(`"${request.type}" takes no form data.`, {
        fields: [{ path: '', message: { 'zh-CN': '此操作不需要填写表单', en: 'this action takes no form data' } }],
      });
    }
    // Phone and ID numbers typed into fields, free text or the comment go no further than here (RELIABILITY 19).
    const personalFields = (entry.form === undefined ? undefined : compiled.personalFields.get(entry.form)) ?? null;
    const sealed = sealFormData({ cipher: this.cipher, data: request.data, fields: personalFields });
    if (!sealed.ok) throw new UnprocessableError('Some fields need attention.', { fields: sealed.errors });
    const { data } = sealed;
    const comment = request.comment === undefined ? undefined : sealFreeText({ cipher: this.cipher, text: request.comment });
    const personalValues: SealedValue[] = comment === undefined ? sealed.values : [...sealed.values, ...comment.values];
    // One clock for the step and the log, so that replaying the log gives the same snapshot.
    const now = Date.now();
    const result = this.step({ compiled, record, type: request.type, data, actor, now });
    if (!result.changed) {
      throw new ConflictError(`"${request.type}" is not possible right now: its conditions are not met.`, {
        reason: 'guard',
        state: record.stateValue,
        allowedEvents: mayActorSend.map((event) => event.event),
      });
    }
    return this.write({
      compiled,
      record,
      result,
      actor,
      request: { ...request, data, ...(comment === undefined ? {} : { comment: comment.text }) },
      personalValues,
      idempotencyKey: input.idempotencyKey,
      now,
    });
  }

  private step(input: {
    compiled: CompiledVersion;
    record: InstanceRecord;
    type: string;
    data: Record<string, unknown>;
    actor: InstanceActor;
    now: number;
  }): StepResult {
    const event =
      input.actor.id === null
        ? { type: input.type, data: input.data }
        : { type: input.type, data: input.data, actor: { id: input.actor.id, roles: input.actor.roles } };
    return step(input.compiled.definition, input.record.snapshot, event, { now: input.now });
  }

  private async write(input: {
    compiled: CompiledVersion;
    record: InstanceRecord;
    result: StepResult;
    actor: InstanceActor;
    request: EventRequest;
    personalValues: SealedValue[];
    idempotencyKey: string | null;
    now: number;
  }): Promise<WriteAttempt> {
    const { compiled, record, result, actor, request, now } = input;
    const at = new Date(now).toISOString();
    const seq = record.version + 1;
    const data = result.snapshot.context.data;
    const plan = await this.planner.plan({
      compiled,
      result,
      open: record.tasks,
      instance: {
        id: record.id,
        companyId: record.companyId,
        estateId: record.estateId,
        buildingId: record.buildingId,
        requesterPersonId: record.requesterPersonId,
        data,
        slaClocks: record.slaClocks,
        parentInstanceId: record.parentInstanceId,
      },
      seq,
      now,
      completedById: actor.kind === 'staff' || actor.kind === 'api_token' ? actor.id : null,
    });
    const loggedData = actor.id === null ? { data: request.data } : { data: request.data, actor: { id: actor.id, roles: actor.roles } };
    // What the log records of this event: the reply's newest timeline entry and the written row.
    const logged = {
      type: request.type,
      data: loggedData,
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      comment: request.comment ?? null,
    };
    const event = { seq, ...logged, at };
    const view = renderInstance({
      compiled,
      instance: {
        ...record,
        requesterPhoneMasked: maskedPhoneOf(this.cipher, record.requesterPhoneCipher),
        version: seq,
        status: plan.status,
        snapshot: result.snapshot,
        stateValue: result.stateValue,
        data,
        createdAt: record.createdAt.toISOString(),
        updatedAt: at,
      },
      tasks: plan.openTasks,
      events: [...record.events, event].slice(-EVENT_REPLY_TIMELINE),
      actor,
      progress: this.progress.render({
        versionId: compiled.versionId,
        definition: compiled.definition,
        value: result.snapshot.value,
        context: { data, params: result.snapshot.context.params, instance: { reference: record.reference, title: record.title } },
      }),
      now,
    });
    const reply: StoredResponse = { status: 200, body: view };
    const outcome = await this.writer.applyEvent({
      companyId: record.companyId,
      instanceId: record.id,
      expectedVersion: record.version,
      write: {
        snapshot: result.snapshot,
        stateValue: result.stateValue,
        status: plan.status,
        data,
        at,
        event: {
          ...logged,
          idempotencyKey: input.idempotencyKey,
          response: input.idempotencyKey === null ? null : reply,
        },
        closedTasks: plan.closedTasks,
        reassignedTasks: plan.reassignedTasks,
        newTasks: plan.newTasks,
        cancelTimerIds: plan.cancelTimerIds,
        jobs: plan.jobs,
        personalValues: input.personalValues,
        slaClocks: plan.slaClocks,
      },
    });
    switch (outcome.kind) {
      case 'written':
        this.reader.written(record.id, event);
        return { kind: 'done', reply };
      case 'stale':
        return { kind: 'stale' };
      case 'duplicateKey':
        return { kind: 'duplicateKey' };
    }
  }

  private async checkedAllowedEvents(input: {
    compiled: CompiledVersion;
    record: InstanceRecord;
    actor: InstanceActor;
  }): Promise<ReturnType<typeof allowedEvents>> {
    try {
      const options = input.actor.id === null ? { roles: input.actor.roles } : { roles: input.actor.roles, actorId: input.actor.id };
      return allowedEvents(input.compiled.definition, input.record.snapshot, options);
    } catch (error) {
      if (error instanceof IncompatibleSnapshotError) {
        await this.incident(input.record, error.message);
        throw new ConflictError(
          'This request needs attention from an administrator (its stored state does not fit its workflow version).',
          { reason: 'incident' },
        );
      }
      throw error;
    }
  }

  private async compiledOrIncident(record: InstanceRecord): Promise<CompiledVersion> {
    try {
      return await this.versions.get(record.companyId, record.versionId);
    } catch (error) {
      if (error instanceof BrokenVersionError) {
        await this.incident(record, error.message);
        throw new ConflictError('This request needs attention from an administrator (its workflow version is damaged).', {
          reason: 'incident',
        });
      }
      throw error;
    }
  }

  private async incident(record: InstanceRecord, message: string): Promise<void> {
    this.logger.warn(`instance ${record.id} → incident: ${message}`);
    await this.writer.flagIncident({ companyId: record.companyId, instanceId: record.id, kind: 'incompatible_snapshot', message });
  }
}

type WriteAttempt = { kind: 'done'; reply: EventReply } | { kind: 'stale' } | { kind: 'duplicateKey' };
