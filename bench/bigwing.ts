/**
 * The Big Wing day load test (issue 7): officers of three agencies record a day's seizures,
 * valuations, custody moves and detentions over a few minutes against the real server, while
 * court-liaison and finance staff read the register, the totals, the deadlines and valuation
 * statements; a supervisor watches projection lag. Afterwards the read models are rebuilt from the
 * log and must answer exactly as before, and the register must hold every acknowledged seizure.
 *
 * The server is `node dist/cli.js serve` (a child process, NODE_ENV=production, LOG_LEVEL=warn,
 * the default per-subject rate limit of 600 requests a minute: every simulated user stays under
 * it) on a temporary data directory. Not part of `npm test`.
 *
 * Usage: npm run load:bigwing [-- --officers 200 --seizures 5000 --minutes 3 --cases 120
 *   --readers 10 --seed 7 --keep --no-record]
 */
import { loadavg } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '../src/common/actor';
import { benchToken, ROOT, RunningServer, startLedgerServer } from './http-server';
import { machine, option } from './support';

const OFFICERS = option('officers', 200);
const SEIZURES = option('seizures', 5000);
const MINUTES = option('minutes', 3);
const CASES = option('cases', Math.max(3, Math.min(120, Math.ceil(OFFICERS * 0.6))));
const READERS = option('readers', 10);
const SEED = option('seed', 7);
const KEEP = process.argv.includes('--keep');
const RECORD = !process.argv.includes('--no-record');
const LAG_POLL_MS = 500;
const REQUEST_TIMEOUT_MS = 30_000;

const londonDate = (d = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(d);
const TODAY = londonDate();
const OPERATION = `BigWing-${TODAY}`;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32), so the same options give the same day.

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (p: number) => random() < p;
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pounds = (lo: number, hi: number, step = 10) =>
  `${(Math.round(between(lo, hi) / step) * step).toFixed(0)}.00`;

// ---------------------------------------------------------------------------------------------
// Who takes part.

type Agency = 'MPS' | 'CoLP' | 'NCA';
const AGENCIES: { agency: Agency; share: number; rank: string; unit: string }[] = [
  { agency: 'MPS', share: 0.6, rank: 'PC', unit: 'ECU' },
  { agency: 'CoLP', share: 0.2, rank: 'DC', unit: 'ECCU' },
  { agency: 'NCA', share: 0.2, rank: 'FI', unit: 'NECC' },
];

interface User {
  sub: string;
  agency: Agency;
  roles: Role[];
  token: string;
}

/** Splits `total` between the agencies by share (largest remainders), in AGENCIES order. */
function split(total: number): number[] {
  const exact = AGENCIES.map((a) => a.share * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0]);
  for (let k = 0; counts.reduce((s, c) => s + c, 0) < total; k++) counts[order[k][1]]++;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// HTTP with timings per route.

interface Timing {
  ms: number[];
  errors: number;
}
const timings = new Map<string, Timing>();
const failures: string[] = [];
let commands = 0;
let queries = 0;
let maxAcked = 0n;
/** Acknowledged command positions not yet seen applied by every projection, with their time. */
let pendingAcks: { position: bigint; at: number }[] = [];
let maxQueryStaleness = 0n;

function record(route: string, ms: number, ok: boolean) {
  const t = timings.get(route) ?? { ms: [], errors: 0 };
  timings.set(route, t);
  t.ms.push(ms);
  if (!ok) t.errors++;
}

interface Reply {
  status: number;
  body: unknown;
  position?: string;
  ledgerPosition?: string;
}

