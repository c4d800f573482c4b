/** Reads the dates feeds write (RFC 822, RFC 3339 and common zone-less forms) without ever inventing one. */

/** The zone of feed dates written without one, unless the caller says otherwise: the college's, China's. */
export const DEFAULT_TIME_ZONE = '+08:00';

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
// Offsets in hours. RFC 822 names only UT/GMT, Z and the US zones; feeds in the wild also write these. Military
// letters other than Z mean "unknown" per RFC 2822, so they read as UTC. CST stays US Central, as RFC 822 has it.
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
  akst: -9,
  akdt: -8,
  hst: -10,
  wet: 0,
  west: 1,
  bst: 1,
  cet: 1,
  cest: 2,
  met: 1,
  mest: 2,
  eet: 2,
  eest: 3,
  msk: 3,
  ist: 5.5,
  almt: 5,
  uzt: 5,
  tjt: 5,
  yekt: 5,
  novt: 7,
  ict: 7,
  wib: 7,
  hkt: 8,
  sgt: 8,
  pht: 8,
  awst: 8,
  jst: 9,
  kst: 9,
  acst: 9.5,
  aest: 10,
  aedt: 11,
  nzst: 12,
  nzdt: 13,
};

/** Minutes east of UTC for `Z`, `+08:00`, `+0800`, `+08`, `GMT+8` or a named zone; undefined if unrecognised. */
function zoneOffset(zone: string): number | undefined {
  const m = /^(?:gmt|utc)?([+-])(\d\d?):?(\d\d)?$/i.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +(m[3] ?? 0));
  const z = zone.toLowerCase();
  if (z in ZONES) return ZONES[z] * 60;
  return /^[a-ik-y]$/.test(z) ? 0 : undefined;
}

function build(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, offset?: number): Date | undefined {
  if (offset === undefined || mo < 1 || mo > 12 || h > 24 || mi > 59 || s > 60) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  // Date.UTC rolls 31 April over into May: reject days the month does not have.
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined;
  const date = new Date(t - offset * 60000);
  return isNaN(date.getTime()) ? undefined : date;
}

const TIME = '(?:,? (\\d\\d?):(\\d\\d)(?::(\\d\\d))?(?: ?([ap])\\.?m\\.?)?)?';
const ZONE = '(?: ?((?:gmt|utc)?[+-]\\d\\d?(?::?\\d\\d)?|[a-z]{1,5}))?(?: \\([^)]*\\))?';
const RFC822_DAY_FIRST = new RegExp(
  `^(?:[a-z]+,? )?(\\d\\d?)(?:st|nd|rd|th)? ([a-z]{3})[a-z]*\\.?,? (\\d{2}|\\d{4})${TIME}${ZONE}$`,
  'i',
);
const RFC822_MONTH_FIRST = new RegExp(
  `^(?:[a-z]+,? )?([a-z]{3})[a-z]*\\.? (\\d\\d?)(?:st|nd|rd|th)?,? (\\d{4})${TIME}${ZONE}$`,
  'i',
);

/**
 * Parses a feed date. Zone-less dates are read in `defaultTimeZone` (an offset such as `+08:00`).
 * Returns undefined for anything it cannot read: never "now", never an Invalid Date.
 */
export function parseFeedDate(text: string | null | undefined, defaultTimeZone = DEFAULT_TIME_ZONE): Date | undefined {
  const s = text?.trim().replace(/\s+/g, ' ');
  if (!s) return undefined;
  const fallback = zoneOffset(defaultTimeZone) ?? 0;
  // RFC 3339 / ISO 8601 and the zone-less forms CMSs write: 2024-05-01 10:00, 2024/05/01T10:00:00.5
  let m =
    /^(\d{4})[-/](\d\d?)[-/](\d\d?)(?:[T ](\d\d?):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)? ?(Z|[+-]\d\d(?::?\d\d)?|UTC|GMT)?$/i.exec(
      s,
    );
  if (m) {
    const ms = m[7] ? Math.round(+`0.${m[7]}` * 1000) : 0;
    return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms, m[8] ? zoneOffset(m[8]) : fallback);
  }
  // Day.month.year, as Russian and Kazakh CMSs write it: 01.05.2024 [10:00[:00]]
  m = /^(\d\d?)\.(\d\d?)\.(\d{4})(?:,? (\d\d?):(\d\d)(?::(\d\d))?)?$/.exec(s);
  if (m) return build(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0, fallback);
  // 2024年5月1日 [10:00[:00]], as Chinese CMSs write it.
  m = /^(\d{4})年(\d\d?)月(\d\d?)日 ?(?:(\d\d?)[:：](\d\d)(?:[:：](\d\d))?)?$/.exec(s);
  if (m) return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0, fallback);
  // RFC 822 / 1123 and its loose relatives: [Wed,] 1 May 2024 [10:00[:00] [PM]] [zone], the month first
  // (May 1, 2024 ...), and JavaScript's Date#toString (Wed May 01 2024 10:00:00 GMT+0800 (China Standard Time)).
  const dayFirst = RFC822_DAY_FIRST.exec(s);
  const monthFirst = dayFirst ? null : RFC822_MONTH_FIRST.exec(s);
  const parts = dayFirst ?? (monthFirst && [monthFirst[0], monthFirst[2], monthFirst[1], ...monthFirst.slice(3)]);
  if (parts) {
    const [, day, name, yearText, hourText, minute, second, meridiem, zone] = parts;
    const month = MONTHS.indexOf(name.toLowerCase());
    if (month < 0 || month % 3) return undefined;
    let year = +yearText;
    if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
    let hour = +(hourText ?? 0);
    if (meridiem) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (/^p/i.test(meridiem) ? 12 : 0);
    }
    return build(
      year,
      month / 3 + 1,
      +day,
      hour,
      +(minute ?? 0),
      +(second ?? 0),
      0,
      zone ? zoneOffset(zone) : fallback,
    );
  }
  return undefined;
}
