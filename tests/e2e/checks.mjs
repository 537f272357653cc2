// Checks every browser end-to-end test makes, shared so that each test file keeps only
// what is its own: what the page must never do (requests off its origin, console errors,
// CSP violations, inline style or script, sideways scrolling) and axe-core's verdict.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

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

/** No element carries a style attribute, no <style> element, no inline script (shadow roots included). */
export async function assertNoInline(page) {
  const inline = await page.evaluate(() => {
    const roots = [document];
    for (let i = 0; i < roots.length; i += 1) {
      for (const node of roots[i].querySelectorAll('*')) if (node.shadowRoot) roots.push(node.shadowRoot);
    }
    const count = (sel) => roots.reduce((n, r) => n + r.querySelectorAll(sel).length, 0);
    return { styleAttributes: count('[style]'), styleElements: count('style'), inlineScripts: count('script:not([src])') };
  });
  assert.deepEqual(inline, { styleAttributes: 0, styleElements: 0, inlineScripts: 0 });
}

export async function assertNoSidewaysScroll(page, label) {
  const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(w.scroll <= w.client, `no sideways scrolling (${label}): ${w.scroll} > ${w.client}`);
}

/**
 * The text a reader sees (innerText). A deal-check section far out of view skips rendering
 * (content-visibility: auto), and innerText of unrendered text is empty, so such a section
 * is scrolled into view first, as a reader would.
 */
export async function text(page, sel) {
  return page.locator(sel).evaluate(async (n) => {
    const card = n.closest('.card');
    // Text a reader would see once scrolled to: bring it into view until it is rendered
    // (a loaded machine may take several frames), then read it.
    for (let i = 0; card && i < 120 && !n.innerText && n.textContent.trim(); i += 1) {
      n.scrollIntoView({ block: 'nearest' });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 10)));
    }
    return n.innerText;
  });
}

/** Waits (up to 5 s) until the element's text is `expected`, then asserts it (pierces shadow roots). */
export async function expectText(page, sel, expected) {
  const matches = (t) => (expected instanceof RegExp ? expected.test(t) : t.trim() === expected);
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const actual = await page.locator(sel).first().textContent({ timeout: 1000 }).catch(() => null);
    if (actual !== null && matches(actual)) break;
    await page.waitForTimeout(25);
  }
  const actual = (await text(page, sel)).trim();
  if (expected instanceof RegExp) assert.match(actual, expected, sel);
  else assert.equal(actual, expected, sel);
}

/** The text of every page of a PDF Chromium printed (read with pdf.js), white space folded. */
export async function pdfText(pdf) {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  let all = '';
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    all += `${content.items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('')}\n`;
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text: all.replace(/\s+/g, ' ') };
}

/**
 * Picks a language in the calculator's toolbar and waits until the page shows it: the first
 * switch to Chinese fetches its texts (www/app/*.zh.js) before anything changes, as a person
 * would see the page change a moment after choosing.
 */
export async function chooseLocale(page, locale) {
  await page.selectOption('#locale', locale);
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}
