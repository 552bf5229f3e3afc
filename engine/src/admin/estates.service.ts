import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { AuditService, auditActorOf } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { type BusinessCalendar, CalendarError, parseBusinessCalendar } from '../calendar/business-calendar';
import { EstateCalendarCache } from '../calendar/estate-calendar.cache';
import { ConflictError, UnprocessableError } from '../common/errors';
import type { EstateKind } from '../generated/prisma/enums';
import type { BuildingView, EstateChanges, EstateView, Page, UnitView } from './admin.types';
import { EstatesRepository } from './estates.repository';
import { isStillReferenced, isUniqueViolation } from './prisma-errors';
import { unitLabel } from './unit-label';
import { MAX_GENERATED_UNITS, planUnits, type UnitPattern } from './unit-pattern';

export interface EstateInput {
  code: string;
  name: string;
  kind?: EstateKind;
  address?: string | null;
  timezone?: string;
}

function validTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Estates, their buildings and units, and each estate's business calendar. Company admins
 * create and delete estates; estate managers look after the estates they manage.
 */
@Injectable()
export class EstatesService {
  constructor(
    private readonly repository: EstatesRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly calendars: EstateCalendarCache,
  ) {}

  /** The estate if the principal may see it at all (404 otherwise), then the action checked in it. */
  async estateFor(principal: Principal, input: { estateId: string; action: Parameters<AccessService['require']>[1] }): Promise<EstateView> {
    const estate = await this.repository.findEstate({ companyId: principal.companyId, id: input.estateId });
    if (!estate) throw this.access.hidden({ principal, action: input.action, what: 'The estate', id: input.estateId });
    this.access.require(principal, input.action, { estateId: estate.id, what: 'The estate' });
    return estate;
  }

  async list(principal: Principal): Promise<EstateView[]> {
    this.access.require(principal, 'estate.read');
    return this.repository.listEstates({ companyId: principal.companyId, ids: this.access.estatesWith(principal, 'estate.read') });
  }

  get(principal: Principal, estateId: string): Promise<EstateView> {
    return this.estateFor(principal, { estateId, action: 'estate.read' });
  }

