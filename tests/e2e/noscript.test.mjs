// Browser end-to-end: a browser with JavaScript off (a locked-down intranet browser, say) gets
// each of our pages' one sentence on why it shows nothing, in English and in Chinese, instead
// of an empty page; and no request beyond the page's own files.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness } from './harness.mjs';

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

describe('JavaScript off', () => {
  test('the deal check, the quote page and the portfolio page say they need it, in both languages', async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const offOrigin = [];
    page.on('request', (req) => {
      if (new URL(req.url()).origin !== h.origin) offOrigin.push(req.url());
    });
    for (const [path, en, zh] of [
      ['', /in your browser and needs JavaScript\.$/, /需要启用 JavaScript。$/],
      ['quote.html', /works out your premium in your browser and needs JavaScript\.$/, /估算保费，需要启用 JavaScript。$/],
      ['portfolio.html', /scores your customers in your browser and needs JavaScript\.$/, /为客户评分，需要启用 JavaScript。$/],
    ]) {
      await page.goto(new URL(path, h.url).href);
      const shown = page.locator('noscript p');
      assert.equal(await shown.count(), 2, `${path || 'index.html'}: two sentences`);
      assert.ok(await shown.nth(0).isVisible(), `${path || 'index.html'}: shown`);
      assert.match(await shown.nth(0).innerText(), en);
      assert.match(await shown.nth(1).innerText(), zh);
      assert.equal(await shown.nth(1).getAttribute('lang'), 'zh-CN');
    }
    assert.deepEqual(offOrigin, []);
    await context.close();
  });
});
