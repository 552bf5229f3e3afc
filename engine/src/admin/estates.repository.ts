import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database.service';
import type { EstateKind } from '../generated/prisma/enums';
import type { BuildingView, EstateChanges, EstateView, UnitView } from './admin.types';
import type { PlannedUnit } from './unit-pattern';
import { unitLabel } from './unit-label';

interface EstateRow {
  id: string;
  code: string;
  name: string;
  kind: EstateKind;
  address: string | null;
  timezone: string;
  calendar: unknown;
  satisfactionTarget: number;
  createdAt: Date;
  _count: { buildings: number; units: number };
}

function isRecord(value: unknown): value is Record<string, never> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toEstate(row: EstateRow, calendar: (raw: unknown) => EstateView['calendar']): EstateView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    address: row.address,
    timezone: row.timezone,
    calendar: calendar(row.calendar),
    satisfactionTarget: row.satisfactionTarget,
    buildingCount: row._count.buildings,
    unitCount: row._count.units,
    createdAt: row.createdAt.toISOString(),
  };
}

const ESTATE_SELECT = {
  id: true,
  code: true,
  name: true,
  kind: true,
  address: true,
  timezone: true,
  calendar: true,
  satisfactionTarget: true,
  createdAt: true,
  _count: { select: { buildings: true, units: true } },
} as const;

const UNIT_SELECT = {
  id: true,
  estateId: true,
  buildingId: true,
  entrance: true,
  floor: true,
  room: true,
  label: true,
  floorArea: true,
  building: { select: { name: true } },
} as const;

type UnitRow = {
  id: string;
  estateId: string;
  buildingId: string;
  entrance: number;
  floor: number;
  room: string;
  label: string;
  floorArea: { toNumber(): number } | null;
  building: { name: string };
};

function toUnit(row: UnitRow): UnitView {
  return {
    id: row.id,
    estateId: row.estateId,
    buildingId: row.buildingId,
    buildingName: row.building.name,
    entrance: row.entrance,
    floor: row.floor,
    room: row.room,
    label: row.label,
    floorArea: row.floorArea === null ? null : row.floorArea.toNumber(),
  };
}

/** Estates, buildings and units, always inside one tenant transaction (row-level security on). */
@Injectable()
export class EstatesRepository {
  constructor(private readonly database: TenantDatabase) {}

  /** Passes the raw calendar through as stored (the service parses it for display). */
  private static calendar(raw: unknown): EstateView['calendar'] {
    return isRecord(raw) ? raw : {};
  }

  listEstates(input: { companyId: string; ids: string[] | null }): Promise<EstateView[]> {
    return this.database.transaction(input.companyId, async (tx) => {
      const rows = await tx.estate.findMany({
        where: { companyId: input.companyId, ...(input.ids === null ? {} : { id: { in: input.ids } }) },
        select: ESTATE_SELECT,
        orderBy: [{ createdAt: 'asc' }, { code: 'asc' }],
      });
      return rows.map((row) => toEstate(row, EstatesRepository.calendar));
    });
  }

  findEstate(input: { companyId: string; id: string }): Promise<EstateView | null> {
    return this.database.transaction(input.companyId, async (tx) => {
      const row = await tx.estate.findFirst({ where: { id: input.id, companyId: input.companyId }, select: ESTATE_SELECT });
      return row === null ? null : toEstate(row, EstatesRepository.calendar);
    });
  }

  createEstate(input: {
    companyId: string;
    code: string;
    name: string;
    kind: EstateKind;
    address: string | null;
    timezone: string;
  }): Promise<EstateView> {
    return this.database.transaction(input.companyId, async (tx) => {
      const row = await tx.estate.create({ data: input, select: ESTATE_SELECT });
      return toEstate(row, EstatesRepository.calendar);
    });
  }

  updateEstate(input: { companyId: string; id: string; changes: EstateChanges & { calendar?: object } }): Promise<EstateView | null> {
    return this.database.transaction(input.companyId, async (tx) => {
      const result = await tx.estate.updateMany({ where: { id: input.id, companyId: input.companyId }, data: input.changes });
      if (result.count === 0) return null;
      const row = await tx.estate.findFirstOrThrow({ where: { id: input.id, companyId: input.companyId }, select: ESTATE_SELECT });
      return toEstate(row, EstatesRepository.calendar);
    });
  }

  /** Deletes an estate that holds nothing; throws the database's foreign-key error otherwise. */
  deleteEstate(input: { companyId: string; id: string }): Promise<boolean> {
    return this.database.transaction(input.companyId, async (tx) => {
      const result = await tx.estate.deleteMany({ where: { id: input.id, companyId: input.companyId } });
      return result.count === 1;
    });
  }

  listBuildings(input: { companyId: string; estateId: string }): Promise<BuildingView[]> {
    return this.database.transaction(input.companyId, async (tx) => {
      const rows = await tx.building.findMany({
        where: { companyId: input.companyId, estateId: input.estateId },
        select: { id: true, estateId: true, name: true, floors: true, _count: { select: { units: true } } },
        orderBy: { name: 'asc' },
      });
      return rows.map((row) => ({ id: row.id, estateId: row.estateId, name: row.name, floors: row.floors, unitCount: row._count.units }));
    });
  }

