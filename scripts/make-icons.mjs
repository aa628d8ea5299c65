// Draws the app and tray icons into resources/icons as PNG, with no image library: shapes
// rasterised with 4×4 supersampling, encoded by hand (zlib deflate + CRC-32 chunks).
// Run again after changing a shape: node scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

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
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/** RGBA pixels (Uint8Array, size*size*4) → PNG file bytes. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Paints layers (each: inside(u, v) on the unit square → colour) over transparency. */
function render(size, layers) {
  const rgba = new Uint8Array(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size;
          const v = (y + (sy + 0.5) / S) / size;
          let colour = null;
          for (const layer of layers) if (layer.inside(u, v)) colour = layer.colour;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 255;
          }
        }
      }
      const n = S * S;
      const i = (y * size + x) * 4;
      const covered = a / 255;
      rgba[i] = covered ? Math.round(r / covered) : 0;
      rgba[i + 1] = covered ? Math.round(g / covered) : 0;
      rgba[i + 2] = covered ? Math.round(b / covered) : 0;
      rgba[i + 3] = Math.round(a / n);
    }
  }
  return encodePng(size, rgba);
}

const below = (x1, y1, x2, y2) => (u, v) => (v - y1) * (x2 - x1) - (u - x1) * (y2 - y1) >= 0;
const triangle = (a, b, c) => {
  const sides = [below(...a, ...b), below(...b, ...c), below(...c, ...a)];
  return (u, v) => sides.every((side) => side(u, v)) || sides.every((side) => !side(u, v));
};
const circle = (cx, cy, r) => (u, v) => (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
const ring = (cx, cy, r, w) => (u, v) => {
  const d = Math.hypot(u - cx, v - cy);
  return d <= r && d >= r - w;
};
const roundedSquare = (m, r) => (u, v) => {
  const x = Math.min(Math.max(u, m + r), 1 - m - r);
  const y = Math.min(Math.max(v, m + r), 1 - m - r);
  return (u - x) ** 2 + (v - y) ** 2 <= r * r;
};
const and = (f, g) => (u, v) => f(u, v) && g(u, v);

const NIGHT = [15, 20, 25];
const ROCK = [120, 144, 156];
const SNOW = [240, 246, 250];
const FIRN = [126, 200, 227];
const mountain = triangle([0.08, 0.86], [0.46, 0.16], [0.84, 0.86]);
const cap = and(mountain, (_u, v) => v < 0.42);
const second = triangle([0.42, 0.86], [0.7, 0.4], [0.98, 0.86]);

// App icon: the mountain with its snow cap and a band of firn, on the control desk's night blue.
const app = render(512, [
  { inside: roundedSquare(0.03, 0.18), colour: NIGHT },
  {
    inside: and(roundedSquare(0.03, 0.18), triangle([0.14, 0.8], [0.46, 0.22], [0.78, 0.8])),
    colour: ROCK,
  },
  {
    inside: and(roundedSquare(0.03, 0.18), triangle([0.5, 0.8], [0.68, 0.48], [0.88, 0.8])),
    colour: [96, 118, 130],
  },
  {
    inside: and(triangle([0.14, 0.8], [0.46, 0.22], [0.78, 0.8]), (_u, v) => v < 0.44),
    colour: SNOW,
  },
  { inside: (u, v) => u > 0.14 && u < 0.88 && v >= 0.8 && v < 0.86, colour: FIRN },
]);

// Tray: a light mountain and a status mark whose shape differs too, not only its colour.
const MARKS = {
  ok: { inside: circle(0.76, 0.76, 0.22), colour: [46, 160, 67] },
  offline: { inside: triangle([0.5, 0.98], [0.76, 0.5], [1.0, 0.98]), colour: [230, 120, 20] },
  degraded: {
    inside: (u, v) => u > 0.56 && v > 0.56 && u < 0.98 && v < 0.98,
    colour: [214, 40, 40],
  },
  unreachable: { inside: ring(0.76, 0.76, 0.22, 0.09), colour: [150, 150, 150] },
};
const outline = (mark) => (u, v) => {
  for (const [du, dv] of [
    [0.06, 0],
    [-0.06, 0],
    [0, 0.06],
    [0, -0.06],
  ])
    if (mark(u - du, v - dv)) return true;
  return false;
};
const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'resources', 'icons');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'icon.png'), app);
for (const [state, mark] of Object.entries(MARKS)) {
  const layers = [
    { inside: mountain, colour: ROCK },
    { inside: second, colour: [96, 118, 130] },
    { inside: cap, colour: SNOW },
    // A dark edge keeps the mark apart from the mountain on light and dark panels.
    { inside: outline(mark.inside), colour: NIGHT },
    mark,
  ];
  fs.writeFileSync(path.join(dir, `tray-${state}.png`), render(16, layers));
  fs.writeFileSync(path.join(dir, `tray-${state}@2x.png`), render(32, layers));
}
console.log(`icons written to ${dir}`);
