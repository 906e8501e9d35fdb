import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meets, parseIfMatch } from '../src/lib/preconditions.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, newOrgNumber, seedCast } from './helpers/factories.ts';

let t: TestApp;
let supplier: string;
beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
  await seedCast(t);
  supplier = await createSupplier(t);
});
afterAll(() => t.close());

const issuer = cast.sundsvall.id;

async function newSignal(type: 'deviation' | 'call_off_stop' = 'deviation') {
  const payload =
    type === 'deviation'
      ? { type, supplierOrgNumber: supplier, severity: 'medium', category: 'staffing', summary: 'Bemanningen understeg avtalad nivå.' }
      : { type, supplierOrgNumber: supplier, summary: 'Avropsstopp i väntan på utredning.' };
  const res = await t.request({ method: 'POST', url: '/v1/signals', as: issuer, payload });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, etag: res.headers.etag as string };
}

const amend = (id: string, ifMatch: string | undefined, summary: string) =>
  t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as: issuer, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch }, payload: { reason: 'Rättelse.', summary } });
const act = (id: string, action: 'lift' | 'retract', ifMatch: string) =>
  t.request({ method: 'POST', url: `/v1/signals/${id}/${action}`, as: issuer, headers: { 'if-match': ifMatch }, payload: { reason: 'Skäl.' } });

/** What a refused change must leave as it was: the versions, the events and the audit entries of the signal. */
async function trail(id: string) {
  const versions = (await t.request({ method: 'GET', url: `/v1/signals/${id}/versions`, as: issuer })).json().items.map((v: { version: number }) => v.version);
  const events = (await t.database.pool.query('SELECT count(*)::int AS n FROM events WHERE signal_id = $1', [id])).rows[0].n;
  const audit = (await t.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE target_type = 'signal' AND target_id = $1", [id])).rows[0].n;
  return { versions, events, audit };
}

function expect412(res: Awaited<ReturnType<typeof amend>>, current: number) {
  expect(res.statusCode, res.body).toBe(412);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status: 412, code: 'signals.version_mismatch', type: '/problems/signals.version_mismatch' });
  expect(res.json().detail).toContain(`version ${current}`);
}

describe('ETag on signals', () => {
  it('is the version, as a strong tag, on create, read, amend, lift and retract, and agrees with the body', async () => {
    const { id, etag } = await newSignal('call_off_stop');
    expect(etag).toBe('"1"');
    const read = await t.request({ method: 'GET', url: `/v1/signals/${id}`, as: cast.umea.id });
    expect(read.headers.etag).toBe('"1"');
    const amended = await amend(id, undefined, 'Avropsstopp, utredning pågår.');
    expect([amended.headers.etag, amended.json().version]).toEqual(['"2"', 2]);
    const lifted = await act(id, 'lift', '"2"');
    expect([lifted.statusCode, lifted.headers.etag, lifted.json().version]).toEqual([200, '"3"', 3]);
    const retracted = await act(id, 'retract', '*');
    expect([retracted.statusCode, retracted.headers.etag, retracted.json().version]).toEqual([200, '"4"', 4]);
    expect((await t.request({ method: 'GET', url: `/v1/signals/${id}`, as: issuer })).headers.etag).toBe('"4"');
  });
});

