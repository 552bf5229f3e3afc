import type { ActiveTask } from '@estateflow/model';
import { slaDeadline, slaTimeLeft } from '../calendar/sla-deadline';
import type { EstateClock } from '../calendar/estate-calendar.repository';
import type { TaskRecord } from './instance-record';

/** The SLA time a task had left when it was paused, by the state path it will be resumed in. */
export interface PausedClock {
  respondMs?: number;
  completeMs?: number;
}

/** Instance.slaClocks: paused SLA clocks waiting for their state to be entered again. */
export type SlaClocks = Record<string, PausedClock>;

function finiteMs(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Reads the stored column; anything unexpected counts as no paused clock rather than failing the event. */
export function parseSlaClocks(value: unknown): SlaClocks | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const clocks: SlaClocks = {};
  for (const [statePath, raw] of Object.entries(value)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const respondMs = finiteMs(Reflect.get(raw, 'respondMs'));
    const completeMs = finiteMs(Reflect.get(raw, 'completeMs'));
    clocks[statePath] = { ...(respondMs === undefined ? {} : { respondMs }), ...(completeMs === undefined ? {} : { completeMs }) };
  }
  return Object.keys(clocks).length === 0 ? null : clocks;
}

/** A new task's deadlines: its SLA (or the time a paused clock had left) counted in the estate's business time. */
export function taskDeadlines(input: { task: ActiveTask; carried: PausedClock | undefined; now: number; clock: EstateClock }): {
  respondDueAt: string | null;
  completeDueAt: string | null;
} {
  const { task, carried, clock } = input;
  const due = (ms: number | undefined): string | null =>
    ms === undefined
      ? null
      : slaDeadline({ start: new Date(input.now), ms, calendar: clock.calendar, timezone: clock.timezone }).toISOString();
  return {
    respondDueAt: due(task.sla.respondMs === undefined ? undefined : (carried?.respondMs ?? task.sla.respondMs)),
    completeDueAt: due(task.sla.completeMs === undefined ? undefined : (carried?.completeMs ?? task.sla.completeMs)),
  };
}

/**
 * The paused clocks after a step (docs/jobs.md). A step *pauses* when it closes tasks that had an
 * SLA and enters only tasks without one (挂起 / 待料: someone must resume it, but no clock runs):
 * the closed tasks' working time left is kept. Re-entering such a task uses it up; any other
 * change of tasks (reassigned elsewhere, finished) drops it; a step that changes no task keeps it.
 */
export function nextSlaClocks(input: {
  previous: SlaClocks | null;
  closed: TaskRecord[];
  opened: ActiveTask[];
  kept: TaskRecord[];
  active: boolean;
  now: number;
  clock: EstateClock;
}): SlaClocks | null {
  if (!input.active) return null;
  const hadSla = input.closed.filter((task) => task.respondDueAt !== null || task.completeDueAt !== null);
  const keptClock = input.kept.some((task) => task.respondDueAt !== null || task.completeDueAt !== null);
  const openedClock = input.opened.some((task) => task.sla.respondMs !== undefined || task.sla.completeMs !== undefined);
  if (hadSla.length > 0 && input.opened.length > 0 && !openedClock && !keptClock) {
    const clocks: SlaClocks = {};
    const left = (due: string) =>
      slaTimeLeft({ now: new Date(input.now), due: new Date(due), calendar: input.clock.calendar, timezone: input.clock.timezone });
    for (const task of hadSla) {
      // A claimed task has been responded to: only its completion clock is still running.
      const respondMs = task.respondDueAt !== null && task.status === 'open' ? left(task.respondDueAt) : undefined;
      const completeMs = task.completeDueAt !== null ? left(task.completeDueAt) : undefined;
      clocks[task.stateKey] = { ...(respondMs === undefined ? {} : { respondMs }), ...(completeMs === undefined ? {} : { completeMs }) };
    }
    return clocks;
  }
  if (input.closed.length > 0 || input.opened.length > 0) return null;
  return input.previous;
}
