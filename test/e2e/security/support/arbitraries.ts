import fc from 'fast-check';
import { kindOf, OpenApiDocument, resolve, Schema } from './openapi';

/** Strings that have broken parsers, databases, logs and PDFs before. */
const HOSTILE_TEXT = [
  '👮‍♀️💷🚓🏴󠁧󠁢󠁥󠁮󠁧󠁿',
  'مرحبا بالعالم שלום',
  '\u202Eevil\u202C.exe',
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFFy\uD83D',
  '\uFEFFBOM',
  'Z̴̡̛͎̩a̸̧l̶g̵o̷',
  '𝕿𝖊𝖘𝖙',
  '\u200B\u200C\u200D',
  '\r\n\t\u0007\u001b[31m',
  "'; DROP TABLE events; --",
  '<script>alert(1)</script>',
  '${jndi:ldap://example/a}',
  '../../../../etc/passwd',
  '%s%n%x',
  ' ',
  '',
  'null',
  'undefined',
  '[object Object]',
];

/** Decimal strings a money or rate field must refuse or handle exactly. */
const HOSTILE_AMOUNTS = [
  '-1.00',
  '-0.01',
  '-0',
  '0',
  '0.00',
  '1e5',
  '1E+400',
  '999999999999999999.999999999999999999',
  '-999999999999999999.999999999999999999',
  '9999999999999999999',
  '0.0000000000000000001',
  '12,500.00',
  ' 1.00',
  '1.00 ',
  '+1.00',
  '0x10',
  'NaN',
  'Infinity',
  '١٢٣',
  '１２３',
  '1_000',
  '.5',
  '5.',
  '',
];

const HOSTILE_CURRENCIES = [
  'USD',
  'JPY',
  'gbp',
  'XXX',
  'XAU',
  'GBp',
  'GB',
  'GBPP',
  '€',
  '£',
  'BTC',
  '   ',
  'G\u0000P',
  'ＧＢＰ',
];

const HOSTILE_DATES = [
  '2026-02-30',
  '2026-02-29',
  '2024-02-29',
  '2026-13-01',
  '0000-00-00',
  '2026-1-1',
  '27/11/2026',
  '+275760-09-13',
  '-000001-01-01',
  '9999-12-31',
  '1900-01-01',
  '1970-01-01',
  '2026-11-27T25:00:00Z',
  '2026-11-27T10:00:00',
  '2026-11-27T10:00:00+25:00',
  '2026-11-27T10:00:00.123456789Z',
  '9999-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  '2099-01-01T00:00:00Z',
  '2026-03-29T01:30:00+00:00',
  '2026-10-25T01:30:00+01:00',
  'yesterday',
];

/** A JSON value nested `depth` levels deep, alternating objects and arrays. */
export function nested(depth: number, leaf: unknown = 'x'): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/**
 * The JSON text of `nested(depth)`, built without recursion: JSON.stringify itself overflows the
 * stack a few thousand levels down.
 */
export function nestedJson(depth: number, leaf = '"x"'): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = depth - 1; i >= 0; i--) {
    open.push(i % 2 ? '[' : '{"a":');
    close.push(i % 2 ? ']' : '}');
  }
  return open.join('') + leaf + close.reverse().join('');
}

const text = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const oversized = fc
  .tuple(
    fc.constantFrom(101, 201, 301, 501, 1001, 2001, 10_000, 200_000),
    fc.constantFrom('x', '💷', '\u0000', 'é'),
  )
  .map(([length, unit]) => unit.repeat(length));

const numbers = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, -0, 0.1, 1.5, 2 ** 31, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MIN_VALUE),
);

/** A value of any of the hostile kinds, for any field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: text, weight: 3 },
  { arbitrary: oversized, weight: 1 },
  { arbitrary: fc.constantFrom(...HOSTILE_AMOUNTS), weight: 2 },
  { arbitrary: fc.constantFrom(...HOSTILE_CURRENCIES), weight: 1 },
  { arbitrary: fc.constantFrom(...HOSTILE_DATES), weight: 2 },
  { arbitrary: numbers, weight: 2 },
  {
    arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [[]], { '': '' }, { amount: 1 }),
    weight: 2,
  },
  { arbitrary: fc.constantFrom(30, 31, 32, 33, 64, 2500).map((d) => nested(d)), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  {
    arbitrary: fc.oneof(
      fc.uuid(),
      fc.constantFrom(
        'not-a-uuid',
        '00000000-0000-0000-0000-000000000000',
        'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
      ),
    ),
    weight: 1,
  },
  {
    arbitrary: fc
      .constantFrom(100, 5000)
      .map((n) => Array.from({ length: n }, () => ({ amount: '1.00', currency: 'GBP' }))),
    weight: 1,
  },
);

/** Names an attacker or a careless client might add to a body. */
const extraKey = fc.oneof(
  fc.constantFrom(
    'extra',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '',
    'a.b',
    '$where',
    'id',
    'actor',
    'agency',
    'revision',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** The example with its digits changed: same format, another value (references must be unique). */
const likeExample = (example: string) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }).map((digits) => {
    let i = 0;
    return example.replace(/\d/g, () => String(digits[i++ % digits.length]));
  });

