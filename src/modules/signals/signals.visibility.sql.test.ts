// The SQL readings of the visibility rule (signals.visibility.test.ts tests the TypeScript one),
// and the event-side helpers.
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../plugins/auth.ts';
import type { Organisation } from '../organisations/organisations.table.ts';
import { eventsVisibleTo, mayReadEvent, readableByEveryMember, seesRetractedContent, visibleTo, visibleToOrganisation } from './signals.visibility.ts';

const principal = (id: string, kind: Organisation['kind'], represents: string[] = []): Principal =>
  ({ sub: 'client', org: { id, kind } as Organisation, scopes: new Set(), represents, requestId: 'r' }) as Principal;

const sundsvall = principal('sundsvall', 'municipality');
const timra = principal('timra', 'municipality');
const revisor = principal('revisor', 'auditor');
const vardbolaget = principal('vardbolaget', 'supplier', ['5560000001']);

const dialect = new PgDialect({ casing: 'snake_case' });
const text = (predicate: SQL | undefined) => (predicate === undefined ? undefined : dialect.sqlToQuery(predicate).sql);

describe('events (TypeScript)', () => {
  it('events keep a retracted signal for those who could read it, with its content for the issuer and auditors only', () => {
    const event = { issuerOrgId: 'sundsvall', signalRecipientOrgId: null, visibility: 'members', supplierOrgNumber: '5560000001' };
    expect(mayReadEvent(timra.org, event)).toBe(true);
    expect(mayReadEvent(timra.org, { ...event, visibility: 'issuer_and_auditors' })).toBe(false);
    expect([sundsvall, timra, revisor].map((p) => seesRetractedContent(p.org, event))).toEqual([true, false, true]);
  });
});

describe('who may read a signal (SQL, from the same rule)', () => {
  it('puts no restriction on auditors', () => {
    expect(visibleTo(revisor)).toBeUndefined();
    expect(eventsVisibleTo(revisor.org)).toBeUndefined();
  });

  it('over signals: the issuer, or not retracted and members or addressed to the reader', () => {
    expect(text(visibleTo(sundsvall))).toBe(
      `("signals"."issuer_org_id" = $1 OR ("signals"."status" <> 'retracted' AND ("signals"."visibility" = 'members' OR "signals"."recipient_org_id" = $2)))`,
    );
    expect(text(visibleToOrganisation('sundsvall'))).toBe(text(visibleTo(sundsvall)));
  });

  it('over signals for a supplier organisation: not retracted, members, about its numbers', () => {
    expect(text(visibleTo(vardbolaget))).toBe(
      `("signals"."status" <> 'retracted' AND "signals"."visibility" = 'members' AND "signals"."supplier_org_number" = ANY($1::text[]))`,
    );
  });

  it('over events: the same rule without the retracted clause, on the events’ copies of the columns', () => {
    expect(text(eventsVisibleTo(sundsvall.org))).toBe(
      `("events"."issuer_org_id" = $1 OR ("events"."visibility" = 'members' OR "events"."signal_recipient_org_id" = $2))`,
    );
  });

  it('for every member alike: members signals not retracted', () => {
    expect(text(readableByEveryMember())).toBe(`("signals"."status" <> 'retracted' AND "signals"."visibility" = 'members')`);
  });
});
