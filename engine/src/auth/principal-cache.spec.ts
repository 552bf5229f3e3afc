import { describe, expect, it } from 'vitest';
import type { Principal } from './principal';
import { PRINCIPAL_TTL_MS, PrincipalCache } from './principal-cache';

const frontDesk: Principal = {
  kind: 'staff',
  userId: 'u1',
  companyId: 'c1',
  name: '前台',
  roles: [{ estateId: 'e1', role: 'front_desk' }],
};

describe('PrincipalCache', () => {
  it('answers from memory for a few seconds, then asks the database again', () => {
    const cache = new PrincipalCache();
    cache.remember({ key: 'session:a', principal: frontDesk, generation: cache.startLookup(), now: 1_000 });
    expect(cache.get('session:a', 1_000 + PRINCIPAL_TTL_MS - 1)).toEqual(frontDesk);
    expect(cache.get('session:a', 1_000 + PRINCIPAL_TTL_MS)).toBeUndefined();
  });

  it('forgets everyone on clear, and a lookup that was in flight during the clear is not kept', () => {
    const cache = new PrincipalCache();
    cache.remember({ key: 'session:a', principal: frontDesk, generation: cache.startLookup(), now: 0 });
    const inFlight = cache.startLookup();
    cache.clear(); // e.g. a logout or a role change finished meanwhile
    expect(cache.get('session:a', 1)).toBeUndefined();
    cache.remember({ key: 'session:b', principal: frontDesk, generation: inFlight, now: 1 });
    expect(cache.get('session:b', 2)).toBeUndefined();
  });
});
