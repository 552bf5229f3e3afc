import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import type { LiveEvent } from './live-event';
import { visibleLiveEvent } from './live-visibility';

const COMPANY = 'c1';
const supervisor: Principal = {
  kind: 'staff',
  userId: 'u1',
  companyId: COMPANY,
  name: '陈主管',
  roles: [{ estateId: 'sunshine', role: 'engineering_supervisor' }],
};
const admin: Principal = {
  kind: 'staff',
  userId: 'u2',
  companyId: COMPANY,
  name: '赵总',
  roles: [{ estateId: null, role: 'company_admin' }],
};
const owner: Principal = {
  kind: 'person',
  personId: 'p1',
  companyId: COMPANY,
  name: '业主',
  units: [{ unitId: 'unit1', estateId: 'sunshine', kind: 'owner' }],
};
const otherCompany: Principal = { ...admin, companyId: 'c2' };

const updated = (estateId: string, requesterPersonId: string | null): LiveEvent => ({
  type: 'instance.updated',
  companyId: COMPANY,
  estateId,
  id: 'i1',
  version: 3,
  requesterPersonId,
});

describe('visibleLiveEvent', () => {
  it('shows staff the instances and tasks of their estates, company admins all of them', () => {
    expect(visibleLiveEvent(supervisor, updated('sunshine', null))).toEqual({ type: 'instance.updated', data: { id: 'i1', version: 3 } });
    expect(visibleLiveEvent(supervisor, updated('galaxy', null))).toBeNull();
    expect(visibleLiveEvent(admin, updated('galaxy', null))).not.toBeNull();
    expect(visibleLiveEvent(supervisor, { type: 'task.changed', companyId: COMPANY, estateId: 'sunshine' })).toEqual({
      type: 'task.changed',
      data: { estateId: 'sunshine' },
    });
  });

  it('shows an owner their own requests only, and no task traffic', () => {
    expect(visibleLiveEvent(owner, updated('sunshine', 'p1'))).not.toBeNull();
    expect(visibleLiveEvent(owner, updated('sunshine', 'p2'))).toBeNull();
    expect(visibleLiveEvent(owner, { type: 'task.changed', companyId: COMPANY, estateId: 'sunshine' })).toBeNull();
  });

  it('delivers a notification event to its recipient alone', () => {
    const event: LiveEvent = { type: 'notification', companyId: COMPANY, id: 'n1', recipientKind: 'person', recipientId: 'p1' };
    expect(visibleLiveEvent(owner, event)).toEqual({ type: 'notification', data: { id: 'n1' } });
    expect(visibleLiveEvent(admin, event)).toBeNull();
    expect(visibleLiveEvent(owner, { ...event, recipientId: 'p2' })).toBeNull();
  });

  it('never crosses companies', () => {
    expect(visibleLiveEvent(otherCompany, updated('sunshine', null))).toBeNull();
  });
});
