import { Injectable } from '@nestjs/common';
import type { StaffRole } from '../generated/prisma/enums';

/** What a demo seed step gets to work with: one demo company as it stands in the database. */
export interface DemoSeedContext {
  company: { id: string; code: string; name: string };
  estates: { id: string; code: string; name: string }[];
  staff: { id: string; email: string; name: string; roles: { role: StaffRole; estateId: string | null }[] }[];
  /** True when this run created the company; steps run on every seed and must be idempotent. */
  created: boolean;
}

/** One extension of the demo data, e.g. binding the built-in template packs to the demo estates. */
export interface DemoSeedStep {
  name: string;
  run(context: DemoSeedContext): Promise<void>;
}

/**
 * The extension point of the demo seed. A module adds its step when it starts:
 *
 *   constructor(private readonly demoSeedSteps: DemoSeedSteps) {}
 *   onModuleInit() { this.demoSeedSteps.register({ name: 'bind built-in packs', run: (context) => … }); }
 *
 * Steps run in registration order, once per demo company, after companies, estates, units,
 * staff and people exist (on first start, and on every `npm run seed`).
 */
@Injectable()
export class DemoSeedSteps {
  private readonly steps: DemoSeedStep[] = [];

  register(step: DemoSeedStep): void {
    if (!this.steps.some((existing) => existing.name === step.name)) this.steps.push(step);
  }

  list(): readonly DemoSeedStep[] {
    return this.steps;
  }
}
