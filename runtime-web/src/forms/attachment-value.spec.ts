import { describe, expect, it } from 'vitest';
import { attachmentShape, collectAttachments, readAttachments, writeAttachments } from './attachment-value';

const photo = { id: 'a1', fileName: 'leak.jpg', contentType: 'image/jpeg', size: 1000, url: '/api/attachments/a1' };

describe('attachment field values', () => {
  it('stores objects or ids by the schema of the field', () => {
    expect(writeAttachments([photo], attachmentShape({ type: 'array', items: { type: 'object' } }))).toEqual([photo]);
    expect(writeAttachments([photo], attachmentShape({ type: 'array', items: { type: 'string' } }))).toEqual(['a1']);
    expect(writeAttachments([photo], attachmentShape({ type: 'string' }))).toBe('a1');
    expect(readAttachments(['a1'])[0]?.url).toBe('/api/attachments/a1');
  });
  it('finds attachment ids stored under upload fields, photos as images', () => {
    const found = collectAttachments({
      sitePhotos: ['7d3c9a52-1111-4222-8333-944455556666'],
      result: 'fixed-the-valve',
      drawings: 'a0b1c2d3e4',
    });
    expect(found.map((item) => [item.id, item.contentType])).toEqual([
      ['7d3c9a52-1111-4222-8333-944455556666', 'image/*'],
      ['a0b1c2d3e4', ''],
    ]);
  });

  it('finds attachments anywhere in instance data', () => {
    expect(collectAttachments({ photos: [photo], nested: { drawing: { ...photo, id: 'a2' } }, text: 'x' }).map((a) => a.id)).toEqual([
      'a1',
      'a2',
    ]);
  });
});
