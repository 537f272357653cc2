// The "Customer score" section of the deal-check page. One way, like the discount card:
// form → plain ScoreInput → engine → render. Only what is filled is sent, so a partial
// picture still scores (the engine shares the weight out over what is known). Every field,
// including the payment and legal rows, is saved locally as it is typed and restored on
// reload; an invalid field is marked with the engine's problem in the current language and
// nothing the user typed is ever changed. The page never computes a score or an amount: it
// formats the engine's decimal strings with Intl.
import * as fmt from './format.js';
import { problemText, t } from './i18n.js';
import './i18n-sections.js'; // the sections' texts
import { el, svg, today, patch, writeText } from './dom.js';
import { registerView } from './view-registry.js';

const STORE_KEY = 'credit-calculator:score:v1';

const FIN = [
  'periodEnd', 'currentAssets', 'currentLiabilities', 'totalAssets', 'totalLiabilities', 'bookEquity',
  'retainedEarnings', 'ebit', 'netIncome', 'revenue', 'costOfGoodsSold', 'inventory', 'receivables',
  'payables', 'cash', 'intangibleAssets', 'interestExpense', 'operatingCashFlow', 'marketValueOfEquity',
];

/** The static fields, by the container (data-fields) they go in. `path` is the engine path each feeds. */
const FIELDS = {
  asof: [{ id: 'score-asOf', path: 'asOf', kind: 'date', label: 'score.asOf', hint: 'score.hint.asOf' }],
  profile: [
    { id: 'score-name', path: 'profile.name', kind: 'text', label: 'score.profile.name' },
    { id: 'score-foundedOn', path: 'profile.foundedOn', kind: 'date', label: 'score.profile.foundedOn' },
    { id: 'score-employees', path: 'profile.employees', kind: 'integer', label: 'score.profile.employees' },
    { id: 'score-industry', path: 'profile.industry', kind: 'select', label: 'score.profile.industry' },
    { id: 'score-country', path: 'profile.country', kind: 'select', label: 'score.profile.country' },
  ],
  flags: [
    { id: 'score-listed', path: 'profile.listed', kind: 'bool', label: 'score.profile.listed' },
    { id: 'score-manufacturer', path: 'profile.manufacturer', kind: 'bool', label: 'score.profile.manufacturer' },
  ],
  bureau: [
    { id: 'score-bureau-score', path: 'profile.bureauScore.score', kind: 'decimal', label: 'score.bureau.score' },
    { id: 'score-bureau-min', path: 'profile.bureauScore.min', kind: 'decimal', label: 'score.bureau.min' },
    { id: 'score-bureau-max', path: 'profile.bureauScore.max', kind: 'decimal', label: 'score.bureau.max' },
  ],
  financials: FIN.map((name) => ({
    id: `fin-${name}`,
    path: `financials.${name}`,
    kind: name === 'periodEnd' ? 'date' : 'decimal',
    label: `fin.${name}`,
    hint: name === 'marketValueOfEquity' ? 'fin.hint.marketValueOfEquity' : null,
  })),
  previous: [
    { id: 'prev-revenue', path: 'financials[1].revenue', kind: 'decimal', label: 'prev.revenue' },
    { id: 'prev-netIncome', path: 'financials[1].netIncome', kind: 'decimal', label: 'prev.netIncome' },
  ],
  summary: [
    { id: 'pay-daysBeyondTerms', path: 'payments.summary.daysBeyondTerms', kind: 'decimal', label: 'score.payments.daysBeyondTerms', hint: 'score.payments.hint.daysBeyondTerms' },
    { id: 'pay-count', path: 'payments.summary.count', kind: 'integer', label: 'score.payments.count' },
  ],
};

const PAYMENT_ROW = [
  { name: 'amount', kind: 'decimal', label: 'score.payments.amount' },
  { name: 'dueDate', kind: 'date', label: 'score.payments.dueDate' },
  { name: 'paidDate', kind: 'date', label: 'score.payments.paidDate', hint: 'score.payments.hint.paidDate' },
];
const LEGAL_ROW = [
  { name: 'kind', kind: 'select', label: 'score.legal.kind' },
  { name: 'date', kind: 'date', label: 'score.legal.date' },
  { name: 'amount', kind: 'decimal', label: 'score.legal.amount' },
  { name: 'resolved', kind: 'bool', label: 'score.legal.resolved' },
];

