import { compressionTarget, jpegFileName, scaledSize, shouldCompress } from './file-rules';

/**
 * Shrinks a phone photo with a canvas before upload (JPEG, long side ≤ 1600 px). Anything that
 * is not a large image, or that the browser cannot decode, is returned unchanged.
 */
export async function compressImage(file: File): Promise<{ blob: Blob; fileName: string }> {
  if (!shouldCompress(file)) return { blob: file, fileName: file.name };
  try {
    const bitmap = await createImageBitmap(file);
    const size = scaledSize(bitmap.width, bitmap.height, compressionTarget.maxDimension);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) return { blob: file, fileName: file.name };
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', compressionTarget.quality));
    if (!blob || blob.size >= file.size) return { blob: file, fileName: file.name };
    return { blob, fileName: jpegFileName(file.name) };
  } catch {
    return { blob: file, fileName: file.name };
  }
}