/** The latest plausible instant: after the fixtures' dates, before the day these tests were written. */
const LATEST = new Date('2026-11-30T23:59:59Z');

/** A plausible string for a field, by its name and schema: mostly valid, sometimes not. */
function stringFor(field: string, s: Schema): fc.Arbitrary<string> {
  const example = typeof s.example === 'string' ? s.example : undefined;
  const examples = example === undefined ? [] : [fc.constant(example)];
  if (/amount|quantity|rateToGbp|Proceeds|costs|balance|figure/i.test(field)) {
    return fc.oneof(
      {
        arbitrary: fc
          .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 99 }))
          .map(([units, pence]) => `${units}.${String(pence).padStart(2, '0')}`),
        weight: 4,
      },
      { arbitrary: fc.constantFrom(...HOSTILE_AMOUNTS), weight: 1 },
      ...examples.map((arbitrary) => ({ arbitrary, weight: 1 })),
    );
  }
  if (/^(currency|symbol)$/.test(field)) {
    return fc.oneof(
      fc.constantFrom('GBP', 'GBP', 'EUR', 'USD', 'BTC'),
      fc.constantFrom(...HOSTILE_CURRENCIES),
    );
  }
  if (/(At|Date|On|Deadline)$|^dateOfBirth$/.test(field)) {
    const isDate = example !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(example);
    // A fixed range (not up to "now"), so that a seed replays the same bodies on another day.
    const when = fc.date({ min: new Date('2015-01-01'), max: LATEST, noInvalidDate: true });
    return fc.oneof(
      {
        arbitrary: when.map((d) => (isDate ? d.toISOString().slice(0, 10) : d.toISOString())),
        weight: 4,
      },
      { arbitrary: fc.constantFrom(...HOSTILE_DATES), weight: 1 },
      ...examples.map((arbitrary) => ({ arbitrary, weight: 1 })),
    );
  }
  const plausible =
    example === undefined
      ? fc.string({ minLength: 1, maxLength: 30 })
      : fc.oneof(fc.constant(example), likeExample(example));
  return fc.oneof(
    { arbitrary: plausible, weight: 6 },
    { arbitrary: fc.string({ minLength: 1, maxLength: 30 }), weight: 1 },
    { arbitrary: text, weight: 1 },
  );
}

/**
 * Bodies shaped by the route's schema: required fields always, optional ones sometimes, values
 * mostly plausible (enums, examples, real ids) so that requests get past validation into the
 * rules, and sometimes hostile.
 */
export function schemaBody(
  document: OpenApiDocument,
  schema: Schema,
  idFor: (field: string) => string,
  field = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(document, schema);
  if (depth > 6) return fc.constant({});
  if (s.oneOf)
    return fc.oneof(...s.oneOf.map((o) => schemaBody(document, o, idFor, field, depth + 1)));
  if (s.format === 'uuid')
    return fc.oneof(fc.constant(idFor(field)), fc.constant(idFor(field)), fc.uuid());
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  switch (kindOf(s)) {
    case 'object': {
      const properties = Object.entries(s.properties ?? {});
      const model = Object.fromEntries(
        properties.map(([name, p]) => [name, schemaBody(document, p, idFor, name, depth + 1)]),
      );
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((r) => r in model) });
    }
    case 'array':
      return s.items
        ? fc.array(schemaBody(document, s.items, idFor, field, depth + 1), {
            minLength: 1,
            maxLength: 3,
          })
        : fc.constant([]);
    case 'integer':
      return fc.integer({ min: s.minimum ?? -5, max: s.maximum ?? 40 });
    case 'number':
      return fc.integer({ min: -1, max: 5 });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringFor(field, s);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

type Mutation =
  | { kind: 'replace' | 'wrap'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('wrap' as const), at: fc.nat(), value: fc.constant(null) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('add' as const),
    at: fc.nat(),
    key: extraKey,
    value: hostileValue,
  }),
);

type Path = (string | number)[];

/** Every place in a JSON value (breadth first, not below depth 6). */
function placesIn(value: unknown): Path[] {
  const out: Path[] = [];
  const queue: [unknown, Path][] = [[value, []]];
  for (let item = queue.shift(); item; item = queue.shift()) {
    const [v, path] = item;
    if (path.length > 6 || typeof v !== 'object' || v === null) continue;
    for (const [key, child] of Object.entries(v)) {
      const at = [...path, Array.isArray(v) ? Number(key) : key];
      out.push(at);
      queue.push([child, at]);
    }
  }
  return out;
}

function containerAt(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let v = root;
  for (const key of path) v = (v as Record<string | number, unknown>)?.[key];
  return typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>) : undefined;
}

