import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { createDeliveryRepository } from './modules/deliveries/deliveries.repository.ts';
import type { WebhookSender } from './modules/deliveries/deliveries.sender.ts';
import { createDeliveryService, type Requeue } from './modules/deliveries/deliveries.service.ts';
import { createSubscriptionRepository } from './modules/subscriptions/subscriptions.repository.ts';
import { createSubscriptionService } from './modules/subscriptions/subscriptions.service.ts';
import { createAgreementRepository } from './modules/agreements/agreements.repository.ts';
import { createAgreementService } from './modules/agreements/agreements.service.ts';
import { createEventRepository } from './modules/events/events.repository.ts';
import { createOrganisationRepository } from './modules/organisations/organisations.repository.ts';
import { createOrganisationService } from './modules/organisations/organisations.service.ts';
import { createSignalRepository } from './modules/signals/signals.repository.ts';
import { createSignalService } from './modules/signals/signals.service.ts';
import { createStatusRepository } from './modules/status/status.repository.ts';
import { createStatusService } from './modules/status/status.service.ts';
import { createSupplierRepository } from './modules/suppliers/suppliers.repository.ts';
import { createSupplierService } from './modules/suppliers/suppliers.service.ts';
import { uuidv7 } from './lib/ids.ts';

/** Wires repositories into services; the one place that knows every module. */
export function createServices({ db, config, sender, requeue, newId = uuidv7 }: {
  db: Db;
  config: Config;
  sender: WebhookSender;
  requeue: Requeue;
  newId?: () => string;
}) {
  const organisationRepository = createOrganisationRepository(db);
  const supplierRepository = createSupplierRepository(db);
  const agreementRepository = createAgreementRepository(db);
  const signalRepository = createSignalRepository(db);
  const eventRepository = createEventRepository(db);
  const organisations = createOrganisationService({ organisations: organisationRepository });
  const suppliers = createSupplierService({ suppliers: supplierRepository, newId });
  const agreements = createAgreementService({ agreements: agreementRepository, suppliers: supplierRepository, newId });
  const signals = createSignalService({
    db,
    signals: signalRepository,
    suppliers: supplierRepository,
    agreements: agreementRepository,
    events: eventRepository,
    newId,
  });
  const status = createStatusService({ status: createStatusRepository(db), suppliers: supplierRepository });
  const subscriptionRepository = createSubscriptionRepository(db);
  const subscriptions = createSubscriptionService({ subscriptions: subscriptionRepository, sender, config, newId });
  const deliveries = createDeliveryService({
    db,
    deliveries: createDeliveryRepository(db),
    subscriptions: subscriptionRepository,
    events: eventRepository,
    requeue,
    newId,
  });
  return { organisationRepository, organisations, suppliers, agreements, signals, status, subscriptions, deliveries, eventRepository };
}

export type Services = ReturnType<typeof createServices>;
