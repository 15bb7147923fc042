/**
 * Draws the toolbar icon (a calm blue shield with a white check) at 16/32/48/128 px into
 * assets/icons/. Run by hand when the glyph changes (`tsx src/tools/icons.ts`); the PNGs are
 * committed so the build needs no image tooling.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 48, 128];
const BLUE: [number, number, number] = [0x2b, 0x6c, 0xb0];
const WHITE: [number, number, number] = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4;

/** Shield outline in unit square coordinates: flat top, straight sides, pointed bottom. */
function inShield(x: number, y: number): boolean {
  const left = 0.12,
    right = 0.88,
    top = 0.08;
  if (y < top || x < left || x > right) return false;
  if (y <= 0.5) return true;
  // Below the middle the sides curve in to the point at (0.5, 0.94).
  const t = (y - 0.5) / 0.44;
  const half = 0.38 * Math.sqrt(Math.max(0, 1 - t * t));
  return Math.abs(x - 0.5) <= half;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inCheck(x: number, y: number, stroke: number): boolean {
  return distanceToSegment(x, y, 0.3, 0.48, 0.45, 0.63) < stroke || distanceToSegment(x, y, 0.45, 0.63, 0.72, 0.33) < stroke;
}

function render(size: number): Buffer {
  // Small icons need a bolder check to stay legible.
  const stroke = size <= 16 ? 0.09 : 0.065;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let shield = 0,
        check = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (inShield(x, y)) {
            shield++;
            if (inCheck(x, y, stroke)) check++;
          }
        }
      }
      const n = SUPERSAMPLE * SUPERSAMPLE;
      const alpha = shield / n;
      const mix = shield ? check / shield : 0;
      const colour = BLUE.map((c, i) => Math.round(c * (1 - mix) + WHITE[i]! * mix));
      row.set([...colour, Math.round(alpha * 255)], 1 + px * 4);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  writeFileSync(new URL(`../../assets/icons/icon-${size}.png`, import.meta.url), render(size));
}
console.log(`wrote assets/icons/icon-{${SIZES.join(",")}}.png`);
