import { describe, expect, it } from 'vitest';
import { ALL_ROLES, isKnownRole } from './roles.js';

// That STAFF_ROLES mirrors prisma/schema.prisma is checked in generated/generated-types.spec.ts,
// which may read files.
describe('roles', () => {
  it('add owner, tenant and requester to the staff roles', () => {
    expect(ALL_ROLES).toContain('owner');
    expect(ALL_ROLES).toContain('tenant');
    expect(ALL_ROLES).toContain('requester');
    expect(ALL_ROLES).toContain('engineering_supervisor');
    expect(isKnownRole('plumber')).toBe(false);
    expect(isKnownRole('constructor')).toBe(false);
  });
});
