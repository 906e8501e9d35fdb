import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * Checkpoints as C2SP signed notes (c2sp.org/tlog-checkpoint, c2sp.org/signed-note) and
 * witness cosignatures (c2sp.org/tlog-cosignature, Ed25519, cosignature/v1).
 *
 * A checkpoint's body is three lines: the origin, the tree size in decimal, the root hash
 * in base64. A signature line is `— <key name> <base64(key id ‖ signature)>`, where the
 * key id is the first 4 bytes of SHA-256(name ‖ "\n" ‖ type ‖ 32-byte public key), type
 * 0x01 for a note signature (the registry's) and 0x04 for a cosignature. A cosignature's
 * signature is timestamp (u64, big-endian) ‖ Ed25519 over
 * "cosignature/v1\ntime <timestamp>\n" ‖ body.
 */

export const NOTE_SIGNATURE = 0x01;
export const COSIGNATURE = 0x04;
const EM_DASH = '\u2014';

/** The raw 32-byte Ed25519 public key of a key object. */
export function rawPublicKey(key: KeyObject): Buffer {
  const der = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

/** An Ed25519 public key object from its raw 32 bytes. */
export function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]), format: 'der', type: 'spki' });
}

export function keyId(name: string, type: number, raw: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([type]), raw]))
    .digest()
    .subarray(0, 4);
}

/** A verifier key as the signed-note spec encodes it: <name>+<hex key id>+<base64(type ‖ key)>. */
export const verifierKey = (name: string, type: number, raw: Buffer) =>
  `${name}+${keyId(name, type, raw).toString('hex')}+${Buffer.concat([Buffer.from([type]), raw]).toString('base64')}`;

export function parseVerifierKey(vkey: string): { name: string; type: number; raw: Buffer } | null {
  // The name has no '+'; the base64 key may.
  const match = /^([^+\s]+)\+([0-9a-fA-F]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(vkey.trim());
  if (!match) return null;
  const [, name, id, key] = match as unknown as [string, string, string, string];
  const bytes = Buffer.from(key, 'base64');
  if (bytes.length !== 33) return null;
  const type = bytes[0]!;
  const raw = bytes.subarray(1);
  if (keyId(name, type, raw).toString('hex') !== id.toLowerCase()) return null;
  return { name, type, raw };
}

/** A key name: non-empty, no spaces, no '+', no control characters (signed-note). */
export const validKeyName = (name: string) => name.length > 0 && name.length <= 200 && !/[\s+\p{Cc}]/u.test(name);

export const checkpointBody = (origin: string, size: number, root: Buffer) => `${origin}\n${size}\n${root.toString('base64')}\n`;

export interface SignatureLine {
  name: string;
  /** The decoded bytes after the name: key id ‖ signature. */
  bytes: Buffer;
  line: string;
}

export interface ParsedNote {
  body: string;
  signatures: SignatureLine[];
}

/** Splits a signed note into its body and signature lines, or null when it is not one. */
export function parseNote(text: string): ParsedNote | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text) || !text.endsWith('\n')) return null;
  const split = text.lastIndexOf('\n\n');
  if (split < 0) return null;
  const body = text.slice(0, split + 1);
  const lines = text.slice(split + 2, -1).split('\n');
  const signatures: SignatureLine[] = [];
  for (const line of lines) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/.exec(line);
    if (!match) return null;
    const bytes = Buffer.from(match[2]!, 'base64');
    if (bytes.length < 5) return null;
    signatures.push({ name: match[1]!, bytes, line });
  }
  return signatures.length ? { body, signatures } : null;
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

/** The first three lines of a checkpoint body (extension lines are allowed and ignored). */
export function parseCheckpointBody(body: string): Checkpoint | null {
  const [origin, size, root] = body.split('\n');
  if (!origin || !size || !/^(0|[1-9]\d{0,15})$/.test(size) || !root || !/^[A-Za-z0-9+/]{43}=$/.test(root)) return null;
  const n = Number(size);
  if (!Number.isSafeInteger(n)) return null;
  return { origin, size: n, root: Buffer.from(root, 'base64') };
}

export function signatureLine(name: string, id: Buffer, signature: Buffer) {
  return `${EM_DASH} ${name} ${Buffer.concat([id, signature]).toString('base64')}`;
}

/** The registry's signed checkpoint: body, blank line, its signature line. */
export function signCheckpoint(key: KeyObject, name: string, body: string): string {
  const signature = sign(null, Buffer.from(body, 'utf8'), key);
  return `${body}\n${signatureLine(name, keyId(name, NOTE_SIGNATURE, rawPublicKey(key)), signature)}\n`;
}

/** Does one of the note's lines carry a valid signature by (name, key) of the given type? */
export function findSignature(note: ParsedNote, name: string, raw: Buffer, type: number): SignatureLine | null {
  const id = keyId(name, type, raw);
  return note.signatures.find((s) => s.name === name && s.bytes.subarray(0, 4).equals(id)) ?? null;
}

export function verifyNoteSignature(note: ParsedNote, name: string, raw: Buffer): boolean {
  const line = findSignature(note, name, raw, NOTE_SIGNATURE);
  if (!line || line.bytes.length !== 68) return false;
  return verify(null, Buffer.from(note.body, 'utf8'), publicKeyFromRaw(raw), line.bytes.subarray(4));
}

export const cosignedMessage = (timestamp: bigint, body: string) => Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`, 'utf8');

/** A cosignature line for `body` by a witness key: what a witness POSTs. */
export function cosign(key: KeyObject, name: string, body: string, timestamp: bigint): string {
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(timestamp);
  const signature = sign(null, cosignedMessage(timestamp, body), key);
  return signatureLine(name, keyId(name, COSIGNATURE, rawPublicKey(key)), Buffer.concat([ts, signature]));
}

/** The cosignature's timestamp when it is a valid cosignature of `body` by (name, key), else null. */
export function verifyCosignature(line: SignatureLine, body: string, name: string, raw: Buffer): bigint | null {
  if (line.name !== name || line.bytes.length !== 4 + 8 + 64 || !line.bytes.subarray(0, 4).equals(keyId(name, COSIGNATURE, raw))) return null;
  const timestamp = line.bytes.readBigUInt64BE(4);
  if (timestamp > 2n ** 63n - 1n) return null;
  try {
    return verify(null, cosignedMessage(timestamp, body), publicKeyFromRaw(raw), line.bytes.subarray(12)) ? timestamp : null;
  } catch {
    return null;
  }
}
