// The "Credit terms" section of the deal-check page. One way, like the other sections:
// form + the latest customer score → plain TermsInput → engine → render. The score reaches
// this section through the `score-result` event that score-view.js dispatches on
// `document` (detail: the score result, or null while the score has errors); without one the
// section works on its own with the credit policy's defaults. The limit's `limit-result`
// event gives the customer's expected sales to an empty annual-sales field. Every field, including the list
// of term options, is saved locally as it is typed and restored on reload; an invalid field is
// marked with the engine's problem in the current language and nothing typed is ever changed.
// The page never computes money: every figure is an engine decimal string formatted with Intl,
// and percentages typed are turned into fractions by moving the decimal point on the digits
// (format.js percentToFraction). The bar lengths of the cost chart are the only arithmetic,
// and they are decoration. The late-interest calculator below it lives in late-view.js.
import * as fmt from './format.js';
import { problemText, t } from './i18n.js';
import './i18n-sections.js'; // the sections' texts
import { startLateView } from './late-view.js';
import { el, svg, today, patch, writeText } from './dom.js';
import { registerView } from './view-registry.js';

const STORE_KEY = 'credit-calculator:terms:v1';
const CURRENCIES = ['CNY', 'EUR', 'USD', 'GBP', 'HKD', 'JPY', 'SGD', 'CHF'];
const BUSINESS_DAYS = ['none', 'following', 'modifiedFollowing', 'preceding', 'modifiedPreceding'];
const KINDS = ['net', 'endOfMonth', 'discount', 'prepayment', 'instalments'];
const FREQUENCIES = ['monthly', 'weekly'];
const METHODS = ['noInterest', 'annuity', 'equalPrincipal'];
const MAX_OPTIONS = 6;

/** The section's fields, by the container (data-fields) they go in; `path` is the engine field. */
const FIELDS = {
  deal: [
    { id: 'terms-invoiceDate', path: 'invoiceDate', kind: 'date', label: 'terms.invoiceDate', hint: 'terms.hint.invoiceDate' },
    { id: 'terms-currency', path: 'currency', kind: 'select', values: CURRENCIES, label: 'terms.currency', initial: 'CNY' },
    { id: 'terms-invoiceAmount', path: 'invoiceAmount', kind: 'decimal', label: 'terms.invoiceAmount', hint: 'terms.hint.invoiceAmount', initial: '10000' },
    { id: 'terms-annualSales', path: 'annualSales', kind: 'decimal', label: 'terms.annualSales', hint: 'terms.hint.annualSales' },
    { id: 'terms-grossMargin', path: 'grossMargin', kind: 'percent', label: 'terms.grossMargin', hint: 'terms.hint.grossMargin' },
  ],
  risk: [
    { id: 'terms-costOfCapital', path: 'costOfCapital', kind: 'percent', label: 'terms.costOfCapital', hint: 'terms.hint.costOfCapital' },
    { id: 'terms-pd', path: 'pd', kind: 'percent', label: 'terms.pd', hint: 'terms.hint.pd' },
    { id: 'terms-lgd', path: 'lgd', kind: 'percent', label: 'terms.lgd', hint: 'terms.hint.lgd' },
    { id: 'terms-expectedDaysBeyondTerms', path: 'expectedDaysBeyondTerms', kind: 'decimal', label: 'terms.expectedDaysBeyondTerms', hint: 'terms.hint.expectedDaysBeyondTerms' },
    { id: 'terms-businessDay', path: 'businessDay', kind: 'select', values: BUSINESS_DAYS, valueKey: 'terms.businessDay.', label: 'terms.businessDay', hint: 'terms.hint.businessDay', initial: 'none' },
  ],
};
const SPECS = Object.values(FIELDS).flat();

/**
 * The fields of one term option. `kinds`: the option kinds that show the field; `label` may
 * depend on the kind. `path`: where the engine reports a problem with it, under options[i].
 */
