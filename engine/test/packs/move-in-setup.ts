import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { DemoLogins } from '../harness/demo-logins';
import { REPOSITORY_ROOT } from '../harness/engine-process';
import { signInStaff } from '../instances/workflow-setup';

interface ScenarioStep {
  event: string;
  data: Record<string, unknown>;
  actor: { roles: string[] };
}

/** The steps of one of the move-in pack's own scenarios: the same form data a user would enter. */
export function moveInScenario(name: string): { start: Record<string, unknown>; steps: ScenarioStep[] } {
  const file = path.join(REPOSITORY_ROOT, 'templates', 'move-in', 'workflows', 'move-in', 'scenarios', `${name}.json`);
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { start: parsed.start.data, steps: parsed.steps };
}

/** The demo company's staff member for each role the move-in scenarios name. */
const STAFF_BY_ROLE: Record<string, string> = {
  front_desk: 'frontdesk@demo.estateflow.cn',
  finance: 'finance@demo.estateflow.cn',
  engineering_supervisor: 'supervisor@demo.estateflow.cn',
  security: 'security@demo.estateflow.cn',
};

/**
 * Starts a move-in in the demo estate for the person as front desk (start data: the scenario's,
 * with `start` over it) and sends every step of the scenario as the role it names — or those up
 * to and including the step `until` — and returns the instance's id.
 */
export async function runMoveIn(input: {
  url: string;
  logins: DemoLogins;
  estateId: string;
  scenario: string;
  personId: string;
  start: Record<string, unknown>;
  until?: string;
}): Promise<string> {
  const { start, steps } = moveInScenario(input.scenario);
  const signIn = (role: string) => {
    const email = STAFF_BY_ROLE[role];
    if (email === undefined) throw new Error(`no demo staff for ${role}`);
    return signInStaff(input.url, input.logins, { company: 'demo', email });
  };
  const frontDesk = await signIn('front_desk');
  const started = await frontDesk.post(`/api/estates/${input.estateId}/instances`, {
    workflowKey: 'move-in',
    requesterPersonId: input.personId,
    data: { ...start, ...input.start },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const instanceId: string = started.body.id;
  for (const step of steps) {
    const staff = await signIn(step.actor.roles[0] ?? '');
    const sent = await staff.post(`/api/instances/${instanceId}/events`, { type: step.event, data: step.data });
    expect(sent.status, `${step.event}: ${JSON.stringify(sent.body)}`).toBe(200);
    if (step.event === input.until) return instanceId;
  }
  const finished = await frontDesk.get(`/api/instances/${instanceId}`);
  expect(finished.body).toMatchObject({ state: 'completed', status: 'completed' });
  return instanceId;
}
