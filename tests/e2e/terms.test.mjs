// Browser end-to-end: the "Credit terms" section of the deal-check page, used as a
// salesperson would during a call: the deal typed key by key, term options added, changed and
// removed with the keyboard and the mouse, the cash flows of one option looked at, the
// late-interest calculator, both languages, invalid fields, reload, a phone-width screen. The
// figures come from the engine's golden vectors (tests/vectors/simulate_terms.json and
// late_interest.json); here we test that the page shows them.
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
  await page.waitForSelector('credit-calculator[data-terms-ready="true"]', { timeout: 15000 });
}

const focused = (page) => page.evaluate(() => deepActive.id);
/** A field of the n-th option (1-based). */
const opt = (n, field) => `#terms-option-rows > .row:nth-child(${n}) [data-opt-field="${field}"]`;
/** The comparison table's figure for a measure and an option (1-based). */
const cell = (measure, n, part = '.cell-value') => `#terms-rows tr[data-measure="${measure}"] td[data-option="${n}"] ${part}`;

/** Types the deal key by key into emptied fields (the currency is chosen, the date filled). */
async function fillDeal(page, values) {
  for (const [name, value] of Object.entries(values)) {
    const sel = `#terms-${name}`;
    if (name === 'currency') await page.selectOption(sel, value);
    else if (name === 'invoiceDate') await page.locator(sel).fill(value);
    else {
      await page.locator(sel).fill('');
      await page.locator(sel).pressSequentially(value);
    }
  }
}

/** Case 1 of simulate_terms.json, as a person types it: percentages in percent. */
const DEAL = {
  invoiceDate: '2026-05-11', currency: 'EUR', invoiceAmount: '10,000', annualSales: '120,000',
  costOfCapital: '10', pd: '2', lgd: '45', grossMargin: '25',
};

/** The profile-only customer of the score vectors: 72.9, grade 4, PD 0.25 %. */
async function scoreProfileOnly(page) {
  await page.locator('#score-asOf').fill('2026-11-22');
  await page.locator('#score-foundedOn').fill('2020-05-01');
  await page.locator('#score-employees').pressSequentially('45');
  await page.selectOption('#score-industry', 'wholesale');
  await page.selectOption('#score-country', 'CN');
  await expectText(page, '#score-grade', 'Grade 4 of 10');
}

/**
 * From the three default options to the five of the vector: net 30; 30 days end of month;
 * 2/10 net 30 with 50 % take-up; 50 % prepaid, the rest net 30; 3 monthly instalments. A
 * sixth option is added and removed on the way. Mouse and keyboard mixed, as a person would.
 */
async function fiveOptions(page) {
  // Option 2: from net 60 to 30 days end of month, with the mouse; the label follows the kind.
  await page.selectOption(opt(2, 'kind'), 'endOfMonth');
  assert.equal(await text(page, `label[for="${await page.getAttribute(opt(2, 'days'), 'id')}"]`), 'Days after the month end');
  await page.locator(opt(2, 'days')).fill('');
  await page.locator(opt(2, 'days')).pressSequentially('30');

  // Option 4 added with the mouse; the focus lands on its kind, changed with the arrow keys.
  await page.click('#terms-add-option');
  assert.equal(await page.locator('#terms-option-rows > .row').count(), 4);
  assert.equal(await focused(page), await page.getAttribute(opt(4, 'kind'), 'id'));
  assert.equal(await text(page, '#terms-option-rows > .row:nth-child(4) legend'), 'Option 4');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue(opt(4, 'kind')), 'prepayment');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), await page.getAttribute(opt(4, 'share'), 'id'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('50');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), await page.getAttribute(opt(4, 'restDays'), 'id'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('30');

  // Option 5 added from the keyboard: past option 4's remove button to "Add option".
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => deepActive.textContent), /^Remove Option 4$/);
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'terms-add-option');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), await page.getAttribute(opt(5, 'kind'), 'id'));
  await page.keyboard.press('End');
  assert.equal(await page.inputValue(opt(5, 'kind')), 'instalments');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), await page.getAttribute(opt(5, 'count'), 'id'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  assert.equal(await page.inputValue(opt(5, 'frequency')), 'monthly');
  assert.equal(await page.inputValue(opt(5, 'method')), 'noInterest');

  // A sixth: the most there may be, so "Add option" is disabled; removed again from the keyboard.
  await page.click('#terms-add-option');
  assert.equal(await page.locator('#terms-option-rows > .row').count(), 6);
  assert.equal(await page.isDisabled('#terms-add-option'), true);
  await page.focus('#terms-option-rows > .row:nth-child(6) .button-remove');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#terms-option-rows > .row').count(), 5);
  assert.match(await page.evaluate(() => deepActive.textContent), /^Remove Option 5$/, 'the focus moves to the option before');
  assert.equal(await page.isDisabled('#terms-add-option'), false);
}

