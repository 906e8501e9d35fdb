import { describe, expect, it } from 'vitest';
import type { Organisation } from '../organisations/organisations.table.ts';
import { organisationDirectory } from '../organisations/organisations.directory.ts';
import { affectedOrganisations, eventMatches, filtersNeedDirectory, type MatchedEvent, mayNameInAffects } from './subscriptions.matching.ts';
import type { SubscriptionFilters } from './subscriptions.table.ts';
import { org, ruleCast } from '../../../test/helpers/rules.ts';

// The standard cast: a purchasing centre, a federation with two members, a municipality outside it, an auditor.
const { adda, kfv, sundsvall, timra, umea, revisor } = ruleCast;
const directory = organisationDirectory([adda, kfv, sundsvall, timra, umea, revisor]);

const event = (issuer: Organisation, signalType: MatchedEvent['signalType'], extra: Partial<MatchedEvent> = {}): MatchedEvent => ({
  signalType,
  issuerOrgId: issuer.id,
  supplierOrgNumber: '5560000001',
  agreementId: null,
  visibility: 'members',
  severity: null,
  signalRecipientOrgId: null,
  ...extra,
});

const matches = (e: MatchedEvent, filters: SubscriptionFilters, owner: Organisation) => eventMatches(e, filters, owner, directory);