  async create(principal: Principal, input: EstateInput): Promise<EstateView> {
    this.access.require(principal, 'estate.manage');
    const timezone = input.timezone ?? 'Asia/Shanghai';
    if (!validTimezone(timezone)) throw new UnprocessableError(`"${timezone}" is not a time zone (e.g. Asia/Shanghai).`);
    try {
      const estate = await this.repository.createEstate({
        companyId: principal.companyId,
        code: input.code,
        name: input.name,
        kind: input.kind ?? 'residential',
        address: input.address ?? null,
        timezone,
      });
      await this.audit.record({
        actor: auditActorOf(principal),
        action: 'estate.create',
        target: { type: 'estate', id: estate.id },
        estateId: estate.id,
        detail: { code: estate.code },
      });
      return estate;
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`An estate with the code "${input.code}" exists already.`);
      throw error;
    }
  }

  async update(principal: Principal, input: { estateId: string; changes: EstateChanges }): Promise<EstateView> {
    await this.estateFor(principal, { estateId: input.estateId, action: 'calendar.write' });
    if (input.changes.timezone !== undefined && !validTimezone(input.changes.timezone))
      throw new UnprocessableError(`"${input.changes.timezone}" is not a time zone (e.g. Asia/Shanghai).`);
    const target = input.changes.satisfactionTarget;
    if (target !== undefined && Math.abs(target * 10 - Math.round(target * 10)) > 1e-9)
      throw new UnprocessableError(`The satisfaction target ${target} has more than one decimal; write it like 4.2.`);
    const updated = await this.repository.updateEstate({ companyId: principal.companyId, id: input.estateId, changes: input.changes });
    if (!updated) throw this.access.hidden({ principal, action: 'calendar.write', what: 'The estate', id: input.estateId });
    // The time zone decides SLA deadlines: this process uses the new one at once (others within ESTATE_CALENDAR_TTL_MS).
    if (input.changes.timezone !== undefined) this.calendars.forget(input.estateId);
    return updated;
  }

  async remove(principal: Principal, estateId: string): Promise<void> {
    await this.estateFor(principal, { estateId, action: 'estate.read' });
    this.access.require(principal, 'estate.manage');
    try {
      await this.repository.deleteEstate({ companyId: principal.companyId, id: estateId });
    } catch (error) {
      if (isStillReferenced(error))
        throw new ConflictError('This estate still has buildings, units, workflows or requests; remove those first.');
      throw error;
    }
    await this.audit.record({ actor: auditActorOf(principal), action: 'estate.delete', target: { type: 'estate', id: estateId } });
  }

  async calendar(principal: Principal, estateId: string): Promise<BusinessCalendar> {
    const estate = await this.estateFor(principal, { estateId, action: 'estate.read' });
    return parseBusinessCalendar(estate.calendar);
  }

  /** Stores the calendar in the shape engine/src/calendar reads, after that module accepted it. */
  async setCalendar(principal: Principal, input: { estateId: string; calendar: BusinessCalendar }): Promise<BusinessCalendar> {
    await this.estateFor(principal, { estateId: input.estateId, action: 'calendar.write' });
    let parsed: BusinessCalendar;
    try {
      parsed = parseBusinessCalendar(input.calendar);
    } catch (error) {
      if (error instanceof CalendarError) throw new UnprocessableError(error.message);
      throw error;
    }
    const stored = {
      weekdays: [...new Set(parsed.weekdays)].sort(),
      hours: parsed.hours,
      holidays: [...new Set(parsed.holidays)].sort(),
      workdays: [...new Set(parsed.workdays)].sort(),
    };
    await this.repository.updateEstate({ companyId: principal.companyId, id: input.estateId, changes: { calendar: stored } });
    // This process computes the next deadline with the new calendar (others within ESTATE_CALENDAR_TTL_MS).
    this.calendars.forget(input.estateId);
    await this.audit.record({
      actor: auditActorOf(principal),
      action: 'estate.calendar',
      target: { type: 'estate', id: input.estateId },
      estateId: input.estateId,
      detail: { holidays: stored.holidays.length, workdays: stored.workdays.length },
    });
    return stored;
  }

  async buildings(principal: Principal, estateId: string): Promise<BuildingView[]> {
    await this.estateFor(principal, { estateId, action: 'unit.read' });
    return this.repository.listBuildings({ companyId: principal.companyId, estateId });
  }

  async createBuilding(principal: Principal, input: { estateId: string; name: string; floors?: number | null }): Promise<BuildingView> {
    await this.estateFor(principal, { estateId: input.estateId, action: 'unit.write' });
    try {
      return await this.repository.createBuilding({
        companyId: principal.companyId,
        estateId: input.estateId,
        name: input.name,
        floors: input.floors ?? null,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`This estate has a building called "${input.name}" already.`);
      throw error;
    }
  }

  /** The building if the principal may see its estate (404 otherwise), with the action checked there. */
  private async buildingFor(
    principal: Principal,
    input: { buildingId: string; action: 'unit.read' | 'unit.write' },
  ): Promise<BuildingView> {
    const building = await this.repository.findBuilding({ companyId: principal.companyId, id: input.buildingId });
    if (!building) throw this.access.hidden({ principal, action: input.action, what: 'The building', id: input.buildingId });
    this.access.require(principal, input.action, { estateId: building.estateId, what: 'The building' });
    return building;
  }

  async updateBuilding(
    principal: Principal,
    input: { buildingId: string; changes: { name?: string; floors?: number | null } },
  ): Promise<BuildingView> {
    await this.buildingFor(principal, { buildingId: input.buildingId, action: 'unit.write' });
    try {
      await this.repository.updateBuilding({ companyId: principal.companyId, id: input.buildingId, changes: input.changes });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`This estate has a building called "${input.changes.name ?? ''}" already.`);
      throw error;
    }
    return this.buildingFor(principal, { buildingId: input.buildingId, action: 'unit.write' });
  }

  async deleteBuilding(principal: Principal, buildingId: string): Promise<void> {
    await this.buildingFor(principal, { buildingId, action: 'unit.write' });
    try {
      await this.repository.deleteBuilding({ companyId: principal.companyId, id: buildingId });
    } catch (error) {
      if (isStillReferenced(error)) throw new ConflictError('This building still has units; delete them first.');
      throw error;
    }
  }

  /** Creates the units a pattern describes; existing ones (same entrance and room) are kept. `dryRun` only plans. */
  async generateUnits(
    principal: Principal,
    input: { buildingId: string; pattern: UnitPattern; floorArea?: number | null; dryRun?: boolean },
  ): Promise<{ planned: number; created: number; existing: number; sample: string[] }> {
    const building = await this.buildingFor(principal, { buildingId: input.buildingId, action: 'unit.write' });
    if (input.pattern.floors.from > input.pattern.floors.to) throw new UnprocessableError('floors.from must not be above floors.to.');
    const units = planUnits({ buildingName: building.name, pattern: input.pattern });
    if (units.length === 0) throw new UnprocessableError('This pattern describes no units.');
    if (units.length > MAX_GENERATED_UNITS)
      throw new UnprocessableError(`This pattern describes ${units.length} units; at most ${MAX_GENERATED_UNITS} at a time.`);
    const sample = units.slice(0, 5).map((unit) => unit.label);
    if (input.dryRun === true) return { planned: units.length, created: 0, existing: 0, sample };
    const created = await this.repository.createUnits({
      companyId: principal.companyId,
      building,
      units,
      floorArea: input.floorArea ?? null,
    });
    await this.audit.record({
      actor: auditActorOf(principal),
      action: 'unit.generate',
      target: { type: 'building', id: building.id },
      estateId: building.estateId,
      detail: { planned: units.length, created },
    });
    return { planned: units.length, created, existing: units.length - created, sample };
  }

  async units(
    principal: Principal,
    input: { estateId: string; buildingId?: string; q?: string; page: number; pageSize: number },
  ): Promise<Page<UnitView>> {
    await this.estateFor(principal, { estateId: input.estateId, action: 'unit.read' });
    const { items, total } = await this.repository.listUnits({ companyId: principal.companyId, ...input });
    return { items, total, page: input.page, pageSize: input.pageSize };
  }

  async createUnit(
    principal: Principal,
    input: { buildingId: string; entrance: number; floor: number; room: string; floorArea?: number | null },
  ): Promise<UnitView> {
    const building = await this.buildingFor(principal, { buildingId: input.buildingId, action: 'unit.write' });
    try {
      return await this.repository.createUnit({
        companyId: principal.companyId,
        building,
        unit: {
          entrance: input.entrance,
          floor: input.floor,
          room: input.room,
          label: unitLabel({ buildingName: building.name, entrance: input.entrance, room: input.room }),
        },
        floorArea: input.floorArea ?? null,
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(
          `${unitLabel({ buildingName: building.name, entrance: input.entrance, room: input.room })} exists already.`,
        );
      throw error;
    }
  }

  /** The unit if the principal may see its estate (404 otherwise), with the action checked there. */
  async unitFor(principal: Principal, input: { unitId: string; action: 'unit.read' | 'unit.write' }): Promise<UnitView> {
    const unit = await this.repository.findUnit({ companyId: principal.companyId, id: input.unitId });
    if (!unit) throw this.access.hidden({ principal, action: input.action, what: 'The unit', id: input.unitId });
    this.access.require(principal, input.action, { estateId: unit.estateId, what: 'The unit' });
    return unit;
  }

  async updateUnit(principal: Principal, input: { unitId: string; floorArea: number | null }): Promise<UnitView> {
    await this.unitFor(principal, { unitId: input.unitId, action: 'unit.write' });
    await this.repository.updateUnit({ companyId: principal.companyId, id: input.unitId, floorArea: input.floorArea });
    return this.unitFor(principal, { unitId: input.unitId, action: 'unit.write' });
  }

  async deleteUnit(principal: Principal, unitId: string): Promise<void> {
    await this.unitFor(principal, { unitId, action: 'unit.write' });
    try {
      await this.repository.deleteUnit({ companyId: principal.companyId, id: unitId });
    } catch (error) {
      if (isStillReferenced(error)) throw new ConflictError('People still live in this unit (or did); end their residencies first.');
      throw error;
    }
  }
}
