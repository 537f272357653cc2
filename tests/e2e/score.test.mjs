// Browser end-to-end: the "Customer score" section of the deal-check page, used as a
// salesperson would: partial information, typed key by key, both languages, invalid fields,
// reload, keyboard only, a phone-width screen. The figures come from the engine's golden
// vectors (tests/vectors/score_customer.json); here we test that the page shows them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness } from './harness.mjs';
import { assertClean, axe, assertNoInline, text, expectText, chooseLocale } from './checks.mjs';

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
}

const row = (list, n, field) => `#${list}-rows .row:nth-child(${n}) [data-row-field="${field}"]`;

async function fillPayment(page, n, { amount, dueDate, paidDate }) {
  await page.locator(row('payment', n, 'amount')).pressSequentially(amount);
  await page.locator(row('payment', n, 'dueDate')).fill(dueDate);
  if (paidDate) await page.locator(row('payment', n, 'paidDate')).fill(paidDate);
}

const FINANCIALS = {
  periodEnd: '2025-12-31',
  currentAssets: '190,000',
  currentLiabilities: '100000',
  totalAssets: '620000',
  totalLiabilities: '280000',
  bookEquity: '340000',
  retainedEarnings: '30000',
  ebit: '55000',
  netIncome: '30000',
  revenue: '440000',
  costOfGoodsSold: '300000',
  inventory: '50000',
  receivables: '60000',
  payables: '40000',
  cash: '20000',
  interestExpense: '5000',
};

