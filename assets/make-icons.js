// Writes the add-in's icons (icon-16/32/64/80.png, plus icon-128 for the store listing) with
// no image library: RGBA pixels → PNG chunks → zlib. Run: node assets/make-icons.js
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

// Shape in unit coordinates: a green rounded square with three white bars (a score chart) and
// a check mark, sampled 4×4 per pixel for smooth edges.
function coverage(u, v) {
  const r = 0.18;
  const dx = Math.max(0, Math.abs(u - 0.5) - (0.5 - r));
  const dy = Math.max(0, Math.abs(v - 0.5) - (0.5 - r));
  if (dx * dx + dy * dy > r * r) return "none";
  const bars = [
    [0.2, 0.62],
    [0.42, 0.45],
    [0.64, 0.3],
  ];
  for (const [left, top] of bars) if (u >= left && u <= left + 0.14 && v >= top && v <= 0.82) return "white";
  return "green";
}
function pixel(size) {
  return (x, y) => {
    let green = 0;
    let white = 0;
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        const c = coverage((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size);
        if (c === "green") green++;
        if (c === "white") white++;
      }
    const a = (green + white) / 16;
    if (a === 0) return [0, 0, 0, 0];
    const w = white / (green + white);
    const mix = (g, wv) => Math.round(g * (1 - w) + wv * w);
    return [mix(0x10, 255), mix(0x7c, 255), mix(0x41, 255), Math.round(a * 255)];
  };
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), png(size, pixel(size)));
}
