import { Injectable } from '@nestjs/common';
import type { JobHandler } from './job';

/** Periodic work the worker runs besides jobs (due schedules, SLA breaches). Must be safe to run in several processes at once. */
export interface PeriodicSweep {
  readonly name: string;
  readonly everyMs: number;
  run(now: Date): Promise<void>;
}

/**
 * Where capability modules (timers, notifications, webhooks, schedules) register what they
 * execute, so the worker knows kinds without importing every module.
 */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly sweeps: PeriodicSweep[] = [];

  register(handler: JobHandler): void {
    if (this.handlers.has(handler.kind)) throw new Error(`Two handlers for job kind "${handler.kind}".`);
    this.handlers.set(handler.kind, handler);
  }

  registerSweep(sweep: PeriodicSweep): void {
    this.sweeps.push(sweep);
  }

  handler(kind: string): JobHandler | undefined {
    return this.handlers.get(kind);
  }

  allSweeps(): readonly PeriodicSweep[] {
    return this.sweeps;
  }
}
