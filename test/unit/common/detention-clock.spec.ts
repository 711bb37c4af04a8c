import fc from 'fast-check';
import {
  calendarFrom,
  cashDetentionExpiry,
  compareInstants,
  isCountedDay,
  londonDateOf,
} from '@src/common/time';

describe('isCountedDay', () => {
  it('excludes weekends, Christmas Day, Good Friday and bank holidays', () => {
    expect(isCountedDay('2026-11-27')).toBe(true); // Friday
    expect(isCountedDay('2026-11-28')).toBe(false); // Saturday
    expect(isCountedDay('2026-11-29')).toBe(false); // Sunday
    expect(isCountedDay('2026-04-03')).toBe(false); // Good Friday
    expect(isCountedDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isCountedDay('2026-12-25')).toBe(false); // Christmas Day
    expect(isCountedDay('2026-12-28')).toBe(false); // Boxing Day (substitute)
    expect(isCountedDay('2026-12-29')).toBe(true);
    expect(isCountedDay('2022-09-19')).toBe(false); // state funeral
  });

  it('excludes Christmas Day and Good Friday even when a calendar omits them', () => {
    const bare = calendarFrom([], 2026, 2026);
    expect(isCountedDay('2026-12-25', bare)).toBe(false);
    expect(isCountedDay('2026-04-03', bare)).toBe(false);
    expect(isCountedDay('2026-04-06', bare)).toBe(true); // Easter Monday is only a bank holiday
  });

  it('throws outside the calendar', () => {
    expect(() => isCountedDay('2031-01-02')).toThrow(RangeError);
    expect(() => isCountedDay('2026-02-30')).toThrow(TypeError);
  });
});