describe('If-Match on a signal change', () => {
  it('lets the first of two amendments based on version 1 win, and refuses the second with 412, writing nothing', async () => {
    const { id, etag } = await newSignal();
    const first = await amend(id, etag, 'Första ändringen.');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const before = await trail(id);

    const second = await amend(id, etag, 'Andra ändringen, på gammal grund.');
    expect412(second, 2);
    expect(await trail(id)).toEqual(before);
    expect(before.versions).toEqual([1, 2]);
    const read = await t.request({ method: 'GET', url: `/v1/signals/${id}`, as: issuer });
    expect(read.json()).toMatchObject({ version: 2, summary: 'Första ändringen.' });
  });

  it('lets exactly one of two amendments sent at once on version 1 win', async () => {
    const { id } = await newSignal();
    const answers = await Promise.all([amend(id, '"1"', 'Den ena.'), amend(id, '"1"', 'Den andra.')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 412]);
    const winner = answers.find((a) => a.statusCode === 200)!;
    expect412(answers.find((a) => a.statusCode === 412)!, 2);
    const { versions, events, audit } = await trail(id);
    expect(versions).toEqual([1, 2]);
    // signal.created and one signal.amended; the created and the amended audit entry.
    expect([events, audit]).toEqual([2, 2]);
    expect((await t.request({ method: 'GET', url: `/v1/signals/${id}`, as: issuer })).json().summary).toBe(winner.json().summary);
  });

  it('refuses a lift or a retraction based on a version that is no longer current', async () => {
    const stop = await newSignal('call_off_stop');
    expect((await amend(stop.id, stop.etag, 'Avropsstopp, förlängt.')).statusCode).toBe(200);
    const before = await trail(stop.id);
    expect412(await act(stop.id, 'lift', stop.etag), 2);
    expect412(await act(stop.id, 'retract', '"1", W/"2"'), 2);
    expect(await trail(stop.id)).toEqual(before);
    expect((await t.request({ method: 'GET', url: `/v1/signals/${stop.id}`, as: issuer })).json().status).toBe('active');
    // One of the tags in the list is the current one.
    expect((await act(stop.id, 'lift', '"1", "2"')).statusCode).toBe(200);
  });

  it('changes as before without If-Match, and with If-Match: *', async () => {
    const { id } = await newSignal();
    expect((await amend(id, undefined, 'Utan villkor.')).statusCode).toBe(200);
    expect((await amend(id, '*', 'Med asterisk.')).json().version).toBe(3);
  });

  it('answers a malformed If-Match with 400 and changes nothing', async () => {
    const { id } = await newSignal();
    for (const bad of ['1', '"1" "2"', 'W/1', '"unterminated', ',']) {
      const res = await amend(id, bad, 'Felaktigt villkor.');
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toMatchObject({ code: 'input.invalid', errors: [{ path: 'headers.if-match' }] });
    }
    expect((await trail(id)).versions).toEqual([1]);
  });

  it('answers another organisation’s signal with 404 and a retracted one with 409, whatever If-Match says', async () => {
    const { id } = await newSignal();
    const stranger = await t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as: cast.umea.id, headers: { 'if-match': '"9"' }, payload: { reason: 'x', summary: 'y' } });
    expect(stranger.statusCode).toBe(404);
    expect((await act(id, 'retract', '"1"')).statusCode).toBe(200);
    expect((await amend(id, '"1"', 'Efter återkallelse.')).json().code).toBe('signals.retracted');
  });

  it('replays an idempotent change with its ETag, and does not turn the retry into a 412', async () => {
    const { id } = await newSignal();
    const send = () =>
      t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as: issuer, headers: { 'if-match': '"1"', 'idempotency-key': `etag-${id}` }, payload: { reason: 'Rättelse.', summary: 'En gång.' } });
    const first = await send();
    const replay = await send();
    expect([first.statusCode, replay.statusCode, replay.headers['idempotent-replayed']]).toEqual([200, 200, 'true']);
    expect(replay.headers.etag).toBe('"2"');
  });
});

