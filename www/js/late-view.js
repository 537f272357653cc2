// The late-payment interest calculator inside the "Credit terms" section. One way, like the
// sections: form → plain LateInterestInput → engine → render. Only the fields of the chosen
// jurisdiction are shown and sent; the others keep what was typed. Its fields are saved with
// the terms section's (terms-view.js passes `saved` and `save`). Rates typed in percent become
// fractions by moving the decimal point on the digits; every figure shown is an engine decimal
// string formatted with Intl.
import * as fmt from './format.js';
import { problemText, t } from './i18n.js';
import './i18n-sections.js'; // the sections' texts
import { el, regionNames, whenIdle, writeText, patch } from './dom.js';

const JURISDICTIONS = ['EU', 'UK', 'CN', 'US', 'custom'];
const CURRENCIES = ['CNY', 'EUR', 'USD', 'GBP', 'HKD', 'JPY', 'SGD', 'CHF'];

/** `for`: the jurisdictions that show (and send) the field. */
const FIELDS = [
  { id: 'late-jurisdiction', path: 'jurisdiction', kind: 'select', values: JURISDICTIONS, valueKey: 'late.jurisdiction.', label: 'late.jurisdiction', hint: 'late.hint.jurisdiction', initial: 'EU' },
  { id: 'late-country', path: 'country', kind: 'country', label: 'late.country', hint: 'late.hint.country', for: ['EU'] },
  { id: 'late-currency', path: 'currency', kind: 'select', values: CURRENCIES, label: 'late.currency', initial: 'CNY', for: ['custom'] },
  { id: 'late-amount', path: 'amount', kind: 'decimal', label: 'late.amount', hint: 'late.hint.amount' },
  { id: 'late-dueDate', path: 'dueDate', kind: 'date', label: 'late.dueDate' },
  { id: 'late-paidDate', path: 'paidDate', kind: 'date', label: 'late.paidDate', hint: 'late.hint.paidDate' },
  { id: 'late-referenceRate', path: 'referenceRate', kind: 'percent', label: 'late.referenceRate', hint: 'late.hint.referenceRate', for: ['EU', 'UK', 'CN'] },
  { id: 'late-agreedRate', path: 'agreedRate', kind: 'percent', label: 'late.agreedRate', hint: 'late.hint.agreedRate', for: ['CN', 'US', 'custom'] },
  { id: 'late-fixedCompensation', path: 'fixedCompensation', kind: 'decimal', label: 'late.fixedCompensation', hint: 'late.hint.fixedCompensation', for: ['custom'] },
];

/**
 * Starts the calculator. `saved`: its fields as last saved (or null); `save(state)` stores
 * them. Returns `{ setLocale }`.
 */
