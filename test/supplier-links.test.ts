import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app.ts';
import { deliveryTestApp } from './helpers/delivery-app.ts';
import { asOwner } from './helpers/db.ts';
import { cast, createAgreement, createSupplier, newOrgNumber, personnummer, subscribe } from './helpers/factories.ts';
import { verifyWebhook } from './helpers/receiver.ts';

/**
 * Linked companies (issue 15, item 2): members link suppliers as a group (parent →
 * subsidiary) or a succession (predecessor → successor); a block on a linked supplier
 * makes the others `caution` for the same askers, with a reason naming the link and the
 * signal, until the link ends. The adversaries: a member ending another's link, a link
 * that would carry a stop an asker may not see, and bad input.
 */

const OPERATOR = 'registry';
let t: TestApp;
let addaAgreement: string;
const receivers = deliveryTestApp((app) => (t = app));
beforeAll(async () => {
  addaAgreement = await createAgreement(t, cast.adda.id);
});

type Kind = 'group' | 'succession';
const linkRequest = (as: string, kind: Kind, fromOrgNumber: string, toOrgNumber: string, reason = 'Enligt Bolagsverket.') =>
  t.request({ method: 'POST', url: '/v1/supplier-links', as, payload: { kind, fromOrgNumber, toOrgNumber, reason } });
async function link(as: string, kind: Kind, from: string, to: string): Promise<string> {
  const res = await linkRequest(as, kind, from, to);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const endRequest = (as: string, id: string, reason = 'Bolaget såldes.') => t.request({ method: 'POST', url: `/v1/supplier-links/${id}/end`, as, payload: { reason } });
const statusOf = async (orgNumber: string, as: string, unitId?: string) => {
  const res = await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status${unitId ? `?unitId=${unitId}` : ''}`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
async function signal(as: string, payload: Record<string, unknown>) {
  const res = await t.request({ method: 'POST', url: '/v1/signals', as, payload: { summary: 'Avropsstopp.', ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}
async function addaStop(orgNumber: string) {
  const party = await t.request({ method: 'PUT', url: `/v1/agreements/${addaAgreement}/suppliers/${orgNumber}`, as: cast.adda.id });
  expect([200, 201], party.body).toContain(party.statusCode);
  return signal(cast.adda.id, { type: 'call_off_stop', supplierOrgNumber: orgNumber, agreementId: addaAgreement });
}
const linksOf = async (orgNumber: string) => (await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}`, as: cast.umea.id })).json().links as Array<Record<string, any>>;