/** The body with the mutations applied, in order, each at a place chosen by its `at`. */
export function mutate(body: unknown, mutations: Mutation[]): unknown {
  const root = structuredClone(body);
  for (const m of mutations) {
    const places = placesIn(root);
    if (m.kind === 'add') {
      const objects: Path[] = [[], ...places].filter((p) => {
        const c = containerAt(root, p);
        return c !== undefined && !Array.isArray(c);
      });
      const target = containerAt(root, objects[m.at % objects.length]);
      if (target)
        Object.defineProperty(target, m.key, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      continue;
    }
    if (places.length === 0) continue;
    const place = places[m.at % places.length];
    const parent = containerAt(root, place.slice(0, -1));
    const key = place[place.length - 1];
    if (!parent) continue;
    if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (m.kind === 'wrap') {
      parent[key] = [parent[key]];
    } else {
      parent[key] = m.value;
    }
  }
  return root;
}

/** Every enum value of the document's schemas. */
function enumValues(document: OpenApiDocument): Set<unknown> {
  const out = new Set<unknown>();
  const visit = (schema: Schema | undefined) => {
    if (!schema) return;
    schema.enum?.forEach((v) => out.add(v));
    Object.values(schema.properties ?? {}).forEach(visit);
    visit(schema.items);
  };
  Object.values(document.components?.schemas ?? {}).forEach(visit);
  return out;
}

/**
 * A known-plausible body (from the schema's examples, with real ids) with some of its optional
 * fields left out and the digits of its strings changed: the bodies most likely to be accepted.
 */
function plausibleVariant(
  plausible: Record<string, unknown>,
  required: string[],
  constants: Set<unknown>,
): fc.Arbitrary<unknown> {
  const optional = Object.keys(plausible).filter((key) => !required.includes(key));
  return fc
    .tuple(
      fc.subarray(optional),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }),
    )
    .map(([dropped, digits]) => {
      let i = 0;
      const renumber = (text: string) =>
        // Ids, dates and enum values keep their digits; references and names get new ones.
        constants.has(text) || /^[0-9a-f-]{36}$|^\d{4}-\d{2}-\d{2}/.test(text)
          ? text
          : text.replace(/\d/g, () => String(digits[i++ % 6]));
      const body = Object.fromEntries(
        Object.entries(plausible).filter(([key]) => !dropped.includes(key)),
      );
      return JSON.parse(JSON.stringify(body), (_key, value: unknown) =>
        typeof value === 'string' ? renumber(value) : value,
      ) as unknown;
    });
}

/**
 * Request bodies for a route: plausible ones (its examples, some optional fields left out), ones
 * made from its schema, either with up to four mutations (fields missing, replaced by hostile
 * values, wrapped in arrays, unknown fields added), and sometimes an array of bodies instead of
 * one. Routes without a body schema get random JSON objects.
 */
export function requestBody(
  document: OpenApiDocument,
  schema: Schema | undefined,
  idFor: (field: string) => string,
  plausible?: object,
): fc.Arbitrary<unknown> {
  const required = schema ? (resolve(document, schema).required ?? []) : [];
  const base = schema
    ? fc.oneof(
        schemaBody(document, schema, idFor),
        ...(plausible
          ? [plausibleVariant(plausible as Record<string, unknown>, required, enumValues(document))]
          : []),
      )
    : fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
  return fc.oneof(
    { arbitrary: base, weight: 4 },
    {
      arbitrary: fc
        .tuple(base, fc.array(mutation, { minLength: 1, maxLength: 4 }))
        .map(([body, ms]) => mutate(body, ms)),
      weight: 5,
    },
    { arbitrary: fc.array(base, { maxLength: 2 }), weight: 1 },
  );
}

/** Command headers, sometimes hostile: If-Match, Idempotency-Key, X-Correlation-Id. */
const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      'If-Match': fc.constantFrom(
        '"0"',
        '"1"',
        '"3"',
        'W/"0"',
        '*',
        'garbage',
        '"-1"',
        '"9223372036854775807"',
        '"9999999999999999999"',
        '"99999999999999999999"',
      ),
      'Idempotency-Key': fc.oneof(
        fc.uuid(),
        fc.constantFrom('not-a-uuid', '', '00000000-0000-0000-0000-000000000000'),
      ),
      'X-Correlation-Id': fc.oneof(
        fc.constantFrom('fuzz-1', 'a'.repeat(101), 'bad id', '../x'),
        fc.string({ maxLength: 8 }),
      ),
    },
    { requiredKeys: [] },
  )
  .map((headers) =>
    // Header values must be Latin-1 without control characters to be sent at all.
    Object.fromEntries(Object.entries(headers).filter(([, v]) => /^[\x20-\x7e]*$/.test(v))),
  );

/** Mostly none (so that bodies get to the rules), sometimes hostile ones. */
export const commandHeaders = fc.oneof(
  { arbitrary: fc.constant({}), weight: 3 },
  { arbitrary: hostileHeaders, weight: 1 },
);
