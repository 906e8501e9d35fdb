import { conflict, forbidden, notFound, unprocessable } from '../../lib/errors.ts';

export const organisationNotFound = (id: string) => notFound({ code: 'organisations.not_found', detail: `No organisation ${id}.` });
export const organisationExists = (id: string) => conflict({ code: 'organisations.exists', detail: `Organisation ${id} already exists.` });
export const federationNotFound = (id: string) =>
  unprocessable({ code: 'organisations.federation_not_found', detail: `federationId ${id} is not a federation in this registry.` });
export const invalidOrganisationShape = (detail: string) => unprocessable({ code: 'organisations.invalid', detail });
export const municipalityCodeTaken = (code: string) =>
  conflict({ code: 'organisations.municipality_code_taken', detail: `Another organisation already has kommunkod ${code}.` });
export const alreadySuspended = (id: string) => conflict({ code: 'organisations.already_suspended', detail: `Organisation ${id} is already suspended.` });
export const notSuspended = (id: string) => conflict({ code: 'organisations.not_suspended', detail: `Organisation ${id} is not suspended.` });
// Suspending the operator would leave no one who could resume it.
export const operatorNotSuspendable = () =>
  unprocessable({ code: 'organisations.operator_not_suspendable', detail: 'The operator organisation cannot be suspended: no one could resume it.' });
export const notMunicipality = (id: string) =>
  unprocessable({ code: 'organisations.not_municipality', detail: `Organisation ${id} is not a municipality: only a municipality belongs to a federation.` });
export const notFederation = (id: string) => unprocessable({ code: 'organisations.not_federation', detail: `Organisation ${id} is not a federation: only a federation has members.` });
export const federationUnchanged = (id: string, federationId: string | null) =>
  conflict({
    code: 'organisations.federation_unchanged',
    detail: federationId === null ? `Organisation ${id} belongs to no federation already.` : `Organisation ${id} already belongs to federation ${federationId}.`,
  });
export const membershipHistoryForbidden = (id: string) =>
  forbidden({
    code: 'organisations.membership_history_forbidden',
    detail: `The federation history of ${id} is read by the operator, auditors, the municipality itself and the federations it belongs or belonged to.`,
  });
export const membersForbidden = (id: string) =>
  forbidden({ code: 'organisations.members_forbidden', detail: `The members of ${id} are read by the federation itself, the operator and auditors.` });
