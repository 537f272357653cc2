// Display formatting through Intl only. The engine's decimal strings go to format() as
// strings, which Intl.NumberFormat keeps exactly (no binary float in between).

const cache = new Map();
function formatter(kind, locale, options) {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = kind === 'date' ? new Intl.DateTimeFormat(locale, options) : new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** A rate given as a fraction ("0.3724489796") as a percentage: "37.24%". */
export function percent(fraction, locale, digits = 2) {
  if (fraction === null || fraction === undefined) return '—';
  return formatter('n', locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction);
}

/** An amount in a currency ("1234.50", "EUR") as "€1,234.50". */
export function money(amount, currency, locale) {
  if (amount === null || amount === undefined) return '—';
  if (!currency) return number(amount, locale, 2);
  return formatter('n', locale, { style: 'currency', currency }).format(amount);
}

export function number(value, locale, maxDigits = 4) {
  if (value === null || value === undefined) return '—';
  return formatter('n', locale, { maximumFractionDigits: maxDigits }).format(value);
}

/** A YYYY-MM-DD date in the locale's medium style, without a time-zone shift. */
export function date(text, locale) {
  if (!text) return '—';
  const [y, m, d] = text.split('-').map(Number);
  const utc = new Date(Date.UTC(y, m - 1, d));
  utc.setUTCFullYear(y); // years 0001–0099 stay themselves
  return formatter('date', locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(utc);
}

/**
 * What a person typed, as the decimal text the engine reads: grouping commas and spaces
 * removed, full-width digits (as typed with a Chinese IME) made ASCII. Empty → null.
 */
export function decimalText(typed) {
  const text = String(typed ?? '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))
    .replace(/\uFF0E|\u3002/g, '.')
    .replace(/[\uFF0C,\s\u00A0\u202F']/g, '')
    .replace(/^\uFF0D|^\u2212/, '-')
    .replace(/%$|\uFF05$/, '');
  return text === '' ? null : text;
}

/** A decimal string with exactly `digits` decimals: "72.9" → "72.9", "100.0" → "100.0". */
export function fixed(value, locale, digits = 1) {
  if (value === null || value === undefined) return '—';
  return formatter('n', locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A fraction as a percentage with only the decimals it needs (at most `maxDigits`): "0.5" → "50%", "0.925" → "92.5%". */
export function percentUpTo(fraction, locale, maxDigits = 2) {
  if (fraction === null || fraction === undefined) return '—';
  return formatter('n', locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: maxDigits }).format(fraction);
}

/** A figure already in percent units ("62.5" of 100) with a percent sign: "62.5%". */
export function percentPoints(value, locale, maxDigits = 1) {
  if (value === null || value === undefined) return '—';
  return formatter('n', locale, { style: 'unit', unit: 'percent', maximumFractionDigits: maxDigits }).format(value);
}

/** Items joined as the locale lists them: "a, b and c", "a、b和c". */
export function list(items, locale) {
  const key = `list|${locale}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    cache.set(key, f);
  }
  return f.format(items);
}

/**
 * A percentage as typed ("25", "2.5", "0,5 %" as decimalText reads it) as the fraction the
 * engine reads ("0.25", "0.025"), by moving the decimal point two places on the digits:
 * never through a binary float. Empty → null; text that is not a plain decimal (or one in
 * e-notation, whose exponent is lowered by 2) is passed on unchanged for the engine to refuse.
 */
export function percentToFraction(typed) {
  const text = decimalText(typed);
  if (text === null) return null;
  const e = /^([+-]?(?:\d+\.?\d*|\.\d+))[eE]([+-]?\d{1,6})$/.exec(text);
  if (e) return `${e[1]}e${Number(e[2]) - 2}`;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return text;
  const whole = (m[2] || '0').padStart(3, '0');
  const int = whole.slice(0, -2).replace(/^0+(?=\d)/, '');
  return `${m[1] === '-' ? '-' : ''}${int}.${whole.slice(-2)}${m[3] ?? ''}`;
}

/** An amount with its sign always shown, except for zero: "+€537.94", "-€44.79", "€0.00". */
export function signedMoney(amount, currency, locale) {
  if (amount === null || amount === undefined) return '—';
  const options = currency
    ? { style: 'currency', currency, signDisplay: 'exceptZero' }
    : { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' };
  return formatter('n', locale, options).format(amount);
}

/** A number with its sign always shown, except for zero: "+31.33", "-15". */
export function signedNumber(value, locale, maxDigits = 2) {
  if (value === null || value === undefined) return '—';
  return formatter('n', locale, { maximumFractionDigits: maxDigits, signDisplay: 'exceptZero' }).format(value);
}

/**
 * An engine LocalizedText ({ en, "zh-CN" }) in the locale, else English, else '', with its
 * amounts grouped for reading out (groupAmounts).
 */
export function localized(text, locale) {
  const chosen = text && typeof text === 'object' ? text[locale] ?? text.en ?? '' : '';
  return typeof chosen === 'string' ? groupAmounts(chosen, locale) : '';
}

// Five digits or more, or four with a fraction: never a year (1998 年, the Act 1998), and a
// four-digit whole number reads as well without a separator.
const BARE_DECIMAL = /\d{5,}(?:\.\d+)?|\d{4}\.\d+/g;

/**
 * The engine writes the amounts in its sentences as bare decimals ("Sales of 1825000 a year",
 * "11111.11 CNY"), the same in every language: here they get the locale's grouping, with
 * the same digits ("1,825,000", "11,111.11"). Only in a locale whose decimal mark is the
 * engine's own "." (English, Chinese …): in another (de: "1.825.000,5") the smaller numbers
 * left as they are would read otherwise beside the grouped ones, so the text stays as the
 * engine wrote it. Meant for the engine's sentences: a number that is part of something
 * else is left as it is, such as a date (2025-02-28), a version (2026.11.1), a reference
 * (2011/7/EU, INV-10000, #123456, +8613…), a code (A12345) or digits with leading zeros
 * (0012345); and so is a four-digit whole number (a year: 1998).
 */
export function groupAmounts(text, locale) {
  if (!decimalMarkIsPoint(locale)) return text;
  return text.replace(BARE_DECIMAL, (digits, at) => {
    const before = text[at - 1] ?? '';
    const after = text[at + digits.length] ?? '';
    if (digits[0] === '0') return digits;
    if (/[\w./:#+№第]/.test(before) || (before === '-' && /\w/.test(text[at - 2] ?? ''))) return digits;
    if (/[\w/:-]/.test(after) || (after === '.' && /\d/.test(text[at + digits.length + 1] ?? ''))) return digits;
    const places = digits.includes('.') ? digits.length - 1 - digits.indexOf('.') : 0;
    try {
      return formatter('n', locale, { minimumFractionDigits: places, maximumFractionDigits: places }).format(digits);
    } catch {
      return digits; // more decimals than this browser's Intl takes
    }
  });
}

const pointLocales = new Map();
function decimalMarkIsPoint(locale) {
  let point = pointLocales.get(locale);
  if (point === undefined) {
    try {
      point = formatter('n', locale, {}).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === '.';
    } catch {
      point = false;
    }
    pointLocales.set(locale, point);
  }
  return point;
}
