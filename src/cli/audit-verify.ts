import { readFile } from 'node:fs/promises';
import { connectPostgres } from '../db/client.ts';
import { GENESIS_HASH, type SignedHead, type StoredEntry, verifyEntries, verifyHeadSignature } from '../modules/audit/audit.chain.ts';
import { createAuditRepository } from '../modules/audit/audit.repository.ts';
import { verifyLog } from './audit-verify-log.ts';
import { type Command, parseCommandLine, runCommand, usageError } from './command.ts';

const command: Command = {
  name: 'npm run audit:verify',
  help: `
usage: npm run audit:verify -- [--file export.jsonl --head head.json --public-key key.pem]
                               [--log-key <vkey> (--checkpoint cp.txt | --proof proof.json)… [--witness-key <vkey>]… [--file export.jsonl]]
                               [--database postgres://…]

Verifies the audit trail without the API; any of these together:

  --file export.jsonl --head head.json --public-key key.pem
      an audit export (GET /v1/audit/export) against a signed chain head, without the database
  --log-key <vkey> [--checkpoint cp.txt]… [--proof proof.json]… [--witness-key <vkey>]… [--file export.jsonl]
      Merkle checkpoints' signatures and witnesses' cosignatures, inclusion and consistency
      proofs as the API serves them, the export against every checkpoint, and forks between
      them all (a verifier key inline or in a file)
  --database postgres://…
      every signal's row against its version history, straight from the database (a
      read-only login is enough), as GET /v1/audit/verify does
  -h, --help
      this text

Needs no environment variables.
Exit codes: 0 all verified, 1 a check failed (FAILED: why), 2 bad command line.
`,
};

const values = parseCommandLine(command, {
  file: { type: 'string' },
  head: { type: 'string' },
  'public-key': { type: 'string' },
  database: { type: 'string' },
  'log-key': { type: 'string' },
  checkpoint: { type: 'string', multiple: true, default: [] },
  proof: { type: 'string', multiple: true, default: [] },
  'witness-key': { type: 'string', multiple: true, default: [] },
});
const logAsked = values['log-key'] !== undefined || values.checkpoint.length > 0 || values.proof.length > 0 || values['witness-key'].length > 0;
const chainAsked = values.head !== undefined || values['public-key'] !== undefined || (values.file !== undefined && !logAsked);
if (!chainAsked && !logAsked && !values.database) usageError(command, 'nothing to verify: give --file with --head and --public-key, --log-key with --checkpoint or --proof, or --database');
if (chainAsked && (!values.file || !values.head || !values['public-key'])) usageError(command, 'an export is checked against a head: give --file, --head and --public-key together');
if (logAsked && (!values['log-key'] || values.checkpoint.length + values.proof.length === 0)) usageError(command, 'the Merkle log needs --log-key and at least one --checkpoint or --proof');

const fail = (message: string): never => {
  process.stdout.write(`FAILED: ${message}\n`);
  process.exit(1);
};

// An unreachable database or a file that cannot be read ends in one line (exit 1), not a stack.
await runCommand(command, async () => {
  if (values.database) {
    const database = connectPostgres(values.database, 1);
    const drift = await createAuditRepository(database.db)
      .signalDrift(100)
      .finally(() => database.close());
    for (const d of drift.differing) {
      process.stdout.write(
        `signal ${d.signalId}: row at version ${d.version}, latest version ${d.latestVersion ?? 'none'}; differs in ${d.fields.join(', ')}\n`,
      );
    }
    if (drift.differing.length > 0) fail(`${drift.differing.length === 100 ? '100 or more' : drift.differing.length} of ${drift.checked} signals differ from their version history`);
    process.stdout.write(`OK: ${drift.checked} signals match their version history\n`);
  }

  if (chainAsked) await verifyExport(values.file!, values.head!, values['public-key']!);

  if (logAsked) {
    const entries = values.file === undefined ? undefined : parseExport(await readFile(values.file, 'utf8'));
    const { out, failures } = await verifyLog({ checkpoints: values.checkpoint, proofs: values.proof, logKey: values['log-key']!, witnessKeys: values['witness-key'], entries });
    for (const line of out) process.stdout.write(`${line}\n`);
    for (const line of failures.slice(0, -1)) process.stdout.write(`FAILED: ${line}\n`);
    if (failures.length) fail(failures.at(-1)!);
  }
});

function parseExport(exported: string): StoredEntry[] {
  try {
    return exported
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const entry: unknown = JSON.parse(line);
        if (typeof entry !== 'object' || entry === null) throw new Error('not an entry');
        return entry as StoredEntry;
      });
  } catch {
    return fail('the export is not valid JSON Lines');
  }
}

async function verifyExport(file: string, headFile: string, publicKeyFile: string) {
  const [exported, headText, publicKey] = await Promise.all([
    readFile(file, 'utf8'),
    readFile(headFile, 'utf8'),
    readFile(publicKeyFile, 'utf8'),
  ]);
  const entries = parseExport(exported);
  // A head the service signed always covers at least one entry; anything else is not one of its heads.
  const isSignedHead = (value: unknown): value is SignedHead => {
    const h = value as Partial<SignedHead> | null;
    return typeof h === 'object' && h !== null && Number.isSafeInteger(h.length) && h.length! >= 1 && typeof h.headHash === 'string' && typeof h.signature === 'string';
  };
  let parsedHead: unknown;
  try {
    parsedHead = JSON.parse(headText);
  } catch {
    fail('the head file is not JSON');
  }
  if (!isSignedHead(parsedHead)) fail('the head file is not a signed head ({length, headHash, signedAt, signature, publicKey})');
  const head = parsedHead as SignedHead;

  if (!verifyHeadSignature(head, publicKey)) fail('the head signature does not verify with this public key');
  const chain = verifyEntries(entries, 1, GENESIS_HASH);
  if (!chain.ok) fail(`chain broken at position ${chain.brokenAt}: ${chain.reason}`);
  // The chain links up on its own after its newest entries are cut off, or after an entry
  // is rewritten with every later hash recomputed; only the signed head shows either.
  if (entries.length < head.length) {
    const missing = head.length - entries.length === 1 ? `entry ${head.length} was` : `entries ${entries.length + 1}–${head.length} were`;
    fail(`the signed head covers ${head.length} entries but the export has only ${entries.length}: ${missing} removed`);
  }
  if (entries[head.length - 1]!.hash !== head.headHash) {
    fail(`entry ${head.length} has a different hash from the signed head: the chain up to it was rewritten`);
  }
  process.stdout.write(`OK: ${entries.length} entries verified; head ${head.length} signed at ${head.signedAt} matches\n`);
}
