/** Dates as readers expect them in their language, formatted with date-fns; formatters are shared. */
import { format } from 'date-fns/format';
import { formatDistanceStrict } from 'date-fns/formatDistanceStrict';
import type { Locale } from 'date-fns';

export type DateStyle = 'relative' | 'short' | 'long';

const DAY = 86_400_000;
/** Beyond this age a relative date says little ("11 months ago"): show the date instead. */
const RELATIVE_LIMIT = 30 * DAY;

/**
 * Formats a news date. `relative` reads "3 hours ago" for dates within the last 30 days and falls back
 * to the short date for older ones (and for dates in the future beyond a minute of clock skew).
 */
export function formatNewsDate(date: Date, style: DateStyle, locale: Locale, now: number = Date.now()): string {
  if (style === 'relative') {
    const age = now - date.getTime();
    if (age >= -60_000 && age < RELATIVE_LIMIT) {
      return formatDistanceStrict(date, Math.max(now, date.getTime()), { addSuffix: true, locale, roundingMethod: 'floor' });
    }
  }
  return format(date, style === 'long' ? 'PPP' : 'PP', { locale });
}

/** True when the text of a relative date may change as time passes. */
export function isLive(date: Date, style: DateStyle, now: number = Date.now()): boolean {
  return style === 'relative' && now - date.getTime() < RELATIVE_LIMIT;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let timer: ReturnType<typeof setInterval> | undefined;

/** One timer per page refreshes every relative date once a minute; returns the unsubscribe function. */
export function onMinute(listener: Listener): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), 60_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
