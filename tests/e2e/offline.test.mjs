// Browser end-to-end: offline use. The site is copied into a temporary folder and served from
// there by its own server (the same serve() with the same CSP), so that the test can deploy a
// new version without touching www/. One browser context goes through what a salesperson's
// browser does: a first visit (with `?sw`, as the worker is off on loopback unless asked for),
// then the network off: the deal check answers, the quote page gives a premium range, the
// portfolio page scores a list, and the engine's fresh-instance import after a trap still
// loads; not one request reaches the server. Back online, a changed file and a rebuilt
// manifest: the next visit installs the new version in the background, downloading only the
// changed file, and offers it with a Reload button (the visit after shows it anyway). Last, `?sw=off` removes the worker and its
// caches, and a loopback page without `?sw` registers none (what `npm start` and the other
// e2e tests see).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writePrecacheManifest } from '../../scripts/build.mjs';
import { root } from '../../scripts/lib/setup.mjs';
import { CSP, serve } from '../../scripts/serve.mjs';
import { startHarness } from './harness.mjs';
import { assertClean, expectText } from './checks.mjs';

const CACHE_PREFIX = 'credit-calculator-precache-';
const OLD_TAGLINE = 'Deal check for B2B trade credit: exact figures, worked out in your browser.';
const NEW_TAGLINE = 'Deal check for B2B trade credit, version two: exact figures, worked out in your browser.';

// The list the portfolio test pastes (its second vector case), trimmed to two customers.
const PASTED = [
  '客户名称;客户编号;账期天数;预计年销售额;应收账款余额;总资产;总负债;流动资产;流动负债;所有者权益;净利润;营业收入;行业;国家;成立日期;平均逾期天数;币种',
  '华东贸易有限公司;C-001;60;2400000;180000;9800000;6500000;5200000;4100000;3300000;380000;21000000;批发贸易;CN;2015-03-01;12;CNY',
  'Shenzhen Parts;C-004;45;900000;;2000000;1500000;800000;900000;500000;-20000;3000000;electronics;cn;2019/3/1;40;',
].join('\n');

let h;
let dir;
let site;
let manifest;
/** Every path the temporary site's server was asked for since the last reset. */
let served = [];

before(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'offline-e2e-'));
  cpSync(join(root, 'www'), dir, { recursive: true });
  manifest = writePrecacheManifest(dir); // what `npm run build` writes, for this copy
  site = await serve({ dir, port: 0, quiet: true });
  site.server.on('request', (req) => served.push(req.url));
});
after(async () => {
  await h?.close();
  if (site) await new Promise((resolve) => site.server.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const at = (path) => new URL(path, site.url).href;
const ready = (page) => page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });

/** The worker's state as the page sees it. */
function workerState(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return {
      controlled: Boolean(navigator.serviceWorker.controller),
      registered: Boolean(registration),
      settled: Boolean(registration?.active?.state === 'activated' && !registration.installing && !registration.waiting),
      caches: (await caches.keys()).sort(),
    };
  });
}

/** Polls until `ok(state)`, or fails with the last state seen. */
async function waitForWorker(page, ok, what, timeout = 20000) {
  const deadline = Date.now() + timeout;
  let state;
  while (Date.now() < deadline) {
    state = await workerState(page);
    if (ok(state)) return state;
    await page.waitForTimeout(50);
  }
  assert.fail(`${what}: last seen ${JSON.stringify(state)}`);
}

