// The "Overdue customer" section of the deal-check page: a customer is late; the open
// invoices typed here give the ageing, the dunning ladder with what may be claimed on each
// date, the recovery routes compared and a restructuring plan. One way, like the other
// sections: form (+ the latest customer score's grade and as-of date) → plain OverdueInput →
// engine `overduePlan` → render. The score reaches this section only through the
// `score-result` event score-view.js dispatches on `document` (detail: the result, or null).
// Every field and invoice row is saved locally as it is typed and restored on reload; an
// invalid field is marked with the engine's problem in the current language and nothing
// typed is ever changed. The page never computes money: every figure is an engine decimal
// string formatted with Intl; percentages typed become fractions by moving the decimal point
// on the digits (format.js percentToFraction). The only arithmetic here is the drawn width
// of the ageing bar's segments. Each step of the ladder has a "Print letter" button: the
// step's reminder letter (letter.js) goes to ctx.print, which prints it alone.
import * as fmt from './format.js';
import { problemText, t } from './i18n.js';
import './i18n-sections.js'; // the sections' texts
import { el, nameCountryOptions, svg, today, whenIdle, patch } from './dom.js';
import { buildLetter, stepName } from './letter.js';
import { lt } from './letter-i18n.js';
import { registerView } from './view-registry.js';

const STORE_KEY = 'credit-calculator:overdue:v1';
const CURRENCIES = ['CNY', 'EUR', 'USD', 'GBP', 'HKD', 'JPY', 'SGD', 'CHF'];
const JURISDICTIONS = ['EU', 'UK', 'CN', 'US', 'custom'];
const EU_COUNTRIES = ['DE', 'FR'];
const FREQUENCIES = ['monthly', 'weekly'];
const BUCKETS = ['current', '1-30', '31-60', '61-90', 'over90'];

/** The section's fields, by the container (data-fields) they go in. `for`: the jurisdictions that show (and send) it. */
const FIELDS = {
  case: [
    { id: 'od-name', path: 'name', kind: 'text', label: 'score.profile.name', letterHint: 'hint.name' }, // the letters' addressee
    { id: 'od-asOf', path: 'asOf', kind: 'date', label: 'od.asOf', hint: '' }, // its hint, the date an empty field stands for, is set by render()
    { id: 'od-currency', path: 'currency', kind: 'select', values: CURRENCIES, label: 'od.currency', initial: 'CNY' },
    { id: 'od-jurisdiction', path: 'jurisdiction', kind: 'select', values: JURISDICTIONS, valueKey: 'late.jurisdiction.', label: 'od.jurisdiction', hint: 'od.hint.jurisdiction', initial: 'EU' },
    { id: 'od-country', path: 'country', kind: 'select', values: ['', ...EU_COUNTRIES], country: true, label: 'od.country', hint: 'od.hint.country', initial: '', for: ['EU'] },
    { id: 'od-agreedRate', path: 'agreedRate', kind: 'percent', label: 'od.agreedRate', hint: 'od.hint.agreedRate', for: ['CN', 'US', 'custom'] },
  ],
  plan: [
    { id: 'od-planCount', path: 'plan.count', kind: 'integer', label: 'od.planCount', hint: 'od.hint.planCount', initial: '6' },
    { id: 'od-planFrequency', path: 'plan.frequency', kind: 'select', values: FREQUENCIES, valueKey: 'od.frequency.', label: 'od.planFrequency', initial: 'monthly' },
    { id: 'od-planRate', path: 'plan.annualRate', kind: 'percent', label: 'od.planRate', hint: 'od.hint.planRate' },
    { id: 'od-planIncludeInterest', path: 'plan.includeInterest', kind: 'bool', label: 'od.planIncludeInterest', hint: 'od.hint.planIncludeInterest' },
  ],
};
const SPECS = Object.values(FIELDS).flat();

/** One invoice row's fields; `paid` is sent as one payment dated the as-of date. */
const ROW = [
  { name: 'number', kind: 'text', label: 'od.row.number' },
  { name: 'amount', kind: 'decimal', label: 'od.row.amount' },
  { name: 'invoiceDate', kind: 'date', label: 'od.row.invoiceDate' },
  { name: 'dueDate', kind: 'date', label: 'od.row.dueDate' },
  { name: 'paid', kind: 'decimal', label: 'od.row.paid' },
  { name: 'disputed', kind: 'bool', label: 'od.row.disputed' },
];

