import { describe, expect, it } from 'vitest';
import { checkpointsOf, labelGroups, qrPath } from './checkpoint-labels';

describe('checkpoint labels', () => {
  it('reads the checkpoints of a route, and nothing else', () => {
    expect(checkpointsOf([{ code: 'FIRE-PUMP', name: '消防泵房' }, { code: 'POWER' }, { name: 'no code' }, 'x', null])).toEqual([
      { code: 'FIRE-PUMP', name: '消防泵房' },
      { code: 'POWER', name: 'POWER' },
    ]);
    expect(checkpointsOf(undefined)).toEqual([]);
  });

  it('draws a QR code as one path of dark modules inside a quiet zone', () => {
    const { size, path } = qrPath('FIRE-PUMP');
    // Version 1 (21 modules) fits a short code at level M; 4 modules of quiet zone each side.
    expect(size).toBe(29);
    // The top-left finder pattern starts at the quiet zone's corner.
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true);
    expect(qrPath('FIRE-PUMP')).toEqual({ size, path });
    expect(qrPath('POWER').path).not.toBe(path);
  });

  it('groups the estate route first, then each active inspection schedule’s own new checkpoints', () => {
    const route = [{ code: 'FIRE-PUMP', name: '消防泵房' }];
    const schedule = (name: string, checkpoints: unknown, more: Partial<{ active: boolean; workflowKey: string }> = {}) => ({
      name,
      workflowKey: 'inspection',
      active: true,
      data: { checkpoints },
      ...more,
    });
    expect(
      labelGroups(route, [
        schedule('屋顶巡检', [
          { code: 'ROOF-TANK', name: '屋顶水箱' },
          { code: 'FIRE-PUMP', name: '消防泵房' },
        ]),
        schedule('已停用', [{ code: 'OLD', name: '旧点位' }], { active: false }),
        schedule('报修', [{ code: 'X', name: 'x' }], { workflowKey: 'repair' }),
        schedule('同一路线', [{ code: 'FIRE-PUMP', name: '消防泵房' }]),
        { name: '无路线', workflowKey: 'inspection', active: true, data: {} },
      ]),
    ).toEqual([
      { schedule: null, checkpoints: route },
      { schedule: '屋顶巡检', checkpoints: [{ code: 'ROOF-TANK', name: '屋顶水箱' }] },
    ]);
    expect(labelGroups(undefined, [])).toEqual([]);
  });
});
