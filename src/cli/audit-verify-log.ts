import { readFile } from 'node:fs/promises';
import type { StoredEntry } from '../modules/audit/audit.chain.ts';
import { CompactRange, entryLeafHash, verifyConsistency, verifyInclusion } from '../modules/audit/audit.merkle.ts';
import {
  type Checkpoint,
  COSIGNATURE,
  NOTE_SIGNATURE,
  parseCheckpointBody,
  parseNote,
  parseVerifierKey,
  verifyCosignature,
  verifyNoteSignature,
} from '../modules/audit/audit.note.ts';

/**
 * The offline half of the Merkle log: checkpoints (the registry's signature, witnesses'
 * cosignatures), inclusion and consistency proofs as the API serves them, an export
 * against every checkpoint, and forks — two checkpoints of one size with different
 * roots, or a consistency proof that fails. Returns the lines to print and whether all held.
 */
export async function verifyLog(options: { checkpoints: string[]; proofs: string[]; logKey: string; witnessKeys: string[]; entries?: StoredEntry[] }) {
  const out: string[] = [];
  const failures: string[] = [];
  const keyText = await readMaybeFile(options.logKey);
  const logKey = parseVerifierKey(keyText);
  if (!logKey || logKey.type !== NOTE_SIGNATURE) return { out, failures: ['--log-key is not a signed-note verifier key (<origin>+<key id>+<base64(0x01 ‖ key)>)'] };
  const witnesses: { name: string; raw: Buffer }[] = [];
  for (const w of options.witnessKeys) {
    const key = parseVerifierKey(await readMaybeFile(w));
    if (!key || key.type !== COSIGNATURE) return { out, failures: [`--witness-key ${w} is not a cosignature verifier key (type 0x04)`] };
    witnesses.push(key);
  }

  // Every checkpoint seen, from files and from inside proofs, by where it came from.
  const seen: { source: string; checkpoint: Checkpoint }[] = [];
  /** A checkpoint the log key signed, with its cosignatures checked; null (and a failure) otherwise. */
  const accept = (text: string, source: string): Checkpoint | null => {
    const note = parseNote(text);
    const checkpoint = note ? parseCheckpointBody(note.body) : null;
    if (!note || !checkpoint) {
      failures.push(`${source} is not a signed checkpoint`);
      return null;
    }
    if (checkpoint.origin !== logKey.name) {
      failures.push(`${source} is a checkpoint of another log (${checkpoint.origin}, not ${logKey.name})`);
      return null;
    }
    if (!verifyNoteSignature(note, logKey.name, logKey.raw)) {
      failures.push(`${source}: the checkpoint signature does not verify with the log key`);
      return null;
    }
    const cosigned = witnesses.filter((w) => {
      const line = note.signatures.find((s) => s.name === w.name);
      return line !== undefined && verifyCosignature(line, note.body, w.name, w.raw) !== null;
    });
    const claimed = note.signatures.filter((s) => witnesses.some((w) => w.name === s.name)).length;
    if (claimed > cosigned.length) failures.push(`${source}: a cosignature by a witness you named does not verify`);
    out.push(`OK: ${source}: checkpoint of size ${checkpoint.size} signed by ${logKey.name}${witnesses.length ? `, cosigned by ${cosigned.length} of ${witnesses.length} witnesses${cosigned.length ? ` (${cosigned.map((w) => w.name).join(', ')})` : ''}` : ''}`);
    seen.push({ source, checkpoint });
    return checkpoint;
  };

  for (const file of options.checkpoints) accept(await readFile(file, 'utf8'), file);

  for (const file of options.proofs) {
    let proof: Record<string, unknown>;
    try {
      proof = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    } catch {
      failures.push(`${file} is not JSON`);
      continue;
    }
    const hashes = (v: unknown) => (Array.isArray(v) && v.every((h) => typeof h === 'string') ? v.map((h: string) => Buffer.from(h, 'base64')) : null);
    if (typeof proof.checkpoint === 'string' && typeof proof.entry === 'object' && proof.entry !== null) {
      const checkpoint = accept(proof.checkpoint, `${file} (its checkpoint)`);
      const path = hashes(proof.proof);
      const entry = proof.entry as StoredEntry;
      if (!checkpoint) continue;
      if (!path || !Number.isSafeInteger(entry.position)) {
        failures.push(`${file} is not an inclusion proof`);
        continue;
      }
      // The leaf is hashed here from the entry itself: a proof for an altered entry fails.
      if (verifyInclusion(entry.position - 1, checkpoint.size, entryLeafHash(entry), path, checkpoint.root)) {
        out.push(`OK: ${file}: entry ${entry.position} (${entry.action} ${entry.targetType} ${entry.targetId}) is in the log of size ${checkpoint.size}`);
      } else failures.push(`${file}: the inclusion proof of entry ${entry.position} does not lead to the root of the checkpoint of size ${checkpoint.size}`);
    } else if (typeof proof.fromCheckpoint === 'string' && typeof proof.toCheckpoint === 'string') {
      const first = accept(proof.fromCheckpoint, `${file} (its older checkpoint)`);
      const second = accept(proof.toCheckpoint, `${file} (its newer checkpoint)`);
      const path = hashes(proof.proof);
      if (!first || !second) continue;
      if (!path) {
        failures.push(`${file} is not a consistency proof`);
        continue;
      }
      if (verifyConsistency(first.size, second.size, first.root, second.root, path)) out.push(`OK: ${file}: the log of size ${second.size} extends the log of size ${first.size}`);
      else failures.push(`fork: ${file}: the checkpoint of size ${second.size} is not consistent with the one of size ${first.size}`);
    } else failures.push(`${file} is neither an inclusion nor a consistency proof`);
  }

  // Two signed checkpoints of one size with different roots: two histories were shown.
  const bySize = new Map<number, { source: string; checkpoint: Checkpoint }>();
  for (const s of seen) {
    const other = bySize.get(s.checkpoint.size);
    if (other && !other.checkpoint.root.equals(s.checkpoint.root)) {
      failures.push(`fork: ${other.source} and ${s.source} are both signed checkpoints of size ${s.checkpoint.size} with different roots`);
    }
    if (!other) bySize.set(s.checkpoint.size, s);
  }

  if (options.entries) {
    const tree = new CompactRange(0, []);
    const sizes = [...bySize.values()].sort((a, b) => a.checkpoint.size - b.checkpoint.size);
    let next = 0;
    for (const entry of options.entries) {
      tree.append(entryLeafHash(entry), () => {});
      while (next < sizes.length && sizes[next]!.checkpoint.size === tree.size) {
        const { source, checkpoint } = sizes[next]!;
        if (tree.root().equals(checkpoint.root)) out.push(`OK: the export's first ${checkpoint.size} entries make the root of ${source}`);
        else failures.push(`the export's first ${checkpoint.size} entries do not make the root of ${source}: an entry up to ${checkpoint.size} was altered, or the log forked`);
        next += 1;
      }
    }
    for (const { source, checkpoint } of sizes.slice(next)) failures.push(`${source} covers ${checkpoint.size} entries but the export has only ${options.entries.length}: entries were removed`);
  }
  return { out, failures };
}

/** A verifier key given inline, or the path of a file holding one. */
async function readMaybeFile(value: string) {
  try {
    return (await readFile(value, 'utf8')).trim();
  } catch {
    return value.trim();
  }
}
