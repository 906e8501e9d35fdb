// Before `npm start`, `npm run demo` and `npm run worker` (their pre-scripts): builds dist/
// (`npm run build`, tsconfig.build.json) when it is missing or older than a source file, so
// a start never runs stale code and a fresh clone needs only `npm ci` and `npm start`.
// The processes run compiled JavaScript rather than the sources through Node's type
// stripping: 40 MB less resident and a faster start (docs/performance.md, "Memory").
// Plain JavaScript, like src/preflight.mjs, so it runs before any TypeScript is loaded.
// The Node.js check first: an old Node would fail below without saying why.
import './preflight.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.tsbuildinfo');
// A dist/ with an entry file removed counts as not built.
const complete = ['server.js', 'worker.js'].every((file) => existsSync(join(root, 'dist', file)));
const built = complete && existsSync(stamp) ? statSync(stamp).mtimeMs : 0;

/** The newest modification time of what the build reads: src/ (tests aside) and both tsconfigs. */
function newestSource() {
  let newest = Math.max(statSync(join(root, 'tsconfig.json')).mtimeMs, statSync(join(root, 'tsconfig.build.json')).mtimeMs);
  for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

if (built < newestSource()) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) {
    process.stderr.write(
      `dist/ is ${built ? 'older than src/' : 'not built'} and TypeScript is not installed (an install without dev dependencies): run npm run build where it is, and bring dist/ along, or start the sources with npm run dev.\n`,
    );
    process.exit(1);
  }
  // tsc's incremental build does not see outputs removed since; without the entries it starts over.
  if (!complete) rmSync(stamp, { force: true });
  process.stderr.write(`building dist/ (${built ? 'src/ changed since the last build' : 'not built yet'}) …\n`);
  const { status } = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
  // An incremental build that found nothing to emit leaves the stamp as it was; this start checked it.
  const now = new Date();
  utimesSync(stamp, now, now);
}
