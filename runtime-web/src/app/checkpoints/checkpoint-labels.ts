import QRCode from 'qrcode';

export type Checkpoint = { code: string; name: string };

/** The checkpoints of an inspection route parameter (`[{ code, name }]`), leaving out anything else. */
export function checkpointsOf(route: unknown): Checkpoint[] {
  if (!Array.isArray(route)) return [];
  return route.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { code, name } = item as Record<string, unknown>;
    return typeof code === 'string' && code !== '' ? [{ code, name: typeof name === 'string' ? name : code }] : [];
  });
}

/**
 * What a checkpoint's QR label holds: the staff app's check-in page for it, so that a phone's own
 * camera (or WeChat's scanner) opens it; the check-in form's scanner takes the code out of it.
 */
export function checkpointUrl(input: { origin: string; estateId: string; code: string }): string {
  return `${input.origin}/app/checkpoint/${encodeURIComponent(input.code)}?estate=${encodeURIComponent(input.estateId)}`;
}

/**
 * A QR code as one SVG path over a square of `size` modules (a quiet zone of 4 included): the
 * code the technician's scanner reads at the checkpoint.
 */
export function qrPath(text: string): { size: number; path: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  let path = '';
  for (let row = 0; row < modules.size; row++)
    for (let column = 0; column < modules.size; column++) if (modules.get(row, column)) path += `M${column + quiet} ${row + quiet}h1v1h-1z`;
  return { size: modules.size + 2 * quiet, path };
}

/** A schedule as GET /api/estates/{id}/schedules lists it (what the labels need of it). */
export type ScheduleForLabels = { name: string; workflowKey: string; active: boolean; data: unknown };

/**
 * The labels to print, in groups: the estate's route first, then each active inspection schedule
 * that carries a route of its own — only its checkpoints not printed above, and only groups left
 * with one.
 */
export function labelGroups(
  route: unknown,
  schedules: readonly ScheduleForLabels[],
): { schedule: string | null; checkpoints: Checkpoint[] }[] {
  const printed = new Set<string>();
  const fresh = (checkpoints: Checkpoint[]) =>
    checkpoints.filter((checkpoint) => {
      if (printed.has(checkpoint.code)) return false;
      printed.add(checkpoint.code);
      return true;
    });
  const groups = [{ schedule: null as string | null, checkpoints: fresh(checkpointsOf(route)) }];
  for (const schedule of schedules) {
    if (!schedule.active || schedule.workflowKey !== 'inspection') continue;
    const data = typeof schedule.data === 'object' && schedule.data !== null ? (schedule.data as Record<string, unknown>) : {};
    groups.push({ schedule: schedule.name, checkpoints: fresh(checkpointsOf(data['checkpoints'])) });
  }
  return groups.filter((group) => group.checkpoints.length > 0);
}
