import { allowedEvents, listTransitions, stateLabel, type LocalizedText, type WorkflowDefinition } from '@estateflow/model';
import type { CompiledVersion } from '../definitions/compiled-version.cache';
import { maskFormTokens } from '../privacy/form-personal-data';
import type { InstanceStatus, PrincipalKind, StaffRole, TaskStatus } from '../generated/prisma/enums';
import type { InstanceActor } from './instance-actor';
import { readLoggedEventData } from './event-log-entry';
import type { EventRecord } from './instance-record';
import { SYSTEM_ONLY_EVENTS } from './system-events';

export type Localized = { 'zh-CN': string; en: string };

export interface TaskSummary {
  id: string;
  instanceId: string;
  reference: string;
  title: string;
  workflowKey: string;
  name: LocalizedText;
  state: string;
  /** The inbox and the task actions: the label of `state` and the workflow's name, from the instance's version. */
  stateLabel?: Localized;
  workflowName?: LocalizedText;
  status: TaskStatus;
  assignee?: { role?: StaffRole; userId?: string; name?: string; personId?: string };
  respondDueAt?: string;
  completeDueAt?: string;
  overdue: boolean;
  createdAt: string;
}

export interface InstanceView {
  id: string;
  reference: string;
  title: string;
  workflowKey: string;
  workflowName: LocalizedText;
  estateId: string;
  version: number;
  status: InstanceStatus;
  state: string;
  stateLabel: Localized;
  progress: Localized;
  data: Record<string, unknown>;
  unit?: { id: string; label: string };
  requester?: { id: string; name: string; phoneMasked?: string };
  tasks: TaskSummary[];
  allowedEvents: { type: string; label: Localized; form?: { schema: unknown; uiSchema: unknown } }[];
  /**
   * The forms that filled `data`, so pages can show field titles and option labels instead of raw
   * keys: the start form and the event forms that filled some of its fields (plus those of `allowedEvents`).
   * Only forms whose data the caller can already read — never another role's unused forms.
   */
  forms: { key: string; schema: unknown; uiSchema: unknown }[];
  timeline: {
    seq: number;
    type: string;
    label: Localized;
    actor: { kind: PrincipalKind; name: string };
    at: string;
    comment?: string;
    data?: Record<string, unknown>;
  }[];
  createdAt: string;
  updatedAt: string;
}

/** A task row as the views need it (the reader's TaskRecord or a row just planned). */
export interface TaskLike {
  id: string;
  stateKey: string;
  name: LocalizedText;
  status: TaskStatus;
  assigneeRole: StaffRole | null;
  assigneeUserId: string | null;
  assigneeUserName: string | null;
  assigneePersonId: string | null;
  respondDueAt: string | null;
  completeDueAt: string | null;
  createdAt: string;
}

function localized(text: LocalizedText | undefined, fallback: string): Localized {
  if (text === undefined) return { 'zh-CN': fallback, en: fallback };
  return { 'zh-CN': text['zh-CN'], en: text.en ?? text['zh-CN'] };
}

const eventLabels = new WeakMap<WorkflowDefinition, Map<string, LocalizedText>>();

/** The label of an event type: the first transition that names it, computed once per definition. */
function eventLabel(definition: WorkflowDefinition, type: string): Localized {
  if (type === 'start') return { 'zh-CN': '提交', en: 'Submitted' };
  if (type.startsWith('xstate.after.')) return { 'zh-CN': '超时', en: 'Time limit reached' };
  let labels = eventLabels.get(definition);
  if (labels === undefined) {
    labels = new Map();
    for (const info of listTransitions(definition)) {
      const label = info.transition.meta?.label;
      if (info.trigger.kind === 'event' && label !== undefined && !labels.has(info.trigger.event)) labels.set(info.trigger.event, label);
    }
    eventLabels.set(definition, labels);
  }
  return localized(labels.get(type), type);
}

const eventForms = new WeakMap<WorkflowDefinition, Map<string, string[]>>();

/** Event type → the form keys its transitions ask for, computed once per definition. */
function eventFormMap(definition: WorkflowDefinition): Map<string, string[]> {
  let forms = eventForms.get(definition);
  if (forms === undefined) {
    forms = new Map();
    for (const info of listTransitions(definition)) {
      const form = info.transition.meta?.form;
      if (info.trigger.kind !== 'event' || form === undefined) continue;
      const known = forms.get(info.trigger.event) ?? [];
      if (!known.includes(form)) forms.set(info.trigger.event, [...known, form]);
    }
    eventForms.set(definition, forms);
  }
  return forms;
}

function formFields(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null || !('properties' in schema)) return [];
  const properties: unknown = schema.properties;
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

/**
 * The forms behind the instance's data (see InstanceView.forms), start form first: event forms
 * that filled some field of `data`, and those of the caller's allowed events. Judged by the data,
 * not the timeline, so an event's reply (newest 10 entries) and the page agree.
 */
function dataForms(
  definition: WorkflowDefinition,
  input: { data: Record<string, unknown>; allowedEventTypes: readonly string[] },
): InstanceView['forms'] {
  const byEvent = eventFormMap(definition);
  const keys = new Set<string>();
  if (definition.startForm !== undefined) keys.add(definition.startForm);
  for (const formKeys of byEvent.values())
    for (const key of formKeys) {
      const form = Object.hasOwn(definition.forms, key) ? definition.forms[key] : undefined;
      if (form !== undefined && formFields(form.schema).some((field) => Object.hasOwn(input.data, field))) keys.add(key);
    }
  for (const type of input.allowedEventTypes) for (const key of byEvent.get(type) ?? []) keys.add(key);
  const forms: InstanceView['forms'] = [];
  for (const key of keys) {
    const form = Object.hasOwn(definition.forms, key) ? definition.forms[key] : undefined;
    if (form !== undefined) forms.push({ key, schema: form.schema, uiSchema: form.uiSchema ?? {} });
  }
  return forms;
}