describe('cashDetentionExpiry (s.295: 48 hours of counted days)', () => {
  it('Friday 10:00 -> Tuesday 10:00', () => {
    // Friday 27 November 2026, 10:00 GMT.
    expect(cashDetentionExpiry('2026-11-27T10:00:00Z')).toBe('2026-12-01T10:00:00.000Z');
  });

  it('Wednesday 15:30 -> Friday 15:30', () => {
    expect(cashDetentionExpiry('2026-11-25T15:30:00Z')).toBe('2026-11-27T15:30:00.000Z');
  });

  it('Thursday before Easter 2026 (Good Friday 3 April, Easter Monday 6 April)', () => {
    // Thu 2 April 10:00 BST (09:00Z): 14h on Thursday; Fri, Sat, Sun, Mon excluded;
    // 24h on Tuesday 7 April; the last 10h on Wednesday 8 April -> 10:00 BST = 09:00Z.
    expect(cashDetentionExpiry('2026-04-02T10:00:00+01:00')).toBe('2026-04-08T09:00:00.000Z');
  });

  it('over Christmas 2026 (25 Friday, 28 Monday substitute Boxing Day)', () => {
    // Thu 24 Dec 10:00: 14h on Thursday; 25-28 excluded; 24h Tue 29; 10h Wed 30.
    expect(cashDetentionExpiry('2026-12-24T10:00:00Z')).toBe('2026-12-30T10:00:00.000Z');
    // Wed 23 Dec 10:00: 14h Wed + 24h Thu = 38h; 10h on Tue 29.
    expect(cashDetentionExpiry('2026-12-23T10:00:00Z')).toBe('2026-12-29T10:00:00.000Z');
  });

  it('seized on a Saturday: the clock starts at Monday midnight', () => {
    expect(cashDetentionExpiry('2026-11-28T14:00:00Z')).toBe('2026-12-02T00:00:00.000Z');
  });

  it('seized on Christmas Day 2026: the clock starts on Tuesday 29 December', () => {
    expect(cashDetentionExpiry('2026-12-25T12:00:00Z')).toBe('2026-12-31T00:00:00.000Z');
  });

  it('seized on a bank holiday in summer time: starts at the next London midnight (BST)', () => {
    // Easter Monday 6 April 2026, 15:00 BST: starts Tue 7 April 00:00 BST (6 April 23:00Z).
    expect(cashDetentionExpiry('2026-04-06T14:00:00Z')).toBe('2026-04-08T23:00:00.000Z');
  });

  it('across the BST changes (which happen on Sundays): counts real elapsed hours', () => {
    // Fri 23 Oct 2026 10:00 BST (09:00Z) -> Tue 27 Oct 10:00 GMT (10:00Z).
    expect(cashDetentionExpiry('2026-10-23T10:00:00+01:00')).toBe('2026-10-27T10:00:00.000Z');
    // Fri 27 Mar 2026 10:00 GMT -> Tue 31 Mar 10:00 BST (09:00Z).
    expect(cashDetentionExpiry('2026-03-27T10:00:00Z')).toBe('2026-03-31T09:00:00.000Z');
  });

  it('uses London days, not UTC days', () => {
    // Friday 3 July 2026 23:30 BST is 22:30Z: 30 minutes are left on Friday in London.
    // Then 24h on Monday 6 and the last 23h30 of Tuesday 7 -> 23:30 BST (22:30Z).
    expect(cashDetentionExpiry('2026-07-03T22:30:00Z')).toBe('2026-07-07T22:30:00.000Z');
  });

  it('accepts any offset and sub-second precision', () => {
    expect(cashDetentionExpiry('2026-11-27T11:00:00.250+01:00')).toBe('2026-12-01T10:00:00.250Z');
  });

  it('uses the calendar given, and another number of hours', () => {
    // A made-up bank holiday on Monday 30 November 2026.
    const cal = calendarFrom(['2026-11-30'], 2026, 2027);
    expect(cashDetentionExpiry('2026-11-27T10:00:00Z', cal)).toBe('2026-12-02T10:00:00.000Z');
    // s.303K listed assets: 6 hours.
    expect(cashDetentionExpiry('2026-11-27T20:00:00Z', undefined, 6)).toBe(
      '2026-11-30T02:00:00.000Z',
    );
  });

  it('a period ending exactly at midnight ends at that midnight', () => {
    // Thursday 00:00 + 48h = Friday 24:00 = Saturday 00:00.
    expect(cashDetentionExpiry('2026-11-26T00:00:00Z')).toBe('2026-11-28T00:00:00.000Z');
  });

  it('throws when the period runs beyond the calendar', () => {
    // Mon 30 Dec 2030 10:00: 14h + Tue 31 Dec 24h, then 1 January 2031 is not covered.
    expect(() => cashDetentionExpiry('2030-12-30T10:00:00Z')).toThrow(RangeError);
    expect(() => cashDetentionExpiry('2031-03-03T10:00:00Z')).toThrow(RangeError);
    expect(() => cashDetentionExpiry('2014-12-31T10:00:00Z')).toThrow(RangeError);
    // Within coverage up to the last day.
    expect(cashDetentionExpiry('2030-12-27T10:00:00Z')).toBe('2030-12-31T10:00:00.000Z');
  });

  it('throws on a bad instant or hours', () => {
    expect(() => cashDetentionExpiry('2026-11-27')).toThrow(TypeError);
    expect(() => cashDetentionExpiry('2026-11-27T10:00:00Z', undefined, -1)).toThrow(RangeError);
  });

  describe('properties', () => {
    const seizedArb = fc
      .integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 10, 30) })
      .map((ms) => new Date(ms).toISOString());

    it('expires at least 48 hours later, inside (or at the end of) a counted day', () => {
      fc.assert(
        fc.property(seizedArb, (seizedAt) => {
          const expiry = cashDetentionExpiry(seizedAt);
          expect(Date.parse(expiry) - Date.parse(seizedAt)).toBeGreaterThanOrEqual(48 * 3_600_000);
          const lastMoment = new Date(Date.parse(expiry) - 1).toISOString();
          expect(isCountedDay(londonDateOf(lastMoment))).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it('a later seizure never expires earlier', () => {
      fc.assert(
        fc.property(seizedArb, seizedArb, (a, b) => {
          const [first, second] = compareInstants(a, b) <= 0 ? [a, b] : [b, a];
          expect(
            compareInstants(cashDetentionExpiry(first), cashDetentionExpiry(second)),
          ).toBeLessThanOrEqual(0);
        }),
        { numRuns: 300 },
      );
    });

    it('with three counted days in a row from the seizure, it expires exactly 48h later', () => {
      fc.assert(
        fc.property(seizedArb, (seizedAt) => {
          const expiry = cashDetentionExpiry(seizedAt);
          const days = [0, 1, 2].map((n) =>
            londonDateOf(new Date(Date.parse(seizedAt) + n * 86_400_000).toISOString()),
          );
          if (days.every((d) => isCountedDay(d))) {
            expect(Date.parse(expiry) - Date.parse(seizedAt)).toBe(48 * 3_600_000);
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});
