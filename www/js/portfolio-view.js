// The portfolio section of <credit-calculator mode="portfolio"> (www/portfolio.html is that
// element on a page of its own): a credit manager opens or pastes a customer list; a module
// worker (portfolio-worker.js) parses it as a stream and scores and limits every customer
// through the engine, with the company policy in use if one is loaded, and this section
// shows what it reports: progress, totals by currency, the grade chart, the customers to
// review first, the rows with problems, and every customer in a sortable table that renders
// only the rows in view (the worker keeps the results and sends the rows asked for). Every
// figure is the engine's decimal text, formatted by Intl; nothing is computed here and
// nothing is sent off the page. The host page gets `credit-result` with the run's figures
// (never its rows); `data-engine-ready` on the element once a run would fetch nothing.
import { csvCell } from './csv.js';
import { el, svg, today } from './dom.js';
import * as fmt from './format.js';
import { problemText, pt } from './portfolio-i18n.js';
import { registerView } from './view-registry.js';

const OVERSCAN = 12;
const PROBLEMS_SHOWN = 200;

/** The table's columns: its key, the worker's sort key (null: not sortable), numeric. */
const COLUMNS = [
  ['row', 'row', true],
  ['reference', null, false],
  ['name', 'name', false],
  ['score', 'score', true],
  ['grade', 'grade', true],
  ['pd', 'grade', true],
  ['decision', null, false],
  ['recommended', 'recommended', true],
  ['bindingMethod', null, false],
  ['exposure', 'exposure', true],
  ['headroom', 'headroom', true],
  ['expectedLoss', 'expectedLoss', true],
  ['review', 'review', false],
];
const REVIEW_COLUMNS = ['row', 'name', 'grade', 'decision', 'exposure', 'recommended', 'headroom', 'review'];

