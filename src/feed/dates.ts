/** Reads the dates feeds write (RFC 822, RFC 3339 and common zone-less forms) without ever inventing one. */

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
// Offsets in hours. Military letters other than Z mean "unknown" per RFC 2822, so they read as UTC.
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
};

/** Minutes east of UTC for `Z`, `+08:00`, `+0800`, `+08` or a named zone; undefined if unrecognised. */
function zoneOffset(zone: string): number | undefined {
  const m = /^([+-])(\d\d):?(\d\d)?$/.exec(zone);
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

/**
 * Parses a feed date. Zone-less dates are read in `defaultTimeZone` (an offset such as `+08:00`).
 * Returns undefined for anything it cannot read: never "now", never an Invalid Date.
 */
export function parseFeedDate(text: string | null | undefined, defaultTimeZone = '+08:00'): Date | undefined {
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
  // RFC 822 / 1123: [Wed,] 1 May 2024 10:00[:00] [GMT|+0800]
  m =
    /^(?:[a-z]+,? )?(\d\d?) ([a-z]{3})[a-z]*\.? (\d{2}|\d{4}) (\d\d?):(\d\d)(?::(\d\d))?(?: ?([a-z]+|[+-]\d\d:?\d\d))?$/i.exec(
      s,
    );
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase());
    if (month < 0 || month % 3) return undefined;
    let year = +m[3];
    if (m[3].length === 2) year += year < 50 ? 2000 : 1900;
    return build(year, month / 3 + 1, +m[1], +m[4], +m[5], +(m[6] ?? 0), 0, m[7] ? zoneOffset(m[7]) : fallback);
  }
  return undefined;
}