describe('credit terms on the deal-check page', () => {
  test('the three default options, for a 10,000 EUR invoice: net 30 carries €9,863.01 at a cost of €986.30, expected loss €89.59', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    // A first visit compares net 30, net 60 and 2/10 net 30 with half the buyers taking the discount.
    assert.equal(await page.locator('#terms-option-rows > .row').count(), 3);
    assert.deepEqual(await page.locator('#terms-option-rows [data-opt-field="kind"]').evaluateAll((s) => s.map((x) => x.value)), ['net', 'net', 'discount']);
    assert.equal(await page.inputValue(opt(1, 'days')), '30');
    assert.equal(await page.inputValue(opt(2, 'days')), '60');
    assert.deepEqual(
      await Promise.all(['discountPercent', 'discountDays', 'netDays', 'takeUp'].map((f) => page.inputValue(opt(3, f)))),
      ['2', '10', '30', '50'],
    );
    assert.equal(await page.isVisible(opt(3, 'days')), false, 'only the fields of the option’s kind are shown');
    assert.equal(await page.getAttribute('#terms-status', 'role'), 'status');
    assert.equal(await page.getAttribute('#terms-status', 'aria-live'), 'polite');
    // A comparison is there before anything is typed.
    assert.equal(await page.locator('#terms-head th[data-option]').count(), 3);

    await fillDeal(page, DEAL);
    await expectText(page, cell('carryingCost', 1), '€986.30');
    assert.deepEqual(
      await page.locator('#terms-head th[data-option] .option-desc').allInnerTexts(),
      ['Net 30 days', 'Net 60 days', '2/10 net 30, 50% expected to take the discount'],
    );
    assert.equal(await text(page, cell('daysOutstanding', 1)), '30');
    assert.equal(await text(page, cell('receivablesCarried', 1)), '€9,863.01');
    assert.equal(await text(page, cell('carryingCost', 1)), '€986.30');
    assert.equal(await text(page, cell('expectedLoss', 1)), '€89.59');
    assert.equal(await text(page, cell('expectedLoss', 1, '.cell-sub')), 'PD over the term 0.17%');
    assert.equal(await text(page, cell('discountCost', 1)), '€0.00');
    assert.equal(await text(page, cell('presentValue', 1)), '€9,921.97');
    assert.equal(await text(page, cell('financingCost', 1)), '€78.03');
    assert.equal(await text(page, cell('totalCost', 1)), '€1,075.89');
    assert.equal(await text(page, cell('netContribution', 1)), '€28,924.11');
    assert.equal(await text(page, cell('daysOutstanding', 2)), '60');
    assert.equal(await text(page, cell('discountCost', 3)), '€1,200.00');
    assert.equal(await text(page, cell('daysOutstanding', 3)), '20');
    // The difference from the first option, signed.
    assert.equal(await text(page, '#terms-diff-rows tr[data-measure="diff-daysOutstanding"] td[data-option="3"]'), '-10');
    assert.equal(await text(page, '#terms-diff-rows tr[data-measure="diff-carryingCost"] td[data-option="3"]'), '-€328.77');
    assert.equal(await text(page, '#terms-diff-rows tr[data-measure="diff-discountCost"] td[data-option="3"]'), '+€1,200.00');
    // Net 30 is best here: ranked 1 and marked.
    assert.deepEqual(await page.locator(`#terms-rows tr[data-measure="rank"] td .cell-value`).allInnerTexts(), ['1', '3', '2']);
    assert.deepEqual(await page.locator('#terms-head th.best').evaluateAll((t) => t.map((x) => x.dataset.option)), ['1']);
    assert.equal(await text(page, '#terms-head th.best .best-tag'), 'best');
    assert.equal(await text(page, '#terms-best'), 'Best for us: Option 1, Net 30 days, with a net contribution of €28,924.11 a year.');
    assert.equal(await page.locator('#terms-status').textContent(), 'Best of 3 options: Option 1, Net 30 days.');
    assert.equal(await text(page, '#terms-assumptions'), '', 'everything given: nothing assumed');
    assert.equal(
      await text(page, '#terms-basis'),
      'An invoice of €10,000.00 dated May 11, 2026; sales of €120,000.00 a year; cost of capital 10% a year; PD 2% in 12 months; LGD 45%; 0 days beyond terms. Credit policy 2026.11.1.',
    );

    // The chart: decorative stacked bars, sized by width attributes against the largest total
    // (net 60: €1,972.60 + €179.04); its legend; the figures themselves are in the table.
    assert.equal(await page.getAttribute('#terms-chart', 'aria-hidden'), 'true');
    assert.equal(await page.locator('#terms-chart-rows svg').count(), 3);
    assert.equal(await page.getAttribute('#terms-chart-rows [data-option="1"] rect[data-segment="carryingCost"]', 'width'), '45.84');
    assert.equal(await page.getAttribute('#terms-chart-rows [data-option="1"] rect[data-segment="expectedLoss"]', 'x'), '45.84');
    assert.equal(await page.getAttribute('#terms-chart-rows [data-option="1"] rect[data-segment="expectedLoss"]', 'width'), '4.16');
    assert.equal(await page.locator('#terms-chart-rows [data-option="1"] rect[data-segment="discountCost"]').count(), 0);
    assert.equal(await page.getAttribute('#terms-chart-rows [data-option="2"] rect[data-segment="carryingCost"]', 'width'), '91.68');
    assert.equal(await page.getAttribute('#terms-chart-rows [data-option="3"] rect[data-segment="discountCost"]', 'width'), '55.77');
    assert.deepEqual(await page.locator('.terms-legend li').allInnerTexts(), ['Carrying cost', 'Expected loss', 'Discount cost']);

    // Without a margin there is no contribution: the cheapest option by total cost instead.
    await page.locator('#terms-grossMargin').fill('');
    await expectText(page, '#terms-best', 'Cheapest for us: Option 1, Net 30 days, costing €1,075.89 a year.');
    assert.equal(await page.locator('#terms-rows tr[data-measure="netContribution"]').count(), 0);
    assert.equal(await text(page, cell('totalCost', 2)), '€2,151.64');
    await axe(page, 'English, three options');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('five options set up with the keyboard and the mouse: half prepaid is best; 30 days end of month is due 30 June', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    // The skip link in page order: score, limit, terms.
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.dataset.part), 'terms');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'terms-invoiceDate');

    await fillDeal(page, DEAL);
    await fiveOptions(page);

    await expectText(page, '#terms-best', 'Best for us: Option 4, 50% prepaid, the rest net 30 days, with a net contribution of €29,462.05 a year.');
    assert.deepEqual(
      await page.locator('#terms-head th[data-option] .option-desc').allInnerTexts(),
      ['Net 30 days', '30 days end of month', '2/10 net 30, 50% expected to take the discount', '50% prepaid, the rest net 30 days', '3 instalments'],
    );
    assert.deepEqual(await page.locator('#terms-rows tr[data-measure="rank"] td .cell-value').allInnerTexts(), ['2', '3', '4', '1', '5']);
    assert.deepEqual(await page.locator('#terms-head th.best').evaluateAll((t) => t.map((x) => x.dataset.option)), ['4']);
    assert.equal(await text(page, '#terms-head th.best .option-desc'), '50% prepaid, the rest net 30 days');
    assert.deepEqual(await page.locator('#terms-rows tr[data-measure="daysOutstanding"] td .cell-value').allInnerTexts(), ['30', '50', '20', '15', '61.33']);
    assert.deepEqual(
      await page.locator('#terms-rows tr[data-measure="carryingCost"] td .cell-value').allInnerTexts(),
      ['€986.30', '€1,643.84', '€657.53', '€493.15', '€2,016.44'],
    );
    assert.deepEqual(
      await page.locator('#terms-rows tr[data-measure="expectedLoss"] td .cell-value').allInnerTexts(),
      ['€89.59', '€149.24', '€59.74', '€44.80', '€182.96'],
    );
    assert.equal(await text(page, '#terms-diff-rows tr[data-measure="diff-expectedLoss"] td[data-option="4"]'), '-€44.79');
    assert.equal(await text(page, '#terms-diff-rows tr[data-measure="diff-netContribution"] td[data-option="4"]'), '+€537.94');
    assert.equal(await page.locator('#terms-chart-rows svg').count(), 5);

    // The cash flows of option 2, chosen from the keyboard: due 30 days after the end of May.
    await page.focus('#terms-flows-option');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.inputValue('#terms-flows-option'), '2');
    await expectText(page, '#terms-flows-caption', 'Cash flows of one invoice: Option 2, 30 days end of month');
    assert.deepEqual(await page.locator('#terms-flow-rows tr').allInnerTexts(), ['Paid at net\tJun 30, 2026\tJun 30, 2026\t€10,000.00\t€10,000.00\t50']);
    assert.equal(await text(page, '#terms-flow-rows tr:nth-child(1) td.contractual'), 'Jun 30, 2026');
    assert.equal(await page.isVisible('#terms-schedule-wrap'), false, 'no instalment plan for net terms');

    // Option 4: half now, half at net.
    await page.selectOption('#terms-flows-option', '4');
    await expectText(page, '#terms-flows-caption', 'Cash flows of one invoice: Option 4, 50% prepaid, the rest net 30 days');
    assert.deepEqual(await page.locator('#terms-flow-rows th').allInnerTexts(), ['Prepayment', 'Paid at net']);
    assert.deepEqual(await page.locator('#terms-flow-rows td.amount').allInnerTexts(), ['€5,000.00', '€5,000.00']);

    // Option 5: three instalments, the last absorbing the cent, and the plan.
    await page.selectOption('#terms-flows-option', '5');
    await expectText(page, '#terms-schedule-caption', 'Instalment plan: No interest, 0% a year');
    assert.deepEqual(await page.locator('#terms-flow-rows td.amount').allInnerTexts(), ['€3,333.33', '€3,333.33', '€3,333.34']);
    assert.equal(await page.isVisible('#terms-schedule'), true);
    assert.deepEqual(await page.locator('#terms-schedule-rows tr').allInnerTexts(), [
      '1\tJun 11, 2026\t€3,333.33\t€3,333.33\t€0.00\t€6,666.67',
      '2\tJul 11, 2026\t€3,333.33\t€3,333.33\t€0.00\t€3,333.34',
      '3\tAug 11, 2026\t€3,333.34\t€3,333.34\t€0.00\t€0.00',
    ]);
    assert.equal(await text(page, '#terms-schedule-payments'), '€10,000.00');
    await axe(page, 'English, five options');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('the buyer’s cost of skipping 2/10 net 30 is 37.24% a year, in English and Chinese', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await fillDeal(page, DEAL);
    await expectText(page, cell('carryingCost', 1), '€986.30');
    assert.equal(await page.locator('#terms-buyer li').count(), 1, 'only the discount option has a buyer’s cost');
    assert.equal(
      await text(page, '#terms-buyer li[data-option="3"]'),
      'Option 3, 2/10 net 30, 50% expected to take the discount: Skipping the discount costs the buyer 37.24% a year: a buyer whose money costs less should take it',
    );
    await chooseLocale(page, 'zh-CN');
    await expectText(page, '#terms-buyer li[data-option="3"] .buyer-text', '放弃折扣相当于买方承担年化 37.24% 的成本：资金成本低于此的买方应当享受折扣');
    assert.equal(await text(page, '#terms-buyer li[data-option="3"] .buyer-option'), '方案 3，10 天内付款折扣 2%，30 天内付全款；预计 50% 享受折扣：');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('late interest: £5,000 paid 30 days late in the UK is £52.40 with £70.00 fixed, £5,122.40 in all; in Chinese too', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    // An untouched calculator asks for the figures instead of showing errors.
    await expectText(page, '#late-status', 'Enter the amount, the due date and the payment date.');
    assert.equal(await page.locator('#late-form [aria-invalid]').count(), 0);
    assert.equal(await page.inputValue('#late-jurisdiction'), 'EU');
    assert.equal(await page.isVisible('#late-country'), true);
    assert.equal(await page.isVisible('#late-agreedRate'), false);

    await page.selectOption('#late-jurisdiction', 'UK');
    assert.equal(await page.isVisible('#late-country'), false, 'the member state is for EU law only');
    await page.locator('#late-amount').pressSequentially('5,000');
    await page.locator('#late-dueDate').fill('2025-01-31');
    await page.locator('#late-paidDate').fill('2025-03-02');
    await expectText(page, '#late-total', '£5,122.40');
    assert.equal(await text(page, '#late-days'), '30 days');
    assert.equal(await text(page, '#late-interest'), '£52.40');
    assert.equal(await text(page, '#late-fixed'), '£70.00');
    assert.deepEqual(await page.locator('#late-segment-rows tr').allInnerTexts(), [
      'Feb 1, 2025 – Mar 2, 2025\t30\t4.75%: Bank of England base rate, in force since Nov 7, 2024\t8%\t12.75%\t£52.40',
    ]);
    assert.equal(await text(page, '#late-basis'), 'Late Payment of Commercial Debts (Interest) Act 1998: Bank of England base rate + 8 %, and a fixed sum by the size of the debt');
    assert.equal(await page.locator('#late-status').textContent(), 'Total claim £5,122.40: interest £52.40 and fixed compensation £70.00.');
    await axe(page, 'English, late interest');

    await chooseLocale(page, 'zh-CN');
    await expectText(page, '#late-days', '30 天');
    assert.equal(await text(page, '#late-title'), '逾期付款利息');
    assert.equal(await text(page, 'label[for="late-jurisdiction"]'), '适用法律');
    assert.equal(await text(page, '#late-jurisdiction option[value="UK"]'), '英国');
    assert.equal(await text(page, '#late-interest'), '£52.40');
    assert.equal(await text(page, '#late-fixed'), '£70.00');
    assert.equal(await text(page, '#late-total'), '£5,122.40');
    assert.deepEqual(await page.locator('#late-segment-rows tr').allInnerTexts(), [
      '2025年2月1日 至 2025年3月2日\t30\t4.75%：英格兰银行基准利率，自 2024年11月7日 起执行\t8%\t12.75%\t£52.40',
    ]);
    assert.equal(await text(page, '#late-basis'), '英国《1998 年商业债务逾期付款（利息）法》：英格兰银行基准利率加 8%，并按债务金额收取固定补偿');
    await axe(page, 'Chinese, late interest');

    // EU law in Germany: the ECB rate + 9 points; paid before it was due is refused, in Chinese.
    await page.selectOption('#late-jurisdiction', 'EU');
    await page.selectOption('#late-country', 'DE');
    await page.locator('#late-amount').fill('10000');
    await page.locator('#late-dueDate').fill('2025-03-01');
    await page.locator('#late-paidDate').fill('2025-03-31');
    await expectText(page, '#late-interest', '€99.86');
    assert.equal(await text(page, '#late-total'), '€10,139.86');
    assert.match(await text(page, '#late-country option[value="DE"]'), /（加 9 个百分点）$/);
    await page.locator('#late-paidDate').fill('2025-02-01');
    await expectText(page, '#late-paidDate-error', '付款日不能早于到期日。');
    assert.equal(await page.getAttribute('#late-paidDate', 'aria-invalid'), 'true');
    assert.equal(await text(page, '#late-status'), '请更正标出的字段以查看结果。');
    await chooseLocale(page, 'en');
    assert.equal(await text(page, '#late-paidDate-error'), 'The payment date must not be before the due date.');
    assert.equal(await page.inputValue('#late-amount'), '10000');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('an invalid field is marked in English and Chinese; the other fields keep their values', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await fillDeal(page, DEAL);
    await expectText(page, cell('carryingCost', 1), '€986.30');

    // Discount days not below the net days: the engine reports it on the net days.
    await page.locator(opt(3, 'discountDays')).fill('30');
    const netDays = await page.getAttribute(opt(3, 'netDays'), 'id');
    await expectText(page, `#${netDays}-error`, 'The net period must be longer than the discount period.');
    assert.equal(await page.getAttribute(opt(3, 'netDays'), 'aria-invalid'), 'true');
    assert.match(await page.getAttribute(opt(3, 'netDays'), 'aria-describedby'), new RegExp(`${netDays}-error`));
    assert.equal(await text(page, '#terms-status'), 'Correct the marked field to see the result.');
    assert.equal(await page.isVisible('#terms-body'), false);
    // A percentage out of range, on its own field with its own words.
    await page.locator('#terms-pd').fill('200');
    await expectText(page, '#terms-pd-error', 'Enter a probability from 0% to 100%.');
    assert.equal(await page.locator('#terms-form [aria-invalid="true"]').count(), 2);
    const kept = () => Promise.all([
      '#terms-invoiceDate', '#terms-currency', '#terms-invoiceAmount', '#terms-annualSales', '#terms-costOfCapital',
      '#terms-pd', '#terms-lgd', '#terms-grossMargin', opt(3, 'discountPercent'), opt(3, 'discountDays'), opt(3, 'netDays'), opt(3, 'takeUp'),
    ].map((s) => page.inputValue(s)));
    assert.deepEqual(await kept(), ['2026-05-11', 'EUR', '10,000', '120,000', '10', '200', '45', '25', '2', '30', '30', '50']);

    await chooseLocale(page, 'zh-CN');
    assert.equal(await text(page, `#${netDays}-error`), '信用期必须长于折扣期。');
    assert.equal(await text(page, '#terms-pd-error'), '请输入 0% 到 100% 之间的概率。');
    assert.equal(await text(page, '#terms-status'), '请更正标出的字段以查看结果。');
    await axe(page, 'Chinese, errors shown');
    // An instalment count of 0, marked on the count of option 4.
    await page.click('#terms-add-option');
    await page.selectOption(opt(4, 'kind'), 'instalments');
    await page.locator(opt(4, 'count')).fill('0');
    const count = await page.getAttribute(opt(4, 'count'), 'id');
    await expectText(page, `#${count}-error`, '请输入 1 到 600 期。');
    await chooseLocale(page, 'en');
    assert.equal(await text(page, `#${count}-error`), 'Enter from 1 to 600 instalments.');
    assert.deepEqual(await kept(), ['2026-05-11', 'EUR', '10,000', '120,000', '10', '200', '45', '25', '2', '30', '30', '50']);

    // Corrected one by one, the result comes back.
    await page.locator(opt(3, 'discountDays')).fill('10');
    await page.locator('#terms-pd').fill('2');
    await page.locator(opt(4, 'count')).fill('3');
    await expectText(page, cell('carryingCost', 1), '€986.30');
    assert.equal(await page.locator('#terms-form [aria-invalid]').count(), 0);
    assert.equal(await text(page, '#terms-pd-error'), '');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('fed live by the score: an empty PD is the score’s, shown as assumed; the invoice date is the score’s as-of date', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await scoreProfileOnly(page);
    await fillDeal(page, { currency: 'EUR', invoiceAmount: '10000' });
    await expectText(page, '#terms-basis', /^An invoice of €10,000\.00 dated Nov 22, 2026; sales of €120,000\.00 a year; cost of capital 8% a year; PD 0\.25% in 12 months; LGD 45%; 0 days beyond terms\./);
    assert.equal(
      await text(page, '#terms-assumptions'),
      'Assumed: sales of 12 such invoices a year, the credit policy’s cost of capital, the credit policy’s loss given default, and the probability of default of the customer score.',
    );
    // Only the score changes: a payment 30 days late moves the expected payment of net 30.
    await page.locator('#payment-rows .row:nth-child(1) [data-row-field="amount"]').fill('1000');
    await page.locator('#payment-rows .row:nth-child(1) [data-row-field="dueDate"]').fill('2026-09-01');
    await page.locator('#payment-rows .row:nth-child(1) [data-row-field="paidDate"]').fill('2026-10-01');
    await expectText(page, '#terms-flow-rows tr:nth-child(1) td.expected', 'Jan 21, 2027');
    assert.equal(await text(page, '#terms-flow-rows tr:nth-child(1) td.contractual'), 'Dec 22, 2026');
    assert.match(await text(page, '#terms-assumptions'), /days beyond terms from the score’s payment index/);
    assert.match(await text(page, '#terms-basis'), /; 30 days beyond terms\./);
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('fed live by the limit: an empty annual-sales field takes the limit section’s expected sales', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await scoreProfileOnly(page);
    await page.locator('#limit-sales').fill('');
    await page.locator('#limit-sales').pressSequentially('1,825,000');
    await fillDeal(page, { currency: 'CNY', invoiceAmount: '10000' });
    // Net 30 on the limit's 1,825,000 a year: 1,825,000 × 30 / 365 = 150,000 carried.
    await expectText(page, cell('receivablesCarried', 1), 'CN¥150,000.00');
    assert.doesNotMatch(await text(page, '#terms-assumptions'), /12 such invoices/);
    // Typed sales win over the limit's.
    await fillDeal(page, { annualSales: '365,000' });
    await expectText(page, cell('receivablesCarried', 1), 'CN¥30,000.00');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('axe clean in English, Chinese and at 375px; a reload restores every field and the option list', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await fillDeal(page, { ...DEAL, expectedDaysBeyondTerms: '5' });
    await page.selectOption('#terms-businessDay', 'modifiedFollowing');
    await fiveOptions(page);
    await page.selectOption(opt(5, 'method'), 'annuity');
    await page.selectOption(opt(5, 'frequency'), 'weekly');
    await page.locator(opt(5, 'rate')).fill('12');
    await page.selectOption('#terms-flows-option', '5');
    await page.selectOption('#late-jurisdiction', 'UK');
    await page.locator('#late-amount').fill('5000');
    await page.locator('#late-dueDate').fill('2025-01-31');
    await page.locator('#late-paidDate').fill('2025-03-02');
    await expectText(page, '#late-total', '£5,122.40');
    await expectText(page, '#terms-schedule-caption', 'Instalment plan: Annuity (equal payments), 12% a year');
    await axe(page, 'English');

    await chooseLocale(page, 'zh-CN');
    assert.equal(await text(page, '#terms-title'), '信用条件');
    assert.equal(await text(page, '#terms-option-rows > .row:nth-child(2) legend'), '方案 2');
    assert.equal(await text(page, `label[for="${await page.getAttribute(opt(2, 'days'), 'id')}"]`), '月末后天数');
    assert.equal(await text(page, `${opt(4, 'kind')} option[value="prepayment"]`), '部分预付');
    assert.equal(await text(page, '#terms-head th[data-option="2"] .option-desc'), '月结 30 天');
    assert.equal(await text(page, '#terms-head th.best .best-tag'), '最优');
    assert.equal(await text(page, '#terms-rows tr[data-measure="carryingCost"] th .measure-name'), '资金占用成本');
    assert.equal(await text(page, '#terms-schedule-caption'), '分期计划：等额本息，年利率 12%');
    await axe(page, 'Chinese');

    // A phone: nothing scrolls sideways; the wide tables scroll inside their own labelled boxes.
    await page.setViewportSize({ width: 375, height: 800 });
    await assertNoSidewaysScroll(page, 'Chinese, 375px');
    assert.equal(await page.getAttribute('#terms-table-wrap', 'tabindex'), '0');
    assert.equal(await page.getAttribute('#terms-table-wrap', 'aria-labelledby'), 'terms-table-caption');
    await axe(page, 'Chinese, 375px');
    await chooseLocale(page, 'en');
    await assertNoSidewaysScroll(page, 'English, 375px');
    await axe(page, 'English, 375px');

    const fields = [
      'invoiceDate', 'currency', 'invoiceAmount', 'annualSales', 'grossMargin', 'costOfCapital', 'pd', 'lgd',
      'expectedDaysBeyondTerms', 'businessDay',
    ];
    const optionFields = ['kind', 'days', 'discountPercent', 'discountDays', 'netDays', 'takeUp', 'share', 'restDays', 'count', 'frequency', 'method', 'rate'];
    const late = ['jurisdiction', 'amount', 'dueDate', 'paidDate'];
    const values = async () => ({
      fields: await Promise.all(fields.map((f) => page.inputValue(`#terms-${f}`))),
      options: await page.locator('#terms-option-rows > .row').evaluateAll((rows, names) => rows.map((r) => names.map((n) => r.querySelector(`[data-opt-field="${n}"]`).value)), optionFields),
      flows: await page.inputValue('#terms-flows-option'),
      late: await Promise.all(late.map((f) => page.inputValue(`#late-${f}`))),
    });
    const shown = async () => ({
      head: await page.locator('#terms-head').innerText(),
      rows: await page.locator('#terms-rows tr').allInnerTexts(),
      flows: await page.locator('#terms-flow-rows tr').allInnerTexts(),
      late: await page.locator('#late-body dd').allInnerTexts(),
    });
    const before = await values();
    assert.deepEqual(before.fields, ['2026-05-11', 'EUR', '10,000', '120,000', '25', '10', '2', '45', '5', 'modifiedFollowing']);
    assert.deepEqual(before.options.map((o) => o[0]), ['net', 'endOfMonth', 'discount', 'prepayment', 'instalments']);
    assert.deepEqual(before.options[4].slice(8), ['3', 'weekly', 'annuity', '12']);
    const figures = await shown();

    await page.reload();
    await ready(page);
    await expectText(page, '#late-total', '£5,122.40');
    await expectText(page, '#terms-schedule-caption', 'Instalment plan: Annuity (equal payments), 12% a year');
    assert.deepEqual(await values(), before);
    assert.deepEqual(await shown(), figures);
    assert.equal(await page.locator('#terms-option-rows > .row').count(), 5);
    assert.equal(await page.isVisible(opt(4, 'share')), true);
    assert.equal(await page.isVisible(opt(4, 'days')), false);

    // Emptied fields are remembered empty, and the engine's assumption is shown.
    await page.locator('#terms-annualSales').fill('');
    await expectText(page, '#terms-assumptions', 'Assumed: sales of 12 such invoices a year.');
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue('#terms-annualSales'), '');
    await expectText(page, '#terms-assumptions', 'Assumed: sales of 12 such invoices a year.');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });
});
