/** Dates and numbers from CLDR data a language chunk carries, for languages the browser's Intl and date-fns lack. */
import type { LocaleDates } from './dates.js';

/** A relative phrase with `{0}` for the count, or a function of the count where the phrase has plural forms. */
export type PastPhrase = string | ((count: number) => string);

/** What a language needs for dates, copied from CLDR (`ca-gregorian.json`, `dateFields.json`). */
export interface CldrDateData {
  /** Wide month names in the format context, as dates use them, January first. */
  months: readonly string[];
  /** Abbreviated month names in the format context. */
  monthsShort: readonly string[];
  /** CLDR's `dateFormats.long` (e.g. `d-MMMM, y`). Understands `d`, `dd`, `MMM`, `MMMM`, `y` and `'quoted'` text. */
  long: string;
  /** CLDR's `dateFormats.medium`, used for the short style. */
  medium: string;
  /** `relativeTime-type-past` of each unit: "{0} soat oldin". */
  past: Record<'second' | 'minute' | 'hour' | 'day', PastPhrase>;
}

const units = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
] as const;

/** Formats a date with a CLDR pattern subset, in the reader's time zone as the other languages do. */
export function formatPattern(date: Date, pattern: string, data: CldrDateData): string {
  return pattern.replace(/'([^']*)'|d{1,2}|M{3,4}|y+/g, (token, quoted?: string) => {
    if (quoted !== undefined) return quoted || "'";
    if (token === 'd') return String(date.getDate());
    if (token === 'dd') return String(date.getDate()).padStart(2, '0');
    if (token === 'MMM') return data.monthsShort[date.getMonth()];
    if (token === 'MMMM') return data.months[date.getMonth()];
    return String(date.getFullYear());
  });
}

/** A language's dates from its CLDR data: `short` is CLDR's medium pattern, `long` its long one. */
export function cldrDates(data: CldrDateData): LocaleDates {
  return {
    calendar: (date, long) => formatPattern(date, long ? data.long : data.medium, data),
    distance(date, now) {
      const age = now - date.getTime();
      const [unit, size] = units.find(([, size]) => age >= size) ?? units[3];
      const count = Math.floor(age / size);
      const phrase = data.past[unit];
      return typeof phrase === 'string' ? phrase.replace('{0}', String(count)) : phrase(count);
    },
  };
}

/** What a language needs for counts, from CLDR (`numbers.json`): separators and the short compact words. */
export interface CldrNumberData {
  group: string;
  decimal: string;
  /** Compact patterns for thousands and millions, `0` standing for the number: "0 ming", "0 mln". */
  thousand: string;
  million: string;
}

/** Formats a whole count: `standard` groups digits by three (1 234 567), `compact` reads 1,2 ming. */
export function cldrCount(data: CldrNumberData): (count: number, compact: boolean) => string {
  const group = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, data.group);
  return (count, compact) => {
    const n = Math.round(count);
    if (!compact || Math.abs(n) < 1000) return group(n);
    const [size, pattern] = Math.abs(n) < 999_950 ? [1000, data.thousand] : [1_000_000, data.million];
    const tenths = Math.round((n / size) * 10);
    const whole = Math.trunc(tenths / 10);
    const fraction = Math.abs(tenths % 10);
    return pattern.replace('0', group(whole) + (fraction ? data.decimal + fraction : ''));
  };
}
