// Instants the tests give as validUntil and the like, counted from now.
const DAY_MS = 24 * 3600 * 1000;

/** The ISO instant `days` days from now (negative: in the past). */
export const daysFromNow = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();
export const inAWeek = (): string => daysFromNow(7);
export const inAYear = (): string => daysFromNow(365);
