import { unitLabel } from './unit-label';

/** How a building's units are laid out: entrances (单元) × floors × rooms per floor. */
export interface UnitPattern {
  /** 0 when the building has no separate entrances. */
  entrances: number;
  floors: { from: number; to: number };
  roomsPerFloor: number;
  /** Floors that do not exist or hold no units (some buildings skip 4, 13, 14). */
  skipFloors?: number[];
}

export interface PlannedUnit {
  entrance: number;
  floor: number;
  room: string;
  label: string;
}

/** Past this a pattern is almost certainly a typo (99 floors × 20 rooms × 9 entrances is 17,820). */
export const MAX_GENERATED_UNITS = 20_000;

/**
 * The units a pattern describes, in reading order: room numbers are the floor followed by a
 * two-digit position (`1201` = floor 12, room 1), and each entrance repeats the numbering.
 */
export function planUnits(input: { buildingName: string; pattern: UnitPattern }): PlannedUnit[] {
  const { pattern, buildingName } = input;
  const skip = new Set(pattern.skipFloors ?? []);
  const entrances = pattern.entrances === 0 ? [0] : Array.from({ length: pattern.entrances }, (_, index) => index + 1);
  const units: PlannedUnit[] = [];
  for (const entrance of entrances) {
    for (let floor = pattern.floors.from; floor <= pattern.floors.to; floor++) {
      if (skip.has(floor) || floor === 0) continue;
      for (let position = 1; position <= pattern.roomsPerFloor; position++) {
        const room = floor < 0 ? `B${-floor}${String(position).padStart(2, '0')}` : `${floor}${String(position).padStart(2, '0')}`;
        units.push({ entrance, floor, room, label: unitLabel({ buildingName, entrance, room }) });
      }
    }
  }
  return units;
}
