import { conflict, notFound, unprocessable } from '../../lib/errors.ts';

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
