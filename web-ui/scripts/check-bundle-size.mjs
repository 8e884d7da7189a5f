// Fails the build when the initial JavaScript (what index.html loads before the first screen) exceeds the budget.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KB = 250;
const out = 'target/classes/META-INF/resources';
const html = readFileSync(join(out, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of initial) {
  const size = gzipSync(readFileSync(join(out, file))).length;
  total += size;
  console.log(`web-ui: ${file} ${(size / 1024).toFixed(1)} kB gzip`);
}
const all = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js')).length;
console.log(`web-ui: initial JavaScript ${(total / 1024).toFixed(1)} kB gzip (budget ${BUDGET_KB} kB; ${all} chunks in all)`);
if (total > BUDGET_KB * 1024) {
  console.error(`web-ui: initial JavaScript is over the ${BUDGET_KB} kB budget`);
  process.exit(1);
}