export function startPortfolioView(ctx) {
  const { $ } = ctx;
  let locale = ctx.locale;
  // Each section its own worker (two elements on a page never share one), ended with the
  // section: the element renders its sections again for a new policy, and the old one's run
  // stops then.
  let worker = null;
  let disposed = false;
  let runId = 0;
  let running = false;
  let summary = null; // the worker's `done` message of the last run
  let status = { key: 'status.idle', vars: {} };
  let sortState = { column: 'row', dir: 'asc' };
  let total = 0;
  let rowHeight = 0;
  let requestId = 0;
  let shown = { start: -1, rows: [] };
  let pendingWindow = null;
  let lgd = null; // the policy's loss given default, for the totals note
  let industries = null; // the policy's, to name the allowed ones in a problem

  const L = (key, vars) => pt(locale, key, vars);

  function startWorker() {
    if (disposed) return;
    delete ctx.host.dataset.engineReady; // until this worker has its engine
    worker = new Worker(new URL('./portfolio-worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = (event) => onMessage(event.data);
    worker.onerror = () => {
      // A worker that fails to load or crashes: report it and start a fresh one next time.
      running = false;
      showRunning(false);
      setStatus('status.failed', { message: L('problem.ENGINE_FAILED') });
      ctx.report('portfolio', { ok: false, error: { code: 'ENGINE_FAILED', field: '', message: 'the portfolio worker failed', errors: [] } });
      worker?.terminate();
      worker = null;
    };
  }

  function setStatus(key, vars = {}) {
    status = { key, vars };
    $('status').textContent = L(key, vars);
  }

  function showRunning(on) {
    // Focus never drops to the page: from the control just disabled to Cancel, and back.
    const focused = ctx.scope.activeElement?.id;
    $('cancel').hidden = !on;
    $('progress-row').hidden = !on;
    $('run-paste').disabled = on;
    $('file').disabled = on;
    if (on && (focused === 'run-paste' || focused === 'file')) $('cancel').focus();
    else if (!on && focused === 'cancel') $('run-paste').focus();
  }

  function run(source) {
    const asOf = $('asOf').value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
      setStatus('status.noAsOf');
      $('asOf').focus();
      return;
    }
    if (!worker) startWorker();
    runId += 1;
    running = true;
    summary = null;
    $('results').hidden = true;
    $('progress').value = 0;
    $('progress-text').textContent = '';
    showRunning(true);
    setStatus('status.loading');
    // The policy in use: a company's (the policy panel, policy-src, the policy property) or ours.
    const policy = ctx.host.policy ?? undefined;
    worker.postMessage({ type: 'run', id: runId, asOf, policy, ...source });
  }

  function cancel() {
    if (!running) return;
    worker?.postMessage({ type: 'cancel' });
  }

  function onMessage(m) {
    if (m.id !== undefined && m.id !== runId && m.type !== 'rows') return;
    switch (m.type) {
      case 'ready':
        // The engine is in the worker: a run from now on fetches nothing.
        ctx.mark('engineReady');
        break;
      case 'progress': {
        const share = m.total > 0 ? Math.min(100, Math.round((m.bytes / m.total) * 100)) : 0;
        $('progress').value = share;
        $('progress-text').textContent = L('progress.bytes', { done: fmt.number(m.bytes, locale, 0), total: fmt.number(m.total, locale, 0) });
        setStatus('status.running', { rows: fmt.number(m.rows, locale, 0), scored: fmt.number(m.scored, locale, 0) });
        break;
      }
      case 'done':
        running = false;
        showRunning(false);
        summary = m;
        total = m.scored;
        sortState = { column: 'row', dir: 'asc' };
        setStatus('status.done', { scored: fmt.number(m.scored, locale, 0), seconds: fmt.number(m.seconds, locale, 1), problems: fmt.number(m.problemRows, locale, 0) });
        renderResults();
        // For the host page (credit-result): the run's figures, never its rows.
        ctx.report('portfolio', {
          ok: true,
          value: {
            rows: m.rows, blank: m.blank, scored: m.scored, problemRows: m.problemRows, problemCount: m.problemCount,
            totals: m.totals, grades: m.grades, reviewCount: m.reviewCount, policyVersion: m.policyVersion ?? null,
          },
        }, { asOf: m.asOf ?? null });
        break;
      case 'cancelled':
        running = false;
        showRunning(false);
        setStatus('status.cancelled');
        break;
      case 'failed':
        running = false;
        showRunning(false);
        if (m.error.code === 'EMPTY') setStatus('status.empty');
        else setStatus('status.failed', { message: (m.error.errors?.length ? m.error.errors : [m.error]).map((p) => problemText(locale, p, industries)).join(' ') });
        ctx.report('portfolio', { ok: false, error: m.error });
        break;
      case 'sorted':
        $('scroll').scrollTop = 0;
        shown = { start: -1, rows: [] };
        renderGridHead();
        requestWindow(true);
        break;
      case 'rows':
        if (m.id === requestId) {
          shown = { start: m.start, rows: m.rows };
          renderGridBody();
        }
        break;
      case 'export':
        download(m.blob, L('export.filename'));
        break;
      default:
        break;
    }
  }

  // ---- rendering ------------------------------------------------------------------------

  /** An amount in its currency; without one, with the decimals the engine gave it. */
  const money = (amount, currency) => (currency
    ? fmt.money(amount, currency, locale)
    : fmt.fixed(amount, locale, (String(amount).split('.')[1] ?? '').length));

  function cellText(row, key) {
    switch (key) {
      case 'row': return fmt.number(row.row, locale, 0);
      case 'reference': return row.reference || '—';
      case 'name': return row.name || '—';
      case 'score': return fmt.fixed(row.score, locale, 1);
      case 'grade': return fmt.number(row.grade, locale, 0);
      case 'pd': return fmt.percentUpTo(row.pd, locale, 2);
      case 'decision': return L(`decision.${row.decision}`);
      case 'bindingMethod': return L(`binding.${row.bindingMethod}`);
      case 'recommended':
      case 'exposure':
      case 'headroom':
      case 'expectedLoss':
        return money(row[key], row.currency);
      case 'review':
        if (row.overLimit) return L('review.overLimit');
        return row.review ? L('review.yes') : L('review.no');
      default:
        return String(row[key] ?? '');
    }
  }

  function rowCells(row, keys) {
    return keys.map((key) => {
      const numeric = COLUMNS.find((c) => c[0] === key)?.[2];
      const cls = [numeric ? 'num' : '', key === 'grade' || key === 'decision' ? `band-${row.band}` : ''].filter(Boolean).join(' ');
      return key === 'name'
        ? el('th', { scope: 'row', class: cls || null, text: cellText(row, key) })
        : el('td', { class: cls || null, text: cellText(row, key) });
    });
  }

  function renderSummary() {
    const s = summary;
    $('sum-scored').textContent = fmt.number(s.scored, locale, 0);
    $('sum-review').textContent = fmt.number(s.reviewCount, locale, 0);
    $('sum-problems').textContent = fmt.number(s.problemRows, locale, 0);
    $('sum-blank').textContent = fmt.number(s.blank, locale, 0);
    $('totals-body').replaceChildren(...s.totals.map((t) => el('tr', {},
      el('th', { scope: 'row', text: t.currency ?? L('totals.none') }),
      el('td', { class: 'num', text: fmt.number(t.customers, locale, 0) }),
      el('td', { class: 'num', text: money(t.recommended, t.currency) }),
      el('td', { class: 'num', text: money(t.exposure, t.currency) }),
      el('td', { class: 'num', text: money(t.expectedLoss, t.currency) }),
      el('td', { class: 'num', text: fmt.number(t.overLimit, locale, 0) }))));
    $('totals-note').textContent = lgd === null ? '' : L('totals.note', { lgd: fmt.percentUpTo(lgd, locale, 2) });
  }

  /** Customers by grade: one bar a grade, heights as attributes (no style), counts written. */
  function renderChart() {
    const counts = summary.grades;
    const max = Math.max(1, ...counts);
    const [w, h, top, bottom, left] = [560, 220, 24, 44, 8];
    const step = (w - left * 2) / counts.length;
    const label = L('chart.label', { list: fmt.list(counts.map((c, i) => L('chart.item', { grade: i + 1, count: fmt.number(c, locale, 0) })), locale) });
    const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-labelledby': 'chart-svg-title', class: 'chart-svg', focusable: 'false' });
    const title = svg('title', { id: 'chart-svg-title' });
    title.textContent = label;
    root.append(title);
    counts.forEach((count, i) => {
      const barH = Math.round(((h - top - bottom) * count) / max);
      const x = left + i * step + step * 0.15;
      const band = summary.gradeBands[i] ?? 'none';
      root.append(svg('rect', { x: x.toFixed(1), y: String(h - bottom - barH), width: (step * 0.7).toFixed(1), height: String(barH), class: `grade-bar grade-bar-${band}` }));
      const value = svg('text', { x: (x + step * 0.35).toFixed(1), y: String(h - bottom - barH - 6), class: 'grade-bar-value', 'text-anchor': 'middle' });
      value.textContent = fmt.number(count, locale, 0);
      const grade = svg('text', { x: (x + step * 0.35).toFixed(1), y: String(h - bottom + 18), class: 'grade-bar-grade', 'text-anchor': 'middle' });
      grade.textContent = String(i + 1);
      root.append(value, grade);
    });
    const axis = svg('text', { x: String(w / 2), y: String(h - 6), class: 'grade-bar-axis', 'text-anchor': 'middle' });
    axis.textContent = L('chart.axis');
    root.append(axis);
    $('chart').replaceChildren(root);
  }

  function renderReview() {
    const s = summary;
    $('review-head').replaceChildren(...REVIEW_COLUMNS.map((key) => el('th', { scope: 'col', class: COLUMNS.find((c) => c[0] === key)?.[2] ? 'num' : null, text: L(`col.${key}`) })));
    $('review-body').replaceChildren(...s.review.map((row) => el('tr', {}, ...rowCells(row, REVIEW_COLUMNS))));
    $('review-wrap').hidden = s.review.length === 0;
    $('review-note').textContent = s.reviewCount === 0
      ? L('review.none')
      : s.reviewCount > s.review.length ? L('review.more', { shown: fmt.number(s.review.length, locale, 0), total: fmt.number(s.reviewCount, locale, 0) }) : '';
  }

  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  /** Every problem kept, in the page's language, as CSV (UTF-8 with a byte-order mark). */
  function exportProblems() {
    const s = summary;
    if (!s) return;
    const lines = [[L('problems.row'), L('problems.column'), L('problems.code'), L('problems.message')].map(csvCell).join(',')];
    for (const p of s.problems) lines.push([String(p.row), p.column || '', p.code, problemText(locale, p, industries)].map(csvCell).join(','));
    download(new Blob(['\ufeff', `${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }), L('problems.filename'));
  }

  function renderProblems() {
    const s = summary;
    const list = s.problems.slice(0, PROBLEMS_SHOWN);
    $('problems-body').replaceChildren(...list.map((p) => el('tr', {},
      el('td', { class: 'num', text: fmt.number(p.row, locale, 0) }),
      el('td', { text: p.column || '—' }),
      el('td', { text: problemText(locale, p, industries) }))));
    $('problems-wrap').hidden = list.length === 0;
    $('problems-hint').hidden = list.length === 0;
    const more = s.problemCount - list.length;
    const notKept = s.problemCount - s.problems.length;
    $('problems-note').textContent = list.length === 0
      ? L('problems.none')
      : more > 0 ? L(notKept > 0 ? 'problems.moreNotKept' : 'problems.more', { count: fmt.number(more, locale, 0), kept: fmt.number(s.problems.length, locale, 0) }) : '';
    $('export-problems').hidden = list.length === 0;
    $('ignored').hidden = s.ignored.length === 0;
    $('ignored').textContent = s.ignored.length ? L('problems.ignored', { list: fmt.list(s.ignored, locale) }) : '';
  }

  function renderGridHead() {
    $('grid').setAttribute('aria-rowcount', String(total + 1));
    $('grid-head').replaceChildren(...COLUMNS.map(([key, sortKey, numeric]) => {
      const active = sortKey && sortState.column === key;
      const th = el('th', { scope: 'col', class: numeric ? 'num' : null, 'aria-sort': active ? (sortState.dir === 'asc' ? 'ascending' : 'descending') : null });
      if (!sortKey) {
        th.textContent = L(`col.${key}`);
        return th;
      }
      const button = el('button', { type: 'button', class: 'sort', 'data-column': key, text: L(`col.${key}`) });
      if (active) button.append(el('span', { class: 'sort-mark', 'aria-hidden': 'true', text: sortState.dir === 'asc' ? ' ▲' : ' ▼' }));
      button.addEventListener('click', () => sortBy(key, sortKey));
      th.append(button);
      return th;
    }));
  }

  function sortBy(column, key) {
    const dir = sortState.column === column && sortState.dir === 'asc' ? 'desc' : 'asc';
    sortState = { column, dir };
    worker?.postMessage({ type: 'sort', key, dir });
  }

  function spacer(height) {
    return el('tr', { class: 'spacer', 'aria-hidden': 'true' },
      el('td', { colspan: String(COLUMNS.length) }, svg('svg', { width: '1', height: String(Math.max(0, Math.round(height))), focusable: 'false' })));
  }

  /**
   * Browsers cap an element's height near 33.5 million pixels; past 30 million the rows out of
   * view are drawn at a fraction of their height, so a million rows still scroll to the last.
   */
  const MAX_SPACE = 3e7;
  const squeeze = () => Math.min(1, MAX_SPACE / Math.max(1, total * (rowHeight || 36)));

  function renderGridBody() {
    const h = (rowHeight || 36) * squeeze();
    const rows = shown.rows.map((row, i) => el('tr', { 'aria-rowindex': String(shown.start + i + 2) }, ...rowCells(row, COLUMNS.map((c) => c[0]))));
    const before = Math.max(0, shown.start) * h;
    const after = Math.max(0, total - shown.start - shown.rows.length) * h;
    $('grid-body').replaceChildren(spacer(before), ...rows, spacer(after));
    if (!rowHeight && rows.length) {
      rowHeight = rows[0].getBoundingClientRect().height || 36;
      if (Math.abs(rowHeight - h) > 0.5) renderGridBody();
    }
  }

  /** Asks the worker for the rows in view (and a margin), unless they are already shown. */
  function requestWindow(force = false) {
    pendingWindow = null;
    const scroller = $('scroll');
    const h = rowHeight || 36;
    const first = Math.max(0, Math.min(total - 1, Math.floor(scroller.scrollTop / (h * squeeze()))) - OVERSCAN);
    const count = Math.ceil(scroller.clientHeight / h) + OVERSCAN * 2;
    if (!force && first === shown.start && shown.rows.length >= Math.min(count, total - first)) return;
    requestId += 1;
    worker?.postMessage({ type: 'rows', id: requestId, start: first, count });
  }

  function renderResults() {
    if (!summary) return;
    $('results').hidden = false;
    renderSummary();
    renderChart();
    renderReview();
    renderProblems();
    renderGridHead();
    requestWindow(true);
  }

  function applyLocale() {
    for (const node of ctx.scope.querySelectorAll('.pf [data-p]')) node.textContent = L(node.dataset.p);
    $('status').textContent = L(status.key, status.vars);
    if (summary) {
      renderSummary();
      renderChart();
      renderReview();
      renderProblems();
      renderGridHead();
      renderGridBody();
    }
  }

  function init() {
    $('asOf').value = today();
    // The template beside the engine's files, wherever the host page is.
    $('template-link').href = new URL('../portfolio-template.csv', import.meta.url).href;
    $('file').addEventListener('change', () => {
      const file = $('file').files?.[0];
      if (file) run({ file });
    });
    $('run-paste').addEventListener('click', () => {
      const text = $('paste').value;
      if (!text.trim()) {
        setStatus('status.empty');
        return;
      }
      run({ text });
    });
    $('cancel').addEventListener('click', cancel);
    $('export').addEventListener('click', () => worker?.postMessage({ type: 'export', yes: L('yes'), no: L('no') }));
    $('export-problems').addEventListener('click', exportProblems);
    $('scroll').addEventListener('scroll', () => {
      if (!pendingWindow) pendingWindow = requestAnimationFrame(() => requestWindow());
    });
    applyLocale();
    ctx.report('portfolio', null); // ready: nothing to work out until a list is given
    // The policy in use is this section's for its life (a new one renders a new section).
    ctx.call('defaultPolicy').then((inUse) => {
      lgd = inUse.ok ? inUse.value?.terms?.lossGivenDefault ?? null : null;
      industries = inUse.ok ? inUse.value?.industries ?? null : null;
      if (summary) {
        renderSummary();
        renderProblems();
      }
    });
    // The worker and its engine, loaded while the user picks a file: the run itself then
    // fetches nothing, and starts at once.
    const warm = () => {
      if (!worker) startWorker();
    };
    if (globalThis.requestIdleCallback) requestIdleCallback(warm, { timeout: 1000 });
    else setTimeout(warm, 200);
  }

  init();
  return {
    setLocale(next) {
      locale = next;
      applyLocale();
    },
    dispose() {
      disposed = true;
      worker?.terminate();
      worker = null;
    },
  };
}

registerView('portfolio', startPortfolioView);
