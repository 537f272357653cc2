// <credit-calculator> as an intranet page embeds it: a host page of its own, under a strict
// CSP, with the calculator's files under a sub-path (/intranet/apps/credit/). Every mode in
// both languages with axe; events and properties for the host's script; no CSS or globals in
// or out; one engine for several instances; and the deal check's share link, summary, clear,
// company policy, reload and a trapped engine, as a salesperson meets them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import sirv from 'sirv';
import { root } from '../../scripts/lib/setup.mjs';
import { CSP } from '../../scripts/serve.mjs';
import { startHarness } from './harness.mjs';
import { assertClean, assertNoInline, axe, expectText, text } from './checks.mjs';

const PREFIX = '/intranet/apps/credit';
const MODES = ['deal', 'score', 'limit', 'terms', 'insurance', 'overdue', 'discount', 'quote'];
const XSS = '<img src=x onerror=alert(1)>';

const HOST_JS = `
window.events = [];
for (const type of ['credit-result', 'credit-error', 'credit-locale']) {
  document.addEventListener(type, (e) => window.events.push({
    type, target: e.target.id, section: e.detail.section ?? null, code: e.detail.error?.code ?? null,
    policyVersion: e.detail.policyVersion ?? null, locale: e.detail.locale ?? null,
  }));
}
`;
// The host page's own CSS tries to reach in; the element's must not reach out.
const HOST_CSS = `
* { color: rgb(150, 0, 0) !important; font-family: serif !important; }
input { display: none !important; }
.button { border: 7px solid rgb(0, 255, 0); }
`;

function hostPage(params) {
  const mode = params.get('mode') ?? 'deal';
  const attrs = [`id="calc"`, `mode="${mode}"`];
  for (const name of ['locale', 'currency', 'policy-src', 'storage-key']) {
    if (params.get(name)) attrs.push(`${name}="${params.get(name)}"`);
  }
  if (params.has('share-link')) attrs.push('share-link');
  const second = params.get('second') ? `<credit-calculator id="calc2" mode="${params.get('second')}" storage-key="second"></credit-calculator>` : '';
  // The unbundled element, or (`bundle`) app/credit-calculator.js, the one the README embeds.
  const src = params.has('bundle') ? `${PREFIX}/app/credit-calculator.js` : `${PREFIX}/js/credit-calculator.js`;
  const script = params.has('bare') ? '' : `<script type="module" src="${src}"></script>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Intranet host</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/host.css">
${script}
<script type="module" src="/host.js"></script>
</head><body><main><h1>Our intranet</h1><p class="button">A host element with the class .button</p>
<credit-calculator ${attrs.join(' ')}></credit-calculator>${second}</main></body></html>`;
}

