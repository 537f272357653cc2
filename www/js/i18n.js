// English and Simplified Chinese for every label, hint, sentence and error. Engine errors are
// translated by their stable code (and field, where a field needs its own wording); the
// engine's English message is the last resort. This module holds what every mode needs (the
// element's toolbar, the policy panel, the errors); the sections' texts are in
// i18n-sections.js, which each section imports, so the quote page never downloads them.

export const LOCALES = ['en', 'zh-CN'];

const en = {
  'app.title': 'Credit calculator',
  'app.tagline': 'Deal check for B2B trade credit: exact figures, worked out in your browser.',
  'app.skip': 'Skip to the calculator',
  'lang.label': 'Language',
  'privacy': 'Private by design: everything is calculated on this page. Nothing you type is sent anywhere.',
  'policy.version': 'Credit policy {version}',
  'engine.loading': 'Starting the calculator…',
  'engine.failed': 'The calculator stopped unexpectedly and has been restarted. Your entries are kept; please try again.',
  'app.skipNav': 'Skip links',
  'app.dealCheck': 'Deal check',
  'app.quoteLink': 'Credit insurance: a quick indicative quote',
  'app.portfolioLink': 'Score a customer list (portfolio)',
  'app.embedLink': 'Embed the calculator in your intranet',
  'tools.copyLink': 'Copy link',
  'tools.copySummary': 'Copy summary',
  'tools.print': 'Print report',
  'tools.reportFailed': 'The report could not be built; the figures on screen are unaffected.',
  'tools.clear': 'Clear',
  'tools.clearConfirm': 'Clear every field of this calculator? This cannot be undone.',
  'tools.cleared': 'Cleared. Every field is back to its starting value.',
  'tools.linkCopied': 'Link copied. It holds what you typed (not the results) after the # sign, which is never sent to a server.',
  'tools.summaryCopied': 'Summary copied: paste it into an e-mail or a CRM note.',
  'tools.copyFailed': 'Could not copy: your browser did not allow it.',
  'tools.linkOpened': 'Opened from a shared link: the fields hold what was shared.',
  'tools.linkBroken': 'This shared link could not be read; your own saved entries are shown.',
  'tools.policy': 'Credit policy',
  'tools.policyOurs': 'default {version}',
  'tools.policyCompany': '{name} {version} (your company’s)',
  'tools.policyHint': 'Load your company’s credit policy: a JSON file like the default one. It is read on this page only and every result then follows it.',
  'tools.policyFile': 'Policy file',
  'tools.policyUrl': 'Or its address on this site',
  'tools.policyUrlHint': 'For example /credit-policy.json. Only addresses on this site are read.',
  'tools.policyLoad': 'Load',
  'tools.policyDefault': 'Use the default policy',
  'tools.policyDownload': 'Download the default policy',
  'tools.policyInvalid': 'This policy cannot be used: {count} problem(s). The policy in use is unchanged.',
  'tools.languageFailed': 'The Chinese texts could not be downloaded; the calculator stays in English. Please try again when online.',

  'error.REQUIRED': 'Required.',
  'error.POLICY_OFF_ORIGIN': 'Only a policy on this site is read; give an address such as /credit-policy.json.',
  'error.POLICY_UNREACHABLE': 'The policy could not be fetched from that address.',
  'error.POLICY_NOT_JSON': 'This file is not JSON: a credit policy is a JSON document.',
  'error.POLICY_NOT_IN_BUILD': 'This build of the calculator calculates with the default policy only; a company policy needs the complete engine (pkg/credit_calculator_bg.wasm).',
  'error.NOT_A_NUMBER': 'Enter a number.',
  'error.NOT_AN_INTEGER': 'Enter a whole number.',
  'error.TOO_PRECISE': 'Too many decimal places (28 at most).',
  'error.OUT_OF_RANGE.between': 'Enter a value from {min} to {max}.',
  'error.OUT_OF_RANGE.min': 'Enter a value of at least {min}.',
  'error.OUT_OF_RANGE.max': 'Enter a value of at most {max}.',
  'error.OUT_OF_RANGE': 'This value is too large to calculate with.',
  'error.NOT_A_DATE': 'Enter a date (YYYY-MM-DD).',
  'error.NOT_ONE_OF': 'Choose one of: {allowed}.',
  'error.NET_NOT_AFTER_DISCOUNT': 'The net period must be longer than the discount period.',
  'error.OVERFLOW': 'These numbers are too large to calculate with.',
  'error.discountPercent.OUT_OF_RANGE': 'Enter a discount of at least 0% and below 100%.',
  'error.currency.NOT_ONE_OF': 'Choose a currency.',
  'error.ENGINE_FAILED': 'The calculator stopped unexpectedly and has been restarted. Please try again.',
  'error.other': 'This value cannot be used: {message}',

  // Customer score section
  'app.skipScore': 'Skip to the customer score',
  'app.skipDiscount': 'Skip to the discount calculator',

  'error.AFTER_AS_OF': 'Must not be after the as-of date.',
  'error.UNORDERED': 'These dates are in the wrong order.',
  'error.DUPLICATE': 'This appears twice (for example two periods ending on the same day).',
  'error.NOT_A_BOOLEAN': 'Choose yes or no.',
  'error.TOO_LONG': 'Too long, or too many entries.',
  'error.TOO_LONG.max': 'Too long, or too many entries (at most {max}).',
  // Credit limit section
  'app.skipLimit': 'Skip to the credit limit',
  'error.termsDays.OUT_OF_RANGE': 'Enter from {min} to {max} days.',
  'error.expectedDaysBeyondTerms.OUT_OF_RANGE': 'Enter from {min} to {max} days.',
  'error.grade.OUT_OF_RANGE': 'The customer’s grade is not one of the credit policy’s grades.',
  'error.expectedAnnualSales.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.expectedMonthlySales.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.openReceivables.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.openOrders.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.requestedAmount.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.ourAnnualSales.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.customerRevenue.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.insurerApprovedLimit.OUT_OF_RANGE': 'Enter an amount of 0 or more (below 10¹⁸).',
  'error.tangibleNetWorth.OUT_OF_RANGE': 'Enter an amount between −10¹⁸ and 10¹⁸.',
  'error.workingCapital.OUT_OF_RANGE': 'Enter an amount between −10¹⁸ and 10¹⁸.',
  // Credit terms section
  'app.skipTerms': 'Skip to the credit terms',
  // Credit insurance section
  'app.skipInsurance': 'Skip to the credit insurance',
  // Overdue customer section
  'app.skipOverdue': 'Skip to the overdue customer',
};

