import fastifyJwt from '@fastify/jwt';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { jwtSettings } from '../../src/plugins/auth.ts';

/*
 * The fair limit for a status read (issue 17): a bare server doing the round trips a status
 * read needs and nothing else — fastify, the registry's own JWT verification settings, one
 * prepared single-row select over the same tables (the supplier and its newest live signal),
 * and one Redis increment (the rate limiter's). No logging, validation, visibility rule,
 * status rules, link look-up or serialisation schema.
 */
const config = loadConfig(process.env);
const settings = jwtSettings(config);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `${process.env.REDIS_PREFIX ?? 'bench'}:bare:`;
const app = Fastify({ logger: false });
await app.register(fastifyJwt, { secret: settings.secret, verify: settings.verify });

// The supplier by its key, and one of its live signals by a probe of the partial index on
// live signals (no sort): a single-row select whose cost does not grow with history, so the
// limit is as high at 1M signals as at 100k.
const select = {
  name: 'bare_status',
  text: `SELECT s.org_number, g.id, g.type, g.issuer_org_id
           FROM suppliers s
           LEFT JOIN LATERAL (SELECT id, type, issuer_org_id FROM signals
                                WHERE supplier_org_number = s.org_number AND status = 'active' AND type <> 'deviation'
                                  AND (expired_version IS NULL OR expired_version <> version)
                                LIMIT 1) g ON true
          WHERE s.org_number = $1`,
};

app.get<{ Params: { orgNumber: string } }>('/v1/suppliers/:orgNumber/status', async (request, reply) => {
  // One after the other, as the registry makes them: the limiter's increment, the token, the read.
  await redis.incr(`${prefix}${request.ip}`);
  await request.jwtVerify();
  const rows = await pool.query({ ...select, values: [request.params.orgNumber.replace('-', '')] });
  if (rows.rowCount === 0) return reply.code(404).send({ code: 'suppliers.not_found' });
  const row = rows.rows[0];
  return { orgNumber: row.org_number, status: row.id ? 'caution' : 'clear', signalId: row.id };
});

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.on('SIGTERM', () => void app.close().then(async () => {
  await pool.end();
  redis.disconnect();
  process.exit(0);
}));