function startHostServer() {
  const www = sirv(join(root, 'www'), { dev: true });
  const server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    const u = new URL(req.url, 'http://x');
    const send = (type, body) => {
      res.setHeader('Content-Type', type);
      res.end(body);
    };
    if (u.pathname.startsWith(`${PREFIX}/`)) {
      req.url = req.url.slice(PREFIX.length);
      return www(req, res, () => {
        res.statusCode = 404;
        res.end('Not found');
      });
    }
    if (u.pathname === '/host.html') return send('text/html; charset=utf-8', hostPage(u.searchParams));
    if (u.pathname === '/host.js') return send('text/javascript', HOST_JS);
    if (u.pathname === '/host.css') return send('text/css', HOST_CSS);
    if (u.pathname === '/policies/acme.json') return send('application/json', readFileSync(join(root, 'www/examples/acme-policy.json')));
    if (u.pathname === '/policies/bad.json') {
      return send('application/json', JSON.stringify({ version: 'bad-1', terms: { costOfCapital: '-1' }, grades: 'none' }));
    }
    res.statusCode = 404;
    return res.end('Not found');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

let h;
let host;
before(async () => {
  h = await startHarness();
  host = await startHostServer();
});
after(async () => {
  await h.close();
  await new Promise((resolve) => host.server.close(resolve));
});

const open = (query, options = {}) => h.open(`host.html?${query}`, { base: host.url, ...options });
const ready = (page, id = 'calc') => page.waitForSelector(`#${id}[data-ready="true"]`, { timeout: 15000 });
const events = (page) => page.evaluate(() => window.events);

describe('<credit-calculator> embedded in an intranet page', () => {
  for (const mode of MODES) {
    test(`mode="${mode}" under a sub-path and a strict CSP, in English and Chinese, axe clean`, async () => {
      const { page, context, problems } = await open(`mode=${mode}&locale=en`);
      await ready(page);
      const title = mode === 'quote' ? /./ : /Customer score|Credit terms|Overdue|Early-payment|Credit limit/;
      assert.match(await page.locator('#calc h2').first().innerText(), title);
      if (mode !== 'overdue' && mode !== 'quote') {
        await page.waitForFunction(() => window.events.some((e) => e.type === 'credit-result'), null, { timeout: 5000 }).catch(() => {});
      }
      const seen = await events(page);
      // An overdue customer needs invoices, and a quote its first answers, before there is anything to work out.
      if (mode !== 'overdue' && mode !== 'quote') assert.ok(seen.some((e) => e.type === 'credit-result' && e.target === 'calc'), `a credit-result event in mode ${mode}`);
      // Only "required" (insurance asks for the sales to insure) on an untouched form.
      assert.deepEqual(seen.filter((e) => e.type === 'credit-error' && e.code !== 'REQUIRED'), [], 'no other credit-error on an untouched form');
      await axe(page, `${mode}, English`);
      await assertNoInline(page);
      // Switch language with the element's own control.
      await page.locator('#calc #locale').selectOption('zh-CN');
      await page.waitForFunction(() => window.events.some((e) => e.type === 'credit-locale' && e.locale === 'zh-CN'));
      assert.match(await page.locator('#calc #locale').evaluate((s) => s.labels[0].textContent), /语言/);
      await axe(page, `${mode}, Chinese`);
      assertClean(problems);
      await context.close();

      // The locale attribute alone gives Chinese from the start.
      const zh = await open(`mode=${mode}&locale=zh-CN`);
      await ready(zh.page);
      assert.equal(await zh.page.locator('#calc #locale').inputValue(), 'zh-CN');
      assert.match(await zh.page.locator('#calc .lang-switch label').innerText(), /语言/);
      assertClean(zh.problems);
      await zh.context.close();
    });
  }

  test('the bundled element in Chinese fetches the Chinese texts of its own mode only', async () => {
    // Every mode's texts are in app/credit-calculator.js; each language file is not.
    const cases = [
      ['quote', ['i18n.zh.js', 'quote-i18n.zh.js'], /[\u4e00-\u9fff]/],
      ['deal', ['i18n.zh.js', 'i18n-sections.zh.js', 'letter-i18n.zh.js', 'report-i18n.zh.js'], /客户评分|信用/],
    ];
    for (const [mode, files, heading] of cases) {
      const { page, context, problems } = await h.open('about:blank', { base: host.url });
      const fetched = [];
      page.on('response', (r) => {
        const name = new URL(r.url()).pathname.split('/').pop();
        if (name.endsWith('.zh.js')) fetched.push(name);
      });
      await page.goto(new URL(`host.html?mode=${mode}&locale=zh-CN&bundle`, host.url).href);
      await ready(page);
      assert.match(await page.locator('#calc h2').first().innerText(), heading, `${mode}: its heading in Chinese`);
      assert.deepEqual([...new Set(fetched)].sort(), [...files].sort(), `${mode}: the Chinese files fetched`);
      assertClean(problems);
      await context.close();
    }
  });

  test('no CSS in or out, no globals, one engine for two instances', async () => {
    // The same host page without the calculator: what the browser and the test put on window.
    const bare = await open('bare');
    await bare.page.waitForFunction(() => Array.isArray(window.events));
    const baseline = new Set(await bare.page.evaluate(() => Object.getOwnPropertyNames(window)));
    await bare.context.close();

    const { page, context, problems } = await open('mode=score&second=terms');
    await ready(page);
    await ready(page, 'calc2');
    // The host's `* { color: red !important }` and `input { display: none }` stay outside.
    const inside = await page.locator('#calc label[for="score-name"]').evaluate((n) => getComputedStyle(n).color);
    assert.notEqual(inside, 'rgb(150, 0, 0)');
    assert.equal(await page.locator('#calc #score-name').isVisible(), true);
    // The element's `.button` rule does not restyle the host's .button, and the host's does not reach in.
    assert.equal(await page.locator('main > p.button').evaluate((n) => getComputedStyle(n).borderTopWidth), '7px');
    assert.notEqual(await page.locator('#calc2 .button').first().evaluate((n) => getComputedStyle(n).borderTopWidth), '7px');
    const added = (await page.evaluate(() => Object.getOwnPropertyNames(window))).filter((k) => !baseline.has(k));
    assert.deepEqual(added, [], 'no globals');
    const engine = await page.evaluate(() => ({
      downloads: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length,
      starts: performance.getEntriesByName('engine-start').length,
    }));
    assert.deepEqual(engine, { downloads: 1, starts: 1 }, 'one engine for two instances');
    assertClean(problems);
    await context.close();
  });

  test('events and properties for the host page’s script: input, results, policy', async () => {
    const { page, context, problems } = await open('mode=limit&storage-key=props');
    await ready(page);
    await page.locator('#calc #score-name').fill('ACME Trading');
    await page.locator('#calc #limit-sales').fill('1825000');
    await page.waitForFunction(() => JSON.stringify(document.getElementById('calc').input).includes('1825000'));
    const state = await page.evaluate(() => document.getElementById('calc').input);
    assert.ok(state.score && state.limit, 'input holds the score and limit sections of mode="limit"');
    // Setting input re-renders with it; results carry the engine's objects.
    await page.evaluate((s) => {
      document.getElementById('calc').input = s;
    }, JSON.parse(JSON.stringify(state).replace('ACME Trading', 'Beta Ltd')));
    await expectText(page, '#calc #score-name', '');
    assert.equal(await page.locator('#calc #score-name').inputValue(), 'Beta Ltd');
    await page.waitForFunction(() => document.getElementById('calc').results.score?.outcome?.ok);
    const result = await page.evaluate(() => document.getElementById('calc').results.score.outcome.value);
    assert.equal(result.profile.name, 'Beta Ltd');
    assert.equal(result.policyVersion, '2026.11.1');
    // A bad policy: credit-error with every problem and its path; the policy in use stays.
    const accepted = await page.evaluate(() => {
      const calc = document.getElementById('calc');
      calc.policy = { version: 'bad-1', terms: { costOfCapital: '-1' } };
      return new Promise((resolve) => setTimeout(() => resolve(calc.policy), 300));
    });
    assert.equal(accepted, null);
    const bad = (await events(page)).filter((e) => e.type === 'credit-error' && e.section === 'policy');
    assert.equal(bad.at(-1).code, 'INVALID_POLICY');
    assert.match(await page.locator('#calc #policy-errors').innerText(), /terms\.costOfCapital/);
    // A good one: every section's result now comes from it.
    await page.evaluate(() => {
      document.getElementById('calc').policy = { version: 'scripted-7', limit: { roundingStep: '5000' } };
    });
    await page.waitForFunction(() => window.events.some((e) => e.type === 'credit-result' && e.section === 'limit' && e.policyVersion === 'scripted-7'));
    assert.match(await text(page, '#calc #policy-name'), /scripted-7/);
    assertClean(problems);
    await context.close();
  });

  test('policy-src attribute, same origin only; a policy file with problems lists each with its path', async () => {
    const { page, context, problems } = await open('mode=terms&policy-src=/policies/acme.json&storage-key=pol');
    await ready(page);
    await page.waitForFunction(() => window.events.some((e) => e.type === 'credit-result' && e.policyVersion === 'acme-2026.2'));
    assert.match(await text(page, '#calc #policy-name'), /ACME Trading credit policy acme-2026\.2/);
    // The panel: an off-origin address is refused without a request.
    await page.locator('#calc #policy-panel summary').click();
    await page.locator('#calc #policy-url').fill('https://example.com/policy.json');
    await page.locator('#calc #policy-url-form button').click();
    await expectText(page, '#calc #policy-errors', /Only a policy on this site is read/);
    // A file with problems.
    await page.locator('#calc #policy-file').setInputFiles({
      name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ version: 'x', terms: { costOfCapital: '-1' }, grades: 'none' })),
    });
    await expectText(page, '#calc #policy-status', /cannot be used: 2 problem/);
    const listed = await page.locator('#calc #policy-errors li code').allInnerTexts();
    assert.deepEqual(listed.sort(), ['grades', 'terms.costOfCapital']);
    // Not JSON at all.
    await page.locator('#calc #policy-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
    await expectText(page, '#calc #policy-errors', /not JSON/);
    // Back to the default.
    await page.locator('#calc #policy-default').click();
    await expectText(page, '#calc #policy-name', /default 2026\.11\.1/);
    assert.deepEqual(problems.offOrigin, []);
    assertClean(problems);
    await context.close();
  });
});

