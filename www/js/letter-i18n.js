// The printed reminder letter's own words (js/letter.js) and the overdue section's words for
// it (the "Print letter" buttons, the customer-name hint), in English and Simplified Chinese.
// What the screen already says (the step names, the invoice columns) comes from i18n.js, so
// the letter and the ladder name things alike; only what the letter alone says is here.
// Square brackets mark what the credit controller fills in before sending.

import { addLocale } from './i18n.js';

const en = {
  print: 'Print letter',
  'print.named': 'Print letter: {step}',
  'hint.name': 'Used in the reminder letters. Empty: the customer name of the score section.',

  sender: '[Your company]',
  'sender.address': '[Address, telephone, e-mail]',
  'recipient.address': '[Customer’s address]',
  'subject.reminder': 'Friendly reminder: overdue invoices',
  'subject.formalLetter': 'Formal payment demand: overdue invoices',
  'subject.finalNotice': 'Final notice: overdue invoices',
  'subject.stopCredit': 'Credit stopped and deliveries held: overdue invoices',
  'subject.agencyOrLegal': 'Collection proceedings: overdue invoices',
  subject: '{step}: overdue invoices',
  salutation: 'Dear {name},',
  'salutation.none': 'Dear customer,',

  'body.reminder': 'According to our records, the invoices listed below are past their due date. This may well be an oversight: please arrange payment of the total below within the next few days. If you have paid in the meantime, please disregard this letter.',
  'body.formalLetter': 'Despite our reminder, the invoices listed below are still unpaid. We formally ask you to pay the total below without further delay.',
  'body.finalNotice': 'This is our final notice. Despite our earlier letters, the invoices listed below are still unpaid. The total below now includes the statutory interest for late payment and the fixed compensation for our recovery costs. Unless it reaches us promptly, we will take further steps without further notice.',
  'body.stopCredit': 'As the invoices listed below are still unpaid, we have stopped further credit on your account and are holding deliveries until the total below has been paid.',
  'body.agencyOrLegal': 'As the invoices listed below are still unpaid despite our letters, we are passing the matter to a collection agency or to court. To avoid further costs, please pay the total below at once.',
  body: 'The invoices listed below are past their due date. Please pay the total below.',
  figures: 'In short: {figures}',

  caption: 'Invoices claimed on {date}',
  'col.outstanding': 'Outstanding',
  'total.principal': 'Principal outstanding',
  'total.interest': 'Interest for late payment to {date}',
  'total.compensation': 'Fixed compensation for recovery costs',
  'total.total': 'Total due',

  legal: 'Legal basis: {basis}',
  pay: 'Please pay {total} to the account below, quoting the invoice numbers:',
  bank: '[bank details]',
  questions: 'If you dispute any of these invoices, or cannot pay in full, please contact us at once so that we can agree on a way forward.',
  closing: 'Yours sincerely,',
  'closing.2': '',
  signature: '[Name, credit control]',
  footer: 'Figures as of {asOf} · credit policy {version}',
};

export const letterMessages = { en };
addLocale('zh-CN', () => import('./letter-i18n.zh.js').then((m) => { letterMessages['zh-CN'] = m.default; }), 'letter');

/** A letter string in the locale (English when the locale lacks it), with {vars} filled in. */
export function lt(locale, key, vars = {}) {
  const template = letterMessages[locale]?.[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** Whether the letter has its own words for this key (a policy may name steps of its own). */
export function hasLetterText(locale, key) {
  return key in (letterMessages[locale] ?? en) || key in en;
}
