/**
 * Where a V8 CPU profile (`node --cpu-prof`, e.g. `npm run bench:http -- --cpu-prof`) spent its
 * time: self time by function and by module (a package in node_modules, a file of the ledger, or
 * Node's own), and total (inclusive) time of the ledger's own functions.
 * Usage: node -r @swc-node/register bench/cpu-profile-summary.ts FILE.cpuprofile [--top 30]
 *   [--requests N] (the requests served while profiled: adds the time per request of each area)
 */
import { readFileSync } from 'node:fs';
import { option } from './support';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file || file.startsWith('--')) {
  console.error('usage: cpu-profile-summary.ts FILE.cpuprofile [--top 30]');
  process.exit(2);
}
const TOP = option('top', 30);
/** Requests served while profiled: adds ms per request to the areas. */
const REQUESTS = option('requests', 0);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) =>
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
const idle = profile.nodes
  .filter((n) => ['(idle)', '(program)'].includes(n.callFrame.functionName))
  .reduce((sum, n) => sum + (selfUs.get(n.id) ?? 0), 0);

function moduleOf(url: string): string {
  if (!url) return '(native / V8)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return url;
  const own = /\/(dist|src|bench)\/(.*)$/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}
const label = (f: CallFrame) =>
  `${f.functionName || '(anonymous)'} ${moduleOf(f.url)}:${f.lineNumber + 1}`;

function top(map: Map<string, number>, title: string) {
  console.log(`\n${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${((100 * us) / totalUs).toFixed(1).padStart(6)} %  ${key}`);
  }
}

/**
 * The ledger's areas. A sample belongs to the first tier-0 area matching any frame of its stack
 * (work done on behalf of a subscriber or at start-up); else to the area of the frame nearest the
 * leaf that matches one (so a middleware that calls `next()` is not charged for what follows).
 */
const AREAS: { area: string; pattern: RegExp; tier: 0 | 1 | 2 }[] = [
  { area: 'start-up (module loading)', pattern: /Module\._compile|evalScript/, tier: 0 },
  {
    area: 'projections (subscriptions, apply, read-model writes)',
    pattern: /\/projections\/|sqlite-subscription|resuming-subscription/,
    tier: 0,
  },
  { area: 'reactors (workflows)', pattern: /\/workflows\//, tier: 0 },
  {
    area: 'event store: appends (group commit, hash chain)',
    pattern: /group-committer|hash-chain|append/,
    tier: 1,
  },
  { area: 'event store: stream reads', pattern: /sqlite-reader/, tier: 1 },
  {
    area: 'validation (class-transformer, class-validator)',
    pattern: /class-validator|class-transformer|validation\.pipe|\/validator\//,
    tier: 1,
  },
  { area: 'auth (jose, guard)', pattern: /jose|auth\.guard|token-verifier/, tier: 1 },
  { area: 'rate limit (throttler)', pattern: /@nestjs\/throttler|subject-throttler/, tier: 1 },
  {
    area: 'request logging (pino, pino-http, nestjs-pino)',
    pattern: /pino|@pinojs|\/logging\//,
    tier: 1,
  },
  { area: 'security headers (helmet)', pattern: /helmet/, tier: 1 },
  { area: 'metrics middleware', pattern: /\/metrics\//, tier: 1 },
  { area: 'JSON body parsing', pattern: /body-parser|raw-body|json-body|json-only/, tier: 1 },
  {
    area: 'commands: decide, fold, envelope, handler',
    pattern: /\/dist\/ledger\/|\/dist\/common\//,
    tier: 2,
  },
  {
    area: 'HTTP, Express and Nest routing',
    pattern: /node:_http|router|express|@nestjs|node:net|node:stream|streams/,
    tier: 2,
  },
  { area: 'garbage collection', pattern: /\(garbage collector\)/, tier: 2 },
];

const frameText = (f: CallFrame) => `${f.functionName} ${f.url}`;
function areaOf(id: number): string {
  const stack: CallFrame[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (frame) stack.push(frame);
  }
  for (const a of AREAS) {
    if (a.tier === 0 && stack.some((f) => a.pattern.test(frameText(f)))) return a.area;
  }
  for (const f of stack) {
    const a = AREAS.find((x) => x.tier > 0 && x.pattern.test(frameText(f)));
    if (a) return a.area;
  }
  return 'other (Node internals, microtasks)';
}

const selfByFunction = new Map<string, number>();
const byArea = new Map<string, number>();
const selfByModule = new Map<string, number>();
const inclusiveOwn = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  if (!node) continue;
  const key = label(node.callFrame);
  if (!['(idle)', '(program)'].includes(node.callFrame.functionName)) {
    const area = areaOf(id);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + us);
  const mod = moduleOf(node.callFrame.url);
  selfByModule.set(mod, (selfByModule.get(mod) ?? 0) + us);
  // Inclusive time of the ledger's own functions (each counted once per sample's stack).
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (!frame || !/\/(dist|src)\//.test(frame.url) || /node_modules/.test(frame.url)) continue;
    const k = label(frame);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusiveOwn.set(k, (inclusiveOwn.get(k) ?? 0) + us);
  }
}

console.log(
  `${file}: ${(totalUs / 1e6).toFixed(1)} s sampled, ${((100 * idle) / totalUs).toFixed(1)} % idle or (program)`,
);
const busyUs = totalUs - idle;
console.log('\nbusy time by area of the ledger (% of busy time)');
for (const [area, us] of [...byArea].sort((a, b) => b[1] - a[1])) {
  const perRequest = REQUESTS ? `${(us / 1000 / REQUESTS).toFixed(3).padStart(8)} ms/request` : '';
  console.log(`${((100 * us) / busyUs).toFixed(1).padStart(6)} %  ${perRequest}  ${area}`);
}
top(selfByModule, 'self time by module');
top(selfByFunction, 'self time by function');
top(inclusiveOwn, "inclusive time of the ledger's own functions");
