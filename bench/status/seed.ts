import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { mapLimit, orgNumber, PURCHASING_CENTRE } from '../lib/registry.ts';

/**
 * The fast generator of a realistic registry: suppliers and signals written with
 * COPY straight into the tables (millions of rows in seconds, not minutes). Foreign
 * keys are consistent by construction, so the session skips their per-row triggers
 * (session_replication_role = replica; the benchmark connects as a superuser).
 * What it does not write: signal_versions, `signal.created` events and audit entries
 * for the seeded signals — the status read path reads only `signals` joined to
 * `organisations`. It does write the `signal.expired` events a registry in its steady
 * state already has (see ANNOUNCE_EXPIRED).
 *
 * The mix: mostly deviations of every severity over six years, some call-off stops
 * (most of them lifted), terminations, IVO injunctions (many expired), financial
 * warnings, a few revoked permits; a few percent retracted; some visible only to
 * issuer and auditors. Signals per supplier follow a mild power law (a few suppliers
 * have many). Deterministic for a given seed, apart from the ids.
 */

const DAY = 86_400_000;
const YEAR = 365 * DAY;

/** mulberry32: small, fast, seeded. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A UUIDv7 (the registry's id format) for a given millisecond. */
function uuidv7At(ms: number): string {
  const ts = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  const r = randomUUID();
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${r.slice(15, 18)}-${r.slice(19, 23)}-${r.slice(24)}`;
}

const iso = (ms: number) => new Date(ms).toISOString();
const N = '\\N';

const deviationSummaries = [
  'Bemanningen understeg avtalad nivå vid uppföljning.',
  'Genomförandeplan saknades för flera placerade.',
  'Brister i lokalernas brandskydd noterades.',
  'Avvikelserapportering har inte skett enligt avtal.',
  'Personal uppger hinder mot meddelarfrihet.',
  'Brister i hantering av läkemedel.',
  'Säkerhetsrutiner följdes inte vid incident.',
  'Ekonomisk redovisning inkom inte i tid.',
  'Övriga brister vid uppföljningsbesök.',
];
const categories = ['staffing', 'care_plan', 'premises', 'reporting', 'whistleblower_freedom', 'substances', 'safety', 'finances', 'other'];

export interface SeedContext {
  now: number;
  suppliers: string[];
  /** Municipalities and federations that issue signals. */
  issuers: string[];
  agreementId: string;
}

/** Writes COPY text rows for signals [from, to) of the registry. */
function* signalRows(ctx: SeedContext, from: number, to: number, seed: number, history: boolean): Generator<string> {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const n = ctx.suppliers.length;
  let chunk: string[] = [];
  for (let i = from; i < to; i++) {
    const supplier = ctx.suppliers[Math.min(n - 1, Math.floor(n * random() ** 1.3))]!;
    let effectiveFrom = ctx.now - random() * 6 * YEAR;
    const r = random();
    let type: string;
    let issuer = pick(ctx.issuers);
    let agreement: string | null = null;
    let status = 'active';
    let severity: string | null = null;
    let category: string | null = null;
    let until: number | null = null;
    let reference: string | null = null;
    let summary: string;
    if (r < 0.85) {
      type = 'deviation';
      const s = random();
      severity = s < 0.35 ? 'low' : s < 0.7 ? 'medium' : s < 0.92 ? 'high' : 'critical';
      const c = Math.floor(random() * categories.length);
      category = categories[c]!;
      summary = deviationSummaries[c]!;
      if (random() < 0.25) until = effectiveFrom + (3 + random() * 21) * 30 * DAY;
      if (random() < 0.03) status = 'retracted';
    } else if (r < 0.89) {
      type = 'call_off_stop';
      summary = 'Avropsstopp i väntan på utredning.';
      if (random() < 0.6) {
        issuer = PURCHASING_CENTRE;
        agreement = ctx.agreementId;
      }
      const s = random();
      status = s < 0.85 ? 'lifted' : s < 0.88 ? 'retracted' : 'active';
      if (random() < 0.2) until = effectiveFrom + (1 + random() * 5) * 30 * DAY;
    } else if (r < 0.91) {
      type = 'termination';
      summary = 'Avtalet hävt på grund av väsentliga brister.';
      if (random() < 0.5) {
        issuer = PURCHASING_CENTRE;
        agreement = ctx.agreementId;
      }
      if (random() < 0.1) status = 'retracted';
    } else if (r < 0.95) {
      type = 'ivo_injunction';
      summary = 'IVO förelägger verksamheten att åtgärda brister.';
      reference = `IVO 3.5.1-${10_000 + Math.floor(random() * 89_999)}/${2020 + Math.floor(random() * 6)}`;
      if (random() < 0.6) until = effectiveFrom + (2 + random() * 10) * 30 * DAY;
    } else if (r < 0.9505) {
      type = 'permit_revoked';
      summary = 'IVO har återkallat tillståndet.';
      reference = `IVO 3.5.1-${10_000 + Math.floor(random() * 89_999)}/2025`;
      if (random() < 0.2) status = 'retracted';
    } else {
      type = 'financial_warning';
      summary = 'Betalningsanmärkning och skuld hos Kronofogden.';
      until = effectiveFrom + YEAR;
    }
    if (history) {
      // A signal of the registry's past: begun one to six years ago, and over — a deviation
      // older than the 12 months that count, any other signal ended within the year it began
      // (and, being active and ended, announced as expired by MARK_ANNOUNCED).
      const begun = ctx.now - (1 + random() * 5) * YEAR;
      if (until !== null) until += begun - effectiveFrom;
      effectiveFrom = begun;
      if (type !== 'deviation') until = effectiveFrom + (1 + random() * 10) * 30 * DAY;
    }
    const visibility = random() < 0.07 ? 'issuer_and_auditors' : 'members';
    const created = effectiveFrom;
    const version = status === 'active' ? 1 : 2;
    const updated = status === 'active' ? created : Math.min(ctx.now, created + random() * 90 * DAY);
    chunk.push(
      [
        uuidv7At(created),
        type,
        supplier,
        N,
        agreement ?? N,
        issuer,
        status,
        visibility,
        severity ?? N,
        category ?? N,
        summary,
        N,
        reference ?? N,
        iso(effectiveFrom),
        until === null ? N : iso(until),
        version,
        `${issuer}-case-system`,
        iso(created),
        iso(updated),
      ].join('\t'),
    );
    if (chunk.length === 5_000) {
      yield `${chunk.join('\n')}\n`;
      chunk = [];
    }
  }
  if (chunk.length) yield `${chunk.join('\n')}\n`;
}

const SIGNAL_COLUMNS =
  'id, type, supplier_org_number, unit_id, agreement_id, issuer_org_id, status, visibility, severity, category, summary, details, reference, effective_from, effective_until, version, created_by, created_at, updated_at';

async function copy(client: pg.ClientBase, sql: string, rows: Iterable<string>) {
  await pipeline(Readable.from(rows), client.query(copyFrom(sql)));
}

/** COPYs `count` suppliers (series 55), all parties to the purchasing centre's agreement. */
export async function seedSuppliers(url: string, count: number, agreementId: string): Promise<string[]> {
  const suppliers = Array.from({ length: count }, (_, i) => orgNumber(i, 55));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET session_replication_role = replica`);
    function* supplierRows() {
      for (let i = 0; i < suppliers.length; i += 5_000) {
        yield `${suppliers
          .slice(i, i + 5_000)
          .map((n, j) => `${n}\tOmsorgsgården ${i + j} AB\tf\t${PURCHASING_CENTRE}`)
          .join('\n')}\n`;
      }
    }
    await copy(client, 'COPY suppliers (org_number, name, sole_trader, created_by_org_id) FROM STDIN', supplierRows());
    function* partyRows() {
      for (let i = 0; i < suppliers.length; i += 5_000) yield `${suppliers.slice(i, i + 5_000).map((n) => `${agreementId}\t${n}`).join('\n')}\n`;
    }
    await copy(client, 'COPY agreement_suppliers (agreement_id, supplier_org_number) FROM STDIN', partyRows());
  } finally {
    await client.end();
  }
  return suppliers;
}

