import { describe, expect, it } from 'vitest';
import { parseLiveEvent } from './live-events';

describe('server-sent events', () => {
  it('reads named events and a typed envelope', () => {
    expect(parseLiveEvent('instance.updated', '{"id":"i1","version":3}')).toEqual({ kind: 'instance.updated', id: 'i1', version: 3 });
    expect(parseLiveEvent('message', '{"type":"task.changed","data":{"estateId":"e1"}}')).toEqual({ kind: 'task.changed', estateId: 'e1' });
    expect(parseLiveEvent('notification', '{"id":"n1"}')).toEqual({ kind: 'notification', id: 'n1' });
    expect(parseLiveEvent('instance.updated', 'not json')).toBeNull();
    expect(parseLiveEvent('unknown', '{}')).toBeNull();
  });
});
