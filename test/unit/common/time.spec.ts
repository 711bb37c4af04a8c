import fc from 'fast-check';
import {
  addDays,
  addMonths,
  assertNotFuture,
  compareInstants,
  daysBetween,
  financialYearBounds,
  financialYearOf,
  isIsoDate,
  isIsoInstant,
  isoWeekday,
  londonDateOf,
  londonMidnight,
  parseIsoDate,
  parseIsoInstant,
} from '@src/common/time';
import { refusal } from './refusal';

describe('isIsoDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (s) => expect(isIsoDate(s)).toBe(true),
  );

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '0000-01-01',
    '2026-1-01',
    '26-01-01',
    ' 2026-01-01',
    '2026-01-01 ',
    '2026/01/01',
    '20260101',
    '2026-01-01T00:00:00Z',
    '+02026-01-01',
    '２０２６-01-01',
    '',
  ])('rejects %j', (s) => expect(isIsoDate(s)).toBe(false));

  it('rejects non-strings', () => {
    for (const v of [undefined, null, 20260101, new Date(0), ['2026-01-01'], {}]) {
      expect(isIsoDate(v)).toBe(false);
    }
  });
});

describe('isIsoInstant', () => {
  it.each([
    '2026-11-29T10:15:00Z',
    '2026-11-29T10:15Z',
    '2026-11-29T10:15:00.1Z',
    '2026-11-29T10:15:00.123Z',
    '2026-11-29T10:15:00.123456789Z',
    '2026-11-29T10:15:00+01:00',
    '2026-11-29T10:15:00-05:30',
    '2026-11-29T23:59:59+14:00',
    '2024-02-29T00:00:00Z',
    '2026-11-29T10:15:00-00:00',
  ])('accepts %s', (s) => expect(isIsoInstant(s)).toBe(true));

  it.each([
    '2026-11-29T10:15:00', // no offset: ambiguous
    '2026-11-29',
    '2026-11-29 10:15:00Z',
    '2026-11-29t10:15:00Z',
    '2026-11-29T10:15:00z',
    '2026-11-29T10:15:00+0100',
    '2026-11-29T10:15:00+01',
    '2026-11-29T24:00:00Z',
    '2026-11-29T23:60:00Z',
    '2026-11-29T23:59:60Z',
    '2026-11-29T10:15:00.Z',
    '2026-11-29T10:15:00.1234567891Z',
    '2026-11-29T10Z',
    '2026-02-30T10:15:00Z',
    '2026-11-29T10:15:00+24:00',
    '2026-11-29T10:15:00+01:60',
    '2026-11-29T10:15:00 Z',
    '0001-01-01T00:00:00+01:00', // before year 1 in UTC
    'Sun Nov 29 2026 10:15:00 GMT+0000',
    '',
  ])('rejects %j', (s) => expect(isIsoInstant(s)).toBe(false));

  it('rejects non-strings', () => {
    expect(isIsoInstant(1764411300000)).toBe(false);
    expect(isIsoInstant(new Date(0))).toBe(false);
    expect(isIsoInstant(null)).toBe(false);
  });
});

describe('parseIsoDate / parseIsoInstant', () => {
  it('returns a valid date unchanged', () => {
    expect(parseIsoDate('2026-03-31', 'dueDate')).toBe('2026-03-31');
  });

  it('normalises instants to UTC with milliseconds', () => {
    expect(parseIsoInstant('2026-11-29T10:15:00Z', 'at')).toBe('2026-11-29T10:15:00.000Z');
    expect(parseIsoInstant('2026-11-29T10:15Z', 'at')).toBe('2026-11-29T10:15:00.000Z');
    expect(parseIsoInstant('2026-07-01T00:30:00+01:00', 'at')).toBe('2026-06-30T23:30:00.000Z');
    expect(parseIsoInstant('2026-12-31T22:00:00-05:30', 'at')).toBe('2027-01-01T03:30:00.000Z');
    expect(parseIsoInstant('2026-11-29T10:15:00.5Z', 'at')).toBe('2026-11-29T10:15:00.500Z');
    expect(parseIsoInstant('2026-11-29T10:15:00.123999Z', 'at')).toBe('2026-11-29T10:15:00.123Z');
    expect(parseIsoInstant('2024-02-29T23:59:59.999-00:00', 'at')).toBe('2024-02-29T23:59:59.999Z');
  });

  it('refuses invalid_date naming the field', () => {
    expect(refusal(() => parseIsoDate('2026-02-30', 'order.dueDate'))).toEqual({
      code: 'invalid_date',
      field: 'order.dueDate',
    });
    expect(refusal(() => parseIsoDate(20260101, 'd'))).toEqual({
      code: 'invalid_date',
      field: 'd',
    });
    expect(refusal(() => parseIsoInstant('2026-11-29T10:15:00', 'occurredAt'))).toEqual({
      code: 'invalid_date',
      field: 'occurredAt',
    });
    expect(refusal(() => parseIsoInstant(undefined, 'occurredAt'))).toEqual({
      code: 'invalid_date',
      field: 'occurredAt',
    });
  });

  it('agrees with Date for any instant and offset (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offsetMin) => {
          // Write the instant in local time at `offsetMin` with an explicit offset.
          const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23);
          const sign = offsetMin < 0 ? '-' : '+';
          const abs = Math.abs(offsetMin);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseIsoInstant(`${local}${offset}`, 'at')).toBe(new Date(ms).toISOString());
        },
      ),
    );
  });
});

