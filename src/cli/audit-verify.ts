import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { GENESIS_HASH, type SignedHead, type StoredEntry, verifyEntries, verifyHeadSignature } from '../modules/audit/audit.chain.ts';

// Offline verification of an audit export against a signed head, without the database:
//   npm run audit:verify -- --file export.jsonl --head head.json --public-key key.pem
const { values } = parseArgs({ options: { file: { type: 'string' }, head: { type: 'string' }, 'public-key': { type: 'string' } } });
if (!values.file || !values.head || !values['public-key']) {
  process.stderr.write('usage: npm run audit:verify -- --file export.jsonl --head head.json --public-key key.pem\n');
  process.exit(2);
}

const fail = (message: string): never => {
  process.stdout.write(`FAILED: ${message}\n`);
  process.exit(1);
};

const [exported, headText, publicKey] = await Promise.all([
  readFile(values.file, 'utf8'),
  readFile(values.head, 'utf8'),
  readFile(values['public-key'], 'utf8'),
]);
let entries: StoredEntry[] = [];
try {
  entries = exported
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const entry: unknown = JSON.parse(line);
      if (typeof entry !== 'object' || entry === null) throw new Error('not an entry');
      return entry as StoredEntry;
    });
} catch {
  fail('the export is not valid JSON Lines');
}
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
