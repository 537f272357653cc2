// Browser end-to-end: the "Credit limit" section of the deal-check page, used as a
// salesperson would: the customer scored first, then the limit figures typed key by key; a
// change in the score flows into the limit without touching it; both languages, invalid
// fields, reload, keyboard only, a phone-width screen. The figures come from the engine's
// golden vectors (tests/vectors/recommend_limit.json); here we test that the page shows them.
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
  await page.waitForSelector('credit-calculator[data-limit-ready="true"]', { timeout: 15000 });
}

const row = (list, n, field) => `#${list}-rows .row:nth-child(${n}) [data-row-field="${field}"]`;
const method = (name, part) => `#limit-method-rows tr[data-method="${name}"] ${part}`;
const mitigation = (kind, part) => `#limit-mitigation-rows tr[data-kind="${kind}"] ${part}`;

/** The profile-only customer of the score vectors: 72.9, grade 4. */
async function scoreProfileOnly(page) {
  await page.locator('#score-asOf').fill('2026-11-22');
  await page.locator('#score-foundedOn').fill('2020-05-01');
  await page.locator('#score-employees').pressSequentially('45');
  await page.selectOption('#score-industry', 'wholesale');
  await page.selectOption('#score-country', 'CN');
  await expectText(page, '#score-grade', 'Grade 4 of 10');
}

/** Types the limit figures key by key into emptied fields (the currency is chosen); the others stay. */
async function fillLimit(page, values) {
  for (const [name, value] of Object.entries(values)) {
    if (name === 'currency') {
      await page.selectOption('#limit-currency', value);
    } else {
      await page.locator(`#limit-${name}`).fill('');
      await page.locator(`#limit-${name}`).pressSequentially(value);
    }
  }
}

const VECTOR = { sales: '1,825,000', openReceivables: '60000', openOrders: '10000' };

