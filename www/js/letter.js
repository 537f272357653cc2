// The reminder letter of one dunning step, as a credit controller sends it: sender and
// recipient blocks, the step's date, a subject naming the step, the letter text, the invoices
// claimed with the principal, the interest to that date, the fixed compensation and the total,
// the legal basis, how to pay, and a footer with the as-of date and the credit policy.
// Everything is the engine's overduePlan result: amounts are its decimal strings and dates its
// ISO dates, formatted with Intl (format.js). The only arithmetic here is the days between an
// invoice's due date and the letter's date. Built with createElement and textContent (dom.js
// `el`), never parsed from HTML: the customer's name and the invoice numbers are typed data.
// On screen the letter is never shown (css/letter.css); the overdue section hands it to
// ctx.print, which shows it alone in print.
import * as fmt from './format.js';
import { el } from './dom.js';
import { has, t } from './i18n.js';
import './i18n-sections.js'; // the sections' texts
import { hasLetterText, lt } from './letter-i18n.js';

const DAY_MS = 86400000;

/** A YYYY-MM-DD date as a day count (days since 1970-01-01, in UTC: no time-zone shift). */
function dayNumber(iso) {
  const [y, m, d] = String(iso).split('-').map(Number);
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y); // years 0001–0099 stay themselves
  return Math.round(date.getTime() / DAY_MS);
}

/** Whole days from `from` to `to` (YYYY-MM-DD), never below 0; null for a missing date. */
function daysBetween(from, to) {
  if (!from || !to) return null;
  return Math.max(0, dayNumber(to) - dayNumber(from));
}

/** An engine decimal string that is zero ("0", "0.00", "-0.00"). */
const isZero = (text) => /^[+-]?0*(\.0*)?$/.test(String(text ?? ''));

/**
 * The claimed invoices with their due dates and outstanding amounts: each number of the claim
 * matched, in order, to the plan's undisputed invoices (the claim keeps the input order, so
 * two invoices with one number still pair up one to one).
 */
function claimedInvoices(plan, step) {
  const pool = (plan.invoices ?? []).filter((i) => !i.disputed);
  const used = new Set();
  let from = 0;
  return (step.claim?.invoices ?? []).map((number) => {
    let at = pool.findIndex((i, k) => k >= from && !used.has(k) && i.number === number);
    if (at < 0) at = pool.findIndex((i, k) => !used.has(k) && i.number === number);
    if (at < 0) return { number, dueDate: null, outstanding: null };
    used.add(at);
    from = at + 1;
    return pool[at];
  });
}

/** The step's name as the ladder shows it; a step a company policy adds keeps its own name. */
export function stepName(action, locale) {
  const key = `od.action.${action}`;
  return has(locale, key) || has('en', key) ? t(locale, key) : String(action);
}

/** The letter's subject: "Final notice: overdue invoices". */
export function letterSubject(action, locale) {
  const key = `subject.${action}`;
  return hasLetterText(locale, key) ? lt(locale, key) : lt(locale, 'subject', { step: stepName(action, locale) });
}

/** Lines of a block (an address), one span each; empty lines are left out. */
const lines = (cls, ...texts) => el('p', { class: cls }, ...texts
  .filter((text) => text)
  .map((text) => el('span', { class: 'letter-line', text })));

/**
 * The letter of one step of an overduePlan result, in `locale` ("en" | "zh-CN"):
 * an `<article class="letter">`. `input` is the OverdueInput the plan was worked out from (its
 * `name` is the customer's); null when unknown.
 */
export function buildLetter(plan, step, input, locale) {
  const w = (key, vars) => lt(locale, key, vars);
  const money = (amount) => fmt.money(amount, plan.currency ?? null, locale);
  const date = (iso) => fmt.date(iso, locale);
  const claim = step.claim ?? {};
  const name = typeof input?.name === 'string' ? input.name.trim() : '';
  const subject = letterSubject(step.action, locale);
  const bodyKey = `body.${step.action}`;
  const figures = fmt.localized(step.letter, locale);
  const basis = fmt.localized(plan.legalBasis, locale);

  const head = (text, cls) => el('th', { scope: 'col', class: cls, text });
  const total = (cls, label, amount) => el('tr', { class: cls },
    el('th', { scope: 'row', colspan: '3', text: label }),
    el('td', { class: 'num', text: money(amount) }));
  const table = el('table', { class: 'letter-invoices' },
    el('caption', { text: w('caption', { date: date(step.date) }) }),
    el('thead', {}, el('tr', {},
      head(t(locale, 'od.row.number')),
      head(t(locale, 'od.col.dueDate')),
      head(t(locale, 'od.col.bucket'), 'num'),
      head(w('col.outstanding'), 'num'))),
    el('tbody', {}, ...claimedInvoices(plan, step).map((inv) => {
      const days = daysBetween(inv.dueDate, step.date);
      return el('tr', {},
        el('th', { scope: 'row', class: 'letter-number', text: inv.number }),
        el('td', { class: 'date', text: date(inv.dueDate) }),
        el('td', { class: 'num', text: days === null ? '—' : fmt.number(days, locale, 0) }),
        el('td', { class: 'num', text: money(inv.outstanding) }));
    })),
    el('tfoot', {},
      total('letter-principal', w('total.principal'), claim.principal),
      total('letter-interest', w('total.interest', { date: date(step.date) }), claim.interest),
      isZero(claim.compensation) ? null : total('letter-compensation', w('total.compensation'), claim.compensation),
      total('letter-total', w('total.total'), claim.total)));

  return el('article', { class: 'letter', lang: locale, 'data-action': step.action },
    el('header', { class: 'letter-head' },
      lines('letter-sender', w('sender'), w('sender.address')),
      lines('letter-recipient', name, w('recipient.address')),
      el('p', { class: 'letter-date' }, el('time', { datetime: step.date, text: date(step.date) }))),
    el('h1', { class: 'letter-subject', text: subject }),
    el('p', { class: 'letter-salutation', text: name ? w('salutation', { name }) : w('salutation.none') }),
    el('p', { class: 'letter-body', text: hasLetterText(locale, bodyKey) ? w(bodyKey) : w('body') }),
    figures ? el('p', { class: 'letter-figures', text: w('figures', { figures }) }) : null,
    table,
    basis ? el('p', { class: 'letter-legal', text: w('legal', { basis }) }) : null,
    el('p', { class: 'letter-pay', text: w('pay', { total: money(claim.total) }) }),
    el('p', { class: 'letter-bank', text: w('bank') }),
    el('p', { class: 'letter-questions', text: w('questions') }),
    lines('letter-closing', w('closing'), w('closing.2')),
    el('p', { class: 'letter-signature', text: w('signature') }),
    el('footer', { class: 'letter-footer', text: w('footer', { asOf: date(plan.asOf), version: plan.policyVersion ?? '—' }) }));
}
