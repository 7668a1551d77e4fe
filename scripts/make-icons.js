#!/usr/bin/env node
// Draws the add-in's icons (assets/icon-16.png ... icon-128.png): a traffic light with red, amber and green lamps
// on a transparent background, the RAG status the add-in is about. The PNGs are committed; this script is here
// so they can be made again. Node only (zlib for the PNG data), no image library.
//   node scripts/make-icons.js
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BODY = [0x32, 0x31, 0x30];
const LAMPS = [
  [0xd1, 0x34, 0x38], // red
  [0xf2, 0xa9, 0x00], // amber
  [0x10, 0x7c, 0x10], // green
];
const SAMPLES = 4; // per axis, for smooth edges

/** Coverage of the shapes at one point (0..1 units of the icon): the colour drawn there, or null. */
function colourAt(x, y) {
  // Body: a rounded rectangle, taller than wide, centred.
  const left = 0.22;
  const right = 0.78;
  const top = 0.04;
  const bottom = 0.96;
  const radius = 0.16;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return null;
  // Lamps: three circles down the middle.
  const lampRadius = 0.12;
  for (let i = 0; i < LAMPS.length; i++) {
    const ly = 0.2 + i * 0.3;
    if ((x - 0.5) ** 2 + (y - ly) ** 2 <= lampRadius ** 2) return LAMPS[i];
  }
  return BODY;
}

/** RGBA pixels of a size×size icon, each pixel averaged over SAMPLES×SAMPLES points. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) {
        pixels[at] = Math.round(r / covered);
        pixels[at + 1] = Math.round(g / covered);
        pixels[at + 2] = Math.round(b / covered);
        pixels[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
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
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file: 8-bit RGBA, every row with filter type 0. */
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = path.resolve(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of SIZES) {
  const file = path.join(out, `icon-${size}.png`);
  fs.writeFileSync(file, png(size, draw(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