describe('a block on a linked supplier', () => {
  it('makes a sister company and the parent read caution, naming the link and the signal, and clear after the link ends', async () => {
    const [parent, stopped, sister] = [await createSupplier(t, cast.sundsvall.id, 'Moderbolaget AB'), await createSupplier(t), await createSupplier(t, cast.sundsvall.id, 'Systerbolaget AB')];
    const toStopped = await link(cast.sundsvall.id, 'group', parent, stopped);
    const toSister = await link(cast.sundsvall.id, 'group', parent, sister);
    // Links alone change nothing.
    expect((await statusOf(sister, cast.umea.id)).status).toBe('clear');

    const stop = await addaStop(stopped);
    expect((await statusOf(stopped, cast.umea.id)).status).toBe('blocked');
    const sisterStatus = await statusOf(sister, cast.umea.id);
    expect(sisterStatus.status).toBe('caution');
    expect(sisterStatus.reasons).toEqual([
      expect.objectContaining({
        signalId: stop.id,
        signalVersion: stop.version,
        type: 'call_off_stop',
        effect: 'caution',
        issuerOrgId: cast.adda.id,
        linkedThrough: { linkIds: [toSister, toStopped], kind: 'group', relation: 'sister', orgNumber: stopped },
      }),
    ]);
    const parentStatus = await statusOf(parent, cast.umea.id);
    expect(parentStatus.status).toBe('caution');
    expect(parentStatus.reasons).toEqual([expect.objectContaining({ signalId: stop.id, linkedThrough: { linkIds: [toStopped], kind: 'group', relation: 'subsidiary', orgNumber: stopped } })]);

    // A unit ask and the batch apply the same rule.
    const unit = await t.request({ method: 'PUT', url: `/v1/suppliers/${sister}`, as: cast.sundsvall.id, payload: { name: 'Systerbolaget AB', units: [{ name: 'Systerhemmet' }], reason: 'Nytt hem.' } });
    expect(unit.statusCode, unit.body).toBe(200);
    const unitId = unit.json().units[0].id;
    expect((await statusOf(sister, cast.umea.id, unitId)).status).toBe('caution');
    const batch = await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast.timra.id, payload: { orgNumbers: [sister, { orgNumber: sister, unitId }, parent, stopped] } });
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json().results.map((r: { status: string }) => r.status)).toEqual(['caution', 'caution', 'caution', 'blocked']);
    expect(batch.json().results[0].reasons[0].linkedThrough).toEqual({ linkIds: [toSister, toStopped], kind: 'group', relation: 'sister', orgNumber: stopped });

    // Ending the stopped company's link clears both; the link stays in the history.
    const ended = await endRequest(cast.sundsvall.id, toStopped, 'Dotterbolaget såldes 2026-06-30.');
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ id: toStopped, endedByOrgId: cast.sundsvall.id, endReason: 'Dotterbolaget såldes 2026-06-30.' });
    expect(ended.json().endedAt).not.toBeNull();
    for (const orgNumber of [sister, parent]) {
      const after = await statusOf(orgNumber, cast.umea.id);
      expect(after, orgNumber).toMatchObject({ status: 'clear', reasons: [] });
    }
    expect((await statusOf(stopped, cast.umea.id)).status).toBe('blocked');
    const history = await t.request({ method: 'GET', url: `/v1/suppliers/${stopped}/history`, as: cast.revisor.id });
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().links).toEqual([
      expect.objectContaining({ id: toStopped, kind: 'group', from: expect.objectContaining({ orgNumber: parent }), to: expect.objectContaining({ orgNumber: stopped }), endReason: 'Dotterbolaget såldes 2026-06-30.', createdBy: expect.any(String), endedBy: expect.any(String) }),
    ]);
  });

  it('makes a subsidiary read caution because of its parent’s stop', async () => {
    const [parent, child] = [await createSupplier(t), await createSupplier(t)];
    const id = await link(cast.timra.id, 'group', parent, child);
    const stop = await addaStop(parent);
    const status = await statusOf(child, cast.sundsvall.id);
    expect(status.status).toBe('caution');
    expect(status.reasons[0]).toMatchObject({ signalId: stop.id, linkedThrough: { linkIds: [id], kind: 'group', relation: 'parent', orgNumber: parent } });
  });

  it('passes a predecessor’s block to its successor, and not the reverse', async () => {
    const [before, after] = [await createSupplier(t), await createSupplier(t)];
    const id = await link(cast.umea.id, 'succession', before, after);
    const revoked = await signal(cast.umea.id, { type: 'permit_revoked', supplierOrgNumber: before, summary: 'IVO återkallade tillståndet.', reference: '3.5.1-12345/2026', decisionDate: '2026-11-01' });
    const successor = await statusOf(after, cast.timra.id);
    expect(successor.status).toBe('caution');
    expect(successor.reasons[0]).toMatchObject({ signalId: revoked.id, type: 'permit_revoked', effect: 'caution', linkedThrough: { linkIds: [id], kind: 'succession', relation: 'predecessor', orgNumber: before } });

    const [old, next] = [await createSupplier(t), await createSupplier(t)];
    await link(cast.umea.id, 'succession', old, next);
    await addaStop(next);
    expect((await statusOf(old, cast.timra.id)).status).toBe('clear');
  });
});

