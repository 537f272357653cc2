// Browser end-to-end: the "Credit insurance" section of the deal-check page, used as a
// salesperson would: the customer scored and its limit worked out first, then the cover
// chosen key by key; a change in the score or the limit flows into the cover without
// touching it; both languages, invalid fields, reload, keyboard only, a phone-width screen.
// The premium's figures are checked against what the engine itself returns for the same
// input, called inside the page: this tests the wiring (which input the section builds, which
// figure goes where, how it is formatted); the engine's own vectors check the maths.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness } from './harness.mjs';
import { assertClean, axe, assertNoInline, assertNoSidewaysScroll, text, expectText, chooseLocale } from './checks.mjs';

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

async function ready(page) {
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  await page.waitForSelector('credit-calculator[data-score-ready="true"]', { timeout: 15000 });
  // The sections below the score start after its first answer.
  await page.waitForSelector('credit-calculator[data-insurance-ready="true"]', { timeout: 15000 });
}

const row = (list, n, field) => `#${list}-rows .row:nth-child(${n}) [data-row-field="${field}"]`;
const factor = (driver, part) => `#insurance-factor-rows tr[data-driver="${driver}"] ${part}`;

/** The profile-only customer of the score vectors: 72.9, grade 4, PD 0.25 %. */
async function scoreProfileOnly(page) {
  await page.locator('#score-asOf').fill('2026-11-22');
  await page.locator('#score-foundedOn').fill('2020-05-01');
  await page.locator('#score-employees').pressSequentially('45');
  await page.selectOption('#score-industry', 'wholesale');
  await page.selectOption('#score-country', 'CN');
  await expectText(page, '#score-grade', 'Grade 4 of 10');
}

/** The limit of the limit vectors: CNY, 1,825,000 a year on 30 days, 60,000 open, 10,000 ordered → 160,000. */
async function fillLimit(page) {
  await page.selectOption('#limit-currency', 'CNY');
  for (const [name, value] of Object.entries({ sales: '1825000', termsDays: '30', openReceivables: '60000', openOrders: '10000' })) {
    await page.locator(`#limit-${name}`).fill('');
    await page.locator(`#limit-${name}`).pressSequentially(value);
  }
  await expectText(page, '#limit-amount', 'CN¥160,000.00');
}

/** Types into an emptied insurance field key by key, or chooses the country. */
async function fillInsurance(page, values) {
  for (const [name, value] of Object.entries(values)) {
    if (name === 'policyholderCountry') {
      await page.selectOption('#ins-policyholderCountry', value);
    } else {
      await page.locator(`#ins-${name}`).fill('');
      if (value) await page.locator(`#ins-${name}`).pressSequentially(value);
    }
  }
}

/** Records the limit section's results from the element's `credit-result` events: the recommended amount. */
async function watchLimitEvents(page) {
  await page.evaluate(() => {
    window.limitEvents = [];
    document.querySelector('credit-calculator').addEventListener('credit-result', (e) => {
      if (e.detail.section === 'limit') window.limitEvents.push(e.detail.result.recommended);
    });
  });
}
/** The limit section's latest result as the element exposes it: the recommended amount, or null. */
const lastLimitEvent = (page) => page.evaluate(() => {
  const latest = document.querySelector('credit-calculator').results.limit;
  return latest?.outcome?.ok ? latest.outcome.value.recommended : null;
});

/** The PremiumInput the section should build for the customer: the engine's deal check's. */
function premiumInput({ turnover = '1825000', grade = 4, pd = '0.0025', terms = '60', cover = {}, holder } = {}) {
  return {
    insuredTurnover: turnover,
    currency: 'CNY',
    numberOfBuyers: 1,
    buyerGradeMix: [{ grade, share: '1' }],
    buyerCountries: [{ country: 'CN', share: '1' }],
    sector: 'wholesale',
    pd,
    typicalTermsDays: terms,
    cover: { namedBuyers: 1, indemnity: '0.90', ...cover },
    ...(holder ? { policyholderCountry: holder } : {}),
  };
}

