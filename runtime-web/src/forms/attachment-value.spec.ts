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
  it('finds attachments anywhere in instance data', () => {
    expect(collectAttachments({ photos: [photo], nested: { drawing: { ...photo, id: 'a2' } }, text: 'x' }).map((a) => a.id)).toEqual(['a1', 'a2']);
  });
});