describe('a link carries only what blocks the asker and what the asker may see', () => {
  it('does not carry an issuer_and_auditors stop to askers who cannot see it, nor a retracted one', async () => {
    const [a, b] = [await createSupplier(t), await createSupplier(t)];
    await link(cast.sundsvall.id, 'group', a, b);
    // The API keeps stops members-visible today; a restricted one is forged here, so that the
    // link is shown to apply the visibility rule itself, should that ever change. A purchasing
    // centre's stop would block everyone who could see it.
    const hidden = await addaStop(a);
    await asOwner(t.testDb.url, (client) => client.query(`UPDATE signals SET visibility = 'issuer_and_auditors' WHERE id = $1`, [hidden.id]));
    expect((await statusOf(a, cast.sundsvall.id)).status).toBe('clear');
    // Its issuer and the auditor, who see it, read the link's caution…
    for (const as of [cast.adda.id, cast.revisor.id]) {
      const seen = await statusOf(b, as);
      expect(seen.status, as).toBe('caution');
      expect(seen.reasons[0]).toMatchObject({ signalId: hidden.id, linkedThrough: expect.objectContaining({ orgNumber: a }) });
    }
    // A restricted signal shown through a link is a logged read, as one shown directly is.
    const logged = await t.database.pool.query(`SELECT org_id FROM read_log WHERE action = 'signal.read_restricted' AND target_ids ? $1 ORDER BY org_id`, [hidden.id]);
    expect(logged.rows.map((r) => r.org_id)).toEqual([cast.adda.id, cast.revisor.id]);
    // …nobody else does.
    for (const as of [cast.sundsvall.id, cast.timra.id, cast.kfv.id, cast.umea.id]) {
      expect(await statusOf(b, as), as).toMatchObject({ status: 'clear', reasons: [] });
    }
    const batch = await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast.sundsvall.id, payload: { orgNumbers: [b] } });
    expect(batch.json().results[0]).toMatchObject({ status: 'clear', reasons: [] });

    const [c, d] = [await createSupplier(t), await createSupplier(t)];
    await link(cast.sundsvall.id, 'succession', c, d);
    const retracted = await signal(cast.timra.id, { type: 'call_off_stop', supplierOrgNumber: c, summary: 'Fel leverantör.' });
    expect((await statusOf(d, cast.timra.id)).status).toBe('caution');
    const retract = await t.request({ method: 'POST', url: `/v1/signals/${retracted.id}/retract`, as: cast.timra.id, payload: { reason: 'Registrerad på fel leverantör.' } });
    expect(retract.statusCode, retract.body).toBe(200);
    expect(await statusOf(d, cast.timra.id)).toMatchObject({ status: 'clear', reasons: [] });
  });

  it('carries a federation’s stop to its members only, and never another organisation’s own pause or a unit’s stop', async () => {
    const [a, b] = [await createSupplier(t), await createSupplier(t, cast.sundsvall.id, 'Enhetsbolaget AB')];
    await link(cast.sundsvall.id, 'group', a, b);
    const federation = await signal(cast.kfv.id, { type: 'call_off_stop', supplierOrgNumber: a, summary: 'Förbundets avropsstopp.' });
    for (const as of [cast.sundsvall.id, cast.timra.id, cast.kfv.id]) {
      const status = await statusOf(b, as);
      expect(status.status, as).toBe('caution');
      expect(status.reasons.map((r: { signalId: string }) => r.signalId)).toEqual([federation.id]);
    }
    // For Umeå it is another organisation's own stop: a caution on A, which does not travel.
    expect((await statusOf(a, cast.umea.id)).status).toBe('caution');
    expect(await statusOf(b, cast.umea.id)).toMatchObject({ status: 'clear', reasons: [] });

    // A stop on one unit of the linked supplier stays with that unit.
    const [c, d] = [await createSupplier(t), await createSupplier(t)];
    await link(cast.sundsvall.id, 'group', c, d);
    const withUnit = await t.request({ method: 'PUT', url: `/v1/suppliers/${c}`, as: cast.sundsvall.id, payload: { name: 'Testgården Omsorg AB', units: [{ name: 'Norra' }], reason: 'Nytt hem.' } });
    await signal(cast.sundsvall.id, { type: 'call_off_stop', supplierOrgNumber: c, unitId: withUnit.json().units[0].id, summary: 'Paus för ett hem.' });
    expect(await statusOf(d, cast.sundsvall.id)).toMatchObject({ status: 'clear', reasons: [] });
  });
});

