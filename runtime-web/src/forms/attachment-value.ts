import type { Attachment } from '../api/types';

// The upload widget stores, per the field's schema: an array of attachment objects
// ({ id, fileName, contentType, size, url }) when items are objects, an array of attachment ids
// when items are strings; a single object / id when the field itself is an object / string.

export type StoredAttachment = Attachment | string;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isAttachment(value: unknown): value is Attachment {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.url === 'string' &&
    typeof value.fileName === 'string' &&
    typeof value.contentType === 'string'
  );
}

/** The stored field value as a list of attachments (ids become minimal entries). */
export function readAttachments(value: unknown): Attachment[] {
  const list: unknown[] = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.flatMap((item): Attachment[] => {
    if (isAttachment(item)) return [item];
    if (typeof item === 'string' && item !== '') {
      return [{ id: item, fileName: item, contentType: '', size: 0, url: `/api/attachments/${encodeURIComponent(item)}` }];
    }
    return [];
  });
}

export type AttachmentShape = { multiple: boolean; asIds: boolean };

export function attachmentShape(schema: { type?: unknown; items?: unknown }): AttachmentShape {
  if (schema.type === 'array') {
    const itemType = isRecord(schema.items) ? schema.items.type : undefined;
    return { multiple: true, asIds: itemType === 'string' };
  }
  return { multiple: false, asIds: schema.type === 'string' };
}

export function writeAttachments(list: Attachment[], shape: AttachmentShape): StoredAttachment[] | StoredAttachment | undefined {
  const stored = list.map((item) => (shape.asIds ? item.id : item));
  if (shape.multiple) return stored;
  return stored[stored.length - 1];
}

export function isImageAttachment(attachment: Attachment): boolean {
  return attachment.contentType.startsWith('image/') || /\.(jpe?g|png|gif|webp|heic)$/i.test(attachment.fileName);
}

/** Field names under which a string is an attachment id (forms whose upload fields store ids). */
export const attachmentFieldPattern = /photo|image|picture|attach|file|drawing|scan|照片|图片|附件/i;
const photoFieldPattern = /photo|image|picture|照片|图片/i;

function idReferences(key: string, value: unknown): Attachment[] {
  const ids = (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === 'string' && /^[\w-]{8,100}$/.test(item),
  );
  return ids.map((id) => ({
    id,
    fileName: id,
    contentType: photoFieldPattern.test(key) ? 'image/*' : '',
    size: 0,
    url: `/api/attachments/${encodeURIComponent(id)}`,
  }));
}

/**
 * Every attachment in instance data, for the attachments panel: attachment objects anywhere,
 * and attachment ids stored under upload-like field names (photos, sitePhotos, drawings…).
 */
export function collectAttachments(data: unknown, key = ''): Attachment[] {
  if (isAttachment(data)) return [data];
  if (
    attachmentFieldPattern.test(key) &&
    (typeof data === 'string' || (Array.isArray(data) && data.every((item) => typeof item === 'string')))
  ) {
    return idReferences(key, data);
  }
  if (Array.isArray(data)) return data.flatMap((item) => collectAttachments(item, key));
  if (isRecord(data)) return Object.entries(data).flatMap(([childKey, value]) => collectAttachments(value, childKey));
  return [];
}
