import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { decideAccess, estatesGranting } from './access-decision';

const manager: Principal = {
  kind: 'staff',
  userId: 'u1',
  companyId: 'c1',
  name: '王经理',
  roles: [{ estateId: 'sunshine', role: 'estate_manager' }],
};
const technician: Principal = {
  kind: 'staff',
  userId: 'u2',
  companyId: 'c1',
  name: '张师傅',
  roles: [{ estateId: 'sunshine', role: 'technician' }],
};
const admin: Principal = { kind: 'staff', userId: 'u3', companyId: 'c1', name: '赵总', roles: [{ estateId: null, role: 'company_admin' }] };
const owner: Principal = {
  kind: 'person',
  personId: 'p1',
  companyId: 'c1',
  name: '业主',
  units: [{ unitId: 'unit-1', estateId: 'sunshine', kind: 'owner' }],
};

describe('decideAccess', () => {
  it('hides estates where the staff member holds no role, and forbids what their role lacks', () => {
    expect(decideAccess({ principal: manager, action: 'unit.write', scope: { estateId: 'sunshine' } })).toBe('allow');
    expect(decideAccess({ principal: manager, action: 'unit.write', scope: { estateId: 'galaxy' } })).toBe('hidden');
    expect(decideAccess({ principal: technician, action: 'unit.write', scope: { estateId: 'sunshine' } })).toBe('forbidden');
    expect(decideAccess({ principal: manager, action: 'audit.read' })).toBe('forbidden');
    expect(decideAccess({ principal: admin, action: 'audit.read' })).toBe('allow');
    expect(decideAccess({ principal: admin, action: 'unit.write', scope: { estateId: 'galaxy' } })).toBe('allow');
  });

  it('lets owners reach only their own units and requests', () => {
    expect(decideAccess({ principal: owner, action: 'instance.read', scope: { estateId: 'sunshine', unitId: 'unit-1' } })).toBe('allow');
    expect(decideAccess({ principal: owner, action: 'instance.read', scope: { estateId: 'sunshine', unitId: 'unit-2' } })).toBe('hidden');
    expect(
      decideAccess({
        principal: owner,
        action: 'instance.read',
        scope: { estateId: 'sunshine', unitId: 'unit-2', requesterPersonId: 'p1' },
      }),
    ).toBe('allow');
    expect(decideAccess({ principal: owner, action: 'instance.read', scope: { estateId: 'galaxy' } })).toBe('hidden');
    expect(decideAccess({ principal: owner, action: 'unit.write', scope: { estateId: 'sunshine' } })).toBe('forbidden');
  });

  it('lists the estates where an action holds', () => {
    expect(estatesGranting({ principal: admin, action: 'person.read' })).toBeNull();
    expect(estatesGranting({ principal: manager, action: 'person.read' })).toEqual(['sunshine']);
    expect(estatesGranting({ principal: technician, action: 'person.read' })).toEqual([]);
  });
});
