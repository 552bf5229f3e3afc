import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import { formatAverage } from './format-average';

const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);

describe('average times', () => {
  it('reads as minutes, then hours and minutes from an hour, then days and hours', () => {
    expect(formatAverage(45, zh)).toBe('45分钟');
    expect(formatAverage(65, zh)).toBe('1小时5分');
    expect(formatAverage(60, zh)).toBe('1小时0分');
    expect(formatAverage(26.5 * 60, zh)).toBe('1天2小时');
    expect(formatAverage(65, en)).toBe('1h 5m');
  });
  it('says under a minute, and a dash when nothing was measured', () => {
    expect(formatAverage(0.2, zh)).toBe('不到1分钟');
    expect(formatAverage(0, en)).toBe('< 1 min');
    expect(formatAverage(null, zh)).toBe('—');
  });
});