describe('who may link and end', () => {
  it('lets members link, and refuses the auditor, the operator and a token without signals:write', async () => {
    const [a, b] = [await createSupplier(t), await createSupplier(t)];
    for (const as of [cast.revisor.id, OPERATOR]) {
      const res = await linkRequest(as, 'group', a, b);
      expect(res.statusCode, `${as}: ${res.body}`).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const readOnly = await t.request({ method: 'POST', url: '/v1/supplier-links', as: cast.umea.id, scope: 'registry:read', payload: { kind: 'group', fromOrgNumber: a, toOrgNumber: b, reason: 'x' } });
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json().code).toBe('auth.missing_scope');
    const unauthenticated = await t.app.inject({ method: 'POST', url: '/v1/supplier-links', payload: { kind: 'group', fromOrgNumber: a, toOrgNumber: b, reason: 'x' } });
    expect(unauthenticated.statusCode).toBe(401);
    expect(await linksOf(a)).toEqual([]);
  });

  it('lets only the organisation that drew a link, or the operator, end it; once', async () => {
    const [a, b, c] = [await createSupplier(t), await createSupplier(t), await createSupplier(t)];
    const first = await link(cast.timra.id, 'group', a, b);
    for (const as of [cast.sundsvall.id, cast.kfv.id, cast.adda.id, cast.umea.id, cast.revisor.id]) {
      const res = await endRequest(as, first);
      expect(res.statusCode, `${as}: ${res.body}`).toBe(403);
    }
    expect((await endRequest(cast.umea.id, first)).json().code).toBe('supplier_links.not_owner');
    expect((await linksOf(a)).map((l) => l.id)).toEqual([first]);
    const byOperator = await endRequest(OPERATOR, first, 'Supportärende 7.');
    expect(byOperator.statusCode, byOperator.body).toBe(200);
    expect(byOperator.json()).toMatchObject({ endedByOrgId: OPERATOR, endReason: 'Supportärende 7.' });
    const again = await endRequest(cast.timra.id, first);
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().code).toBe('supplier_links.ended');

    const second = await link(cast.timra.id, 'succession', b, c);
    expect((await endRequest(cast.timra.id, second)).statusCode).toBe(200);
    const missing = await endRequest(cast.timra.id, '01900000-0000-7000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('supplier_links.not_found');
    // Ended links are gone from reads and kept in the history and by id.
    expect(await linksOf(b)).toEqual([]);
    expect((await t.request({ method: 'GET', url: `/v1/supplier-links/${second}`, as: cast.umea.id })).json()).toMatchObject({ id: second, endedByOrgId: cast.timra.id });
    const history = (await t.request({ method: 'GET', url: `/v1/suppliers/${b}/history`, as: OPERATOR })).json();
    expect(history.links.map((l: { id: string }) => l.id)).toEqual([first, second]);
    // Even behind the app's back a link is never deleted, and an ended one never changes.
    await expect(asOwner(t.testDb.url, (client) => client.query('DELETE FROM supplier_links WHERE id = $1', [first]))).rejects.toThrow();
    await expect(asOwner(t.testDb.url, (client) => client.query(`UPDATE supplier_links SET end_reason = 'Annat.' WHERE id = $1`, [first]))).rejects.toThrow(/only ever ended, once/);
    await expect(asOwner(t.testDb.url, (client) => client.query(`UPDATE supplier_links SET ended_at = NULL, ended_by_org_id = NULL, ended_by = NULL, end_reason = NULL WHERE id = $1`, [second]))).rejects.toThrow();
  });
});

