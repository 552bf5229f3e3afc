import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

/**
 * A 240×180 PNG for the demo's completion photos (完工照片): pale tiles with grout lines, like a
 * freshly repaired bathroom wall, so the staff app shows a picture rather than a broken image.
 */
export function demoPhoto(): Buffer {
  const width = 240;
  const height = 180;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const grout = x % 40 < 2 || y % 30 < 2;
      const shade = grout ? 150 : 225 + ((Math.floor(x / 40) + Math.floor(y / 30)) % 2) * 12;
      row.set(
        [shade, shade + (grout ? 0 : 4), shade + (grout ? 0 : 10)].map((value) => Math.min(255, value)),
        1 + x * 3,
      );
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
