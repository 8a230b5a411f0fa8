// Formatting shared by the board page, the wall display and the unit page.
// Vietnamese (vi-VN) is the default; every helper takes the page language so the EN switch works.

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const locales = { vi: 'vi-VN', en: 'en-GB' };
const localeOf = lang => locales[lang] ?? locales.vi;

// Intl formatters are costly to build and the board re-renders often, so keep them.
const cache = new Map();
function numberFormat(lang, min, max) {
  const key = `${lang}|${min}|${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
}

/** A count or any number, vi-VN grouping: 1234 → "1.234", 0.5 → "0,5" with maxDigits ≥ 1. */
export function formatNumber(n, lang = 'vi', maxDigits = 0) {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return numberFormat(lang, 0, maxDigits).format(n);
}

/**
 * Truncates toward zero to `digits` decimals. Binary floating point cannot hold 0.29 exactly
 * (0.29 × 1000 = 289.99999999999997), so the noise far below the shown precision is removed
 * before truncating; otherwise an exact 29 % would show as 28,9 %.
 */
function truncate(x, digits) {
  const scale = 10 ** digits;
  const scaled = Number((x * scale).toFixed(6));
  return Math.trunc(scaled) / scale;
}

/**
 * A fraction as a percentage with one decimal, truncated, never rounded up (domain.md): an unmet
 * target must never look met, so 0.4499 is "44,9 %", not "45,0 %". null → "—".
 * When the numerator and denominator are known they are used instead of the fraction: integer
 * arithmetic is exact where a float quotient may not be.
 */
export function formatPercent(value, lang = 'vi', numerator, denominator) {
  let tenths; // the percentage in tenths of a percent, truncated
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) && denominator > 0
      && numerator >= 0 && numerator * 1000 <= Number.MAX_SAFE_INTEGER) {
    tenths = (numerator * 1000 - ((numerator * 1000) % denominator)) / denominator;
  } else if (value === null || value === undefined || Number.isNaN(value)) {
    return '—';
  } else {
    tenths = Math.trunc(Number((value * 1000).toFixed(6)));
  }
  return withPercentSign(numberFormat(lang, 1, 1).format(tenths / 10), lang);
}

/** A target (0.45 → "45 %", 0.4501 → "45,01 %"): as many decimals as it has, up to two, truncated. */
export function formatTarget(target, lang = 'vi') {
  if (target === null || target === undefined) return '—';
  return withPercentSign(numberFormat(lang, 0, 2).format(truncate(target * 100, 2)), lang);
}

// Vietnamese writes "45 %" with a (no-break) space; English "45%".
const withPercentSign = (s, lang) => (lang === 'en' ? `${s}%` : `${s}\u00a0%`);

/** "27/58", with grouping for large counts. */
export function formatRatio(numerator, denominator, lang = 'vi') {
  return `${formatNumber(numerator ?? 0, lang)}/${formatNumber(denominator ?? 0, lang)}`;
}

/** A score with three decimals, truncated like the percentages so a tie never looks broken upward. */
export function formatScore(score, lang = 'vi') {
  if (score === null || score === undefined) return '—';
  return numberFormat(lang, 3, 3).format(truncate(score, 3));
}

/** Today's date in the campaign's time zone as "YYYY-MM-DD" (en-CA formats dates that way). */
export function todayIn(timeZone = TIME_ZONE, now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const dayNumber = isoDate => Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / 86_400_000;

/**
 * Where today falls in the campaign, in its time zone: 'before' its first day (days: until that day), 'running'
 * (days: left, "còn N ngày", today and the end date both counted, so the last day has 1 left) or 'ended' after its
 * last day (days: 0). Null without an end date. `playedDay` ("YYYY-MM-DD", the campaign answer's, while the demo feed
 * plays a past campaign) stands for today.
 */
export function campaignCountdown(startDate, endDate, timeZone = TIME_ZONE, now = new Date(), playedDay = null) {
  if (!endDate) return null;
  const today = playedDay?.slice(0, 10) ?? todayIn(timeZone, now);
  const start = startDate?.slice(0, 10);
  const end = endDate.slice(0, 10);
  if (start && today < start) return { phase: 'before', days: dayNumber(start) - dayNumber(today) };
  if (today > end) return { phase: 'ended', days: 0 };
  return { phase: 'running', days: dayNumber(end) - dayNumber(today) + 1 };
}

/** "2024-12-31" → "31/12/2024" in both languages (en-GB order): a calendar date, no time zone shift. */
export function formatDate(isoDate) {
  if (!isoDate) return '—';
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A day as people type it, "10/12/2024" (also "1/6/2024", with "-" or "." between, or "2024-12-10", "2024-7-1"),
 * → "2024-12-10";
 * null when it is not a day of the calendar.
 */
export function parseDate(text) {
  const s = String(text ?? '').trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const [y, mo, d] = m ? [+m[3], +m[2], +m[1]] : (m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)) ? [+m[1], +m[2], +m[3]] : [];
  if (!y) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A moment as "hh:mm:ss" (24 h) in the campaign's time zone, whatever the browser's zone. */
export function formatTime(date, timeZone = TIME_ZONE) {
  if (!date) return '—';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).format(date instanceof Date ? date : new Date(date));
}

/** "vừa xong", "2 phút trước", "3 giờ trước", else the date: for the live feed. */
export function formatRelative(at, lang = 'vi', now = new Date()) {
  const then = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(then.getTime())) return '';
  const seconds = Math.max(0, (now - then) / 1000);
  const en = lang === 'en';
  if (seconds < 60) return en ? 'just now' : 'vừa xong';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return en ? `${minutes} min ago` : `${minutes} phút trước`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return en ? `${hours} h ago` : `${hours} giờ trước`;
  return formatDate(todayIn(TIME_ZONE, then));
}

/** Rank movement vs the previous rank: "▲3" (moved up), "▼1", "–" (same or unknown). */
export function movement(rank, previousRank) {
  if (!Number.isInteger(previousRank) || !Number.isInteger(rank) || previousRank === rank) {
    return { symbol: '–', delta: 0 };
  }
  const delta = previousRank - rank; // a smaller rank number is better
  return { symbol: delta > 0 ? `▲${delta}` : `▼${-delta}`, delta };
}

/**
 * Folds text for searching: lower case, diacritics removed, đ → d, spaces collapsed, so that
 * "chan nuoi" finds "Chăn nuôi" and "thuy loi" finds "Thủy lợi". Đ/đ is a letter of its own, not
 * a d with a combining mark, so NFD does not decompose it and it is mapped by hand.
 */
export function foldForSearch(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
