// Helper of ./convert: TopoJSON countries -> GeoJSON with properties {iso, name}, coordinates to 2 decimals.
// Usage: NODE_PATH=<dir with topojson-client> node to-geojson.js <countries-110m.json> <icu-table.json> <out.geojson>
// CommonJS on purpose: NODE_PATH, how ./convert points at its temporary node_modules, applies to require only.
'use strict';
const fs = require('fs');
const topojson = require('topojson-client');

const [topologyFile, tableFile, outFile] = process.argv.slice(2);
const topology = JSON.parse(fs.readFileSync(topologyFile, 'utf8'));
const alpha2ByNumeric = JSON.parse(fs.readFileSync(tableFile, 'utf8'));

// 0.01 degree is about 1 km, far below what a 110m map shows; the file is 164 kB instead of 436 kB.
const round = (v) => Math.round(v * 100) / 100 + 0; // + 0 turns -0 into 0
let droppedRings = 0;

// Rounding can make neighbouring points equal and shrink tiny rings to nothing: drop repeats, then
// drop rings left with fewer than 4 positions (not a valid GeoJSON ring any more).
function ring(points) {
  const out = [];
  for (const [x, y] of points) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length < 4) { droppedRings++; return null; }
  return out;
}
// The atlas is spherical (made for d3-geo): a few rings cross the antimeridian, jumping from 180 to -180
// (Fiji, Chukotka, Wrangel Island), and Antarctica's ring goes round the pole. ECharts draws lon/lat on a
// plane, where such a jump is a stripe across the whole map. So each ring is unwrapped into one continuous
// line, closed along the pole if it goes round it, then cut at +-180 with the part beyond moved back.
function unwrap(points) {
  let offset = 0;
  const out = [points[0].slice()];
  for (let i = 1; i < points.length; i++) {
    const dx = points[i][0] - points[i - 1][0];
    if (dx > 180) offset -= 360;
    else if (dx < -180) offset += 360;
    out.push([points[i][0] + offset, points[i][1]]);
  }
  if (offset !== 0) { // round the pole: follow the cut meridian down (or up) to it and back
    const first = out[0], last = out[out.length - 1];
    const pole = Math.sign(first[1]) * 90;
    out.push([last[0], pole], [first[0], pole], first.slice());
  }
  return out;
}
// Sutherland-Hodgman against one vertical line: keeps x <= x0 (left) or x >= x0, on a closed ring.
function clipX(points, x0, left) {
  const inside = (p) => (left ? p[0] <= x0 : p[0] >= x0);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    if (inside(a)) out.push(a);
    if (inside(a) !== inside(b)) out.push([x0, a[1] + (b[1] - a[1]) * (x0 - a[0]) / (b[0] - a[0])]);
  }
  if (out.length) out.push(out[0]);
  return out;
}
const shift = (points, dx) => points.map(([x, y]) => [x + dx, y]);
const area = (points) => points.reduce((s, p, i) => (i ? s + points[i - 1][0] * p[1] - p[0] * points[i - 1][1] : s), 0) / 2;
function splitAtAntimeridian(points) {
  const line = unwrap(points);
  if (line.every(([x]) => x >= -180 && x <= 180)) return [line];
  return [
    clipX(clipX(line, 180, true), -180, false),
    shift(clipX(line, 180, false), -360),
    shift(clipX(line, -180, true), 360),
  ].filter((piece) => piece.length >= 4 && Math.abs(area(piece)) > 1e-9);
}
// A polygon becomes one or more (one a side of the antimeridian); holes are kept only where none is cut.
function polygons(rings) {
  const outers = splitAtAntimeridian(rings[0]);
  if (outers.length !== 1 && rings.length > 1) throw new Error('a polygon with holes crosses the antimeridian');
  if (outers.length !== 1) return outers.map(ring).filter(Boolean).map((outer) => [outer]);
  const outer = ring(outers[0]);
  if (!outer) return []; // the holes of a vanished polygon go with it
  return [[outer, ...rings.slice(1).map(ring).filter(Boolean)]];
}
function geometry(g) {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw new Error(`unexpected geometry ${g.type}`);
  const ps = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flatMap(polygons);
  if (ps.length === 0) return null;
  return ps.length === 1 ? { type: 'Polygon', coordinates: ps[0] } : { type: 'MultiPolygon', coordinates: ps };
}

// Antarctica (010) is left out: drawn on a lon/lat plane it takes a fifth of the map's height, and no
// cooperation action is located there. Removing it from this set puts it back (its ring is closed at the pole).
const LEFT_OUT = new Set(['010']);

const features = [];
const withoutCode = [];
for (const f of topojson.feature(topology, topology.objects.countries).features) {
  if (LEFT_OUT.has(f.id)) continue;
  // The atlas leaves the id out where ISO 3166-1 has no code (N. Cyprus, Somaliland, Kosovo): iso stays null.
  const iso = f.id === undefined ? null : alpha2ByNumeric[f.id];
  if (iso === undefined) throw new Error(`ICU has no territory with numeric code ${f.id} (${f.properties.name})`);
  if (iso === null) withoutCode.push(f.properties.name);
  const g = geometry(f.geometry);
  if (!g) throw new Error(`${f.properties.name} vanished when rounded`);
  features.push({ type: 'Feature', id: f.id, properties: { iso, name: f.properties.name }, geometry: g });
}
const seen = new Set();
for (const f of features) {
  const iso = f.properties.iso;
  if (iso !== null && seen.has(iso)) throw new Error(`two features for ${iso}`);
  seen.add(iso);
}

// One feature a line: a regenerated file diffs country by country.
fs.writeFileSync(outFile,
  '{"type":"FeatureCollection","features":[\n' + features.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n');
console.log(`${features.length} features, ${features.length - withoutCode.length} with an ISO code; left out: ${[...LEFT_OUT]}; ` +
  `without: ${withoutCode.join(', ')}; ${droppedRings} rings too small at 2 decimals dropped`);
