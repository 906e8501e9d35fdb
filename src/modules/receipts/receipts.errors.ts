import { badRequest } from '../../lib/errors.ts';
import { receiptPurposes } from './receipts.schemas.ts';

export const purposeRequired = () =>
  badRequest('receipts.purpose_required', `A receipt states why you asked: add purpose (${receiptPurposes.join(', ')}).`);
export const receiptNotAsked = () =>
  badRequest('receipts.not_asked', 'purpose and caseReference belong to a receipt: add receipt=true, or leave them out.');
