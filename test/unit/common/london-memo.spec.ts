import fc from 'fast-check';
import { DateTime } from 'luxon';
import { civilOf, formatDate } from '@src/common/time/iso';
import { LONDON, londonDateOf, londonMidnight } from '@src/common/time/london';

/** luxon asked directly, as london.ts did before its answers were memoised. */
const direct = {
  dateOf: (ms: number) => DateTime.fromMillis(ms, { zone: LONDON }).toISODate(),
  midnight: (date: string) =>
    new Date(DateTime.fromISO(date, { zone: LONDON }).startOf('day').toMillis()).toISOString(),
};

const MIN_MS = Date.UTC(1, 0, 1) + 86_400_000; // 0001-01-02: every London date is in range
const MAX_MS = Date.UTC(9999, 11, 31) - 86_400_000;

describe('London dates, memoised', () => {
  it('londonDateOf agrees with luxon for any instant, repeated or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_MS, max: MAX_MS }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(londonDateOf(iso)).toBe(direct.dateOf(ms));
        expect(londonDateOf(iso)).toBe(direct.dateOf(ms)); // from the memo
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees around every clock change from 1847 to 2040', () => {
    const offset = (ms: number) => DateTime.fromMillis(ms, { zone: LONDON }).offset;
    for (let day = Date.UTC(1847, 10, 28); day < Date.UTC(2040, 0, 1); day += 86_400_000) {
      if (offset(day) === offset(day + 86_400_000)) continue;
      // The hour the offset changes in, then every 5 minutes for 90 minutes either side of it.
      let hour = day;
      while (offset(hour) === offset(day)) hour += 3_600_000;
      for (let ms = hour - 5_400_000; ms <= hour + 5_400_000; ms += 300_000) {
        expect(londonDateOf(new Date(ms).toISOString())).toBe(direct.dateOf(ms));
      }
    }
  });

  it('agrees at the first London Mean Time instants and with offsets other than Z', () => {
    const lmtChange = Date.UTC(1847, 11, 1, 0, 1, 15);
    for (let ms = lmtChange - 120_000; ms <= lmtChange + 120_000; ms += 1_000) {
      expect(londonDateOf(new Date(ms).toISOString())).toBe(direct.dateOf(ms));
    }
    expect(londonDateOf('2026-07-01T05:00:00+09:00')).toBe('2026-06-30');
    expect(londonDateOf('2026-07-01T00:30:00+01:00')).toBe('2026-07-01');
  });

  it('londonMidnight agrees with luxon for any date, repeated or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_900_000 }), (n) => {
        const { y, m, d } = civilOf(n - 719_162); // days from 0001-01-01
        const date = formatDate(y, m, d);
        expect(londonMidnight(date)).toBe(direct.midnight(date));
        expect(londonMidnight(date)).toBe(direct.midnight(date));
      }),
      { numRuns: 1_000 },
    );
  });

  it('still refuses what is not a date or an instant', () => {
    expect(() => londonMidnight('2026-02-30')).toThrow(TypeError);
    expect(() => londonDateOf('2026-02-01')).toThrow(TypeError);
  });
});
