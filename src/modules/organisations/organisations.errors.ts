import { conflict, notFound, unprocessable } from '../../lib/errors.ts';

export const organisationNotFound = (id: string) => notFound('organisations.not_found', `No organisation ${id}.`);
export const organisationExists = (id: string) => conflict('organisations.exists', `Organisation ${id} already exists.`);
export const federationNotFound = (id: string) =>
  unprocessable('organisations.federation_not_found', `federationId ${id} is not a federation in this registry.`);
export const invalidOrganisationShape = (detail: string) => unprocessable('organisations.invalid', detail);
