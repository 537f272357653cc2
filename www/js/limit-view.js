// The "Credit limit" section of the deal-check page. One way, like the other sections:
// form + the latest customer score → plain LimitInput → engine → render. The score reaches
// this section only through the `score-result` event that score-view.js dispatches on
// `document` (detail: the score result, or null while the score has errors). Every field is
// saved locally as it is typed and restored on reload; an invalid field is marked with the
// engine's problem in the current language and nothing typed is ever changed. The page never
// computes money: every amount shown is an engine decimal string formatted with Intl (the
// bar lengths of the chart are the only arithmetic, and they are decoration).
import * as fmt from './format.js';
import { problemText, t } from './i18n.js';
import './i18n-sections.js'; // the sections' texts
import { el, svg, patch, writeText } from './dom.js';
import { registerView } from './view-registry.js';

const STORE_KEY = 'credit-calculator:limit:v1';
const CURRENCIES = ['CNY', 'EUR', 'USD', 'GBP', 'HKD', 'JPY', 'SGD', 'CHF'];

/**
 * The fields, by the container (data-fields) they go in. `path` is the engine field each
 * feeds (the sales field feeds expectedAnnualSales or expectedMonthlySales by its period).
 */
const FIELDS = {
  sales: [
    { id: 'limit-currency', path: 'currency', kind: 'currency', label: 'limit.currency', hint: 'limit.hint.currency', initial: 'CNY' },
    { id: 'limit-sales', path: 'sales', kind: 'decimal', label: 'limit.sales', hint: 'limit.hint.sales' },
    { id: 'limit-termsDays', path: 'termsDays', kind: 'integer', label: 'limit.termsDays', hint: 'limit.hint.termsDays', initial: '30' },
    { id: 'limit-expectedDaysBeyondTerms', path: 'expectedDaysBeyondTerms', kind: 'decimal', label: 'limit.expectedDaysBeyondTerms', hint: 'limit.hint.expectedDaysBeyondTerms' },
    { id: 'limit-ourAnnualSales', path: 'ourAnnualSales', kind: 'decimal', label: 'limit.ourAnnualSales', hint: 'limit.hint.ourAnnualSales' },
  ],
  exposure: [
    { id: 'limit-openReceivables', path: 'openReceivables', kind: 'decimal', label: 'limit.openReceivables', hint: 'limit.hint.openReceivables' },
    { id: 'limit-openOrders', path: 'openOrders', kind: 'decimal', label: 'limit.openOrders', hint: 'limit.hint.openOrders' },
    { id: 'limit-requestedAmount', path: 'requestedAmount', kind: 'decimal', label: 'limit.requestedAmount', hint: 'limit.hint.requestedAmount' },
  ],
  overrides: [
    { id: 'limit-tangibleNetWorth', path: 'tangibleNetWorth', kind: 'decimal', label: 'limit.tangibleNetWorth', hint: 'limit.hint.fromScore' },
    { id: 'limit-workingCapital', path: 'workingCapital', kind: 'decimal', label: 'limit.workingCapital', hint: 'limit.hint.fromScore' },
    { id: 'limit-customerRevenue', path: 'customerRevenue', kind: 'decimal', label: 'limit.customerRevenue', hint: 'limit.hint.fromScore' },
    { id: 'limit-insurerApprovedLimit', path: 'insurerApprovedLimit', kind: 'decimal', label: 'limit.insurerApprovedLimit', hint: 'limit.hint.insurerApprovedLimit' },
  ],
};
const SPECS = Object.values(FIELDS).flat();
const PERIODS = ['year', 'month'];

/** Engine paths → the control that feeds them. */
const CONTROL_OF_PATH = {
  expectedAnnualSales: 'limit-sales',
  expectedMonthlySales: 'limit-sales',
  ...Object.fromEntries(SPECS.filter((s) => s.path !== 'sales').map((s) => [s.path, s.id])),
};

/**
 * Starts the section. `storage` is the page's forgiving localStorage wrapper. Returns
 * `{ setLocale }` for the page's language switch.
 */