const RATIOS = [
  'currentRatio', 'quickRatio', 'cashRatio', 'debtRatio', 'debtToEquity', 'netMargin', 'grossMargin',
  'returnOnAssets', 'returnOnEquity', 'interestCover', 'operatingCashFlowRatio', 'workingCapital',
  'tangibleNetWorth', 'daysSalesOutstanding', 'daysInventoryOutstanding', 'daysPayablesOutstanding',
  'cashConversionCycle',
];
const PERCENT_RATIOS = new Set(['debtRatio', 'netMargin', 'grossMargin', 'returnOnAssets', 'returnOnEquity', 'revenueGrowth', 'netMarginChange']);
const DAY_RATIOS = new Set(['daysSalesOutstanding', 'daysInventoryOutstanding', 'daysPayablesOutstanding', 'cashConversionCycle']);
const AMOUNT_RATIOS = new Set(['workingCapital', 'tangibleNetWorth']);
const ZONES = ['distress', 'grey', 'safe'];

/** The same day one year earlier (29 February → 28 February). */
function yearBefore(date) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const year = Number(m[1]) - 1;
  if (year < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m[2] === '02' && m[3] === '29' && !leap ? '28' : m[3];
  return `${String(year).padStart(4, '0')}-${m[2]}-${day}`;
}

function setPath(target, path, value) {
  const keys = path.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  o[keys.at(-1)] = value;
}

/** What one control holds, as the engine reads it; null when empty. */
function valueOf(control, kind) {
  if (kind === 'bool') return control.checked ? true : null;
  if (kind === 'decimal' || kind === 'integer') return fmt.decimalText(control.value);
  if (kind === 'select') return (control.dataset.pending ?? control.value) || null;
  if (kind === 'text') return control.value.trim() === '' ? null : control.value;
  return control.value || null;
}

/**
 * Starts the section. `storage` is the page's forgiving localStorage wrapper. Returns
 * `{ setLocale }` for the page's language switch.
 */
