/** News dates in the reader's language ("Nov 20, 2026", "3 hours ago"). */
import { dateTimeFormat, relativeTimeFormat } from './intl-cache.js';

export type DateStyle = 'relative' | 'short' | 'long';

/** How one language writes dates: a calendar date, and a distance in the past ("3 hours ago"). */
export interface LocaleDates {
  calendar(date: Date, long: boolean): string;
  distance(date: Date, now: number): string;
}

const DAY = 86_400_000;
/** Beyond this age a relative date says little ("11 months ago"): show the date instead. */
const RELATIVE_LIMIT = 30 * DAY;

/**
 * Formats a news date. `relative` reads "3 hours ago" for dates within the last 30 days and falls back
 * to the short date for older ones (and for dates in the future beyond a minute of clock skew).
 */
export function formatNewsDate(date: Date, style: DateStyle, dates: LocaleDates, now: number = Date.now()): string {
  if (isLive(date, style, now)) return dates.distance(date, Math.max(now, date.getTime()));
  return dates.calendar(date, style === 'long');
}

/** True when the text of a relative date may change as time passes. */
export function isLive(date: Date, style: DateStyle, now: number = Date.now()): boolean {
  const age = now - date.getTime();
  return style === 'relative' && age >= -60_000 && age < RELATIVE_LIMIT;
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', DAY],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/**
 * English dates come from the browser's own `Intl` data, which every browser carries for English: no bytes to
 * ship. Other languages bring their own: date-fns locales (`date-fns-dates.ts`) or CLDR data (`cldr.ts`), which read
 * the same everywhere, also in browsers whose `Intl` lacks the language (Chromium's has no Kazakh or Tajik dates).
 */
export const englishDates: LocaleDates = {
  calendar(date, long) {
    return dateTimeFormat('en-US', { dateStyle: long ? 'long' : 'medium' }).format(date);
  },
  distance(date, now) {
    const age = now - date.getTime();
    const [unit, size] = units.find(([, size]) => age >= size) ?? units[3];
    return relativeTimeFormat('en', { numeric: 'always' }).format(-Math.floor(age / size), unit);
  },
};