describe('offline use (service worker)', () => {
  let page;
  let context;
  let problems;

  test('the first visit installs the worker, which precaches every file of the manifest', async () => {
    ({ page, context, problems } = await h.open('?sw', { base: site.url, locale: 'en-GB' }));
    await ready(page);
    const state = await waitForWorker(page, (s) => s.controlled && s.settled, 'the worker controls the page');
    assert.deepEqual(state.caches, [`${CACHE_PREFIX}${manifest.version}`], 'one cache, named after the manifest');
    const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), state.caches[0]);
    assert.deepEqual(cached.map((u) => new URL(u).pathname.slice(1)).sort(), Object.keys(manifest.files).sort());
    for (const must of ['index.html', 'quote.html', 'portfolio.html', 'pkg/credit_calculator_bg.wasm', 'pkg/credit_calculator_deal_bg.wasm', 'pkg/credit_calculator_quote_bg.wasm', 'pkg/credit_calculator_portfolio_bg.wasm', 'app/app.js', 'app/engine.js', 'app/quote-page.js', 'app/portfolio.js', 'app/portfolio-worker.js', 'app/credit-calculator.js']) {
      assert.ok(manifest.files[must], `${must} is precached`);
    }
    // The pages run bundles only: the sources in js/ and parts/ are not downloaded again.
    assert.deepEqual(Object.keys(manifest.files).filter((f) => /^(js|parts)\//.test(f)), []);
    assert.equal(manifest.files['sw.js'], undefined, 'the worker itself is never precached');
    assertClean(problems);
  });

  test('with the network off: the deal check answers, the quote page and the portfolio page work', async () => {
    served = [];
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    assert.equal((await workerState(page)).controlled, true);
    // The cached pages keep the server's headers: the same strict CSP applies offline.
    const headers = await page.evaluate(async () => {
      const r = await fetch('index.html');
      return { csp: r.headers.get('content-security-policy'), type: r.headers.get('content-type') };
    });
    assert.equal(headers.csp, CSP);
    assert.match(headers.type, /^text\/html/);

    // The deal check, typed as during a call: the discount in money and the score.
    await page.locator('#invoiceAmount').pressSequentially('12,500.50');
    await page.selectOption('#currency', 'EUR');
    await page.locator('#invoiceDate').fill('2024-02-20');
    await expectText(page, '#discountAmount', '€250.01');
    await expectText(page, '#score-value', '50.0');
    await page.locator('#score-asOf').fill('2026-11-22');
    await page.locator('#score-foundedOn').fill('2020-05-01');
    await page.locator('#score-employees').pressSequentially('45');
    await page.selectOption('#score-industry', 'wholesale');
    await page.selectOption('#score-country', 'CN');
    await expectText(page, '#score-value', '72.9');

    // After a trap engine.js imports the glue again with ?instance=N: that works offline too.
    const fresh = await page.evaluate(async () => {
      const mod = await import(new URL('pkg/credit_calculator.js?instance=7', document.baseURI).href);
      await mod.default({ module_or_path: new URL('pkg/credit_calculator_bg.wasm', document.baseURI) });
      return typeof mod.defaultPolicy().version;
    });
    assert.equal(fresh, 'string', 'a fresh engine instance started offline');

    // The quote page, opened for the first time with the network off: the UK broker example.
    await page.goto(at('quote.html'));
    await ready(page);
    await page.selectOption('#q-currency', 'GBP');
    await page.locator('#q-turnover').pressSequentially('2000000');
    await page.selectOption('#q-sector', 'wholesale');
    await page.selectOption('#q-buyers', '21-100');
    await page.selectOption('#q-terms', '60');
    await page.locator('#q-losses').pressSequentially('6000');
    await page.selectOption('#q-country', 'GB');
    await expectText(page, '#premium-range', '£4,687.50 – £7,812.50');

    // The portfolio page: its module worker, the CSV parser and the engine from the cache.
    await page.goto(at('portfolio.html'));
    await ready(page);
    await page.fill('#asOf', '2026-11-22');
    await page.fill('#paste', PASTED);
    await page.click('#run-paste');
    await page.waitForFunction(() => !document.querySelector('credit-calculator').shadowRoot.getElementById('results').hidden, null, { timeout: 20000 });
    await expectText(page, '#status', /^Done in [\d.]+ s\. Customers scored: 2\./);

    assert.deepEqual(served, [], 'not one request reached the server');
    assertClean(problems);
    await context.setOffline(false);
  });

  test('a new deployment: installed during the next visit, only the changed file downloaded, offered there with a Reload button', async () => {
    // The deal check's bundle (built from www/js/, the page's one script besides the engine's).
    const bundle = join(dir, 'app', 'app.js');
    const before = readFileSync(bundle, 'utf8');
    assert.ok(before.includes(OLD_TAGLINE));
    writeFileSync(bundle, before.replace(OLD_TAGLINE, NEW_TAGLINE));
    const next = writePrecacheManifest(dir);
    assert.notEqual(next.version, manifest.version, 'a changed file is a new manifest version');
    assert.deepEqual(Object.keys(next.files).filter((f) => next.files[f] !== manifest.files[f]), ['app/app.js']);

    served = [];
    await page.goto(site.url); // the next visit: `?sw` is remembered, the query is not needed
    await ready(page);
    const state = await waitForWorker(page, (s) => s.settled && s.caches.join() === `${CACHE_PREFIX}${next.version}`,
      'the new version installed and the old cache deleted');
    assert.equal(state.controlled, true);
    const fetched = [...new Set(served.map((u) => new URL(u, site.url).pathname))].sort();
    assert.deepEqual(fetched, ['/app/app.js', '/precache-manifest.js', '/sw.js'],
      'the update check, then only the changed file: the others came from the old cache by their hashes');

    // The visit goes on with the old version, and says a new one is ready: in the page's
    // language, as a status, with a button a keyboard reaches.
    await expectText(page, '#update-notice span', 'A new version of this page is ready.');
    assert.equal(await page.getAttribute('#update-notice', 'role'), 'status');
    await expectText(page, '.tagline', OLD_TAGLINE);
    await page.selectOption('#locale', 'zh-CN');
    await expectText(page, '#update-notice span', '此页面已有新版本。');
    await expectText(page, '#update-notice button:not(.later)', '重新加载');
    await expectText(page, '#update-notice button.later', '稍后');
    await page.selectOption('#locale', 'en');
    await page.focus('#update-notice button:not(.later)');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await ready(page);
    await expectText(page, '.tagline', NEW_TAGLINE);
    assert.equal(await page.$('#update-notice'), null, 'the new version has nothing to offer');

    // And the new version is what works offline now.
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await expectText(page, '.tagline', NEW_TAGLINE);
    await context.setOffline(false);
    assertClean(problems);
  });

  test('?sw=off removes the worker and its caches; on loopback a page without ?sw registers none', async () => {
    await page.goto(at('?sw=off'));
    await ready(page);
    await waitForWorker(page, (s) => !s.registered && s.caches.length === 0, 'the worker and its caches are gone');
    await page.goto(site.url);
    await ready(page);
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    assert.deepEqual(await workerState(page), { controlled: false, registered: false, settled: false, caches: [] });
    assertClean(problems);
    await context.close();

    // A fresh browser, as in `npm start` and every other e2e test: no worker on loopback.
    const fresh = await h.open('', { base: site.url });
    await ready(fresh.page);
    await fresh.page.waitForLoadState('load');
    await fresh.page.waitForTimeout(300);
    assert.equal((await workerState(fresh.page)).registered, false);
    assertClean(fresh.problems);
    await fresh.context.close();
  });
});