describe('bad input', () => {
  it('refuses a self-link, an unknown supplier, a duplicate either way round and personal data, writing nothing', async () => {
    const [a, b] = [await createSupplier(t), await createSupplier(t)];
    const self = await linkRequest(cast.sundsvall.id, 'group', a, a.replace('-', ''));
    expect(self.statusCode, self.body).toBe(422);
    expect(self.json().code).toBe('supplier_links.self_link');
    const unknown = await linkRequest(cast.sundsvall.id, 'succession', a, newOrgNumber());
    expect(unknown.statusCode, unknown.body).toBe(422);
    expect(unknown.json().code).toBe('supplier_links.unknown_supplier');
    const unknownFrom = await linkRequest(cast.sundsvall.id, 'succession', newOrgNumber(), a);
    expect(unknownFrom.json()).toMatchObject({ code: 'supplier_links.unknown_supplier', errors: [{ path: 'fromOrgNumber' }] });
    const pnr = await linkRequest(cast.sundsvall.id, 'group', a, b, `Ägaren ${personnummer('850101')} äger båda.`);
    expect(pnr.statusCode, pnr.body).toBe(422);
    expect(pnr.json()).toMatchObject({ code: 'input.personal_data', fields: ['reason'] });
    for (const payload of [
      { kind: 'owner', fromOrgNumber: a, toOrgNumber: b, reason: 'x' },
      { kind: 'group', fromOrgNumber: '123', toOrgNumber: b, reason: 'x' },
      { kind: 'group', fromOrgNumber: a, toOrgNumber: b },
      { kind: 'group', fromOrgNumber: a, toOrgNumber: b, reason: 'x', createdByOrgId: 'adda' },
    ]) {
      const res = await t.request({ method: 'POST', url: '/v1/supplier-links', as: cast.sundsvall.id, payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(await linksOf(a)).toEqual([]);

    const id = await link(cast.sundsvall.id, 'group', a, b);
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const dup = await linkRequest(cast.umea.id, 'group', from, to);
      expect(dup.statusCode, dup.body).toBe(409);
      expect(dup.json().code).toBe('supplier_links.duplicate');
      expect(dup.json().detail).toContain(id);
    }
    // Another kind between the same two is another claim; after the end, the same one may be drawn anew.
    await link(cast.umea.id, 'succession', a, b);
    expect((await endRequest(cast.sundsvall.id, id)).statusCode).toBe(200);
    await link(cast.umea.id, 'group', b, a);

    const endBad = await t.request({ method: 'POST', url: `/v1/supplier-links/${id}/end`, as: cast.sundsvall.id, payload: { reason: personnummer('900101') } });
    expect(endBad.statusCode).toBe(422);
    expect((await t.request({ method: 'POST', url: '/v1/supplier-links/not-a-uuid/end', as: cast.sundsvall.id, payload: { reason: 'x' } })).statusCode).toBe(400);
  });
});

describe('reads, audit and events', () => {
  it('shows active links in supplier reads with the other supplier’s relation, audits each change and announces it to subscribers of either supplier', async () => {
    const [parent, child] = [await createSupplier(t, cast.sundsvall.id, 'Ägarbolaget AB'), await createSupplier(t, cast.sundsvall.id, 'Dotterbolaget AB')];
    const [forChild, forParent, elsewhere, typed] = await Promise.all([receivers.start(), receivers.start(), receivers.start(), receivers.start()]);
    const subChild = await subscribe(t, cast.umea.id, forChild.url, { suppliers: [child] });
    const subParent = await subscribe(t, cast.timra.id, forParent.url, { suppliers: [parent] });
    await subscribe(t, cast.kfv.id, elsewhere.url, { suppliers: [newOrgNumber()] });
    await subscribe(t, cast.adda.id, typed.url, { types: ['call_off_stop'] });

    const id = await link(cast.sundsvall.id, 'group', parent, child);
    const childRead = await linksOf(child);
    expect(childRead).toEqual([
      expect.objectContaining({ id, kind: 'group', relation: 'parent', from: { orgNumber: parent, name: 'Ägarbolaget AB', soleTrader: false }, to: { orgNumber: child, name: 'Dotterbolaget AB', soleTrader: false }, createdByOrgId: cast.sundsvall.id, endedAt: null }),
    ]);
    expect((await linksOf(parent))[0]).toMatchObject({ id, relation: 'subsidiary' });
    const list = (await t.request({ method: 'GET', url: `/v1/suppliers?q=${encodeURIComponent('Dotterbolaget AB')}`, as: cast.umea.id })).json();
    expect(list.items.find((s: { orgNumber: string }) => s.orgNumber === child).links.map((l: { id: string }) => l.id)).toEqual([id]);

    expect((await endRequest(cast.sundsvall.id, id, 'Fel koncern.')).statusCode).toBe(200);

    await Promise.all([forChild.waitFor(2), forParent.waitFor(2)]);
    for (const [receiver, sub] of [
      [forChild, subChild],
      [forParent, subParent],
    ] as const) {
      const [linked, unlinked] = receiver.received.map((r) => verifyWebhook(sub.secret, r));
      expect(linked).toMatchObject({ type: 'supplier.linked', data: { link: { id, kind: 'group', from: { orgNumber: parent }, to: { orgNumber: child }, reason: 'Enligt Bolagsverket.', endedAt: null } } });
      expect(unlinked).toMatchObject({ type: 'supplier.unlinked', data: { link: { id, endReason: 'Fel koncern.', endedByOrgId: cast.sundsvall.id } } });
      expect(receiver.received[0]!.headers['webhook-id']).toBe(linked!.data.eventId);
    }
    // On every organisation's feed.
    const feed = (await t.request({ method: 'GET', url: '/v1/events?limit=1000', as: cast.adda.id })).json();
    expect(feed.items.filter((e: { link?: { id: string } }) => e.link?.id === id).map((e: { type: string }) => e.type)).toEqual(['supplier.linked', 'supplier.unlinked']);
    // Audited in the same transaction as the write.
    const audited = await t.database.pool.query(`SELECT action FROM audit_log WHERE target_type = 'supplier_link' AND target_id = $1 ORDER BY position`, [id]);
    expect(audited.rows.map((r) => r.action)).toEqual(['supplier.linked', 'supplier.unlinked']);

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(elsewhere.received).toHaveLength(0);
    expect(typed.received).toHaveLength(0);
  });
});
