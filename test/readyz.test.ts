import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { notificationEnv, startTestApp, type TestApp } from './helpers/app.ts';

/** A loopback port nothing listens on. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

// One database; two apps on it: one whose Redis is unreachable, one whose Redis answers.
let down: TestApp;
let up: FastifyInstance;
beforeAll(async () => {
  const { REDIS_PREFIX } = notificationEnv();
  down = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}`, REDIS_PREFIX: REDIS_PREFIX! });
  up = await buildApp({ config: { ...down.config, REDIS_URL: notificationEnv().REDIS_URL! }, database: down.database });
  await up.ready();
});
afterAll(async () => {
  await up?.close();
  await down?.close();
});

describe('GET /readyz checks Redis', () => {
  it('answers 503 problem+json naming Redis when Redis is unreachable', async () => {
    const started = Date.now();
    const res = await down.request({ method: 'GET', url: '/readyz' });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(res.statusCode, res.body).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 503, code: 'health.not_ready', detail: 'redis is not reachable.' });
    // Liveness does not depend on Redis.
    expect((await down.request({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('answers 200 with both checks when Redis answers', async () => {
    const res = await up.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
  });
});
