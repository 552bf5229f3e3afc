import type { WorkflowDefinition } from '../generated/definition.js';
import fixture from '../fixtures/repair.definition.json';
import { validateDefinition } from '../validation/validate-definition.js';

/** A fresh, validated copy of the repair fixture (tests may change it freely). */
export function repairDefinition(): WorkflowDefinition {
  const validation = validateDefinition(structuredClone(fixture));
  if (!validation.ok) throw new Error(`repair fixture is invalid: ${JSON.stringify(validation.errors)}`);
  return validation.definition;
}

export const REPAIR_PARAMETERS = {
  respondMinutesEmergency: 15,
  respondMinutesUrgent: 30,
  respondMinutesNormal: 120,
  onSiteHours: 4,
  completeHours: 48,
  autoConfirmHours: 72,
  lowRatingThreshold: 2,
};

export const OWNER = { id: 'owner-1', roles: ['owner'] };
export const FRONT_DESK = { id: 'desk-1', roles: ['front_desk'] };
export const TECHNICIAN = { id: 'tech-7', roles: ['technician'] };
export const MONDAY_9AM = Date.parse('2026-01-05T09:00:00+08:00');

export const REPORT = {
  location: '3栋2单元1201',
  category: 'plumbingElectric',
  description: '厨房水龙头漏水',
  urgency: 'normal',
  contactPhone: '13812345678',
};