/** What one control holds, as the engine reads it; null when empty. */
function valueOf(control, kind) {
  if (kind === 'bool') return control.checked;
  if (kind === 'percent') return fmt.percentToFraction(control.value);
  if (kind === 'decimal' || kind === 'integer') return fmt.decimalText(control.value);
  return control.value.trim() || null;
}

/**
 * Starts the section. `storage` is the page's forgiving localStorage wrapper. Returns
 * `{ setLocale }` for the page's language switch.
 */
export function startOverdueView(ctx) {
  const { locale: initialLocale, storage, $, call, bus } = ctx;
  /** A field's starting value; the host's `currency` attribute is the starting currency. */
  const initial = (spec) => (spec.path === 'currency' && CURRENCIES.includes(ctx.currency) ? ctx.currency : spec.initial);
  let locale = initialLocale;
  let score = null; // the latest valid customer score, or null
  let outcome = null; // { ok, value } | { ok: false, error } | null while no invoice is entered
  let outcomeInput = null; // the OverdueInput that produced `outcome` (the letters' customer name)
  let targets = new Map(); // engine path → control, for the input that produced `outcome`
  let ticket = 0;
  let uid = 0;

  const form = $('overdue-form');
  const rowsList = $('overdue-rows');
  const controls = new Map(); // id → { control, block, spec }

  // ---- building the form ---------------------------------------------------------------

  function fieldBlock(spec, id) {
    const hinted = spec.hint !== undefined || spec.letterHint !== undefined;
    const described = [hinted ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
    if (spec.kind === 'bool') {
      const control = el('input', { id, type: 'checkbox', 'aria-describedby': described });
      const block = el('div', { class: 'check' },
        control,
        el('label', { for: id, 'data-sk': spec.label }),
        hinted ? el('p', { class: 'hint', id: `${id}-hint`, 'data-sk': spec.hint || null }) : null,
        el('p', { class: 'error', id: `${id}-error` }));
      return { block, control };
    }
    let control;
    if (spec.kind === 'select') {
      control = el('select', { id, 'aria-describedby': described }, ...spec.values.map((v) => el('option', {
        value: v,
        'data-sk': spec.valueKey ? `${spec.valueKey}${v}` : (spec.country && !v ? 'od.country.other' : null),
        'data-country': spec.country && v ? v : null,
        text: spec.valueKey || spec.country ? null : v,
      })));
    } else {
      control = el('input', {
        id,
        type: spec.kind === 'date' ? 'date' : 'text',
        inputmode: spec.kind === 'integer' ? 'numeric' : spec.kind === 'decimal' || spec.kind === 'percent' ? 'decimal' : null,
        min: spec.kind === 'date' ? '0001-01-01' : null,
        max: spec.kind === 'date' ? '9999-12-31' : null,
        'aria-describedby': described,
      });
    }
    const block = el('div', { class: 'field' },
      el('label', { for: id, 'data-sk': spec.label }),
      control,
      hinted ? el('p', { class: 'hint', id: `${id}-hint`, 'data-sk': spec.hint || null, 'data-lk': spec.letterHint ?? null }) : null,
      el('p', { class: 'error', id: `${id}-error` }));
    return { block, control };
  }

  for (const [group, specs] of Object.entries(FIELDS)) {
    const container = form.querySelector(`[data-fields="${group}"]`);
    for (const spec of specs) {
      const { block, control } = fieldBlock(spec, spec.id);
      container.append(block);
      controls.set(spec.id, { control, block, spec });
    }
  }

  const c = (id) => controls.get(id).control;
  const jurisdiction = () => c('od-jurisdiction').value;
  const applies = (spec) => !spec.for || spec.for.includes(jurisdiction());

  function syncVisibility() {
    for (const { block, spec } of controls.values()) block.hidden = !applies(spec);
  }

  function addRow(values = {}) {
    const n = ++uid;
    const legend = el('legend');
    const grid = el('div', { class: 'row-fields' });
    const inputs = {};
    for (const spec of ROW) {
      const { block, control } = fieldBlock(spec, `od-inv-${n}-${spec.name}`);
      control.dataset.rowField = spec.name;
      inputs[spec.name] = control;
      grid.append(block);
      const saved = values[spec.name];
      if (spec.kind === 'bool') control.checked = saved === true;
      else if (typeof saved === 'string') control.value = saved;
    }
    const remove = el('button', { type: 'button', class: 'button button-remove' },
      el('span', { 'data-sk': 'od.remove' }), ' ', el('span', { class: 'visually-hidden', 'data-row-name': '' }));
    const row = el('fieldset', { class: 'row', 'data-row': 'invoice' }, legend, grid, remove);
    row.rowInputs = inputs;
    remove.addEventListener('click', () => {
      const next = row.nextElementSibling?.querySelector('.button-remove')
        ?? row.previousElementSibling?.querySelector('.button-remove')
        ?? $('overdue-add');
      row.remove();
      labelRows();
      next.focus();
      changed();
    });
    rowsList.append(row);
    return row;
  }

  /** Each row's legend and its remove button's hidden name: "Invoice 2". */
  function labelRows() {
    [...rowsList.children].forEach((row, i) => {
      const name = t(locale, 'od.row', { n: i + 1 });
      row.querySelector('legend').textContent = name;
      row.querySelector('[data-row-name]').textContent = name;
    });
  }

  // ---- saving and restoring ---------------------------------------------------------------

  function rowValues(row) {
    return Object.fromEntries(ROW.map((spec) => {
      const control = row.rowInputs[spec.name];
      return [spec.name, spec.kind === 'bool' ? control.checked : control.value];
    }));
  }

  function save() {
    const fields = Object.fromEntries([...controls].map(([id, { control, spec }]) => [id, spec.kind === 'bool' ? control.checked : control.value]));
    storage.set(STORE_KEY, JSON.stringify({ fields, invoices: [...rowsList.children].map(rowValues) }));
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
      else if (spec.kind === 'select') control.value = spec.values.includes(v) ? v : initial(spec);
      else control.value = typeof v === 'string' ? v : initial(spec) ?? '';
    }
    const rows = Array.isArray(saved.invoices) ? saved.invoices.filter((r) => r && typeof r === 'object') : [];
    for (const r of rows.length ? rows : [{}]) addRow(r); // a fresh page starts with one empty row
  }

  // ---- reading the form into the engine's input ----------------------------------------------

  const asOfDefault = () => score?.asOf ?? today();

  function read() {
    const map = new Map();
    const v = (id) => valueOf(c(id), controls.get(id).spec.kind);
    const asOf = v('od-asOf') ?? asOfDefault();
    const input = { asOf };
    map.set('asOf', c('od-asOf'));
    for (const spec of FIELDS.case) {
      if (spec.path === 'asOf' || !applies(spec)) continue;
      map.set(spec.path, c(spec.id));
      const value = v(spec.id);
      if (value !== null) input[spec.path] = value;
    }
    if (score && Number.isInteger(score.grade)) input.grade = score.grade;
    // The letters' addressee: typed here, else the customer the score section is about.
    if (input.name === undefined && score?.profile?.name) input.name = score.profile.name;

    const invoices = [];
    for (const row of rowsList.children) {
      const item = {};
      for (const spec of ROW) {
        if (spec.kind === 'bool') continue;
        const value = valueOf(row.rowInputs[spec.name], spec.kind);
        if (value !== null) item[spec.name] = value;
      }
      if (!Object.keys(item).length) continue; // an empty row is not an invoice
      const paid = item.paid;
      delete item.paid;
      if (paid !== undefined) item.payments = [{ date: asOf, amount: paid }];
      if (row.rowInputs.disputed.checked) item.disputed = true;
      const k = invoices.length;
      for (const spec of ROW) map.set(`invoices[${k}].${spec.name === 'paid' ? 'payments' : spec.name}`, row.rowInputs[spec.name]);
      invoices.push(item);
    }
    input.invoices = invoices;

    const count = v('od-planCount');
    for (const spec of FIELDS.plan) map.set(spec.path, c(spec.id));
    map.set('plan', c('od-planCount'));
    if (count !== null) {
      const plan = { count: /^\d+$/.test(count) && count.length < 10 ? Number(count) : count };
      plan.frequency = v('od-planFrequency');
      const rate = v('od-planRate');
      if (rate !== null) plan.annualRate = rate;
      if (v('od-planIncludeInterest')) plan.includeInterest = true;
      input.plan = plan;
    }
    return { input, map };
  }

  /** The control an engine path points at: exact, else its invoice's field (payments[0].amount → paid). */
  function controlOf(path) {
    if (targets.has(path)) return targets.get(path);
    const m = /^(invoices\[\d+\]\.\w+)/.exec(path);
    if (m && targets.has(m[1])) return targets.get(m[1]);
    return null;
  }

  // ---- calculating --------------------------------------------------------------------------

  async function recalculate() {
    const mine = ++ticket;
    const { input, map } = read();
    if (!input.invoices.length) {
      outcome = null;
      outcomeInput = null;
      targets = map;
      render();
      ctx.report('overdue', null, null);
      ctx.mark('overdueReady');
      return;
    }
    const result = await call('overduePlan', input);
    if (mine !== ticket) return; // a newer keystroke's or score's result is on its way
    outcome = result;
    outcomeInput = input;
    targets = map;
    render();
    ctx.report('overdue', result, input);
    ctx.mark('overdueReady');
  }

  function changed() {
    save();
    recalculate();
  }

  // ---- rendering ----------------------------------------------------------------------------

  const setText = (id, text) => {
    $(id).textContent = text;
  };

  function translate() {
    for (const node of $('overdue').querySelectorAll('[data-sk]')) node.textContent = t(locale, node.dataset.sk);
    for (const node of $('overdue').querySelectorAll('[data-lk]')) node.textContent = lt(locale, node.dataset.lk);
    whenIdle(() => nameCountryOptions($('overdue'), locale)); // the codes stand until then
    labelRows();
  }

  function clearErrors() {
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    for (const node of form.querySelectorAll('.error')) node.textContent = '';
  }

  function setStatus(text, kind) {
    const status = $('overdue-status');
    status.className = `overdue-status ${kind}`;
    status.textContent = text;
  }

  /** A problem in words: this section's wording for its fields, else the page's. */
  function problemMessage(problem) {
    const leaf = String(problem.field ?? '').replace(/\[\d+\]/g, '').replace(/^.*\.(?=\w+$)/, '');
    const key = `od.error.${leaf}.${problem.code}`;
    const text = t(locale, key, problem);
    return text === key ? problemText(locale, problem) : text;
  }

  function render() {
    clearErrors();
    syncVisibility();
    setText('od-asOf-hint', t(locale, score?.asOf ? 'od.hint.asOf.score' : 'od.hint.asOf.today', { date: fmt.date(asOfDefault(), locale) }));
    setText('overdue-grade', score && Number.isInteger(score.grade)
      ? t(locale, 'od.grade', { grade: score.grade })
      : t(locale, 'od.grade.none'));
    if (!outcome) {
      setStatus(t(locale, 'od.enter'), 'note');
      renderPlan(null);
      return;
    }
    if (!outcome.ok) {
      const { error } = outcome;
      let unplaced = null;
      for (const problem of error.errors.length ? error.errors : [error]) {
        const control = error.code === 'ENGINE_FAILED' ? null : controlOf(String(problem.field ?? ''));
        if (control) {
          control.setAttribute('aria-invalid', 'true');
          const slot = $(`${control.id}-error`);
          if (!slot.textContent) slot.textContent = problemMessage(problem);
        } else {
          unplaced ??= problem;
        }
      }
      const status = error.code === 'ENGINE_FAILED'
        ? t(locale, 'engine.failed')
        : unplaced ? problemMessage(unplaced) : t(locale, 'result.fix');
      setStatus(status, 'problem');
      renderPlan(null);
      return;
    }
    renderPlan(outcome.value);
  }

  function renderPlan(r) {
    $('overdue-result').classList.toggle('stale', !r);
    $('overdue-body').hidden = !r;
    if (!r) {
      for (const id of ['overdue-ageing-rows', 'overdue-ageing-bar', 'overdue-disputed', 'overdue-ladder', 'overdue-route-rows', 'overdue-plan-rows']) $(id).replaceChildren();
      for (const id of ['overdue-overdueTotal', 'overdue-outstandingTotal', 'overdue-claimable']) setText(id, '—');
      for (const id of ['overdue-best', 'overdue-plan-note', 'overdue-legal']) setText(id, '');
      return;
    }
    const money = (amount) => fmt.money(amount, r.currency ?? null, locale);

    setText('overdue-overdueTotal', money(r.overdueTotal));
    setText('overdue-outstandingTotal', money(r.outstandingTotal));
    setText('overdue-claimable', money(r.claimableNow.total));

    renderAgeing(r, money);

    // Disputed invoices, apart: out of the ageing and the dunning until resolved.
    $('overdue-disputed-wrap').hidden = !r.disputed.length;
    patch($('overdue-disputed'), ...r.disputed.map((d) => el('li', { 'data-number': d.number },
      el('span', { class: 'overdue-inv', text: t(locale, 'od.disputed.item', {
        number: d.number,
        amount: money(d.outstanding),
        date: fmt.date(d.dueDate, locale),
      }) }))));

    // The dunning ladder.
    $('overdue-ladder').replaceChildren(...r.ladder.map((step) => {
      const claim = (key, amount, cls) => el('div', { class: cls },
        el('dt', { text: t(locale, key) }), el('dd', { text: money(amount) }));
      return el('li', { class: `overdue-step ${step.status}`, 'data-action': step.action, 'data-status': step.status },
        el('p', { class: 'overdue-step-head' },
          el('span', { class: 'overdue-step-action', text: stepName(step.action, locale) }),
          ' ',
          el('time', { class: 'overdue-step-date', datetime: step.date, text: fmt.date(step.date, locale) }),
          ' ',
          el('span', { class: `overdue-badge ${step.status}`, text: t(locale, step.status === 'due' ? 'od.status.due' : 'od.status.upcoming') })),
        el('p', { class: 'overdue-step-sub', text: t(locale, 'od.step.days', {
          days: step.days,
          invoices: step.claim.invoices.length ? fmt.list(step.claim.invoices, locale) : t(locale, 'od.step.none'),
        }) }),
        el('dl', { class: 'overdue-claim' },
          claim('od.claim.principal', step.claim.principal, 'claim-principal'),
          claim('od.claim.interest', step.claim.interest, 'claim-interest'),
          claim('od.claim.compensation', step.claim.compensation, 'claim-compensation'),
          claim('od.claim.total', step.claim.total, 'claim-total')),
        el('p', { class: 'overdue-letter', lang: locale, text: fmt.localized(step.letter, locale) }),
        printButton(r, step));
    }));

    // The recovery routes, best first by rank in the table's own order.
    const best = r.routes.find((x) => x.route === r.bestRoute);
    setText('overdue-best', best ? t(locale, 'od.best', { route: t(locale, `od.route.${best.route}`), pv: money(best.presentValue) }) : '');
    patch($('overdue-route-rows'), ...r.routes.map((x) => {
      const isBest = x.route === r.bestRoute;
      return el('tr', { class: isBest ? 'best' : null, 'data-route': x.route },
        el('th', { scope: 'row' },
          el('span', { text: t(locale, `od.route.${x.route}`) }),
          isBest ? ' ' : null,
          isBest ? el('span', { class: 'overdue-badge best', text: t(locale, 'od.route.bestMark') }) : null),
        el('td', { class: 'num recovery', text: money(x.expectedRecovery) }),
        el('td', { class: 'num cost', text: money(x.cost) }),
        el('td', { class: 'num months', text: fmt.number(x.months, locale, 0) }),
        el('td', { class: 'date', text: fmt.date(x.expectedDate, locale) }),
        el('td', { class: 'num pv', text: money(x.presentValue) }),
        el('td', { class: 'num rank', text: fmt.number(x.rank, locale, 0) }));
    }));

    // The restructuring plan.
    const plan = r.restructuring;
    $('overdue-plan-wrap').hidden = !plan;
    setText('overdue-plan-note', plan
      ? t(locale, 'od.plan.summary', { count: plan.instalments.length, total: money(plan.totalPayments), interest: money(plan.totalInterest) })
      : t(locale, isZeroText(r.overdueTotal) ? 'od.plan.nothing' : 'od.plan.none'));
    patch($('overdue-plan-rows'), ...(plan?.instalments ?? []).map((i) => el('tr', { 'data-number': String(i.number) },
      el('th', { scope: 'row', class: 'num', text: fmt.number(i.number, locale, 0) }),
      el('td', { class: 'date', text: fmt.date(i.dueDate, locale) }),
      el('td', { class: 'num payment', text: money(i.payment) }),
      el('td', { class: 'num principal', text: money(i.principal) }),
      el('td', { class: 'num interest', text: money(i.interest) }),
      el('td', { class: 'num balance', text: money(i.balanceAfter) }))));

    setText('overdue-legal', fmt.localized(r.legalBasis, locale));
    setStatus(t(locale, 'od.status', {
      overdue: money(r.overdueTotal),
      route: best ? t(locale, `od.route.${best.route}`) : '—',
    }), 'quiet');
  }

  /**
   * The step's "Print letter" button (its accessible name names the step): the letter of this
   * step, from the plan and the input on screen, printed alone. Only a step with a letter and
   * an invoice to claim has one.
   */
  function printButton(r, step) {
    if (!(step.letter?.[locale] || step.letter?.en) || !step.claim?.invoices?.length) return null;
    const button = el('button', {
      type: 'button',
      class: 'button button-quiet overdue-print',
      'data-action': step.action,
      'aria-label': lt(locale, 'print.named', { step: stepName(step.action, locale) }),
      text: lt(locale, 'print'),
    });
    const input = outcomeInput;
    button.addEventListener('click', () => ctx.print(buildLetter(r, step, input, locale)));
    return el('p', { class: 'overdue-step-print' }, button);
  }

  const isZeroText = (text) => /^[+-]?0*(\.0*)?$/.test(String(text ?? ''));

  function renderAgeing(r, money) {
    patch($('overdue-ageing-rows'), ...r.ageing.map((a) => el('tr', { 'data-bucket': a.bucket },
      el('th', { scope: 'row' },
        el('span', { class: `overdue-swatch bucket-${BUCKETS.indexOf(a.bucket)}`, 'aria-hidden': 'true' }),
        el('span', { text: t(locale, `od.bucket.${a.bucket}`) })),
      el('td', { class: 'num amount', text: money(a.amount) }),
      el('td', { class: 'num count', text: fmt.number(a.count, locale, 0) }))));
    // The stacked bar: decorative (the table says it all); widths are SVG attributes.
    const shares = r.ageing.map((a) => Math.max(0, Number(a.amount) || 0));
    const total = shares.reduce((s, x) => s + x, 0);
    const root = svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', class: 'overdue-bar-svg', focusable: 'false' });
    root.append(svg('rect', { x: '0', y: '0', width: '100', height: '10', class: 'bar-track' }));
    let x = 0;
    r.ageing.forEach((a, i) => {
      const width = total > 0 ? (shares[i] / total) * 100 : 0;
      if (width <= 0) return;
      root.append(svg('rect', { x: x.toFixed(2), y: '0', width: width.toFixed(2), height: '10', class: `bucket-${BUCKETS.indexOf(a.bucket)}`, 'data-bucket': a.bucket }));
      x += width;
    });
    patch($('overdue-ageing-bar'), root);
  }

  // ---- start --------------------------------------------------------------------------------

  restore();
  translate();
  render();

  form.addEventListener('input', changed);
  form.addEventListener('submit', (e) => e.preventDefault());
  $('overdue-add').addEventListener('click', () => {
    const row = addRow();
    translate();
    row.querySelector('input').focus();
    save();
  });
  bus.addEventListener('score-result', (e) => {
    score = e.detail && typeof e.detail === 'object' ? e.detail : null;
    recalculate();
  });
  recalculate();

  return {
    setLocale(next) {
      locale = next;
      translate();
      render();
    },
  };
}

registerView('overdue', startOverdueView);
