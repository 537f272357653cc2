// The "Early-payment discount" section: form → DiscountCostInput → engine → render. Like the
// other sections it reads and writes only inside its own root (the element's shadow root),
// saves every field as it is typed and marks an invalid field with the engine's message.
import * as fmt from './format.js';
import { problemText, t } from './i18n.js';
import './i18n-sections.js'; // the sections' texts
import { registerView } from './view-registry.js';

const STORE_KEY = 'credit-calculator:discount:v1';
const FIELDS = ['discountPercent', 'discountDays', 'netDays', 'dayBasis', 'invoiceAmount', 'currency', 'invoiceDate'];
const NUMERIC = new Set(['discountPercent', 'discountDays', 'netDays', 'invoiceAmount']);
const RESULT_IDS = ['simpleAnnualRate', 'effectiveAnnualRate', 'discountAmount', 'amountIfDiscounted', 'discountDueDate', 'netDueDate'];
const SENTENCE_IDS = ['terms-label', 'discount-sentence', 'discount-advice', 'how-simple', 'how-effective'];

/** Enough percent decimals to show a discount such as 1.5 % or 0.25 % exactly (at most 4). */
function significantPercentDigits(fraction) {
  const decimals = (String(fraction).split('.')[1] ?? '').length;
  return Math.min(4, Math.max(0, decimals - 2));
}

export function startDiscountView(ctx) {
  const { storage, $, call } = ctx;
  let locale = ctx.locale;
  let outcome = null; // { ok: true, value } | { ok: false, error } of the latest calculation
  let computing = 0;

  const setText = (id, text) => {
    $(id).textContent = text;
  };

  function read() {
    const input = {};
    for (const name of FIELDS) {
      const raw = $(name).value;
      const value = NUMERIC.has(name) ? fmt.decimalText(raw) : raw || null;
      if (value !== null) input[name] = value;
    }
    return input;
  }

  function restore() {
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

  function save() {
    storage.set(STORE_KEY, JSON.stringify(Object.fromEntries(FIELDS.map((name) => [name, $(name).value]))));
  }

  async function recalculate() {
    const ticket = ++computing;
    const input = read();
    const result = await call('discountCost', input);
    if (ticket !== computing) return; // a newer keystroke's result is on its way
    outcome = result;
    render();
    ctx.report('discount', result, input);
    ctx.mark('discountReady');
  }

  function clearFieldErrors() {
    for (const name of FIELDS) {
      $(name).removeAttribute('aria-invalid');
      setText(`${name}-error`, '');
    }
  }

  function render() {
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
      for (const id of SENTENCE_IDS) setText(id, '');
      for (const id of RESULT_IDS) setText(id, '—');
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
    setText('discount-policy', t(locale, 'policy.version', { version: r.policyVersion }));
  }

  restore();
  render();
  const form = $('discount-form');
  form.addEventListener('input', () => {
    save();
    recalculate();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  recalculate();

  return {
    setLocale(next) {
      locale = next;
      render();
    },
  };
}

registerView('discount', startDiscountView);
