// The shapes of docs/api.md that the web apps read. Kept by hand until the engine's OpenAPI
// document is generated; names follow the contract exactly.

export type Locale = 'zh-CN' | 'en';
/** A server label; English may be missing (the model's LocalizedText). */
export type LocalizedText = { 'zh-CN': string; en?: string };

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

/**
 * GET /api/reports/summary: the requests created in a period (each estate's own calendar dates),
 * what became of them, and the twelve months ending with the period's last month. Averages and
 * rates are null when nothing was measured.
 */
export type ReportSummary = {
  /** Inclusive local dates, YYYY-MM-DD. */
  period: { from: string; to: string };
  workflowKey: string | null;
  estates: { id: string; name: string; satisfactionTarget: number }[];
  /** The average rating the estates aim for; null when they aim for different ones. */
  satisfactionTarget: number | null;
  totals: ReportFigures;
  byWorkflow: (ReportFigures & { workflowKey: string; name: LocalizedText })[];
  byEstate: (ReportFigures & { estateId: string; name: string; satisfactionTarget: number })[];
  /** Twelve months (YYYY-MM), oldest first. */
  trend: { month: string; created: number; completed: number }[];
  /** At most 20, most first. */
  repeatFaults: RepeatFault[];
  /** The most requests one CSV export holds; a longer period is refused. */
  exportLimit: number;
};

export type ReportFigures = {
  created: number;
  completed: number;
  cancelled: number;
  /** Still active, or stopped by an incident. */
  open: number;
  averageResponseMinutes: number | null;
  averageCompletionHours: number | null;
  tasksWithSla: number;
  slaBreached: number;
  /** 0–1 */
  onTimeRate: number | null;
  rated: number;
  averageRating: number | null;
  /** Share of the rated ones with 4 or 5 stars, 0–1. */
  satisfiedShare: number | null;
};

/** A unit with two or more requests of one workflow and category in the period. */
export type RepeatFault = {
  estateId: string;
  unitId: string;
  unitLabel: string;
  workflowKey: string;
  category: string | null;
  categoryLabel: LocalizedText | null;
  count: number;
  /** The newest ten of them, newest first. */
  requests: { id: string; reference: string }[];
};