/**
 * COPYs signals [from, to) over two connections at once (the machine has two
 * cores), then VACUUM ANALYZE so the planner and the visibility map are as they
 * would be on a registry that autovacuum keeps up with.
 */
export async function seedSignals(url: string, ctx: SeedContext, from: number, to: number, { history = false } = {}): Promise<void> {
  const parts = 2;
  const size = Math.ceil((to - from) / parts);
  // Building an index once is far cheaper than maintaining it row by row: for a large
  // load, drop the secondary indexes (whatever the migrations made them) and rebuild them.
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const rebuild = to - from >= 200_000;
  let indexes: Array<{ name: string; def: string }> = [];
  try {
    if (rebuild) {
      indexes = (
        await admin.query(
          `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
             FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = 'signals'::regclass AND NOT x.indisprimary AND NOT x.indisunique`,
        )
      ).rows;
      for (const index of indexes) await admin.query(`DROP INDEX "${index.name}"`);
    }
  } finally {
    await admin.end();
  }
  await Promise.all(
    Array.from({ length: parts }, async (_, p) => {
      const a = from + p * size;
      const b = Math.min(to, a + size);
      if (a >= b) return;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`SET session_replication_role = replica`);
        await copy(client, `COPY signals (${SIGNAL_COLUMNS}) FROM STDIN`, signalRows(ctx, a, b, 1_000 + a, history));
      } finally {
        await client.end();
      }
    }),
  );
  await mapLimit(indexes, parts, async (index) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(`SET maintenance_work_mem = '256MB'`);
      await c.query(index.def);
    } finally {
      await c.end();
    }
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Replica mode, as for the COPYs: no foreign-key checks. With them, this bulk insert
    // (which takes the journal lock first, migrations/0006) would wait for key-share locks
    // on signals that the worker's expiry sweep holds while it waits for the journal lock.
    await client.query(`SET session_replication_role = replica`);
    await client.query(ANNOUNCE_EXPIRED);
    await client.query(MARK_ANNOUNCED);
    await client.query(`SET session_replication_role = origin`);
    await client.query('VACUUM ANALYZE signals');
    await client.query('VACUUM ANALYZE events');
  } finally {
    await client.end();
  }
}

