import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkReceipt, keyIdOf } from '../modules/receipts/receipts.signature.ts';

// A status receipt checked without the API, e.g. a year later from the case file:
//   npm run receipt:verify -- --file receipt.json --public-key registry-receipts.pem
// --file holds the receipt as the status read returned it ({receipt, signature}); the key is
// the PEM from /.well-known/receipt-keys. Exits 0 when the signature verifies, 1 when it does
// not, 2 on a usage error. That the log holds the receipt's entry is checked online
// (POST /v1/receipts/verify) or with an inclusion proof.
const { values } = parseArgs({ options: { file: { type: 'string' }, 'public-key': { type: 'string' } } });
if (!values.file || !values['public-key']) {
  process.stderr.write('usage: npm run receipt:verify -- --file receipt.json --public-key key.pem\n');
  process.exit(2);
}

function fail(message: string): never {
  process.stdout.write(`FAILED: ${message}\n`);
  process.exit(1);
}

const [text, pem] = await Promise.all([readFile(values.file, 'utf8'), readFile(values['public-key'], 'utf8')]).catch((error: Error) =>
  fail(`cannot read the files: ${error.message}`),
);
let key: KeyObject | undefined;
try {
  key = createPublicKey(pem);
} catch {
  fail('the public key file is not a PEM public key');
}
if (key!.asymmetricKeyType !== 'ed25519') fail('the public key is not an Ed25519 key');
const keyId = keyIdOf(key!);

let document: unknown;
try {
  document = JSON.parse(text);
} catch {
  fail('the receipt file is not JSON');
}
const check = checkReceipt(document, (id) => (id === keyId ? key : undefined));
if (!check.valid) fail(check.reason === 'key_unknown' ? `${check.detail} (the public key given is ${keyId})` : check.detail);
const { receipt, signature } = check.signed;
const asked = receipt.type === 'supplier-status-receipt' ? `${receipt.question.orgNumber}${receipt.question.unitId ? ` unit ${receipt.question.unitId}` : ''}: ${receipt.answer.status}` : `${receipt.answer.results.length} suppliers`;
process.stdout.write(
  `OK: receipt ${receipt.id} signed by key ${signature.keyId}; ${receipt.question.askedBy} asked (${receipt.question.purpose}) about ${asked} as of ${receipt.asOf}; log position ${receipt.log.position}, digest ${receipt.log.digest}\n`,
);
