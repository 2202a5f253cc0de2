#!/usr/bin/env node
// Draws Sentinel's tray and app icons from geometry, with no dependencies: `node resources/draw-icons.mjs`.
// The glyph is a watchful eye on a shield. Each state differs in shape as well as colour, so the tray
// never speaks by colour alone: grey has the eye closed (starting or paused), green has it open, red
// open with an alert badge. macOS gets template images (black and alpha) that the menu bar tints itself.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/** Where the icons go: this folder, or the folder given as the first argument (the tests draw into a temp one). */
const OUT = process.argv[2] ? path.resolve(process.argv[2]) : path.dirname(fileURLToPath(import.meta.url));
/** Samples per pixel side: 5 × 5 gives 26 coverage levels, plenty for edges at 16 px. */
const SUPERSAMPLE = 5;

// ---------------------------------------------------------------------------------------------
// PNG encoding (RGBA, 8 bits, no interlace)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, adaptive filtering, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// ---------------------------------------------------------------------------------------------
// Rasterising: a scene is a list of layers { inside(x, y), colour }, painted in order, in unit
// coordinates (0..1, y down). Each sample takes the colour of the last layer that covers it;
// a pixel averages its samples with premultiplied alpha, which gives clean anti-aliased edges.

function render(size, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let colour = null;
          for (const layer of layers) if (layer.inside(x, y)) colour = typeof layer.colour === 'function' ? layer.colour(x, y) : layer.colour;
          if (!colour) continue;
          const alpha = colour[3] ?? 1;
          r += colour[0] * alpha;
          g += colour[1] * alpha;
          b += colour[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------------------------
// Shapes (unit coordinates)

const disc = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const not = (shape) => (x, y) => !shape(x, y);
const and = (...shapes) => (x, y) => shapes.every((shape) => shape(x, y));
const or = (...shapes) => (x, y) => shapes.some((shape) => shape(x, y));
/** A round-ended stroke from (x1, y1) to (x2, y2). */
function segment(x1, y1, x2, y2, width) {
  const dx = x2 - x1, dy = y2 - y1, length2 = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / length2));
    return (x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2 <= (width / 2) ** 2;
  };
}

/** A heater shield: straight sides with rounded top corners, then a parabola down to a point. */
function shield({ left = 0.14, right = 0.86, top = 0.06, waist = 0.47, tip = 0.95, corner = 0.09 } = {}) {
  const cx = (left + right) / 2, half = (right - left) / 2;
  return (x, y) => {
    if (y < top || y > tip) return false;
    const dx = Math.abs(x - cx);
    if (y <= waist) {
      if (dx > half) return false;
      // Rounded top corners.
      if (y < top + corner && dx > half - corner) return (dx - (half - corner)) ** 2 + (y - (top + corner)) ** 2 <= corner * corner;
      return true;
    }
    const t = (y - waist) / (tip - waist);
    return dx <= half * (1 - t * t);
  };
}

/** An almond (the intersection of two discs): width w, height h, centred on (cx, cy). */
function almondGeometry(cx, cy, w, h) {
  const r = ((w / 2) ** 2 + (h / 2) ** 2) / h;
  const d = r - h / 2;
  return { r, d, cx, cy, w, h, inside: and(disc(cx, cy + d, r), disc(cx, cy - d, r)) };
}

/** A closed eye: the lower lid as a stroke, with three lashes when there are pixels enough for them. */
function closedEye(cx, cy, w, h, stroke, detailed) {
  const { r, d } = almondGeometry(cx, cy, w, h);
  const centreY = cy - d - h / 4; // the lid's arc sits a little lower than the open eye's middle
  const lid = (x, y) => Math.abs(x - cx) <= w / 2 && y > centreY && Math.abs(Math.hypot(x - cx, y - centreY) - r) <= stroke / 2;
  if (!detailed) return lid;
  const lashes = [-0.6, 0, 0.6].map((k) => {
    const angle = Math.asin((k * w) / 2 / r);
    const x0 = cx + r * Math.sin(angle), y0 = centreY + r * Math.cos(angle);
    const length = h * 0.45;
    return segment(x0, y0, x0 + Math.sin(angle) * length * 1.2, y0 + Math.cos(angle) * length, stroke * 0.7);
  });
  return or(lid, ...lashes);
}

// ---------------------------------------------------------------------------------------------
// The glyph

const hex = (text) => [1, 3, 5].map((i) => parseInt(text.slice(i, i + 2), 16));
const CLEAR = [0, 0, 0, 0];
const BLACK = [0, 0, 0, 1];
const EYE_WHITE = hex('#fbfcfd');
const PUPIL = hex('#121620');

/** Fill, border and iris tones per tray colour. */
const TONES = {
  grey: { fill: hex('#8d949e'), border: hex('#5c636d'), iris: hex('#4a5059') },
  green: { fill: hex('#2f9e62'), border: hex('#1b6a40'), iris: hex('#1d6a41') },
  red: { fill: hex('#d9413b'), border: hex('#982320'), iris: hex('#8c201c') },
};

const EYE = { cx: 0.5, cy: 0.43, w: 0.58, h: 0.33 };
const BADGE = { cx: 0.79, cy: 0.79, r: 0.195, gap: 0.05 };

