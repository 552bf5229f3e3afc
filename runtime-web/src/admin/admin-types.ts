/** The administration API's answers (docs/api.md, "Administration"), as the staff app reads them. */
export type StaffRoleName =
  | 'company_admin'
  | 'estate_manager'
  | 'front_desk'
  | 'engineering_supervisor'
  | 'technician'
  | 'security'
  | 'cleaning'
  | 'finance'
  | 'consultant';

export const STAFF_ROLES: { value: StaffRoleName; zh: string; en: string }[] = [
  { value: 'company_admin', zh: '集团管理员', en: 'Company admin' },
  { value: 'estate_manager', zh: '项目经理', en: 'Estate manager' },
  { value: 'front_desk', zh: '客服/前台', en: 'Front desk' },
  { value: 'engineering_supervisor', zh: '工程主管', en: 'Engineering supervisor' },
  { value: 'technician', zh: '维修工', en: 'Technician' },
  { value: 'security', zh: '秩序/安保', en: 'Security' },
  { value: 'cleaning', zh: '保洁', en: 'Cleaning' },
  { value: 'finance', zh: '财务', en: 'Finance' },
  { value: 'consultant', zh: '实施顾问', en: 'Consultant' },
];

export type BusinessCalendar = { weekdays: number[]; hours: { from: string; to: string }[]; holidays: string[]; workdays: string[] };

export type Estate = {
  id: string;
  code: string;
  name: string;
  kind: string;
  address: string | null;
  timezone: string;
  /** The average rating (1–5) its reports measure service against. */
  satisfactionTarget: number;
  buildingCount: number;
  unitCount: number;
};
export type Building = { id: string; estateId: string; name: string; floors: number | null; unitCount: number };
export type Unit = {
  id: string;
  buildingId: string;
  buildingName: string;
  entrance: number;
  floor: number;
  room: string;
  label: string;
  floorArea: number | null;
};
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type Role = { estateId: string | null; role: StaffRoleName };
export type Staff = { id: string; email: string; name: string; active: boolean; locale: string; phoneMasked: string | null; roles: Role[] };
export type Residency = {
  id: string;
  unitId: string;
  unitLabel: string;
  estateId: string;
  kind: 'owner' | 'tenant';
  endedAt: string | null;
};
export type Person = {
  id: string;
  name: string;
  phoneMasked: string;
  idNumberMasked: string | null;
  leftAt: string | null;
  residencies: Residency[];
};
export type AuditEntry = {
  id: string;
  at: string;
  action: string;
  actor: { kind: string; id: string | null; name: string | null };
  estateId: string | null;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
  ip: string | null;
};

export const IMPORT_FIELDS = ['building', 'entrance', 'room', 'name', 'phone', 'idNumber', 'kind', 'floorArea', 'moveInAt'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ImportView = {
  id: string;
  fileName: string;
  status: 'uploaded' | 'validating' | 'ready' | 'invalid' | 'committing' | 'committed' | 'failed';
  headers: string[];
  sample: string[][];
  mapping: Partial<Record<ImportField, number>>;
  options: { onDuplicate: 'merge' | 'skip'; decisions: Record<string, 'merge' | 'skip'> };
  notes: { code: string; message: string; cells?: string[] }[];
  totalRows: number;
  progress: number;
  preview: {
    summary: {
      rows: number;
      buildingsCreated: number;
      unitsCreated: number;
      peopleCreated: number;
      peopleMatched: number;
      residenciesAdded: number;
      skipped: number;
      duplicates: number;
      errors: number;
    } | null;
    duplicates: { line: number; kind: string; matchesLine: number | null; choice: 'merge' | 'skip' }[];
    mappingProblems: string[];
    errorCount: number;
  };
  errors: { line: number; field: string | null; value: string; message: string }[];
  failure: string | null;
};