describe('the affects filter (whom a signal blocks)', () => {
  const federationDefault: SubscriptionFilters = { affects: {} };

  it('gives a federation, by default, what blocks itself or any member', () => {
    expect(matches(event(adda, 'call_off_stop'), federationDefault, kfv)).toBe(true);
    expect(matches(event(kfv, 'call_off_stop'), federationDefault, kfv)).toBe(true);
    expect(matches(event(kfv, 'termination'), federationDefault, kfv)).toBe(true);
    // A member's own pause blocks that member.
    expect(matches(event(sundsvall, 'call_off_stop'), federationDefault, kfv)).toBe(true);
    // A revoked permit blocks everyone, whoever recorded it.
    expect(matches(event(umea, 'permit_revoked'), federationDefault, kfv)).toBe(true);
  });

  it('leaves out an outsider’s own pause and everything that is only a caution', () => {
    expect(matches(event(umea, 'call_off_stop'), federationDefault, kfv)).toBe(false);
    expect(matches(event(umea, 'termination'), federationDefault, kfv)).toBe(false);
    expect(matches(event(sundsvall, 'deviation', { severity: 'critical' }), federationDefault, kfv)).toBe(false);
    expect(matches(event(adda, 'ivo_injunction'), federationDefault, kfv)).toBe(false);
    expect(matches(event(adda, 'financial_warning'), federationDefault, kfv)).toBe(false);
  });

  it('gives a municipality, by default, what blocks itself: not a fellow member’s own pause', () => {
    expect(matches(event(adda, 'call_off_stop'), { affects: {} }, sundsvall)).toBe(true);
    expect(matches(event(kfv, 'call_off_stop'), { affects: {} }, sundsvall)).toBe(true);
    expect(matches(event(sundsvall, 'call_off_stop'), { affects: {} }, sundsvall)).toBe(true);
    expect(matches(event(timra, 'call_off_stop'), { affects: {} }, sundsvall)).toBe(false);
    // umea is in no federation: kfv's stop does not apply to it.
    expect(matches(event(kfv, 'call_off_stop'), { affects: {} }, umea)).toBe(false);
  });

  it('takes named organisations instead of the default set', () => {
    const onlyTimra: SubscriptionFilters = { affects: { organisations: ['timra'] } };
    expect(matches(event(timra, 'call_off_stop'), onlyTimra, kfv)).toBe(true);
    expect(matches(event(sundsvall, 'call_off_stop'), onlyTimra, kfv)).toBe(false);
    // An auditor watching one municipality.
    expect(matches(event(umea, 'call_off_stop'), { affects: { organisations: ['umea'] } }, revisor)).toBe(true);
    expect(matches(event(timra, 'call_off_stop'), { affects: { organisations: ['umea'] } }, revisor)).toBe(false);
  });

  it('resolves a federation’s members when matching, so a new member is covered at once', () => {
    const harnosand = org('harnosand', 'municipality', { municipalityCode: '2280', federationId: 'kfv' });
    const grown = organisationDirectory([adda, kfv, sundsvall, timra, umea, harnosand]);
    expect(eventMatches(event(harnosand, 'call_off_stop'), { affects: {} }, kfv, grown)).toBe(true);
    expect(affectedOrganisations({}, kfv, grown).map((o) => o.id)).toEqual(['kfv', 'sundsvall', 'timra', 'harnosand']);
    expect(affectedOrganisations({}, umea, grown).map((o) => o.id)).toEqual(['umea']);
  });

  it('drops a member that has left, from the default set and from a list that named it', () => {
    const botnia = org('botnia', 'federation');
    const moved = org('timra', 'municipality', { municipalityCode: '2262', federationId: 'botnia' });
    const after = organisationDirectory([adda, kfv, botnia, sundsvall, moved, umea]);
    expect(affectedOrganisations({}, kfv, after).map((o) => o.id)).toEqual(['kfv', 'sundsvall']);
    expect(affectedOrganisations({}, botnia, after).map((o) => o.id)).toEqual(['botnia', 'timra']);
    expect(affectedOrganisations({ organisations: ['kfv', 'timra'] }, kfv, after).map((o) => o.id)).toEqual(['kfv']);
    expect(eventMatches(event(moved, 'call_off_stop'), { affects: { organisations: ['timra'] } }, kfv, after)).toBe(false);
    expect(eventMatches(event(moved, 'call_off_stop'), { affects: {} }, botnia, after)).toBe(true);
    // The federation it left no longer blocks it; the one it joined does.
    expect(eventMatches(event(kfv, 'call_off_stop'), { affects: {} }, moved, after)).toBe(false);
    expect(eventMatches(event(botnia, 'call_off_stop'), { affects: {} }, moved, after)).toBe(true);
    // An auditor's list is not a membership: it keeps everyone it named.
    expect(affectedOrganisations({ organisations: ['timra', 'umea'] }, revisor, after).map((o) => o.id)).toEqual(['timra', 'umea']);
  });

  it('combines with the other filters by AND', () => {
    expect(matches(event(adda, 'call_off_stop'), { affects: {}, types: ['termination'] }, kfv)).toBe(false);
    expect(matches(event(adda, 'termination'), { affects: {}, types: ['termination'] }, kfv)).toBe(true);
    // Issuer filter and affects together: only members' own stops.
    expect(matches(event(sundsvall, 'call_off_stop'), { affects: {}, municipalityCodes: ['2281'] }, kfv)).toBe(true);
    expect(matches(event(adda, 'call_off_stop'), { affects: {}, municipalityCodes: ['2281'] }, kfv)).toBe(false);
  });

  it('never lets through what the owner may not read', () => {
    expect(matches(event(adda, 'call_off_stop', { visibility: 'issuer_and_auditors' }), { affects: {} }, kfv)).toBe(false);
  });

  it('sends a tip to its recipient, its issuer and auditors, and to no one else', () => {
    const tip = event(sundsvall, 'deviation', { visibility: 'issuer_and_auditors', severity: 'high', signalRecipientOrgId: adda.id });
    expect(matches(tip, {}, adda)).toBe(true);
    expect(matches(tip, {}, sundsvall)).toBe(true);
    expect(matches(tip, {}, revisor)).toBe(true);
    expect(matches(tip, {}, timra)).toBe(false);
    expect(matches(tip, {}, kfv)).toBe(false);
  });
});

