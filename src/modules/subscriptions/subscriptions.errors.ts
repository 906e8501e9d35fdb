import { conflict, notFound, unprocessable } from '../../lib/errors.ts';

export const subscriptionNotFound = (id: string) => notFound('subscriptions.not_found', `No subscription ${id} of yours.`);
export const unsafeUrl = (reason: string) => unprocessable('subscriptions.unsafe_url', `The webhook URL is not allowed: ${reason}.`);
export const tooManySubscriptions = (max: number) =>
  conflict('subscriptions.limit_reached', `An organisation may have at most ${max} subscriptions; delete one first.`);