describe('assertNotFuture', () => {
  const now = '2026-11-29T10:00:00.000Z';

  it('allows the past, now and a few minutes of clock skew', () => {
    expect(() => assertNotFuture('2026-11-29T09:00:00Z', now, 'at')).not.toThrow();
    expect(() => assertNotFuture(now, now, 'at')).not.toThrow();
    expect(() => assertNotFuture('2026-11-29T10:05:00Z', now, 'at')).not.toThrow();
    expect(() => assertNotFuture('2026-11-29T11:05:00+01:00', now, 'at')).not.toThrow();
  });

  it('refuses future_date beyond the skew', () => {
    expect(refusal(() => assertNotFuture('2026-11-29T10:05:00.001Z', now, 'occurredAt'))).toEqual({
      code: 'future_date',
      field: 'occurredAt',
    });
    expect(refusal(() => assertNotFuture('2026-11-29T10:00:01Z', now, 'at', 0))).toEqual({
      code: 'future_date',
      field: 'at',
    });
    expect(() => assertNotFuture('2026-11-29T10:30:00Z', now, 'at', 60 * 60_000)).not.toThrow();
  });

  it('compares dates with the London calendar date of now', () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July in London.
    const lateJune = '2026-06-30T23:30:00Z';
    expect(() => assertNotFuture('2026-07-01', lateJune, 'd')).not.toThrow();
    expect(refusal(() => assertNotFuture('2026-07-02', lateJune, 'd'))).toEqual({
      code: 'future_date',
      field: 'd',
    });
    // In winter London is on UTC: 23:30 UTC on 30 November is still 30 November.
    expect(refusal(() => assertNotFuture('2026-12-01', '2026-11-30T23:30:00Z', 'd'))).toEqual({
      code: 'future_date',
      field: 'd',
    });
    // Three minutes to midnight in London: tomorrow's date is allowed within the skew only.
    const nearMidnight = '2026-11-30T23:57:00Z';
    expect(() => assertNotFuture('2026-12-01', nearMidnight, 'd')).not.toThrow();
    expect(refusal(() => assertNotFuture('2026-12-01', nearMidnight, 'd', 0))).toEqual({
      code: 'future_date',
      field: 'd',
    });
  });

  it('refuses invalid_date for something that is neither a date nor an instant', () => {
    expect(refusal(() => assertNotFuture('tomorrow', now, 'd'))).toEqual({
      code: 'invalid_date',
      field: 'd',
    });
  });
});

describe('compareInstants', () => {
  it('orders instants, whatever their offsets', () => {
    expect(compareInstants('2026-11-29T10:00:00Z', '2026-11-29T11:00:00+01:00')).toBe(0);
    expect(compareInstants('2026-11-29T10:00:00Z', '2026-11-29T10:00:00.001Z')).toBeLessThan(0);
    expect(compareInstants('2026-11-29T10:00:00-01:00', '2026-11-29T10:30:00Z')).toBeGreaterThan(0);
    const sorted = ['2026-01-02T00:00Z', '2026-01-01T23:00-02:00', '2026-01-01T12:00Z'].sort(
      compareInstants,
    );
    expect(sorted).toEqual(['2026-01-01T12:00Z', '2026-01-02T00:00Z', '2026-01-01T23:00-02:00']);
  });

  it('throws on a non-instant (a programming error)', () => {
    expect(() => compareInstants('2026-11-29', '2026-11-29T10:00:00Z')).toThrow(TypeError);
  });
});

