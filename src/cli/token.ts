import { loadConfigOf, parseDuration } from '../config.ts';
import { DataDirError, readEmbeddedSecrets } from '../embedded.ts';
import { signDevToken } from '../lib/dev-token.ts';
import { type Command, configOrExit, exitCodes, exitWith, parseCommandLine, usageError } from './command.ts';

const command: Command = {
  name: 'npm run token',
  help: `
usage: npm run token -- --org <id> [--scope "<scopes>"] [--sub <client>] [--ttl 8h]

Prints a development token (HS256) for an organisation, signed with JWT_SECRET; without
JWT_SECRET and DATABASE_URL, with the embedded demo's secret in DATA_DIR (./data), which
the server made at its first start.

  --org <id>          the organisation the token speaks for (required)
  --scope "<scopes>"  space-separated scopes (default "registry:read"), e.g. "registry:read signals:write"
  --sub <client>      the client id (default <org>-dev)
  --ttl <duration>    how long it is valid, like 30m, 8h or 1d (default 8h, at most MAX_TOKEN_LIFETIME)
  -h, --help          this text

Environment: JWT_SECRET (the server's), JWT_ISSUER, JWT_AUDIENCE, MAX_TOKEN_LIFETIME; DATA_DIR in embedded mode.
Exit codes: 0 printed, 2 bad command line, 78 missing or bad variable.
`,
};

const values = parseCommandLine(command, {
  org: { type: 'string' },
  scope: { type: 'string', default: 'registry:read' },
  sub: { type: 'string' },
  ttl: { type: 'string', default: '8h' },
});
if (!values.org) usageError(command, '--org <id> is required');

// Only what signing needs; read, never made: a secret made here would sign tokens no server accepts.
let embedded: Record<string, string> = {};
try {
  embedded = await readEmbeddedSecrets(process.env);
} catch (error) {
  if (error instanceof DataDirError) exitWith(exitCodes.config, `${command.name}: ${error.message}`);
  throw error;
}
const config = configOrExit(command, () =>
  loadConfigOf(['JWT_SECRET', 'JWT_ISSUER', 'JWT_AUDIENCE', 'MAX_TOKEN_LIFETIME'], { ...process.env, ...embedded }),
);
if (!config.JWT_SECRET) {
  exitWith(
    exitCodes.config,
    process.env.DATABASE_URL
      ? `${command.name}: JWT_SECRET is not set: export the server's JWT_SECRET in this terminal too`
      : `${command.name}: JWT_SECRET is not set and there is no embedded demo secret in ${process.env.DATA_DIR || './data'} (start the server with npm start first, or export the server's DATABASE_URL and JWT_SECRET in this terminal)`,
  );
}
const ttlMs = parseDuration(values.ttl);
if (ttlMs === undefined || ttlMs === 0) usageError(command, `--ttl ${values.ttl}: a duration like 30m, 8h or 1d`);
// The registry refuses a token that lives longer (401 auth.token_lifetime_too_long); say so now.
if (ttlMs > config.MAX_TOKEN_LIFETIME) {
  usageError(command, `--ttl ${values.ttl} is longer than MAX_TOKEN_LIFETIME (${config.MAX_TOKEN_LIFETIME / 1000} s): the registry would refuse the token`);
}
process.stdout.write(`${signDevToken(config, { org: values.org, scope: values.scope, ...(values.sub ? { sub: values.sub } : {}) }, ttlMs)}\n`);