  findBuilding(input: { companyId: string; id: string }): Promise<BuildingView | null> {
    return this.database.transaction(input.companyId, async (tx) => {
      const row = await tx.building.findFirst({
        where: { id: input.id, companyId: input.companyId },
        select: { id: true, estateId: true, name: true, floors: true, _count: { select: { units: true } } },
      });
      return row === null ? null : { id: row.id, estateId: row.estateId, name: row.name, floors: row.floors, unitCount: row._count.units };
    });
  }

  createBuilding(input: { companyId: string; estateId: string; name: string; floors: number | null }): Promise<BuildingView> {
    return this.database.transaction(input.companyId, async (tx) => {
      const row = await tx.building.create({ data: input });
      return { id: row.id, estateId: row.estateId, name: row.name, floors: row.floors, unitCount: 0 };
    });
  }

  /** Renames relabel every unit of the building, in the same transaction. */
  updateBuilding(input: { companyId: string; id: string; changes: { name?: string; floors?: number | null } }): Promise<void> {
    return this.database.transaction(input.companyId, async (tx) => {
      await tx.building.updateMany({ where: { id: input.id, companyId: input.companyId }, data: input.changes });
      const newName = input.changes.name;
      if (newName === undefined) return;
      const units = await tx.unit.findMany({
        where: { buildingId: input.id, companyId: input.companyId },
        select: { id: true, entrance: true, room: true },
      });
      for (const unit of units) {
        await tx.unit.update({
          where: { id: unit.id },
          data: { label: unitLabel({ buildingName: newName, entrance: unit.entrance, room: unit.room }) },
        });
      }
    });
  }

  deleteBuilding(input: { companyId: string; id: string }): Promise<boolean> {
    return this.database.transaction(input.companyId, async (tx) => {
      const result = await tx.building.deleteMany({ where: { id: input.id, companyId: input.companyId } });
      return result.count === 1;
    });
  }

  listUnits(input: {
    companyId: string;
    estateId: string;
    buildingId?: string;
    q?: string;
    page: number;
    pageSize: number;
  }): Promise<{ items: UnitView[]; total: number }> {
    return this.database.transaction(input.companyId, async (tx) => {
      const where = {
        companyId: input.companyId,
        estateId: input.estateId,
        ...(input.buildingId === undefined ? {} : { buildingId: input.buildingId }),
        ...(input.q === undefined || input.q === '' ? {} : { label: { contains: input.q } }),
      };
      const [rows, total] = await Promise.all([
        tx.unit.findMany({
          where,
          select: UNIT_SELECT,
          orderBy: [{ label: 'asc' }],
          skip: (input.page - 1) * input.pageSize,
          take: input.pageSize,
        }),
        tx.unit.count({ where }),
      ]);
      return { items: rows.map(toUnit), total };
    });
  }

  findUnit(input: { companyId: string; id: string }): Promise<UnitView | null> {
    return this.database.transaction(input.companyId, async (tx) => {
      const row = await tx.unit.findFirst({ where: { id: input.id, companyId: input.companyId }, select: UNIT_SELECT });
      return row === null ? null : toUnit(row);
    });
  }

  createUnit(input: { companyId: string; building: BuildingView; unit: PlannedUnit; floorArea: number | null }): Promise<UnitView> {
    return this.database.transaction(input.companyId, async (tx) => {
      const row = await tx.unit.create({
        data: {
          companyId: input.companyId,
          estateId: input.building.estateId,
          buildingId: input.building.id,
          ...input.unit,
          floorArea: input.floorArea,
        },
        select: UNIT_SELECT,
      });
      return toUnit(row);
    });
  }

  /** Creates the planned units that do not exist yet (same entrance and room); returns how many. */
  createUnits(input: { companyId: string; building: BuildingView; units: PlannedUnit[]; floorArea: number | null }): Promise<number> {
    return this.database.transaction(
      input.companyId,
      async (tx) => {
        const result = await tx.unit.createMany({
          data: input.units.map((unit) => ({
            companyId: input.companyId,
            estateId: input.building.estateId,
            buildingId: input.building.id,
            ...unit,
            floorArea: input.floorArea,
          })),
          skipDuplicates: true,
        });
        return result.count;
      },
      { timeoutMs: 60_000 },
    );
  }

  updateUnit(input: { companyId: string; id: string; floorArea: number | null }): Promise<void> {
    return this.database.transaction(input.companyId, async (tx) => {
      await tx.unit.updateMany({ where: { id: input.id, companyId: input.companyId }, data: { floorArea: input.floorArea } });
    });
  }

  deleteUnit(input: { companyId: string; id: string }): Promise<boolean> {
    return this.database.transaction(input.companyId, async (tx) => {
      const result = await tx.unit.deleteMany({ where: { id: input.id, companyId: input.companyId } });
      return result.count === 1;
    });
  }
}
