// Browser end-to-end: the printed credit report of the deal check. A salesperson types a
// customer (whose name is an HTML injection attempt), the limit, a deal and an overdue
// invoice, presses "Print report", and Chromium prints the page to an A4 PDF: the PDF's text
// must hold every section of the report in order, the as-of date, the policy version and the
// name as literal text, and none of the form. The Chinese report is checked in the DOM (this
// machine has no CJK font for the PDF).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness } from './harness.mjs';
import { assertClean, pdfText, text as shownText, chooseLocale } from './checks.mjs';

const NAME = '<img src=x onerror=alert(1)>';

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** Opens the deal check, counting dialogs (an alert would be the injection firing). */
async function openDealCheck(options) {
  const opened = await h.open('', options);
  opened.dialogs = [];
  opened.page.on('dialog', (d) => {
    opened.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await opened.page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  // The sections below the score start after its first answer; the discount is the last.
  await opened.page.waitForSelector('credit-calculator[data-discount-ready="true"]', { timeout: 15000 });
  return opened;
}

/** Waits (up to 5 s) until the element's text matches, piercing the element's shadow root. */
async function waitText(page, selector, pattern) {
  const deadline = Date.now() + 5000;
  let actual = '';
  while (Date.now() < deadline) {
    actual = (await shownText(page, selector).catch(() => '')).trim();
    if (pattern.test(actual)) return actual;
    await page.waitForTimeout(50);
  }
  assert.match(actual, pattern, selector);
  return actual;
}

const row = (list, n, field) => `#${list}-rows .row:nth-child(${n}) [data-row-field="${field}"]`;

async function type(page, selector, value) {
  await page.locator(selector).fill('');
  await page.locator(selector).pressSequentially(value);
}

/** The customer as a salesperson types it: profile, a year of financials, payments, a lawsuit. */
async function typeCustomer(page) {
  await page.locator('#score-asOf').fill('2026-11-22');
  await page.locator('#score-name').pressSequentially(NAME);
  await page.locator('#score-foundedOn').fill('2015-03-01');
  await page.locator('#score-employees').pressSequentially('120');
  await page.selectOption('#score-industry', 'wholesale');
  await page.selectOption('#score-country', 'CN');
  await page.check('#score-manufacturer');
  const financials = {
    periodEnd: '2025-12-31', currentAssets: '190,000', currentLiabilities: '100000', totalAssets: '620000',
    totalLiabilities: '280000', bookEquity: '340000', retainedEarnings: '30000', ebit: '55000',
    netIncome: '30000', revenue: '440000', costOfGoodsSold: '300000',
  };
  for (const [name, value] of Object.entries(financials)) {
    if (name === 'periodEnd') await page.locator(`#fin-${name}`).fill(value);
    else await page.locator(`#fin-${name}`).pressSequentially(value);
  }
  const payments = [
    { amount: '1000', dueDate: '2026-09-01', paidDate: '2026-10-01' },
    { amount: '2000', dueDate: '2026-08-01', paidDate: '2026-08-05' },
    { amount: '1500', dueDate: '2026-07-01', paidDate: '2026-07-20' },
  ];
  for (const [i, p] of payments.entries()) {
    if (i > 0) await page.click('#add-payment');
    await page.locator(row('payment', i + 1, 'amount')).pressSequentially(p.amount);
    await page.locator(row('payment', i + 1, 'dueDate')).fill(p.dueDate);
    await page.locator(row('payment', i + 1, 'paidDate')).fill(p.paidDate);
  }
  await page.click('#add-legal');
  await page.selectOption(row('legal', 1, 'kind'), 'lawsuit');
  await page.locator(row('legal', 1, 'date')).fill('2026-03-01');
  await page.locator(row('legal', 1, 'amount')).pressSequentially('20000');
  await waitText(page, '#score-grade', /^Grade \d+ of 10$/);
}

/** The limit, one typical invoice for the terms, and an invoice 52 days overdue. */
async function typeDeal(page) {
  await page.selectOption('#limit-currency', 'CNY');
  for (const [name, value] of Object.entries({ sales: '1825000', termsDays: '30', openReceivables: '60000', openOrders: '10000', requestedAmount: '50000' })) {
    await type(page, `#limit-${name}`, value);
  }
  await waitText(page, '#limit-amount', /^CN¥[\d,]+\.00$/);
  await page.selectOption('#terms-currency', 'CNY');
  await type(page, '#terms-invoiceAmount', '10000');
  await waitText(page, '#terms-best', /^Best for us|^Cheapest for us/);
  await waitText(page, '#insurance-premium', /^CN¥[\d,]+\.\d\d$/);
  await page.locator('#od-asOf').fill('2026-11-22');
  await page.selectOption('#od-currency', 'CNY');
  await page.locator(row('overdue', 1, 'number')).pressSequentially('INV-7');
  await page.locator(row('overdue', 1, 'amount')).pressSequentially('12000');
  await page.locator(row('overdue', 1, 'invoiceDate')).fill('2026-09-01');
  await page.locator(row('overdue', 1, 'dueDate')).fill('2026-10-01');
  await waitText(page, '#overdue-overdueTotal', /^CN¥12,000\.00$/);
}

/** Presses "Print report" with window.print stubbed: the report is rebuilt, no dialog opens. */
async function pressPrint(page) {
  await page.evaluate(() => {
    window.printCalls = 0;
    window.print = () => {
      window.printCalls += 1;
    };
  });
  await page.click('#report-print');
  await page.waitForFunction(() => window.printCalls === 1, null, { timeout: 5000 });
}

/** Asserts that each pattern is found in `text`, each after the one before. */
function assertInOrder(text, patterns) {
  let from = 0;
  for (const pattern of patterns) {
    const at = text.slice(from).search(pattern);
    assert.ok(at >= 0, `${pattern} after position ${from} of the printed text`);
    from += at + 1;
  }
}

describe('the printed credit report', () => {
  test('a typed deal prints as an A4 report with every section, the as-of date, the policy and the name as text', async () => {
    const { page, context, problems, dialogs } = await openDealCheck();
    await typeCustomer(page);
    await typeDeal(page);
    const onScreen = {
      score: await shownText(page, '#score-value'),
      limit: await shownText(page, '#limit-amount'),
      premium: await shownText(page, '#insurance-premium'),
    };
    await pressPrint(page);

    // Built with textContent: the name is text, no element of it exists anywhere.
    assert.equal(await page.locator('.report').count(), 1);
    assert.equal(await page.locator('.report img').count(), 0, 'the customer name made no <img>');
    assert.equal(await page.locator('.report [style]').count(), 0, 'no inline style (CSP)');
    assert.equal(await page.locator('.report h1').textContent(), `Credit report: ${NAME}`);
    assert.equal(await page.locator('.report').isVisible(), false, 'the report is for print only');

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.report').isVisible(), true, 'in print the report shows');
    assert.equal(await page.locator('#score-form').isVisible(), false, 'in print the form does not');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const { pages, text } = await pdfText(pdf);
    assert.ok(pages >= 2, `a report of several pages (${pages})`);

    assertInOrder(text, [
      /Credit report: <img src=x onerror=alert\(1\)>/,
      /1\. Basic information/,
      /2\. Score and grade/,
      /3\. Reasons for the score/,
      /4\. Financial analysis/,
      /5\. Payment records/,
      /6\. Legal records/,
      /7\. Credit limit/,
      /8\. Terms compared/,
      /9\. Credit insurance estimate/,
      /10\. Overdue invoices/,
      /Computed in the browser/,
    ]);
    // The header and the facts a credit manager reads first.
    assert.match(text, /As of: Nov 22, 2026/);
    assert.match(text, /Credit policy: 2026\.11\.1/);
    assert.match(text, /Generated on: /);
    assert.ok(text.includes(`Customer name: ${NAME}`), 'the name, literally, in the basic information');
    assert.ok(text.includes(`Score: ${onScreen.score} of 100`), `the score shown on screen (${onScreen.score})`);
    assert.match(text, /Grade: \d+ of 10 \(1 is the best\)/);
    assert.match(text, /12-month probability of default: \d+\.\d\d%/);
    assert.match(text, /Industry: (Wholesale trade|wholesale) \(risk class 3\)/);
    assert.match(text, /Country or region: China \(OECD category 2\)/);
    // Reasons with their points, the Altman variant and zone, the payment index, the lawsuit.
    assert.match(text, /Reason \(at most four, by points lost\) Points lost/);
    assert.match(text, /Pays late: payment index [\d.]+ \(on average [\d.]+ days beyond terms\) \d+\.\d/);
    assert.match(text, /Model: Z′ \(private manufacturer\)/);
    assert.match(text, /Zone: (Distress|Grey|Safe) zone/);
    assert.match(text, /Payment index, recent payments weighted more: [\d.]+ of 100/);
    assert.match(text, /Invoices counted: 3/);
    assert.match(text, /Lawsuit Mar 1, 2026 20,000 unresolved/);
    assert.match(text, /Effect on the score: legal-records factor/);
    // The limit as on screen, with its binding method and the decision on the request.
    assert.ok(text.includes(`Recommended limit: ${onScreen.limit}`), `the limit shown on screen (${onScreen.limit})`);
    assert.match(text, /Binding method: \S/);
    assert.match(text, /Requested: CN¥50,000\.00/);
    assert.match(text, /How each method caps the limit/);
    // One row per term option, the best one marked; the insurance as on screen; the overdue.
    const termsPart = text.slice(text.indexOf('8. Terms compared'), text.indexOf('9. Credit insurance estimate'));
    assert.match(termsPart, /Option 1: Net 30 days/);
    assert.match(termsPart, /Option 2: Net 60 days/);
    assert.match(termsPart, /Days outstanding Carrying cost a year Expected loss a year Discount cost a year (Net contribution|Total cost) a year Rank/);
    assert.equal((termsPart.match(/\(best\)/g) ?? []).length, 1, 'one option marked best');
    assert.match(text, /\(binding\) CN¥[\d,.]+/, 'the binding limit method marked');
    assert.ok(text.includes(`Indicative premium a year: ${onScreen.premium}`), `the premium shown on screen (${onScreen.premium})`);
    assert.match(text, /Range: CN¥[\d,.]+ to CN¥[\d,.]+/);
    assert.match(text, /Paid if the customer defaults with the whole limit used: CN¥[\d,.]+/);
    assert.match(text, /Overdue: CN¥12,000\.00/);
    assert.match(text, /Next dunning step: /);
    assert.match(text, /Credit policy 2026\.11\.1 · as of Nov 22, 2026 · generated on /);

    // Nothing of the interactive page is printed: no hint, no button, no status line.
    for (const screenOnly of ['The day the score is for', 'Add payment', 'Print report', 'Copy link', 'Empty while still open']) {
      assert.ok(!text.includes(screenOnly), `"${screenOnly}" is not printed`);
    }
    assert.deepEqual(dialogs, [], 'no alert or other dialog fired');
    assertClean(problems);
    await context.close();
  });

  test('in Chinese the report has the Chinese section titles', async () => {
    const { page, context, problems, dialogs } = await openDealCheck();
    await chooseLocale(page, 'zh-CN');
    await page.locator('#score-asOf').fill('2026-11-22');
    await page.locator('#score-name').pressSequentially(NAME);
    await page.locator('#score-foundedOn').fill('2020-05-01');
    await page.selectOption('#score-industry', 'wholesale');
    await page.check('#legal-none');
    await waitText(page, '#score-grade', /^第 \d+ 级（共 10 级）$/);
    await pressPrint(page);
    await page.emulateMedia({ media: 'print' });

    assert.equal(await page.locator('.report').getAttribute('lang'), 'zh-CN');
    assert.equal(await page.locator('.report h1').textContent(), `信用报告：${NAME}`);
    assert.equal(await page.locator('.report img').count(), 0);
    const titles = await page.locator('.report h2').allTextContents();
    assert.deepEqual(titles.slice(0, 9), [
      '1. 基本信息', '2. 评分与等级', '3. 评分原因', '4. 财务分析', '5. 付款记录',
      '6. 法律记录', '7. 信用额度', '8. 信用条件比较', '9. 信用保险估算',
    ]);
    const report = await page.locator('.report').innerText();
    assert.match(report, /评估日期[:：]?\s*2026年11月22日/);
    assert.match(report, /信用政策[:：]?\s*2026\.11\.1/);
    assert.match(report, /已查询法律记录：无/);
    assert.match(report, /根据输入的数据和上述信用政策在浏览器中计算/);
    assert.deepEqual(dialogs, []);
    assertClean(problems);
    await context.close();
  });
});
