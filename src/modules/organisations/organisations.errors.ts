import { conflict, forbidden, notFound, unprocessable } from '../../lib/errors.ts';

export const organisationNotFound = (id: string) => notFound('organisations.not_found', `No organisation ${id}.`);
export const organisationExists = (id: string) => conflict('organisations.exists', `Organisation ${id} already exists.`);
export const federationNotFound = (id: string) =>
  unprocessable('organisations.federation_not_found', `federationId ${id} is not a federation in this registry.`);
export const invalidOrganisationShape = (detail: string) => unprocessable('organisations.invalid', detail);
export const municipalityCodeTaken = (code: string) =>
  conflict('organisations.municipality_code_taken', `Another organisation already has kommunkod ${code}.`);
export const alreadySuspended = (id: string) => conflict('organisations.already_suspended', `Organisation ${id} is already suspended.`);
export const notSuspended = (id: string) => conflict('organisations.not_suspended', `Organisation ${id} is not suspended.`);
// Suspending the operator would leave no one who could resume it.
export const operatorNotSuspendable = () =>
  unprocessable('organisations.operator_not_suspendable', 'The operator organisation cannot be suspended: no one could resume it.');
export const notMunicipality = (id: string) =>
  unprocessable('organisations.not_municipality', `Organisation ${id} is not a municipality: only a municipality belongs to a federation.`);
export const notFederation = (id: string) => unprocessable('organisations.not_federation', `Organisation ${id} is not a federation: only a federation has members.`);
export const federationUnchanged = (id: string, federationId: string | null) =>
  conflict(
    'organisations.federation_unchanged',
    federationId === null ? `Organisation ${id} belongs to no federation already.` : `Organisation ${id} already belongs to federation ${federationId}.`,
  );
export const membershipHistoryForbidden = (id: string) =>
  forbidden(
    `The federation history of ${id} is read by the operator, auditors, the municipality itself and the federations it belongs or belonged to.`,
    'organisations.membership_history_forbidden',
  );
export const membersForbidden = (id: string) =>
  forbidden(`The members of ${id} are read by the federation itself, the operator and auditors.`, 'organisations.members_forbidden');
