import type { KeyObject } from 'node:crypto';
import type { Config } from './config.ts';
import type { FlowLimiter } from './lib/flow-limiter.ts';
import { createAuditRepository } from './modules/audit/audit.repository.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createAuditTreeRepository } from './modules/audit/audit.tree.repository.ts';
import { createAuditTree } from './modules/audit/audit.tree.service.ts';
import type { Db } from './db/client.ts';
import { createDeliveryRepository } from './modules/deliveries/deliveries.repository.ts';
import type { WebhookSender } from './modules/deliveries/deliveries.sender.ts';
import { createDeliveryService, type Requeue } from './modules/deliveries/deliveries.service.ts';
import { createSubscriptionRepository } from './modules/subscriptions/subscriptions.repository.ts';
import { createSubscriptionService } from './modules/subscriptions/subscriptions.service.ts';
import { createAgreementRepository } from './modules/agreements/agreements.repository.ts';
import { createAgreementService } from './modules/agreements/agreements.service.ts';
import { createEventRepository } from './modules/events/events.repository.ts';
import { createEventService } from './modules/events/events.service.ts';
import { createOrganisationRepository } from './modules/organisations/organisations.repository.ts';
import { createOrganisationService } from './modules/organisations/organisations.service.ts';
import { createMembershipRepository } from './modules/organisations/organisations.memberships.repository.ts';
import { createMembershipService } from './modules/organisations/organisations.memberships.service.ts';
import { createSignalRepository } from './modules/signals/signals.repository.ts';
import { createSignalService } from './modules/signals/signals.service.ts';
import { createFollowUpRepository } from './modules/followups/followups.repository.ts';
import { createFollowUpService } from './modules/followups/followups.service.ts';
import { createStatusRepository } from './modules/status/status.repository.ts';
import { createStatusService } from './modules/status/status.service.ts';
import { createFlaggedRepository } from './modules/status/status.flagged.repository.ts';
import { createReceiptService } from './modules/receipts/receipts.service.ts';
import { createStatusAsOfRepository } from './modules/status/status.as-of.repository.ts';
import { createStatusAsOfService } from './modules/status/status.as-of.service.ts';
import { createSupplierRepository } from './modules/suppliers/suppliers.repository.ts';
import { createSupplierService } from './modules/suppliers/suppliers.service.ts';
import { createLinkRepository } from './modules/links/links.repository.ts';
import { createLinkService } from './modules/links/links.service.ts';
import { createReplyRepository } from './modules/replies/replies.repository.ts';
import { createReplyService } from './modules/replies/replies.service.ts';
import { uuidv7 } from './lib/ids.ts';
import { createSubjectPseudonyms } from './lib/pseudonyms.ts';
import { createGroupCommit } from './db/group-commit.ts';
import type { WebhookKeyring, WebhookKeyStore } from './modules/webhook-keys/webhook-keys.keyring.ts';
import { createWebhookKeyService } from './modules/webhook-keys/webhook-keys.service.ts';
import type { WarnLog } from './lib/throttled-log.ts';

/** Wires repositories into services; the one place that knows every module. */
export function createServices({ db, config, sender, requeue, signingKey, flow, webhookKeys, log, newId = uuidv7 }: {
  db: Db;
  /** For what a service does after answering and may not fail it with: woken lanes. */
  log?: WarnLog;
  flow: FlowLimiter;
  config: Config;
  sender: WebhookSender;
  requeue: Requeue;
  signingKey: KeyObject;
  webhookKeys: { keyring: WebhookKeyring; store: WebhookKeyStore };
  newId?: () => string;
}) {
  const auditRepository = createAuditRepository(db);
  const auditTreeRepository = createAuditTreeRepository(db);
  const auditTree = createAuditTree({ tree: auditTreeRepository, signingKey, origin: config.AUDIT_LOG_ORIGIN });
  const audit = createAuditService({ audit: auditRepository, signingKey, checkpoints: auditTreeRepository.allCheckpoints });
  const pseudonymise = createSubjectPseudonyms(signingKey);
  const organisationRepository = createOrganisationRepository(db);
  const supplierRepository = createSupplierRepository(db);
  const agreementRepository = createAgreementRepository(db);
  const signalRepository = createSignalRepository(db);
  const eventRepository = createEventRepository(db);
  const replyRepository = createReplyRepository(db);
  const membershipRepository = createMembershipRepository(db);
  const organisations = createOrganisationService({ db, organisations: organisationRepository, audit, pseudonymise, memberships: membershipRepository });
  const memberships = createMembershipService({ db, organisations: organisationRepository, memberships: membershipRepository, audit });
  const links = createLinkService({ db, links: createLinkRepository(db), suppliers: supplierRepository, events: eventRepository, audit, newId });
  const suppliers = createSupplierService({ db, suppliers: supplierRepository, events: eventRepository, links, audit, newId });
  const agreements = createAgreementService({ db, agreements: agreementRepository, suppliers: supplierRepository, audit, newId });
  const signals = createSignalService({
    db,
    signals: signalRepository,
    suppliers: supplierRepository,
    agreements: agreementRepository,
    organisations: organisationRepository,
    replies: replyRepository,
    events: eventRepository,
    audit,
    flow,
    commitNew: createGroupCommit(db, { end: { begin: auditRepository.beginBatch, finish: auditRepository.finishBatch } }).run,
    newId,
  });
  const followUps = createFollowUpService({ db, followUps: createFollowUpRepository(db), suppliers: supplierRepository, signals: signalRepository, audit, newId });
  const status = createStatusService({ status: createStatusRepository(db), flagged: createFlaggedRepository(db), audit, newId });
  const receipts = createReceiptService({ db, audit, logEntryAt: auditRepository.at, signingKey, newId });
  const statusAsOf = createStatusAsOfService({ history: createStatusAsOfRepository(db), organisations: organisationRepository, memberships: membershipRepository, audit, newId });
  const subscriptionRepository = createSubscriptionRepository(db);
  const subscriptions = createSubscriptionService({ db, audit, subscriptions: subscriptionRepository, organisations: organisationRepository, sender, webhookKeys: webhookKeys.keyring, config, newId });
  const deliveries = createDeliveryService({
    db,
    deliveries: createDeliveryRepository(db),
    subscriptions: subscriptionRepository,
    organisations: organisationRepository,
    events: eventRepository,
    requeue,
    audit,
    log,
    newId,
  });
  const events = createEventService({ events: eventRepository, audit, newId });
  const replies = createReplyService({
    db,
    replies: replyRepository,
    signals: signalRepository,
    suppliers: supplierRepository,
    organisations: organisationRepository,
    events: eventRepository,
    audit,
    newId,
  });
  const webhookKeyService = createWebhookKeyService({ db, ...webhookKeys, audit, leadMs: config.WEBHOOK_KEY_LEAD_TIME });
  return {
    webhookKeys: webhookKeyService,
    audit, auditTree, auditTreeRepository, pseudonymise, organisationRepository, organisations, memberships, suppliers, links, agreements, signals, followUps, replies, status, statusAsOf, receipts, subscriptions, deliveries, eventRepository, events };
}

export type Services = ReturnType<typeof createServices>;