/** Past the completion deadline, or past the response deadline while still unclaimed (as the inbox's overdue filter). */
function isOverdue(task: TaskLike, now: number): boolean {
  const past = (due: string | null) => due !== null && Date.parse(due) < now;
  if (task.status === 'open') return past(task.completeDueAt) || past(task.respondDueAt);
  return task.status === 'claimed' && past(task.completeDueAt);
}

export function taskSummary(
  task: TaskLike,
  instance: { id: string; reference: string; title: string; workflowKey: string },
  now: number,
): TaskSummary {
  const summary: TaskSummary = {
    id: task.id,
    instanceId: instance.id,
    reference: instance.reference,
    title: instance.title,
    workflowKey: instance.workflowKey,
    name: task.name,
    state: task.stateKey,
    status: task.status,
    overdue: isOverdue(task, now),
    createdAt: new Date(task.createdAt).toISOString(),
  };
  const assignee: NonNullable<TaskSummary['assignee']> = {};
  if (task.assigneeRole !== null) assignee.role = task.assigneeRole;
  if (task.assigneeUserId !== null) assignee.userId = task.assigneeUserId;
  if (task.assigneeUserName !== null) assignee.name = task.assigneeUserName;
  if (task.assigneePersonId !== null) assignee.personId = task.assigneePersonId;
  if (Object.keys(assignee).length > 0) summary.assignee = assignee;
  if (task.respondDueAt !== null) summary.respondDueAt = new Date(task.respondDueAt).toISOString();
  if (task.completeDueAt !== null) summary.completeDueAt = new Date(task.completeDueAt).toISOString();
  return summary;
}

export interface ViewInput {
  compiled: CompiledVersion;
  instance: {
    id: string;
    reference: string;
    title: string;
    workflowKey: string;
    estateId: string;
    version: number;
    status: InstanceStatus;
    snapshot: unknown;
    stateValue: string;
    data: Record<string, unknown>;
    unitId: string | null;
    unitLabel: string | null;
    requesterPersonId: string | null;
    requesterName: string | null;
    requesterPhoneMasked: string | null;
    createdAt: string;
    updatedAt: string;
  };
  tasks: TaskLike[];
  events: EventRecord[];
  actor: InstanceActor;
  progress: Localized;
  now: number;
  /** For an incident, whose snapshot cannot be read: the label of the stored state value. */
  labelOverride?: Localized;
}

/** The Instance of docs/api.md, for one caller (allowedEvents are theirs). */
export function renderInstance(input: ViewInput): InstanceView {
  const { compiled, instance, actor } = input;
  const definition = compiled.definition;
  const events =
    instance.status === 'active'
      ? allowedEvents(definition, instance.snapshot, actor.id === null ? { roles: actor.roles } : { roles: actor.roles, actorId: actor.id })
      : [];
  const view: InstanceView = {
    id: instance.id,
    reference: instance.reference,
    title: instance.title,
    workflowKey: instance.workflowKey,
    workflowName: definition.name,
    estateId: instance.estateId,
    version: instance.version,
    status: instance.status,
    state: instance.stateValue,
    stateLabel: input.labelOverride ?? localized(stateLabel(definition, instance.snapshot), instance.stateValue),
    progress: input.progress,
    // Phone and ID numbers typed into forms are tokens in the data; a reply shows them masked.
    data: maskFormTokens(instance.data),
    tasks: input.tasks.map((task) => taskSummary(task, instance, input.now)),
    allowedEvents: events
      .filter((event) => !SYSTEM_ONLY_EVENTS.has(event.event))
      .map((event) => {
        const entry: InstanceView['allowedEvents'][number] = { type: event.event, label: localized(event.label, event.event) };
        const form =
          event.form === undefined ? undefined : Object.hasOwn(definition.forms, event.form) ? definition.forms[event.form] : undefined;
        if (form !== undefined) entry.form = { schema: form.schema, uiSchema: form.uiSchema ?? {} };
        return entry;
      }),
    forms: dataForms(definition, {
      data: instance.data,
      allowedEventTypes: events.filter((event) => !SYSTEM_ONLY_EVENTS.has(event.event)).map((event) => event.event),
    }),
    timeline: input.events.map((event) => {
      const entry: InstanceView['timeline'][number] = {
        seq: event.seq,
        type: event.type,
        label: eventLabel(definition, event.type),
        actor: { kind: event.actorKind, name: event.actorName ?? (event.actorKind === 'system' ? '系统' : '') },
        at: new Date(event.at).toISOString(),
      };
      if (event.comment !== null) entry.comment = maskFormTokens(event.comment);
      const logged = readLoggedEventData(event.data);
      if (Object.keys(logged.data).length > 0) entry.data = maskFormTokens(logged.data);
      return entry;
    }),
    createdAt: instance.createdAt,
    updatedAt: instance.updatedAt,
  };
  if (instance.unitId !== null) view.unit = { id: instance.unitId, label: instance.unitLabel ?? '' };
  if (instance.requesterPersonId !== null) {
    view.requester = { id: instance.requesterPersonId, name: instance.requesterName ?? '' };
    if (instance.requesterPhoneMasked !== null) view.requester.phoneMasked = instance.requesterPhoneMasked;
  }
  return view;
}
