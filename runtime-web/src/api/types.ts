// The shapes of docs/api.md that the web apps read. Kept by hand until the engine's OpenAPI
// document is generated; names follow the contract exactly.

export type Locale = 'zh-CN' | 'en';
export type LocalizedText = { 'zh-CN': string; en: string };

export type StaffRole = string;

export type CompanyRef = { id: string; code: string; name: string };

export type StaffMe = {
  kind: 'staff';
  id: string;
  name: string;
  email: string;
  locale?: string;
  company: CompanyRef;
  estates: { id: string; code: string; name: string; roles: StaffRole[] }[];
  companyRoles: StaffRole[];
};

export type OwnerUnit = { id: string; label: string; estateId: string; estateName: string; kind: 'owner' | 'tenant' };

export type PersonMe = {
  kind: 'person';
  id: string;
  name: string;
  phoneMasked: string;
  company: CompanyRef;
  units: OwnerUnit[];
};

export type Me = StaffMe | PersonMe;

export type FormSpec = { schema: JsonObject; uiSchema?: JsonObject };
/** A form behind an instance's data (its start form, its events' forms), for labelling what was filled. */
export type InstanceForm = FormSpec & { key: string };

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

export type PersonRef = { id: string; name: string; phoneMasked?: string };

export type TaskSummary = {
  id: string;
  instanceId: string;
  reference: string;
  title: string;
  workflowKey: string;
  workflowName?: LocalizedText | string | null;
  name: LocalizedText | string;
  state: string;
  stateLabel?: LocalizedText;
  status: string;
  /** role the task waits on, and the staff member (userId) or person once assigned */
  assignee?: { role?: string; userId?: string; name?: string; personId?: string } | null;
  respondDueAt?: string | null;
  completeDueAt?: string | null;
  overdue: boolean;
  createdAt: string;
};

export type AllowedEvent = { type: string; label: LocalizedText; form?: FormSpec | null };

export type TimelineEntry = {
  seq: number;
  type: string;
  label: LocalizedText | string;
  actor: { kind: string; name: string };
  at: string;
  comment?: string | null;
  data?: JsonObject | null;
};

export type InstanceStatus = 'active' | 'completed' | 'cancelled' | 'incident';

export type Instance = {
  id: string;
  reference: string;
  title: string;
  workflowKey: string;
  workflowName: LocalizedText | string | null;
  estateId: string;
  version: number;
  status: InstanceStatus;
  state: string;
  stateLabel: LocalizedText;
  progress: LocalizedText;
  data: JsonObject;
  unit?: { id: string; label: string } | null;
  requester?: PersonRef | null;
  tasks: TaskSummary[];
  allowedEvents: AllowedEvent[];
  /** Absent in replies stored before the engine sent it (an idempotent replay). */
  forms?: InstanceForm[];
  timeline: TimelineEntry[];
  createdAt: string;
  updatedAt: string;
};

export type InstanceSummary = Pick<
  Instance,
  'id' | 'reference' | 'title' | 'workflowKey' | 'estateId' | 'status' | 'state' | 'createdAt' | 'updatedAt'
> & {
  workflowName?: LocalizedText | string | null;
  stateLabel?: LocalizedText;
  progress?: LocalizedText;
  unit?: { id: string; label: string } | null;
  requester?: PersonRef | null;
  version?: number;
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type TaskScope = 'mine' | 'team' | 'all';
export type TaskPage = Page<TaskSummary> & { counts: Record<TaskScope, number> };

export type StartableWorkflow = { key: string; name: LocalizedText | string; version: number; startForm: FormSpec | null };

export type Attachment = { id: string; fileName: string; contentType: string; size: number; url: string };

export type NotificationItem = {
  id: string;
  title: string;
  body?: string;
  createdAt: string;
  readAt?: string | null;
  read?: boolean;
  instanceId?: string | null;
};

export type NotificationPage = { items: NotificationItem[]; unread: number };

export type PersonSearchResult = {
  id: string;
  name: string;
  phoneMasked?: string;
  idNumberMasked?: string | null;
  units?: { id: string; label: string; estateId?: string; kind?: string }[];
};

/** A start form the workflow may lack: an empty form then. */
export const emptyForm: FormSpec = { schema: { type: 'object', properties: {} }, uiSchema: {} };

export type StaffOption = { id: string; name: string; roles?: string[] };
export type UnitOption = { id: string; label: string };