export function startLimitView(ctx) {
  const { locale: initialLocale, storage, $, call, bus } = ctx;
  /** A field's starting value; the host's `currency` attribute is the starting currency. */
  const initial = (spec) => (spec.path === 'currency' && CURRENCIES.includes(ctx.currency) ? ctx.currency : spec.initial);
  let locale = initialLocale;
  let score; // undefined: no score yet; null: the score has errors; else the latest result
  let outcome = null; // { ok, value } | { ok: false, error } of the latest recommendLimit
  let ticket = 0;

  const form = $('limit-form');
  const controls = new Map(); // id → control

  // ---- building the form ---------------------------------------------------------------

  function fieldBlock(spec) {
    const { id } = spec;
    const described = [spec.hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
    const control = spec.kind === 'currency'
      ? el('select', { id, 'aria-describedby': described }, ...CURRENCIES.map((c) => el('option', { value: c, text: c })))
      : el('input', {
        id,
        type: 'text',
        inputmode: spec.kind === 'integer' ? 'numeric' : 'decimal',
        'aria-describedby': described,
      });
    const label = el('label', { for: id, 'data-sk': spec.label });
    const hint = spec.hint ? el('p', { class: 'hint', id: `${id}-hint`, 'data-sk': spec.hint }) : null;
    const error = el('p', { class: 'error', id: `${id}-error` });
    const block = el('div', { class: 'field' }, label, control);
    if (spec.id === 'limit-sales') {
      // Per year or per month: a choice right under the amount it qualifies.
      block.append(el('fieldset', { class: 'choice limit-period' },
        el('legend', { class: 'visually-hidden', 'data-sk': 'limit.sales.period' }),
        el('div', { class: 'choice-options' }, ...PERIODS.map((p) => el('label', { class: 'choice-option' },
          el('input', { type: 'radio', name: 'limitSalesPeriod', id: `limit-sales-${p}`, value: p, checked: p === 'year' }),
          el('span', { 'data-sk': `limit.sales.${p}` }))))));
    }
    block.append(...[hint, error].filter(Boolean));
    return { block, control };
  }

  for (const [group, specs] of Object.entries(FIELDS)) {
    const container = form.querySelector(`[data-fields="${group}"]`);
    for (const spec of specs) {
      const { block, control } = fieldBlock(spec);
      container.append(block);
      controls.set(spec.id, control);
    }
  }

  // ---- saving and restoring ---------------------------------------------------------------

  const period = () => ($('limit-sales-month').checked ? 'month' : 'year');

  function save() {
    const fields = Object.fromEntries([...controls].map(([id, control]) => [id, control.value]));
    storage.set(STORE_KEY, JSON.stringify({ fields, salesPeriod: period() }));
  }

  function restore() {
    let saved = null;
    try {
      saved = JSON.parse(storage.get(STORE_KEY) ?? 'null');
    } catch {
      saved = null;
    }
    if (!saved || typeof saved !== 'object') saved = {};
    const fields = saved.fields && typeof saved.fields === 'object' ? saved.fields : {};
    for (const spec of SPECS) {
      const control = controls.get(spec.id);
      const v = typeof fields[spec.id] === 'string' ? fields[spec.id] : initial(spec) ?? '';
      if (spec.kind === 'currency') control.value = CURRENCIES.includes(v) ? v : initial(spec);
      else control.value = v;
    }
    $(saved.salesPeriod === 'month' ? 'limit-sales-month' : 'limit-sales-year').checked = true;
  }

  // ---- reading the form into a LimitInput ---------------------------------------------------

  function read() {
    const input = { asOf: score.asOf, score };
    for (const spec of SPECS) {
      const control = controls.get(spec.id);
      const value = spec.kind === 'currency' ? control.value || null : fmt.decimalText(control.value);
      if (value === null) continue;
      if (spec.path === 'sales') input[period() === 'month' ? 'expectedMonthlySales' : 'expectedAnnualSales'] = value;
      else input[spec.path] = value;
    }
    return input;
  }

  // ---- calculating --------------------------------------------------------------------------

  async function recalculate() {
    const mine = ++ticket;
    if (!score) {
      outcome = null;
      render();
      ctx.report('limit', null, null);
      // Sent once the score-result that cleared the score has reached every section, as a
      // limit worked out from a score is: they take the score, then this limit (terms,
      // insurance).
      await null;
      if (mine === ticket) publish();
      return;
    }
    const input = read();
    const result = await call('recommendLimit', input);
    if (mine !== ticket) return; // a newer keystroke's or score's result is on its way
    outcome = result;
    render();
    publish();
    ctx.report('limit', result, input);
    ctx.mark('limitReady');
  }

  /** Tells the page's other sections (credit insurance) the latest limit: the result, or null. */
  function publish() {
    bus.dispatchEvent(new CustomEvent('limit-result', { detail: outcome?.ok ? outcome.value : null }));
  }

  // ---- rendering ----------------------------------------------------------------------------

  function setText(id, text) {
    writeText($(id), text);
  }

  function translate() {
    for (const node of $('limit').querySelectorAll('[data-sk]')) node.textContent = t(locale, node.dataset.sk);
  }

  function clearErrors() {
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    for (const node of form.querySelectorAll('.error')) node.textContent = '';
  }

  function setStatus(text, kind) {
    const status = $('limit-status');
    status.className = `limit-status ${kind}`;
    status.textContent = text;
  }

  const money = (amount) => fmt.money(amount, outcome?.value?.currency ?? null, locale);
  const methodName = (method) => t(locale, `limit.method.${method}`);

  function render() {
    clearErrors();
    if (score === undefined) {
      setStatus(t(locale, 'limit.waiting'), 'note');
      renderLimit(null);
      return;
    }
    if (score === null) {
      setStatus(t(locale, 'limit.noScore'), 'note');
      renderLimit(null);
      return;
    }
    if (!outcome) {
      setStatus(t(locale, 'engine.loading'), 'note');
      renderLimit(null);
      return;
    }
    if (!outcome.ok) {
      const { error } = outcome;
      let unplaced = null;
      for (const problem of error.errors.length ? error.errors : [error]) {
        const id = error.code === 'ENGINE_FAILED' ? null : CONTROL_OF_PATH[String(problem.field ?? '')];
        if (id) {
          controls.get(id).setAttribute('aria-invalid', 'true');
          const slot = $(`${id}-error`);
          if (!slot.textContent) slot.textContent = problemText(locale, problem);
        } else {
          unplaced ??= problem;
        }
      }
      const status = error.code === 'ENGINE_FAILED'
        ? t(locale, 'engine.failed')
        : unplaced ? problemText(locale, unplaced) : t(locale, 'result.fix');
      setStatus(status, 'problem');
      renderLimit(null);
      return;
    }
    renderLimit(outcome.value);
  }

  function renderLimit(r) {
    $('limit-result').classList.toggle('stale', !r);
    $('limit-breakdown').classList.toggle('stale', !r);
    $('limit-body').hidden = !r;
    $('limit-breakdown').hidden = !r;
    if (!r) {
      for (const id of ['limit-amount', 'limit-exposure', 'limit-headroom', 'limit-review', 'limit-requested', 'limit-approved']) setText(id, '—');
      for (const id of ['limit-binding', 'limit-noopen', 'limit-over', 'limit-decision', 'limit-request-text', 'limit-assumptions', 'limit-rounding', 'limit-mitigations-caption']) $(id).replaceChildren();
      $('limit-method-rows').replaceChildren();
      $('limit-mitigation-rows').replaceChildren();
      $('limit-mitigations').hidden = true;
      return;
    }
    const amount = money(r.recommended);
    const binding = methodName(r.bindingMethod);
    setText('limit-amount', amount);
    $('limit-amount').classList.toggle('zero', r.noOpenCredit);
    setText('limit-binding', t(locale, 'limit.binding', { method: binding }));
    setText('limit-noopen', r.noOpenCredit ? t(locale, 'limit.noOpenCredit', { grade: r.grade }) : '');

    patch($('limit-exposure'),
      el('span', { text: money(r.exposure.total) }),
      el('span', { class: 'limit-sub', text: t(locale, 'limit.exposure.parts', {
        receivables: money(r.exposure.openReceivables),
        orders: money(r.exposure.openOrders),
      }) }),
    );
    setText('limit-headroom', money(r.headroom));
    $('limit-headroom').classList.toggle('negative', r.overLimit);
    setText('limit-over', r.overLimit ? t(locale, 'limit.overLimit', { exposure: money(r.exposure.total), limit: amount }) : '');
    const months = t(locale, r.reviewMonths === 1 ? 'limit.review.every.one' : 'limit.review.every', { n: fmt.number(r.reviewMonths, locale, 0) });
    patch($('limit-review'),
      el('span', { text: fmt.date(r.nextReview, locale) }),
      el('span', { class: 'limit-sub', text: months }),
    );

    const decision = renderRequest(r);
    renderMethods(r);
    renderMitigations(r);
    setText('limit-assumptions', r.assumptions.length
      ? t(locale, 'limit.assumptions', { list: fmt.list(r.assumptions.map(assumptionText), locale) })
      : '');
    setText('limit-rounding', t(locale, 'limit.rounding', {
      unrounded: money(r.unrounded),
      step: fmt.number(r.roundingStep, locale, 6),
      version: r.policyVersion,
    }));

    setStatus(t(locale, decision ? 'limit.status.request' : 'limit.status', { amount, method: binding, decision }), 'quiet');
  }

  function assumptionText(code) {
    const text = t(locale, `limit.assumption.${code}`);
    return text === `limit.assumption.${code}` ? code : text;
  }

  /** The decision on the requested amount; returns its words (for the status line) or null. */
  function renderRequest(r) {
    const q = r.request;
    $('limit-request-figures').hidden = !q;
    if (!q) {
      patch($('limit-decision'), el('span', { class: 'limit-none', text: t(locale, 'limit.request.none') }));
      setText('limit-request-text', '');
      return null;
    }
    const role = q.referTo ? t(locale, `limit.role.${q.referTo}`) : null;
    const words = q.decision === 'refer' && !role
      ? t(locale, 'limit.decision.referAnyone')
      : t(locale, `limit.decision.${q.decision}`, { role: role === `limit.role.${q.referTo}` ? q.referTo : role });
    const tone = { approve: 'green', approveInPart: 'amber', refer: 'amber', decline: 'red' }[q.decision] ?? 'amber';
    patch($('limit-decision'), el('span', { class: `badge band-${tone}`, 'data-decision': q.decision, text: words }));
    setText('limit-requested', money(q.amount));
    setText('limit-approved', money(q.approvedAmount));
    setText('limit-request-text', fmt.localized(q.text, locale));
    return words;
  }

  function bar(value, max, binding) {
    const root = svg('svg', { viewBox: '0 0 100 8', preserveAspectRatio: 'none', class: 'bar', 'aria-hidden': 'true', focusable: 'false' });
    // Decoration only: the length is the cap over the largest cap; the figure itself is text.
    const share = max > 0 ? Math.min(100, Math.max(0, (Number(value) / max) * 100)) : 0;
    const width = share > 0 && share < 0.6 ? 0.6 : share; // a tiny cap still shows
    root.append(
      svg('rect', { x: '0', y: '0', width: '100', height: '8', class: 'bar-track' }),
      svg('rect', { x: '0', y: '0', width: width.toFixed(2), height: '8', class: binding ? 'bar-fill bar-binding' : 'bar-fill' }),
    );
    return root;
  }

  function renderMethods(r) {
    const max = Math.max(0, ...r.methods.filter((m) => m.applicable && m.value !== null).map((m) => Number(m.value)));
    const rows = r.methods.map((m) => {
      const binding = m.method === r.bindingMethod;
      const applies = m.applicable && m.value !== null;
      const explanation = fmt.localized(m.explanation, locale);
      const cap = applies
        ? el('td', { class: 'cap' }, el('span', { class: 'cap-amount', text: money(m.value) }), bar(m.value, max, binding))
        : el('td', { class: 'cap' }, el('span', { class: 'cap-skipped', text: t(locale, 'limit.skipped', { reason: t(locale, `limit.skipped.${m.skipped ?? 'NO_DATA'}`) }) }));
      // On a phone the explanation shows under the name and its own column is hidden (CSS).
      return el('tr', { class: binding ? 'binding' : applies ? null : 'skipped', 'data-method': m.method },
        el('th', { scope: 'row' },
          el('span', { class: 'method-name', text: methodName(m.method) }),
          binding ? el('span', { class: 'binding-tag', text: t(locale, 'limit.bindingTag') }) : null,
          el('span', { class: 'method-explain', text: explanation })),
        cap,
        el('td', { class: 'how', text: explanation }));
    });
    patch($('limit-method-rows'), ...rows);
  }

  function renderMitigations(r) {
    const list = r.mitigations ?? [];
    $('limit-mitigations').hidden = !list.length;
    setText('limit-mitigations-caption', list.length ? t(locale, 'limit.mitigations', { amount: money(r.uncovered) }) : '');
    // On a phone the share shows under the kind and its own column is hidden (CSS).
    patch($('limit-mitigation-rows'), ...list.map((m) => {
      const share = fmt.percentUpTo(m.share, locale, 2);
      return el('tr', { 'data-kind': m.kind },
        el('th', { scope: 'row' },
          el('span', { class: 'kind-name', text: t(locale, `limit.mitigation.${m.kind}`) }),
          el('span', { class: 'kind-share', text: t(locale, 'limit.shareCovered', { share }) })),
        el('td', { class: 'num share', text: share }),
        el('td', { class: 'num covers', text: money(m.covers) }),
        el('td', { class: 'num retained', text: money(m.retained) }));
    }));
  }

  // ---- start --------------------------------------------------------------------------------

  restore();
  translate();
  render();

  form.addEventListener('input', () => {
    save();
    recalculate();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  bus.addEventListener('score-result', (e) => {
    score = e.detail && typeof e.detail === 'object' ? e.detail : null;
    recalculate();
  });

  return {
    setLocale(next) {
      locale = next;
      translate();
      render();
    },
  };
}

registerView('limit', startLimitView);
