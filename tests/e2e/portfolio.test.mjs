// Browser end-to-end: the portfolio page as a credit manager uses it. A pasted list with
// Chinese headers and a bad row (figures from tests/vectors/portfolio.json, whose rows the
// engine's tests cross-check against scoreCustomer and recommendLimit), the problem list,
// sorting by mouse and keyboard, the CSV export, both languages; then a generated
// 100,000-row file through the file input with its progress, and a run cancelled. Every
// test watches the whole browser context (the worker included) for a request off the page's
// origin; once the page's worker has its engine, a run makes no request at all, not even to
// the page's own origin.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startHarness } from './harness.mjs';
import { assertClean, assertNoInline, axe, expectText, text } from './checks.mjs';

let h;
let dir;
before(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'portfolio-e2e-'));
});
after(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens the page with a watcher on every request of the context (page and worker). */
async function openPage(options) {
  const offOrigin = [];
  const requests = [];
  // Watching from before the page opens: its worker may fetch its engine before goto returns.
  const opened = await h.open('portfolio.html', {
    ...options,
    before: async (context) => {
      context.on('request', (req) => {
        const u = new URL(req.url());
        requests.push(`${req.method()} ${req.url()}`);
        if (u.origin !== h.origin && u.protocol !== 'data:' && u.protocol !== 'blob:') offOrigin.push(req.url());
      });
      await options?.before?.(context);
    },
  });
  await opened.page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  await opened.page.fill('#asOf', '2026-11-22');
  return { ...opened, offOrigin, requests };
}

/** Waits until the page's worker has loaded its engine: from then on a run fetches nothing. */
async function engineReady(page) {
  await page.waitForSelector('credit-calculator[data-engine-ready="true"]', { timeout: 15000 });
}

async function waitDone(page, timeout = 20000) {
  await page.waitForFunction(() => !document.querySelector('credit-calculator').shadowRoot.getElementById('results').hidden, null, { timeout });
}

// The second case of tests/vectors/portfolio.json, as a spreadsheet in Chinese saves it:
// semicolons, a header in Chinese, a row with three problems (its country made unknown here)
// and a blank row.
const PASTED = [
  '客户名称;客户编号;账期天数;预计年销售额;应收账款余额;总资产;总负债;流动资产;流动负债;所有者权益;净利润;营业收入;行业;国家;成立日期;平均逾期天数;币种',
  '华东贸易有限公司;C-001;60;2400000;180000;9800000;6500000;5200000;4100000;3300000;380000;21000000;批发贸易;CN;2015-03-01;12;CNY',
  'Bad Data Co;C-002;30;;;abc;;;;;;;mining;ZZ;;;',
  ';;;;;;;;;;;;;;;;',
  'Shenzhen Parts;C-004;45;900000;;2000000;1500000;800000;900000;500000;-20000;3000000;electronics;cn;2019/3/1;40;',
].join('\n');

const gridNames = (page) => page.$$eval('#grid-body tr:not(.spacer) th', (cells) => cells.map((c) => c.textContent));

describe('portfolio page', () => {
  test('a pasted list with Chinese headers and a bad row: figures, problems, sorting, export, both languages', async () => {
    const { page, context, problems, offOrigin, requests } = await openPage();
    await assertNoInline(page);
    await axe(page, 'empty page, English');

    // Typed as a person would: the paste box, then the button, by keyboard.
    await page.fill('#paste', PASTED);
    await engineReady(page);
    const wasm = requests.filter((r) => r.endsWith('.wasm')).map((r) => new URL(r.split(' ')[1]).pathname);
    assert.deepEqual(wasm, ['/pkg/credit_calculator_portfolio_bg.wasm'], "the worker's build for speed, and no other engine");
    const before = requests.length;
    await page.focus('#run-paste');
    await page.keyboard.press('Enter');
    await waitDone(page);
    assert.deepEqual(requests.slice(before), [], 'no request at all while the list was scored');
    assert.deepEqual(offOrigin, [], 'no request off the origin');
    await expectText(page, '#status', /^Done in [\d.]+ s\. Customers scored: 2\. Rows with problems: 1\.$/);
    assert.equal(await text(page, '#sum-scored'), '2');
    assert.equal(await text(page, '#sum-problems'), '1');
    assert.equal(await text(page, '#sum-blank'), '1');
    assert.equal(await text(page, '#sum-review'), '2');

    // Totals by currency, the engine's figures formatted by Intl (see the vector file).
    const totals = await page.$$eval('#totals-body tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    assert.deepEqual(totals, [
      ['No currency given', '1', '0.00', '0.00', '0.00', '0'],
      ['CNY', '1', 'CN¥165,000.00', 'CN¥180,000.00', 'CN¥202.50', '1'],
    ]);
    assert.match(await text(page, '#totals-note'), /loss given default \(45%\)/);

    // The grade chart: one bar a grade, the counts written, a text alternative.
    const label = await page.getAttribute('#chart svg', 'aria-labelledby');
    assert.match(await page.textContent(`#${label}`), /grade 4: 1.*grade 8: 1/);
    assert.equal(await page.locator('#chart rect').count(), 10);

    // The customers to review first: the worst grade first.
    const review = await page.$$eval('#review-body tr', (rows) => rows.map((r) => r.querySelector('th').textContent));
    assert.deepEqual(review, ['Shenzhen Parts', '华东贸易有限公司']);

    // The problems: row 3 (the header is row 1), by the column as the file names it.
    const listed = await page.$$eval('#problems-body tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    assert.deepEqual(listed.map((r) => r.slice(0, 2)), [['3', '行业'], ['3', '国家'], ['3', '总资产']]);
    assert.match(listed[0][2], /^Not one of: agriculture, automotive/);
    assert.match(listed[1][2], /^Not one of: AE, AR, AU/);
    assert.match(listed[2][2], /^Not a number/);

    // The table: every scored row, in file order; sort by score with the mouse, then back
    // with the keyboard.
    assert.equal(await page.getAttribute('#grid', 'aria-rowcount'), '3');
    assert.deepEqual(await gridNames(page), ['华东贸易有限公司', 'Shenzhen Parts']);
    await page.click('button.sort[data-column="score"]');
    await page.waitForFunction(() => document.querySelector('credit-calculator').shadowRoot.querySelector('#grid-body tr:not(.spacer) th')?.textContent === 'Shenzhen Parts');
    assert.equal(await page.getAttribute('th:has(button[data-column="score"])', 'aria-sort'), 'ascending');
    await page.focus('button.sort[data-column="score"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('credit-calculator').shadowRoot.querySelector('#grid-body tr:not(.spacer) th')?.textContent === '华东贸易有限公司');
    assert.equal(await page.getAttribute('th:has(button[data-column="score"])', 'aria-sort'), 'descending');
    const first = await page.$$eval('#grid-body tr:not(.spacer)', (rows) => [...rows[0].children].map((c) => c.textContent));
    assert.deepEqual(first.slice(0, 8), ['2', 'C-001', '华东贸易有限公司', '70.4', '4', '0.25%', 'Approve', 'CN¥165,000.00']);
    await axe(page, 'results, English');
    await assertNoInline(page);

    // The export: a CSV with a byte-order mark, in the table's order.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    assert.equal(download.suggestedFilename(), 'portfolio-results.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    assert.equal(csv.charCodeAt(0), 0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    assert.equal(lines[0], 'row,reference,name,currency,score,grade,pd,band,decision,recommended,bindingMethod,exposure,headroom,expectedLoss,overLimit,review');
    assert.deepEqual(lines.slice(1), [
      '2,C-001,华东贸易有限公司,CNY,70.4,4,0.0025,green,approve,165000.00,workingCapital,180000.00,-15000.00,202.50,yes,yes',
      '5,C-004,Shenzhen Parts,,36.3,8,0.05,red,secureOrPrepay,0.00,workingCapital,0.00,0.00,0.00,no,yes',
    ]);

    // Chinese: every label, the problems and the figures in the language chosen.
    await page.selectOption('#locale', 'zh-CN');
    // The element fetches its own Chinese texts first, then tells the page.
    await page.waitForSelector('html[lang="zh-CN"]');
    assert.equal(await text(page, 'h1'), '客户组合：为每位客户评分并核定额度');
    await expectText(page, '#status', /^完成：[\d.]+ 秒内为 2 位客户评分；1 行有问题。$/);
    const zhProblems = await page.$$eval('#problems-body tr td:last-child', (cells) => cells.map((c) => c.textContent));
    // The allowed industries by the names a cell may hold in Chinese (the policy's).
    assert.match(zhProblems[0], /^必须是以下之一：农业与食品生产、汽车、/);
    // The countries by their Chinese names beside the codes a cell holds.
    assert.match(zhProblems[1], /^必须是以下之一：阿拉伯联合酋长国（AE）、阿根廷（AR）、/);
    assert.match(zhProblems[2], /^不是数字/);
    assert.equal(await text(page, 'th:has(button[data-column="score"]) button'), '评分 ▼');
    assert.equal(await page.$eval('#totals-body tr:first-child th', (c) => c.textContent), '未注明币种');
    await axe(page, 'results, Chinese');
    // The choice is remembered, as on the other pages.
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    assert.equal(await text(page, '#list-title'), '客户清单');
    await page.selectOption('#locale', 'en');

    assertClean(problems);
    assert.deepEqual(offOrigin, []);
    await context.close();
  });

  test('a stray quote, two columns split by semicolons, RMB and a typo for a currency, a name like a formula: every row where it belongs', async () => {
    const { page, context, problems, offOrigin } = await openPage();
    const runPasted = async (csv) => {
      await page.fill('#paste', csv);
      await page.click('#run-paste');
      await waitDone(page);
    };
    const listed = () => page.$$eval('#problems-body tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    const rowNumbers = () => page.$$eval('#grid-body tr:not(.spacer)', (rows) => rows.map((r) => r.children[0].textContent));

    // A quote that does not pair up in row 2: that row is a problem, rows 3–7 keep their
    // numbers and are scored (a CSV reader alone took rows 2–5 into one cell).
    await runPasted('name,termsDays\n"Golden" Foods,30\nB,30\nC,30\nD "x",45\nE,30\nF,30\n');
    await expectText(page, '#status', /Customers scored: 5\. Rows with problems: 1\.$/);
    assert.deepEqual(await rowNumbers(), ['3', '4', '5', '6', '7']);
    assert.deepEqual(await gridNames(page), ['B', 'C', 'D "x"', 'E', 'F']);
    assert.deepEqual((await listed()).map((r) => r.slice(0, 2)), [['2', '—']]);
    assert.equal(await text(page, '#sum-blank'), '0', 'a row left out is not a blank row');

    // The same in a list longer than one read of the file (64 KiB), with a cell over two
    // lines in quotes after it: only row 12 is left out, the two-line cell stays one row,
    // and the last row keeps its number.
    const long = ['reference,name,termsDays'];
    for (let r = 2; r <= 6001; r += 1) {
      long.push(r === 12 ? `R${r},"Golden" Foods,30` : r === 20 ? `R${r},"Room 1\nBuilding 2",30` : `R${r},Customer number ${r},30`);
    }
    // Pasted at once, as a clipboard does (typing 130 KB into the box would take minutes).
    await page.evaluate((csv) => {
      document.querySelector('credit-calculator').shadowRoot.getElementById('paste').value = csv;
    }, `${long.join('\n')}\n`);
    await page.click('#run-paste');
    await waitDone(page);
    await expectText(page, '#status', /Customers scored: 5,999\. Rows with problems: 1\.$/);
    assert.deepEqual((await listed()).map((r) => r.slice(0, 2)), [['12', '—']]);
    assert.equal(await text(page, '#sum-blank'), '0');
    await page.click('button.sort[data-column="row"]');
    await page.waitForFunction(() => document.querySelector('credit-calculator').shadowRoot.querySelector('#grid-body tr:not(.spacer) td')?.textContent === '6,001');

    // Two columns split by semicolons, as Excel saves them (a line break at the end).
    await runPasted('name;termsDays\r\nA;30\r\nB;45\r\n');
    await expectText(page, '#status', /Customers scored: 2\. Rows with problems: 0\.$/);
    assert.deepEqual(await gridNames(page), ['A', 'B']);

    // RMB is CNY (and gets its ceiling, not the need method's billions); QQQ is a problem;
    // a name like a formula is exported as text.
    await runPasted('name,termsDays,expectedAnnualSales,currency\n=HYPERLINK("http://x"),30,9000000000,RMB\nB,30,9000000000,QQQ\nC,30,9000000000,CNY\n');
    await expectText(page, '#status', /Customers scored: 2\. Rows with problems: 1\.$/);
    assert.deepEqual((await listed()).map((r) => r.slice(0, 2)), [['3', 'currency']]);
    const limits = await page.$$eval('#grid-body tr:not(.spacer)', (rows) => rows.map((r) => r.children[7].textContent));
    assert.equal(limits.length, 2);
    assert.equal(limits[0], limits[1], 'RMB gets the CNY ceiling');
    assert.match(limits[0], /^CN¥/);
    const [results] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const csv = readFileSync(await results.path(), 'utf8');
    assert.match(csv, /\n2,,"'=HYPERLINK\(""http:\/\/x""\)",/);
    // The problem list as CSV, in the page's language.
    const [listCsv] = await Promise.all([page.waitForEvent('download'), page.click('#export-problems')]);
    assert.equal(listCsv.suggestedFilename(), 'portfolio-problems.csv');
    const problemsCsv = readFileSync(await listCsv.path(), 'utf8');
    assert.ok(problemsCsv.startsWith('\ufeffRow,Column,Code,Problem\r\n3,currency,NOT_ONE_OF,'), problemsCsv);

    // The element's API, as an intranet page uses mode="portfolio": a company policy set as
    // a property scores the list by its rules, and `credit-result` gives the run's figures.
    await page.evaluate(async () => {
      const calculator = document.querySelector('credit-calculator');
      const policy = JSON.parse(JSON.stringify(await (await fetch('pkg/default-policy.json')).json()));
      policy.version = 'company-7';
      for (const g of policy.limit.byGrade) g.ceiling = '123000';
      window.results = [];
      calculator.addEventListener('credit-result', (e) => window.results.push(e.detail));
      calculator.policy = policy;
    });
    await page.waitForFunction(() => document.querySelector('credit-calculator').shadowRoot.getElementById('policy-name')?.textContent.includes('company-7'));
    await runPasted('name,termsDays,expectedAnnualSales,currency\nA,30,9000000000,CNY\n');
    assert.deepEqual(await gridNames(page), ['A']);
    assert.equal(await page.$eval('#grid-body tr:not(.spacer)', (r) => r.children[7].textContent), 'CN¥123,000.00');
    const events = await page.evaluate(() => window.results);
    assert.equal(events.length, 1);
    assert.equal(events[0].mode, 'portfolio');
    assert.equal(events[0].section, 'portfolio');
    assert.equal(events[0].policyVersion, 'company-7');
    assert.equal(events[0].result.scored, 1);
    assert.equal(events[0].result.totals[0].recommended, '123000.00');

    assertClean(problems);
    assert.deepEqual(offOrigin, []);
    await context.close();
  });

  test("a copy of the site without the worker's own build: the complete engine, fetched once for every run", async () => {
    const { page, context, offOrigin, requests } = await openPage({
      before: (c) => c.route('**/pkg/credit_calculator_portfolio_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not here' })),
    });
    await page.fill('#paste', PASTED);
    await engineReady(page);
    for (let run = 0; run < 2; run++) {
      const done = page.evaluate(() => new Promise((resolve) => {
        const status = document.querySelector('credit-calculator').shadowRoot.getElementById('status');
        new MutationObserver((_, watcher) => {
          if (/^Done in/.test(status.textContent)) {
            watcher.disconnect();
            resolve();
          }
        }).observe(status, { childList: true, characterData: true, subtree: true });
      }));
      await page.click('#run-paste');
      await done;
      await expectText(page, '#status', /Customers scored: 2\. Rows with problems: 1\.$/);
    }
    const wasm = requests.filter((r) => r.endsWith('.wasm')).map((r) => new URL(r.split(' ')[1]).pathname);
    assert.deepEqual(wasm, ['/pkg/credit_calculator_portfolio_bg.wasm', '/pkg/credit_calculator_bg.wasm'], 'its own build tried once, then the complete engine, once');
    assert.deepEqual(offOrigin, []);
    await context.close();
  });

  test('a generated 100,000-row file through the file input: progress, every row scored, the table scrolls to the last; a cancelled run stops', async () => {
    const rows = ['reference,name,termsDays,expectedAnnualSales,openReceivables,daysBeyondTerms,totalAssets,totalLiabilities,currentAssets,currentLiabilities,bookEquity,netIncome,revenue,industry,country,currency'];
    for (let i = 0; i < 100000; i += 1) {
      rows.push(`C${i},Customer ${i},${30 + (i % 4) * 15},${1000000 + i * 13},${(i % 40) * 10000},${i % 60},${9000000 + i},${6000000 + (i % 5000) * 100},${5000000 + 37 * i},4100000,3000000,${380000 - (i % 50) * 20000},21000000,wholesale,CN,CNY`);
    }
    const file = join(dir, 'customers-100k.csv');
    writeFileSync(file, `\ufeff${rows.join('\r\n')}\r\n`);

    const { page, context, problems, offOrigin } = await openPage();
    const seen = { progress: false, cancelShown: false };
    await page.exposeFunction('sawProgress', (value, cancelShown) => {
      if (value > 0) seen.progress = true;
      if (cancelShown) seen.cancelShown = true;
    });
    await page.evaluate(() => {
      const root = document.querySelector('credit-calculator').shadowRoot;
      const progress = root.getElementById('progress');
      new MutationObserver(() => window.sawProgress(Number(progress.value), !root.getElementById('cancel').hidden))
        .observe(root, { subtree: true, attributes: true, childList: true, characterData: true });
    });
    await page.setInputFiles('#file', file);
    await waitDone(page, 120000);
    assert.ok(seen.progress, 'the progress bar moved');
    assert.ok(seen.cancelShown, 'a cancel button was offered while scoring');
    assert.deepEqual(offOrigin, [], 'no request off the origin while 100,000 rows were scored');
    await expectText(page, '#status', /^Done in [\d.]+ s\. Customers scored: 100,000\. Rows with problems: 0\.$/);
    assert.equal(await text(page, '#sum-scored'), '100,000');
    assert.equal(await page.getAttribute('#grid', 'aria-rowcount'), '100001');
    // Only the rows in view are in the page.
    assert.ok((await page.locator('#grid-body tr:not(.spacer)').count()) < 100);
    await page.$eval('#scroll', (s) => {
      s.scrollTop = s.scrollHeight;
    });
    await page.waitForFunction(() => [...document.querySelector('credit-calculator').shadowRoot.querySelectorAll('#grid-body tr:not(.spacer) th')].some((c) => c.textContent === 'Customer 99999'), null, { timeout: 10000 });
    // Sorting a hundred thousand rows in the worker: the largest exposure first.
    await page.click('button.sort[data-column="exposure"]');
    await page.click('button.sort[data-column="exposure"]');
    await page.waitForFunction(() => document.querySelector('credit-calculator').shadowRoot.querySelector('th:has(button[data-column="exposure"])')?.getAttribute('aria-sort') === 'descending'
      && document.querySelector('credit-calculator').shadowRoot.querySelector('#grid-body tr:not(.spacer) td:nth-child(10)')?.textContent === 'CN¥390,000.00', null, { timeout: 20000 });
    await axe(page, '100,000 rows');

    // The same file again, cancelled while it is read.
    await page.setInputFiles('#file', []);
    await page.setInputFiles('#file', file);
    await page.waitForSelector('#cancel:not([hidden])');
    // By keyboard: focus moved to Cancel with the file input disabled, and back after.
    await page.focus('#cancel');
    await page.keyboard.press('Enter');
    await expectText(page, '#status', 'Cancelled. Nothing was kept; open or paste the list again to start over.');
    assert.equal(await page.isHidden('#cancel'), true);
    assert.equal(await page.isHidden('#results'), true);
    assert.equal(await page.isDisabled('#run-paste'), false);
    assert.equal(await page.evaluate(() => document.querySelector('credit-calculator').shadowRoot.activeElement?.id), 'run-paste');

    assertClean(problems);
    assert.deepEqual(offOrigin, []);
    await context.close();
  });
});
