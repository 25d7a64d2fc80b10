// Dates as they appear in article datelines and front matter. `new Date(string)` accepts
// different non-ISO formats in different engines; this module must give the same answer in
// the browser preview and on the server, so the formats are parsed by hand.

const MONTHS: Record<string, number> = {
  jan: 0, january: 0, feb: 1, february: 1, mar: 2, march: 2, apr: 3, april: 3, may: 4,
  jun: 5, june: 5, jul: 6, july: 6, aug: 7, august: 7, sep: 8, sept: 8, september: 8,
  oct: 9, october: 9, nov: 10, november: 10, dec: 11, december: 11,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i;
const MONTH_DAY_YEAR = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;

function buildUtcDate(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month, day));
  // Rejects 31 February and friends, which Date.UTC would silently roll over.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return null;
  return date;
}

/**
 * ISO 8601 (with or without time; a time without zone is taken as UTC), "4 March 2024",
 * "March 4, 2024", optionally with a weekday or extra words around them. Date-only values
 * become midnight UTC. Anything else is null rather than a guess.
 */
export function parseLooseDate(input: string | null | undefined): Date | null {
  if (!input) return null;
  const text = input.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    if (h === undefined) return buildUtcDate(Number(y), Number(mo) - 1, Number(d));
    const offset = zone === undefined || zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${offset}`);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const month = MONTHS[dmy[2]!.toLowerCase()];
    if (month !== undefined) return buildUtcDate(Number(dmy[3]), month, Number(dmy[1]));
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) {
    const month = MONTHS[mdy[1]!.toLowerCase()];
    if (month !== undefined) return buildUtcDate(Number(mdy[3]), month, Number(mdy[2]));
  }
  return null;
}
