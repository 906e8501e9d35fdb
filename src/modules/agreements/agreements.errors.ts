import { forbidden, notFound, unprocessable } from '../../lib/errors.ts';

export const agreementNotFound = (id: string) => notFound('agreements.not_found', `No agreement ${id}.`);
export const notAgreementOwner = () => forbidden('Only the organisation that owns the agreement may change its parties.', 'agreements.not_owner');
export const invalidPeriod = () => unprocessable('agreements.invalid_period', 'validUntil must not be before validFrom.');