/**
 * A registry in its steady state has already announced `signal.expired` for every
 * signal whose period ended (the worker's expiry sweep does it once per version);
 * without these rows the sweep would spend the benchmark announcing years of history.
 */
// As the expiry sweep does when it announces them (signals.expiry.ts).
const MARK_ANNOUNCED = `UPDATE signals SET expired_version = version WHERE status = 'active' AND effective_until <= now()`;

const ANNOUNCE_EXPIRED = `
  INSERT INTO events (id, type, signal_id, signal_version, signal_type, supplier_org_number, agreement_id,
                      issuer_org_id, visibility, severity, signal, created_at, relayed_at)
  SELECT gen_random_uuid(), 'signal.expired', s.id, s.version, s.type, s.supplier_org_number, s.agreement_id,
         s.issuer_org_id, s.visibility, s.severity,
         jsonb_build_object('id', s.id, 'type', s.type, 'supplierOrgNumber', substr(s.supplier_org_number, 1, 6) || '-' || substr(s.supplier_org_number, 7),
           'unitId', s.unit_id, 'agreementId', s.agreement_id, 'issuerOrgId', s.issuer_org_id, 'status', 'expired',
           'visibility', s.visibility, 'severity', s.severity, 'category', s.category, 'summary', s.summary, 'details', s.details,
           'reference', s.reference, 'effectiveFrom', s.effective_from, 'effectiveUntil', s.effective_until, 'version', s.version,
           'createdAt', s.created_at, 'updatedAt', s.updated_at),
         s.effective_until, s.effective_until
    FROM signals s
   WHERE s.status = 'active' AND s.effective_until <= now()
     AND NOT EXISTS (SELECT 1 FROM events e WHERE e.signal_id = s.id AND e.type = 'signal.expired' AND e.signal_version = s.version)`;

