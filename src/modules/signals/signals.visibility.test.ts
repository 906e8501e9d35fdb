import { describe, expect, it } from 'vitest';
import type { Principal } from '../../plugins/auth.ts';
import type { Organisation } from '../organisations/organisations.table.ts';
import { canSee, mayRead, visibleVersions } from './signals.visibility.ts';
import { ruleCast } from '../../../test/helpers/rules.ts';

// Who may read a signal (README, "Visibility"; signals.visibility.ts): the function results
// for every kind of reader, so the tests hold whatever the helpers are called inside.

const principal = (organisation: Organisation, represents: string[] = []): Principal => ({
  sub: `${organisation.id}-client`,
  org: organisation,
  scopes: new Set(),
  represents,
  requestId: 'test',
});

const { adda, kfv, sundsvall, timra, revisor, registry: operator, vardbolaget } = ruleCast;

const SUPPLIER = '5560160680';
const OTHER_SUPPLIER = '5566778899';

type Signal = { issuerOrgId: string; recipientOrgId: string | null; visibility: string; supplierOrgNumber: string; status: string };
const signal = (extra: Partial<Signal> = {}): Signal => ({ issuerOrgId: 'sundsvall', recipientOrgId: null, visibility: 'members', supplierOrgNumber: SUPPLIER, status: 'active', ...extra });

const members = signal();
const restricted = signal({ visibility: 'issuer_and_auditors' });
// A tip: a restricted deviation addressed to the purchasing centre.
const tip = signal({ visibility: 'issuer_and_auditors', recipientOrgId: 'adda' });
const retracted = signal({ status: 'retracted' });
const retractedRestricted = signal({ status: 'retracted', visibility: 'issuer_and_auditors' });
const retractedTip = signal({ status: 'retracted', visibility: 'issuer_and_auditors', recipientOrgId: 'adda' });

describe('mayRead', () => {
  it('lets every organisation read a members signal', () => {
    for (const reader of [adda, kfv, sundsvall, timra, revisor, operator]) expect(mayRead(reader, members), reader.id).toBe(true);
  });

  it('lets only the issuer and auditors read a restricted signal; not the issuer’s federation, not the operator', () => {
    expect(mayRead(sundsvall, restricted)).toBe(true);
    expect(mayRead(revisor, restricted)).toBe(true);
    for (const reader of [adda, kfv, timra, operator]) expect(mayRead(reader, restricted), reader.id).toBe(false);
  });

  it('lets a tip’s recipient read it too, and no other organisation', () => {
    for (const reader of [sundsvall, revisor, adda]) expect(mayRead(reader, tip), reader.id).toBe(true);
    for (const reader of [kfv, timra, operator]) expect(mayRead(reader, tip), reader.id).toBe(false);
    // A recipient on a members signal changes nothing for the others.
    expect(mayRead(timra, signal({ recipientOrgId: 'adda' }))).toBe(true);
  });

  it('lets a supplier organisation read the members signals about the numbers it represents, and nothing else', () => {
    const reader = { ...vardbolaget, represents: [SUPPLIER] };
    expect(mayRead(reader, members)).toBe(true);
    expect(mayRead(reader, signal({ supplierOrgNumber: OTHER_SUPPLIER }))).toBe(false);
    expect(mayRead(reader, restricted)).toBe(false);
    // Not even a tip addressed to it, nor a signal it were somehow the issuer of.
    expect(mayRead(reader, signal({ visibility: 'issuer_and_auditors', recipientOrgId: 'vardbolaget' }))).toBe(false);
    expect(mayRead(reader, signal({ visibility: 'issuer_and_auditors', issuerOrgId: 'vardbolaget' }))).toBe(false);
  });

  it('gives a supplier organisation without represented numbers nothing, nor one asked without the signal’s number', () => {
    expect(mayRead(vardbolaget, members)).toBe(false);
    expect(mayRead({ ...vardbolaget, represents: [] }, members)).toBe(false);
    const { supplierOrgNumber: _omitted, ...withoutNumber } = members;
    expect(mayRead({ ...vardbolaget, represents: [SUPPLIER] }, withoutNumber)).toBe(false);
  });

  it('has no status clause: a retracted signal’s events stay readable as far as visibility goes', () => {
    expect(mayRead(timra, retracted)).toBe(true);
    expect(mayRead(timra, retractedRestricted)).toBe(false);
  });
});

