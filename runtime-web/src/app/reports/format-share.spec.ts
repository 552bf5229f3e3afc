import { describe, expect, it } from 'vitest';
import { formatShare } from './format-share';

describe('shares as percentages', () => {
  it('shows at most one decimal and drops a needless one', () => {
    expect(formatShare(11 / 12, 'zh-CN')).toBe('91.7%');
    expect(formatShare(1, 'en')).toBe('100%');
    expect(formatShare(0, 'zh-CN')).toBe('0%');
  });
  it('is a dash when nothing was measured', () => {
    expect(formatShare(null, 'en')).toBe('—');
  });
});
