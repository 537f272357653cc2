// Browser end-to-end: the deal-check page used as a person would, in the system Chromium
// against the served site with its strict Content-Security-Policy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { startHarness } from './harness.mjs';
import { assertClean, assertNoInline, axe, text, chooseLocale, expectText } from './checks.mjs';

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

// The page is ready when the score has answered; the sections below start after it.
async function ready(page) {
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  await page.waitForSelector('credit-calculator[data-discount-ready="true"]', { timeout: 15000 });
}

describe('discount calculator on the deal-check page', () => {
  test('answers live as the user types, in English', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    // Defaults: 2/10 net 30 on 365 days: the published 37.24 % simple, 44.59 % effective.
    assert.equal(await text(page, '#simpleAnnualRate'), '37.24%');
    assert.equal(await text(page, '#effectiveAnnualRate'), '44.59%');
    await page.selectOption('#dayBasis', '360');
    assert.equal(await text(page, '#simpleAnnualRate'), '36.73%');
    assert.match(await text(page, '#discount-sentence'), /Skipping a 2% discount to pay 20 days later costs the buyer 36\.73% a year \(44\.59% compounded\)\./);

    // Typed key by key, with a grouping comma, as a salesperson would.
    await page.locator('#invoiceAmount').pressSequentially('12,500.50');
    await page.selectOption('#currency', 'EUR');
    await page.locator('#invoiceDate').fill('2024-02-20');
    assert.equal(await text(page, '#discountAmount'), '€250.01');
    assert.equal(await text(page, '#amountIfDiscounted'), '€12,250.49');
    assert.equal(await text(page, '#discountDueDate'), 'Mar 1, 2024');
    assert.equal(await text(page, '#netDueDate'), 'Mar 21, 2024');
    assert.match(await text(page, '#discount-policy'), /2026\.11\.1/);

    await page.locator('#discountPercent').fill('1');
    assert.equal(await text(page, '#simpleAnnualRate'), '18.18%');
    await axe(page, 'English with a result');
    assertClean(problems);
    await context.close();
  });

  test('shows the same answer in Simplified Chinese, and remembers the choice', async () => {
    const { page, context, problems } = await h.open('about:blank');
    const languageFiles = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.zh.js')) languageFiles.push(new URL(r.url()).pathname);
    });
    await page.goto(h.url);
    await ready(page);
    assert.deepEqual(languageFiles, [], 'a page in English downloads no Chinese texts');
    await chooseLocale(page, 'zh-CN');
    // The report's too: a print from the browser's menu could not wait for them.
    assert.deepEqual(languageFiles.filter((f) => /\/(i18n|i18n-sections|report-i18n)\.zh\.js$/.test(f)).sort(),
      ['/app/i18n-sections.zh.js', '/app/i18n.zh.js', '/app/report-i18n.zh.js'], 'the Chinese texts, fetched once on the first switch');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await text(page, '#discount-title'), '提前付款折扣');
    assert.equal(await text(page, 'label[for="netDays"]'), '信用期（天）');
    assert.equal(await text(page, '#simpleAnnualRate'), '37.24%');
    assert.match(await text(page, '#discount-sentence'), /放弃 2% 的折扣、晚 20 天付款，相当于买方承担年化 37\.24%（单利）、复利 44\.59% 的资金成本。/);
    await page.locator('#invoiceDate').fill('2024-02-20');
    assert.equal(await text(page, '#netDueDate'), '2024年3月21日');
    await axe(page, 'Chinese');
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN', 'language kept after reload');
    assertClean(problems);
    await context.close();
  });

  test('a browser set to Chinese opens in Chinese', async () => {
    const { page, context, problems } = await h.open('', { locale: 'zh-CN' });
    await ready(page);
    assert.equal(await text(page, 'h1'), '客户信用计算器');
    assertClean(problems);
    await context.close();
  });

  test('Chinese texts that cannot be downloaded leave the calculator in English, saying why', async () => {
    const { page, context } = await h.open('about:blank');
    await page.route('**/*.zh.js', (route) => route.abort());
    await page.goto(h.url);
    await ready(page);
    await page.selectOption('#locale', 'zh-CN');
    const status = page.locator('credit-calculator #tool-status');
    await status.filter({ hasText: 'could not be downloaded' }).waitFor();
    assert.equal(await page.locator('#locale').inputValue(), 'en', 'the choice goes back to the language shown');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await text(page, '#discount-title'), 'Early-payment discount');
    await context.close();

    // A browser set to Chinese, the texts out of reach: the whole page in English, and why.
    const zh = await h.open('about:blank', { locale: 'zh-CN' });
    await zh.page.route('**/*.zh.js', (route) => route.abort());
    await zh.page.goto(h.url);
    await ready(zh.page);
    assert.equal(await zh.page.getAttribute('html', 'lang'), 'en');
    assert.equal(await text(zh.page, 'h1'), 'Credit calculator');
    assert.match(await zh.page.locator('credit-calculator #tool-status').innerText(), /could not be downloaded/);
    await zh.context.close();
  });

  test('an invalid field is marked in the current language; the others keep their values', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await page.locator('#invoiceAmount').fill('5000');
    await page.locator('#discountPercent').fill('100');
    assert.equal(await page.getAttribute('#discountPercent', 'aria-invalid'), 'true');
    assert.equal(await text(page, '#discountPercent-error'), 'Enter a discount of at least 0% and below 100%.');
    assert.equal(await text(page, '#simpleAnnualRate'), '—');
    assert.equal(await page.inputValue('#invoiceAmount'), '5000');
    assert.equal(await page.inputValue('#netDays'), '30');

    await page.locator('#netDays').fill('5');
    assert.equal(await text(page, '#netDays-error'), 'The net period must be longer than the discount period.');
    await chooseLocale(page, 'zh-CN');
    assert.equal(await text(page, '#netDays-error'), '信用期必须长于折扣期。');
    assert.equal(await text(page, '#discountPercent-error'), '折扣须不小于 0%，且小于 100%。');
    await axe(page, 'errors shown');

    await page.locator('#discountPercent').fill('abc');
    assert.equal(await text(page, '#discountPercent-error'), '请输入数字。');
    await page.locator('#discountPercent').fill('2');
    await page.locator('#netDays').fill('30');
    assert.equal(await page.getAttribute('#discountPercent', 'aria-invalid'), null);
    assert.equal(await text(page, '#simpleAnnualRate'), '37.24%');
    assertClean(problems);
    await context.close();
  });

  test('a reload restores everything typed', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await page.locator('#discountPercent').fill('3');
    await page.locator('#discountDays').fill('15');
    await page.locator('#netDays').fill('45');
    await page.locator('#invoiceAmount').fill('800');
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue('#discountPercent'), '3');
    assert.equal(await page.inputValue('#discountDays'), '15');
    assert.equal(await page.inputValue('#netDays'), '45');
    assert.equal(await page.inputValue('#invoiceAmount'), '800');
    assert.equal(await text(page, '#simpleAnnualRate'), '37.63%');
    assertClean(problems);
    await context.close();
  });

  test('works with the keyboard alone', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    // Six skip links, in page order: the customer score, the credit limit, the credit terms, the credit
    // insurance, the overdue customer, the discount calculator.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.className), 'skip-link');
    assert.equal(await page.evaluate(() => deepActive.dataset.part), 'discount');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.id), 'discountPercent');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.id), 'netDays');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('45');
    assert.equal(await text(page, '#simpleAnnualRate'), '10.53%');
    assertClean(problems);
    await context.close();
  });

  test('is served under a strict CSP, with no inline script or style, and nothing off the origin', async () => {
    const { page, context, problems } = await h.open('about:blank');
    const wasm = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname);
    });
    const response = await page.goto(h.url);
    const csp = response.headers()['content-security-policy'];
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    await ready(page);
    await assertNoInline(page);
    assert.deepEqual(wasm, ['/pkg/credit_calculator_deal_bg.wasm'], 'the deal check’s build of the engine, once');
    // The JS API on the same page is the complete engine, never the page's smaller build.
    const exported = await page.evaluate(async () => {
      const api = await import(new URL('pkg/credit_calculator.js', document.baseURI).href);
      return Object.keys(await api.default());
    });
    for (const name of ['dealCheck', 'scorePortfolio', 'scoreCustomer']) assert.ok(exported.includes(name), `the JS API has ${name}`);
    for (const file of ['credit_calculator_bg.wasm', 'credit_calculator_deal_bg.wasm', 'credit_calculator_quote_bg.wasm']) {
      const wasm = await page.request.get(new URL(`pkg/${file}`, h.url).href);
      assert.equal(wasm.headers()['content-type'], 'application/wasm', file);
    }
    assertClean(problems);
    await context.close();
  });

  test('a keystroke in the score works out the limit, the terms and the insurance once each', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await page.waitForSelector('credit-calculator[data-insurance-ready="true"]', { timeout: 15000 });
    await page.locator('#limit-sales').fill('1825000');
    await page.waitForTimeout(300);
    // How often each export of the engine's glue ran, by V8's own count.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    const typed = ['1000000', '1200000', '1250000', '1250500'];
    for (const value of typed) {
      // Each keystroke's answers in, down to the insurance's (which waits for the limit's).
      const answered = page.evaluate(() => new Promise((resolve) => {
        const calc = document.querySelector('credit-calculator');
        calc.addEventListener('credit-result', function on(e) {
          if (e.detail.section !== 'insurance') return;
          calc.removeEventListener('credit-result', on);
          resolve();
        });
      }));
      await page.locator('#fin-revenue').fill(value);
      await answered;
    }
    await page.waitForTimeout(100);
    const { result } = await cdp.send('Profiler.takePreciseCoverage');
    const counts = {};
    for (const script of result.filter((s) => /\/pkg\/credit_calculator\.js/.test(s.url))) {
      for (const f of script.functions) {
        if (['scoreCustomer', 'recommendLimit', 'simulateTerms', 'estimatePremium', 'claimPayout'].includes(f.functionName)) {
          counts[f.functionName] = (counts[f.functionName] ?? 0) + f.ranges[0].count;
        }
      }
    }
    // The terms and the insurance wait for the limit that follows a new score, instead of also
    // working out (and throwing away) a result with the limit before it.
    const n = typed.length;
    assert.deepEqual(counts, { scoreCustomer: n, recommendLimit: n, simulateTerms: n, estimatePremium: n, claimPayout: n });
    await expectText(page, '#insurance-premium', /\d/);
    assertClean(problems);
    await context.close();
  });

  test('a company policy loaded on the page is checked and used by the complete engine; the default policy again by the page’s build', async () => {
    const { page, context, problems } = await h.open('about:blank');
    const wasm = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname);
    });
    await page.goto(h.url);
    await ready(page);
    assert.deepEqual(wasm, ['/pkg/credit_calculator_deal_bg.wasm']);
    await page.locator('#policy-panel summary').click();
    await page.locator('#policy-file').setInputFiles({
      name: 'acme.json', mimeType: 'application/json', buffer: readFileSync(new URL('../../www/examples/acme-policy.json', import.meta.url)),
    });
    // The deal check's build has no policy reader: the complete engine checks the policy,
    // then every section calculates with it.
    await expectText(page, '#policy-name', /ACME Trading credit policy acme-2026\.2/);
    for (const id of ['#discount-policy', '#score-policy']) await expectText(page, id, /acme-2026\.2/);
    assert.deepEqual(wasm, ['/pkg/credit_calculator_deal_bg.wasm', '/pkg/credit_calculator_bg.wasm']);
    assert.equal(await text(page, '#policy-errors'), '');

    // A reload keeps the company policy.
    await page.reload();
    await ready(page);
    await expectText(page, '#discount-policy', /acme-2026\.2/);
    await expectText(page, '#score-policy', /acme-2026\.2/);

    // Back to ours: the page's build answers again.
    await page.locator('#policy-panel summary').click();
    await page.locator('#policy-default').click();
    await expectText(page, '#discount-policy', /2026\.11\.1/);
    await expectText(page, '#score-policy', /2026\.11\.1/);
    const fetched = wasm.length;
    await page.locator('#discountPercent').fill('1');
    assert.equal(await text(page, '#simpleAnnualRate'), '18.43%'); // 1/99 × 365/20
    assert.equal(wasm.length, fetched);
    // The page's loader, as the element uses it: its own calls still go to the deal build,
    // which refuses a policy, and a call with a policy to the complete engine.
    const routed = await page.evaluate(async () => {
      const { call, callWithPolicy } = await import(new URL('app/engine.js', document.baseURI).href);
      const input = { discountPercent: '2', discountDays: 10, netDays: 30 };
      const policy = { version: 'routed-1' };
      const [refused, read, ours] = await Promise.all([call('discountCost', input, policy), callWithPolicy('discountCost', policy, input),
        call('discountCost', input)]);
      return [refused.error?.code, read.value?.policyVersion, ours.value?.policyVersion];
    });
    assert.deepEqual(routed, ['POLICY_NOT_IN_BUILD', 'routed-1', '2026.11.1']);
    assertClean(problems);
    await context.close();
  });
});