describe('canSee (the signal routes)', () => {
  it('shows an active signal exactly to those mayRead admits', () => {
    const readers = [adda, kfv, sundsvall, timra, revisor, operator];
    for (const s of [members, restricted, tip]) {
      for (const reader of readers) expect(canSee(principal(reader), s), `${reader.id} ${s.visibility} ${s.recipientOrgId}`).toBe(mayRead(reader, s));
    }
  });

  it('shows a retracted signal to its issuer and auditors only, whatever its visibility', () => {
    for (const s of [retracted, retractedRestricted, retractedTip]) {
      expect(canSee(principal(sundsvall), s)).toBe(true);
      expect(canSee(principal(revisor), s)).toBe(true);
      for (const reader of [adda, kfv, timra, operator]) expect(canSee(principal(reader), s), `${reader.id} ${s.visibility}`).toBe(false);
    }
  });

  it('shows a supplier organisation the active members signals about its numbers, never a retracted one', () => {
    const reader = principal(vardbolaget, [SUPPLIER]);
    expect(canSee(reader, members)).toBe(true);
    expect(canSee(reader, retracted)).toBe(false);
    expect(canSee(reader, restricted)).toBe(false);
    expect(canSee(reader, signal({ supplierOrgNumber: OTHER_SUPPLIER }))).toBe(false);
    expect(canSee(principal(vardbolaget), members)).toBe(false);
  });
});

describe('visibleVersions', () => {
  type Version = { version: number; visibility: string; status: string; recipientOrgId: string | null };
  const v = (version: number, visibility: string, status = 'active', recipientOrgId: string | null = null): Version => ({ version, visibility, status, recipientOrgId });
  const about = { issuerOrgId: 'sundsvall', supplierOrgNumber: SUPPLIER };
  const numbers = (reader: Principal, versions: Version[]) => visibleVersions(reader, about, versions).map((x) => x.version);

  // Restricted at first, then made public, then retracted.
  const history = [v(1, 'issuer_and_auditors'), v(2, 'members'), v(3, 'members', 'retracted')];

  it('gives the issuer and auditors every version', () => {
    expect(numbers(principal(sundsvall), history)).toEqual([1, 2, 3]);
    expect(numbers(principal(revisor), history)).toEqual([1, 2, 3]);
  });

  it('gives others only the versions they could read then: the earlier restricted text and the retraction stay hidden', () => {
    for (const reader of [adda, kfv, timra, operator]) expect(numbers(principal(reader), history), reader.id).toEqual([2]);
  });

  it('gives a tip’s recipient the versions addressed to it', () => {
    const tipHistory = [v(1, 'issuer_and_auditors', 'active', 'adda'), v(2, 'issuer_and_auditors', 'active', 'adda')];
    expect(numbers(principal(adda), tipHistory)).toEqual([1, 2]);
    expect(numbers(principal(timra), tipHistory)).toEqual([]);
  });

  it('gives a supplier organisation the members versions about its numbers only', () => {
    expect(numbers(principal(vardbolaget, [SUPPLIER]), history)).toEqual([2]);
    expect(numbers(principal(vardbolaget, [OTHER_SUPPLIER]), history)).toEqual([]);
    expect(visibleVersions(principal(vardbolaget, [SUPPLIER]), { issuerOrgId: 'sundsvall' }, history)).toEqual([]);
  });

  it('keeps the versions it returns whole and in order', () => {
    const versions = [v(1, 'members'), v(2, 'members')];
    expect(visibleVersions(principal(timra), about, versions)).toEqual(versions);
  });
});
