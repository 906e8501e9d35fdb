import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { createAuditRepository } from '../modules/audit/audit.repository.ts';
import { createDeliveryRepository } from '../modules/deliveries/deliveries.repository.ts';
import { createIdempotencyRepository } from '../modules/idempotency/idempotency.repository.ts';
import { createWebhookKeyRepository } from '../modules/webhook-keys/webhook-keys.repository.ts';

/**
 * Retention, every RETENTION_EVERY_MS: delivery attempts and the read log age out
 * (DELIVERY_LOG_RETENTION_DAYS, READ_LOG_RETENTION_DAYS), stored idempotent answers expire,
 * and retired webhook keys lose their private part. The audit chain never ages out.
 */
export function createRetention({ db, config, log }: { db: Db; config: Pick<Config, 'DELIVERY_LOG_RETENTION_DAYS' | 'READ_LOG_RETENTION_DAYS'>; log: FastifyBaseLogger }) {
  const deliveries = createDeliveryRepository(db);
  const audit = createAuditRepository(db);
  const idempotencyKeys = createIdempotencyRepository(db);
  const webhookKeys = createWebhookKeyRepository(db);
  return async (): Promise<void> => {
    try {
      await deliveries.pruneAttempts(config.DELIVERY_LOG_RETENTION_DAYS);
      await audit.pruneReads(config.READ_LOG_RETENTION_DAYS);
      await idempotencyKeys.prune();
      await webhookKeys.erasePrivateKeys(new Date());
    } catch (error) {
      log.warn({ err: error }, 'retention pruning failed; trying again in an hour');
    }
  };
}
