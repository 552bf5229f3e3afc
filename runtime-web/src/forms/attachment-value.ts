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

/** Every attachment object found anywhere in instance data, for the attachments panel. */
export function collectAttachments(data: unknown): Attachment[] {
  if (isAttachment(data)) return [data];
  if (Array.isArray(data)) return data.flatMap(collectAttachments);
  if (isRecord(data)) return Object.values(data).flatMap(collectAttachments);
  return [];
}
