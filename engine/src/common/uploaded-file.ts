/** One file as the upload interceptor's memory storage hands it over (attachments, spreadsheet imports). */
export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** Whether a value is what the upload interceptor's memory storage hands over for one file. */
export function isUploadedFile(value: unknown): value is UploadedFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    'buffer' in value &&
    Buffer.isBuffer(value.buffer) &&
    'originalname' in value &&
    typeof value.originalname === 'string' &&
    'size' in value &&
    typeof value.size === 'number'
  );
}
