import { badRequest } from '../../lib/errors.ts';
import { receiptPurposes } from './receipts.schemas.ts';

export const purposeRequired = () =>
  badRequest({ code: 'receipts.purpose_required', detail: `A receipt states why you asked: add purpose (${receiptPurposes.join(', ')}).` });
export const receiptNotWithAsOf = () =>
  badRequest({
    code: 'receipts.not_with_as_of',
    detail: 'A receipt records a check made now; an answer as of a past moment (asOf) comes without one. Keep the receipt issued at the time, or ask an auditor for the as-of answer.',
  });
export const receiptNotAsked = () =>
  badRequest({ code: 'receipts.not_asked', detail: 'purpose and caseReference belong to a receipt: add receipt=true, or leave them out.' });
