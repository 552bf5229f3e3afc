import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../common/errors';
import { residentStart } from './resident-start';

const units = [
  { unitId: 'rented', kind: 'tenant' as const },
  { unitId: 'owned', kind: 'owner' as const },
];

describe('residentStart', () => {
  it('starts in the residency kind of the unit named', () => {
    expect(residentStart({ units, unitId: 'rented', startRoles: ['owner', 'tenant'], workflowName: '报修' })).toEqual({
      unitId: 'rented',
      roles: ['tenant'],
    });
  });

  it('refuses a tenant a workflow only owners may start, even when they own another unit', () => {
    expect(() => residentStart({ units, unitId: 'rented', startRoles: ['owner', 'front_desk'], workflowName: '装修' })).toThrow(
      ForbiddenError,
    );
    expect(residentStart({ units, unitId: 'owned', startRoles: ['owner', 'front_desk'], workflowName: '装修' })).toEqual({
      unitId: 'owned',
      roles: ['owner'],
    });
  });

  it('picks the one qualifying unit when none is named', () => {
    expect(residentStart({ units, unitId: null, startRoles: ['owner'], workflowName: '装修' })).toEqual({
      unitId: 'owned',
      roles: ['owner'],
    });
    expect(() => residentStart({ units: [units[0]!], unitId: null, startRoles: ['owner'], workflowName: '装修' })).toThrow(ForbiddenError);
  });

  it("refuses units that are not the caller's", () => {
    expect(() => residentStart({ units, unitId: 'elsewhere', startRoles: [], workflowName: '报修' })).toThrow(ForbiddenError);
  });
});
