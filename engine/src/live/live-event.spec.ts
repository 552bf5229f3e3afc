import { describe, expect, it } from 'vitest';
import { readLiveEvent } from './live-event';

const COMPANY = '6f1c8a1e-0000-4000-8000-000000000001';

describe('readLiveEvent', () => {
  it('reads the payloads the LiveChange triggers write', () => {
    expect(
      readLiveEvent({ type: 'instance.updated', companyId: COMPANY, estateId: 'e1', id: 'i1', version: 2, requesterPersonId: null }),
    ).toEqual({ type: 'instance.updated', companyId: COMPANY, estateId: 'e1', id: 'i1', version: 2, requesterPersonId: null });
    expect(readLiveEvent({ type: 'task.changed', companyId: COMPANY, estateId: 'e1' })).toEqual({
      type: 'task.changed',
      companyId: COMPANY,
      estateId: 'e1',
    });
    expect(readLiveEvent({ type: 'notification', companyId: COMPANY, id: 'n1', recipientKind: 'staff', recipientId: 'u1' })).toEqual({
      type: 'notification',
      companyId: COMPANY,
      id: 'n1',
      recipientKind: 'staff',
      recipientId: 'u1',
    });
  });

  it('drops what it cannot trust rather than guessing', () => {
    expect(readLiveEvent(null)).toBeNull();
    expect(readLiveEvent('{"type":"task.changed"}')).toBeNull();
    expect(readLiveEvent({ type: 'task.changed', estateId: 'e1' })).toBeNull();
    expect(readLiveEvent({ type: 'instance.updated', companyId: COMPANY, estateId: 'e1', id: 'i1', version: '2' })).toBeNull();
    expect(readLiveEvent({ type: 'notification', companyId: COMPANY, id: 'n1', recipientKind: 'robot', recipientId: 'u1' })).toBeNull();
    expect(readLiveEvent({ type: 'instance.deleted', companyId: COMPANY })).toBeNull();
  });
});