describe('the deal check as a salesperson uses it', () => {
  async function typeDeal(page, name = 'ACME Trading') {
    await page.locator('#score-name').fill(name);
    await page.locator('#limit-sales').fill('1825000');
    await page.locator('#limit-requestedAmount').fill('50000');
    await page.waitForSelector('credit-calculator[data-insurance-ready="true"]');
    await expectText(page, '#limit-amount', /\d/);
  }

  test('a full deal check: copy summary and copy link; the link opens the same deal elsewhere', async () => {
    const { page, context, problems } = await h.open('', { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.waitForSelector('html[data-ready="true"]');
    await typeDeal(page, XSS);
    const limit = await text(page, '#limit-amount');
    const score = await text(page, '#score-value');
    await page.locator('#copy-summary').click();
    await expectText(page, '#tool-status', /Summary copied/);
    const summary = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(summary, /^Credit check: <img src=x onerror=alert\(1\)> \(as of /);
    assert.ok(summary.includes(limit), `summary has the limit ${limit}:\n${summary}`);
    assert.match(summary, /Score [\d.]+\/100, grade \d+ of 10/);
    assert.match(summary, /Credit policy: default 2026\.11\.1/);
    assert.equal(await page.locator('credit-calculator img').count(), 0, 'the name is never markup');

    await page.locator('#copy-link').click();
    await expectText(page, '#tool-status', /Link copied/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const u = new URL(link);
    assert.equal(u.search, '', 'nothing in the query string');
    assert.match(u.hash, /^#deal=[\w-]+$/);
    assert.ok(!link.includes('ACME') && !link.includes('img'), 'the fragment is packed, not plain text');
    assertClean(problems);
    await context.close();

    // A colleague opens the link in a browser with nothing saved.
    const other = await h.open(link.replace(h.url, ''));
    await other.page.waitForSelector('html[data-ready="true"]');
    await other.page.waitForSelector('credit-calculator[data-limit-ready="true"]');
    assert.equal(await other.page.locator('#score-name').inputValue(), XSS);
    await expectText(other.page, '#limit-amount', limit);
    assert.equal(await text(other.page, '#score-value'), score);
    assert.equal(new URL(other.page.url()).hash, '', 'the fragment leaves the address bar once read');
    await expectText(other.page, '#tool-status', /Opened from a shared link/);
    assertClean(other.problems);
    await other.context.close();

    // A damaged link: a message, and the page works.
    const broken = await h.open('#deal=AAAA-not-a-link');
    await broken.page.waitForSelector('html[data-ready="true"]');
    await expectText(broken.page, '#tool-status', /could not be read/);
    assertClean(broken.problems);
    await broken.context.close();
  });

  test('a reload restores everything; Clear asks first, then empties every section', async () => {
    const { page, context, problems } = await h.open();
    await page.waitForSelector('html[data-ready="true"]');
    await typeDeal(page);
    const limit = await text(page, '#limit-amount');
    await page.reload();
    await page.waitForSelector('credit-calculator[data-limit-ready="true"]');
    assert.equal(await page.locator('#score-name').inputValue(), 'ACME Trading');
    await expectText(page, '#limit-amount', limit);
    // Dismissed: nothing is cleared.
    page.once('dialog', (d) => d.dismiss());
    await page.locator('#clear-all').click();
    assert.equal(await page.locator('#score-name').inputValue(), 'ACME Trading');
    page.once('dialog', (d) => d.accept());
    await page.locator('#clear-all').click();
    await expectText(page, '#tool-status', /Cleared/);
    assert.equal(await page.locator('#score-name').inputValue(), '');
    assert.equal(await page.locator('#limit-sales').inputValue(), '');
    assertClean(problems);
    await context.close();
  });

  test('a trapped engine: the section says so, the entries stay, the next keystroke works again', async () => {
    const { page, context, problems } = await h.open();
    // Make the engine's glue throw a RuntimeError (what a wasm trap is) for one customer name.
    await page.route('**/pkg/credit_calculator.js*', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        /export function scoreCustomer\((\w+), (\w+)\) \{/,
        'export function scoreCustomer($1, $2) { if ($1?.profile?.name === "TRAP") throw new WebAssembly.RuntimeError("unreachable");',
      );
      assert.match(body, /WebAssembly\.RuntimeError/, 'the glue was patched');
      await route.fulfill({ response, body });
    });
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    await page.locator('#score-name').fill('TRAP');
    await expectText(page, '#score-status', /stopped unexpectedly and has been restarted/);
    assert.equal(await page.locator('#score-name').inputValue(), 'TRAP');
    await page.locator('#score-name').fill('ACME');
    await expectText(page, '#score-status', /^(?![\s\S]*stopped unexpectedly)/);
    await expectText(page, '#score-value', /\d/);
    const starts = await page.evaluate(() => performance.getEntriesByName('engine-start').length);
    assert.equal(starts, 2, 'a fresh engine instance after the trap');
    assertClean(problems);
    await context.close();
  });
});
