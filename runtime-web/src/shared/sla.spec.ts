import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import { slaBadge, sortTasksForInbox } from './sla';

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const now = Date.parse('2026-11-21T10:00:00Z');

describe('SLA countdown badges', () => {
  it('counts down to the nearest deadline and says when it is close', () => {
    expect(slaBadge({ respondDueAt: '2026-11-21T11:20:00Z', completeDueAt: '2026-11-23T10:00:00Z', overdue: false }, now, t)).toMatchObject(
      {
        kind: 'ok',
        text: '剩余 1小时20分',
      },
    );
    expect(slaBadge({ respondDueAt: '2026-11-21T10:15:00Z', overdue: false }, now, t)).toMatchObject({ kind: 'soon', text: '剩余 15分钟' });
  });
  it('shows how long a missed deadline is overdue', () => {
    expect(slaBadge({ respondDueAt: '2026-11-21T09:30:00Z', completeDueAt: '2026-11-22T10:00:00Z', overdue: true }, now, t)).toMatchObject({
      kind: 'overdue',
      text: '超时 30分钟',
    });
    expect(slaBadge({ overdue: false }, now, t)).toBeNull();
  });
  it('puts overdue tasks first, then the nearest deadline', () => {
    const tasks = [
      { id: 'later', overdue: false, respondDueAt: '2026-11-21T12:00:00Z', createdAt: '2026-11-21T08:00:00Z' },
      { id: 'late', overdue: true, respondDueAt: '2026-11-21T09:00:00Z', createdAt: '2026-11-21T08:00:00Z' },
      { id: 'sooner', overdue: false, respondDueAt: '2026-11-21T10:30:00Z', createdAt: '2026-11-21T08:00:00Z' },
    ];
    expect(sortTasksForInbox(tasks).map((task) => task.id)).toEqual(['late', 'sooner', 'later']);
  });
});
