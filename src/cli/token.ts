import { parseArgs } from 'node:util';
import { loadConfig, parseDuration } from '../config.ts';
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
const ttlMs = parseDuration(values.ttl);
if (ttlMs === undefined || ttlMs === 0) {
  process.stderr.write('--ttl like 30m, 8h or 1d\n');
  process.exit(2);
}
// The registry refuses a token that lives longer (401 auth.token_lifetime_too_long); say so now.
if (ttlMs > config.MAX_TOKEN_LIFETIME) {
  process.stderr.write(`--ttl ${values.ttl} is longer than MAX_TOKEN_LIFETIME (${config.MAX_TOKEN_LIFETIME / 1000} s): the registry would refuse the token\n`);
  process.exit(2);
}
process.stdout.write(`${signDevToken(config, { org: values.org, scope: values.scope, ...(values.sub ? { sub: values.sub } : {}) }, ttlMs)}\n`);
