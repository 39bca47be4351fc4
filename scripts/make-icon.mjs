#!/usr/bin/env node
// Draws build/icon.png (1024×1024 RGBA), the app icon electron-builder turns into .icns, .ico and the Linux icons:
// a white cloud with a blue up-arrow on a blue rounded square. Generated rather than drawn by hand so the source of
// the artwork is this file; run `node scripts/make-icon.mjs` after changing it and commit the PNG.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 4; // 4×4 supersampling per pixel for smooth edges

// Signed-distance helpers (negative inside), in pixel units of the 1024 canvas.
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
function roundedBox(x, y, cx, cy, halfW, halfH, r) {
  const qx = Math.abs(x - cx) - halfW + r;
  const qy = Math.abs(y - cy) - halfH + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
// The up-arrow: a triangle head on a shaft; inside when the point is inside either.
function arrow(x, y) {
  const shaft = Math.abs(x - 512) <= 46 && y >= 520 && y <= 700;
  const headTop = 360;
  const headBottom = 540;
  const t = (y - headTop) / (headBottom - headTop);
  const head = t >= 0 && t <= 1 && Math.abs(x - 512) <= t * 150;
  return shaft || head;
}
function cloud(x, y) {
  return Math.min(
    circle(x, y, 390, 560, 150),
    circle(x, y, 560, 470, 200),
    circle(x, y, 700, 590, 130),
    roundedBox(x, y, 540, 640, 300, 90, 90),
  ) <= 0;
}

// Colour of one sample point: [r, g, b, a].
function sample(x, y) {
  if (roundedBox(x, y, 512, 512, 460, 460, 200) > 0) return [0, 0, 0, 0];
  if (cloud(x, y)) return arrow(x, y) ? [22, 119, 255, 255] : [255, 255, 255, 255];
  // Background: a vertical blue gradient.
  const k = y / SIZE;
  return [Math.round(40 + 10 * k), Math.round(150 - 60 * k), Math.round(255 - 40 * k), 255];
}

const rows = [];
for (let py = 0; py < SIZE; py += 1) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0 (none) + RGBA
  for (let px = 0; px < SIZE; px += 1) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy += 1) {
      for (let sx = 0; sx < SAMPLES; sx += 1) {
        const [r, g, b, a] = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        // Premultiply while averaging so transparent samples do not darken edges.
        sum[0] += r * a;
        sum[1] += g * a;
        sum[2] += b * a;
        sum[3] += a;
      }
    }
    const alpha = sum[3] / (SAMPLES * SAMPLES);
    const offset = 1 + px * 4;
    row[offset] = alpha === 0 ? 0 : Math.round(sum[0] / sum[3]);
    row[offset + 1] = alpha === 0 ? 0 : Math.round(sum[1] / sum[3]);
    row[offset + 2] = alpha === 0 ? 0 : Math.round(sum[2] / sum[3]);
    row[offset + 3] = Math.round(alpha);
  }
  rows.push(row);
}

// PNG: signature, IHDR, one IDAT, IEND (https://www.w3.org/TR/png-3/); CRC-32 as the spec's appendix computes it.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const target = new URL('../build/icon.png', import.meta.url);
writeFileSync(target, png);
console.log(`Wrote ${target.pathname} (${png.length} bytes)`);