export function startScoreView(ctx) {
  const { locale: initialLocale, storage, $, call, bus } = ctx;
  let locale = initialLocale;
  let policy = null;
  let outcome = null; // { ok, value } | { ok: false, error } of the latest scoring
  let targets = new Map(); // engine path → control, for the input that produced `outcome`
  let ticket = 0;
  let uid = 0;
  let gauge = null;

  const form = $('score-form');
  const controls = new Map(); // id → { control, spec }

  // ---- building the form ---------------------------------------------------------------

  function fieldBlock(spec) {
    const { id } = spec;
    const described = [spec.hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
    let control;
    if (spec.kind === 'select') {
      control = el('select', { id, 'aria-describedby': described });
    } else if (spec.kind === 'bool') {
      control = el('input', { id, type: 'checkbox', 'aria-describedby': described });
    } else {
      control = el('input', {
        id,
        type: spec.kind === 'date' ? 'date' : 'text',
        inputmode: spec.kind === 'decimal' ? 'decimal' : spec.kind === 'integer' ? 'numeric' : null,
        min: spec.kind === 'date' ? '0001-01-01' : null,
        max: spec.kind === 'date' ? '9999-12-31' : null,
        'aria-describedby': described,
      });
    }
    const label = el('label', { for: id, 'data-sk': spec.label });
    const hint = spec.hint ? el('p', { class: 'hint', id: `${id}-hint`, 'data-sk': spec.hint }) : null;
    const error = el('p', { class: 'error', id: `${id}-error` });
    const block = spec.kind === 'bool'
      ? el('div', { class: 'check' }, control, label, hint, error)
      : el('div', { class: 'field' }, label, control, hint, error);
    return { block, control };
  }

  for (const [group, specs] of Object.entries(FIELDS)) {
    const container = form.querySelector(`[data-fields="${group}"]`);
    for (const spec of specs) {
      const { block, control } = fieldBlock(spec);
      if (spec.path) control.dataset.path = spec.path;
      container.append(block);
      controls.set(spec.id, { control, spec });
    }
  }

  const paymentRows = $('payment-rows');
  const legalRows = $('legal-rows');

  function addRow(kind, values = {}) {
    const specs = kind === 'payment' ? PAYMENT_ROW : LEGAL_ROW;
    const n = ++uid;
    const prefix = kind === 'payment' ? `pay-${n}` : `legal-${n}`;
    const legend = el('legend', { 'data-sk': kind === 'payment' ? 'score.payments.row' : 'score.legal.row' });
    const grid = el('div', { class: 'row-fields' });
    const inputs = {};
    for (const spec of specs) {
      const { block, control } = fieldBlock({ ...spec, id: `${prefix}-${spec.name}` });
      control.dataset.rowField = spec.name;
      inputs[spec.name] = control;
      grid.append(block);
      const saved = values[spec.name];
      if (spec.kind === 'bool') control.checked = saved === true;
      else if (spec.kind === 'select') {
        if (typeof saved === 'string' && saved) control.dataset.pending = saved;
      } else if (typeof saved === 'string') control.value = saved;
    }
    const remove = el('button', { type: 'button', class: 'button button-remove' },
      el('span', { 'data-sk': 'score.remove' }), ' ', el('span', { class: 'visually-hidden', 'data-row-name': '' }));
    const row = el('fieldset', { class: 'row', 'data-row': kind }, legend, grid, remove);
    row.rowInputs = inputs;
    remove.addEventListener('click', () => {
      const list = row.parentElement;
      const next = row.nextElementSibling?.querySelector('.button-remove')
        ?? row.previousElementSibling?.querySelector('.button-remove')
        ?? $(kind === 'payment' ? 'add-payment' : 'add-legal');
      row.remove();
      numberRows(list);
      labelRows();
      next.focus();
      changed();
    });
    (kind === 'payment' ? paymentRows : legalRows).append(row);
    if (inputs.kind) fillKindOptions(inputs.kind);
    return row;
  }

  function numberRows(list) {
    [...list.children].forEach((row, i) => {
      row.dataset.n = String(i + 1);
    });
  }

  // ---- policy-driven options ------------------------------------------------------------

  /**
   * Fills a select with the policy's options (only the empty one before the policy is
   * loaded), keeping its value; a restored value waits in data-pending until its option exists.
   */
  function fillSelect(select, options, emptyKey) {
    const current = select.dataset.pending ?? select.value;
    select.replaceChildren(
      el('option', { value: '', 'data-sk': emptyKey, text: t(locale, emptyKey) }),
      ...options.map(([value, text]) => el('option', { value, text })),
    );
    select.value = options.some(([v]) => v === current) ? current : '';
    if (policy) delete select.dataset.pending;
  }

  function fillKindOptions(select) {
    const kinds = (policy?.legal?.events ?? []).map((e) => [e.kind, t(locale, `legal.${e.kind}`)]);
    fillSelect(select, kinds, 'score.legal.choose');
  }

  function fillOptions() {
    if (!policy) {
      fillSelect($('score-industry'), [], 'score.notKnown');
      fillSelect($('score-country'), [], 'score.notKnown');
      for (const select of legalRows.querySelectorAll('select[data-row-field="kind"]')) fillKindOptions(select);
      return;
    }
    const collator = new Intl.Collator(locale);
    const byName = (a, b) => collator.compare(a[1], b[1]);
    const industries = (policy.industries ?? [])
      .map((i) => [i.code, (locale === 'zh-CN' ? i.nameZh : i.nameEn) ?? i.nameEn ?? i.code])
      .sort(byName);
    fillSelect($('score-industry'), industries, 'score.notKnown');
    let regions = null;
    try {
      regions = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      regions = null;
    }
    const countries = (policy.countries ?? [])
      .map((c) => [c.code, regions?.of(c.code) ?? c.code])
      .sort(byName);
    fillSelect($('score-country'), countries, 'score.notKnown');
    for (const select of legalRows.querySelectorAll('select[data-row-field="kind"]')) fillKindOptions(select);
  }

  // ---- saving and restoring ---------------------------------------------------------------

  function rowValues(row) {
    const out = {};
    for (const [name, control] of Object.entries(row.rowInputs)) {
      out[name] = control.type === 'checkbox' ? control.checked : (control.dataset.pending ?? control.value);
    }
    return out;
  }

  function save() {
    const fields = {};
    for (const [id, { control, spec }] of controls) {
      fields[id] = spec.kind === 'bool' ? control.checked : (control.dataset.pending ?? control.value);
    }
    const state = {
      fields,
      paymentsMode: $('pay-mode-summary').checked ? 'summary' : 'invoices',
      payments: [...paymentRows.children].map(rowValues),
      legalNone: $('legal-none').checked,
      legal: [...legalRows.children].map(rowValues),
    };
    storage.set(STORE_KEY, JSON.stringify(state));
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
    for (const [id, { control, spec }] of controls) {
      const v = fields[id];
      if (spec.kind === 'bool') control.checked = v === true;
      else if (spec.kind === 'select') {
        if (typeof v === 'string' && v) control.dataset.pending = v;
      } else if (typeof v === 'string') control.value = v;
    }
    if (!fields['score-asOf']) $('score-asOf').value = today();
    $(saved.paymentsMode === 'summary' ? 'pay-mode-summary' : 'pay-mode-invoices').checked = true;
    $('legal-none').checked = saved.legalNone === true;
    const rows = (list) => (Array.isArray(list) ? list.filter((r) => r && typeof r === 'object') : null);
    const payments = rows(saved.payments) ?? [{}]; // a fresh page starts with one empty payment row
    for (const r of payments) addRow('payment', r);
    for (const r of rows(saved.legal) ?? []) addRow('legal', r);
    numberRows(paymentRows);
    numberRows(legalRows);
  }

  function syncVisibility() {
    const summary = $('pay-mode-summary').checked;
    $('payments-invoices').hidden = summary;
    $('payments-summary').hidden = !summary;
    $('legal-list').disabled = $('legal-none').checked;
  }

  // ---- reading the form into a ScoreInput ---------------------------------------------------

  function read() {
    const input = {};
    const map = new Map();
    const put = (path, control, value) => {
      map.set(path, control);
      if (value !== null) setPath(input, path, value);
    };
    const c = (id) => controls.get(id);

    for (const group of ['asof', 'profile', 'flags', 'bureau']) {
      for (const spec of FIELDS[group]) put(spec.path, c(spec.id).control, valueOf(c(spec.id).control, spec.kind));
    }

    // Financials: the latest period, and the previous year's revenue and net income as a
    // second period one year earlier when the latest period end is known.
    const latest = {};
    for (const spec of FIELDS.financials) {
      const { control } = c(spec.id);
      const name = spec.path.slice('financials.'.length);
      map.set(`financials.${name}`, control);
      map.set(`financials[0].${name}`, control);
      const v = valueOf(control, spec.kind);
      if (v !== null) latest[name] = v;
    }
    const previous = {};
    for (const spec of FIELDS.previous) {
      const { control } = c(spec.id);
      map.set(spec.path, control);
      const v = valueOf(control, spec.kind);
      if (v !== null) previous[spec.path.slice('financials[1].'.length)] = v;
    }
    map.set('financials[1].periodEnd', c('fin-periodEnd').control);
    const priorEnd = latest.periodEnd ? yearBefore(latest.periodEnd) : null;
    if (Object.keys(previous).length && priorEnd) {
      input.financials = [latest, { periodEnd: priorEnd, ...previous }];
    } else if (Object.keys(latest).length) {
      input.financials = latest;
    }

    // Payments: single invoices, or a summary.
    if ($('pay-mode-summary').checked) {
      const summary = {};
      for (const spec of FIELDS.summary) {
        const { control } = c(spec.id);
        map.set(spec.path, control);
        const v = valueOf(control, spec.kind);
        if (v !== null) summary[spec.path.slice('payments.summary.'.length)] = v;
      }
      if (Object.keys(summary).length) input.payments = { summary };
    } else {
      const list = [];
      for (const row of paymentRows.children) {
        const item = {};
        for (const spec of PAYMENT_ROW) {
          const v = valueOf(row.rowInputs[spec.name], spec.kind);
          if (v !== null) item[spec.name] = v;
        }
        if (!Object.keys(item).length) continue; // an empty row is not a payment
        for (const spec of PAYMENT_ROW) map.set(`payments[${list.length}].${spec.name}`, row.rowInputs[spec.name]);
        list.push(item);
      }
      if (list.length) input.payments = list;
    }

    // Legal records: checked and clean is an empty list; nothing checked is left out.
    if ($('legal-none').checked) {
      input.legal = [];
    } else {
      const list = [];
      for (const row of legalRows.children) {
        const item = {};
        for (const spec of LEGAL_ROW) {
          const v = valueOf(row.rowInputs[spec.name], spec.kind);
          if (v !== null) item[spec.name] = v;
        }
        if (!Object.keys(item).some((k) => k !== 'resolved')) continue;
        for (const spec of LEGAL_ROW) map.set(`legal[${list.length}].${spec.name}`, row.rowInputs[spec.name]);
        list.push(item);
      }
      if (list.length) input.legal = list;
    }
    return { input, map };
  }

  // ---- scoring ------------------------------------------------------------------------------

  /**
   * The policy in use, for the lists to choose from (industries, countries, legal events) and
   * the number of grades. The score does not wait for it: the engine has the policy itself,
   * and a restored choice waits in its select's data-pending, which read() uses. (Waiting cost
   * the cold start the policy's response and the lists' Intl.Collator and Intl.DisplayNames,
   * some 30 ms before the first score.)
   */
  let policyLoading = null;
  function loadPolicy() {
    policyLoading ??= call('defaultPolicy').then((loaded) => {
      if (loaded.ok) {
        const before = JSON.stringify(read().input);
        const grades = gradeCount();
        policy ??= loaded.value;
        fillOptions();
        // A restored choice the policy does not list is "not known" now: scored again.
        if (JSON.stringify(read().input) !== before) recalculate();
        else if (outcome && gradeCount() !== grades) render(); // "grade 3 of N"
      } else {
        policyLoading = null; // try again on the next keystroke
      }
      return loaded;
    });
    return policyLoading;
  }

  async function recalculate() {
    const mine = ++ticket;
    if (!policy) loadPolicy();
    const { input, map } = read();
    const result = await call('scoreCustomer', input);
    if (mine !== ticket) return; // a newer keystroke's result is on its way
    outcome = result;
    targets = map;
    render();
    publish();
    ctx.report('score', result, input);
    ctx.mark('scoreReady');
  }

  /** Tells the page's other sections (the credit limit) the latest score: the result, or null. */
  function publish() {
    bus.dispatchEvent(new CustomEvent('score-result', { detail: outcome?.ok ? outcome.value : null }));
  }

  function changed() {
    syncVisibility();
    save();
    recalculate();
  }

  // ---- rendering ----------------------------------------------------------------------------

  function setText(id, text) {
    writeText($(id), text);
  }

  /** The status line: a live region, so written again even when it reads the same (announced again). */
  function announce(text) {
    $('score-status').textContent = text;
  }

  function translate() {
    translateNodes($('score'));
    labelRows();
    fillOptions();
  }

  function translateNodes(root) {
    for (const node of root.querySelectorAll('[data-sk]')) node.textContent = t(locale, node.dataset.sk);
  }

  /** Each row's legend and its remove button's hidden name: "Payment 2". */
  function labelRows() {
    for (const list of [paymentRows, legalRows]) {
      for (const row of list.children) {
        const key = row.dataset.row === 'payment' ? 'score.payments.row' : 'score.legal.row';
        const name = t(locale, key, { n: row.dataset.n });
        row.querySelector('legend').textContent = name;
        row.querySelector('[data-row-name]').textContent = name;
      }
    }
  }

  function buildGauge() {
    const box = $('score-gauge');
    const arc = 'M 15 100 A 85 85 0 0 1 185 100';
    const root = svg('svg', { viewBox: '0 0 200 108', class: 'gauge-svg', role: 'img' });
    const title = svg('title');
    root.append(
      title,
      svg('path', { d: arc, class: 'gauge-track', pathLength: '100' }),
    );
    const value = svg('path', { d: arc, class: 'gauge-value', pathLength: '100', 'stroke-dasharray': '0 100' });
    const low = svg('text', { x: '15', y: '106', class: 'gauge-tick', 'text-anchor': 'middle' });
    low.textContent = '0';
    const high = svg('text', { x: '185', y: '106', class: 'gauge-tick', 'text-anchor': 'middle' });
    high.textContent = '100';
    low.setAttribute('aria-hidden', 'true');
    high.setAttribute('aria-hidden', 'true');
    root.append(value, low, high);
    box.prepend(root);
    return { root, title, value };
  }

  function setGauge(r) {
    const label = r
      ? t(locale, 'score.gauge', { score: fmt.fixed(r.score, locale, 1), grade: r.grade, of: gradeCount() })
      : t(locale, 'score.gauge.none');
    gauge.root.setAttribute('aria-label', label);
    gauge.title.textContent = label;
    gauge.value.setAttribute('stroke-dasharray', r ? `${r.score} 100` : '0 100');
    gauge.value.setAttribute('class', r ? `gauge-value band-${r.band}` : 'gauge-value');
  }

  function gradeCount() {
    return policy?.grades?.length ?? 10;
  }

  function clearErrors() {
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    for (const node of form.querySelectorAll('.error')) node.textContent = '';
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

  function render() {
    clearErrors();
    const result = $('score-result');
    if (!outcome) {
      announce(t(locale, 'engine.loading'));
      return;
    }
    if (!outcome.ok) {
      result.classList.add('stale');
      $('score-breakdown').classList.add('stale');
      const { error } = outcome;
      let unplaced = null;
      for (const problem of error.errors.length ? error.errors : [error]) {
        const control = error.code === 'ENGINE_FAILED' ? null : controlFor(String(problem.field ?? ''));
        if (control) {
          control.setAttribute('aria-invalid', 'true');
          const slot = $(`${control.id}-error`);
          if (slot && !slot.textContent) slot.textContent = problemText(locale, problem);
        } else {
          unplaced ??= problem;
        }
      }
      const status = error.code === 'ENGINE_FAILED'
        ? t(locale, 'engine.failed')
        : unplaced ? problemText(locale, unplaced) : t(locale, 'result.fix');
      $('score-status').classList.remove('quiet');
      announce(status);
      renderScore(null);
      return;
    }
    result.classList.remove('stale');
    $('score-breakdown').classList.remove('stale');
    renderScore(outcome.value);
  }

  function renderScore(r) {
    setGauge(r);
    setText('score-policy', r ? t(locale, 'policy.version', { version: r.policyVersion }) : '');
    const dash = '—';
    const clear = (...ids) => ids.forEach((id) => $(id).replaceChildren());
    if (!r) {
      for (const id of ['score-value', 'score-pd', 'score-band', 'score-decision', 'score-total']) setText(id, dash);
      $('score-band').className = 'badge';
      clear('score-grade', 'score-knockout', 'score-confidence', 'score-missing', 'score-notes', 'score-reasons', 'score-next', 'score-factor-rows');
      renderAnalysis(null);
      renderPaymentIndex(null);
      return;
    }
    const score = fmt.fixed(r.score, locale, 1);
    const decision = t(locale, `decision.${r.decision}`);
    $('score-status').classList.add('quiet');
    announce(t(locale, 'score.status', { score, grade: r.grade, of: gradeCount(), decision }));
    setText('score-value', score);
    setText('score-grade', t(locale, 'score.grade', { grade: r.grade, of: gradeCount() }));
    setText('score-pd', fmt.percent(r.pd, locale, 2));
    setText('score-band', t(locale, `band.${r.band}`));
    $('score-band').className = `badge band-${r.band}`;
    setText('score-decision', decision);
    setText('score-knockout', r.knockout ? t(locale, `knockout.${r.knockout}`) : '');

    const c = r.confidence;
    setText('score-confidence', t(locale, 'score.confidence.value', {
      level: t(locale, `confidence.${c.level}`),
      percent: fmt.percent(c.value, locale, 0),
    }));
    setText('score-missing', c.missing.length
      ? t(locale, 'score.missing', { list: fmt.list(c.missing.map((f) => inSentence(t(locale, `factor.${f}`))), locale) })
      : t(locale, 'score.missing.none'));
    patch($('score-notes'), ...c.notes.map((n) => el('li', { text: t(locale, `note.${n}`) })));

    patch($('score-reasons'), ...(r.reasons.length
      ? r.reasons.map((reason) => el('li', { text: fmt.localized(reason.text, locale) }))
      : [el('li', { class: 'none', text: t(locale, 'score.reasons.none') })]));
    setText('score-next', r.toNextGrade
      ? t(locale, 'score.next', { grade: r.toNextGrade.newGrade, text: fmt.localized(r.toNextGrade.text, locale) })
      : '');

    renderFactors(r);
    renderAnalysis(r.financialAnalysis);
    renderPaymentIndex(r.paymentIndex);
  }

  function factorValue(f, r) {
    if (!f.available || f.value === null) return t(locale, 'score.noData');
    const v = f.value;
    switch (f.code) {
      case 'altman': {
        const zone = r.financialAnalysis?.altman?.zone ?? ZONES[Number(v)] ?? null;
        return zone ? t(locale, `zone.${zone}`) : fmt.number(v, locale, 2);
      }
      case 'currentRatio': return fmt.number(v, locale, 2);
      case 'interestCover': return t(locale, 'unit.times', { n: fmt.number(v, locale, 2) });
      case 'debtRatio':
      case 'netMargin':
      case 'revenueGrowth': return fmt.percent(v, locale, 1);
      case 'paymentIndex': return fmt.number(v, locale, 1);
      case 'legal': return t(locale, 'unit.severity', { n: fmt.number(v, locale, 2) });
      case 'businessAge': return t(locale, 'unit.years', { n: fmt.number(v, locale, 2) });
      case 'employees': return fmt.number(v, locale, 0);
      case 'industryRisk': return t(locale, 'unit.riskClass', { n: fmt.number(v, locale, 0) });
      case 'countryRisk': return t(locale, 'unit.oecd', { n: fmt.number(v, locale, 0) });
      case 'bureauScore': return t(locale, 'unit.of100', { n: fmt.number(v, locale, 2) });
      default: return fmt.number(v, locale, 4);
    }
  }

  function bar(points) {
    const root = svg('svg', { viewBox: '0 0 100 8', preserveAspectRatio: 'none', class: 'bar', 'aria-hidden': 'true' });
    root.append(
      svg('rect', { x: '0', y: '0', width: '100', height: '8', class: 'bar-track' }),
      svg('rect', { x: '0', y: '0', width: points ?? '0', height: '8', class: 'bar-fill' }),
    );
    return root;
  }

  function renderFactors(r) {
    const rows = r.factors.map((f) => {
      const missing = !f.available;
      const value = factorValue(f, r);
      // On a phone the value shows under the name and the value column is hidden (CSS).
      return el('tr', { class: missing ? 'missing' : null, 'data-factor': f.code },
        el('th', { scope: 'row' },
          el('span', { class: 'factor-name', text: t(locale, `factor.${f.code}`) }),
          el('span', { class: 'factor-value', text: value })),
        el('td', { class: 'value', text: value }),
        el('td', { class: 'points' },
          el('span', { text: missing ? '—' : fmt.number(f.points, locale, 1) }),
          bar(missing ? null : f.points)),
        el('td', { class: 'num', text: fmt.percentPoints(f.effectiveWeight, locale, 1) }),
        el('td', { class: 'num', text: fmt.number(f.contribution, locale, 2) }),
      );
    });
    patch($('score-factor-rows'), ...rows);
    setText('score-total', fmt.fixed(r.score, locale, 1));
  }

  /** A label inside an English sentence: "Cost of goods sold" → "cost of goods sold" (not "EBIT", "Altman"). */
  function inSentence(label) {
    if (locale !== 'en' || !/^[A-Z][a-z]/.test(label) || /^Altman\b/.test(label)) return label;
    return label[0].toLowerCase() + label.slice(1);
  }

  function unavailableText(ratio) {
    let reason;
    if (ratio.unavailable === 'MISSING_INPUT') {
      const names = [...new Set(ratio.missing ?? [])].map((m) => inSentence(t(locale, `fin.${m}`)));
      reason = t(locale, 'unavailable.MISSING_INPUT', { list: fmt.list(names, locale) });
    } else {
      reason = t(locale, `unavailable.${ratio.unavailable ?? 'MISSING_INPUT'}`, { list: '' });
    }
    return t(locale, 'fa.unavailable', { reason });
  }

  function ratioText(name, ratio) {
    if (!ratio || ratio.value === null) return unavailableText(ratio ?? { unavailable: 'MISSING_INPUT', missing: [] });
    const v = ratio.value;
    if (PERCENT_RATIOS.has(name)) return fmt.percent(v, locale, 2);
    if (DAY_RATIOS.has(name)) return t(locale, 'unit.days', { n: fmt.number(v, locale, 1) });
    if (AMOUNT_RATIOS.has(name)) return fmt.number(v, locale, 2);
    if (name === 'interestCover') return t(locale, 'unit.times', { n: fmt.number(v, locale, 2) });
    return fmt.number(v, locale, 2);
  }

  function renderAnalysis(fa) {
    $('fa-body').hidden = !fa;
    if (!fa) {
      setText('fa-summary', outcome?.ok ? t(locale, 'fa.none') : '');
      $('fa-ratios').replaceChildren();
      return;
    }
    setText('fa-summary', fa.periodEnd ? t(locale, 'fa.periodEnd', { date: fmt.date(fa.periodEnd, locale) }) : '');
    const row = (key, text, missing) => el('tr', { class: missing ? 'missing' : null, 'data-ratio': key },
      el('th', { scope: 'row', text: t(locale, `ratio.${key}`) }), el('td', { text }));
    const rows = RATIOS.map((name) => row(name, ratioText(name, fa.ratios[name]), fa.ratios[name]?.value === null));
    if (fa.trend) {
      rows.push(row('revenueGrowth', ratioText('revenueGrowth', fa.trend.revenueGrowth), fa.trend.revenueGrowth.value === null));
      rows.push(row('netMarginChange', ratioText('netMarginChange', fa.trend.netMarginChange), fa.trend.netMarginChange.value === null));
      if (fa.trend.secondLossYear !== null) {
        rows.push(row('secondLossYear', t(locale, fa.trend.secondLossYear ? 'fa.yes' : 'fa.no'), false));
      }
    }
    patch($('fa-ratios'), ...rows);

    const a = fa.altman;
    setText('altman-model', t(locale, 'altman.model.text', {
      model: t(locale, `altman.model.${a.model}`),
      reason: t(locale, `altman.reason.${a.modelReason}`),
    }));
    setText('altman-value', a.value === null ? unavailableText(a) : fmt.number(a.value, locale, 2));
    setText('altman-zone', a.zone ? t(locale, `zone.${a.zone}`) : '—');
    setText('altman-thresholds', t(locale, 'fa.altman.thresholdsText', {
      distress: fmt.number(a.distressBelow, locale, 2),
      safe: fmt.number(a.safeAbove, locale, 2),
    }));
    setText('em-score', fa.emScore
      ? t(locale, 'fa.em.value', { value: fmt.number(fa.emScore.value, locale, 2), rating: fa.emScore.rating })
      : '—');
    setText('fa-assumptions', fa.assumptions?.length
      ? t(locale, 'fa.assumptions', { list: fmt.list(fa.assumptions.map((x) => t(locale, `assumption.${x}`)), locale) })
      : '');
  }

  function renderPaymentIndex(pi) {
    $('pi-body').hidden = !pi;
    setText('pi-summary', pi || !outcome?.ok ? '' : t(locale, 'pi.none'));
    if (!pi) return;
    setText('pi-index', fmt.number(pi.recencyWeightedIndex ?? pi.index, locale, 1));
    setText('pi-practice', pi.practice ? t(locale, `practice.${pi.practice}`) : '—');
    setText('pi-band', pi.band ? t(locale, `pi.band.${pi.band}`) : '—');
    setText('pi-counted', fmt.number(pi.counted, locale, 0));
    setText('pi-days', pi.weightedDaysBeyondTerms === null ? '—' : fmt.number(pi.weightedDaysBeyondTerms, locale, 1));
    setText('pi-open', fmt.number(pi.openNotDue, locale, 0));
  }

  // ---- start --------------------------------------------------------------------------------

  gauge = buildGauge();
  restore();
  syncVisibility();
  translate();
  render();

  form.addEventListener('input', changed);
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const [button, kind, list] of [['add-payment', 'payment', paymentRows], ['add-legal', 'legal', legalRows]]) {
    $(button).addEventListener('click', () => {
      const row = addRow(kind);
      numberRows(list);
      translateNodes(row);
      labelRows();
      row.querySelector('input, select').focus();
      changed();
    });
  }
  recalculate();

  return {
    setLocale(next) {
      locale = next;
      translate();
      render();
    },
  };
}

registerView('score', startScoreView);