export const messages = { en, 'zh-CN': {} };

/**
 * Every language but English comes as a file of its own beside each text module (i18n.zh.js
 * beside i18n.js, and so on), fetched the first time a page shows that language: a page in
 * English never downloads the Chinese texts (a fifth of the deal check's script). A text
 * module registers its loader here when it is imported; loadLocale(locale) runs every loader
 * registered so far for that language (each once; one that failed runs again next time) and
 * resolves when their texts are in. Until then, and if a file cannot be fetched, t() answers
 * in English. A text module names its part ('sections', 'letter', 'report', 'quote'), and
 * loadLocale(locale, parts) then runs only those parts' loaders (and this module's): the
 * element's bundle carries every mode's texts, and a quote in Chinese needs none of the deal
 * sections' files (17 KB gzipped), nor the deal check the quote's.
 */
const loaders = [ // { locale, load, part, loading }; this module's own first (every part needs it)
  { locale: 'zh-CN', load: () => import('./i18n.zh.js').then((m) => addMessages({ 'zh-CN': m.default })), part: null, loading: null },
];

export function addLocale(locale, load, part = null) {
  loaders.push({ locale, load, part, loading: null });
}

/** The language's texts: of every module imported so far, or (`parts`) only of those parts. */
export function loadLocale(locale, parts = null) {
  const wanted = (l) => l.locale === locale && (parts === null || l.part === null || parts.includes(l.part));
  return Promise.all(loaders.filter(wanted).map((l) => {
    l.loading ??= l.load().catch((e) => {
      l.loading = null;
      throw e;
    });
    return l.loading;
  })).then(() => undefined);
}

/**
 * Adds a module's texts (e.g. i18n-sections.js, the deal sections'): the quote page loads
 * only the texts above and its own, not the deal check's. A key already here is kept.
 * Also how a language's file adds its texts (loadLocale).
 */
export function addMessages(more) {
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(more[locale] ?? {})) messages[locale][key] ??= text;
  }
}

/** The text for `key` in `locale` with {placeholders} filled; English, then the key, as fallbacks. */
export function t(locale, key, vars = {}) {
  const template = messages[locale]?.[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** Whether there is a text for `key`: in `locale`, or in English while its texts are missing. */
export function has(locale, key) {
  return key in (messages[locale] ?? {}) || key in en;
}

/** The user's language: a saved choice, else the browser's, else English. */
export function detectLocale(saved, navigatorLanguages = []) {
  if (LOCALES.includes(saved)) return saved;
  for (const lang of navigatorLanguages) {
    if (/^zh\b/i.test(lang)) return 'zh-CN';
    if (/^en\b/i.test(lang)) return 'en';
  }
  return 'en';
}

/** One engine problem ({ code, field, message, min, max, allowed }) in the user's language. */
export function problemText(locale, problem) {
  const leaf = String(problem.field ?? '').replace(/^.*\./, '');
  const specific = `error.${leaf}.${problem.code}`;
  if (leaf && has(locale, specific)) return t(locale, specific, problem);
  if (problem.code === 'OUT_OF_RANGE') {
    const { min, max } = problem;
    if (min != null && max != null) return t(locale, 'error.OUT_OF_RANGE.between', { min, max });
    if (min != null) return t(locale, 'error.OUT_OF_RANGE.min', { min });
    if (max != null) return t(locale, 'error.OUT_OF_RANGE.max', { max });
  }
  if (problem.code === 'NOT_ONE_OF') {
    return t(locale, 'error.NOT_ONE_OF', { allowed: (problem.allowed ?? []).join(locale === 'zh-CN' ? '、' : ', ') });
  }
  if (problem.code === 'TOO_LONG' && problem.max != null) return t(locale, 'error.TOO_LONG.max', { max: problem.max });
  const key = `error.${problem.code}`;
  if (has(locale, key)) return t(locale, key);
  return t(locale, 'error.other', { message: problem.message ?? problem.code });
}