describe('the issuer filter (municipalityCodes)', () => {
  it('matches the issuer’s kommunkod, so a purchasing centre’s or federation’s stop never passes it', () => {
    const members: SubscriptionFilters = { municipalityCodes: ['2281', '2262'] };
    expect(matches(event(sundsvall, 'deviation', { severity: 'low' }), members, kfv)).toBe(true);
    expect(matches(event(umea, 'call_off_stop'), members, kfv)).toBe(false);
    expect(matches(event(adda, 'call_off_stop'), members, kfv)).toBe(false);
    expect(matches(event(kfv, 'call_off_stop'), members, kfv)).toBe(false);
  });

  it('keeps types, suppliers, agreements and minSeverity as before', () => {
    expect(matches(event(umea, 'deviation', { severity: 'medium' }), { minSeverity: 'high' }, kfv)).toBe(false);
    expect(matches(event(umea, 'call_off_stop'), { minSeverity: 'high' }, kfv)).toBe(true);
    expect(matches(event(umea, 'call_off_stop'), { suppliers: ['5560000002'] }, kfv)).toBe(false);
    expect(matches(event(umea, 'call_off_stop'), { agreements: ['0190a0a0-0000-7000-8000-000000000000'] }, kfv)).toBe(false);
  });
});

describe('whom an owner may name in affects', () => {
  it('lets a municipality name itself only, a federation itself and its members, an auditor anyone', () => {
    expect(mayNameInAffects(sundsvall, sundsvall)).toBe(true);
    expect(mayNameInAffects(sundsvall, timra)).toBe(false);
    expect(mayNameInAffects(sundsvall, kfv)).toBe(false);
    expect(mayNameInAffects(kfv, kfv)).toBe(true);
    expect(mayNameInAffects(kfv, timra)).toBe(true);
    expect(mayNameInAffects(kfv, umea)).toBe(false);
    expect(mayNameInAffects(adda, umea)).toBe(false);
    expect(mayNameInAffects(revisor, umea)).toBe(true);
  });
});

describe('the plain filters (types, suppliers, agreements, minSeverity)', () => {
  const agreement = '0190a0a0-0000-7000-8000-000000000001';

  it('lets everything the owner may read through when no filter is set, or a filter is an empty list', () => {
    expect(matches(event(umea, 'deviation', { severity: 'low' }), {}, kfv)).toBe(true);
    expect(matches(event(umea, 'call_off_stop'), { types: [], suppliers: [], agreements: [], municipalityCodes: [] }, kfv)).toBe(true);
  });

  it('passes a type it lists and holds back one it does not; values within a filter combine with OR', () => {
    expect(matches(event(umea, 'permit_revoked'), { types: ['permit_revoked'] }, kfv)).toBe(true);
    expect(matches(event(umea, 'deviation', { severity: 'critical' }), { types: ['permit_revoked'] }, kfv)).toBe(false);
    expect(matches(event(umea, 'deviation', { severity: 'critical' }), { types: ['permit_revoked', 'deviation'] }, kfv)).toBe(true);
  });

  it('passes the suppliers it lists only', () => {
    expect(matches(event(umea, 'call_off_stop'), { suppliers: ['5560000001'] }, kfv)).toBe(true);
    expect(matches(event(umea, 'call_off_stop'), { suppliers: ['5560000002', '5560000001'] }, kfv)).toBe(true);
    expect(matches(event(umea, 'call_off_stop'), { suppliers: ['5560000002'] }, kfv)).toBe(false);
  });

  it('passes a signal under a listed agreement, and holds back one under another agreement or none', () => {
    expect(matches(event(adda, 'call_off_stop', { agreementId: agreement }), { agreements: [agreement] }, kfv)).toBe(true);
    expect(matches(event(adda, 'call_off_stop', { agreementId: '0190a0a0-0000-7000-8000-000000000002' }), { agreements: [agreement] }, kfv)).toBe(false);
    expect(matches(event(adda, 'call_off_stop'), { agreements: [agreement] }, kfv)).toBe(false);
  });

  it('passes a severity at or above minSeverity, and holds back the ones below', () => {
    const at = (severity: 'low' | 'medium' | 'high' | 'critical', minSeverity: 'low' | 'medium' | 'high' | 'critical') =>
      matches(event(umea, 'deviation', { severity }), { minSeverity }, kfv);
    expect(at('high', 'high')).toBe(true);
    expect(at('critical', 'high')).toBe(true);
    expect(at('medium', 'high')).toBe(false);
    expect(at('low', 'medium')).toBe(false);
    expect(at('low', 'low')).toBe(true);
    expect(at('high', 'critical')).toBe(false);
    // A signal without a severity is never held back by it.
    expect(matches(event(umea, 'financial_warning'), { minSeverity: 'critical' }, kfv)).toBe(true);
  });

  it('needs every filter that is set to match (AND)', () => {
    const filters: SubscriptionFilters = { types: ['deviation'], suppliers: ['5560000001'], minSeverity: 'high', municipalityCodes: ['2480'] };
    expect(matches(event(umea, 'deviation', { severity: 'high' }), filters, kfv)).toBe(true);
    expect(matches(event(umea, 'deviation', { severity: 'high', supplierOrgNumber: '5560000002' }), filters, kfv)).toBe(false);
    expect(matches(event(umea, 'deviation', { severity: 'medium' }), filters, kfv)).toBe(false);
    expect(matches(event(sundsvall, 'deviation', { severity: 'high' }), filters, kfv)).toBe(false);
    expect(matches(event(umea, 'financial_warning'), filters, kfv)).toBe(false);
  });

  it('holds back an event from an issuer it does not know when a filter reads the issuer', () => {
    const stranger = org('ny-kommun', 'municipality', { municipalityCode: '0999' });
    expect(matches(event(stranger, 'call_off_stop'), { municipalityCodes: ['0999'] }, kfv)).toBe(false);
    expect(matches(event(stranger, 'permit_revoked'), { affects: {} }, kfv)).toBe(false);
    // Without such a filter the unknown issuer does not matter.
    expect(matches(event(stranger, 'call_off_stop'), {}, kfv)).toBe(true);
  });
});

