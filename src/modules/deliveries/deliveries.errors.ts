import { conflict, notFound } from '../../lib/errors.ts';

export const deliveryNotFound = (id: string) => notFound({ code: 'deliveries.not_found', detail: `No delivery ${id} of yours.` });
export const subscriptionInactive = () =>
  conflict({ code: 'deliveries.subscription_inactive', detail: 'The subscription is disabled; set its status to active first.' });
