import { badRequest } from '../../lib/errors.ts';
import { receiptPurposes } from './receipts.schemas.ts';

export const purposeRequired = () =>
  badRequest('receipts.purpose_required', `A receipt states why you asked: add purpose (${receiptPurposes.join(', ')}).`);
export const receiptNotWithAsOf = () =>
  badRequest(
    'receipts.not_with_as_of',
    'A receipt records a check made now; an answer as of a past moment (asOf) comes without one. Keep the receipt issued at the time, or ask an auditor for the as-of answer.',
  );
export const receiptNotAsked = () =>
  badRequest('receipts.not_asked', 'purpose and caseReference belong to a receipt: add receipt=true, or leave them out.');