/** The alert badge; below 32 px an exclamation mark only blurs, so the badge is a plain dot there. */
function badgeLayers(badgeColour, markColour, detailed) {
  const { cx, cy, r, gap } = BADGE;
  const layers = [
    { inside: disc(cx, cy, r + gap), colour: CLEAR },
    { inside: disc(cx, cy, r), colour: badgeColour },
  ];
  if (detailed) {
    const mark = or(segment(cx, cy - r * 0.55, cx, cy + r * 0.1, r * 0.34), disc(cx, cy + r * 0.5, r * 0.18));
    layers.push({ inside: mark, colour: markColour });
  }
  return layers;
}

/** The colour tray glyph at `size` px: eye closed for grey, open for green, open with a badge for red. */
function colourGlyph(colour, size) {
  const detailed = size >= 32;
  const tone = TONES[colour];
  const outer = shield();
  const inner = shield({ left: 0.205, right: 0.795, top: 0.125, waist: 0.47, tip: 0.85, corner: 0.05 });
  const layers = [
    { inside: outer, colour: tone.border },
    { inside: inner, colour: tone.fill },
  ];
  if (colour === 'grey') {
    // At 16 px the lid needs a heavier stroke to stay a clear curve.
    const lid = detailed ? closedEye(EYE.cx, EYE.cy + 0.02, EYE.w * 0.86, EYE.h * 0.85, 0.075, true) : closedEye(EYE.cx, EYE.cy + 0.02, EYE.w * 0.86, EYE.h * 0.85, 0.1, false);
    layers.push({ inside: lid, colour: EYE_WHITE });
    return layers;
  }
  const eye = almondGeometry(EYE.cx, EYE.cy, EYE.w, EYE.h);
  layers.push(
    { inside: eye.inside, colour: EYE_WHITE },
    { inside: and(eye.inside, disc(EYE.cx, EYE.cy, 0.13)), colour: tone.iris },
    { inside: disc(EYE.cx, EYE.cy, 0.062), colour: PUPIL },
    { inside: disc(EYE.cx + 0.042, EYE.cy - 0.045, 0.03), colour: EYE_WHITE },
  );
  if (colour === 'red') layers.push(...badgeLayers(EYE_WHITE, tone.border, detailed));
  return layers;
}

/** The macOS template glyph: black silhouette, the eye cut out; `open`, `alert` (badge) or `paused` (closed eye). */
function templateGlyph(kind, size) {
  const detailed = size >= 32;
  const layers = [{ inside: shield(), colour: BLACK }];
  if (kind === 'paused') {
    layers.push({ inside: closedEye(EYE.cx, EYE.cy + 0.02, EYE.w * 0.86, EYE.h * 0.85, detailed ? 0.085 : 0.11, detailed), colour: CLEAR });
    return layers;
  }
  const eye = almondGeometry(EYE.cx, EYE.cy, EYE.w, EYE.h);
  layers.push(
    { inside: eye.inside, colour: CLEAR },
    { inside: and(eye.inside, disc(EYE.cx, EYE.cy, 0.12)), colour: BLACK },
    { inside: disc(EYE.cx + 0.04, EYE.cy - 0.042, 0.035), colour: CLEAR },
  );
  if (kind === 'alert') layers.push(...badgeLayers(BLACK, CLEAR, detailed));
  return layers;
}

/** The app icon: the green glyph on a rounded dark square (a superellipse, as macOS icons are). */
function appIconLayers() {
  const margin = 0.085;
  const half = 0.5 - margin;
  const squircle = (x, y) => Math.abs((x - 0.5) / half) ** 5 + Math.abs((y - 0.5) / half) ** 5 <= 1;
  const top = hex('#2a3a5f'), bottom = hex('#131a2c');
  const gradient = (_x, y) => top.map((value, i) => value + (bottom[i] - value) * Math.min(1, Math.max(0, (y - margin) / (1 - 2 * margin))));
  const scale = 0.62;
  const offsetX = (1 - scale) / 2, offsetY = (1 - scale) / 2 + 0.01;
  const glyph = colourGlyph('green', 1024).map((layer) => ({
    ...layer,
    inside: (x, y) => layer.inside((x - offsetX) / scale, (y - offsetY) / scale),
  }));
  return [{ inside: squircle, colour: gradient }, ...glyph];
}

// ---------------------------------------------------------------------------------------------
// Output

/** Writes `name` at `size` px from the glyph drawn for that size. */
function write(name, size, glyph) {
  writeFileSync(path.join(OUT, name), encodePng(size, render(size, glyph(size))));
  return name;
}

const written = [];
for (const colour of ['grey', 'green', 'red']) {
  const glyph = (size) => colourGlyph(colour, size);
  written.push(write(`tray-${colour}.png`, 16, glyph), write(`tray-${colour}@2x.png`, 32, glyph));
  written.push(write(`tray-${colour}-32.png`, 32, glyph), write(`tray-${colour}-32@2x.png`, 64, glyph));
}
for (const [kind, name] of [['open', 'trayTemplate'], ['alert', 'trayAlertTemplate'], ['paused', 'trayPausedTemplate']]) {
  const glyph = (size) => templateGlyph(kind, size);
  written.push(write(`${name}.png`, 16, glyph), write(`${name}@2x.png`, 32, glyph));
}
written.push(write('icon.png', 512, appIconLayers), write('icon-1024.png', 1024, appIconLayers));
process.stdout.write(`wrote ${written.length} icons to ${OUT}: ${written.join(', ')}\n`);