/**
 * Suppliers with a known answer, read among the random ones under load:
 * - blocked: an active revoked permit (blocks everyone);
 * - clear: low and medium deviations, a lifted stop, a stop whose period ended, a retracted revoked permit;
 * - caution: a recent high-severity deviation;
 * - planted: clear when seeded; the benchmark posts a call-off stop through the API and it must read blocked.
 */
export async function seedSentinels(url: string, ctx: SeedContext): Promise<{ blocked: string; clear: string; caution: string; planted: string }> {
  const [blocked, clear, caution, planted] = [0, 1, 2, 3].map((i) => orgNumber(i, 57)) as [string, string, string, string];
  const issuer = ctx.issuers[0]!;
  const row = (supplier: string, type: string, status: string, opts: { severity?: string; category?: string; fromDaysAgo: number; untilDaysAgo?: number; byCentre?: boolean }) => {
    const from = ctx.now - opts.fromDaysAgo * DAY;
    const by = opts.byCentre ? PURCHASING_CENTRE : issuer;
    return [
      uuidv7At(from),
      type,
      supplier,
      N,
      opts.byCentre ? ctx.agreementId : N,
      by,
      status,
      'members',
      opts.severity ?? N,
      opts.category ?? N,
      'Kontrollsignal för benchmark.',
      N,
      N,
      iso(from),
      opts.untilDaysAgo === undefined ? N : iso(ctx.now - opts.untilDaysAgo * DAY),
      status === 'active' ? 1 : 2,
      `${by}-case-system`,
      iso(from),
      iso(from),
    ].join('\t');
  };
  const rows = [
    row(blocked, 'permit_revoked', 'active', { fromDaysAgo: 40 }),
    row(blocked, 'deviation', 'active', { severity: 'low', category: 'reporting', fromDaysAgo: 100 }),
    row(clear, 'deviation', 'active', { severity: 'low', category: 'reporting', fromDaysAgo: 10 }),
    row(clear, 'deviation', 'active', { severity: 'medium', category: 'staffing', fromDaysAgo: 200 }),
    row(clear, 'deviation', 'active', { severity: 'critical', category: 'safety', fromDaysAgo: 500 }),
    row(clear, 'call_off_stop', 'lifted', { fromDaysAgo: 60, byCentre: true }),
    row(clear, 'call_off_stop', 'active', { fromDaysAgo: 90, untilDaysAgo: 30, byCentre: true }),
    row(clear, 'permit_revoked', 'retracted', { fromDaysAgo: 30 }),
    row(caution, 'deviation', 'active', { severity: 'high', category: 'staffing', fromDaysAgo: 20 }),
    row(planted, 'deviation', 'active', { severity: 'low', category: 'premises', fromDaysAgo: 5 }),
  ];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET session_replication_role = replica`);
    const numbers = [blocked, clear, caution, planted];
    await copy(client, 'COPY suppliers (org_number, name, sole_trader, created_by_org_id) FROM STDIN', [
      `${numbers.map((n, i) => `${n}\tKontrollgården ${i} AB\tf\t${PURCHASING_CENTRE}`).join('\n')}\n`,
    ]);
    await copy(client, 'COPY agreement_suppliers (agreement_id, supplier_org_number) FROM STDIN', [`${numbers.map((n) => `${ctx.agreementId}\t${n}`).join('\n')}\n`]);
    await copy(client, `COPY signals (${SIGNAL_COLUMNS}) FROM STDIN`, [`${rows.join('\n')}\n`]);
  } finally {
    await client.end();
  }
  return { blocked, clear, caution, planted };
}
