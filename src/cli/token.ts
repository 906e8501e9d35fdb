import { parseArgs } from 'node:util';
import { createSigner } from 'fast-jwt';
import { loadConfig } from '../config.ts';

// Prints a development token signed with JWT_SECRET:
//   npm run token -- --org sundsvall --scope "registry:read signals:write"
const { values } = parseArgs({
  options: {
    org: { type: 'string' },
    scope: { type: 'string', default: 'registry:read' },
    sub: { type: 'string' },
    ttl: { type: 'string', default: '8h' },
  },
});
const config = loadConfig();
if (!values.org || !config.JWT_SECRET) {
  process.stderr.write('usage: npm run token -- --org <id> [--scope "<scopes>"] [--sub <client>] [--ttl 8h]; needs JWT_SECRET\n');
  process.exit(2);
}
const sign = createSigner({
  key: config.JWT_SECRET,
  algorithm: 'HS256',
  iss: config.JWT_ISSUER,
  aud: config.JWT_AUDIENCE,
  expiresIn: parseTtl(values.ttl),
});
process.stdout.write(`${sign({ sub: values.sub ?? `${values.org}-dev`, org: values.org, scope: values.scope })}\n`);

function parseTtl(ttl: string): number {
  const match = /^(\d+)([smhd])$/.exec(ttl);
  if (!match) throw new Error('--ttl like 30m, 8h or 7d');
  return Number(match[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 's' | 'm' | 'h' | 'd'];
}