describe('credit limit on the deal-check page', () => {
  test('grade 4, sales of 1,825,000 on 30 days: a limit of 160,000 bound by the need; 50,000 requested is approved', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    // The defaults of a fresh page.
    assert.equal(await page.inputValue('#limit-currency'), 'CNY');
    assert.equal(await page.inputValue('#limit-termsDays'), '30');
    assert.equal(await page.isChecked('#limit-sales-year'), true);
    assert.equal(await page.getAttribute('#limit-status', 'aria-live'), 'polite');
    assert.equal(await page.getAttribute('#limit-status', 'role'), 'status');

    await scoreProfileOnly(page);
    await fillLimit(page, { currency: 'CNY', ...VECTOR, requestedAmount: '50000' });

    await expectText(page, '#limit-decision', 'Approve');
    assert.equal(await text(page, '#limit-amount'), 'CN¥160,000.00');
    assert.equal(await text(page, '#limit-binding'), 'Binding: Need from expected sales');
    assert.equal(await text(page, '#limit-noopen'), '');
    assert.match(await text(page, '#limit-exposure'), /^CN¥70,000\.00\s+CN¥60,000\.00 open receivables \+ CN¥10,000\.00 open orders$/);
    assert.equal(await text(page, '#limit-headroom'), 'CN¥90,000.00');
    assert.equal(await page.isVisible('#limit-over'), false);
    assert.equal(await text(page, '#limit-requested'), 'CN¥50,000.00');
    assert.equal(await text(page, '#limit-approved'), 'CN¥50,000.00');
    assert.equal(await text(page, '#limit-request-text'), 'Approve: 50,000 is within the headroom of 90,000');
    assert.match(await text(page, '#limit-review'), /^Nov 22, 2027\s+every 12 months$/);
    assert.equal(await text(page, '#limit-assumptions'), 'Assumed: no days beyond terms (none entered and no payment index).');
    assert.equal(await page.isVisible('#limit-mitigations'), false, 'nothing uncovered: no mitigations');
    assert.equal(
      await page.locator('#limit-status').textContent(),
      'Recommended limit CN¥160,000.00; binding: Need from expected sales. Request: Approve.',
    );

    // Every method in the table: the need binds and is marked; those without data say why.
    assert.equal(await page.locator('#limit-method-rows tr').count(), 7);
    assert.deepEqual(await page.locator('#limit-method-rows tr.binding').evaluateAll((rows) => rows.map((r) => r.dataset.method)), ['need']);
    assert.equal(await text(page, method('need', '.method-name')), 'Need from expected sales');
    assert.equal(await text(page, method('need', '.binding-tag')), 'binding');
    assert.equal(await text(page, method('need', '.cap-amount')), 'CN¥160,000.00');
    assert.equal(await text(page, method('need', 'td.how')), 'Sales of 1,825,000 a year × (30 days of terms + 0 days late) / 365 + 10,000 of open orders');
    assert.equal(await text(page, method('ceiling', '.cap-amount')), 'CN¥6,000,000.00');
    assert.equal(await text(page, method('ceiling', 'td.how')), "The policy's ceiling for grade 4 is 6,000,000 CNY");
    assert.equal(await text(page, method('netWorth', 'td.cap')), 'Does not apply: not known');
    assert.equal(await text(page, method('netWorth', 'td.how')), 'Tangible net worth not known');
    assert.equal(await text(page, method('concentration', 'td.cap')), 'Does not apply: not known');
    assert.equal(await text(page, method('insuredExtension', 'td.cap')), 'Does not apply: not insured');
    // The chart: decorative SVG bars scaled to the largest cap (the ceiling), sized by attributes.
    assert.equal(await page.locator('#limit-method-rows svg').count(), 2);
    assert.equal(await page.locator('#limit-method-rows svg[aria-hidden="true"]').count(), 2);
    assert.equal(await page.getAttribute(method('ceiling', 'rect.bar-fill'), 'width'), '100.00');
    assert.equal(await page.getAttribute(method('need', 'rect.bar-fill'), 'width'), '2.67');
    assert.match(await page.getAttribute(method('need', 'rect.bar-fill'), 'class'), /bar-binding/);

    await axe(page, 'English, approve');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('200,000 requested is beyond the headroom: refer to the credit manager, approve 90,000 now, mitigations for the rest', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await scoreProfileOnly(page);
    await fillLimit(page, { ...VECTOR, requestedAmount: '200000' });

    await expectText(page, '#limit-decision', 'Refer to the credit manager');
    assert.equal(await page.getAttribute('#limit-decision .badge', 'data-decision'), 'refer');
    assert.equal(await text(page, '#limit-amount'), 'CN¥160,000.00');
    assert.equal(await text(page, '#limit-requested'), 'CN¥200,000.00');
    assert.equal(await text(page, '#limit-approved'), 'CN¥90,000.00');
    assert.match(await text(page, '#limit-request-text'), /^Approve 90,000 now and refer the rest/);
    // The 110,000 beyond the headroom, and what would secure it.
    assert.equal(await page.isVisible('#limit-mitigations'), true);
    assert.equal(await text(page, '#limit-mitigations caption'), 'Ways to secure the CN¥110,000.00 beyond the limit');
    assert.deepEqual(
      await page.locator('#limit-mitigation-rows th .kind-name').allInnerTexts(),
      ['Prepayment', 'Partial prepayment', 'Bank guarantee', 'Letter of credit', 'Credit insurance'],
    );
    assert.equal(await text(page, mitigation('partialPrepayment', 'td.share')), '50%');
    assert.equal(await text(page, mitigation('partialPrepayment', 'td.covers')), 'CN¥55,000.00');
    assert.equal(await text(page, mitigation('partialPrepayment', 'td.retained')), 'CN¥55,000.00');
    assert.equal(await text(page, mitigation('creditInsurance', 'td.share')), '90%');
    assert.equal(await text(page, mitigation('creditInsurance', 'td.covers')), 'CN¥99,000.00');
    assert.equal(await text(page, mitigation('creditInsurance', 'td.retained')), 'CN¥11,000.00');

    // Per month instead of per year: 152,083.33 a month is 1,824,999.96 a year; the limit stays.
    await page.check('#limit-sales-month');
    await page.locator('#limit-sales').fill('152083.33');
    await expectText(page, method('need', 'td.how'), /^Sales of 1,824,999\.96 a year/);
    assert.equal(await text(page, '#limit-amount'), 'CN¥160,000.00');
    await axe(page, 'English, refer with mitigations');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('a change in the score flows into the limit untouched: an insolvency filing means no open credit and a decline', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await scoreProfileOnly(page);
    await fillLimit(page, { ...VECTOR, requestedAmount: '50000' });
    await expectText(page, '#limit-decision', 'Approve');

    // Only the score section is touched from here on.
    await page.click('#add-legal');
    await page.selectOption(row('legal', 1, 'kind'), 'insolvency');
    await page.locator(row('legal', 1, 'date')).fill('2026-03-01');
    await expectText(page, '#score-grade', 'Grade 10 of 10');

    await expectText(page, '#limit-decision', 'Decline');
    assert.equal(await text(page, '#limit-amount'), 'CN¥0.00');
    assert.equal(await text(page, '#limit-noopen'), 'No open credit: grade 10 is past the policy’s cut-off. Sell only against prepayment or security.');
    assert.equal(await text(page, '#limit-binding'), 'Binding: Grade cut-off (no open credit)');
    assert.equal(await page.locator('#limit-method-rows tr.binding').count(), 0, 'no method row binds a grade cut-off');
    assert.equal(await text(page, method('ceiling', '.cap-amount')), 'CN¥0.00');
    assert.equal(await text(page, '#limit-headroom'), '-CN¥70,000.00');
    assert.equal(await text(page, '#limit-over'), 'Over the limit: the exposure of CN¥70,000.00 is above the limit of CN¥0.00.');
    assert.equal(await text(page, '#limit-approved'), 'CN¥0.00');
    assert.match(await text(page, '#limit-request-text'), /^Decline open credit/);
    assert.match(await text(page, '#limit-review'), /^Dec 22, 2026\s+every month$/);
    assert.equal(await text(page, '#limit-mitigations caption'), 'Ways to secure the CN¥50,000.00 beyond the limit');
    assert.equal(await text(page, mitigation('prepayment', 'th .kind-name')), 'Prepayment');
    assert.equal(await text(page, mitigation('prepayment', 'td.share')), '100%');
    assert.equal(await text(page, mitigation('prepayment', 'td.covers')), 'CN¥50,000.00');
    assert.equal(await text(page, mitigation('prepayment', 'td.retained')), 'CN¥0.00');
    await axe(page, 'English, decline');

    // A score with errors: a clear message instead of a result; the limit inputs are kept.
    await page.locator('#score-foundedOn').fill('2027-01-01');
    await expectText(page, '#limit-status', 'No credit limit without a valid customer score: correct the customer score above. Your entries here are kept.');
    assert.equal(await page.isVisible('#limit-body'), false);
    assert.equal(await page.isVisible('#limit-breakdown'), false);
    assert.deepEqual(
      await Promise.all(['#limit-sales', '#limit-openReceivables', '#limit-openOrders', '#limit-requestedAmount', '#limit-termsDays'].map((s) => page.inputValue(s))),
      ['1,825,000', '60000', '10000', '50000', '30'],
    );
    await axe(page, 'English, no valid score');

    // The score corrected and the record removed: the approval comes back.
    await page.locator('#score-foundedOn').fill('2020-05-01');
    await page.click('#legal-rows .row:nth-child(1) .button-remove');
    await expectText(page, '#limit-decision', 'Approve');
    assert.equal(await text(page, '#limit-amount'), 'CN¥160,000.00');
    assert.equal(await page.isVisible('#limit-mitigations'), false);
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('an invalid limit field is marked in English and Chinese; the other fields keep their values', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await scoreProfileOnly(page);
    await fillLimit(page, { ...VECTOR, requestedAmount: '50000' });
    await expectText(page, '#limit-decision', 'Approve');

    await page.locator('#limit-termsDays').fill('10000');
    await expectText(page, '#limit-termsDays-error', 'Enter from 0 to 3650 days.');
    assert.equal(await page.getAttribute('#limit-termsDays', 'aria-invalid'), 'true');
    assert.match(await page.getAttribute('#limit-termsDays', 'aria-describedby'), /limit-termsDays-error/);
    assert.equal(await text(page, '#limit-status'), 'Correct the marked field to see the result.');
    assert.equal(await page.isVisible('#limit-body'), false);
    assert.equal(await page.locator('#limit-form [aria-invalid="true"]').count(), 1);
    const kept = () => Promise.all(['#limit-currency', '#limit-sales', '#limit-termsDays', '#limit-openReceivables', '#limit-openOrders', '#limit-requestedAmount'].map((s) => page.inputValue(s)));
    assert.deepEqual(await kept(), ['CNY', '1,825,000', '10000', '60000', '10000', '50000']);

    await chooseLocale(page, 'zh-CN');
    assert.equal(await text(page, '#limit-termsDays-error'), '请输入 0 到 3650 天。');
    assert.equal(await text(page, '#limit-status'), '请更正标出的字段以查看结果。');
    await axe(page, 'Chinese, limit error shown');

    // More at once, each on its own field; monthly sales are marked on the sales field.
    await page.check('#limit-sales-month');
    await page.locator('#limit-sales').fill('abc');
    await page.locator('#limit-openOrders').fill('-5');
    await expectText(page, '#limit-sales-error', '请输入数字。');
    assert.equal(await text(page, '#limit-openOrders-error'), '请输入不小于 0 的金额（小于 10¹⁸）。');
    assert.equal(await page.locator('#limit-form [aria-invalid="true"]').count(), 3);
    await chooseLocale(page, 'en');
    assert.equal(await text(page, '#limit-sales-error'), 'Enter a number.');
    assert.equal(await text(page, '#limit-openOrders-error'), 'Enter an amount of 0 or more (below 10¹⁸).');
    assert.equal(await text(page, '#limit-termsDays-error'), 'Enter from 0 to 3650 days.');
    assert.equal(await page.inputValue('#limit-sales'), 'abc');
    assert.equal(await page.inputValue('#limit-requestedAmount'), '50000');

    // Corrected one by one, the result comes back.
    await page.check('#limit-sales-year');
    await page.locator('#limit-sales').fill('1825000');
    await page.locator('#limit-openOrders').fill('10000');
    await page.locator('#limit-termsDays').fill('30');
    await expectText(page, '#limit-amount', 'CN¥160,000.00');
    assert.equal(await page.locator('#limit-form [aria-invalid]').count(), 0);
    assert.equal(await text(page, '#limit-termsDays-error'), '');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('in Simplified Chinese: method names, decision and labels; axe clean in both languages and at 375px', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await scoreProfileOnly(page);
    await fillLimit(page, { ...VECTOR, requestedAmount: '200000' });
    await expectText(page, '#limit-decision', 'Refer to the credit manager');
    await axe(page, 'English');

    await chooseLocale(page, 'zh-CN');
    assert.equal(await text(page, '#limit-title'), '信用额度');
    assert.equal(await text(page, 'label[for="limit-sales"]'), '对该客户的预计销售额');
    assert.equal(await page.locator('label.choice-option', { has: page.locator('#limit-sales-month') }).innerText(), '每月');
    assert.equal(await text(page, '#limit-tangibleNetWorth-hint'), '留空则取自评分中的财务数据。');
    assert.equal(await text(page, '#limit-amount'), '¥160,000.00');
    assert.equal(await text(page, '#limit-binding'), '决定因素：按预计销售额测算的需求');
    assert.equal(await text(page, '#limit-decision'), '提交信用经理审批');
    assert.match(await text(page, '#limit-request-text'), /^先批准 90,000/);
    assert.equal(await text(page, method('need', '.method-name')), '按预计销售额测算的需求');
    assert.equal(await text(page, method('need', '.binding-tag')), '决定额度');
    assert.equal(await text(page, method('ceiling', '.method-name')), '该等级的政策上限');
    assert.equal(await text(page, method('netWorth', 'td.how')), '有形净资产未知');
    assert.equal(await text(page, method('insuredExtension', 'td.cap')), '不适用：未投保');
    assert.equal(await text(page, mitigation('bankGuarantee', 'th .kind-name')), '银行保函');
    assert.equal(await text(page, '#limit-mitigations caption'), '超出额度的 ¥110,000.00 可用以下方式保障');
    assert.match(await text(page, '#limit-review'), /^2027年11月22日\s+每 12 个月$/);
    assert.equal(await text(page, '#limit-assumptions'), '假设：无逾期（未输入，且没有付款指数）。');
    await axe(page, 'Chinese');

    // A phone: nothing scrolls sideways, in either language, and axe stays clean.
    await page.setViewportSize({ width: 375, height: 800 });
    await assertNoSidewaysScroll(page, 'Chinese, 375px');
    assert.equal(await page.isVisible(method('need', '.method-explain')), true, 'the explanation moves under the name');
    assert.equal(await page.isVisible(method('need', 'td.how')), false);
    await axe(page, 'Chinese, 375px');
    await chooseLocale(page, 'en');
    assert.equal(await text(page, '#limit-decision'), 'Refer to the credit manager');
    await assertNoSidewaysScroll(page, 'English, 375px');
    await axe(page, 'English, 375px');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('a reload restores every limit field as typed and shows the same result', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await scoreProfileOnly(page);
    const typed = {
      currency: 'EUR', sales: '100,000', termsDays: '45', expectedDaysBeyondTerms: '5', ourAnnualSales: '10000000',
      openReceivables: '20000', openOrders: '5000', requestedAmount: '30000', tangibleNetWorth: '500000',
      workingCapital: '200000', customerRevenue: '3000000', insurerApprovedLimit: '80000',
    };
    await page.check('#limit-sales-month');
    await fillLimit(page, typed);
    // 1,200,000 a year × (45 + 5) / 365 + 5,000 = 169,383.56; 35 % of TNW; 5 % of revenue; 15 % of working
    // capital binds at 30,000; the CNY ceiling does not apply to EUR; the insurer gives 80,000.
    await expectText(page, '#limit-amount', '€30,000.00');
    assert.equal(await text(page, '#limit-binding'), 'Binding: Share of working capital');
    assert.equal(await text(page, method('workingCapital', 'td.how')), '15% of working capital 200,000');
    assert.equal(await text(page, method('ceiling', 'td.cap')), 'Does not apply: set in another currency');
    assert.equal(await text(page, method('insuredExtension', '.cap-amount')), '€80,000.00');
    assert.equal(await text(page, method('concentration', '.cap-amount')), '€1,000,000.00');
    // Outside the policy's currency (CNY) the approval thresholds do not apply: the board decides.
    assert.equal(await text(page, '#limit-decision'), 'Refer to the board');
    const shown = async () => ({
      amount: await text(page, '#limit-amount'),
      binding: await text(page, '#limit-binding'),
      figures: await page.locator('#limit-result dd').allInnerTexts(),
      decision: await text(page, '#limit-decision'),
      methods: await page.locator('#limit-method-rows tr').allInnerTexts(),
      mitigations: await page.locator('#limit-mitigation-rows tr').allInnerTexts(),
      assumptions: await text(page, '#limit-assumptions'),
    });
    const before = await shown();
    const fields = ['currency', 'sales', 'termsDays', 'expectedDaysBeyondTerms', 'ourAnnualSales', 'openReceivables', 'openOrders',
      'requestedAmount', 'tangibleNetWorth', 'workingCapital', 'customerRevenue', 'insurerApprovedLimit'];
    const values = () => Promise.all(fields.map((f) => page.inputValue(`#limit-${f}`)));
    const expected = fields.map((f) => typed[f]);
    assert.deepEqual(await values(), expected);

    await page.reload();
    await ready(page);
    await expectText(page, '#limit-amount', '€30,000.00');
    assert.deepEqual(await values(), expected);
    assert.equal(await page.isChecked('#limit-sales-month'), true);
    assert.deepEqual(await shown(), before);

    // Emptied fields are remembered empty (not put back to their defaults).
    await page.locator('#limit-termsDays').fill('');
    await expectText(page, '#limit-termsDays-error', 'Required.');
    await page.reload();
    await ready(page);
    await expectText(page, '#limit-termsDays-error', 'Required.');
    assert.equal(await page.inputValue('#limit-termsDays'), '');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('works with the keyboard alone', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await scoreProfileOnly(page);
    await page.reload(); // the score is remembered; focus starts at the top again
    await ready(page);
    await expectText(page, '#score-grade', 'Grade 4 of 10');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.dataset.part), 'limit');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.id), 'limit-currency');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.id), 'limit-sales');
    await page.keyboard.type('30000');
    // The period: Tab to the checked radio, an arrow key moves to "per month".
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.id), 'limit-sales-year');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => deepActive.id), 'limit-sales-month');
    assert.equal(await page.isChecked('#limit-sales-month'), true);
    // 30,000 a month on 30 days: 29,589.04, rounded down to 29,000.
    await expectText(page, method('need', '.cap-amount'), 'CN¥29,589.04');
    assert.equal(await text(page, '#limit-amount'), 'CN¥29,000.00');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.id), 'limit-termsDays');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('60');
    await expectText(page, method('need', '.cap-amount'), 'CN¥59,178.08');
    assert.equal(await text(page, '#limit-amount'), 'CN¥59,000.00');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });
});
