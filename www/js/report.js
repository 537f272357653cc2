// The printable credit report of the deal check: what a credit manager who never saw the
// screen needs on paper (or in "Save as PDF"). It is rebuilt from the latest input and result
// of each section just before printing; the print stylesheet (css/report.css) shows it and
// nothing else. Every value is set with textContent (a customer's name is data, never
// markup), every number, amount and date goes through Intl (format.js), and a part that was
// not worked out says so instead of showing a figure.
import * as fmt from './format.js';
import { el } from './dom.js';
import { problemText, t } from './i18n.js';
import './i18n-sections.js'; // the sections' texts
import { rt } from './report-i18n.js';

/** The sections' latest entries the report reads. */
const PARTS = ['score', 'limit', 'terms', 'insurance', 'overdue', 'discount'];
const PERCENT_RATIOS = new Set(['debtRatio', 'netMargin', 'grossMargin', 'returnOnAssets', 'returnOnEquity', 'revenueGrowth', 'netMarginChange']);
const DAY_RATIOS = new Set(['daysSalesOutstanding', 'daysInventoryOutstanding', 'daysPayablesOutstanding', 'cashConversionCycle']);
/** The statement figures in the order of the score form, for the "figures entered" table. */
const FIGURES = [
  'revenue', 'costOfGoodsSold', 'ebit', 'netIncome', 'interestExpense', 'operatingCashFlow', 'currentAssets',
  'cash', 'receivables', 'inventory', 'totalAssets', 'intangibleAssets', 'currentLiabilities', 'payables',
  'totalLiabilities', 'bookEquity', 'retainedEarnings', 'marketValueOfEquity',
];
const TERM_MEASURES = ['daysOutstanding', 'carryingCost', 'expectedLoss', 'discountCost'];

const value = (part) => (part?.outcome?.ok ? part.outcome.value : null);
const isZero = (text) => /^[+-]?0*(\.0*)?$/.test(String(text ?? ''));

/**
 * The credit report for `latest` ({ score, limit, terms, insurance, overdue, discount }, each
 * `{ input, outcome }` with outcome `{ ok, value }`, `{ ok: false, error }` or null) in
 * `locale`, as an `<article class="report">`. Options: `policy` (the credit policy in use,
 * for the industries' names and the number of grades; without it the industry shows by its
 * code) and `now` (the generated-on time; the clock by default).
 */
