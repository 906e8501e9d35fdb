import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from './app.ts';
import { seedCast } from './factories.ts';
import { receiverPool } from './receiver.ts';

/**
 * The set-up of a delivery test file: an app with its workers on real Redis and the standard
 * cast, handed to `use` once started, and a receiver pool; both closed after the file's tests.
 */
export function deliveryTestApp(use: (app: TestApp) => void) {
  const receivers = receiverPool();
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp({}, { workers: true });
    use(app);
    await seedCast(app);
  });
  afterAll(async () => {
    await receivers.closeAll();
    await app?.close();
  });
  return receivers;
}
