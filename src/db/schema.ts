// Every table, for drizzle's relational typing and for tests that inspect rows.
export * from '../modules/organisations/organisations.table.ts';
export * from '../modules/suppliers/suppliers.table.ts';
export * from '../modules/agreements/agreements.table.ts';
export * from '../modules/signals/signals.table.ts';
export * from '../modules/events/events.table.ts';
export * from '../modules/subscriptions/subscriptions.table.ts';
export * from '../modules/deliveries/deliveries.table.ts';
export * from '../modules/audit/audit.table.ts';
export * from '../modules/idempotency/idempotency.table.ts';
export * from '../modules/webhook-keys/webhook-keys.table.ts';
export * from '../modules/replies/replies.table.ts';
