/** Turkmen (Latin) words, dates and counts: a chunk loaded on demand. date-fns has no Turkmen; dates follow CLDR 48. */
import type { Messages } from '../messages.js';
import { cldrCount, cldrDates, type CldrDateData, type CldrNumberData } from '../cldr.js';

export const dateData: CldrDateData = {
  months: [
    'ýanwar',
    'fewral',
    'mart',
    'aprel',
    'maý',
    'iýun',
    'iýul',
    'awgust',
    'sentýabr',
    'oktýabr',
    'noýabr',
    'dekabr',
  ],
  monthsShort: ['ýan', 'few', 'mart', 'apr', 'maý', 'iýun', 'iýul', 'awg', 'sen', 'okt', 'noý', 'dek'],
  long: 'd MMMM y',
  medium: 'd MMM y',
  // Turkmen nouns stay singular after a numeral: one form for every count.
  past: { second: '{0} sekunt öň', minute: '{0} minut öň', hour: '{0} sagat öň', day: '{0} gün öň' },
};
export const dates = cldrDates(dateData);

export const numberData: CldrNumberData = {
  group: '\u00a0',
  decimal: ',',
  thousand: '0\u00a0müň',
  million: '0\u00a0mln',
};
export const count = cldrCount(numberData);

export const messages: Messages = {
  loading: 'Habarlar ýüklenýär…',
  empty: 'Häzirlikçe habar ýok.',
  emptyCategory: 'Bu bölümde habar ýok.',
  more: 'Ýene görkez',
  retry: 'Gaýtadan synanyş',
  news: 'Habarlar',
  loaded: (n) => `${n} habar`,
  errorTitle: 'Habarlary ýükläp bolmady.',
  staleNotice: 'Öňki habarlar görkezilýär: soňky täzelenmäni ýükläp bolmady.',
  partialNotice: (n) => `${n} habar lentasyny ýükläp bolmady.`,
  articleNotFound: 'Makala tapylmady. Ol habar lentasyndan aýrylan bolmagy mümkin.',
  back: 'Habarlara dolan',
  clicks: 'Görülen sany',
  errors: {
    parse: 'Lenta zaýalanan: faýl dogry XML ýa-da JSON däl.',
    format: 'Bu salgy lenta däl-de, web sahypa.',
    formatWithFeed: (url) => `Bu salgy lenta däl-de, web sahypa. Sahypanyň lentasy: ${url}`,
    http: (status) => `Lentanyň serweri ýalňyşlyk bilen jogap berdi (HTTP ${status}).`,
    notFound: 'Lentanyň salgysy tapylmady (HTTP 404). Salgyny barlaň.',
    cors: 'Lentanyň serweri bu saýta ony okamaga rugsat bermeýär (CORS). Eýesinden rugsat soraň ýa-da lenta proksisini ulanyň.',
    network: 'Lentanyň serweri bilen baglanyşyp bolmady. Salgyny we internet baglanyşygyny barlaň.',
    offline: 'Internet baglanyşygy ýok. Baglanyşyk dikelenden soň habarlar ýüklener.',
    timeout: 'Lentanyň serweri gaty uzak wagtlap jogap bermedi.',
    tooLarge: 'Lenta sahypada görkezmek üçin gaty uly (10 MB-dan köp).',
    config: 'Bu habar bölüminde lentanyň dogry salgysy görkezilmändir.',
    unknown: 'Lentany ýüklemekde ýalňyşlyk ýüze çykdy.',
  },
};
