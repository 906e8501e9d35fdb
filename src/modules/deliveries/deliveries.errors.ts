import { conflict, notFound } from '../../lib/errors.ts';

export const deliveryNotFound = (id: string) => notFound('deliveries.not_found', `No delivery ${id} of yours.`);
export const subscriptionInactive = () =>
  conflict('deliveries.subscription_inactive', 'The subscription is disabled; set its status to active first.');
