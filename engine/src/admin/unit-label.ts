/** A unit's label as people write it: `3栋2单元1201`; without entrances (0) just `3栋1201`. */
export function unitLabel(input: { buildingName: string; entrance: number; room: string }): string {
  return `${input.buildingName}${input.entrance > 0 ? `${input.entrance}单元` : ''}${input.room}`;
}