/**
 * Calls the engine inside the page with `input` and formats its figures as the page does
 * (Intl, the same locale): what the section must show.
 */
async function enginePremium(page, input, locale = 'en') {
  return page.evaluate(async ([given, loc]) => {
    const m = await import('/pkg/credit_calculator.js');
    await m.default({ module_or_path: '/pkg/credit_calculator_bg.wasm' });
    // The engine's sentence with its amounts grouped, as every page shows the engine's texts.
    const { groupAmounts } = await import('/js/format.js');
    const r = m.estimatePremium(given);
    const money = (a) => new Intl.NumberFormat(loc, { style: 'currency', currency: r.currency }).format(a);
    return {
      raw: r,
      premium: money(r.premium),
      low: money(r.premiumLow),
      high: money(r.premiumHigh),
      fees: money(r.monitoringFees),
      tax: money(r.premiumTax),
      total: money(r.totalAnnualCost),
      maxLiability: money(r.maxLiability),
      expectedLoss: money(r.expectedAnnualLoss),
      expectedKept: money(r.expectedLossKept),
      breakEven: money(r.breakEvenLoss),
      effective: new Intl.NumberFormat(loc, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(r.effectiveRate),
      summary: groupAmounts(r.summary[loc], loc),
    };
  }, [input, locale]);
}

/** What the section shows of the premium, in the shape enginePremium returns. */
async function shownPremium(page) {
  return {
    premium: await text(page, '#insurance-premium'),
    low: await text(page, '#insurance-low'),
    high: await text(page, '#insurance-high'),
    fees: await text(page, '#insurance-fees'),
    tax: await text(page, '#insurance-tax'),
    total: await text(page, '#insurance-total'),
    maxLiability: await text(page, '#insurance-maxLiability'),
    expectedLoss: await text(page, '#insurance-expectedLoss'),
    expectedKept: await text(page, '#insurance-expectedKept'),
    breakEven: await text(page, '#insurance-breakEven'),
    effective: await text(page, '#insurance-effective'),
    summary: await text(page, '#insurance-summary'),
  };
}

async function assertPremiumIsEngines(page, input, locale = 'en') {
  const { raw, ...expected } = await enginePremium(page, input, locale);
  assert.deepEqual(await shownPremium(page), expected, 'the premium figures are the engine’s for the same input');
  return raw;
}

describe('credit insurance on the deal-check page', () => {
  test('grade 4 with a limit of 160,000: cover at 90% pays 144,000 and leaves 16,000; the premium is the engine’s', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await watchLimitEvents(page);
    // The defaults of a fresh page, and the wait for a score and a limit.
    assert.equal(await page.inputValue('#ins-insuredTurnover'), '');
    assert.equal(await page.inputValue('#ins-typicalTermsDays'), '60');
    assert.equal(await page.inputValue('#ins-indemnity'), '90');
    assert.equal(await page.inputValue('#ins-excess'), '');
    assert.equal(await page.inputValue('#ins-policyholderCountry'), '');
    assert.equal(await page.getAttribute('#insurance-status', 'role'), 'status');
    assert.equal(await page.getAttribute('#insurance-status', 'aria-live'), 'polite');
    assert.equal(await text(page, '#insurance-title'), 'Credit insurance');
    // The section sits between the credit terms and the overdue customer (then the early-payment discount).
    assert.deepEqual(
      await page.locator('credit-calculator .cc-frame > section.card').evaluateAll((s) => s.map((x) => x.id)),
      ['score', 'limit', 'terms', 'insurance', 'overdue', 'discount'],
    );

    await scoreProfileOnly(page);
    await fillLimit(page);
    assert.equal(await lastLimitEvent(page), '160000.00', 'the limit section publishes its result');

    await expectText(page, '#insurance-payout', 'CN¥144,000.00');
    assert.equal(await text(page, '#insurance-kept'), 'CN¥16,000.00');
    assert.equal(await text(page, '#insurance-payout-label'), 'Paid if the customer defaults with the whole limit used');
    assert.equal(await text(page, '#insurance-payout-sub'), 'The protected part of the limit: 90% of CN¥160,000.00');
    assert.equal(await text(page, '#insurance-noopen'), '');
    assert.equal(await page.isVisible('#insurance-claim'), true);
    assert.equal(await text(page, '#ins-insuredTurnover-hint'), 'Empty: the expected sales of the credit limit section, CN¥1,825,000.00 a year.');
    assert.equal(await text(page, '#insurance-sales'), 'For insured sales of CN¥1,825,000.00 a year, from the credit limit section.');

    // Every premium figure as the engine gives it for the deal check's input.
    const r = await assertPremiumIsEngines(page, premiumInput());
    assert.equal(r.minimumApplies, true, 'CNY 10,000 minimum');
    assert.match(await text(page, '#insurance-range'), /^Range CN¥10,000\.00 – CN¥12,500\.00$/);
    assert.equal(await text(page, '#insurance-minimum'), 'The insurer’s minimum premium of CN¥10,000.00 a year applies.');
    assert.match(await text(page, '#insurance-summary'), /^The premium is about 10,000\.00 CNY a year/);
    assert.equal(await text(page, '#insurance-tax-sub'), 'not included');

    // The rate factors, translated, with what each was read from.
    assert.deepEqual(
      await page.locator('#insurance-factor-rows tr').evaluateAll((rows) => rows.map((x) => x.dataset.driver)),
      ['base', 'country', 'terms', 'buyerQuality', 'lossHistory', 'spread', 'indemnity', 'firstLoss'],
    );
    assert.equal(await text(page, factor('base', 'th')), 'Base rate for the sector');
    assert.equal(await text(page, factor('base', 'td.input')), 'risk class 3');
    assert.equal(await text(page, factor('base', 'td.factor')), '0.25%');
    assert.equal(await text(page, factor('country', 'th')), 'Customer’s country');
    assert.equal(await text(page, factor('country', 'td.input')), 'OECD category 2');
    assert.equal(await text(page, factor('country', 'td.factor')), '× 1.2');
    assert.equal(await text(page, factor('buyerQuality', 'td.input')), 'grade 4');
    assert.equal(await text(page, factor('terms', 'td.input')), '60 days');
    assert.equal(await text(page, factor('lossHistory', 'td.input')), 'not given: neutral');
    assert.equal(await text(page, factor('spread', 'td.factor')), '× 1.4');
    assert.equal(await text(page, factor('indemnity', 'td.input')), '90%');
    assert.equal(await text(page, '#insurance-rate'), '0.42%');
    assert.equal(
      await text(page, '#insurance-assumptions'),
      'Assumed: no premium tax (choose your company’s country to add it) and expected bad debt from the score’s probability of default: receivables at the typical terms × PD × loss given default.',
    );
    assert.match(await text(page, '#insurance-basis'), /Credit policy 2026\.11\.1\.$/);
    assert.equal(
      await page.locator('#insurance-status').textContent(),
      'Premium about CN¥10,000.00 a year (range CN¥10,000.00 to CN¥12,500.00); paid if the customer defaults with the whole limit used: CN¥144,000.00.',
    );

    await axe(page, 'English, cover at 90%');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('80% indemnity pays 128,000 and leaves 32,000; an excess, the premium tax and typed sales follow', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await scoreProfileOnly(page);
    await fillLimit(page);
    await expectText(page, '#insurance-payout', 'CN¥144,000.00');

    await fillInsurance(page, { indemnity: '80' });
    await expectText(page, '#insurance-payout', 'CN¥128,000.00');
    assert.equal(await text(page, '#insurance-kept'), 'CN¥32,000.00');
    assert.equal(await text(page, '#insurance-payout-sub'), 'The protected part of the limit: 80% of CN¥160,000.00');
    assert.equal(await text(page, factor('indemnity', 'td.input')), '80%');
    assert.equal(await text(page, factor('indemnity', 'td.factor')), '× 0.9');
    await assertPremiumIsEngines(page, premiumInput({ cover: { indemnity: '0.80' } }));

    // An excess per claim: taken off the payout, not priced in the premium.
    await fillInsurance(page, { excess: '5,000' });
    await expectText(page, '#insurance-payout', 'CN¥123,000.00');
    assert.equal(await text(page, '#insurance-kept'), 'CN¥37,000.00');
    assert.equal(await text(page, '#insurance-payout-sub'), '80% of the CN¥160,000.00 limit, less the excess of CN¥5,000.00');
    assert.match(await text(page, '#insurance-assumptions'), /the excess per claim lowers the payout but not the premium/);
    await assertPremiumIsEngines(page, premiumInput({ cover: { indemnity: '0.80', excessPerClaim: '5000' } }));

    // Where the policyholder is taxed: China, 6 %.
    await fillInsurance(page, { policyholderCountry: 'CN' });
    await expectText(page, '#insurance-tax', 'CN¥642.00');
    assert.equal(await text(page, '#insurance-tax-sub'), 'at 6%');
    assert.equal(await text(page, '#insurance-total'), 'CN¥11,342.00');
    await assertPremiumIsEngines(page, premiumInput({ cover: { indemnity: '0.80', excessPerClaim: '5000' }, holder: 'CN' }));

    // The sales typed here instead of the limit's; longer terms.
    await fillInsurance(page, { insuredTurnover: '3,000,000', typicalTermsDays: '90' });
    await expectText(page, '#insurance-sales', 'For insured sales of CN¥3,000,000.00 a year, as entered.');
    assert.equal(await text(page, factor('terms', 'td.input')), '90 days');
    assert.equal(await text(page, factor('terms', 'td.factor')), '× 1.15');
    assert.equal(await text(page, '#insurance-minimum'), '', 'above the minimum premium');
    await assertPremiumIsEngines(page, premiumInput({ turnover: '3000000', terms: '90', cover: { indemnity: '0.80', excessPerClaim: '5000' }, holder: 'CN' }));
    assert.equal(await text(page, '#insurance-payout'), 'CN¥123,000.00', 'the payout is on the limit, not the sales');
    await axe(page, 'English, excess and tax');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('an insolvency filing: no open credit to insure, the premium still shown for the sales; no valid score or limit: a message, the entries kept', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await watchLimitEvents(page);
    await scoreProfileOnly(page);
    await fillLimit(page);
    await fillInsurance(page, { excess: '1000', policyholderCountry: 'GB' });
    await expectText(page, '#insurance-payout', 'CN¥143,000.00');

    // Only the score section is touched: grade 10, the limit falls to 0.
    await page.click('#add-legal');
    await page.selectOption(row('legal', 1, 'kind'), 'insolvency');
    await page.locator(row('legal', 1, 'date')).fill('2026-03-01');
    await expectText(page, '#score-grade', 'Grade 10 of 10');
    await expectText(page, '#limit-amount', 'CN¥0.00');
    await expectText(page, '#insurance-noopen', 'No open credit to insure: the recommended limit is CN¥0.00 (grade 10 is past the policy’s cut-off). The premium above is for the sales, should you sell on credit all the same.');
    assert.equal(await lastLimitEvent(page), '0.00');
    assert.equal(await page.isVisible('#insurance-claim'), false, 'no payout on a limit of 0');
    assert.equal(await page.isVisible('#insurance-premium'), true);
    assert.equal(await text(page, factor('buyerQuality', 'td.input')), 'grade 10');
    assert.equal(await text(page, factor('buyerQuality', 'td.factor')), '× 1.5');
    const r = await assertPremiumIsEngines(page, premiumInput({ grade: 10, pd: '0.3', cover: { excessPerClaim: '1000' }, holder: 'GB' }));
    assert.equal(r.premium, '11497.50');
    assert.equal(await text(page, '#insurance-premium'), 'CN¥11,497.50');
    assert.equal(
      await page.locator('#insurance-status').textContent(),
      'Premium about CN¥11,497.50 a year (range CN¥10,000.00 to CN¥14,371.88); no open credit to insure.',
    );
    await axe(page, 'English, no open credit');

    // A score with errors: a clear message instead of a result; the insurance inputs are kept.
    const kept = () => Promise.all(['#ins-insuredTurnover', '#ins-typicalTermsDays', '#ins-indemnity', '#ins-excess', '#ins-policyholderCountry'].map((s) => page.inputValue(s)));
    await page.locator('#score-foundedOn').fill('2027-01-01');
    await expectText(page, '#insurance-status', 'No insurance estimate without a valid customer score: correct the customer score above. Your entries here are kept.');
    assert.equal(await lastLimitEvent(page), null, 'no valid limit without a score');
    assert.equal(await page.isVisible('#insurance-body'), false);
    assert.equal(await page.isVisible('#insurance-breakdown'), false);
    assert.deepEqual(await kept(), ['', '60', '90', '1000', 'GB']);
    await axe(page, 'English, no valid score');

    // The score corrected and the record removed: the payout comes back.
    await page.locator('#score-foundedOn').fill('2020-05-01');
    await page.click('#legal-rows .row:nth-child(1) .button-remove');
    await expectText(page, '#insurance-payout', 'CN¥143,000.00');
    assert.equal(await page.isVisible('#insurance-claim'), true);
    assert.equal(await text(page, '#insurance-noopen'), '');

    // A limit with errors: the same kind of message.
    await page.locator('#limit-termsDays').fill('10000');
    await expectText(page, '#insurance-status', 'No insurance estimate without a valid credit limit: complete or correct the credit limit above. Your entries here are kept.');
    assert.equal(await lastLimitEvent(page), null);
    assert.equal(await page.isVisible('#insurance-body'), false);
    assert.deepEqual(await kept(), ['', '60', '90', '1000', 'GB']);
    await page.locator('#limit-termsDays').fill('30');
    await expectText(page, '#insurance-payout', 'CN¥143,000.00');

    // No expected sales in the limit section: the sales to insure are asked for here.
    await page.locator('#limit-sales').fill('');
    await expectText(page, '#ins-insuredTurnover-error', 'Enter the sales to insure, or the expected sales in the credit limit section.');
    assert.equal(await text(page, '#ins-insuredTurnover-hint'), 'Empty: the expected sales of the credit limit section (none entered there yet).');
    assert.equal(await page.getAttribute('#ins-insuredTurnover', 'aria-invalid'), 'true');
    await fillInsurance(page, { insuredTurnover: '1825000' });
    await expectText(page, '#insurance-sales', 'For insured sales of CN¥1,825,000.00 a year, as entered.');
    assert.equal(await page.locator('#insurance-form [aria-invalid]').count(), 0);
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('an invalid indemnity (30%: the engine takes 50–100%) is marked in English and Chinese; the other fields keep their values', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await scoreProfileOnly(page);
    await fillLimit(page);
    await fillInsurance(page, { typicalTermsDays: '45', excess: '1000', policyholderCountry: 'DE' });
    await expectText(page, '#insurance-payout', 'CN¥143,000.00');

    await fillInsurance(page, { indemnity: '30' });
    await expectText(page, '#ins-indemnity-error', 'Enter an indemnity from 50% to 100%.');
    assert.equal(await page.getAttribute('#ins-indemnity', 'aria-invalid'), 'true');
    assert.match(await page.getAttribute('#ins-indemnity', 'aria-describedby'), /ins-indemnity-error/);
    assert.equal(await text(page, '#insurance-status'), 'Correct the marked field to see the result.');
    assert.equal(await page.isVisible('#insurance-body'), false);
    assert.equal(await page.isVisible('#insurance-breakdown'), false);
    assert.equal(await page.locator('#insurance-form [aria-invalid="true"]').count(), 1);
    const values = () => Promise.all(['#ins-insuredTurnover', '#ins-typicalTermsDays', '#ins-indemnity', '#ins-excess', '#ins-policyholderCountry'].map((s) => page.inputValue(s)));
    assert.deepEqual(await values(), ['', '45', '30', '1000', 'DE']);
    // The limit above is untouched by an error here.
    assert.equal(await text(page, '#limit-amount'), 'CN¥160,000.00');

    await chooseLocale(page, 'zh-CN');
    assert.equal(await text(page, '#ins-indemnity-error'), '请输入 50% 到 100% 之间的赔付比例。');
    assert.equal(await text(page, '#insurance-status'), '请更正标出的字段以查看结果。');
    await axe(page, 'Chinese, indemnity error shown');

    // More at once, each on its own field.
    await fillInsurance(page, { excess: 'abc', typicalTermsDays: '5000' });
    await expectText(page, '#ins-excess-error', '请输入数字。');
    assert.equal(await text(page, '#ins-typicalTermsDays-error'), '请输入 0 到 3650 天。');
    assert.equal(await page.locator('#insurance-form [aria-invalid="true"]').count(), 3);
    await chooseLocale(page, 'en');
    assert.equal(await text(page, '#ins-excess-error'), 'Enter a number.');
    assert.equal(await text(page, '#ins-typicalTermsDays-error'), 'Enter from 0 to 3650 days.');
    assert.equal(await text(page, '#ins-indemnity-error'), 'Enter an indemnity from 50% to 100%.');
    assert.deepEqual(await values(), ['', '5000', '30', 'abc', 'DE']);
    await axe(page, 'English, three errors');

    // Corrected one by one, the result comes back.
    await fillInsurance(page, { indemnity: '90', excess: '1000', typicalTermsDays: '45' });
    await expectText(page, '#insurance-payout', 'CN¥143,000.00');
    assert.equal(await page.locator('#insurance-form [aria-invalid]').count(), 0);
    assert.equal(await text(page, '#ins-indemnity-error'), '');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('in Simplified Chinese: labels, figures and the engine’s summary; axe clean in both languages and at 375px; a reload restores the fields', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await scoreProfileOnly(page);
    await fillLimit(page);
    await expectText(page, '#insurance-payout', 'CN¥144,000.00');
    await axe(page, 'English');

    await chooseLocale(page, 'zh-CN');
    assert.equal(await text(page, '#insurance-title'), '信用保险');
    assert.equal(await text(page, 'label[for="ins-indemnity"]'), '赔付比例（%）');
    assert.equal(await text(page, 'label[for="ins-insuredTurnover"]'), '对该客户的年投保销售额（选填）');
    assert.equal(await text(page, '#ins-insuredTurnover-hint'), '留空则取信用额度部分的预计销售额：每年 ¥1,825,000.00。');
    assert.equal(await text(page, '#ins-policyholderCountry option[value=""]'), '不确定');
    assert.equal(await text(page, '#ins-policyholderCountry option[value="GB"]'), '英国');
    assert.equal(await text(page, '#insurance-payout'), '¥144,000.00');
    assert.equal(await text(page, '#insurance-kept'), '¥16,000.00');
    assert.equal(await text(page, '#insurance-payout-label'), '客户用满额度后违约时的赔付');
    assert.equal(await text(page, '#insurance-payout-sub'), '额度中受保障的部分：¥160,000.00 的 90%');
    assert.equal(await text(page, factor('country', 'th')), '客户所在地');
    assert.equal(await text(page, factor('country', 'td.input')), '经合组织风险类别 2');
    assert.equal(await text(page, factor('terms', 'td.input')), '60 天');
    assert.match(await text(page, '#insurance-assumptions'), /^假设：不含保险费税（选择贵公司所在地即可计入）/);
    await assertPremiumIsEngines(page, premiumInput(), 'zh-CN');
    assert.match(await text(page, '#insurance-summary'), /^保费每年约 10,000\.00 CNY/);
    await axe(page, 'Chinese');

    // A phone: nothing scrolls sideways, in either language, and axe stays clean.
    await page.setViewportSize({ width: 375, height: 800 });
    await assertNoSidewaysScroll(page, 'Chinese, 375px');
    await axe(page, 'Chinese, 375px');
    await chooseLocale(page, 'en');
    assert.equal(await text(page, '#insurance-payout'), 'CN¥144,000.00');
    await assertNoSidewaysScroll(page, 'English, 375px');
    await axe(page, 'English, 375px');

    // Every field typed, then a reload: the same fields and the same result.
    await page.setViewportSize({ width: 1100, height: 900 });
    const typed = { insuredTurnover: '2,000,000', typicalTermsDays: '90', indemnity: '85', excess: '2000', policyholderCountry: 'DE' };
    await fillInsurance(page, typed);
    await expectText(page, '#insurance-payout', 'CN¥134,000.00');
    const fields = Object.keys(typed);
    const values = () => Promise.all(fields.map((f) => page.inputValue(`#ins-${f}`)));
    assert.deepEqual(await values(), Object.values(typed));
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('credit-calculator:insurance:v1')));
    assert.equal(saved.fields['ins-indemnity'], '85');
    const shown = async () => ({
      premium: await shownPremium(page),
      payout: await text(page, '#insurance-payout'),
      kept: await text(page, '#insurance-kept'),
      factors: await page.locator('#insurance-factor-rows tr').allInnerTexts(),
      assumptions: await text(page, '#insurance-assumptions'),
    });
    const before = await shown();
    await page.reload();
    await ready(page);
    await expectText(page, '#insurance-payout', 'CN¥134,000.00');
    assert.deepEqual(await values(), Object.values(typed));
    assert.deepEqual(await shown(), before);

    // Emptied fields are remembered empty (not put back to their defaults).
    await fillInsurance(page, { typicalTermsDays: '', indemnity: '' });
    await expectText(page, '#insurance-payout', 'CN¥142,000.00'); // the policy's 90 %, less the excess
    await page.reload();
    await ready(page);
    await expectText(page, '#insurance-payout', 'CN¥142,000.00');
    assert.equal(await page.inputValue('#ins-typicalTermsDays'), '');
    assert.equal(await page.inputValue('#ins-indemnity'), '');
    assert.equal(await text(page, factor('terms', 'td.input')), 'not given: neutral');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('works with the keyboard alone', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await scoreProfileOnly(page);
    await fillLimit(page);
    await page.reload(); // the score and the limit are remembered; focus starts at the top again
    await ready(page);
    await expectText(page, '#insurance-payout', 'CN¥144,000.00');
    // The skip links in page order: score, limit, terms, insurance.
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.dataset.part), 'insurance');
    assert.equal(await text(page, '.skip-link[data-part="insurance"]'), 'Skip to the credit insurance');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.id), 'ins-insuredTurnover');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.id), 'ins-typicalTermsDays');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.id), 'ins-indemnity');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('75');
    await expectText(page, '#insurance-payout', 'CN¥120,000.00');
    assert.equal(await text(page, '#insurance-kept'), 'CN¥40,000.00');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.id), 'ins-policyholderCountry');
    await page.keyboard.press('ArrowDown'); // the first country after "Not sure": the United Kingdom, 12 %
    assert.equal(await page.inputValue('#ins-policyholderCountry'), 'GB');
    await expectText(page, '#insurance-tax-sub', 'at 12%');
    // On to the result panel, which is focusable for reading.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.id), 'insurance-result');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });
});
