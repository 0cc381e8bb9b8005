// Draws the LEXO mark — a blue rounded square with a white "L" and a check — and writes build/icon.png (512×512)
// and build/icon.ico (256, 64, 48, 32, 24, 16; PNG entries). No dependencies: zlib for PNG, coverage computed by
// supersampling so every size is drawn at its own resolution rather than scaled down.
// Usage: node scripts/make-icon.mjs [outDir]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const TOP = [0x25, 0x63, 0xeb]; // blue-600
const BOTTOM = [0x1e, 0x3a, 0x8a]; // blue-900
const WHITE = [0xff, 0xff, 0xff];
const ACCENT = [0x7d, 0xd3, 0xfc]; // sky-300

/** Signed distance to a rounded rectangle centred at (cx, cy), half sizes (hw, hh), corner radius r. */
function roundedRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Signed distance to a segment (ax, ay)–(bx, by) with round caps of radius r. */
function capsule(x, y, ax, ay, bx, by, r) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - r;
}

/** The mark in a unit square: returns [r, g, b, a] for the point (u, v). */
function shade(u, v) {
  const tile = roundedRect(u, v, 0.5, 0.5, 0.46, 0.46, 0.2);
  if (tile > 0) return null;
  const stroke = 0.085;
  const letter = Math.min(capsule(u, v, 0.31, 0.26, 0.31, 0.74, stroke), capsule(u, v, 0.31, 0.74, 0.56, 0.74, stroke));
  if (letter <= 0) return WHITE;
  const check = Math.min(capsule(u, v, 0.54, 0.45, 0.61, 0.53, 0.055), capsule(u, v, 0.61, 0.53, 0.75, 0.32, 0.055));
  if (check <= 0) return ACCENT;
  const t = v;
  return TOP.map((c, i) => Math.round(c + (BOTTOM[i] - c) * t));
}

/** RGBA pixels of the mark at `size`×`size`, antialiased with n×n samples per pixel. */
function render(size, n = 8) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shade((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (y * size + x) * 4;
      // Colour averaged over covered samples only (straight alpha), alpha from coverage.
      if (a > 0) pixels.set([Math.round(r / a), Math.round(g / a), Math.round(b / a)], o);
      pixels[o + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO whose entries are PNG images (supported since Windows Vista). */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

const ICO_SIZES = [256, 64, 48, 32, 24, 16];

function main() {
  const outDir = resolve(process.argv[2] ?? 'build');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'icon.png'), encodePng(512, render(512, 4)));
  const images = ICO_SIZES.map((size) => ({ size, png: encodePng(size, render(size)) }));
  writeFileSync(join(outDir, 'icon.ico'), encodeIco(images));
  console.log(`Wrote ${join(outDir, 'icon.png')} and ${join(outDir, 'icon.ico')} (${ICO_SIZES.join(', ')})`);
}

main();
