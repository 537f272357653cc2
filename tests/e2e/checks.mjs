// Checks every browser end-to-end test makes, shared so that each test file keeps only
// what is its own: what the page must never do (requests off its origin, console errors,
// CSP violations, inline style or script, sideways scrolling) and axe-core's verdict.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';

export function assertClean(problems) {
  assert.deepEqual(problems.offOrigin, [], 'requests off the page origin');
  assert.deepEqual(problems.consoleErrors, [], 'console errors or warnings (CSP violations show here)');
  assert.deepEqual(problems.pageErrors, [], 'uncaught page errors');
}

export async function axe(page, label) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations (${label})`);
}

/** No element carries a style attribute, no <style> element, no inline script. */
export async function assertNoInline(page) {
  const inline = await page.evaluate(() => ({
    styleAttributes: document.querySelectorAll('[style]').length,
    styleElements: document.querySelectorAll('style').length,
    inlineScripts: document.querySelectorAll('script:not([src])').length,
  }));
  assert.deepEqual(inline, { styleAttributes: 0, styleElements: 0, inlineScripts: 0 });
}

export async function assertNoSidewaysScroll(page, label) {
  const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(w.scroll <= w.client, `no sideways scrolling (${label}): ${w.scroll} > ${w.client}`);
}

export const text = (page, sel) => page.locator(sel).innerText();

/** Waits (up to 5 s) until the element's text is `expected`, then asserts it. */
export async function expectText(page, sel, expected) {
  await page
    .waitForFunction(
      ([s, e]) => {
        const node = document.querySelector(s);
        return node && (e instanceof RegExp ? e.test(node.textContent) : node.textContent.trim() === e);
      },
      [sel, expected],
      { timeout: 5000 },
    )
    .catch(() => {});
  const actual = (await text(page, sel)).trim();
  if (expected instanceof RegExp) assert.match(actual, expected, sel);
  else assert.equal(actual, expected, sel);
}

