import type { KeyObject } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { createAuditTreeRepository } from '../modules/audit/audit.tree.repository.ts';
import { createAuditTree } from '../modules/audit/audit.tree.service.ts';

/**
 * The checkpoint signer, at start and every SIGNING_INTERVAL_MS while the log grows: it extends the Merkle
 * tree over the new entries and signs a checkpoint, so auditors always find a recent one and
 * no write ever waits for the tree. It runs in the workers, once per worker process rather
 * than once per API replica; a second signer finds the log already covered and signs nothing.
 */
export function createCheckpointSigner({ db, signingKey, origin, log }: { db: Db; signingKey: KeyObject; origin: string; log: FastifyBaseLogger }) {
  const tree = createAuditTree({ tree: createAuditTreeRepository(db), signingKey, origin });
  return async (): Promise<void> => {
    try {
      await tree.signIfGrown();
    } catch (error) {
      log.warn({ err: error }, 'could not sign an audit checkpoint');
    }
  };
}