const OPTION_FIELDS = [
  { name: 'kind', kind: 'select', values: KINDS, valueKey: 'terms.kind.', label: 'terms.option.kind', path: ['kind', ''] },
  { name: 'days', kind: 'integer', kinds: ['net', 'endOfMonth'], label: { net: 'terms.option.days', endOfMonth: 'terms.option.eomDays' }, hint: { endOfMonth: 'terms.option.hint.eomDays' }, path: ['days'] },
  { name: 'discountPercent', kind: 'decimal', kinds: ['discount'], label: 'terms.option.discountPercent', path: ['discountPercent'] },
  { name: 'discountDays', kind: 'integer', kinds: ['discount'], label: 'terms.option.discountDays', path: ['discountDays'] },
  { name: 'netDays', kind: 'integer', kinds: ['discount'], label: 'terms.option.netDays', path: ['netDays'] },
  { name: 'takeUp', kind: 'percent', kinds: ['discount'], label: 'terms.option.takeUp', hint: { discount: 'terms.option.hint.takeUp' }, path: ['takeUp'] },
  { name: 'share', kind: 'percent', kinds: ['prepayment'], label: 'terms.option.share', path: ['share'] },
  { name: 'restDays', kind: 'integer', kinds: ['prepayment'], label: 'terms.option.restDays', hint: { prepayment: 'terms.option.hint.restDays' }, path: ['rest.days', 'rest.kind', 'rest'] },
  { name: 'count', kind: 'integer', kinds: ['instalments'], label: 'terms.option.count', path: ['plan.count', 'plan'] },
  { name: 'frequency', kind: 'select', values: FREQUENCIES, valueKey: 'terms.frequency.', kinds: ['instalments'], label: 'terms.option.frequency', path: ['plan.frequency'] },
  { name: 'method', kind: 'select', values: METHODS, valueKey: 'terms.method.', kinds: ['instalments'], label: 'terms.option.method', path: ['plan.method'] },
  { name: 'rate', kind: 'percent', kinds: ['instalments'], label: 'terms.option.rate', hint: { instalments: 'terms.option.hint.rate' }, path: ['plan.annualRate'] },
];
/** What a new option row holds: every kind's fields filled, so a change of kind shows sensible values. */
const NEW_OPTION = {
  kind: 'net', days: '30', discountPercent: '2', discountDays: '10', netDays: '30', takeUp: '50',
  share: '50', restDays: '30', count: '3', frequency: 'monthly', method: 'noInterest', rate: '',
};
/** A first visit compares net 30, net 60 and 2/10 net 30 with half the buyers taking the discount. */
const FIRST_VISIT = [
  { ...NEW_OPTION },
  { ...NEW_OPTION, days: '60' },
  { ...NEW_OPTION, kind: 'discount' },
];

/** The rows of the comparison table, in order. */
const MEASURES = [
  'rank', 'daysOutstanding', 'receivablesCarried', 'carryingCost', 'expectedLoss', 'discountCost',
  'interestIncome', 'presentValue', 'financingCost', 'totalCost', 'netContribution',
];
const DIFFERENCES = ['daysOutstanding', 'carryingCost', 'expectedLoss', 'discountCost', 'netContribution'];
/** The stacked segments of the cost chart (bar order, left to right). */
const SEGMENTS = [['carryingCost', 'seg-carrying'], ['expectedLoss', 'seg-loss'], ['discountCost', 'seg-discount']];

/** What one control holds, as the engine reads it; null when empty. */
function valueOf(control, kind) {
  if (kind === 'percent') return fmt.percentToFraction(control.value);
  if (kind === 'decimal' || kind === 'integer') return fmt.decimalText(control.value);
  return control.value || null;
}

/**
 * Starts the section (and the late-interest calculator in it). `storage` is the page's
 * forgiving localStorage wrapper. Returns `{ setLocale }` for the page's language switch.
 */