export function buildReport(latest, locale, { policy = null, now = new Date() } = {}) {
  const L = latest ?? {};
  const r = (key, vars) => rt(locale, key, vars);
  const tt = (key, vars) => t(locale, key, vars);
  const local = (text) => fmt.localized(text, locale);
  const num = (v, digits = 2) => fmt.number(v, locale, digits);
  const date = (d) => fmt.date(d, locale);
  /** A label inside an English sentence: "Cost of goods sold" → "cost of goods sold" (not "EBIT", "Altman"). */
  const inSentence = (label) => (locale === 'en' && /^[A-Z][a-z]/.test(label) && !/^Altman\b/.test(label)
    ? label[0].toLowerCase() + label.slice(1) : label);
  const yesNo = (b) => (b === true ? tt('fa.yes') : b === false ? tt('fa.no') : tt('score.notKnown'));

  const { score, limit, terms, insurance, overdue, discount } = Object.fromEntries(PARTS.map((part) => [part, value(L[part])]));
  const scoreInput = L.score?.input ?? null;
  const profileInput = scoreInput?.profile ?? {};
  const grades = policy?.grades?.length ?? 10;

  const policyVersion = [score, limit, terms, insurance?.premium, overdue, discount]
    .map((v) => v?.policyVersion).find(Boolean) ?? null;
  const asOf = scoreInput?.asOf ?? score?.asOf ?? limit?.asOf ?? L.limit?.input?.asOf ?? overdue?.asOf ?? null;
  const name = [profileInput.name, scoreInput?.customer?.name, L.limit?.input?.name, L.terms?.input?.name,
    L.insurance?.input?.name, L.overdue?.input?.name].find((n) => typeof n === 'string' && n.trim() !== '') ?? null;

  // ---- building blocks ----------------------------------------------------------------------

  /** label: value pairs; a pair whose value is null or undefined is left out. */
  function facts(pairs) {
    const rows = pairs.filter((p) => p && p[1] !== null && p[1] !== undefined && p[1] !== '');
    if (!rows.length) return null;
    return el('dl', { class: 'report-facts' }, ...rows.map(([label, text, cls]) => el('div', { class: cls ?? null },
      el('dt', { text: label }), el('dd', { text }))));
  }

  /** A cell's text, or a main text with lines under it: ["CN¥16.66", "PD over the term 0.03%"]. */
  function cellContent(c) {
    if (!Array.isArray(c)) return [c ?? '—'];
    return c.filter(Boolean).map((line, i) => (i === 0 ? line : el('span', { class: 'report-sub', text: line })));
  }

  /**
   * A table: `head` the column titles (the first names the rows), `rows` arrays of cells.
   * `numeric`: the columns of figures (aligned on the right); `narrow`: as wide as its content.
   */
  function table(caption, head, rows, { rowClass = () => null, numeric = [], narrow = false } = {}) {
    if (!rows.length) return null;
    const numCol = (i) => (numeric.includes(i) ? 'num' : null);
    return el('table', { class: narrow ? 'report-table narrow' : 'report-table' },
      caption ? el('caption', { text: caption }) : null,
      el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { scope: 'col', class: numCol(i), text: h })))),
      el('tbody', {}, ...rows.map((cells, n) => el('tr', { class: rowClass(n) },
        ...cells.map((c, i) => el(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: numCol(i) }, ...cellContent(c)))))));
  }

  const note = (text, cls = 'report-note') => (text ? el('p', { class: cls, text }) : null);
  const subhead = (text) => el('h3', { text });

  /** Why a part has no figures: not worked out, or the engine's problem with what was entered. */
  function notCalculated(part) {
    const error = part?.outcome && !part.outcome.ok ? part.outcome.error : null;
    if (!error) return note(r('notCalculated'), 'report-missing');
    const problem = error.errors?.[0] ?? error;
    if (error.code === 'ENGINE_FAILED' || !problem.field) {
      return note(r('notCalculated.problem', { problem: error.code === 'ENGINE_FAILED' ? tt('error.ENGINE_FAILED') : problemText(locale, problem) }), 'report-missing');
    }
    return note(r('notCalculated.field', { field: problem.field, problem: problemText(locale, problem) }), 'report-missing');
  }

  let sectionCount = 0;
  function section(key, ...children) {
    sectionCount += 1;
    return el('section', { class: 'report-section', 'data-section': key },
      el('h2', { text: r('heading', { n: sectionCount, title: r(`section.${key}`) }) }),
      ...children);
  }

  // ---- the parts ----------------------------------------------------------------------------

  function regionName(code) {
    try {
      return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  function industryName(code) {
    const entry = policy?.industries?.find((i) => i.code === code);
    return (locale === 'zh-CN' ? entry?.nameZh : entry?.nameEn) ?? entry?.nameEn ?? code;
  }

  function basic() {
    const p = score?.profile ?? {};
    const industry = profileInput.industry ?? p.industry;
    const country = profileInput.country ?? p.country;
    const bureau = profileInput.bureauScore;
    const withDetail = (main, detail) => (detail ? r('withDetail', { main, detail }) : main);
    const body = facts([
      [tt('score.profile.name'), name ?? r('name.none')],
      [r('basic.reference'), profileInput.reference ?? scoreInput?.customer?.reference],
      [tt('score.asOf'), asOf ? date(asOf) : null],
      [tt('score.profile.foundedOn'), profileInput.foundedOn ? date(profileInput.foundedOn) : null],
      [tt('factor.businessAge'), p.businessAgeYears != null ? tt('unit.years', { n: num(p.businessAgeYears, 1) }) : null],
      [tt('score.profile.employees'), profileInput.employees != null ? num(profileInput.employees, 0) : null],
      [tt('score.profile.industry'), industry
        ? withDetail(industryName(industry), p.industryRiskClass != null ? tt('unit.riskClass', { n: p.industryRiskClass }) : null)
        : tt('score.notKnown')],
      [tt('score.profile.country'), country
        ? withDetail(regionName(country), p.oecdCategory != null ? tt('unit.oecd', { n: p.oecdCategory }) : null)
        : tt('score.notKnown')],
      [tt('score.profile.listed'), yesNo(profileInput.listed ?? p.listed ?? null)],
      [tt('score.profile.manufacturer'), yesNo(profileInput.manufacturer ?? p.manufacturer ?? null)],
      [tt('factor.bureauScore'), bureau
        ? withDetail(r('basic.bureau', { score: num(bureau.score), min: num(bureau.min), max: num(bureau.max) }),
          p.bureauScoreNormalized != null ? tt('unit.of100', { n: num(p.bureauScoreNormalized, 1) }) : null)
        : null],
    ]);
    return section('basic', body);
  }

  function scoreAndGrade() {
    if (!score) return section('score', notCalculated(L.score));
    const c = score.confidence;
    return section('score',
      facts([
        [r('score.score'), r('score.of100', { score: fmt.fixed(score.score, locale, 1) }), 'report-key'],
        [r('score.grade'), r('score.gradeOf', { grade: score.grade, of: grades }), 'report-key'],
        [tt('score.pd'), fmt.percent(score.pd, locale, 2)],
        [tt('score.band'), tt(`band.${score.band}`)],
        [tt('score.decision'), tt(`decision.${score.decision}`)],
        [tt('score.confidence'), tt('score.confidence.value', { level: tt(`confidence.${c.level}`), percent: fmt.percent(c.value, locale, 0) })],
        [r('score.missing'), c.missing.length ? fmt.list(c.missing.map((f) => inSentence(tt(`factor.${f}`))), locale) : r('score.missing.none')],
      ]),
      note(score.knockout ? tt(`knockout.${score.knockout}`) : null, 'report-warning'),
      ...c.notes.map((n) => note(tt(`note.${n}`))),
      note(score.toNextGrade ? tt('score.next', { grade: score.toNextGrade.newGrade, text: local(score.toNextGrade.text) }) : null));
  }

  function factorValue(f) {
    if (!f.available || f.value === null) return tt('score.noData');
    const v = f.value;
    switch (f.code) {
      case 'altman': {
        const zone = score.financialAnalysis?.altman?.zone ?? ['distress', 'grey', 'safe'][Number(v)];
        return zone ? tt(`zone.${zone}`) : num(v);
      }
      case 'interestCover': return tt('unit.times', { n: num(v) });
      case 'debtRatio':
      case 'netMargin':
      case 'revenueGrowth': return fmt.percent(v, locale, 1);
      case 'paymentIndex': return num(v, 1);
      case 'legal': return tt('unit.severity', { n: num(v) });
      case 'businessAge': return tt('unit.years', { n: num(v) });
      case 'employees': return num(v, 0);
      case 'industryRisk': return tt('unit.riskClass', { n: num(v, 0) });
      case 'countryRisk': return tt('unit.oecd', { n: num(v, 0) });
      case 'bureauScore': return tt('unit.of100', { n: num(v) });
      default: return num(v);
    }
  }

  function reasons() {
    if (!score) return section('reasons', note(r('notCalculated.noScore'), 'report-missing'));
    const list = score.reasons.length
      ? table(null, [r('reasons.reason'), r('reasons.pointsLost')],
        score.reasons.map((x) => [local(x.text), num(x.pointsLost, 1)]), { numeric: [1] })
      : note(tt('score.reasons.none'));
    const factors = table(tt('score.factors'),
      [tt('score.col.factor'), tt('score.col.value'), tt('score.col.points'), tt('score.col.weight'), tt('score.col.contribution')],
      score.factors.map((f) => [
        tt(`factor.${f.code}`),
        factorValue(f),
        f.available ? num(f.points, 1) : '—',
        fmt.percentPoints(f.effectiveWeight, locale, 1),
        num(f.contribution, 2),
      ]).concat([[tt('score.total'), '', '', '', fmt.fixed(score.score, locale, 1)]]),
      { numeric: [2, 3, 4], rowClass: (n) => (n === score.factors.length ? 'report-total' : null) });
    return section('reasons', list, factors);
  }

  function unavailable(ratio) {
    if (ratio.unavailable === 'MISSING_INPUT' || !ratio.unavailable) {
      const names = [...new Set(ratio.missing ?? [])].map((m) => inSentence(tt(`fin.${m}`)));
      return tt('fa.unavailable', { reason: tt('unavailable.MISSING_INPUT', { list: fmt.list(names, locale) }) });
    }
    return tt('fa.unavailable', { reason: tt(`unavailable.${ratio.unavailable}`) });
  }

  function ratioText(key, ratio) {
    if (!ratio || ratio.value === null) return unavailable(ratio ?? {});
    if (PERCENT_RATIOS.has(key)) return fmt.percent(ratio.value, locale, 2);
    if (DAY_RATIOS.has(key)) return tt('unit.days', { n: num(ratio.value, 1) });
    if (key === 'interestCover') return tt('unit.times', { n: num(ratio.value) });
    return num(ratio.value);
  }

  function financials() {
    if (!score) return section('financials', note(r('notCalculated.noScore'), 'report-missing'));
    const fa = score.financialAnalysis;
    if (!fa) return section('financials', note(tt('fa.none')));
    const periods = [].concat(scoreInput?.financials ?? []);
    const shown = FIGURES.filter((f) => periods.some((p) => p?.[f] != null));
    const periodTitle = (p, i) => (p?.periodEnd ? date(p.periodEnd) : r(i === 0 ? 'fin.latest' : 'fin.previous'));
    const entered = table(r('fin.entered', { currency: fa.currency ?? r('fin.currencyAsEntered') }),
      [r('fin.figure'), ...periods.map(periodTitle)],
      shown.map((f) => [tt(`fin.${f}`), ...periods.map((p) => (p?.[f] != null ? num(p[f]) : '—'))]),
      { numeric: periods.map((_, i) => i + 1), narrow: true });

    // The engine's order: liquidity, leverage, profitability, cover, then the days ratios.
    const ratioRows = Object.entries(fa.ratios).map(([k, ratio]) => [tt(`ratio.${k}`), ratioText(k, ratio)]);
    if (fa.trend) {
      ratioRows.push([tt('ratio.revenueGrowth'), ratioText('revenueGrowth', fa.trend.revenueGrowth)]);
      ratioRows.push([tt('ratio.netMarginChange'), ratioText('netMarginChange', fa.trend.netMarginChange)]);
      if (fa.trend.secondLossYear !== null) ratioRows.push([tt('ratio.secondLossYear'), yesNo(fa.trend.secondLossYear)]);
    }
    const a = fa.altman;
    const model = tt('altman.model.text', { model: tt(`altman.model.${a.model}`), reason: tt(`altman.reason.${a.modelReason}`) });
    return section('financials',
      note(fa.periodEnd ? tt('fa.periodEnd', { date: date(fa.periodEnd) }) : null),
      entered,
      table(tt('fa.ratios'), [tt('fa.col.ratio'), r('col.value')], ratioRows, { narrow: true }),
      subhead(tt('fa.altman')),
      facts([
        [tt('fa.altman.model'), model],
        [tt('fa.altman.value'), a.value === null ? unavailable(a) : num(a.value)],
        [tt('fa.altman.zone'), a.zone ? tt(`zone.${a.zone}`) : '—', 'report-key'],
        [tt('fa.altman.thresholds'), tt('fa.altman.thresholdsText', { distress: num(a.distressBelow), safe: num(a.safeAbove) })],
        [tt('fa.em'), fa.emScore ? tt('fa.em.value', { value: num(fa.emScore.value), rating: fa.emScore.rating }) : null],
      ]),
      table(r('altman.components'), [r('altman.component'), r('altman.ratio'), r('altman.coefficient'), r('altman.contribution')],
        a.components.map((x) => [x.name.toUpperCase(), num(x.ratio, 4), num(x.coefficient, 3), num(x.contribution, 4)]),
        { numeric: [1, 2, 3], narrow: true }),
      note(fa.emScore ? tt('fa.em.indicative') : null),
      note(fa.assumptions?.length ? tt('fa.assumptions', { list: fmt.list(fa.assumptions.map((x) => tt(`assumption.${x}`)), locale) }) : null));
  }

  function payments() {
    if (!score) return section('payments', note(r('notCalculated.noScore'), 'report-missing'));
    const pi = score.paymentIndex;
    if (!pi) return section('payments', note(tt('pi.none')));
    const index = pi.recencyWeightedIndex ?? pi.index;
    const experiences = table(r('pay.invoices'),
      [r('pay.col.amount'), tt('score.payments.dueDate'), tt('score.payments.paidDate'), r('pay.col.days'), r('pay.col.index'), r('pay.col.note')],
      pi.experiences.map((x) => [
        num(x.amount),
        date(x.dueDate),
        x.paidDate ? date(x.paidDate) : r('pay.open'),
        x.daysBeyondTerms === null ? '—' : num(x.daysBeyondTerms, 0),
        x.indexValue === null ? '—' : num(x.indexValue, 1),
        x.excluded ? r(`excluded.${x.excluded}`) : r('pay.counted'),
      ]),
      { numeric: [0, 3, 4] });
    return section('payments',
      facts([
        [r('pay.index'), index === null ? '—' : tt('unit.of100', { n: num(index, 1) }), 'report-key'],
        [r('pay.indexUnweighted'), pi.recencyWeightedIndex !== null && pi.index !== null ? tt('unit.of100', { n: num(pi.index, 1) }) : null],
        [tt('pi.practice'), pi.practice ? tt(`practice.${pi.practice}`) : '—'],
        [tt('pi.band'), pi.band ? tt(`pi.band.${pi.band}`) : '—'],
        [tt('pi.days'), pi.weightedDaysBeyondTerms === null ? '—' : tt('unit.days', { n: num(pi.weightedDaysBeyondTerms, 1) })],
        [r('pay.sharePaidLate'), pi.sharePaidLate === null ? null : fmt.percentUpTo(pi.sharePaidLate, locale, 1)],
        [tt('pi.counted'), num(pi.counted, 0)],
        [tt('pi.openNotDue'), pi.source === 'experiences' ? num(pi.openNotDue, 0) : null],
        [r('pay.source'), r(`pay.source.${pi.source}`)],
      ]),
      note(pi.insufficientHistory ? tt('note.INSUFFICIENT_PAYMENT_HISTORY') : null, 'report-warning'),
      experiences);
  }

  function legal() {
    if (!score) return section('legal', note(r('notCalculated.noScore'), 'report-missing'));
    const lg = score.legal;
    if (!lg) return section('legal', note(r('legal.notChecked')));
    if (!lg.events.length) return section('legal', note(tt('score.legal.none')));
    const factor = score.factors.find((f) => f.code === 'legal');
    return section('legal',
      table(null,
        [tt('score.legal.kind'), tt('score.legal.date'), r('legal.col.amount'), r('legal.col.status'), r('legal.col.age'), r('legal.col.severity'), r('legal.col.weighted')],
        lg.events.map((e) => [
          tt(`legal.${e.kind}`) === `legal.${e.kind}` ? e.kind : tt(`legal.${e.kind}`),
          date(e.date),
          e.amount === null ? '—' : num(e.amount),
          e.excluded
            ? r('withDetail', { main: r(e.resolved ? 'legal.resolved' : 'legal.unresolved'), detail: r(`excluded.${e.excluded}`) })
            : r(e.resolved ? 'legal.resolved' : 'legal.unresolved'),
          num(e.ageMonths, 1),
          num(e.severity, 2),
          num(e.weightedSeverity, 2),
        ]),
        { numeric: [2, 4, 5, 6] }),
      facts([
        [r('legal.total'), num(lg.weightedSeverity, 2), 'report-key'],
        [r('legal.effect'), factor?.available
          ? r('legal.effect.points', { points: num(factor.points, 1), lost: num(factor.pointsLost, 1) })
          : null],
      ]),
      note(lg.insolvencyKnockout ? tt('knockout.INSOLVENCY_FILING') : null, 'report-warning'),
      note(r('legal.howWeighted')));
  }

  function creditLimit() {
    if (!limit) return section('limit', notCalculated(L.limit));
    const money = (a) => fmt.money(a, limit.currency ?? null, locale);
    const methodName = (m) => tt(`limit.method.${m}`);
    const q = limit.request;
    let decision = null;
    if (q) {
      const roleText = q.referTo ? tt(`limit.role.${q.referTo}`) : null;
      const role = roleText === `limit.role.${q.referTo}` ? q.referTo : roleText;
      decision = q.decision === 'refer' && !role
        ? tt('limit.decision.referAnyone')
        : tt(`limit.decision.${q.decision}`, { role });
    }
    const months = tt(limit.reviewMonths === 1 ? 'limit.review.every.one' : 'limit.review.every', { n: num(limit.reviewMonths, 0) });
    const methods = table(tt('limit.methods'), [tt('limit.col.method'), tt('limit.col.cap'), tt('limit.col.how')],
      limit.methods.map((m) => [
        m.method === limit.bindingMethod ? r('binding', { method: methodName(m.method), tag: tt('limit.bindingTag') }) : methodName(m.method),
        m.applicable && m.value !== null ? money(m.value) : tt('limit.skipped', { reason: tt(`limit.skipped.${m.skipped ?? 'NO_DATA'}`) }),
        local(m.explanation),
      ]),
      { numeric: [1], rowClass: (n) => (limit.methods[n].method === limit.bindingMethod ? 'report-best' : null) });
    const mitigations = limit.mitigations?.length
      ? table(tt('limit.mitigations', { amount: money(limit.uncovered) }),
        [tt('limit.col.kind'), tt('limit.col.share'), tt('limit.col.covers'), tt('limit.col.retained')],
        limit.mitigations.map((m) => [tt(`limit.mitigation.${m.kind}`), fmt.percentUpTo(m.share, locale, 2), money(m.covers), money(m.retained)]),
        { numeric: [1, 2, 3] })
      : null;
    return section('limit',
      facts([
        [r('limit.recommended'), money(limit.recommended), 'report-key'],
        [r('limit.bindingMethod'), methodName(limit.bindingMethod)],
        [tt('limit.exposure'), r('withDetail', {
          main: money(limit.exposure.total),
          detail: tt('limit.exposure.parts', { receivables: money(limit.exposure.openReceivables), orders: money(limit.exposure.openOrders) }),
        })],
        [tt('limit.headroom'), money(limit.headroom)],
        [tt('limit.review'), r('withDetail', { main: date(limit.nextReview), detail: months })],
      ]),
      note(limit.noOpenCredit ? tt('limit.noOpenCredit', { grade: limit.grade }) : null, 'report-warning'),
      note(limit.overLimit ? tt('limit.overLimit', { exposure: money(limit.exposure.total), limit: money(limit.recommended) }) : null, 'report-warning'),
      subhead(tt('limit.request')),
      q
        ? facts([
          [tt('limit.request.amount'), money(q.amount)],
          [tt('score.decision'), decision, 'report-key'],
          [tt('limit.request.approved'), money(q.approvedAmount)],
          [r('limit.request.why'), local(q.text)],
        ])
        : note(r('limit.request.none')),
      methods,
      mitigations,
      note(limit.assumptions.length
        ? tt('limit.assumptions', { list: fmt.list(limit.assumptions.map((x) => {
          const text = tt(`limit.assumption.${x}`);
          return text === `limit.assumption.${x}` ? x : text;
        }), locale) })
        : null),
      note(tt('limit.rounding', { unrounded: money(limit.unrounded), step: num(limit.roundingStep, 6), version: limit.policyVersion })));
  }

  function termsCompared() {
    const parts = [];
    if (!terms) {
      parts.push(notCalculated(L.terms));
    } else {
      const money = (a) => fmt.money(a, terms.currency ?? null, locale);
      const description = (o) => local(o.description) || o.label;
      const withMargin = terms.options.some((o) => o.netContribution !== null);
      const bestIndex = Math.max(0, terms.options.findIndex((o) => o.rank === 1));
      const several = terms.options.length > 1;
      const last = withMargin ? 'netContribution' : 'totalCost';
      const cell = (o, m) => {
        if (m === 'daysOutstanding') return num(o.daysOutstanding, 2);
        if (m === 'expectedLoss') return [money(o.expectedLoss), tt('terms.pdOverTerm', { pd: fmt.percent(o.pdOverTerm, locale, 2) })];
        return o[m] === null ? '—' : money(o[m]);
      };
      parts.push(
        note(tt('terms.basis', {
          amount: money(terms.invoiceAmount),
          date: date(terms.invoiceDate),
          sales: money(terms.annualSales),
          capital: fmt.percentUpTo(terms.costOfCapital, locale, 2),
          pd: fmt.percentUpTo(terms.pd, locale, 2),
          lgd: fmt.percentUpTo(terms.lgd, locale, 2),
          days: num(terms.daysBeyondTerms, 1),
          version: terms.policyVersion,
        })),
        table(r('terms.caption'),
          [r('terms.col.option'), ...TERM_MEASURES.map((m) => r(`terms.col.${m}`)), r(`terms.col.${last}`), tt('terms.m.rank')],
          terms.options.map((o, i) => [
            i === bestIndex && several
              ? r('terms.best', { option: r('terms.option', { n: i + 1, description: description(o) }), tag: tt('terms.bestTag') })
              : r('terms.option', { n: i + 1, description: description(o) }),
            ...TERM_MEASURES.map((m) => cell(o, m)),
            cell(o, last),
            num(o.rank, 0),
          ]),
          { numeric: [1, 2, 3, 4, 5, 6], rowClass: (n) => (n === bestIndex && several ? 'report-best' : null) }),
        note(several
          ? tt(withMargin ? 'terms.best' : 'terms.best.cost', {
            option: tt('terms.option.n', { n: bestIndex + 1 }),
            description: description(terms.options[bestIndex]),
            amount: money(terms.options[bestIndex][last]),
          })
          : null, 'report-key-note'),
        ...terms.options.filter((o) => o.buyerCost).map((o) => note(`${description(o)}: ${local(o.buyerCost.text)}`)),
        note(terms.assumptions.length
          ? tt('terms.assumptions', { list: fmt.list(terms.assumptions.map((x) => {
            const text = tt(`terms.assumption.${x}`);
            return text === `terms.assumption.${x}` ? x : text;
          }), locale) })
          : null));
    }
    if (discount) {
      parts.push(subhead(tt('discount.title')), facts([
        [r('discount.terms'), tt('terms.label', {
          d: fmt.percentUpTo(discount.discountRate, locale, 4), D: discount.discountDays, N: discount.netDays,
        })],
        [tt('result.simple'), r('discount.perYear', { rate: fmt.percent(discount.simpleAnnualRate, locale, 2), basis: discount.dayBasis })],
        [tt('result.effective'), discount.effectiveAnnualRate === null ? tt('result.effectiveTooLarge') : fmt.percent(discount.effectiveAnnualRate, locale, 2)],
        [tt('result.discountAmount'), discount.invoice?.discountAmount != null ? fmt.money(discount.invoice.discountAmount, discount.invoice.currency, locale) : null],
        [tt('result.netDueDate'), discount.invoice?.netDueDate ? date(discount.invoice.netDueDate) : null],
      ]));
    }
    return section('terms', ...parts);
  }

  function insuranceEstimate() {
    if (!insurance) return section('insurance', notCalculated(L.insurance));
    const { premium: p, claim: c, limit: l } = insurance;
    const money = (a) => fmt.money(a, p.currency ?? null, locale);
    const noOpen = l?.noOpenCredit || isZero(l?.recommended);
    const taxed = !(p.assumptions.includes('PREMIUM_TAX_NOT_GIVEN') || p.assumptions.includes('PREMIUM_TAX_UNKNOWN'));
    return section('insurance',
      facts([
        [r('ins.premium'), money(p.premium), 'report-key'],
        [r('ins.minimum'), p.minimumApplies && p.minimumPremium !== null ? money(p.minimumPremium) : null],
        [tt('ins.range'), r('range', { low: money(p.premiumLow), high: money(p.premiumHigh) })],
        [r('ins.rate'), r(p.minimumApplies ? 'ins.rate.minimum' : 'ins.rate.value', {
          rate: fmt.percentUpTo(p.rate, locale, 4), effective: fmt.percentUpTo(p.effectiveRate, locale, 4),
        })],
        [r('ins.turnover'), money(p.insuredTurnover)],
        [tt('ins.fees'), money(p.monitoringFees)],
        [tt('ins.tax'), taxed ? r('withDetail', { main: money(p.premiumTax), detail: tt('ins.tax.rate', { rate: fmt.percentUpTo(p.premiumTaxRate, locale, 2) }) }) : tt('ins.tax.notIncluded')],
        [tt('ins.total'), money(p.totalAnnualCost)],
        [r('ins.indemnity'), fmt.percentUpTo(p.indemnity, locale, 2)],
        [tt('ins.maxLiability'), money(p.maxLiability)],
      ]),
      subhead(tt('ins.default')),
      noOpen
        ? note(tt(l?.noOpenCredit ? 'ins.noOpenCredit' : 'ins.noOpenCredit.zero', { grade: l?.grade, limit: money(l?.recommended) }))
        : facts([
          [tt('ins.payout'), money(c.payout), 'report-key'],
          [r('ins.payout.how'), tt(isZero(c.excess) ? 'ins.payout.sub' : 'ins.payout.sub.excess', {
            share: fmt.percentUpTo(c.indemnity, locale, 2), limit: money(c.unpaid), excess: money(c.excess),
          })],
          [tt('ins.kept'), money(c.kept)],
        ]),
      subhead(tt('ins.badDebt')),
      facts([
        [tt('ins.expectedLoss'), money(p.expectedAnnualLoss)],
        [tt('ins.expectedKept'), money(p.expectedLossKept)],
        [tt('ins.breakEven'), money(p.breakEvenLoss)],
      ]),
      note(local(p.summary)),
      note(tt('ins.basis', { version: p.policyVersion })));
  }

  function overdueSummary() {
    if (!overdue || isZero(overdue.overdueTotal)) return null;
    const money = (a) => fmt.money(a, overdue.currency ?? null, locale);
    const dueNow = overdue.ladder.filter((s) => s.status === 'due').at(-1);
    const next = overdue.ladder.find((s) => s.status === 'upcoming');
    const step = (s) => r(`od.step.${s.status}`, { action: tt(`od.action.${s.action}`), date: date(s.date), claim: money(s.claim.total) });
    const best = overdue.routes.find((x) => x.route === overdue.bestRoute);
    return section('overdue',
      facts([
        [tt('od.overdueTotal'), money(overdue.overdueTotal), 'report-key'],
        [tt('od.outstandingTotal'), money(overdue.outstandingTotal)],
        [tt('od.claimable'), money(overdue.claimableNow.total)],
        [tt('od.status.due'), dueNow ? step(dueNow) : null],
        [r('od.next'), next ? step(next) : r('od.next.none')],
        [r('od.bestRoute'), best ? tt('od.best', { route: tt(`od.route.${best.route}`), pv: money(best.presentValue) }) : null],
      ]),
      table(tt('od.ageing'), [tt('od.col.bucket'), tt('od.col.amount'), tt('od.col.count')],
        overdue.ageing.map((a) => [tt(`od.bucket.${a.bucket}`), money(a.amount), num(a.count, 0)]),
        { numeric: [1, 2], narrow: true }),
      overdue.disputed.length
        ? el('div', {}, subhead(tt('od.disputed')), el('ul', {}, ...overdue.disputed.map((d) => el('li', {
          text: tt('od.disputed.item', { number: d.number, amount: money(d.outstanding), date: date(d.dueDate) }),
        }))))
        : null,
      note(local(overdue.legalBasis)));
  }

  // ---- the report ---------------------------------------------------------------------------

  const generated = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(now);
  const head = el('header', { class: 'report-head' },
    el('p', { class: 'report-kind', text: r('kind') }),
    el('h1', { text: r('title', { name: name ?? r('name.none') }) }),
    facts([
      [tt('score.asOf'), asOf ? date(asOf) : r('notGiven')],
      [r('policy'), policyVersion ?? r('notGiven')],
      [r('generated'), generated],
    ]));
  const foot = el('footer', { class: 'report-foot' },
    el('p', { text: r('footer') }),
    el('p', { text: r('footer.line', { policy: policyVersion ?? r('notGiven'), asOf: asOf ? date(asOf) : r('notGiven'), generated }) }));

  return el('article', { class: 'report', lang: locale, 'aria-label': r('kind') },
    head,
    basic(),
    scoreAndGrade(),
    reasons(),
    financials(),
    payments(),
    legal(),
    creditLimit(),
    termsCompared(),
    insuranceEstimate(),
    overdueSummary(),
    foot);
}
