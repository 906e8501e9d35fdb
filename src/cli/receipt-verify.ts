import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { checkReceipt, keyIdOf } from '../modules/receipts/receipts.signature.ts';
import { type Command, parseCommandLine, usageError } from './command.ts';

const command: Command = {
  name: 'npm run receipt:verify',
  help: `
usage: npm run receipt:verify -- --file receipt.json --public-key registry-receipts.pem

Checks a signed status receipt without the API, e.g. a year later from the case file.

  --file <path>        the receipt as the status read returned it ({receipt, signature})
  --public-key <path>  the registry's Ed25519 receipt key (PEM, from /.well-known/receipt-keys)
  -h, --help           this text

That the audit log holds the receipt's entry is checked online (POST /v1/receipts/verify)
or with an inclusion proof (npm run audit:verify).
Needs no environment variables and no database.
Exit codes: 0 the signature verifies, 1 it does not (FAILED: why), 2 bad command line.
`,
};

const values = parseCommandLine(command, { file: { type: 'string' }, 'public-key': { type: 'string' } });
if (!values.file || !values['public-key']) usageError(command, 'both --file and --public-key are required');

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
