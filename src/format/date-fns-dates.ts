/** Dates for the lazily loaded languages, by date-fns: the same text in every browser, whatever its Intl data. */
import { format } from 'date-fns/format';
import { formatDistanceStrict } from 'date-fns/formatDistanceStrict';
import type { Locale } from 'date-fns';
import type { LocaleDates } from './dates.js';

export function dateFnsDates(locale: Locale): LocaleDates {
  return {
    calendar: (date, long) => format(date, long ? 'PPP' : 'PP', { locale }),
    distance: (date, now) => formatDistanceStrict(date, now, { addSuffix: true, locale, roundingMethod: 'floor' }),
  };
}
