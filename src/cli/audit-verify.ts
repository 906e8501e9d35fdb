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
    .map((line) => JSON.parse(line) as StoredEntry);
} catch {
  fail('the export is not valid JSON Lines');
}
const head = JSON.parse(headText) as SignedHead;

if (!verifyHeadSignature(head, publicKey)) fail('the head signature does not verify with this public key');
const chain = verifyEntries(entries, 1, GENESIS_HASH);
if (!chain.ok) fail(`chain broken at position ${chain.brokenAt}: ${chain.reason}`);
if (entries.length < head.length) fail(`the signed head covers ${head.length} entries; the export has ${entries.length}`);
if (entries[head.length - 1]!.hash !== head.headHash) fail(`entry ${head.length} does not match the signed head`);
process.stdout.write(`OK: ${entries.length} entries verified; head ${head.length} signed at ${head.signedAt} matches\n`);
