import type { InstanceStatus, PrincipalKind, StaffRole, TaskStatus } from '../generated/prisma/enums';

/** One InstanceEvent as the timeline and replay read it. */
export interface EventRecord {
  seq: number;
  type: string;
  data: Record<string, unknown>;
  actorKind: PrincipalKind;
  actorId: string | null;
  actorName: string | null;
  comment: string | null;
  /** ISO time. */
  at: string;
}

/** One open or claimed Task row of an instance. */
export interface TaskRecord {
  id: string;
  stateKey: string;
  name: { 'zh-CN': string; en?: string };
  formKey: string | null;
  assigneeRole: StaffRole | null;
  assigneeUserId: string | null;
  assigneeUserName: string | null;
  assigneePersonId: string | null;
  status: TaskStatus;
  respondDueAt: string | null;
  completeDueAt: string | null;
  createdAt: string;
}

/** What one read of an instance returns: the row, its log, its open tasks, and a stored reply. */
export interface InstanceRecord {
  id: string;
  companyId: string;
  estateId: string;
  versionId: string;
  workflowKey: string;
  reference: string;
  title: string;
  status: InstanceStatus;
  snapshot: unknown;
  stateValue: string;
  data: Record<string, unknown>;
  /** Instance.slaClocks: SLA time kept across a pause state (sla-clocks.ts). */
  slaClocks: unknown;
  version: number;
  unitId: string | null;
  unitLabel: string | null;
  buildingId: string | null;
  requesterPersonId: string | null;
  requesterName: string | null;
  /** The requester's phone, encrypted (privacy/); replies show it masked. */
  requesterPhoneCipher: string | null;
  /** The instance that started this one as a child workflow (told when this one ends). */
  parentInstanceId: string | null;
  createdAt: Date;
  updatedAt: Date;
  events: EventRecord[];
  tasks: TaskRecord[];
  /** The response stored for the caller's idempotency key, when that key was used before. */
  storedResponse: StoredResponse | null;
}

/** A first response kept for an idempotency key, returned as is to every retry. */
export interface StoredResponse {
  status: number;
  body: unknown;
}
