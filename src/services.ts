import type { Db } from './db/client.ts';
import { createAgreementRepository } from './modules/agreements/agreements.repository.ts';
import { createAgreementService } from './modules/agreements/agreements.service.ts';
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
export function createServices(db: Db, newId = uuidv7) {
  const organisationRepository = createOrganisationRepository(db);
  const supplierRepository = createSupplierRepository(db);
  const agreementRepository = createAgreementRepository(db);
  const signalRepository = createSignalRepository(db);
  const organisations = createOrganisationService({ organisations: organisationRepository });
  const suppliers = createSupplierService({ suppliers: supplierRepository, newId });
  const agreements = createAgreementService({ agreements: agreementRepository, suppliers: supplierRepository, newId });
  const signals = createSignalService({
    db,
    signals: signalRepository,
    suppliers: supplierRepository,
    agreements: agreementRepository,
    newId,
  });
  const status = createStatusService({ status: createStatusRepository(db), suppliers: supplierRepository });
  return { organisationRepository, organisations, suppliers, agreements, signals, status };
}

export type Services = ReturnType<typeof createServices>;
