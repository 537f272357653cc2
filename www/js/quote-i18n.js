// The quote section's own words (www/parts/quote.html's data-q nodes, the result, the
// prospect's problems) and the quote page's title, in English and Simplified Chinese. Engine
// problems the quote words itself (the turnover and the losses, which a prospect types) are
// here; every other problem goes through the shared `problemText` of i18n.js. The language
// itself is the <credit-calculator> element's, as on every page.
import { addLocale, problemText } from './i18n.js';

const en = {
  'page.title': 'Trade credit insurance: your indicative premium',
  'page.tagline': 'Six quick questions for an indicative yearly premium, worked out on this page.',
  'privacy': 'Everything is calculated on this page. Nothing you enter is sent anywhere.',
  'privacy.kept': 'Your answers are kept only in this browser, so they are still here when you come back.',
  'privacy.clear': 'Clear my answers',
  'noscript': 'This page works out your premium in your browser and needs JavaScript.',

  'questions.title': 'About your business',

  'q.turnover': 'How much do you sell on credit in a year?',
  'q.turnover.hint': 'Your yearly sales to business customers on payment terms, for example 2,000,000.',
  'q.currency': 'Currency',
  'q.sector': 'What does your business do?',
  'q.sector.hint': 'The closest sector. It sets the starting rate.',
  'q.sector.other': 'Other or not sure',
  'q.where': 'Where are your customers?',
  'q.where.hint': 'Customers in riskier countries cost more to insure.',
  'q.where.home': 'Mostly in my own country',
  'q.where.oecd': 'Mostly in Europe, North America or other high-income countries',
  'q.where.mix': 'A mix, including emerging markets',
  'q.where.emerging': 'Mostly in emerging markets',
  'q.buyers': 'How many business customers buy from you on credit?',
  'q.buyers.hint': 'More customers spread the risk, which lowers the rate.',
  'q.buyers.1-5': '1 to 5',
  'q.buyers.6-20': '6 to 20',
  'q.buyers.21-100': '21 to 100',
  'q.buyers.101-500': '101 to 500',
  'q.buyers.500+': 'More than 500',
  'q.terms': 'How long do you usually give them to pay?',
  'q.terms.hint': 'Your usual payment terms.',
  'q.terms.days': '{n} days',
  'q.losses': 'How much do unpaid invoices cost you in an average year?',
  'q.losses.hint': 'Your average yearly bad debt over the last three years. Enter 0 if you had none; leave it empty if you do not know.',
  'q.country': 'Where is your company based? (optional)',
  'q.country.hint': 'For the insurance premium tax; if your customers are mostly local, also for their country risk.',
  'q.country.unknown': 'Not sure',
  // The policyholder countries the question offers, named here rather than by
  // Intl.DisplayNames, whose first use (about 15 ms, ICU data) sat on the page's cold start.
  'q.country.GB': 'United Kingdom',
  'q.country.DE': 'Germany',
  'q.country.FR': 'France',
  'q.country.IT': 'Italy',
  'q.country.ES': 'Spain',
  'q.country.NL': 'Netherlands',
  'q.country.CN': 'China',
  'q.country.US': 'United States',
  'q.country.SG': 'Singapore',
  'q.country.HK': 'Hong Kong',

  'result.title': 'Your indicative premium',
  'result.offer': 'Indicative estimate, not an offer. Actual premiums depend on the insurer’s underwriting.',
  'result.perYear': 'Premium per year',
  'result.range': '{low} – {high}',
  'result.point': 'Most likely about {premium} a year: {rate} of the sales you insure.',
  'result.minimum': 'This is the insurer’s minimum premium of {minimum} a year.',
  'result.covers': 'What it covers',
  'result.indemnity': 'Share of an insured loss paid to you',
  'result.maxLiability': 'Most the insurer pays in a year',
  'result.costs': 'What it costs you a year',
  'result.premium': 'Premium (most likely)',
  'result.fees': 'Customer monitoring fees',
  'result.tax': 'Insurance premium tax ({rate})',
  'result.taxNone': 'Insurance premium tax',
  'result.taxNotIncluded': 'not included',
  'result.total': 'Total a year, with fees and tax',
  'result.badDebt': 'Your bad debt, with and without cover',
  'result.expected': 'Expected bad debt a year',
  'result.kept': 'What you would still bear with cover',
  'result.breakEven': 'The cover pays for itself once losses exceed',
  'result.summary': 'In short',
  'result.how': 'How we estimated',
  'result.assumptions': 'What we assumed',
  'result.contact': 'Ask us for a firm quote',
  'result.contactHint': 'A plain link: nothing you entered goes with it.',
  'result.version': 'Rating tables {version}',

  'peek.label': 'Indicative premium a year',
  'status.loading': 'Starting the calculator…',
  'status.ready': 'Indicative premium {low} to {high} a year.',
  'status.start': 'Enter your yearly sales on credit (question 1) to see your estimate.',
  'status.fix': 'Correct the marked answer to see your estimate.',
  'status.failed': 'The calculator stopped unexpectedly and has been restarted. Your answers are kept; please try again.',

  'how.base': 'Starting rate for your sector (risk class {class}): {rate}',
  'how.baseAverage': 'Starting rate for an average sector (risk class 3): {rate}',
  'how.factor': '{driver}{detail}: × {factor}',
  'how.detail': ' ({text})',
  'how.rate': 'Rate: {rate} of the sales you insure',
  'driver.country': 'Where your customers are',
  'driver.terms': 'Payment terms',
  'driver.buyerQuality': 'Your customers’ credit grades',
  'driver.lossHistory': 'Your bad-debt record',
  'driver.spread': 'Number of customers',
  'driver.indemnity': 'Share of a loss insured',
  'driver.firstLoss': 'Losses you keep first',
  'detail.country': 'average OECD risk category {n}',
  'detail.terms': '{n} days',
  'detail.lossHistory': '{p} of sales a year',
  'detail.spread': 'about {n}',
  'detail.indemnity': '{p}',
  'detail.firstLoss': '{p} of sales',
  'detail.none': 'none',
  'detail.notAsked': 'not asked here',
  'detail.notGiven': 'not given',

  'assumption.SECTOR_AVERAGE': 'Your sector is taken as average (risk class 3).',
  'assumption.BUYERS_COUNTRIES_NOT_GIVEN': 'Your customers’ countries are taken as average risk.',
  'assumption.PREMIUM_TAX_NOT_GIVEN': 'Insurance premium tax is not included: choose where your company is based to add it.',
  'assumption.PREMIUM_TAX_UNKNOWN': 'The insurance premium tax of your country is not known to us and is not included.',
  'assumption.EXPECTED_LOSS_FROM_PD': 'Your expected bad debt is estimated from an average default rate, as you gave no loss figure.',
  'assumption.EXCESS_PER_CLAIM_NOT_PRICED': 'An excess per claim is not priced in.',
  'assumption.NO_FEE_FOR_CURRENCY': 'Monitoring fees are not known for this currency.',
  'assumption.HOME_HIGH_INCOME': 'Your home country is taken as a high-income OECD country: choose where your company is based to refine it.',
  'assumption.INDEMNITY': 'Standard cover: {p} of each insured loss, up to {multiple} times the premium a year.',

  'error.insuredTurnover.NOT_A_NUMBER': 'Enter an amount in figures, for example 2,000,000.',
  'error.insuredTurnover.OUT_OF_RANGE': 'Enter an amount above zero.',
  'error.insuredTurnover.OUT_OF_RANGE.max': 'Enter an amount above zero and below {max}.',
  'error.badDebtLosses.NOT_A_NUMBER': 'Enter an amount in figures, or 0 if you had none.',
  'error.badDebtLosses.OUT_OF_RANGE': 'Enter 0 or more.',
  'error.badDebtLosses.OUT_OF_RANGE.max': 'Enter an amount from 0 to {max}.',
};