async function call(
  base: string,
  user: User,
  method: 'GET' | 'POST',
  path: string,
  route: string,
  body?: unknown,
  kind: 'command' | 'query' | 'other' = method === 'POST' ? 'command' : 'query',
): Promise<Reply> {
  const sentAtPosition = maxAcked;
  const started = performance.now();
  let status = 0;
  let text = '';
  let contentType = '';
  let ledgerPosition: string | undefined;
  try {
    const response = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${user.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    status = response.status;
    contentType = response.headers.get('content-type') ?? '';
    ledgerPosition = response.headers.get('x-ledger-position') ?? undefined;
    text = contentType.includes('pdf')
      ? `${(await response.arrayBuffer()).byteLength} bytes of PDF`
      : await response.text();
  } catch (error) {
    text = String(error);
  }
  const ms = performance.now() - started;
  const ok = status >= 200 && status < 300;
  record(route, ms, ok);
  if (!ok) failures.push(`${user.sub} ${method} ${path} → ${status || 'no response'} ${text}`);
  const parsed: unknown = contentType.includes('json') && text ? JSON.parse(text) : text;
  let position: string | undefined;
  if (kind === 'command') commands++;
  if (kind === 'query') queries++;
  if (ok && kind === 'command') {
    position = (parsed as { position?: string }).position;
    if (position !== undefined) {
      const p = BigInt(position);
      if (p > maxAcked) maxAcked = p;
      pendingAcks.push({ position: p, at: performance.now() });
    }
  }
  if (ok && kind === 'query' && ledgerPosition !== undefined) {
    const stale = sentAtPosition - BigInt(ledgerPosition);
    if (stale > maxQueryStaleness) maxQueryStaleness = stale;
  }
  return { status, body: parsed, position, ledgerPosition };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

// ---------------------------------------------------------------------------------------------
// What officers seize, and what they do with it afterwards.

type Body = Record<string, unknown>;
interface FollowUp {
  route: string;
  path: string;
  body: Body;
}
interface Seizure {
  category: string;
  body: Omit<Body, 'caseId' | 'exhibitRef'>;
  followUps: FollowUp[];
}

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const fxRate = (currency: string, rateToGbp: string, source: string) => ({
  currency,
  rateToGbp,
  source,
  asAt: TODAY,
});
const EUR = fxRate('EUR', '0.8567', 'ECB euro reference rate');
const USD = fxRate('USD', '0.7612', 'Bank of England spot rate');
const BTC = fxRate('BTC', '71250.00', 'CoinGecko BTC/GBP daily close');
const ETH = fxRate('ETH', '2415.00', 'CoinGecko ETH/GBP daily close');

const ADDRESSES: Record<Agency, string[]> = {
  MPS: [
    '14 Harrow Road, London W2',
    '41 Abbey Street, London SE1',
    'Flat 9, Trellick Tower, London W10',
    '220 Edgware Road, London W2',
    'Unit 4, Park Royal Industrial Estate, London NW10',
    '7 Coldharbour Lane, London SE5',
  ],
  CoLP: [
    'Bureau de change, 12 Leadenhall Market, London EC3',
    'Safe deposit box 114, Hatton Garden, London EC1',
    '30 Bishopsgate, London EC2',
  ],
  NCA: [
    'Pan Peninsula, 3 Pan Peninsula Square, London E14',
    'Heathrow Terminal 5, Border Force search hall',
    'Tilbury Docks, container TGHU 441207',
  ],
};
const STORES: Record<Agency, { property: string; cash: string; pound: string; crypto: string }> = {
  MPS: {
    property: 'Paddington Green property store',
    cash: 'MPS cash-seizure account, Lloyds Bank (interest-bearing)',
    pound: 'MPS vehicle recovery pound, Perivale',
    crypto: 'MPS-controlled cold wallet (multi-signature)',
  },
  CoLP: {
    property: 'Bishopsgate police station property store',
    cash: 'CoLP cash-seizure account, NatWest (interest-bearing)',
    pound: 'CoLP vehicle pound, Snowsfields',
    crypto: 'CoLP-controlled cold wallet (multi-signature)',
  },
  NCA: {
    property: 'NCA evidence store, Vauxhall',
    cash: 'NCA cash-seizure account, Barclays (interest-bearing)',
    pound: 'NCA secure vehicle store, Thurrock',
    crypto: 'NCA-controlled cold wallet (multi-signature)',
  },
};
const WATCHES = [
  ['Rolex Submariner Date 126610LN', 11000, 14500],
  ['Rolex Cosmograph Daytona 116500LN', 24000, 31000],
  ['Audemars Piguet Royal Oak 15500ST', 38000, 52000],
  ['Patek Philippe Nautilus 5711/1A', 90000, 120000],
  ['Omega Speedmaster Moonwatch', 4500, 6500],
  ['Cartier Santos Large', 5500, 7500],
] as const;
const VEHICLES = [
  ['Range Rover Sport P400 HSE (2023)', 52000, 68000],
  ['Mercedes-AMG G 63 (2022)', 120000, 150000],
  ['BMW M4 Competition (2021)', 45000, 58000],
  ['Audi RS6 Avant (2022)', 70000, 88000],
  ['Ford Transit Custom (2020)', 14000, 19000],
] as const;

function value(basis: string, amount: string, valuer: string, extra: Body = {}): FollowUp {
  return {
    route: 'POST /assets/{id}/valuations',
    path: 'valuations',
    body: { basis, value: gbp(amount), valuedAsAt: TODAY, valuer, ...extra },
  };
}
const custody = (to: string, reason: string, sealNumber?: string): FollowUp => ({
  route: 'POST /assets/{id}/custody-transfers',
  path: 'custody-transfers',
  body: { to, reason, ...(sealNumber ? { sealNumber } : {}) },
});
const detention = (): FollowUp => ({
  route: 'POST /assets/{id}/detentions',
  path: 'detentions',
  body: { kind: 'initial' },
});

function seizureFor(agency: Agency): Seizure {
  const location = pick(ADDRESSES[agency]);
  const store = STORES[agency];
  const seal = () => `${agency}-SEAL-${String(between(1, 999_999)).padStart(6, '0')}`;
  const common = { location, custodyLocation: store.property };
  const roll = random();
  if (roll < 0.35) {
    const amount = pounds(1_500, 95_000);
    return {
      category: 'cash GBP',
      body: {
        ...common,
        power: 'POCA_S294_CASH',
        category: 'cash',
        description: pick([
          '£20 and £50 notes in a holdall',
          'Vacuum-packed £50 notes in a car door panel',
          'Cash in a shoebox in the wardrobe',
        ]),
        declared: gbp(amount),
      },
      followUps: [
        ...(chance(0.6) ? [detention()] : []),
        ...(chance(0.4) ? [custody(store.cash, 'Cash counted and banked', seal())] : []),
      ],
    };
  }
  if (roll < 0.55) {
    const [currency, rate] = chance(0.75) ? ['EUR', EUR] : ['USD', USD];
    return {
      category: `cash ${currency}`,
      body: {
        ...common,
        power: 'POCA_S294_CASH',
        category: 'cash',
        description: `${currency} notes in a sports bag`,
        declared: { amount: pounds(2_000, 60_000, 50), currency },
        fx: [rate],
      },
      followUps: [
        ...(chance(0.6) ? [detention()] : []),
        ...(chance(0.4) ? [custody(store.cash, 'Cash counted and banked', seal())] : []),
      ],
    };
  }
  if (roll < 0.72) {
    const [model, lo, hi] = pick(WATCHES);
    const listed = chance(0.5);
    const estimate = pounds(lo, hi, 100);
    return {
      category: 'watch',
      body: {
        ...common,
        power: listed ? 'POCA_S303J_LISTED' : 'POCA_S47C',
        category: 'watch',
        description: `${model}, with box and papers`,
        ...(listed ? { listedAggregate: gbp(estimate) } : {}),
      },
      followUps: [
        ...(chance(0.9) ? [value('market', pounds(lo, hi, 100), 'Watchfinder & Co.')] : []),
        ...(chance(0.2)
          ? [custody(`${store.property} (high-value safe)`, 'High-value item', seal())]
          : []),
      ],
    };
  }
  if (roll < 0.77) {
    return {
      category: 'jewellery',
      body: {
        ...common,
        power: 'POCA_S303J_LISTED',
        category: 'jewellery',
        description: '18ct gold Cuban link chain and a diamond tennis bracelet',
        listedAggregate: gbp(pounds(3_000, 25_000, 100)),
      },
      followUps: chance(0.8)
        ? [value('market', pounds(3_000, 25_000, 100), 'Hatton Garden Assay & Valuation Ltd')]
        : [],
    };
  }
  if (roll < 0.89) {
    const [model, lo, hi] = pick(VEHICLES);
    return {
      category: 'vehicle',
      body: {
        ...common,
        power: chance(0.5) ? 'PACE_S19' : 'POCA_S47C',
        category: 'vehicle',
        description: `${model}, reg. ${pick(['LX', 'LB', 'WR', 'YK'])}${between(17, 24)} ${String.fromCharCode(65 + between(0, 25), 65 + between(0, 25), 65 + between(0, 25))}`,
        custodyLocation: `${location} (awaiting recovery)`,
      },
      followUps: [
        ...(chance(0.7) ? [custody(store.pound, 'Recovered by low-loader')] : []),
        ...(chance(0.9)
          ? [value('market', pounds(lo, hi, 250), 'Manheim Vehicle Valuations')]
          : []),
      ],
    };
  }
  if (roll < 0.96) {
    const btc = chance(0.6);
    const quantity = btc
      ? (between(5, 400) / 100).toFixed(8)
      : (between(100, 5_000) / 100).toFixed(2);
    const rate = btc ? BTC : ETH;
    return {
      category: 'cryptoasset',
      body: {
        ...common,
        power: 'POCA_S303Z29_CRYPTO',
        category: 'cryptoasset',
        description: btc
          ? 'Bitcoin on a hardware wallet, with its seed phrase'
          : 'Ether in a software wallet on a laptop',
        declared: { symbol: rate.currency, quantity },
        fx: [rate],
      },
      followUps: [
        ...(chance(0.5) ? [detention()] : []),
        ...(chance(0.7) ? [custody(store.crypto, 'Swept to a law-enforcement wallet')] : []),
        ...(chance(0.8)
          ? [
              {
                route: 'POST /assets/{id}/valuations',
                path: 'valuations',
                body: {
                  basis: 'exchange_rate',
                  value: { symbol: rate.currency, quantity },
                  fx: rate,
                  valuedAsAt: TODAY,
                  valuer: `${agency} cryptocurrency team`,
                },
              },
            ]
          : []),
      ],
    };
  }
  return {
    category: 'electronics',
    body: {
      ...common,
      power: 'PACE_S19',
      category: 'electronics',
      description: 'Apple iPhone 15 Pro and two burner phones (evidential)',
    },
    followUps: [],
  };
}

// ---------------------------------------------------------------------------------------------
// The day.

interface CaseSlot {
  index: number;
  agency: Agency;
  reference: string;
  lead: number;
  id?: Promise<string>;
  resolve?: (id: string) => void;
}

const opened: Record<Agency, string[]> = { MPS: [], CoLP: [], NCA: [] };
const acknowledgedSeizures = new Set<string>();
const counts = { seizures: 0, valuations: 0, custody: 0, detentions: 0, cases: 0 };
const byCategory = new Map<string, number>();

async function officerDay(
  base: string,
  officer: User,
  myCases: CaseSlot[],
  leads: CaseSlot[],
  seizures: number,
  deadline: number,
): Promise<void> {
  // The plan: open the cases this officer leads, then each seizure and its follow-ups.
  type Step = { kind: 'open'; slot: CaseSlot } | { kind: 'seize'; seizure: Seizure; n: number };
  const plan: Step[] = leads.map((slot) => ({ kind: 'open', slot }));
  const planned = Array.from({ length: seizures }, () => seizureFor(officer.agency));
  planned.forEach((seizure, n) => plan.push({ kind: 'seize', seizure, n }));
  const actions = leads.length + planned.reduce((s, z) => s + 1 + z.followUps.length, 0);
  const start = performance.now();
  const interval = (deadline - start) / Math.max(1, actions);
  let action = 0;
  const paced = () => sleep(start + (action++ + random()) * interval - performance.now());

  for (const step of plan) {
    if (step.kind === 'open') {
      await paced();
      const r = await call(base, officer, 'POST', '/cases', 'POST /cases', {
        reference: step.slot.reference,
        title: `Operation ${OPERATION}: ${pick(ADDRESSES[officer.agency])}`,
        operation: OPERATION,
        offenceType: 'Money laundering (POCA s.327)',
      });
      if (r.status !== 201) throw new Error(`could not open ${step.slot.reference}`);
      const id = (r.body as { id: string }).id;
      counts.cases++;
      opened[officer.agency].push(id);
      step.slot.resolve?.(id);
      continue;
    }
    const slot = myCases[step.n % myCases.length];
    const caseId = await slot.id!;
    await paced();
    const exhibitRef = `${officer.sub.split('-').slice(1).join('')}/${step.n + 1}`;
    const seized = await call(base, officer, 'POST', '/assets', 'POST /assets', {
      caseId,
      exhibitRef,
      ...step.seizure.body,
    });
    if (seized.status !== 201) continue;
    const assetId = (seized.body as { id: string }).id;
    counts.seizures++;
    acknowledgedSeizures.add(assetId);
    byCategory.set(step.seizure.category, (byCategory.get(step.seizure.category) ?? 0) + 1);
    for (const follow of step.seizure.followUps) {
      await paced();
      const r = await call(
        base,
        officer,
        'POST',
        `/assets/${assetId}/${follow.path}`,
        follow.route,
        follow.body,
      );
      if (r.status >= 300) continue;
      if (follow.path === 'valuations') counts.valuations++;
      else if (follow.path === 'custody-transfers') counts.custody++;
      else counts.detentions++;
    }
  }
}

async function readerDay(
  base: string,
  reader: User,
  until: () => boolean,
  statementsByCase: Map<string, number>,
): Promise<void> {
  const op = encodeURIComponent(OPERATION);
  const liaison = reader.roles.includes('court_liaison');
  await sleep(random() * 1000);
  while (!until()) {
    const roll = random();
    const cases = opened[reader.agency];
    if (liaison && roll < 0.3 && cases.length > 0) {
      const caseId = pick(cases);
      const pdf = chance(0.35);
      statementsByCase.set(caseId, (statementsByCase.get(caseId) ?? 0) + 1);
      await call(
        base,
        reader,
        'GET',
        `/cases/${caseId}/valuation-statement?format=${pdf ? 'pdf' : 'json'}`,
        `GET /cases/{id}/valuation-statement (${pdf ? 'pdf' : 'json'})`,
      );
    } else if (liaison ? roll < 0.6 : roll < 0.35) {
      await call(base, reader, 'GET', '/deadlines?within=P7D', 'GET /deadlines');
    } else if (liaison ? roll < 0.85 : roll < 0.65) {
      const filter = chance(0.3) ? `&category=${pick(['cash', 'watch', 'vehicle'])}` : '';
      await call(
        base,
        reader,
        'GET',
        `/register?operation=${op}&limit=50${filter}`,
        'GET /register',
      );
    } else {
      await call(
        base,
        reader,
        'GET',
        `/totals?groupBy=agency&operation=${op}`,
        'GET /totals?groupBy=agency',
      );
    }
    await sleep(500 + random() * 1000);
  }
}

interface Lag {
  events: bigint;
  ms: number;
}

/** The supervisor's view: how far every projection's checkpoint is behind what was acknowledged. */
async function lagNow(base: string, supervisor: User): Promise<Lag | undefined> {
  const r = await call(
    base,
    supervisor,
    'GET',
    '/admin/projections',
    'GET /admin/projections (lag poll)',
    undefined,
    'other',
  );
  if (r.status !== 200) return undefined;
  const statuses = r.body as { name: string; checkpoint: string | null }[];
  const applied = statuses
    .map((s) => (s.checkpoint === null ? 0n : BigInt(s.checkpoint)))
    .reduce((a, b) => (a < b ? a : b));
  pendingAcks = pendingAcks.filter((a) => a.position > applied);
  const now = performance.now();
  const oldest = pendingAcks.reduce((min, a) => Math.min(min, a.at), now);
  return { events: maxAcked > applied ? maxAcked - applied : 0n, ms: now - oldest };
}

// ---------------------------------------------------------------------------------------------
// After the day: the read models against a rebuild from the log.

async function snapshot(base: string, auditor: User): Promise<Map<string, string>> {
  const op = encodeURIComponent(OPERATION);
  const out = new Map<string, string>();
  const get = async (path: string) => {
    const r = await call(base, auditor, 'GET', path, 'GET (cross-check)', undefined, 'other');
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  for (const groupBy of ['agency', 'case', 'category', 'power', 'operation']) {
    for (const filter of ['', `&operation=${op}`]) {
      const path = `/totals?groupBy=${groupBy}${filter}`;
      out.set(path, JSON.stringify(await get(path)));
    }
  }
  out.set('/totals', JSON.stringify(await get('/totals')));
  out.set('/totals?operation', JSON.stringify(await get(`/totals?operation=${op}`)));
  // `asOf` is the wall-clock instant of the answer, not something the read model holds.
  const { asOf: _asOf, ...deadlines } = (await get('/deadlines?within=P30D')) as Body;
  out.set('/deadlines?within=P30D', JSON.stringify(deadlines));
  const items: unknown[] = [];
  let cursor: string | null = null;
  do {
    const page = (await get(
      `/register?operation=${op}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    )) as { items: unknown[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  out.set('register', JSON.stringify(items));
  return out;
}

interface CrossCheck {
  /** The totals' count of seized assets for the operation. */
  assetsSeized: number;
  registerCount: number;
  registerMatches: boolean;
  identical: boolean;
  differing: string[];
  rebuilt: string[];
  grandTotal: string;
}

async function crossCheck(base: string, auditor: User, supervisor: User): Promise<CrossCheck> {
  // Everything acknowledged is projected first (read-your-writes as the auditor).
  const waited = await call(
    base,
    auditor,
    'GET',
    `/register?limit=1&minPosition=${maxAcked}`,
    'GET (cross-check)',
    undefined,
    'other',
  );
  if (waited.status !== 200) throw new Error(`minPosition ${maxAcked}: ${waited.status}`);
  const before = await snapshot(base, auditor);
  const statuses = (
    await call(
      base,
      supervisor,
      'GET',
      '/admin/projections',
      'GET (cross-check)',
      undefined,
      'other',
    )
  ).body as { name: string }[];
  const rebuilt: string[] = [];
  for (const { name } of statuses) {
    const r = await call(
      base,
      supervisor,
      'POST',
      `/admin/projections/${name}/rebuild`,
      'POST /admin/projections/{name}/rebuild',
      undefined,
      'other',
    );
    if (r.status !== 201 && r.status !== 200) throw new Error(`rebuild ${name}: ${r.status}`);
    rebuilt.push(name);
  }
  const after = await snapshot(base, auditor);
  const differing = [...before.keys()].filter((k) => before.get(k) !== after.get(k));
  for (const key of differing) {
    const [a, b] = [before.get(key) ?? '', after.get(key) ?? ''];
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    console.log(
      `${key} differs at ${i}:\n  before …${a.slice(Math.max(0, i - 150), i + 150)}\n  after  …${b.slice(Math.max(0, i - 150), i + 150)}`,
    );
  }
  const register = JSON.parse(after.get('register') ?? '[]') as { assetId: string }[];
  const ids = new Set(register.map((r) => r.assetId));
  const registerMatches =
    ids.size === acknowledgedSeizures.size && [...acknowledgedSeizures].every((id) => ids.has(id));
  const totals = JSON.parse(after.get('/totals?operation') ?? '{}') as {
    total?: { measures?: Record<string, unknown> };
  };
  return {
    assetsSeized: Number(totals.total?.measures?.assetsSeized ?? -1),
    registerCount: register.length,
    registerMatches,
    identical: differing.length === 0,
    differing,
    rebuilt,
    grandTotal: JSON.stringify(totals.total?.measures ?? {}).slice(0, 400),
  };
}

// ---------------------------------------------------------------------------------------------
// Reporting.

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
const fmt = (ms: number) => (Number.isNaN(ms) ? '–' : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

function routeTable(): string[] {
  const rows = [
    '| route | requests | p50 ms | p95 ms | p99 ms | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  const order = [...timings.keys()].sort((a, b) => {
    const rank = (r: string) =>
      r.startsWith('POST /admin') || r.includes('cross-check') ? 2 : r.startsWith('POST') ? 0 : 1;
    return rank(a) - rank(b) || a.localeCompare(b);
  });
  for (const route of order) {
    const t = timings.get(route)!;
    const sorted = [...t.ms].sort((a, b) => a - b);
    rows.push(
      `| ${route} | ${sorted.length} | ${fmt(percentile(sorted, 0.5))} | ${fmt(percentile(sorted, 0.95))} | ${fmt(percentile(sorted, 0.99))} | ${t.errors} |`,
    );
  }
  return rows;
}

const PERFORMANCE_DOC = join(ROOT, 'docs', 'performance.md');
const SECTION = '## Big Wing day';

/** Replaces (or appends) the "Big Wing day" section of docs/performance.md. */
function recordSection(lines: string[]): void {
  const doc = readFileSync(PERFORMANCE_DOC, 'utf8');
  const text = `${SECTION}\n\n${lines.join('\n')}\n`;
  const at = doc.indexOf(`${SECTION}\n`);
  if (at < 0) {
    writeFileSync(PERFORMANCE_DOC, `${doc.trimEnd()}\n\n${text}`);
    return;
  }
  const next = doc.indexOf('\n## ', at + SECTION.length);
  const rest = next < 0 ? '' : `\n${doc.slice(next + 1)}`;
  writeFileSync(PERFORMANCE_DOC, `${doc.slice(0, at)}${text}${rest}`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (OFFICERS < AGENCIES.length) throw new Error(`--officers: at least ${AGENCIES.length}`);
  const loadAtStart = loadavg()[0];
  const server: RunningServer = await startLedgerServer({
    env: { LOG_LEVEL: 'warn' },
    ...(KEEP ? { dataDir: join(ROOT, 'bench', '.data', `bigwing-${Date.now()}`) } : {}),
  });
  const base = server.url;
  console.log(
    `Big Wing day ${OPERATION}: ${OFFICERS} officers, ${SEIZURES} seizures, ${CASES} cases, ${READERS} readers, ~${MINUTES} min; server pid ${server.pid}, data ${server.dataDir}`,
  );
  try {
    // Officers of each agency, each with their own token.
    const officers: User[] = [];
    const perAgency = split(OFFICERS);
    for (const [i, a] of AGENCIES.entries()) {
      for (let k = 1; k <= perAgency[i]; k++) {
        const sub = `${a.agency}-${a.rank}-${String(k).padStart(4, '0')}`;
        officers.push({
          sub,
          agency: a.agency,
          roles: ['investigator'],
          token: await benchToken(sub, a.agency, ['investigator'], '12h'),
        });
      }
    }
    // Court liaison and finance staff, spread over the agencies.
    const readers: User[] = [];
    for (let k = 0; k < READERS; k++) {
      const a = AGENCIES[k % AGENCIES.length];
      const role: Role = k % 5 < 3 ? 'court_liaison' : 'finance';
      const sub = `${a.agency}-${role === 'finance' ? 'FIN' : 'CL'}-${String(k + 1).padStart(4, '0')}`;
      readers.push({
        sub,
        agency: a.agency,
        roles: [role],
        token: await benchToken(sub, a.agency, [role], '12h'),
      });
    }
    const supervisor: User = {
      sub: 'MPS-SGT-0001',
      agency: 'MPS',
      roles: ['supervisor'],
      token: await benchToken('MPS-SGT-0001', 'MPS', ['supervisor'], '12h'),
    };
    const auditor: User = {
      sub: 'AUD-0001',
      agency: 'MPS',
      roles: ['auditor'],
      token: await benchToken('AUD-0001', 'MPS', ['auditor'], '12h'),
    };

    // The cases: split by agency, each led (opened) by one of that agency's officers.
    const slots: CaseSlot[] = [];
    const casesPerAgency = split(CASES).map((n) => Math.max(1, n));
    for (const [i, a] of AGENCIES.entries()) {
      const mine = officers.filter((o) => o.agency === a.agency);
      for (let c = 0; c < casesPerAgency[i]; c++) {
        const slot: CaseSlot = {
          index: c,
          agency: a.agency,
          reference: `${a.agency}/${a.unit}/BW-${TODAY.replaceAll('-', '')}/${String(c + 1).padStart(4, '0')}`,
          lead: mine.length > 0 ? c % mine.length : -1,
        };
        slot.id = new Promise((resolve) => (slot.resolve = resolve));
        slots.push(slot);
      }
    }
    const seizuresOf = (k: number) =>
      Math.floor(SEIZURES / OFFICERS) + (k < SEIZURES % OFFICERS ? 1 : 0);

    const started = performance.now();
    const deadline = started + MINUTES * 60_000;
    let loadDone = false;
    const lagSeen: Lag = { events: 0n, ms: 0 };
    const poller = (async () => {
      while (!loadDone) {
        const lag = await lagNow(base, supervisor);
        if (lag) {
          if (lag.events > lagSeen.events) lagSeen.events = lag.events;
          if (lag.ms > lagSeen.ms) lagSeen.ms = lag.ms;
        }
        await sleep(LAG_POLL_MS);
      }
    })();
    const progress = setInterval(() => {
      const s = (performance.now() - started) / 1000;
      console.log(
        `  ${s.toFixed(0)} s: ${commands} commands (${(commands / s).toFixed(1)}/s), ${queries} queries (${(queries / s).toFixed(1)}/s), ${counts.seizures} seizures, ${failures.length} errors, max lag ${lagSeen.events} events / ${lagSeen.ms.toFixed(0)} ms`,
      );
    }, 15_000);

    const statementsByCase = new Map<string, number>();
    const officersDone = Promise.all(
      officers.map((officer, k) => {
        const agencySlots = slots.filter((s) => s.agency === officer.agency);
        const sameAgency = officers.filter((o) => o.agency === officer.agency);
        const index = sameAgency.indexOf(officer);
        const leads = agencySlots.filter((s) => s.lead === index);
        const myCases = leads.length > 0 ? leads : [agencySlots[index % agencySlots.length]];
        return officerDay(base, officer, myCases, leads, seizuresOf(k), deadline);
      }),
    );
    let officersFinished = false;
    void officersDone.finally(() => (officersFinished = true));
    const readersDone = Promise.all(
      readers.map((r) => readerDay(base, r, () => officersFinished, statementsByCase)),
    );
    await officersDone;
    const loadSeconds = (performance.now() - started) / 1000;
    const commandsDuringLoad = commands;
    const queriesBeforeStop = queries;
    await readersDone;
    const queriesDuringLoad = queriesBeforeStop;
    clearInterval(progress);
    loadDone = true;
    await poller;

    // Lag at the end of the load, and how long the projections took to catch up.
    const endedAt = performance.now();
    const endLag = (await lagNow(base, supervisor)) ?? { events: -1n, ms: -1 };
    let caughtUpMs = 0;
    for (;;) {
      const lag = await lagNow(base, supervisor);
      if (lag && lag.events === 0n) {
        caughtUpMs = performance.now() - endedAt;
        break;
      }
      await sleep(100);
    }
    const loadAtEnd = loadavg()[0];

    console.log('Cross-checking the read models against a rebuild from the log...');
    const check = await crossCheck(base, auditor, supervisor);
    const errors = [...timings.entries()]
      .filter(([route]) => !route.includes('cross-check') && !route.startsWith('POST /admin'))
      .reduce((sum, [, t]) => sum + t.errors, 0);
    const pass =
      errors === 0 &&
      check.identical &&
      check.registerMatches &&
      check.registerCount === counts.seizures &&
      check.assetsSeized === counts.seizures;

    const table = routeTable();
    const cmdRate = commandsDuringLoad / loadSeconds;
    const queryRate = queriesDuringLoad / loadSeconds;
    const categories = [...byCategory]
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    const lines = [
      '`npm run load:bigwing [-- --officers 200 --seizures 5000 --minutes 3 --cases 120 --readers 10]`',
      '(`bench/bigwing.ts`; not part of `npm test` or `npm run bench`) rewrites this section.',
      '',
      `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine()}; load average ${loadAtStart.toFixed(1)} at the start and ${loadAtEnd.toFixed(1)} at the end${Math.max(loadAtStart, loadAtEnd) > 2.5 ? " (the 2 cores were shared with other engineers' jobs, so absolute latencies are noisy)" : ''}. \`npm run load:bigwing -- --officers ${OFFICERS} --seizures ${SEIZURES} --minutes ${MINUTES}\`: \`node dist/cli.js serve\` on a fresh temporary data directory, NODE_ENV=production, LOG_LEVEL=warn, the default rate limit (600 requests a minute per subject; every simulated user stays under it).`,
      '',
      `${OFFICERS} officers (MPS ${perAgency[0]}, CoLP ${perAgency[1]}, NCA ${perAgency[2]}; each its own investigator token, subjects such as \`MPS-PC-0001\`) opened ${counts.cases} cases of operation \`${OPERATION}\` and recorded ${counts.seizures} seizures (${categories}), ${counts.valuations} valuations, ${counts.custody} custody moves and ${counts.detentions} initial detentions, paced with think times over ${loadSeconds.toFixed(0)} s; meanwhile ${READERS} court-liaison and finance users (each its own token, agency scope) read the register, the totals by agency, the deadlines and valuation statements (JSON and PDF), and a supervisor polled \`GET /admin/projections\` every ${LAG_POLL_MS} ms.`,
      '',
      `| measure | value |`,
      `| --- | --- |`,
      `| commands | ${commandsDuringLoad} in ${loadSeconds.toFixed(0)} s: ${cmdRate.toFixed(1)} commands/s |`,
      `| queries | ${queriesDuringLoad}: ${queryRate.toFixed(1)} queries/s |`,
      `| errors (non-2xx or no response) | ${errors} |`,
      `| projection lag during the load (max) | ${lagSeen.events} events, ${lagSeen.ms.toFixed(0)} ms (oldest acknowledged command not yet applied by every projection) |`,
      `| projection lag at the end | ${endLag.events} events, ${endLag.ms.toFixed(0)} ms; caught up ${caughtUpMs.toFixed(0)} ms after the last command |`,
      `| staleness seen by readers (max) | ${maxQueryStaleness} events behind the last acknowledged command (\`X-Ledger-Position\`) |`,
      `| register and totals vs acknowledged seizures | ${check.registerCount} register rows and ${check.assetsSeized} assets seized in the operation's totals for ${counts.seizures} acknowledged seizures, ${check.registerMatches ? 'the same assets' : 'DIFFERENT assets'} |`,
      `| rebuild cross-check (auditor) | ${check.rebuilt.join(', ')} rebuilt from the log: totals (5 groupings, with and without the operation filter; the grand total; the operation's total), deadlines and the whole register ${check.identical ? 'identical before and after, to the penny' : `DIFFER: ${check.differing.join(', ')}`} |`,
      '',
      ...table,
      '',
      'Latencies are measured by the client (request sent to body read), per route over the whole load. The cases are all opened in the first seconds of the day, by a server that has only just started, together with the first seizures: the `POST /cases` figures are that burst.',
    ];
    for (const line of table) console.log(line);
    console.log(
      `operation totals (auditor): ${check.grandTotal}\nfailures: ${failures.length}${failures.length ? `\n${failures.slice(0, 20).join('\n')}` : ''}`,
    );
    if (!check.identical) console.log(`differing after the rebuild: ${check.differing.join(', ')}`);
    if (RECORD) recordSection(lines);
    console.log(
      `BIGWING officers=${OFFICERS} seizures=${counts.seizures} commands=${commandsDuringLoad} commands_per_s=${cmdRate.toFixed(1)} queries_per_s=${queryRate.toFixed(1)} errors=${errors} max_lag_ms=${lagSeen.ms.toFixed(0)} end_lag_events=${endLag.events} register=${check.registerCount} totals_seized=${check.assetsSeized} rebuild_identical=${check.identical ? 'yes' : 'no'} pass=${pass ? 'yes' : 'no'}`,
    );
    if (!pass) process.exitCode = 1;
  } finally {
    await server.stop();
    if (KEEP) console.log(`data kept in ${server.dataDir}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
