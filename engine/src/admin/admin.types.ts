import type { BusinessCalendar } from '../calendar/business-calendar';
import type { EstateKind, ResidencyKind, StaffRole } from '../generated/prisma/enums';

/** What the administration API answers (docs/api.md, "Administration"). */
export interface EstateView {
  id: string;
  code: string;
  name: string;
  kind: EstateKind;
  address: string | null;
  timezone: string;
  calendar: BusinessCalendar | Record<string, never>;
  /** The average rating (1–5) its reports measure service against. */
  satisfactionTarget: number;
  buildingCount: number;
  unitCount: number;
  createdAt: string;
}

/** What PATCH /api/admin/estates/{id} may change. */
export interface EstateChanges {
  name?: string;
  kind?: EstateKind;
  address?: string | null;
  timezone?: string;
  satisfactionTarget?: number;
}

export interface BuildingView {
  id: string;
  estateId: string;
  name: string;
  floors: number | null;
  unitCount: number;
}

export interface UnitView {
  id: string;
  estateId: string;
  buildingId: string;
  buildingName: string;
  entrance: number;
  floor: number;
  room: string;
  label: string;
  floorArea: number | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RoleView {
  estateId: string | null;
  role: StaffRole;
}

export interface StaffView {
  id: string;
  email: string;
  name: string;
  active: boolean;
  locale: string;
  phoneMasked: string | null;
  roles: RoleView[];
  createdAt: string;
}

export interface ResidencyView {
  id: string;
  unitId: string;
  unitLabel: string;
  estateId: string;
  kind: ResidencyKind;
  moveInAt: string | null;
  endedAt: string | null;
}

export interface PersonView {
  id: string;
  name: string;
  phoneMasked: string;
  idNumberMasked: string | null;
  leftAt: string | null;
  residencies: ResidencyView[];
}