describe('customer score on the deal-check page', () => {
  test('a profile alone scores 72.9, grade 4 (the as-of date defaults to today)', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    assert.equal(await page.inputValue('#score-asOf'), today, 'as-of defaults to the browser date');
    // Nothing known but the date: the neutral 50, grade 6, and the page says so.
    await expectText(page, '#score-value', '50.0');
    assert.match(await text(page, '#score-notes'), /Nothing entered yet/);

    await page.locator('#score-asOf').fill('2026-11-22');
    await page.locator('#score-name').pressSequentially('Acme Trading');
    await page.locator('#score-foundedOn').fill('2020-05-01');
    await page.locator('#score-employees').pressSequentially('45');
    assert.equal(await page.locator('#score-industry option', { hasText: 'Wholesale trade' }).getAttribute('value'), 'wholesale');
    await page.selectOption('#score-industry', 'wholesale');
    assert.equal(await page.locator('#score-country option[value="CN"]').innerText(), 'China');
    await page.selectOption('#score-country', 'CN');

    await expectText(page, '#score-value', '72.9');
    assert.equal(await text(page, '#score-grade'), 'Grade 4 of 10');
    assert.equal(await text(page, '#score-pd'), '0.25%');
    assert.equal(await text(page, '#score-band'), 'Green: low risk');
    assert.equal(await text(page, '#score-decision'), 'Approve');
    assert.equal(await page.getAttribute('#score-gauge svg', 'role'), 'img');
    assert.equal(await page.getAttribute('#score-gauge svg', 'aria-label'), 'Score 72.9 of 100, grade 4 of 10');
    assert.equal(await page.getAttribute('#score-gauge .gauge-value', 'stroke-dasharray'), '72.9 100');
    assert.equal(await text(page, '#score-status'), 'Score 72.9 of 100, grade 4 of 10: Approve.');
    assert.equal(await page.getAttribute('#score-status', 'aria-live'), 'polite');
    // Factor rows: the profile factors have data, the others are marked "no data".
    assert.equal(await text(page, '#score-factor-rows tr[data-factor="businessAge"] td.value'), '6.56 years');
    assert.equal(await text(page, '#score-factor-rows tr[data-factor="industryRisk"] td.value'), 'risk class 3');
    assert.equal(await text(page, '#score-factor-rows tr[data-factor="currentRatio"] td.value'), 'no data');
    assert.equal(await page.getAttribute('#score-factor-rows tr[data-factor="countryRisk"] rect.bar-fill', 'width'), '80');
    assert.match(await text(page, '#score-missing'), /^Not known: Altman Z-score, current ratio, .*credit bureau score\.$/);
    await axe(page, 'English, profile only');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('three payments 30 days late and a clean legal check score 68.8, grade 4, with reasons and the next grade', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await page.locator('#score-asOf').fill('2026-11-22');
    const late = { amount: '1000', dueDate: '2026-09-01', paidDate: '2026-10-01' };
    await fillPayment(page, 1, late);
    await page.click('#add-payment');
    assert.equal(await page.evaluate(() => deepActive.dataset.rowField), 'amount', 'focus goes to the new row');
    await fillPayment(page, 2, late);
    await page.click('#add-payment');
    await fillPayment(page, 3, late);
    await page.check('#legal-none');

    await expectText(page, '#score-value', '68.8');
    assert.equal(await text(page, '#score-grade'), 'Grade 4 of 10');
    assert.deepEqual(await page.locator('#score-reasons li').allInnerTexts(), ['Pays late: payment index 50 (on average 30 days beyond terms)']);
    assert.equal(await text(page, '#score-next'), 'To reach grade 3: Payment index from 50 to 60');
    assert.match(await text(page, '#score-confidence'), /^Low \(32% of the weight backed by data\)$/);
    assert.equal(await text(page, '#score-factor-rows tr[data-factor="legal"] td.value'), 'weighted severity 0');
    await page.click('#score-details summary');
    assert.equal(await text(page, '#pi-index'), '50');
    assert.equal(await text(page, '#pi-practice'), 'About 30 days late');
    assert.equal(await text(page, '#pi-band'), 'Medium risk');
    assert.equal(await text(page, '#pi-counted'), '3');
    assert.equal(await text(page, '#pi-days'), '30');
    assert.equal(await text(page, '#fa-summary'), 'No financial figures entered.');

    // A fourth invoice, then removed again: the score returns and the rows renumber.
    await page.click('#add-payment');
    await fillPayment(page, 4, { amount: '5000', dueDate: '2026-06-01', paidDate: '2026-11-01' });
    await expectText(page, '#score-value', /^(?!68\.8$)/);
    await page.click('#payment-rows .row:nth-child(2) .button-remove');
    assert.equal(await page.locator('#payment-rows .row').count(), 3);
    assert.deepEqual(await page.locator('#payment-rows .row legend').allInnerTexts(), ['Payment 1', 'Payment 2', 'Payment 3']);
    await page.click('#payment-rows .row:nth-child(3) .button-remove');
    await expectText(page, '#score-value', '68.8');

    // The summary instead of invoices: 10 days beyond terms on 2 invoices is too thin a history.
    await page.check('#pay-mode-summary');
    assert.equal(await page.isVisible('#payment-rows'), false);
    await page.locator('#pay-daysBeyondTerms').pressSequentially('10');
    await page.locator('#pay-count').pressSequentially('2');
    await expectText(page, '#score-notes', /Too few payment records.*Payments from a summary/s);
    await page.check('#pay-mode-invoices');
    await expectText(page, '#score-value', '68.8');
    await axe(page, 'English, payments');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('full financials show the Altman zone and every ratio, in English and in Chinese', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await page.locator('#score-asOf').fill('2026-11-22');
    await page.check('#score-manufacturer');
    for (const [name, value] of Object.entries(FINANCIALS)) {
      if (name === 'periodEnd') await page.locator(`#fin-${name}`).fill(value);
      else await page.locator(`#fin-${name}`).pressSequentially(value);
    }
    await page.locator('#prev-revenue').pressSequentially('400000');
    await page.locator('#prev-netIncome').pressSequentially('-100');

    await expectText(page, '#score-value', '77.2');
    assert.equal(await text(page, '#score-grade'), 'Grade 3 of 10');
    assert.equal(await text(page, '#score-reasons li:first-child'), "Altman Z' of 1.64 is in the grey zone");
    assert.equal(await text(page, '#score-next'), 'To reach grade 1: Altman score into the safe zone');
    assert.equal(await text(page, '#score-factor-rows tr[data-factor="altman"] td.value'), 'Grey zone');
    assert.equal(await text(page, '#score-factor-rows tr[data-factor="debtRatio"] td.value'), '45.2%');
    assert.equal(await text(page, '#score-factor-rows tr[data-factor="revenueGrowth"] td.value'), '10.0%');

    await page.click('#score-details summary');
    assert.equal(await text(page, '#altman-model'), 'Z′ (private manufacturer)');
    assert.equal(await text(page, '#altman-value'), '1.64');
    assert.equal(await text(page, '#altman-zone'), 'Grey zone');
    assert.equal(await text(page, '#em-score'), '6.23, indicative rating BBB');
    const ratio = (name) => text(page, `#fa-ratios tr[data-ratio="${name}"] td`);
    assert.equal(await ratio('currentRatio'), '1.9');
    assert.equal(await ratio('quickRatio'), '1.4');
    assert.equal(await ratio('debtRatio'), '45.16%');
    assert.equal(await ratio('interestCover'), '11×');
    assert.equal(await ratio('workingCapital'), '90,000');
    assert.equal(await ratio('daysSalesOutstanding'), '49.8 days');
    assert.equal(await ratio('revenueGrowth'), '10.00%');
    assert.equal(await ratio('operatingCashFlowRatio'), 'not available: needs operating cash flow');
    assert.equal(await page.locator('#fa-ratios tr').count(), 20);
    await axe(page, 'English, full financials');

    await chooseLocale(page, 'zh-CN');
    assert.equal(await text(page, '#score-title'), '客户评分');
    assert.equal(await text(page, '#score-form .group:nth-of-type(1) > legend'), '企业概况');
    assert.equal(await text(page, 'label[for="fin-currentAssets"]'), '流动资产');
    assert.equal(await text(page, '#score-grade'), '第 3 级（共 10 级）');
    assert.equal(await text(page, '#score-reasons li:first-child'), 'Altman Z\' 值为 1.64，处于灰色区');
    assert.equal(await text(page, '#score-next'), '要达到第 1 级：Altman 分值进入安全区');
    assert.equal(await text(page, '#score-factor-rows tr[data-factor="currentRatio"] th .factor-name'), '流动比率');
    assert.equal(await text(page, '#score-factor-rows tr[data-factor="altman"] td.value'), '灰色区');
    assert.equal(await text(page, '#score-decision'), '批准');
    assert.equal(await text(page, '#altman-model'), 'Z′（非上市制造企业）');
    assert.equal(await text(page, '#score-industry option[value=""]'), '未知');
    assert.equal(await text(page, '#score-country option[value="CN"]'), '中国');
    assert.match(await ratio('operatingCashFlowRatio'), /^无法计算：需要经营活动现金流量净额$/);
    await axe(page, 'Chinese, full financials');

    // On a phone the page does not scroll sideways and stays accessible.
    await page.setViewportSize({ width: 375, height: 800 });
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(widths.scroll <= widths.client, `no sideways scrolling at 375px (${widths.scroll} > ${widths.client})`);
    await chooseLocale(page, 'en');
    const widthsEn = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(widthsEn.scroll <= widthsEn.client, `no sideways scrolling at 375px in English (${widthsEn.scroll} > ${widthsEn.client})`);
    await axe(page, 'English, phone width');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('a founding date after the as-of date is marked in both languages; nothing typed is changed', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await page.locator('#score-asOf').fill('2026-11-22');
    await page.locator('#score-name').pressSequentially('Acme Trading');
    await page.locator('#score-employees').pressSequentially('45');
    await page.selectOption('#score-industry', 'wholesale');
    await fillPayment(page, 1, { amount: '1000', dueDate: '2026-09-01', paidDate: '2026-10-01' });
    await page.locator('#fin-currentAssets').pressSequentially('150');
    await page.locator('#score-foundedOn').fill('2027-01-01');

    await expectText(page, '#score-foundedOn-error', 'Must not be after the as-of date.');
    assert.equal(await page.getAttribute('#score-foundedOn', 'aria-invalid'), 'true');
    assert.match(await page.getAttribute('#score-foundedOn', 'aria-describedby'), /score-foundedOn-error/);
    assert.equal(await text(page, '#score-status'), 'Correct the marked field to see the result.');
    assert.equal(await text(page, '#score-value'), '—');
    assert.equal(await page.locator('#score-form [aria-invalid="true"]').count(), 1);
    const kept = async () => ({
      asOf: await page.inputValue('#score-asOf'),
      name: await page.inputValue('#score-name'),
      employees: await page.inputValue('#score-employees'),
      foundedOn: await page.inputValue('#score-foundedOn'),
      industry: await page.inputValue('#score-industry'),
      amount: await page.inputValue(row('payment', 1, 'amount')),
      paidDate: await page.inputValue(row('payment', 1, 'paidDate')),
      currentAssets: await page.inputValue('#fin-currentAssets'),
    });
    const typed = {
      asOf: '2026-11-22', name: 'Acme Trading', employees: '45', foundedOn: '2027-01-01', industry: 'wholesale',
      amount: '1000', paidDate: '2026-10-01', currentAssets: '150',
    };
    assert.deepEqual(await kept(), typed);

    await chooseLocale(page, 'zh-CN');
    assert.equal(await text(page, '#score-foundedOn-error'), '不能晚于评估日期。');
    assert.equal(await text(page, '#score-status'), '请更正标出的字段以查看结果。');
    await axe(page, 'Chinese, errors shown');

    // Several problems at once, each on its own field: the latest and previous year's
    // figures, a payment row and a legal row (kind not chosen).
    await page.locator('#fin-currentAssets').fill('150x');
    await page.locator('#fin-periodEnd').fill('2025-12-31');
    await page.locator('#prev-revenue').fill('abc');
    await page.locator(row('payment', 1, 'paidDate')).fill('2026-12-01');
    await page.click('#add-legal');
    await page.locator(row('legal', 1, 'date')).fill('2026-01-01');
    await expectText(page, '#prev-revenue-error', '请输入数字。');
    assert.equal(await text(page, '#fin-currentAssets-error'), '请输入数字。');
    assert.equal(await page.getAttribute(row('payment', 1, 'paidDate'), 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute(row('legal', 1, 'kind'), 'aria-invalid'), 'true');
    assert.equal(await text(page, `#${await page.getAttribute(row('legal', 1, 'kind'), 'id')}-error`), '此项必填。');
    await chooseLocale(page, 'en');
    assert.equal(await text(page, `#${await page.getAttribute(row('payment', 1, 'paidDate'), 'id')}-error`), 'Must not be after the as-of date.');
    assert.equal(await page.inputValue('#prev-revenue'), 'abc');
    assert.equal(await page.inputValue('#fin-currentAssets'), '150x');

    // Corrected one by one, the score comes back.
    await page.locator('#score-foundedOn').fill('2020-05-01');
    await page.locator('#fin-currentAssets').fill('150');
    await page.locator('#prev-revenue').fill('');
    await page.locator(row('payment', 1, 'paidDate')).fill('2026-10-01');
    await page.click('#legal-rows .row:nth-child(1) .button-remove');
    await expectText(page, '#score-value', /^\d+\.\d$/);
    assert.equal(await page.locator('#score-form [aria-invalid]').count(), 0);
    assert.equal(await page.getAttribute('#score-foundedOn', 'aria-invalid'), null);
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('a reload restores every score input, the payment and legal rows, and the same result', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await page.locator('#score-asOf').fill('2026-11-22');
    await page.locator('#score-name').pressSequentially('Acme Trading');
    await page.locator('#score-foundedOn').fill('2020-05-01');
    await page.locator('#score-employees').pressSequentially('45');
    await page.selectOption('#score-industry', 'wholesale');
    await page.selectOption('#score-country', 'CN');
    await page.check('#score-listed');
    await page.locator('#fin-periodEnd').fill('2025-12-31');
    await page.locator('#fin-currentAssets').pressSequentially('190,000');
    await fillPayment(page, 1, { amount: '1000', dueDate: '2026-09-01', paidDate: '2026-10-01' });
    await page.click('#add-payment');
    await fillPayment(page, 2, { amount: '2500', dueDate: '2026-10-15' });
    await page.click('#add-legal');
    await page.selectOption(row('legal', 1, 'kind'), 'lien');
    await page.locator(row('legal', 1, 'date')).fill('2025-06-01');
    await page.locator(row('legal', 1, 'amount')).pressSequentially('8000');
    await page.check(row('legal', 1, 'resolved'));
    await expectText(page, '#score-value', '56.1');
    const before = {
      score: await text(page, '#score-value'),
      reasons: await page.locator('#score-reasons li').allInnerTexts(),
    };

    await page.reload();
    await ready(page);
    await expectText(page, '#score-value', '56.1');
    const values = async (sels) => Promise.all(sels.map((s) => page.inputValue(s)));
    assert.deepEqual(
      await values(['#score-asOf', '#score-name', '#score-foundedOn', '#score-employees', '#score-industry', '#score-country', '#fin-periodEnd', '#fin-currentAssets']),
      ['2026-11-22', 'Acme Trading', '2020-05-01', '45', 'wholesale', 'CN', '2025-12-31', '190,000'],
    );
    assert.equal(await page.isChecked('#score-listed'), true);
    assert.equal(await page.isChecked('#score-manufacturer'), false);
    assert.equal(await page.locator('#payment-rows .row').count(), 2);
    assert.deepEqual(
      await values([row('payment', 1, 'amount'), row('payment', 1, 'dueDate'), row('payment', 1, 'paidDate'),
        row('payment', 2, 'amount'), row('payment', 2, 'dueDate'), row('payment', 2, 'paidDate')]),
      ['1000', '2026-09-01', '2026-10-01', '2500', '2026-10-15', ''],
    );
    assert.equal(await page.locator('#legal-rows .row').count(), 1);
    assert.deepEqual(await values([row('legal', 1, 'kind'), row('legal', 1, 'date'), row('legal', 1, 'amount')]), ['lien', '2025-06-01', '8000']);
    assert.equal(await page.isChecked(row('legal', 1, 'resolved')), true);
    assert.deepEqual({ score: await text(page, '#score-value'), reasons: await page.locator('#score-reasons li').allInnerTexts() }, before);

    // The summary mode and the legal check are remembered too; the invoice rows stay.
    await page.check('#pay-mode-summary');
    await page.locator('#pay-daysBeyondTerms').pressSequentially('10');
    await page.locator('#pay-count').pressSequentially('12');
    await expectText(page, '#score-value', '77.8');
    await page.reload();
    await ready(page);
    await expectText(page, '#score-value', '77.8');
    assert.equal(await page.isChecked('#pay-mode-summary'), true);
    assert.deepEqual(await values(['#pay-daysBeyondTerms', '#pay-count']), ['10', '12']);
    await page.check('#pay-mode-invoices');
    assert.equal(await page.inputValue(row('payment', 2, 'amount')), '2500');
    await expectText(page, '#score-value', '56.1');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('the score answers before the sections below start; a restored choice the policy does not list is scored as not known', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await page.selectOption('#score-country', 'CN');
    await page.selectOption('#score-industry', 'wholesale');
    await context.addInitScript(() => {
      window.answers = [];
      for (const type of ['credit-result', 'credit-error']) {
        document.addEventListener(type, (e) => window.answers.push({ type, section: e.detail.section, input: e.detail.input ?? null }), true);
      }
    });
    // The page's first answer is the top section's. (It was the terms section's, which
    // starts without the score: the score waited for the policy, and the sections below were
    // all built first.)
    await page.reload();
    await ready(page);
    await page.waitForFunction(() => window.answers.some((a) => a.section === 'discount'));
    const first = await page.evaluate(() => window.answers.map((a) => `${a.type} ${a.section}`));
    assert.equal(first[0], 'credit-result score', `the answers in order: ${first.join(', ')}`);
    assert.equal(first.findIndex((a) => a.endsWith(' score')), 0);

    // A saved industry the policy does not list (saved under another policy, say): the score
    // does not wait for the policy's list, so it is scored again once the list shows "not known".
    await page.evaluate((key) => {
      const saved = JSON.parse(localStorage.getItem(key));
      saved.fields['score-industry'] = 'no-such-industry';
      localStorage.setItem(key, JSON.stringify(saved));
    }, 'credit-calculator:score:v1');
    await page.reload();
    await ready(page);
    await page.waitForFunction(() => {
      const last = window.answers.filter((a) => a.section === 'score').at(-1);
      return last?.type === 'credit-result' && last.input?.profile && !('industry' in last.input.profile);
    });
    assert.equal(await page.inputValue('#score-industry'), '');
    assert.equal(await page.inputValue('#score-country'), 'CN');
    const last = await page.evaluate(() => window.answers.filter((a) => a.section === 'score').at(-1).input.profile);
    assert.equal(last.country, 'CN');
    assertClean(problems);
    await context.close();
  });

  test('works with the keyboard alone', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.dataset.part), 'score');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.id), 'score-asOf');

    // Add a payment row from the keyboard: focus lands in its amount field.
    await page.focus('#add-payment');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#payment-rows .row').count(), 2);
    assert.equal(await page.evaluate(() => deepActive.dataset.rowField), 'amount');
    await page.keyboard.type('1000');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.dataset.rowField), 'dueDate');
    // Its remove button, reached with Tab and pressed with Space, removes it.
    await page.focus('#payment-rows .row:nth-child(2) .button-remove');
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#payment-rows .row').count(), 1);
    assert.match(await page.evaluate(() => deepActive.className), /button-remove|button/);

    // A checkbox with Space: "none found" disables the legal rows.
    await page.focus('#legal-none');
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('#legal-none'), true);
    assert.equal(await page.isDisabled('#add-legal'), true);
    await expectText(page, '#score-factor-rows tr[data-factor="legal"] td.value', 'weighted severity 0');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });
});
