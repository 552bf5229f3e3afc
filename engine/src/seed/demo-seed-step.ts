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
  /** The step this one needs to have run first (its name), wherever that one registers. */
  after?: string;
  run(context: DemoSeedContext): Promise<void>;
}

/**
 * The extension point of the demo seed. A module adds its step when it starts:
 *
 *   constructor(private readonly demoSeedSteps: DemoSeedSteps) {}
 *   onModuleInit() { this.demoSeedSteps.register({ name: 'bind built-in packs', run: (context) => … }); }
 *
 * Steps run in registration order (or after the step they name in `after`), once per demo company, after companies, estates, units,
 * staff and people exist (on first start, and on every `npm run seed`).
 */
@Injectable()
export class DemoSeedSteps {
  private readonly steps: DemoSeedStep[] = [];

  register(step: DemoSeedStep): void {
    if (!this.steps.some((existing) => existing.name === step.name)) this.steps.push(step);
  }

  /** In registration order, except that a step runs after the one it names in `after`. */
  list(): readonly DemoSeedStep[] {
    const ordered: DemoSeedStep[] = [];
    const place = (step: DemoSeedStep, seen: Set<string>) => {
      if (ordered.includes(step) || seen.has(step.name)) return;
      seen.add(step.name);
      const first = step.after === undefined ? undefined : this.steps.find((candidate) => candidate.name === step.after);
      if (first) place(first, seen);
      ordered.push(step);
    };
    for (const step of this.steps) place(step, new Set());
    return ordered;
  }
}
