// The Node.js check every npm script runs first (`node --import ./src/preflight.mjs …`), before
// any TypeScript is loaded. Plain JavaScript, so that any Node.js can parse it: Node 20 cannot
// strip types, and there the first .ts import ended in a stack trace that never said why.
// The version wanted is package.json's "engines", so it is written once.
import { readFileSync } from 'node:fs';
// A faster resolution of drizzle-orm's modules (see the file); it changes no module's meaning.
import './resolve-hooks.mjs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const wanted = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(engines?.node ?? '');
const running = process.versions.node.split('.').map(Number);

/** True when `version` ([major, minor, patch]) is at least `minimum`. */
const atLeast = (version, minimum) => {
  for (let i = 0; i < 3; i++) {
    if (version[i] !== minimum[i]) return version[i] > minimum[i];
  }
  return true;
};

if (wanted && !atLeast(running, wanted.slice(1).map(Number))) {
  process.stderr.write(
    `supplier-signal-registry needs Node.js ${engines.node} (Node 24 LTS recommended); this is Node.js ${process.versions.node}. Install a newer Node.js (e.g. nvm install 24) and run it again.\n`,
  );
  process.exit(1);
}
