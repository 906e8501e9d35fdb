import { z } from 'zod';
import { deprecatedNextPosition, pageParams, refusePersonalData, withoutNul } from '../../lib/schemas.ts';
import { auditEntrySchema } from './audit.schemas.ts';
import { validKeyName } from './audit.note.ts';

const base64Hash = z.string().describe('A SHA-256 hash, base64 (RFC 4648 section 4).');
const size = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const checkpointSchema = z
  .object({
    size: z.number().int().describe('Tree size: the checkpoint covers the entries at positions 1..size (leaves 0..size−1).'),
    rootHash: base64Hash.describe('The RFC 9162 root hash (MTH) of the tree of this size, base64, as on the checkpoint’s third line.'),
    signedAt: z.date().describe('When the registry signed it (not part of the signed text).'),
    verifierKey: z.string().describe('The registry’s checkpoint key as a signed-note verifier key: <origin>+<hex key id>+<base64(0x01 ‖ Ed25519 public key)>. Get it once, out of band too, and check every checkpoint with it.'),
    checkpoint: z
      .string()
      .describe(
        'The checkpoint as a C2SP signed note: origin line, tree size, base64 root hash, a blank line, the registry’s signature line `— <origin> <base64(key id ‖ Ed25519 signature)>`, then one line per witness cosignature (C2SP tlog-cosignature). Keep this text: it is what `npm run audit:verify` checks.',
      ),
    cosignatures: z
      .array(
        z.object({
          witness: z.string().describe('The witness’s name (its key name).'),
          timestamp: z.number().int().describe('The cosignature’s POSIX timestamp, as signed.'),
          line: z.string().describe('The cosignature line as it appears in `checkpoint`.'),
          receivedAt: z.date(),
        }),
      )
      .describe('Witness cosignatures of this checkpoint, oldest first.'),
  })
  .meta({ id: 'AuditCheckpoint', description: 'A signed checkpoint of the Merkle audit log (C2SP tlog-checkpoint), with the cosignatures witnesses posted.' });

export const checkpointList = z.object({
  items: z.array(checkpointSchema).describe('Newest first.'),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next (older) page; null on the last page.'),
  nextBefore: deprecatedNextPosition('the size of the last checkpoint of this page, for clients that still page with `before`; null on the last page.', true),
});

export const checkpointListQuery = z
  .object({
    ...pageParams({ max: 1000, defaultLimit: 100 }),
    before: size
      .optional()
      .meta({ deprecated: true })
      .describe('Deprecated alias of `cursor`, kept for one release: only checkpoints smaller than this size. Not together with `cursor`.'),
  })
  .strict();

export const sizeParams = z.object({ size }).strict();

export const inclusionQuery = z
  .object({
    position: size.optional().describe('The entry’s position in the log (from 1): leaf index position − 1. A status receipt names its position.'),
    signalId: z.uuid().optional().describe('With version: the entry that recorded this version of a signal.'),
    version: z.coerce.number().int().min(1).max(1_000_000).optional().describe('With signalId: the signal’s version.'),
    treeSize: size.optional().describe('The size of the signed checkpoint to prove against; default the newest.'),
  })
  .strict();

export const inclusionProofSchema = z
  .object({
    position: z.number().int().describe('The entry’s position (from 1).'),
    leafIndex: z.number().int().describe('Its leaf index in the tree: position − 1.'),
    treeSize: z.number().int().describe('The size of the checkpoint the proof is against.'),
    leafHash: base64Hash.describe('SHA-256(0x00 ‖ leaf bytes); the leaf bytes are the UTF-8 canonical JSON (keys sorted, no spaces) of `entry`.'),
    entry: auditEntrySchema,
    proof: z.array(base64Hash).describe('The audit path PATH(leafIndex, D[treeSize]) of RFC 9162 section 2.1.3.1, leaf side first.'),
    checkpoint: z.string().describe('The signed checkpoint of treeSize (as GET /v1/audit/checkpoints/{size} serves it).'),
  })
  .meta({ id: 'AuditInclusionProof', description: 'An RFC 9162 inclusion proof of one audit entry against a signed checkpoint.' });

export const consistencyQuery = z
  .object({
    from: size.describe('The size of the older signed checkpoint.'),
    to: size.describe('The size of the newer signed checkpoint.'),
  })
  .strict();

export const consistencyProofSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    proof: z.array(base64Hash).describe('PROOF(from, D[to]) of RFC 9162 section 2.1.4.1; empty when from = to.'),
    fromCheckpoint: z.string().describe('The signed checkpoint of size from.'),
    toCheckpoint: z.string().describe('The signed checkpoint of size to.'),
  })
  .meta({ id: 'AuditConsistencyProof', description: 'An RFC 9162 consistency proof: the tree of size `to` extends the tree of size `from`.' });

export const witnessSchema = z
  .object({
    name: z.string().describe('The witness’s key name, as in its cosignature lines.'),
    orgId: z.string().describe('The auditor organisation that registered it and may cosign with it.'),
    publicKey: z.string().describe('The raw Ed25519 public key, base64 (32 bytes).'),
    verifierKey: z.string().describe('The same key as a signed-note verifier key: <name>+<hex key id>+<base64(0x04 ‖ key)> (signature type 0x04, tlog-cosignature); pass it to `npm run audit:verify -- --witness-key`.'),
    createdAt: z.date(),
  })
  .meta({ id: 'AuditWitness' });

export const newWitnessSchema = z
  .object({
    name: z
      .string()
      .max(200)
      .refine(...withoutNul)
      .refine(validKeyName, { message: 'a key name: no spaces, no +, no control characters; a schema-less URL such as revision.sundsvall.se/witness' })
      .superRefine(refusePersonalData())
      .describe('The witness’s key name, a schema-less URL naming it, e.g. revision.sundsvall.se/witness.'),
    publicKey: z.string().max(100).describe('The raw 32-byte Ed25519 public key, base64.'),
  })
  .strict();

export const cosignatureBody = z
  .object({
    cosignature: z
      .string()
      .max(1000)
      .refine(...withoutNul)
      .describe('One cosignature line of this checkpoint (C2SP tlog-cosignature, Ed25519): `— <witness name> <base64(key id ‖ u64 timestamp ‖ signature)>`, the signature over "cosignature/v1\\ntime <timestamp>\\n" followed by the checkpoint’s body.'),
  })
  .strict();

export const witnessList = z.object({ items: z.array(witnessSchema) });
