import { forbidden, notFound, unprocessable } from '../../lib/errors.ts';

export const agreementNotFound = (id: string) => notFound({ code: 'agreements.not_found', detail: `No agreement ${id}.` });
export const notAgreementOwner = () => forbidden({ code: 'agreements.not_owner', detail: 'Only the organisation that owns the agreement may change its parties.' });
export const invalidPeriod = () => unprocessable({ code: 'agreements.invalid_period', detail: 'validUntil must not be before validFrom.' });
