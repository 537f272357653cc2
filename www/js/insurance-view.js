// The "Credit insurance" section of the deal-check page: what covering this customer would
// cost, how much of the recommended limit the cover protects and what a claim would pay if
// the customer defaulted owing the whole limit. One way, like the other sections: form + the
// latest customer score + the latest credit limit → plain PremiumInput → engine; then the
// limit → plain ClaimInput → engine → render. The score and the limit reach this section
// only through the `score-result` and `limit-result` events that score-view.js and
// limit-view.js dispatch on `document` (detail: the result, or null while it has errors).
// The customer is priced as the engine's own deal check prices it (src/deal.rs): its expected
// yearly sales as the insured turnover (the limit's need method's basis) as a single buyer,
// with the score's grade, PD, country and industry; the claim is on the recommended limit
// with the premium's indemnity and excess.
// Every field is saved locally as it is typed and restored on reload; an invalid field is
// marked with the engine's problem in the current language and nothing typed is ever changed.
// The page never computes money: every figure is an engine decimal string formatted with
// Intl, and the percentage typed is turned into a fraction by moving the decimal point on the
// digits (format.js percentToFraction).
import * as fmt from './format.js';
import { problemText, t } from './i18n.js';
import './i18n-sections.js'; // the sections' texts
import { el, nameCountryOptions, whenIdle, patch, writeText } from './dom.js';
import { registerView } from './view-registry.js';

