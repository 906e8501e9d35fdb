import { badRequest, conflict, forbidden, notFound, unprocessable } from '../../lib/errors.ts';

export const emptyLog = () => notFound('audit.empty', 'The audit log has no entries yet.');
export const checkpointNotFound = (size: number) =>
  notFound('audit.checkpoint_not_found', `No signed checkpoint of size ${size}; ask GET /v1/audit/checkpoints for the sizes there are.`);
export const entryNotFound = (position: number) => notFound('audit.entry_not_found', `No audit entry at position ${position} that you may read.`);
export const entryNotInTree = (position: number, size: number) =>
  unprocessable('audit.entry_not_in_tree', `Entry ${position} is not in the tree of size ${size}: a tree of size n holds positions 1..n.`);
export const versionWithoutEntry = (signalId: string, version: number) =>
  notFound('audit.no_entry_for_version', `Signal ${signalId} has no version ${version} recorded by a member's change (versions the registry makes itself, such as expiry, have no audit entry).`);
export const badProofSizes = () => badRequest('audit.bad_proof_sizes', 'A consistency proof needs from ≤ to.');
export const lookupRequired = () => badRequest('audit.lookup_required', 'Name the entry: position, or signalId and version.');
export const witnessExists = () => conflict('audit.witness_exists', 'A witness with this name or public key is registered already.');
export const badWitnessKey = () => unprocessable('audit.bad_witness_key', 'publicKey must be a base64 raw Ed25519 public key (32 bytes).');
export const witnessUnknown = (name: string) => unprocessable('audit.witness_unknown', `No witness named ${name} is registered; register its key with POST /v1/audit/witnesses first.`);
export const witnessNotYours = () => forbidden('The witness named in the cosignature belongs to another organisation.', 'audit.witness_not_yours');
export const cosignatureMalformed = () =>
  unprocessable('audit.cosignature_malformed', 'cosignature must be one signed-note signature line: "— <witness name> <base64(key id ‖ timestamp ‖ Ed25519 signature)>".');
export const cosignatureInvalid = () =>
  unprocessable('audit.cosignature_invalid', 'The cosignature does not verify with the witness key over this checkpoint (C2SP tlog-cosignature, cosignature/v1).');
export const cosignatureFromFuture = () => unprocessable('audit.cosignature_future', 'The cosignature’s timestamp is in the future.');
export const chainBroken = (reason: string) => conflict('audit.chain_broken', `The audit chain does not verify, so no checkpoint is signed: ${reason}`);