export function startTermsView(ctx) {
  const { locale: initialLocale, storage, $, call, bus } = ctx;
  /** A field's starting value; the host's `currency` attribute is the starting currency. */
  const initial = (spec) => (spec.path === 'currency' && CURRENCIES.includes(ctx.currency) ? ctx.currency : spec.initial);
  let locale = initialLocale;
  let score; // undefined: no score yet; null: the score has errors; else the latest result
  let limit = null; // the latest limit result: its expected sales fill an empty annual-sales field
  let outcome = null; // { ok, value } | { ok: false, error } of the latest simulateTerms
  let targets = new Map(); // engine path → control, for the input that produced `outcome`
  let ticket = 0;
  let uid = 0;
  let lateState = null; // the late-interest calculator's fields, saved with this section's
  let flowsPick = '1'; // the option whose cash flows are shown (1-based), as saved

  const form = $('terms-form');
  const rowsBox = $('terms-option-rows');
  const addButton = $('terms-add-option');
  const flowsSelect = $('terms-flows-option');
  const controls = new Map(); // id → control

  // ---- building the form ---------------------------------------------------------------

  function control(spec, id) {
    const described = [`${id}-hint`, `${id}-error`].join(' ');
    if (spec.kind === 'select') {
      return el('select', { id, 'aria-describedby': described }, ...spec.values.map((v) => el('option', {
        value: v,
        'data-sk': spec.valueKey ? `${spec.valueKey}${v}` : null,
        text: spec.valueKey ? null : v,
      })));
    }
    return el('input', {
      id,
      type: spec.kind === 'date' ? 'date' : 'text',
      inputmode: spec.kind === 'integer' ? 'numeric' : spec.kind === 'date' ? null : 'decimal',
      min: spec.kind === 'date' ? '0001-01-01' : null,
      max: spec.kind === 'date' ? '9999-12-31' : null,
      'aria-describedby': described,
    });
  }

  function fieldBlock(spec, id) {
    const input = control(spec, id);
    const block = el('div', { class: 'field' },
      el('label', { for: id, 'data-sk': typeof spec.label === 'string' ? spec.label : null }),
      input,
      el('p', { class: 'hint', id: `${id}-hint`, 'data-sk': typeof spec.hint === 'string' ? spec.hint : null }),
      el('p', { class: 'error', id: `${id}-error` }));
    return { block, input };
  }

  for (const [group, specs] of Object.entries(FIELDS)) {
    const container = form.querySelector(`[data-fields="${group}"]`);
    for (const spec of specs) {
      const { block, input } = fieldBlock(spec, spec.id);
      container.append(block);
      controls.set(spec.id, input);
    }
  }

  /** One term option: a fieldset with the kind and the fields of that kind. */
  function addRow(values = {}) {
    const n = ++uid;
    const grid = el('div', { class: 'row-fields' });
    const inputs = {};
    const blocks = {};
    for (const spec of OPTION_FIELDS) {
      const { block, input } = fieldBlock(spec, `terms-opt-${n}-${spec.name}`);
      input.dataset.optField = spec.name;
      inputs[spec.name] = input;
      blocks[spec.name] = block;
      grid.append(block);
      const saved = values[spec.name];
      const value = typeof saved === 'string' ? saved : NEW_OPTION[spec.name];
      if (spec.kind === 'select') input.value = spec.values.includes(value) ? value : NEW_OPTION[spec.name];
      else input.value = value;
    }
    const remove = el('button', { type: 'button', class: 'button button-remove' },
      el('span', { 'data-sk': 'terms.option.remove' }), ' ', el('span', { class: 'visually-hidden', 'data-row-name': '' }));
    const row = el('fieldset', { class: 'row terms-option' }, el('legend'), grid, remove);
    row.optionInputs = inputs;
    row.optionBlocks = blocks;
    remove.addEventListener('click', () => removeRow(row));
    inputs.kind.addEventListener('change', () => {
      showKind(row);
      translateRow(row);
    });
    rowsBox.append(row);
    showKind(row);
    return row;
  }

  function removeRow(row) {
    if (rowsBox.children.length <= 1) return;
    const next = row.nextElementSibling ?? row.previousElementSibling;
    row.remove();
    numberRows();
    const button = next?.querySelector('.button-remove');
    (button && !button.disabled ? button : addButton).focus();
    changed();
  }

  /** Only the fields of the option's kind are shown (and sent); the others keep their values. */
  function showKind(row) {
    const kind = row.optionInputs.kind.value;
    for (const spec of OPTION_FIELDS) {
      if (spec.kinds) row.optionBlocks[spec.name].hidden = !spec.kinds.includes(kind);
    }
  }

  function numberRows() {
    const rows = [...rowsBox.children];
    rows.forEach((row, i) => {
      row.dataset.n = String(i + 1);
    });
    for (const row of rows) row.querySelector('.button-remove').disabled = rows.length <= 1;
    addButton.disabled = rows.length >= MAX_OPTIONS;
    labelRows();
  }

  // ---- saving and restoring ---------------------------------------------------------------

  function rowValues(row) {
    return Object.fromEntries(Object.entries(row.optionInputs).map(([name, input]) => [name, input.value]));
  }

  function save() {
    const fields = Object.fromEntries([...controls].map(([id, input]) => [id, input.value]));
    const state = { fields, options: [...rowsBox.children].map(rowValues), flows: flowsPick, late: lateState };
    storage.set(STORE_KEY, JSON.stringify(state));
  }

  function load() {
    let saved = null;
    try {
      saved = JSON.parse(storage.get(STORE_KEY) ?? 'null');
    } catch {
      saved = null;
    }
    return saved && typeof saved === 'object' ? saved : {};
  }

  function restore(saved) {
    const fields = saved.fields && typeof saved.fields === 'object' ? saved.fields : {};
    for (const spec of SPECS) {
      const input = controls.get(spec.id);
      const v = typeof fields[spec.id] === 'string' ? fields[spec.id] : initial(spec) ?? '';
      if (spec.kind === 'select') input.value = spec.values.includes(v) ? v : initial(spec);
      else input.value = v;
    }
    const list = Array.isArray(saved.options)
      ? saved.options.filter((o) => o && typeof o === 'object').slice(0, MAX_OPTIONS)
      : [];
    for (const values of list.length ? list : FIRST_VISIT) addRow(values);
    numberRows();
    if (typeof saved.flows === 'string' && /^[1-6]$/.test(saved.flows)) flowsPick = saved.flows;
    lateState = saved.late && typeof saved.late === 'object' ? saved.late : null;
  }

  // ---- reading the form into a TermsInput -----------------------------------------------------

  function read() {
    const input = {};
    const map = new Map();
    for (const spec of SPECS) {
      const c = controls.get(spec.id);
      map.set(spec.path, c);
      const value = valueOf(c, spec.kind);
      if (value !== null) input[spec.path] = value;
    }
    // An empty invoice date is the score's as-of date, else today.
    if (!input.invoiceDate) input.invoiceDate = score?.asOf ?? today();
    if (score) input.score = score;
    // Empty annual sales: the customer's expected sales from the limit section (the basis of
    // its need method), when it is in the same currency.
    const limitSales = limit?.methods?.find((m) => m.method === 'need')?.basis ?? null;
    if (!input.annualSales && limitSales && (!limit.currency || limit.currency === input.currency)) {
      input.annualSales = limitSales;
    }
    input.options = [...rowsBox.children].map((row, i) => {
      const v = (name) => {
        const spec = OPTION_FIELDS.find((s) => s.name === name);
        const c = row.optionInputs[name];
        for (const p of spec.path) map.set(p ? `options[${i}].${p}` : `options[${i}]`, c);
        return valueOf(c, spec.kind);
      };
      const put = (target, key, value) => {
        if (value !== null) target[key] = value;
      };
      const kind = v('kind');
      const option = { kind };
      switch (kind) {
        case 'net':
        case 'endOfMonth':
          put(option, 'days', v('days'));
          break;
        case 'discount':
          put(option, 'discountPercent', v('discountPercent'));
          put(option, 'discountDays', v('discountDays'));
          put(option, 'netDays', v('netDays'));
          put(option, 'takeUp', v('takeUp'));
          break;
        case 'prepayment': {
          put(option, 'share', v('share'));
          // The rest is always paid net N days (the engine allows more; the page keeps it simple).
          const rest = { kind: 'net' };
          put(rest, 'days', v('restDays'));
          option.rest = rest;
          break;
        }
        case 'instalments': {
          const plan = {};
          put(plan, 'count', v('count'));
          put(plan, 'frequency', v('frequency'));
          put(plan, 'method', v('method'));
          put(plan, 'annualRate', v('rate'));
          option.plan = plan;
          break;
        }
        default:
          break;
      }
      return option;
    });
    return { input, map };
  }

  // ---- calculating --------------------------------------------------------------------------

  async function recalculate() {
    const mine = ++ticket;
    const { input, map } = read();
    const result = await call('simulateTerms', input);
    if (mine !== ticket) return; // a newer keystroke's or score's result is on its way
    outcome = result;
    targets = map;
    render();
    ctx.report('terms', result, input);
    ctx.mark('termsReady');
  }

  function changed() {
    save();
    recalculate();
  }

  // ---- rendering ----------------------------------------------------------------------------

  function setText(id, text) {
    writeText($(id), text);
  }

  function translate() {
    for (const node of $('terms').querySelectorAll('[data-sk]')) node.textContent = t(locale, node.dataset.sk);
    for (const row of rowsBox.children) translateRow(row);
    labelRows();
  }

  /** The labels and hints of an option's fields that depend on its kind. */
  function translateRow(row) {
    const kind = row.optionInputs.kind.value;
    for (const spec of OPTION_FIELDS) {
      const id = row.optionInputs[spec.name].id;
      if (typeof spec.label === 'object') {
        row.querySelector(`label[for="${id}"]`).textContent = t(locale, spec.label[kind] ?? Object.values(spec.label)[0]);
      }
      if (typeof spec.hint === 'object') $(`${id}-hint`).textContent = spec.hint[kind] ? t(locale, spec.hint[kind]) : '';
    }
  }

  /** Each option's legend and its remove button's hidden name: "Option 2". */
  function labelRows() {
    for (const row of rowsBox.children) {
      const name = t(locale, 'terms.option.n', { n: row.dataset.n });
      row.querySelector('legend').textContent = name;
      row.querySelector('[data-row-name]').textContent = name;
    }
  }

  function clearErrors() {
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    for (const node of form.querySelectorAll('.error')) node.textContent = '';
  }

  function setStatus(text, kind) {
    const status = $('terms-status');
    status.className = `terms-status ${kind}`;
    status.textContent = text;
  }

  /** The control an engine path belongs to: the path itself, else its nearest parent. */
  function controlFor(path) {
    let p = path;
    while (p) {
      if (targets.has(p)) return targets.get(p);
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) break;
      p = p.slice(0, cut);
    }
    return null;
  }

  /** A problem in words: this section's wording for percent and day fields, else the page's. */
  function problemMessage(problem) {
    const leaf = String(problem.field ?? '').replace(/^.*\./, '');
    const key = `terms.error.${leaf}.${problem.code}`;
    const text = t(locale, key, problem);
    return text === key ? problemText(locale, problem) : text;
  }

  function render() {
    clearErrors();
    if (!outcome) {
      setStatus(t(locale, 'engine.loading'), 'note');
      renderTerms(null);
      return;
    }
    if (!outcome.ok) {
      const { error } = outcome;
      let unplaced = null;
      for (const problem of error.errors.length ? error.errors : [error]) {
        const input = error.code === 'ENGINE_FAILED' ? null : controlFor(String(problem.field ?? ''));
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          const slot = $(`${input.id}-error`);
          if (!slot.textContent) slot.textContent = problemMessage(problem);
        } else {
          unplaced ??= problem;
        }
      }
      const status = error.code === 'ENGINE_FAILED'
        ? t(locale, 'engine.failed')
        : unplaced ? problemMessage(unplaced) : t(locale, 'result.fix');
      setStatus(status, 'problem');
      renderTerms(null);
      return;
    }
    renderTerms(outcome.value);
  }

  const money = (amount) => fmt.money(amount, outcome?.value?.currency ?? null, locale);
  const description = (o) => fmt.localized(o.description, locale) || o.label;
  const optionName = (i) => t(locale, 'terms.option.n', { n: i + 1 });

  function renderTerms(r) {
    $('terms-result').classList.toggle('stale', !r);
    $('terms-body').hidden = !r;
    if (!r) {
      for (const id of ['terms-head', 'terms-rows', 'terms-diff-rows', 'terms-chart-rows', 'terms-buyer', 'terms-flow-rows', 'terms-schedule-rows']) $(id).replaceChildren();
      for (const id of ['terms-best', 'terms-basis', 'terms-assumptions', 'terms-flows-caption', 'terms-schedule-caption']) setText(id, '');
      return;
    }
    const bestIndex = Math.max(0, r.options.findIndex((o) => o.rank === 1));
    const best = r.options[bestIndex];
    const withMargin = r.options.some((o) => o.netContribution !== null);
    setText('terms-best', r.options.length > 1
      ? t(locale, withMargin ? 'terms.best' : 'terms.best.cost', {
        option: optionName(bestIndex),
        description: description(best),
        amount: money(withMargin ? best.netContribution : best.totalCost),
      })
      : t(locale, 'terms.best.one', { description: description(best) }));
    setText('terms-basis', t(locale, 'terms.basis', {
      amount: money(r.invoiceAmount),
      date: fmt.date(r.invoiceDate, locale),
      sales: money(r.annualSales),
      capital: fmt.percentUpTo(r.costOfCapital, locale, 2),
      pd: fmt.percentUpTo(r.pd, locale, 2),
      lgd: fmt.percentUpTo(r.lgd, locale, 2),
      days: fmt.number(r.daysBeyondTerms, locale, 1),
      version: r.policyVersion,
    }));
    renderTable(r, bestIndex, withMargin);
    renderChart(r, bestIndex);
    patch($('terms-buyer'), ...r.options.flatMap((o, i) => (o.buyerCost
      ? [el('li', { 'data-option': String(i + 1) },
        el('span', { class: 'buyer-option', text: t(locale, 'terms.buyer.option', { option: optionName(i), description: description(o) }) }),
        ' ',
        el('span', { class: 'buyer-text', text: fmt.localized(o.buyerCost.text, locale) }))]
      : [])));
    setText('terms-assumptions', r.assumptions.length
      ? t(locale, 'terms.assumptions', { list: fmt.list(r.assumptions.map(assumptionText), locale) })
      : '');
    renderFlows(r);
    setStatus(r.options.length > 1
      ? t(locale, 'terms.status', { option: optionName(bestIndex), description: description(best), count: r.options.length })
      : t(locale, 'terms.status.one', { description: description(best) }), 'quiet');
  }

  function assumptionText(code) {
    const key = `terms.assumption.${code}`;
    const text = t(locale, key);
    return text === key ? code : text;
  }

  function measureCell(r, o, measure) {
    switch (measure) {
      case 'rank':
        return [el('span', { class: 'cell-value', text: fmt.number(o.rank, locale, 0) })];
      case 'daysOutstanding':
        return [el('span', { class: 'cell-value', text: fmt.number(o.daysOutstanding, locale, 2) })];
      case 'expectedLoss':
        return [
          el('span', { class: 'cell-value', text: money(o.expectedLoss) }),
          el('span', { class: 'cell-sub', text: t(locale, 'terms.pdOverTerm', { pd: fmt.percent(o.pdOverTerm, locale, 2) }) }),
        ];
      case 'netContribution':
        return [el('span', { class: 'cell-value', text: o.netContribution === null ? '—' : money(o.netContribution) })];
      default:
        return [el('span', { class: 'cell-value', text: money(o[measure]) })];
    }
  }

  function renderTable(r, bestIndex, withMargin) {
    patch($('terms-head'),
      el('td', { class: 'corner' }),
      ...r.options.map((o, i) => el('th', { scope: 'col', 'data-option': String(i + 1), class: i === bestIndex ? 'best' : null },
        el('span', { class: 'option-number', text: optionName(i) }),
        el('span', { class: 'option-desc', text: description(o) }),
        i === bestIndex && r.options.length > 1 ? el('span', { class: 'best-tag', text: t(locale, 'terms.bestTag') }) : null)),
    );
    const measures = MEASURES.filter((m) => m !== 'netContribution' || withMargin);
    patch($('terms-rows'), ...measures.map((m) => el('tr', { 'data-measure': m },
      el('th', { scope: 'row' },
        el('span', { class: 'measure-name', text: t(locale, `terms.m.${m}`) }),
        el('span', { class: 'measure-hint', text: t(locale, `terms.m.${m}.hint`) })),
      ...r.options.map((o, i) => el('td', { 'data-option': String(i + 1), class: i === bestIndex ? 'best' : null }, ...measureCell(r, o, m))))));

    const diffs = DIFFERENCES.filter((m) => m !== 'netContribution' || withMargin);
    patch($('terms-diff-rows'),
      r.options.length > 1
        ? el('tr', { class: 'group' }, el('th', { scope: 'rowgroup', colspan: String(r.options.length + 1), text: t(locale, 'terms.diff') }))
        : null,
      ...(r.options.length > 1 ? diffs : []).map((m) => el('tr', { 'data-measure': `diff-${m}` },
        el('th', { scope: 'row' }, el('span', { class: 'measure-name', text: t(locale, `terms.m.${m}`) })),
        ...r.options.map((o, i) => {
          const d = o.differenceFromFirst[m];
          const text = m === 'daysOutstanding'
            ? fmt.signedNumber(d, locale, 2)
            : fmt.signedMoney(d, r.currency, locale);
          return el('td', { 'data-option': String(i + 1), class: i === bestIndex ? 'best' : null },
            el('span', { class: 'cell-value', text: d === null ? '—' : text }));
        }))),
    );
  }

  function renderChart(r, bestIndex) {
    // Decoration only: each segment's length is its cost over the largest total; the
    // figures themselves are in the table.
    const totals = r.options.map((o) => SEGMENTS.reduce((sum, [m]) => sum + Math.max(0, Number(o[m]) || 0), 0));
    const max = Math.max(0, ...totals);
    patch($('terms-chart-rows'), ...r.options.map((o, i) => {
      const root = svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', class: 'terms-bar', focusable: 'false' });
      root.append(svg('rect', { x: '0', y: '0', width: '100', height: '10', class: 'bar-track' }));
      let x = 0;
      for (const [m, cls] of SEGMENTS) {
        const share = max > 0 ? (Math.max(0, Number(o[m]) || 0) / max) * 100 : 0;
        if (share <= 0) continue;
        const width = Math.min(100 - x, Math.max(0.6, share));
        root.append(svg('rect', { x: x.toFixed(2), y: '0', width: width.toFixed(2), height: '10', class: cls, 'data-segment': m }));
        x += width;
      }
      return el('div', { class: i === bestIndex ? 'terms-chart-row best' : 'terms-chart-row', 'data-option': String(i + 1) },
        el('span', { class: 'terms-chart-label', text: `${optionName(i)} · ${description(o)}` }),
        root);
    }));
  }

  function renderFlows(r) {
    const count = r.options.length;
    if (Number(flowsPick) > count) flowsPick = '1';
    flowsSelect.replaceChildren(...r.options.map((o, i) => el('option', {
      value: String(i + 1),
      text: `${optionName(i)}: ${description(o)}`,
    })));
    flowsSelect.value = flowsPick;
    const i = Number(flowsPick) - 1;
    const o = r.options[i];
    setText('terms-flows-caption', t(locale, 'terms.flows.caption', { option: optionName(i), description: description(o) }));
    patch($('terms-flow-rows'), ...o.cashFlows.map((f) => el('tr', { 'data-kind': f.kind },
      el('th', { scope: 'row', text: t(locale, `terms.flow.${f.kind}`) }),
      el('td', { class: 'date contractual', text: fmt.date(f.contractualDate, locale) }),
      el('td', { class: 'date expected', text: fmt.date(f.expectedDate, locale) }),
      el('td', { class: 'num amount', text: money(f.amount) }),
      el('td', { class: 'num settles', text: money(f.settles) }),
      el('td', { class: 'num days', text: fmt.number(f.daysOutstanding, locale, 0) }))));

    const s = o.schedule;
    $('terms-schedule-wrap').hidden = !s;
    if (!s) {
      $('terms-schedule-rows').replaceChildren();
      setText('terms-schedule-caption', '');
      return;
    }
    const cur = s.currency ?? r.currency;
    const m = (a) => fmt.money(a, cur, locale);
    setText('terms-schedule-caption', t(locale, 'terms.schedule.caption', {
      method: t(locale, `terms.method.${s.method}`),
      rate: fmt.percentUpTo(s.annualRate, locale, 4),
    }));
    patch($('terms-schedule-rows'), ...s.instalments.map((x) => el('tr', {},
      el('th', { scope: 'row', class: 'num', text: fmt.number(x.number, locale, 0) }),
      el('td', { class: 'date', text: fmt.date(x.dueDate, locale) }),
      el('td', { class: 'num', text: m(x.payment) }),
      el('td', { class: 'num', text: m(x.principal) }),
      el('td', { class: 'num', text: m(x.interest) }),
      el('td', { class: 'num', text: m(x.balanceAfter) }))));
    setText('terms-schedule-payments', m(s.totalPayments));
    setText('terms-schedule-principal', m(s.totalPrincipal));
    setText('terms-schedule-interest', m(s.totalInterest));
  }

  // ---- start --------------------------------------------------------------------------------

  restore(load());
  translate();
  render();

  form.addEventListener('input', changed);
  form.addEventListener('submit', (e) => e.preventDefault());
  addButton.addEventListener('click', () => {
    if (rowsBox.children.length >= MAX_OPTIONS) return;
    const row = addRow();
    numberRows();
    translate();
    row.optionInputs.kind.focus();
    changed();
  });
  flowsSelect.addEventListener('change', () => {
    flowsPick = flowsSelect.value;
    save();
    if (outcome?.ok) renderFlows(outcome.value);
  });
  // With a limit section on the page, a new score is followed by the limit worked out from it:
  // calculated then, once, not also at the score with the limit before it (thrown away).
  const limitFollows = ctx.sections.includes('limit');
  bus.addEventListener('score-result', (e) => {
    score = e.detail && typeof e.detail === 'object' ? e.detail : null;
    if (!limitFollows) recalculate();
  });
  bus.addEventListener('limit-result', (e) => {
    limit = e.detail && typeof e.detail === 'object' ? e.detail : null;
    recalculate();
  });

  const late = startLateView({
    locale,
    $,
    call,
    mark: ctx.mark,
    currency: ctx.currency,
    saved: lateState,
    save(state) {
      lateState = state;
      save();
    },
  });
  recalculate();

  return {
    setLocale(next) {
      locale = next;
      translate();
      render();
      late.setLocale(next);
    },
  };
}

registerView('terms', startTermsView);
