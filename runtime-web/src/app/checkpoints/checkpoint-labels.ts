import QRCode from 'qrcode';

export type Checkpoint = { code: string; name: string };

/** The checkpoints of an inspection route parameter (`[{ code, name }]`), leaving out anything else. */
export function checkpointsOf(route: unknown): Checkpoint[] {
  if (!Array.isArray(route)) return [];
  return route.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { code, name } = item as Record<string, unknown>;
    return typeof code === 'string' && code !== '' ? [{ code, name: typeof name === 'string' ? name : code }] : [];
  });
}

/**
 * A QR code as one SVG path over a square of `size` modules (a quiet zone of 4 included): the
 * code the technician's scanner reads at the checkpoint.
 */
export function qrPath(text: string): { size: number; path: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  let path = '';
  for (let row = 0; row < modules.size; row++)
    for (let column = 0; column < modules.size; column++) if (modules.get(row, column)) path += `M${column + quiet} ${row + quiet}h1v1h-1z`;
  return { size: modules.size + 2 * quiet, path };
}