describe('ETag on suppliers', () => {
  it('is the record’s version on PUT and GET', async () => {
    const orgNumber = await createSupplier(t);
    expect((await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}`, as: issuer })).headers.etag).toBe('"1"');
    const renamed = await t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as: issuer, payload: { name: 'Nytt Namn AB', reason: 'Namnbyte.' } });
    expect([renamed.statusCode, renamed.headers.etag, renamed.json().version]).toEqual([200, '"2"', 2]);
  });

  it('takes If-Match on PUT: of two renames based on version 1 one wins, the other is 412 and writes nothing', async () => {
    const orgNumber = await createSupplier(t);
    const rename = (name: string, ifMatch: string) =>
      t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as: issuer, headers: { 'if-match': ifMatch }, payload: { name, reason: 'Namnbyte.' } });
    const answers = await Promise.all([rename('Första Namnet AB', '"1"'), rename('Andra Namnet AB', '"1"')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 412]);
    const refused = answers.find((a) => a.statusCode === 412)!;
    expect(refused.json()).toMatchObject({ code: 'suppliers.version_mismatch', type: '/problems/suppliers.version_mismatch' });
    expect(refused.json().detail).toContain('version 2');
    const history = await t.database.pool.query('SELECT version FROM supplier_versions WHERE supplier_org_number = $1 ORDER BY version', [orgNumber.replace('-', '')]);
    expect(history.rows.map((r) => r.version)).toEqual([1, 2]);
    expect((await rename('Tredje Namnet AB', '"2"')).statusCode).toBe(200);
    // No record to match: If-Match never registers one.
    const unregistered = await t.request({ method: 'PUT', url: `/v1/suppliers/${newOrgNumber()}`, as: issuer, headers: { 'if-match': '*' }, payload: { name: 'Ny AB' } });
    expect([unregistered.statusCode, unregistered.json().code]).toEqual([412, 'suppliers.version_mismatch']);
  });
});

describe('ETag and If-Match on subscriptions', () => {
  const owner = cast.umea.id;
  const patch = (id: string, ifMatch: string | undefined, payload: Record<string, unknown>) =>
    t.request({ method: 'PATCH', url: `/v1/subscriptions/${id}`, as: owner, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch }, payload });
  async function newSubscription() {
    const res = await t.request({ method: 'POST', url: '/v1/subscriptions', as: owner, payload: { url: 'http://127.0.0.1:9/hook', description: 'Ärendesystemet' } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  const read = async (id: string) => t.request({ method: 'GET', url: `/v1/subscriptions/${id}`, as: owner });
  const audited = async (id: string) =>
    (await t.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE target_type = 'subscription' AND target_id = $1", [id])).rows[0].n as number;

  it('tags what its owner can change: the same tag on GET and PATCH, a new one after a change, and a stale one answers 412 writing nothing', async () => {
    const id = await newSubscription();
    const first = (await read(id)).headers.etag as string;
    expect(first).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect((await read(id)).headers.etag).toBe(first);
    const changed = await patch(id, first, { description: 'Ärendesystemet, nattjour' });
    expect(changed.statusCode, changed.body).toBe(200);
    const second = changed.headers.etag as string;
    expect(second).not.toBe(first);
    expect((await read(id)).headers.etag).toBe(second);

    const before = await audited(id);
    const stale = await patch(id, first, { url: 'http://127.0.0.1:9/annan' });
    expect(stale.statusCode, stale.body).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().code).toBe('subscriptions.version_mismatch');
    const after = await read(id);
    expect(after.json()).toMatchObject({ url: 'http://127.0.0.1:9/hook', description: 'Ärendesystemet, nattjour' });
    expect(await audited(id)).toBe(before);
    // Without If-Match, and with *, the change is made as before.
    expect((await patch(id, '*', { description: 'Med stjärna' })).statusCode).toBe(200);
    expect((await patch(id, undefined, { description: 'Utan villkor' })).statusCode).toBe(200);
    expect((await patch(id, 'inte-en-tagg', { description: 'Fel' })).statusCode).toBe(400);
  });

  it('lets exactly one of two changes sent at once on one tag win', async () => {
    const id = await newSubscription();
    const tag = (await read(id)).headers.etag as string;
    const answers = await Promise.all([patch(id, tag, { url: 'http://127.0.0.1:9/a' }), patch(id, tag, { url: 'http://127.0.0.1:9/b' })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 412]);
    const winner = answers.find((a) => a.statusCode === 200)!.json().url;
    expect((await read(id)).json().url).toBe(winner);
  });
});

describe('parseIfMatch', () => {
  it('reads RFC 9110 entity-tag lists', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch(' * ')).toBe('*');
    expect(parseIfMatch('"3"')).toEqual(['"3"']);
    expect(parseIfMatch(' "1" ,W/"2",, "x,y" ')).toEqual(['"1"', '"x,y"']);
    expect(parseIfMatch('W/"2"')).toEqual([]);
    for (const bad of ['', ' ', '3', '"3', '"3" "4"', '"a"b', 'W/ "1"', '*, "1"']) expect(parseIfMatch(bad), bad).toBeNull();
  });

  it('compares strongly', () => {
    expect(meets('*', '"7"')).toBe(true);
    expect(meets(['"7"'], '"7"')).toBe(true);
    expect(meets(['"6"'], '"7"')).toBe(false);
    expect(meets([], '"7"')).toBe(false);
  });
});
