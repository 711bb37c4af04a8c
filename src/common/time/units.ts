/** Milliseconds in an hour: instants are counted in UTC milliseconds. */
export const MS_PER_HOUR = 3_600_000;
