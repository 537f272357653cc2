// The quote section of <credit-calculator mode="quote">: the public quote for prospects. A
// prospect answers six questions; the view turns the answers into a PremiumInput, the engine
// estimates the premium, and the view shows the engine's figures formatted with Intl. It
// never computes an amount itself, and nothing is sent anywhere: the engine runs here, the
// answers are kept only in this browser (`credit-calculator:quote:v1`, through ctx.storage),
// and the contact button is a plain link the host sets: the element's `contact` attribute,
// else the page's <meta name="quote-contact">. Like every section it reads and writes only
// inside the element's shadow root, through ctx.
import * as fmt from './format.js';
import { el } from './dom.js';
import { qt, quoteProblemText } from './quote-i18n.js';
import { registerView } from './view-registry.js';

const STORE_KEY = 'credit-calculator:quote:v1';
const CURRENCIES = ['CNY', 'EUR', 'USD', 'GBP', 'HKD', 'SGD', 'CHF', 'JPY'];
/** Where a policyholder may be based: the countries whose premium tax the policy knows. */
const HOLDER_COUNTRIES = ['GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'CN', 'US', 'SG', 'HK'];
/** A representative number of buyers inside each range (each inside one of the policy's spread bands: <6, <21, <101, <501, more). */
const BUYERS = { '1-5': 3, '6-20': 12, '21-100': 50, '101-500': 250, '500+': 800 };
const TERMS = ['30', '60', '90', '120'];
const CONTACT_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'];

/**
 * Where the buyers are → `buyerCountries`, by OECD country-risk category (0 = high-income
 * OECD … 7 = highest risk), shares as decimal strings adding up to 1:
 *   home      the policyholder's own country when it is given (the engine looks up its
 *             category: GB, DE, US … 0; HK, CN 2), else category 0 with an assumption shown
 *   oecd      Europe, North America and other high-income OECD countries: category 0
 *   mix       half category 0, half category 3 (a typical emerging market: India, Thailand)
 *   emerging  category 4 (Mexico, Viet Nam, South Africa)
 * A prospect rarely knows their buyers' OECD categories; four plain choices are quicker
 * than a list of countries and shares, and close enough for an indicative range.
 */
const WHERE = ['home', 'oecd', 'mix', 'emerging'];
function buyerCountries(where, holder) {
  switch (where) {
    case 'oecd': return [{ oecdCategory: 0, share: '1' }];
    case 'mix': return [{ oecdCategory: 0, share: '0.5' }, { oecdCategory: 3, share: '0.5' }];
    case 'emerging': return [{ oecdCategory: 4, share: '1' }];
    default: return holder ? [{ country: holder, share: '1' }] : [{ oecdCategory: 0, share: '1' }];
  }
}

/** Which control shows a problem of each engine field (by its first segment). */
const TARGETS = {
  insuredTurnover: 'q-turnover',
  currency: 'q-currency',
  sector: 'q-sector',
  buyerCountries: 'q-where',
  numberOfBuyers: 'q-buyers',
  typicalTermsDays: 'q-terms',
  badDebtLosses: 'q-losses',
  policyholderCountry: 'q-country',
};

/** The engine's input: only what the prospect answered; amounts as typed, never as floats. */
function premiumInput(a) {
  const input = {
    currency: a.currency,
    buyerCountries: buyerCountries(a.where, a.country),
    numberOfBuyers: BUYERS[a.buyers],
    typicalTermsDays: Number(a.terms),
  };
  const turnover = fmt.decimalText(a.turnover);
  if (turnover !== null) input.insuredTurnover = turnover;
  if (a.sector) input.sector = a.sector;
  // The question asks for the average yearly loss; one figure, which the engine's average
  // of the list leaves as it is.
  const losses = fmt.decimalText(a.losses);
  if (losses !== null) input.badDebtLosses = [losses];
  if (a.country) input.policyholderCountry = a.country;
  return input;
}

/**
 * The contact button's href, exactly as the host gave it: the element's `contact` attribute,
 * else the page's <meta name="quote-contact" content>. Nothing is added to it. Null (the
 * button is hidden) when it is empty or not an http(s), mailto or tel link (or a relative one).
 */
function contactHref(host) {
  const given = host.hasAttribute('contact')
    ? host.getAttribute('contact')
    : document.querySelector('meta[name="quote-contact"]')?.getAttribute('content');
  const href = given?.trim() ?? '';
  if (!href) return null;
  try {
    return CONTACT_PROTOCOLS.includes(new URL(href, document.baseURI).protocol) ? href : null;
  } catch {
    return null;
  }
}

const isZero = (decimal) => /^[+-]?0*(\.0*)?$/.test(String(decimal));

// ---- "How we estimated" and "What we assumed" ------------------------------------------------

function factorDetail(f, locale) {
  const v = f.input;
  switch (f.driver) {
    case 'country': return v === null ? qt(locale, 'detail.notAsked') : qt(locale, 'detail.country', { n: fmt.number(v, locale, 2) });
    case 'terms': return v === null ? qt(locale, 'detail.notAsked') : qt(locale, 'detail.terms', { n: fmt.number(v, locale, 0) });
    case 'buyerQuality': return v === null ? qt(locale, 'detail.notAsked') : fmt.number(v, locale, 2);
    case 'lossHistory': return v === null ? qt(locale, 'detail.notGiven') : qt(locale, 'detail.lossHistory', { p: fmt.percentUpTo(v, locale, 3) });
    case 'spread': return v === null ? qt(locale, 'detail.notAsked') : qt(locale, 'detail.spread', { n: fmt.number(v, locale, 0) });
    case 'indemnity': return v === null ? '' : qt(locale, 'detail.indemnity', { p: fmt.percentUpTo(v, locale, 2) });
    case 'firstLoss': return v === null || isZero(v) ? qt(locale, 'detail.none') : qt(locale, 'detail.firstLoss', { p: fmt.percentUpTo(v, locale, 3) });
    default: return v === null ? '' : fmt.number(v, locale, 4);
  }
}

/** "How we estimated": the sector's starting rate, each driver's factor, the resulting rate. */
function howWeEstimated(r, locale) {
  const lines = [];
  const sector = r.factors.find((f) => f.driver === 'sector');
  const base = fmt.percentUpTo(r.baseRate, locale, 4);
  lines.push(sector?.input != null
    ? qt(locale, 'how.base', { class: fmt.number(sector.input, locale, 0), rate: base })
    : qt(locale, 'how.baseAverage', { rate: base }));
  for (const f of r.factors) {
    if (f.driver === 'sector') continue; // its effect is the starting rate above
    const detail = factorDetail(f, locale);
    lines.push(qt(locale, 'how.factor', {
      driver: qt(locale, `driver.${f.driver}`),
      detail: detail ? qt(locale, 'how.detail', { text: detail }) : '',
      factor: fmt.number(f.factor, locale, 4),
    }));
  }
  lines.push(qt(locale, 'how.rate', { rate: fmt.percentUpTo(r.rate, locale, 4) }));
  return lines;
}

function assumptions(r, locale, policy, sent) {
  const lines = r.assumptions.map((code) => qt(locale, `assumption.${code}`));
  if (sent?.where === 'home' && !sent.country) lines.push(qt(locale, 'assumption.HOME_HIGH_INCOME'));
  const multiple = policy?.insurance?.defaultMaxLiabilityMultiple;
  if (multiple != null) {
    lines.push(qt(locale, 'assumption.INDEMNITY', {
      p: fmt.percentUpTo(r.indemnity, locale, 2),
      multiple: fmt.number(multiple, locale, 2),
    }));
  }
  return lines;
}

// ---- the view ----------------------------------------------------------------------------------

/** Starts the quote section; returns `{ setLocale }` for the element's language switch. */
export function startQuoteView(ctx) {
  const { $, storage, call } = ctx;
  let locale = ctx.locale;
  let policy = null; // the policy in use, once the engine has given it
  const collators = new Map(); // locale → Intl.Collator
  let collate = false; // lists sorted with Intl.Collator: once the first estimate is shown
  let pendingSector = null; // a restored sector, until the policy's list of industries is in
  let outcome = null; // { ok, value } | { ok: false, error } of the latest estimate
  let sent = null; // the answers that produced `outcome`
  let ticket = 0;
  let resultInView = false;

  const form = $('quote-form');
  const whereRadios = () => $('q-where').querySelectorAll('input[name="where"]');
  const setText = (id, text) => {
    $(id).textContent = text;
  };

  // ---- the answers ------------------------------------------------------------------------

  function defaults() {
    return {
      turnover: '',
      // The host's `currency` attribute, else the prospect's likely one.
      currency: CURRENCIES.includes(ctx.currency) ? ctx.currency : locale === 'zh-CN' ? 'CNY' : 'EUR',
      sector: '',
      where: 'home',
      buyers: '21-100',
      terms: '60',
      losses: '',
      country: '',
    };
  }

  function readAnswers() {
    return {
      turnover: $('q-turnover').value,
      currency: $('q-currency').value,
      sector: pendingSector ?? $('q-sector').value,
      where: [...whereRadios()].find((radio) => radio.checked)?.value ?? 'home',
      buyers: $('q-buyers').value,
      terms: $('q-terms').value,
      losses: $('q-losses').value,
      country: $('q-country').value,
    };
  }

  function writeAnswers(a) {
    $('q-turnover').value = a.turnover;
    $('q-currency').value = a.currency;
    setSector(a.sector);
    for (const radio of whereRadios()) radio.checked = radio.value === a.where;
    $('q-buyers').value = a.buyers;
    $('q-terms').value = a.terms;
    $('q-losses').value = a.losses;
    $('q-country').value = a.country;
  }

  /** Saved answers, each kept only when it is still a valid answer. */
  function savedAnswers() {
    const base = defaults();
    let saved;
    try {
      saved = JSON.parse(storage.get(STORE_KEY) ?? 'null');
    } catch {
      saved = null;
    }
    if (!saved || typeof saved !== 'object') return base;
    const text = (v, fallback) => (typeof v === 'string' ? v.slice(0, 100) : fallback);
    const oneOf = (v, list, fallback) => (list.includes(v) ? v : fallback);
    return {
      turnover: text(saved.turnover, base.turnover),
      currency: oneOf(saved.currency, CURRENCIES, base.currency),
      sector: text(saved.sector, base.sector),
      where: oneOf(saved.where, WHERE, base.where),
      buyers: oneOf(saved.buyers, Object.keys(BUYERS), base.buyers),
      terms: oneOf(saved.terms, TERMS, base.terms),
      losses: text(saved.losses, base.losses),
      country: oneOf(saved.country, ['', ...HOLDER_COUNTRIES], base.country),
    };
  }

  function save() {
    storage.set(STORE_KEY, JSON.stringify(readAnswers()));
  }

  // ---- options and labels in the current language -------------------------------------------

  function setSector(code) {
    const select = $('q-sector');
    if (!policy) {
      pendingSector = code;
      return;
    }
    pendingSector = null;
    select.value = [...select.options].some((o) => o.value === code) ? code : '';
  }

  function fillOptions() {
    // Called again once the policy is in (its sectors), once the first estimate is shown and
    // on a language switch. Sorted by name with one collator per language, made once: its
    // first use loads ICU data (15 to 45 ms in Chromium on our build machine), so the first
    // estimate does not wait for it. Until then the lists are in code-unit order, which no
    // one sees: a closed select shows only its choice.
    let byName = (a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
    if (collate) {
      if (!collators.has(locale)) collators.set(locale, new Intl.Collator(locale));
      const collator = collators.get(locale);
      byName = (a, b) => collator.compare(a[1], b[1]);
    }
    const option = ([value, text]) => el('option', { value, text });

    const sector = $('q-sector');
    const chosenSector = pendingSector ?? sector.value;
    const industries = (policy?.industries ?? [])
      .map((i) => [i.code, (locale === 'zh-CN' ? i.nameZh : i.nameEn) ?? i.nameEn ?? i.code])
      .sort(byName);
    sector.replaceChildren(...[['', qt(locale, 'q.sector.other')], ...industries].map(option));
    if (policy) setSector(chosenSector);

    const country = $('q-country');
    const chosenCountry = country.value;
    const countries = HOLDER_COUNTRIES.map((code) => [code, qt(locale, `q.country.${code}`)]).sort(byName);
    country.replaceChildren(...[['', qt(locale, 'q.country.unknown')], ...countries].map(option));
    country.value = chosenCountry;

    for (const o of $('q-terms').options) o.textContent = qt(locale, 'q.terms.days', { n: o.value });
  }

  function translate() {
    for (const node of $('quote').querySelectorAll('[data-q]')) node.textContent = qt(locale, node.dataset.q);
    fillOptions();
  }

  // ---- the result ---------------------------------------------------------------------------

  function clearErrors() {
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    for (const node of form.querySelectorAll('.error')) node.textContent = '';
  }

  function setStatus(text, kind) {
    const status = $('quote-status');
    status.className = `status ${kind}`;
    status.textContent = text;
  }

  /** The narrow calculator's bar: shown with an estimate while the range in the result is out of view. */
  function updatePeek() {
    $('peek').hidden = !outcome?.ok || resultInView;
  }

  function render() {
    renderResult();
    updatePeek();
  }

  function renderResult() {
    clearErrors();
    const result = $('result');
    if (!outcome) {
      result.classList.add('stale');
      setStatus(qt(locale, 'status.loading'), 'note');
      return;
    }
    if (!outcome.ok) {
      result.classList.add('stale');
      renderProblems(outcome.error);
      return;
    }
    result.classList.remove('stale');
    renderEstimate(outcome.value);
  }

  function renderProblems(error) {
    if (error.code === 'ENGINE_FAILED') {
      setStatus(qt(locale, 'status.failed'), 'problem');
      return;
    }
    const maxText = (max) => fmt.number(max, locale, 0);
    let placed = 0;
    let unplaced = null;
    let turnoverMissing = false;
    for (const problem of error.errors.length ? error.errors : [error]) {
      const field = String(problem.field ?? '');
      const root = field.replace(/[.[].*$/, '');
      if (root === 'insuredTurnover' && problem.code === 'REQUIRED') {
        // Not yet answered: a prompt, not an error.
        turnoverMissing = true;
        continue;
      }
      const id = TARGETS[root];
      if (!id) {
        unplaced ??= problem;
        continue;
      }
      placed += 1;
      const slot = $(`${id}-error`);
      if (!slot.textContent) slot.textContent = quoteProblemText(locale, problem, maxText);
      const control = id === 'q-where' ? [...whereRadios()].find((radio) => radio.checked) : $(id);
      control?.setAttribute('aria-invalid', 'true');
    }
    if (unplaced) setStatus(quoteProblemText(locale, unplaced, maxText), 'problem');
    else if (placed) setStatus(qt(locale, 'status.fix'), 'problem');
    else if (turnoverMissing) setStatus(qt(locale, 'status.start'), 'note');
  }

  function renderEstimate(r) {
    const cur = r.currency;
    const money = (amount) => fmt.money(amount, cur, locale);
    const low = money(r.premiumLow);
    const high = money(r.premiumHigh);
    setStatus(qt(locale, 'status.ready', { low, high }), 'quiet');

    setText('premium-range', qt(locale, 'result.range', { low, high }));
    setText('peek-range', qt(locale, 'result.range', { low, high }));
    setText('premium-point', qt(locale, 'result.point', {
      premium: money(r.premium),
      rate: fmt.percent(r.effectiveRate, locale, 2),
    }));
    setText('premium-minimum', r.minimumApplies && r.minimumPremium !== null
      ? qt(locale, 'result.minimum', { minimum: money(r.minimumPremium) })
      : '');

    setText('fig-indemnity', fmt.percentUpTo(r.indemnity, locale, 2));
    setText('fig-maxLiability', money(r.maxLiability));

    setText('fig-premium', money(r.premium));
    $('fig-fees-row').hidden = isZero(r.monitoringFees);
    setText('fig-fees', money(r.monitoringFees));
    const taxUnknown = r.assumptions.includes('PREMIUM_TAX_NOT_GIVEN') || r.assumptions.includes('PREMIUM_TAX_UNKNOWN');
    setText('fig-tax-label', taxUnknown
      ? qt(locale, 'result.taxNone')
      : qt(locale, 'result.tax', { rate: fmt.percentUpTo(r.premiumTaxRate, locale, 2) }));
    setText('fig-tax', taxUnknown ? qt(locale, 'result.taxNotIncluded') : money(r.premiumTax));
    setText('fig-total', money(r.totalAnnualCost));

    setText('fig-expected', money(r.expectedAnnualLoss));
    setText('fig-kept', money(r.expectedLossKept));
    setText('fig-breakEven', money(r.breakEvenLoss));

    setText('summary', fmt.localized(r.summary, locale));
    const li = (text) => el('li', { text });
    $('how-list').replaceChildren(...howWeEstimated(r, locale).map(li));
    $('assumption-list').replaceChildren(...assumptions(r, locale, policy, sent).map(li));
    setText('policy-version', qt(locale, 'result.version', { version: r.policyVersion }));
  }

  // ---- start ----------------------------------------------------------------------------------

  async function recalculate() {
    const mine = ++ticket;
    const answers = readAnswers();
    const input = premiumInput(answers);
    const result = await call('estimatePremium', input);
    if (mine !== ticket) return; // a newer keystroke's estimate is on its way
    // A restored sector the policy does not list, before its list is in: no error for it.
    // The list then shows "Other or not sure" and the estimate is made again (see start).
    if (!result.ok && !policy && pendingSector && result.error.field === 'sector') return;
    outcome = result;
    sent = answers;
    render();
    ctx.report('quote', result, input);
    ctx.mark('quoteReady');
  }

  function setUpContact() {
    const href = contactHref(ctx.host);
    if (href) $('contact').setAttribute('href', href);
    else $('contact').removeAttribute('href');
    $('contact-box').hidden = !href;
  }

  async function start() {
    // The quote has its own "Clear my answers" beside the note on what is kept; the toolbar's
    // Clear (with its confirm) would be a second button for the same thing.
    const toolbarClear = $('clear-all');
    if (toolbarClear) toolbarClear.hidden = true;
    setUpContact();
    translate(); // builds the country options the saved answer is chosen from
    writeAnswers(savedAnswers());
    render();

    form.addEventListener('input', () => {
      save();
      recalculate();
    });
    form.addEventListener('submit', (e) => e.preventDefault());
    $('clear').addEventListener('click', () => {
      storage.remove(STORE_KEY);
      writeAnswers(defaults());
      recalculate();
      $('q-turnover').focus();
    });
    $('peek').addEventListener('click', () => {
      $('result').focus({ preventScroll: true });
      $('result').scrollIntoView({ block: 'start' });
    });

    if ('IntersectionObserver' in window) {
      new IntersectionObserver((entries) => {
        resultInView = entries.some((e) => e.isIntersecting);
        updatePeek();
      }).observe($('premium-range'));
    }

    // The first estimate does not wait for the policy in use: the engine has it. Its list of
    // sectors and its liability multiple (in the assumptions) come when it does; a restored
    // sector waits in pendingSector, which the estimate's input uses.
    call('defaultPolicy').then((loaded) => {
      if (!loaded.ok) {
        // No list to choose from: a restored sector is dropped rather than left unanswered.
        if (pendingSector) {
          pendingSector = null;
          recalculate();
        }
        return;
      }
      const restored = pendingSector;
      policy = loaded.value;
      fillOptions();
      // A restored sector the policy does not list is "other" now: estimated again.
      if (restored && $('q-sector').value !== restored) recalculate();
      else if (outcome) render();
    });
    await recalculate();
    collate = true;
    fillOptions();
  }

  start();

  return {
    setLocale(next) {
      locale = next;
      translate();
      render();
    },
  };
}

registerView('quote', startQuoteView);
