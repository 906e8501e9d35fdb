import { describe, expect, it } from 'vitest';
import { supplierEventMatches } from './subscriptions.matching.ts';

const event = { supplierOrgNumber: '5560000001' };

describe('supplierEventMatches (supplier.updated)', () => {
  it('goes to a subscription without filters, and to one whose suppliers filter names the supplier', () => {
    expect(supplierEventMatches(event, {})).toBe(true);
    expect(supplierEventMatches(event, { suppliers: [] })).toBe(true);
    expect(supplierEventMatches(event, { suppliers: ['5560000002', '5560000001'] })).toBe(true);
  });

  it('is held back by a suppliers filter naming others, and by any types filter (types are signal types)', () => {
    expect(supplierEventMatches(event, { suppliers: ['5560000002'] })).toBe(false);
    expect(supplierEventMatches(event, { types: ['call_off_stop'] })).toBe(false);
    expect(supplierEventMatches(event, { types: ['deviation'], suppliers: ['5560000001'] })).toBe(false);
  });

  it('is not held back by the filters that describe signals', () => {
    expect(supplierEventMatches(event, { minSeverity: 'critical', agreements: ['0193f0c4-5a1e-7c3b-9a57-1f2d3c4b5a69'], municipalityCodes: ['2281'] })).toBe(true);
  });
});

describe('supplierEventMatches (supplier.linked / supplier.unlinked)', () => {
  const link = { supplierOrgNumber: '5560000001', linkedOrgNumber: '5560000003' };
  it('goes to a subscription whose suppliers filter names either supplier of the link', () => {
    expect(supplierEventMatches(link, {})).toBe(true);
    expect(supplierEventMatches(link, { suppliers: ['5560000001'] })).toBe(true);
    expect(supplierEventMatches(link, { suppliers: ['5560000003'] })).toBe(true);
  });

  it('is held back by a suppliers filter naming neither, and by a types filter', () => {
    expect(supplierEventMatches(link, { suppliers: ['5560000002'] })).toBe(false);
    expect(supplierEventMatches(link, { types: ['call_off_stop'], suppliers: ['5560000003'] })).toBe(false);
  });
});
