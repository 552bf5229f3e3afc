import { describe, expect, it } from 'vitest';
import { dataEntries } from './data-entries';

describe('instance data for reading', () => {
  it('lists plain fields and leaves attachments out', () => {
    const photo = { id: 'a1', fileName: 'x.jpg', contentType: 'image/jpeg', size: 1, url: '/api/attachments/a1' };
    expect(
      dataEntries({ category: '水电', urgent: true, tags: ['漏水', '厨房'], photos: [photo], empty: '', range: ['2026-01-01', '2026-01-31'] }, { yes: '是', no: '否' }),
    ).toEqual([
      { key: 'category', value: '水电' },
      { key: 'urgent', value: '是' },
      { key: 'tags', value: '漏水、厨房' },
      { key: 'range', value: '2026-01-01、2026-01-31' },
    ]);
  });
});