describe('date arithmetic', () => {
  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-08-31', 30)).toBe('2026-09-30');
    expect(addDays('2026-01-01', 0)).toBe('2026-01-01');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('addMonths clamps to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-01-20', 3)).toBe('2026-04-20');
    expect(addMonths('2020-01-20', 6)).toBe('2020-07-20');
    expect(addMonths('2026-05-15', 24)).toBe('2028-05-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('daysBetween counts whole days', () => {
    expect(daysBetween('2026-08-31', '2026-10-01')).toBe(31);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(0);
    expect(daysBetween('2026-01-02', '2026-01-01')).toBe(-1);
    // Across the BST change: still whole calendar days.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('isoWeekday', () => {
    expect(isoWeekday('2026-11-27')).toBe(5); // Friday
    expect(isoWeekday('2026-11-28')).toBe(6);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('2026-11-30')).toBe(1);
  });

  it('throws on bad input (programming errors)', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(TypeError);
    expect(() => addDays('2026-01-01', 1.5)).toThrow(TypeError);
    expect(() => addMonths('2026-01-01', NaN)).toThrow(TypeError);
    expect(() => daysBetween('2026-01-01', 'x')).toThrow(TypeError);
  });

  it('agrees with Date for any date and offset (property)', () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: -200_000, max: 2_500_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        (epochDay, n) => {
          const date = new Date(epochDay * day).toISOString().slice(0, 10);
          const later = new Date((epochDay + n) * day).toISOString().slice(0, 10);
          if (!isIsoDate(date) || !isIsoDate(later)) return; // outside years 1-9999
          expect(addDays(date, n)).toBe(later);
          expect(daysBetween(date, later)).toBe(n);
          expect(isoWeekday(date) % 7).toBe(new Date(epochDay * day).getUTCDay());
        },
      ),
    );
  });
});

describe('financialYearOf', () => {
  it.each([
    ['2026-03-31', '2025-26'],
    ['2026-04-01', '2026-27'],
    ['2025-04-01', '2025-26'],
    ['2026-01-01', '2025-26'],
    ['2026-12-31', '2026-27'],
    ['1999-04-01', '1999-00'],
    ['2000-03-31', '1999-00'],
    ['2009-04-01', '2009-10'],
    ['2099-12-31', '2099-00'],
  ])('%s is in %s', (date, fy) => {
    expect(financialYearOf(date)).toBe(fy);
  });

  it('gives the bounds of a label', () => {
    expect(financialYearBounds('2025-26')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(financialYearBounds('1999-00')).toEqual({ from: '1999-04-01', to: '2000-03-31' });
    expect(() => financialYearBounds('2025-27')).toThrow();
  });

  it('throws on a non-date', () => {
    expect(() => financialYearOf('2026-02-30')).toThrow(TypeError);
  });
});

describe('London', () => {
  it('londonDateOf is BST aware (clocks forward 29 March 2026, back 25 October 2026)', () => {
    expect(londonDateOf('2026-03-28T23:30:00Z')).toBe('2026-03-28'); // GMT
    expect(londonDateOf('2026-03-29T00:30:00Z')).toBe('2026-03-29'); // 00:30 GMT
    expect(londonDateOf('2026-03-29T01:30:00Z')).toBe('2026-03-29'); // 02:30 BST
    expect(londonDateOf('2026-03-29T22:59:59Z')).toBe('2026-03-29'); // 23:59:59 BST
    expect(londonDateOf('2026-03-29T23:00:00Z')).toBe('2026-03-30'); // 00:00 BST
    expect(londonDateOf('2026-10-24T23:30:00Z')).toBe('2026-10-25'); // 00:30 BST
    expect(londonDateOf('2026-10-25T00:59:59Z')).toBe('2026-10-25'); // 01:59:59 BST
    expect(londonDateOf('2026-10-25T01:00:00Z')).toBe('2026-10-25'); // 01:00 GMT (again)
    expect(londonDateOf('2026-10-25T23:30:00Z')).toBe('2026-10-25'); // 23:30 GMT
    expect(londonDateOf('2026-10-26T00:00:00Z')).toBe('2026-10-26');
    expect(londonDateOf('2026-07-01T00:30:00+01:00')).toBe('2026-07-01');
    expect(londonDateOf('2026-07-01T05:00:00+09:00')).toBe('2026-06-30');
  });

  it('londonMidnight is the UTC instant a London date starts', () => {
    expect(londonMidnight('2026-01-15')).toBe('2026-01-15T00:00:00.000Z');
    expect(londonMidnight('2026-03-29')).toBe('2026-03-29T00:00:00.000Z'); // the change is at 01:00
    expect(londonMidnight('2026-03-30')).toBe('2026-03-29T23:00:00.000Z');
    expect(londonMidnight('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
    expect(londonMidnight('2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
    expect(londonMidnight('2026-10-26')).toBe('2026-10-26T00:00:00.000Z');
  });

  it('londonMidnight and londonDateOf agree (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16_000, max: 22_000 }), (epochDay) => {
        const date = new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
        const start = londonMidnight(date);
        expect(londonDateOf(start)).toBe(date);
        const justBefore = new Date(Date.parse(start) - 1).toISOString();
        expect(londonDateOf(justBefore)).toBe(addDays(date, -1));
      }),
    );
  });

  it('throws on bad input', () => {
    expect(() => londonDateOf('2026-03-29')).toThrow(TypeError);
    expect(() => londonMidnight('2026-03-29T00:00:00Z')).toThrow(TypeError);
  });
});