export function startLateView({ locale: initialLocale, saved, save, $, call, mark, currency }) {
  /** A field's starting value; the host's `currency` attribute is the starting currency. */
  const initial = (spec) => (spec.path === 'currency' && CURRENCIES.includes(currency) ? currency : spec.initial);
  let locale = initialLocale;
  let policy = null;
  let outcome = null; // { ok, value } | { ok: false, error } | null while nothing is entered
  let sent = null; // the input that produced `outcome`
  let ticket = 0;

  const form = $('late-form');
  const controls = new Map(); // id → { input, block, spec }

  // ---- building the form ---------------------------------------------------------------

  for (const spec of FIELDS) {
    const { id } = spec;
    const described = [spec.hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
    let input;
    if (spec.kind === 'select') {
      input = el('select', { id, 'aria-describedby': described }, ...spec.values.map((v) => el('option', {
        value: v,
        'data-sk': spec.valueKey ? `${spec.valueKey}${v}` : null,
        text: spec.valueKey ? null : v,
      })));
    } else if (spec.kind === 'country') {
      input = el('select', { id, 'aria-describedby': described });
    } else {
      input = el('input', {
        id,
        type: spec.kind === 'date' ? 'date' : 'text',
        inputmode: spec.kind === 'date' ? null : 'decimal',
        min: spec.kind === 'date' ? '0001-01-01' : null,
        max: spec.kind === 'date' ? '9999-12-31' : null,
        'aria-describedby': described,
      });
    }
    const block = el('div', { class: 'field' },
      el('label', { for: id, 'data-sk': spec.label }),
      input,
      spec.hint ? el('p', { class: 'hint', id: `${id}-hint`, 'data-sk': spec.hint }) : null,
      el('p', { class: 'error', id: `${id}-error` }));
    form.querySelector('[data-fields="late"]').append(block);
    controls.set(id, { input, block, spec });
  }

  const jurisdiction = () => controls.get('late-jurisdiction').input.value;
  const applies = (spec) => !spec.for || spec.for.includes(jurisdiction());

  function syncVisibility() {
    for (const { block, spec } of controls.values()) block.hidden = !applies(spec);
  }

  /**
   * The country list waits until the browser is idle: its names come from Intl.DisplayNames,
   * whose first use cost 13 ms of the page's cold start. Until then a saved choice is kept in
   * the select's data-pending, which read() uses.
   */
  let countriesQueued = false;
  function fillCountries() {
    if (countriesQueued) return;
    countriesQueued = true;
    whenIdle(() => {
      countriesQueued = false;
      fillCountriesNow();
    });
  }

  /** The EU countries with a margin of their own in the policy, after "any other". */
  function fillCountriesNow() {
    const select = controls.get('late-country').input;
    const current = select.dataset.pending ?? select.value;
    const regions = regionNames(locale);
    const margins = policy?.latePayment?.eu?.countryMargins ?? [];
    const base = policy?.latePayment?.eu?.margin;
    const points = (fraction) => fmt.number(movePointRight(String(fraction)), locale, 2);
    select.replaceChildren(
      el('option', { value: '', text: base ? t(locale, 'late.country.other', { points: points(base) }) : t(locale, 'late.country.none') }),
      ...margins.map((c) => el('option', {
        value: c.country,
        text: t(locale, 'late.country.option', { name: regions?.of(c.country) ?? c.country, points: points(c.margin) }),
      })),
    );
    select.value = margins.some((c) => c.country === current) ? current : '';
    if (policy) delete select.dataset.pending;
  }

  /** "0.09" → "9": a fraction as percentage points, by moving the decimal point on the digits. */
  function movePointRight(text) {
    const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
    if (!m) return text;
    const frac = (m[3] ?? '').padEnd(2, '0');
    const int = `${m[2]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
    const rest = frac.slice(2);
    return `${m[1]}${int}${rest ? `.${rest}` : ''}`;
  }

  // ---- saving and restoring ---------------------------------------------------------------

  function state() {
    return Object.fromEntries([...controls].map(([id, { input }]) => [id, input.dataset.pending ?? input.value]));
  }

  function restore() {
    const fields = saved && typeof saved === 'object' ? saved : {};
    for (const [id, { input, spec }] of controls) {
      const v = typeof fields[id] === 'string' ? fields[id] : initial(spec) ?? '';
      if (spec.kind === 'select') input.value = spec.values.includes(v) ? v : initial(spec);
      else if (spec.kind === 'country') {
        if (v) input.dataset.pending = v;
      } else input.value = v;
    }
  }

  // ---- reading and calculating ------------------------------------------------------------------

  function read() {
    const input = {};
    for (const { input: c, spec } of controls.values()) {
      if (!applies(spec)) continue;
      let value;
      if (spec.kind === 'percent') value = fmt.percentToFraction(c.value);
      else if (spec.kind === 'decimal') value = fmt.decimalText(c.value);
      else value = (c.dataset.pending ?? c.value) || null;
      if (value !== null) input[spec.path] = value;
    }
    return input;
  }

  /** Nothing to work out until an amount or a date is entered: no errors on an untouched form. */
  function untouched() {
    return ['late-amount', 'late-dueDate', 'late-paidDate'].every((id) => !controls.get(id).input.value.trim());
  }

  async function recalculate() {
    const mine = ++ticket;
    if (!policy) {
      const loaded = await call('defaultPolicy');
      if (mine !== ticket) return;
      if (loaded.ok) {
        policy = loaded.value;
        fillCountries();
      }
    }
    if (untouched()) {
      outcome = null;
      sent = null;
      render();
      return;
    }
    const input = read();
    const result = await call('lateInterest', input);
    if (mine !== ticket) return; // a newer keystroke's result is on its way
    outcome = result;
    sent = input;
    render();
    mark('lateReady');
  }

  // ---- rendering ----------------------------------------------------------------------------

  function setText(id, text) {
    writeText($(id), text);
  }

  function translate() {
    for (const node of $('late').querySelectorAll('[data-sk]')) node.textContent = t(locale, node.dataset.sk);
    fillCountries();
  }

  function clearErrors() {
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    for (const node of form.querySelectorAll('.error')) node.textContent = '';
  }

  function setStatus(text, kind) {
    const status = $('late-status');
    status.className = `late-status ${kind}`;
    status.textContent = text;
  }

  function problemMessage(problem) {
    const key = `late.error.${problem.field}.${problem.code}`;
    const text = t(locale, key, problem);
    return text === key ? problemText(locale, problem) : text;
  }

  function render() {
    clearErrors();
    if (!outcome) {
      setStatus(t(locale, 'late.enter'), 'note');
      renderLate(null);
      return;
    }
    if (!outcome.ok) {
      const { error } = outcome;
      let unplaced = null;
      for (const problem of error.errors.length ? error.errors : [error]) {
        const entry = error.code === 'ENGINE_FAILED' ? null : controls.get(`late-${problem.field}`);
        if (entry && applies(entry.spec)) {
          entry.input.setAttribute('aria-invalid', 'true');
          const slot = $(`${entry.spec.id}-error`);
          if (!slot.textContent) slot.textContent = problemMessage(problem);
        } else {
          unplaced ??= problem;
        }
      }
      const status = error.code === 'ENGINE_FAILED'
        ? t(locale, 'engine.failed')
        : unplaced ? problemMessage(unplaced) : t(locale, 'result.fix');
      setStatus(status, 'problem');
      renderLate(null);
      return;
    }
    renderLate(outcome.value);
  }

  function renderLate(r) {
    $('late-result').classList.toggle('stale', !r);
    $('late-body').hidden = !r;
    if (!r) {
      for (const id of ['late-days', 'late-interest', 'late-fixed', 'late-total']) setText(id, '—');
      for (const id of ['late-segment-rows', 'late-notes', 'late-basis']) $(id).replaceChildren();
      return;
    }
    const money = (a) => fmt.money(a, r.currency, locale);
    // China without an agreed rate: the rate is per day, not per year.
    const perDay = r.jurisdiction === 'CN' && !sent?.agreedRate;
    setText('late-days', t(locale, 'late.days', { n: fmt.number(r.daysLate, locale, 0) }));
    setText('late-interest', money(r.interest));
    setText('late-fixed', money(r.fixedCompensation));
    setText('late-total', money(r.totalClaim));
    $('late-segments-wrap').hidden = !r.segments.length;
    patch($('late-segment-rows'), ...r.segments.map((s) => el('tr', {},
      el('th', { scope: 'row', class: 'date', text: t(locale, 'late.period', { from: fmt.date(s.from, locale), to: fmt.date(s.to, locale) }) }),
      el('td', { class: 'num', text: fmt.number(s.days, locale, 0) }),
      el('td', { class: 'reference', text: referenceText(s) }),
      el('td', { class: 'num', text: s.margin === null ? '—' : fmt.percentUpTo(s.margin, locale, 4) }),
      el('td', { class: 'num', text: perDay ? t(locale, 'late.perDay', { rate: fmt.percentUpTo(s.rate, locale, 4) }) : fmt.percentUpTo(s.rate, locale, 4) }),
      el('td', { class: 'num', text: money(s.interest) }))));
    patch($('late-notes'), ...r.notes.map((n) => el('li', { text: t(locale, `late.note.${n}`) })));
    setText('late-basis', fmt.localized(r.legalBasis, locale));
    setStatus(t(locale, 'late.status', { total: money(r.totalClaim), interest: money(r.interest), fixed: money(r.fixedCompensation) }), 'quiet');
  }

  function referenceText(s) {
    if (s.referenceRate === null) return '—';
    const rate = fmt.percentUpTo(s.referenceRate, locale, 4);
    if (s.reference === 'given') return t(locale, 'late.reference.given', { rate });
    const source = t(locale, `late.reference.${s.reference}`);
    return s.referenceDate
      ? t(locale, 'late.reference.dated', { rate, source, date: fmt.date(s.referenceDate, locale) })
      : t(locale, 'late.reference.undated', { rate, source });
  }

  // ---- start --------------------------------------------------------------------------------

  restore();
  syncVisibility();
  translate();
  render();

  form.addEventListener('input', () => {
    syncVisibility();
    save(state());
    recalculate();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  recalculate();

  return {
    setLocale(next) {
      locale = next;
      translate();
      render();
    },
  };
}
