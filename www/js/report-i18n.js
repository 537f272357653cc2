// The printed credit report's own words, in English and Simplified Chinese. Labels the deal
// check already has (ratios, factors, methods, decisions …) come from i18n.js, so the report
// and the screen say the same thing; only what the report alone says is here.

import { addLocale } from './i18n.js';

const en = {
  kind: 'Credit report',
  title: 'Credit report: {name}',
  'name.none': 'customer name not given',
  notGiven: 'not given',
  policy: 'Credit policy',
  generated: 'Generated on',
  heading: '{n}. {title}',
  withDetail: '{main} ({detail})',
  range: '{low} to {high}',
  notCalculated: 'Not calculated.',
  'notCalculated.problem': 'Not calculated: {problem}',
  'notCalculated.field': 'Not calculated: the entry {field} needs correcting. {problem}',
  'notCalculated.noScore': 'Not calculated: there is no valid customer score (see section 2).',
  'col.value': 'Value',

  'section.basic': 'Basic information',
  'section.score': 'Score and grade',
  'section.reasons': 'Reasons for the score',
  'section.financials': 'Financial analysis',
  'section.payments': 'Payment records',
  'section.legal': 'Legal records',
  'section.limit': 'Credit limit',
  'section.terms': 'Terms compared',
  'section.insurance': 'Credit insurance estimate',
  'section.overdue': 'Overdue invoices',

  'basic.reference': 'Customer reference',
  'basic.bureau': '{score} on a scale from {min} to {max}',

  'score.score': 'Score',
  'score.of100': '{score} of 100',
  'score.grade': 'Grade',
  'score.gradeOf': '{grade} of {of} (1 is the best)',
  'score.missing': 'Factors without data',
  'score.missing.none': 'none: every factor has data',

  'reasons.reason': 'Reason (at most four, by points lost)',
  'reasons.pointsLost': 'Points lost',

  'fin.figure': 'Figure',
  'fin.entered': 'Figures entered ({currency})',
  'fin.currencyAsEntered': 'in the currency and unit entered',
  'fin.latest': 'Latest period',
  'fin.previous': 'Previous period',
  'altman.components': 'Altman components',
  'altman.component': 'Component',
  'altman.ratio': 'Ratio',
  'altman.coefficient': 'Coefficient',
  'altman.contribution': 'Contribution',

  'pay.index': 'Payment index, recent payments weighted more',
  'pay.indexUnweighted': 'Payment index, all payments alike',
  'pay.sharePaidLate': 'Share of the amount paid late',
  'pay.source': 'Based on',
  'pay.source.experiences': 'single invoices',
  'pay.source.summary': 'a summary of the payment record',
  'pay.invoices': 'Invoices (amounts as entered)',
  'pay.col.amount': 'Amount',
  'pay.col.days': 'Days beyond terms',
  'pay.col.index': 'Index value',
  'pay.col.note': 'Counted',
  'pay.open': 'still open',
  'pay.counted': 'yes',
  'excluded.NOT_YET_DUE': 'not yet due: not counted',
  'excluded.OLDER_THAN_LOOKBACK': 'older than the look-back period: not counted',

  'legal.notChecked': 'Legal records were not checked.',
  'legal.col.amount': 'Amount',
  'legal.col.status': 'Status',
  'legal.col.age': 'Age (months)',
  'legal.col.severity': 'Severity',
  'legal.col.weighted': 'Weighted severity',
  'legal.resolved': 'resolved',
  'legal.unresolved': 'unresolved',
  'legal.total': 'Total weighted severity',
  'legal.effect': 'Effect on the score',
  'legal.effect.points': 'legal-records factor {points} of 100 points, {lost} points of the score lost',
  'legal.howWeighted': 'Each record’s severity is weighted down as it ages and when it is resolved; an unresolved insolvency filing puts the customer in the worst grade.',

  binding: '{method} ({tag})',
  'limit.recommended': 'Recommended limit',
  'limit.bindingMethod': 'Binding method',
  'limit.request.why': 'Why',
  'limit.request.none': 'No amount was requested.',

  'terms.caption': 'Each option over a year of sales to the customer',
  'terms.option': 'Option {n}: {description}',
  'terms.best': '{option} ({tag})',
  'terms.col.option': 'Option',
  'terms.col.daysOutstanding': 'Days outstanding',
  'terms.col.carryingCost': 'Carrying cost a year',
  'terms.col.expectedLoss': 'Expected loss a year',
  'terms.col.discountCost': 'Discount cost a year',
  'terms.col.netContribution': 'Net contribution a year',
  'terms.col.totalCost': 'Total cost a year',
  'discount.terms': 'Terms',
  'discount.perYear': '{rate} a year ({basis}-day year)',

  'ins.premium': 'Indicative premium a year',
  'ins.rate': 'Premium rate',
  'ins.rate.value': '{rate} of the insured sales',
  'ins.rate.minimum': '{rate} of the insured sales; {effective} with the insurer’s minimum premium',
  'ins.minimum': 'The insurer’s minimum premium, which applies',
  'ins.turnover': 'Insured sales a year',
  'ins.indemnity': 'Indemnity (share of a loss paid)',
  'ins.payout.how': 'How it is worked out',

  'od.step.due': '{action}, due since {date} (claim {claim})',
  'od.step.upcoming': '{action} on {date} (claim {claim} by then)',
  'od.next': 'Next dunning step',
  'od.next.none': 'none: every step is due',
  'od.bestRoute': 'Recovery',

  footer: 'Computed in the browser from the figures entered, with the credit policy named above. Indicative: not a credit decision, an offer or an insurance quote.',
  'footer.line': 'Credit policy {policy} · as of {asOf} · generated on {generated}',
};

export const reportMessages = { en };
addLocale('zh-CN', () => import('./report-i18n.zh.js').then((m) => { reportMessages['zh-CN'] = m.default; }), 'report');

/** The report's text for `key` in `locale` with {placeholders} filled; English, then the key, as fallbacks. */
export function rt(locale, key, vars = {}) {
  const template = reportMessages[locale]?.[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}