describe('what the owner may read decides first', () => {
  const restricted = (issuer: Organisation) => event(issuer, 'deviation', { visibility: 'issuer_and_auditors', severity: 'critical' });

  it('sends a restricted signal to its issuer and auditors only, whatever the filters', () => {
    expect(matches(restricted(sundsvall), {}, sundsvall)).toBe(true);
    expect(matches(restricted(sundsvall), {}, revisor)).toBe(true);
    for (const owner of [adda, kfv, timra, umea]) expect(matches(restricted(sundsvall), {}, owner), owner.id).toBe(false);
    expect(matches(restricted(sundsvall), { types: ['deviation'], minSeverity: 'low' }, timra)).toBe(false);
  });

  it('sends members signals to every owner', () => {
    for (const owner of [adda, kfv, sundsvall, timra, umea, revisor]) expect(matches(event(sundsvall, 'deviation', { severity: 'low' }), {}, owner), owner.id).toBe(true);
  });
});

describe('the directory, read only for the filters that look organisations up', () => {
  // A directory that fails when asked: matching must not need it.
  const refusing = { get: () => { throw new Error('asked the directory'); }, membersOf: () => { throw new Error('asked the directory'); } };
  const withoutIt: SubscriptionFilters[] = [{}, { types: ['call_off_stop'] }, { suppliers: ['5560000001'] }, { minSeverity: 'high' }, { agreements: ['a'] }, { municipalityCodes: [] }];
  const withIt: SubscriptionFilters[] = [{ municipalityCodes: ['2281'] }, { affects: {} }, { affects: { organisations: [sundsvall.id] } }, { types: ['call_off_stop'], affects: {} }];

  it('does not ask it for filters without an issuer’s kommunkod or affects, and answers as with it', () => {
    for (const filters of withoutIt) {
      expect(filtersNeedDirectory(filters), JSON.stringify(filters)).toBe(false);
      for (const e of [event(adda, 'call_off_stop'), event(sundsvall, 'deviation', { severity: 'low' }), event(umea, 'deviation', { severity: 'critical' })]) {
        for (const owner of [kfv, sundsvall, revisor]) expect(eventMatches(e, filters, owner, refusing), JSON.stringify(filters)).toBe(matches(e, filters, owner));
      }
    }
  });

  it('says the issuer’s kommunkod and affects filters need it', () => {
    for (const filters of withIt) expect(filtersNeedDirectory(filters), JSON.stringify(filters)).toBe(true);
    expect(() => eventMatches(event(adda, 'call_off_stop'), { affects: {} }, kfv, refusing)).toThrow('asked the directory');
  });
});
