import type { Scenario, WorkflowDefinition } from '../generated/definition.js';
import { listStates, listTransitions } from '../machine/state-tree.js';
import { runScenario, type ScenarioRun } from './run-scenario.js';

export interface CoverageCount {
  covered: number;
  total: number;
  /** 0–100, one decimal. */
  percent: number;
  /** Ids (state paths or transition ids) no scenario reached. */
  missing: string[];
}

export interface CoverageReport {
  states: CoverageCount;
  transitions: CoverageCount;
  runs: ScenarioRun[];
}

/** How much of the definition the scenarios exercise, by running each one. */
export function coverage(
  definition: WorkflowDefinition,
  scenarios: readonly Scenario[],
  parameters: Record<string, unknown> = {},
): CoverageReport {
  const runs = scenarios.map((scenario) => runScenario(definition, scenario, parameters));
  const visited = new Set(runs.flatMap((run) => run.visitedStates));
  const taken = new Set(runs.flatMap((run) => run.takenTransitions));
  return {
    states: count(
      listStates(definition).map((state) => state.path),
      visited,
    ),
    transitions: count(
      listTransitions(definition).map((info) => info.id),
      taken,
    ),
    runs,
  };
}

function count(all: string[], covered: ReadonlySet<string>): CoverageCount {
  const missing = all.filter((id) => !covered.has(id));
  const total = all.length;
  const hit = total - missing.length;
  return { covered: hit, total, percent: total === 0 ? 100 : Math.round((hit / total) * 1000) / 10, missing };
}
