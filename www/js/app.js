// The deal-check page. Data flows one way: form → plain input object → engine → render.
// Every field is saved locally as it is typed and restored on reload; an invalid field is
// marked with the engine's message in the current language while the others keep their
// values; an engine failure shows a message, never a dead page.
import { call } from './engine.js';
import * as fmt from './format.js';
import { detectLocale, problemText, t } from './i18n.js';
import { startInsuranceView } from './insurance-view.js';
import { startLimitView } from './limit-view.js';
import { startOverdueView } from './overdue-view.js';
import { startScoreView } from './score-view.js';
import { startTermsView } from './terms-view.js';

const STORE_KEY = 'credit-calculator:discount:v1';
const LOCALE_KEY = 'credit-calculator:locale';
const FIELDS = ['discountPercent', 'discountDays', 'netDays', 'dayBasis', 'invoiceAmount', 'currency', 'invoiceDate'];
const NUMERIC = new Set(['discountPercent', 'discountDays', 'netDays', 'invoiceAmount']);

const $ = (id) => document.getElementById(id);
const storage = {
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Private mode or a full quota: the page works on, it only cannot remember.
    }
  },
};

let locale = detectLocale(storage.get(LOCALE_KEY), navigator.languages ?? [navigator.language]);
let outcome = null; // { ok: true, value } | { ok: false, error } of the latest calculation
let computing = 0;
let firstResultMarked = false;

function readForm() {
  const input = {};
  for (const name of FIELDS) {
    const raw = $(name).value;
    const value = NUMERIC.has(name) ? fmt.decimalText(raw) : raw || null;
    if (value !== null) input[name] = value;
  }
  return input;
}

function restoreForm() {
  let saved;
  try {
    saved = JSON.parse(storage.get(STORE_KEY) ?? 'null');
  } catch {
    saved = null;
  }
  if (!saved || typeof saved !== 'object') return;
  for (const name of FIELDS) {
    if (typeof saved[name] === 'string') $(name).value = saved[name];
  }
}

function saveForm() {
  const values = Object.fromEntries(FIELDS.map((name) => [name, $(name).value]));
  storage.set(STORE_KEY, JSON.stringify(values));
}

async function recalculate() {
  const ticket = ++computing;
  const result = await call('discountCost', readForm());
  if (ticket !== computing) return; // a newer keystroke's result is on its way
  outcome = result;
  renderOutcome();
  if (result.ok && !firstResultMarked) {
    firstResultMarked = true;
    performance.mark('first-result');
    document.documentElement.dataset.ready = 'true';
  }
}

function translateStatic() {
  document.documentElement.lang = locale;
  document.title = `${t(locale, 'app.title')} · ${t(locale, 'discount.title')}`;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(locale, el.dataset.i18n);
  $('locale').value = locale;
}

function setText(id, text) {
  $(id).textContent = text;
}

function clearFieldErrors() {
  for (const name of FIELDS) {
    $(name).removeAttribute('aria-invalid');
    setText(`${name}-error`, '');
  }
}

function renderOutcome() {
  clearFieldErrors();
  const section = $('discount-result');
  if (!outcome) {
    setText('discount-status', t(locale, 'engine.loading'));
    return;
  }
  if (!outcome.ok) {
    section.classList.add('stale');
    const { error } = outcome;
    let unplaced = null;
    for (const problem of error.errors.length ? error.errors : [error]) {
      const name = String(problem.field ?? '');
      if (FIELDS.includes(name)) {
        $(name).setAttribute('aria-invalid', 'true');
        if (!$(`${name}-error`).textContent) setText(`${name}-error`, problemText(locale, problem));
      } else {
        unplaced ??= problem;
      }
    }
    const status = error.code === 'ENGINE_FAILED'
      ? t(locale, 'engine.failed')
      : unplaced ? problemText(locale, unplaced) : t(locale, 'result.fix');
    setText('discount-status', status);
    for (const id of ['terms-label', 'discount-sentence', 'discount-advice', 'how-simple', 'how-effective']) setText(id, '');
    for (const id of ['simpleAnnualRate', 'effectiveAnnualRate', 'discountAmount', 'amountIfDiscounted', 'discountDueDate', 'netDueDate']) setText(id, '—');
    return;
  }
  section.classList.remove('stale');
  renderDiscount(outcome.value);
}

function renderDiscount(r) {
  const discount = fmt.percent(r.discountRate, locale, significantPercentDigits(r.discountRate));
  const simple = fmt.percent(r.simpleAnnualRate, locale);
  const effective = r.effectiveAnnualRate === null ? null : fmt.percent(r.effectiveAnnualRate, locale);
  setText('discount-status', '');
  setText('terms-label', t(locale, 'terms.label', { d: discount, D: r.discountDays, N: r.netDays }));
  setText(
    'discount-sentence',
    effective === null
      ? t(locale, 'result.sentenceNoEffective', { d: discount, days: r.extraDays, simple })
      : t(locale, 'result.sentence', { d: discount, days: r.extraDays, simple, effective }),
  );
  setText('discount-advice', t(locale, 'result.advice', { simple }));
  setText('simpleAnnualRate', simple);
  setText('effectiveAnnualRate', effective ?? t(locale, 'result.effectiveTooLarge'));
  setText('how-simple', t(locale, 'result.howSimple', { d: discount, basis: r.dayBasis, days: r.extraDays, simple }));
  setText(
    'how-effective',
    t(locale, 'result.howEffective', {
      period: fmt.number(r.periodRate, locale, 6),
      days: r.extraDays,
      effective: effective ?? t(locale, 'result.effectiveTooLarge'),
    }),
  );
  const inv = r.invoice;
  const currency = inv?.currency ?? null;
  setText('discountAmount', fmt.money(inv?.discountAmount, currency, locale));
  setText('amountIfDiscounted', fmt.money(inv?.amountIfDiscounted, currency, locale));
  setText('discountDueDate', fmt.date(inv?.discountDueDate, locale));
  setText('netDueDate', fmt.date(inv?.netDueDate, locale));
  $('discount-result').classList.toggle('has-amount', Boolean(inv?.amount));
  $('discount-result').classList.toggle('has-date', Boolean(inv?.invoiceDate));
  setText('policy-version', t(locale, 'policy.version', { version: r.policyVersion }));
}

/** Enough percent decimals to show a discount such as 1.5 % or 0.25 % exactly (at most 4). */
function significantPercentDigits(fraction) {
  const decimals = (String(fraction).split('.')[1] ?? '').length;
  return Math.min(4, Math.max(0, decimals - 2));
}

function start() {
  performance.mark('app-start');
  restoreForm();
  translateStatic();
  renderOutcome();
  // The limit and terms sections listen for the score section's `score-result` events, and the
  // insurance section for those and the limit's `limit-result` events, the overdue section for
  // the score's: start them first.
  const limitView = startLimitView({ locale, storage });
  const termsView = startTermsView({ locale, storage });
  const insuranceView = startInsuranceView({ locale, storage });
  const overdueView = startOverdueView({ locale, storage });
  const scoreView = startScoreView({ locale, storage });
  $('discount-form').addEventListener('input', () => {
    saveForm();
    recalculate();
  });
  $('discount-form').addEventListener('submit', (e) => e.preventDefault());
  $('locale').addEventListener('change', () => {
    locale = $('locale').value;
    storage.set(LOCALE_KEY, locale);
    translateStatic();
    renderOutcome();
    scoreView.setLocale(locale);
    limitView.setLocale(locale);
    termsView.setLocale(locale);
    insuranceView.setLocale(locale);
    overdueView.setLocale(locale);
  });
  recalculate();
}

start();