const STORE_KEY = 'credit-calculator:insurance:v1';
/** Where the policyholder may be taxed: the credit policy's premium-tax countries. */
const COUNTRIES = ['GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'CN', 'US', 'SG', 'HK'];

/** The section's fields, by the container (data-fields) they go in. */
const FIELDS = {
  sales: [
    { id: 'ins-insuredTurnover', kind: 'decimal', label: 'ins.insuredTurnover' },
    { id: 'ins-typicalTermsDays', kind: 'integer', label: 'ins.typicalTermsDays', hint: 'ins.hint.typicalTermsDays', initial: '60' },
  ],
  cover: [
    { id: 'ins-indemnity', kind: 'percent', label: 'ins.indemnity', hint: 'ins.hint.indemnity', initial: '90' },
    { id: 'ins-excess', kind: 'decimal', label: 'ins.excess', hint: 'ins.hint.excess' },
    { id: 'ins-policyholderCountry', kind: 'country', label: 'ins.policyholderCountry', hint: 'ins.hint.policyholderCountry', initial: '' },
  ],
};
const SPECS = Object.values(FIELDS).flat();

/** Engine paths (of the premium and of the claim) → the control that feeds them. */
const CONTROL_OF_PATH = {
  insuredTurnover: 'ins-insuredTurnover',
  typicalTermsDays: 'ins-typicalTermsDays',
  'cover.indemnity': 'ins-indemnity',
  'cover.excessPerClaim': 'ins-excess',
  policyholderCountry: 'ins-policyholderCountry',
  indemnity: 'ins-indemnity',
  excess: 'ins-excess',
};

/** An engine decimal string that is zero ("0", "0.00"): a test on its text, not arithmetic. */
const isZero = (text) => /^[+-]?0*(\.0*)?$/.test(String(text ?? ''));

/** What one control holds, as the engine reads it; null when empty. */
function valueOf(control, kind) {
  if (kind === 'percent') return fmt.percentToFraction(control.value);
  if (kind === 'decimal' || kind === 'integer') return fmt.decimalText(control.value);
  return control.value || null;
}

/**
 * Starts the section. `storage` is the page's forgiving localStorage wrapper. Returns
 * `{ setLocale }` for the page's language switch.
 */
export function startInsuranceView(ctx) {
  const { locale: initialLocale, storage, $, call, bus } = ctx;
  let locale = initialLocale;
  let score; // undefined: no score yet; null: the score has errors; else the latest result
  let limit; // undefined: no limit yet; null: the limit has errors; else the latest result
  let outcome = null; // { ok: true, value: { premium, claim, limit, fromLimit } } | { ok: false, error }
  let ticket = 0;

  const form = $('insurance-form');
  const controls = new Map(); // id → control

  // ---- building the form ---------------------------------------------------------------

  function fieldBlock(spec) {
    const { id } = spec;
    const described = [`${id}-hint`, `${id}-error`].join(' ');
    const control = spec.kind === 'country'
      ? el('select', { id, 'aria-describedby': described },
        el('option', { value: '', 'data-sk': 'ins.country.notSure' }),
        ...COUNTRIES.map((c) => el('option', { value: c, 'data-country': c, text: c })))
      : el('input', {
        id,
        type: 'text',
        inputmode: spec.kind === 'integer' ? 'numeric' : 'decimal',
        'aria-describedby': described,
      });
    const block = el('div', { class: 'field' },
      el('label', { for: id, 'data-sk': spec.label }),
      control,
      el('p', { class: 'hint', id: `${id}-hint`, 'data-sk': spec.hint ?? null }),
      el('p', { class: 'error', id: `${id}-error` }));
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

  function save() {
    const fields = Object.fromEntries([...controls].map(([id, control]) => [id, control.value]));
    storage.set(STORE_KEY, JSON.stringify({ fields }));
  }

  function restore() {
    let saved = null;
    try {
      saved = JSON.parse(storage.get(STORE_KEY) ?? 'null');
    } catch {
      saved = null;
    }
    const fields = saved && typeof saved === 'object' && saved.fields && typeof saved.fields === 'object' ? saved.fields : {};
    for (const spec of SPECS) {
      const control = controls.get(spec.id);
      const v = typeof fields[spec.id] === 'string' ? fields[spec.id] : spec.initial ?? '';
      if (spec.kind === 'country') control.value = COUNTRIES.includes(v) ? v : '';
      else control.value = v;
    }
  }

  // ---- reading the form and the other sections into the engine's inputs ----------------------

  /** The customer's expected yearly sales from the limit (its need method starts from them). */
  const limitSales = () => limit?.methods?.find((m) => m.method === 'need')?.basis ?? null;

  /** The PremiumInput, priced as the engine's deal check prices the customer. */
  function readPremium() {
    const v = (id) => valueOf(controls.get(id), SPECS.find((s) => s.id === id).kind);
    const typed = v('ins-insuredTurnover');
    const turnover = typed ?? limitSales();
    const input = {};
    if (turnover !== null) input.insuredTurnover = turnover;
    if (limit.currency) input.currency = limit.currency;
    input.numberOfBuyers = 1;
    input.buyerGradeMix = [{ grade: score.grade, share: '1' }];
    if (score.profile?.country) input.buyerCountries = [{ country: score.profile.country, share: '1' }];
    if (score.profile?.industry) input.sector = score.profile.industry;
    input.pd = score.pd;
    const terms = v('ins-typicalTermsDays');
    if (terms !== null) input.typicalTermsDays = terms;
    const cover = { namedBuyers: 1 };
    const indemnity = v('ins-indemnity');
    if (indemnity !== null) cover.indemnity = indemnity;
    const excess = v('ins-excess');
    if (excess !== null) cover.excessPerClaim = excess;
    input.cover = cover;
    const holder = v('ins-policyholderCountry');
    if (holder !== null) input.policyholderCountry = holder;
    return { input, fromLimit: typed === null };
  }

  // ---- calculating --------------------------------------------------------------------------

  async function recalculate() {
    const mine = ++ticket;
    if (!score || !limit) {
      outcome = null;
      render();
      ctx.report('insurance', null, null);
      return;
    }
    const { input, fromLimit } = readPremium();
    const forLimit = limit;
    const premium = await call('estimatePremium', input);
    if (mine !== ticket) return; // a newer keystroke's, score's or limit's result is on its way
    let result = premium;
    if (premium.ok) {
      // The claim if the customer defaults owing the whole recommended limit, with the cover's
      // indemnity and excess as the engine read them.
      const claim = await call('claimPayout', {
        unpaidAmount: forLimit.recommended,
        indemnity: premium.value.indemnity,
        excess: premium.value.excessPerClaim,
        ...(forLimit.currency ? { currency: forLimit.currency } : {}),
      });
      if (mine !== ticket) return;
      result = claim.ok
        ? { ok: true, value: { premium: premium.value, claim: claim.value, limit: forLimit, fromLimit } }
        : claim;
    }
    outcome = result;
    render();
    ctx.report('insurance', result, input);
    ctx.mark('insuranceReady');
  }

  // ---- rendering ----------------------------------------------------------------------------

  function setText(id, text) {
    writeText($(id), text);
  }

  function translate() {
    for (const node of $('insurance').querySelectorAll('[data-sk]')) node.textContent = t(locale, node.dataset.sk);
    whenIdle(() => nameCountryOptions($('ins-policyholderCountry'), locale)); // the codes stand until then
  }

  /** The sales hint names where an empty field takes its figure from, and the figure. */
  function renderSalesHint() {
    const sales = limitSales();
    setText('ins-insuredTurnover-hint', sales !== null
      ? t(locale, 'ins.hint.insuredTurnover.from', { amount: fmt.money(sales, limit.currency ?? null, locale) })
      : t(locale, 'ins.hint.insuredTurnover'));
  }

  function clearErrors() {
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    for (const node of form.querySelectorAll('.error')) node.textContent = '';
  }

  function setStatus(text, kind) {
    const status = $('insurance-status');
    status.className = `insurance-status ${kind}`;
    status.textContent = text;
  }

  /** A problem in words: this section's wording for its fields, else the page's. */
  function problemMessage(problem) {
    const leaf = String(problem.field ?? '').replace(/^.*\./, '');
    const key = `ins.error.${leaf}.${problem.code}`;
    const text = t(locale, key, problem);
    return text === key ? problemText(locale, problem) : text;
  }

  function render() {
    clearErrors();
    renderSalesHint();
    const waiting = score === null ? 'ins.noScore'
      : score === undefined ? 'ins.waiting'
        : limit === null ? 'ins.noLimit'
          : limit === undefined ? 'ins.waiting' : null;
    if (waiting) {
      setStatus(t(locale, waiting), 'note');
      renderCover(null);
      return;
    }
    if (!outcome) {
      setStatus(t(locale, 'engine.loading'), 'note');
      renderCover(null);
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
          if (!slot.textContent) slot.textContent = problemMessage(problem);
        } else {
          unplaced ??= problem;
        }
      }
      const status = error.code === 'ENGINE_FAILED'
        ? t(locale, 'engine.failed')
        : unplaced ? problemMessage(unplaced) : t(locale, 'result.fix');
      setStatus(status, 'problem');
      renderCover(null);
      return;
    }
    renderCover(outcome.value);
  }

  const FIGURES = ['insurance-premium', 'insurance-low', 'insurance-high', 'insurance-effective', 'insurance-fees', 'insurance-tax',
    'insurance-total', 'insurance-maxLiability', 'insurance-payout', 'insurance-kept', 'insurance-expectedLoss',
    'insurance-expectedKept', 'insurance-breakEven'];
  const NOTES = ['insurance-sales', 'insurance-minimum', 'insurance-noopen', 'insurance-payout-sub',
    'insurance-tax-sub', 'insurance-summary', 'insurance-assumptions', 'insurance-basis', 'insurance-rate'];

  function renderCover(v) {
    $('insurance-result').classList.toggle('stale', !v);
    $('insurance-body').hidden = !v;
    $('insurance-breakdown').hidden = !v;
    if (!v) {
      for (const id of FIGURES) setText(id, '—');
      for (const id of NOTES) setText(id, '');
      $('insurance-factor-rows').replaceChildren();
      return;
    }
    const { premium: p, claim: c, limit: l } = v;
    const money = (amount) => fmt.money(amount, p.currency ?? null, locale);

    // The premium and what the cover costs a year.
    setText('insurance-premium', money(p.premium));
    setText('insurance-low', money(p.premiumLow));
    setText('insurance-high', money(p.premiumHigh));
    setText('insurance-sales', t(locale, v.fromLimit ? 'ins.sales.fromLimit' : 'ins.sales.typed', { amount: money(p.insuredTurnover) }));
    setText('insurance-minimum', p.minimumApplies && p.minimumPremium !== null
      ? t(locale, 'ins.minimum', { amount: money(p.minimumPremium) })
      : '');
    setText('insurance-effective', fmt.percent(p.effectiveRate, locale, 2));
    setText('insurance-fees', money(p.monitoringFees));
    setText('insurance-tax', money(p.premiumTax));
    setText('insurance-tax-sub', p.assumptions.includes('PREMIUM_TAX_NOT_GIVEN') || p.assumptions.includes('PREMIUM_TAX_UNKNOWN')
      ? t(locale, 'ins.tax.notIncluded')
      : t(locale, 'ins.tax.rate', { rate: fmt.percentUpTo(p.premiumTaxRate, locale, 2) }));
    setText('insurance-total', money(p.totalAnnualCost));
    setText('insurance-maxLiability', money(p.maxLiability));

    // The claim if the customer defaults owing the whole recommended limit.
    const noOpen = l.noOpenCredit || isZero(l.recommended);
    $('insurance-claim').hidden = noOpen;
    setText('insurance-noopen', noOpen
      ? t(locale, l.noOpenCredit ? 'ins.noOpenCredit' : 'ins.noOpenCredit.zero', { grade: l.grade, limit: money(l.recommended) })
      : '');
    const withExcess = !isZero(c.excess);
    setText('insurance-payout-sub', t(locale, withExcess ? 'ins.payout.sub.excess' : 'ins.payout.sub', {
      share: fmt.percentUpTo(c.indemnity, locale, 2),
      limit: money(c.unpaid),
      excess: money(c.excess),
    }));
    setText('insurance-payout', money(c.payout));
    setText('insurance-kept', money(c.kept));

    // Bad debt with and without cover.
    setText('insurance-expectedLoss', money(p.expectedAnnualLoss));
    setText('insurance-expectedKept', money(p.expectedLossKept));
    setText('insurance-breakEven', money(p.breakEvenLoss));

    setText('insurance-summary', fmt.localized(p.summary, locale));
    renderFactors(p);
    setText('insurance-assumptions', p.assumptions.length
      ? t(locale, 'ins.assumptions', { list: fmt.list(p.assumptions.map(assumptionText), locale) })
      : '');
    setText('insurance-basis', t(locale, 'ins.basis', { version: p.policyVersion }));

    setStatus(t(locale, noOpen ? 'ins.status.noOpen' : 'ins.status', {
      premium: money(p.premium),
      low: money(p.premiumLow),
      high: money(p.premiumHigh),
      payout: money(c.payout),
    }), 'quiet');
  }

  function assumptionText(code) {
    const key = `ins.assumption.${code}`;
    const text = t(locale, key);
    return text === key ? code : text;
  }

  /** What a rate driver was read from, in words; "not given" when the neutral factor applies. */
  function driverInput(f) {
    if (f.input === null || f.input === undefined) return t(locale, 'ins.input.none');
    switch (f.driver) {
      case 'sector':
        return t(locale, 'ins.input.sector', { n: fmt.number(f.input, locale, 0) });
      case 'country':
        return t(locale, 'ins.input.country', { n: fmt.number(f.input, locale, 2) });
      case 'terms':
        return t(locale, 'ins.input.terms', { n: fmt.number(f.input, locale, 0) });
      case 'buyerQuality':
        return t(locale, 'ins.input.buyerQuality', { n: fmt.number(f.input, locale, 2) });
      case 'lossHistory':
        return t(locale, 'ins.input.lossHistory', { p: fmt.percentUpTo(f.input, locale, 3) });
      case 'spread':
        return t(locale, 'ins.input.spread', { n: fmt.number(f.input, locale, 0) });
      case 'indemnity':
        return fmt.percentUpTo(f.input, locale, 2);
      case 'firstLoss':
        return isZero(f.input) ? t(locale, 'ins.input.firstLoss.none') : t(locale, 'ins.input.firstLoss', { p: fmt.percentUpTo(f.input, locale, 3) });
      default:
        return fmt.number(f.input, locale, 4);
    }
  }

  function renderFactors(p) {
    const sector = p.factors.find((f) => f.driver === 'sector');
    const base = el('tr', { 'data-driver': 'base' },
      el('th', { scope: 'row', text: t(locale, 'ins.driver.base') }),
      el('td', { class: 'input', text: sector?.input === null || sector?.input === undefined
        ? t(locale, 'ins.input.sectorAverage')
        : t(locale, 'ins.input.sector', { n: fmt.number(sector.input, locale, 0) }) }),
      el('td', { class: 'num factor', text: fmt.percentUpTo(p.baseRate, locale, 4) }));
    // The sector sets the base rate; its own factor is always 1 and is not repeated.
    const rows = p.factors.filter((f) => f.driver !== 'sector').map((f) => el('tr', { 'data-driver': f.driver },
      el('th', { scope: 'row', text: t(locale, `ins.driver.${f.driver}`) }),
      el('td', { class: 'input', text: driverInput(f) }),
      el('td', { class: 'num factor', text: t(locale, 'ins.times', { factor: fmt.number(f.factor, locale, 4) }) })));
    patch($('insurance-factor-rows'), base, ...rows);
    setText('insurance-rate', fmt.percentUpTo(p.rate, locale, 4));
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
  // A new score is followed by the limit worked out from it (the limit section is on every
  // page with this one): calculated then, once, not also at the score with the limit before.
  const limitFollows = ctx.sections.includes('limit');
  bus.addEventListener('score-result', (e) => {
    score = e.detail && typeof e.detail === 'object' ? e.detail : null;
    if (!limitFollows) recalculate();
  });
  bus.addEventListener('limit-result', (e) => {
    limit = e.detail && typeof e.detail === 'object' ? e.detail : null;
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

registerView('insurance', startInsuranceView);
