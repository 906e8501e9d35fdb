import { badRequest, conflict, forbidden, notFound, unprocessable } from '../../lib/errors.ts';

/** The chain's signed head asked for, or made (GET and POST /v1/audit/head), before anything was written. */
export const emptyChain = () => notFound({ code: 'audit.empty', detail: 'The audit chain has no entries yet.' });
export const emptyLog = () => notFound({ code: 'audit.empty', detail: 'The audit log has no entries yet.' });
export const checkpointNotFound = (size: number) =>
  notFound({ code: 'audit.checkpoint_not_found', detail: `No signed checkpoint of size ${size}; ask GET /v1/audit/checkpoints for the sizes there are.` });
export const entryNotFound = (position: number) => notFound({ code: 'audit.entry_not_found', detail: `No audit entry at position ${position} that you may read.` });
export const entryNotInTree = (position: number, size: number) =>
  unprocessable({ code: 'audit.entry_not_in_tree', detail: `Entry ${position} is not in the tree of size ${size}: a tree of size n holds positions 1..n.` });
export const versionWithoutEntry = (signalId: string, version: number) =>
  notFound({ code: 'audit.no_entry_for_version', detail: `Signal ${signalId} has no version ${version} recorded by a member's change (versions the registry makes itself, such as expiry, have no audit entry).` });
export const badProofSizes = () => badRequest({ code: 'audit.bad_proof_sizes', detail: 'A consistency proof needs from ≤ to.' });
export const lookupRequired = () => badRequest({ code: 'audit.lookup_required', detail: 'Name the entry: position, or signalId and version.' });
export const witnessExists = () => conflict({ code: 'audit.witness_exists', detail: 'A witness with this name or public key is registered already.' });
export const badWitnessKey = () => unprocessable({ code: 'audit.bad_witness_key', detail: 'publicKey must be a base64 raw Ed25519 public key (32 bytes).' });
export const witnessUnknown = (name: string) => unprocessable({ code: 'audit.witness_unknown', detail: `No witness named ${name} is registered; register its key with POST /v1/audit/witnesses first.` });
export const witnessNotYours = () => forbidden({ code: 'audit.witness_not_yours', detail: 'The witness named in the cosignature belongs to another organisation.' });
export const cosignatureMalformed = () =>
  unprocessable({ code: 'audit.cosignature_malformed', detail: 'cosignature must be one signed-note signature line: "— <witness name> <base64(key id ‖ timestamp ‖ Ed25519 signature)>".' });
export const cosignatureInvalid = () =>
  unprocessable({ code: 'audit.cosignature_invalid', detail: 'The cosignature does not verify with the witness key over this checkpoint (C2SP tlog-cosignature, cosignature/v1).' });
export const cosignatureFromFuture = () => unprocessable({ code: 'audit.cosignature_future', detail: 'The cosignature’s timestamp is in the future.' });
export const chainBroken = (reason: string) => conflict({ code: 'audit.chain_broken', detail: `The audit chain does not verify, so no checkpoint is signed: ${reason}` });