export const quoteMessages = { en };
addLocale('zh-CN', () => import('./quote-i18n.zh.js').then((m) => { quoteMessages['zh-CN'] = m.default; }), 'quote');

/** The page's text for `key` in `locale` with {placeholders} filled; English, then the key, as fallbacks. */
export function qt(locale, key, vars = {}) {
  const template = quoteMessages[locale]?.[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/**
 * One engine problem in the prospect's words. The amounts a prospect types (turnover, losses)
 * have their own wording here, keyed by the field's name without its index
 * (`badDebtLosses[0]` → `badDebtLosses`); everything else is the shared `problemText`.
 * `formatMax` shows the engine's upper bound as a number of the locale.
 */
export function quoteProblemText(locale, problem, formatMax = (max) => max) {
  const leaf = String(problem.field ?? '').replace(/\[\d+\]$/, '').replace(/^.*\./, '');
  const key = `error.${leaf}.${problem.code}`;
  // An OUT_OF_RANGE without bounds is "too large to calculate with": the shared wording.
  const unbounded = problem.code === 'OUT_OF_RANGE' && problem.min == null && problem.max == null;
  if (key in en && !unbounded) {
    if (problem.code === 'OUT_OF_RANGE' && problem.max != null) {
      return qt(locale, `${key}.max`, { max: formatMax(problem.max) });
    }
    return qt(locale, key);
  }
  return problemText(locale, problem);
}
