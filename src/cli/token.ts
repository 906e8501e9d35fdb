import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { embeddedDefaults } from '../embedded.ts';
import { signDevToken } from '../lib/dev-token.ts';

// Prints a development token signed with JWT_SECRET (in embedded mode, the one kept in DATA_DIR):
//   npm run token -- --org sundsvall --scope "registry:read signals:write"
const { values } = parseArgs({
  options: {
    org: { type: 'string' },
    scope: { type: 'string', default: 'registry:read' },
    sub: { type: 'string' },
    ttl: { type: 'string', default: '8h' },
  },
});
const config = loadConfig({ ...process.env, ...(await embeddedDefaults(process.env)) });
if (!values.org || !config.JWT_SECRET) {
  process.stderr.write('usage: npm run token -- --org <id> [--scope "<scopes>"] [--sub <client>] [--ttl 8h]; needs JWT_SECRET\n');
  process.exit(2);
}
const match = /^(\d+)([smhd])$/.exec(values.ttl);
if (!match) {
  process.stderr.write('--ttl like 30m, 8h or 7d\n');
  process.exit(2);
}
const ttlMs = Number(match[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 's' | 'm' | 'h' | 'd'];
process.stdout.write(`${signDevToken(config, { org: values.org, scope: values.scope, ...(values.sub ? { sub: values.sub } : {}) }, ttlMs)}\n`);
