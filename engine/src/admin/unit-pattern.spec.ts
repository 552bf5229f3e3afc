import { describe, expect, it } from 'vitest';
import { planUnits } from './unit-pattern';

describe('planUnits', () => {
  it('lays out entrances × floors × rooms with labels people write', () => {
    const units = planUnits({ buildingName: '3栋', pattern: { entrances: 2, floors: { from: 1, to: 12 }, roomsPerFloor: 2 } });
    expect(units).toHaveLength(48);
    expect(units[0]).toEqual({ entrance: 1, floor: 1, room: '101', label: '3栋1单元101' });
    expect(units.map((unit) => unit.label)).toContain('3栋2单元1201');
    expect(new Set(units.map((unit) => `${unit.entrance}/${unit.room}`)).size).toBe(48);
  });

  it('skips floors that do not exist and writes basements as B', () => {
    const units = planUnits({
      buildingName: 'A座',
      pattern: { entrances: 0, floors: { from: -1, to: 5 }, roomsPerFloor: 1, skipFloors: [4] },
    });
    expect(units.map((unit) => unit.label)).toEqual(['A座B101', 'A座101', 'A座201', 'A座301', 'A座501']);
  });
});
