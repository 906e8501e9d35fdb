import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'registry-heartbeat-'));
  t = await startTestApp({ WORKER_HEARTBEAT_FILE: join(dir, 'heartbeat') }, { workers: true });
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

// docker-compose.yml's worker health check reads the file's age (the sweep runs every RELAY_POLL_MS).
describe('WORKER_HEARTBEAT_FILE', () => {
  it('is touched after every sweep, so its age tells whether the workers are alive', async () => {
    const file = join(dir, 'heartbeat');
    const mtime = () => stat(file).then((s) => s.mtimeMs, () => 0);
    await expect.poll(mtime, { timeout: 5_000, interval: 50 }).toBeGreaterThan(0);
    const first = await mtime();
    await expect.poll(mtime, { timeout: 5_000, interval: 50 }).toBeGreaterThan(first);
    expect(Date.now() - (await mtime())).toBeLessThan(5_000);
  });
});
