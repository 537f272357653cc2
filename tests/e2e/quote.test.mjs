// Browser end-to-end: the public quote page (quote.html), which is <credit-calculator
// mode="quote"> in a page shell, used as a prospect would: on a phone and on a laptop, typing
// key by key, both languages, a wrong answer, a reload, the keyboard only. The figures are the
// engine's golden vector "UK broker example 1" (tests/vectors/estimate_premium.json): £2m
// wholesale, UK buyers, 60 days, 21–100 buyers, £6,000 average yearly losses, policyholder in
// the UK → £6,250 in a £4,687.50–£7,812.50 range, £7,000 with 12 % IPT. Every test also checks
// that nothing leaves the origin, the console stays clean, no element has a style attribute
// and no script is inline. The calculator lives in the element's open shadow root: Playwright's
// CSS locators reach into it; code run in the page goes through `shadowRoot` and `deepActive`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { startHarness } from './harness.mjs';
import { assertClean, axe, assertNoInline, assertNoSidewaysScroll, expectText, text as innerText, chooseLocale } from './checks.mjs';

const PHONE = { width: 375, height: 740 };
const LAPTOP = { width: 1280, height: 900 };
const STORE_KEY = 'credit-calculator:quote:v1';

const vectors = JSON.parse(readFileSync(new URL('../vectors/estimate_premium.json', import.meta.url), 'utf8'));
const UK = vectors.cases[0];
assert.match(UK.name, /^UK broker example 1/, 'the vector this file is built on');

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

async function openQuote({ viewport = PHONE, locale = 'en-GB' } = {}) {
  const opened = await h.open('quote.html', { viewport, locale });
  await ready(opened.page);
  return opened;
}

/** The page has marked itself ready and the quote section has answered at least once. */
async function ready(page) {
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  await page.waitForSelector('credit-calculator[data-quote-ready="true"]', { state: 'attached', timeout: 15000 });
}

/** What every test ends with. */
async function assertSound(page, problems) {
  await assertNoInline(page);
  assertClean(problems);
}

/** Every visible control and link, in the page and in the shadow root, is at least 44px high (a radio's target is its whole label). */
async function assertTapTargets(page, label) {
  const small = await page.evaluate(() => {
    const roots = [document, document.querySelector('credit-calculator').shadowRoot];
    return roots.flatMap((root) => [...root.querySelectorAll('a[href], button, select, input:not([type="radio"]), label.choice-option, summary')])
      .filter((node) => {
        const r = node.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(node).visibility !== 'hidden';
      })
      .map((node) => ({ what: node.id || node.className || node.tagName, height: node.getBoundingClientRect().height }))
      .filter((x) => x.height < 44);
  });
  assert.deepEqual(small, [], `tap targets under 44px high (${label})`);
}

const text = async (page, sel) => (await innerText(page, sel)).trim();
/** The id of the focused element, inside the shadow root too. */
const focused = (page) => page.evaluate(() => window.deepActive?.id);

/** The six questions and the optional country, answered for the UK vector, as a person types. */
async function answerUkCase(page) {
  const input = UK.input;
  await page.selectOption('#q-currency', input.currency);
  await page.locator('#q-turnover').pressSequentially(input.insuredTurnover);
  await page.selectOption('#q-sector', input.sector);
  await page.locator('label[for="q-where-home"], label:has(#q-where-home)').first().click();
  await page.selectOption('#q-buyers', '21-100'); // sent as 50: the vector's 40 is in the same band
  await page.selectOption('#q-terms', String(input.typicalTermsDays));
  // The vector's losses 6,000 / 5,000 / 7,000 average 6,000 a year: the question asks for the average.
  await page.locator('#q-losses').pressSequentially('6000');
  await page.selectOption('#q-country', input.policyholderCountry);
}

async function answers(page) {
  return page.evaluate(() => {
    const root = document.querySelector('credit-calculator').shadowRoot;
    const value = (id) => root.getElementById(id).value;
    return {
      turnover: value('q-turnover'),
      currency: value('q-currency'),
      sector: value('q-sector'),
      where: root.querySelector('input[name="where"]:checked')?.value,
      buyers: value('q-buyers'),
      terms: value('q-terms'),
      losses: value('q-losses'),
      country: value('q-country'),
    };
  });
}

const UK_ANSWERS = {
  turnover: '2000000', currency: 'GBP', sector: 'wholesale', where: 'home', buyers: '21-100', terms: '60', losses: '6000', country: 'GB',
};
const UK_RANGE = '£4,687.50 – £7,812.50';

describe('the public quote page', () => {
  test('on a phone: six answers give the UK broker range, with the cover, the costs and the "not an offer" note', async () => {
    const { page, context, problems } = await openQuote({ viewport: PHONE });
    // Before any answer: a prompt, the defaults, no figures.
    await expectText(page, '#quote-status', 'Enter your yearly sales on credit (question 1) to see your estimate.');
    assert.equal(await page.getAttribute('#quote-status', 'role'), 'status');
    assert.equal(await page.getAttribute('#quote-status', 'aria-live'), 'polite');
    assert.equal(await page.isVisible('#premium-range'), false, 'no figure before the turnover');
    assert.equal(await page.inputValue('#q-currency'), 'EUR', 'EUR by default in English');
    assert.equal(await page.inputValue('#q-terms'), '60');
    assert.equal(await page.inputValue('#q-buyers'), '21-100');
    assert.equal(await page.isChecked('#q-where-home'), true);
    assert.equal(await page.locator('#q-sector option[value="wholesale"]').innerText(), 'Wholesale trade');
    assert.equal(await page.locator('#q-country option[value="GB"]').innerText(), 'United Kingdom');
    assert.equal(await page.locator('#q-sector option').count(), 17, 'the policy’s 16 industries and “Other or not sure”');
    await axe(page, 'English, 375px, empty');

    // From here on the page must not make a single request: nothing typed is sent anywhere.
    const requests = [];
    page.on('request', (req) => requests.push(req.url()));
    await answerUkCase(page);

    await expectText(page, '#premium-range', UK_RANGE);
    assert.equal(await text(page, '#premium-point'), 'Most likely about £6,250.00 a year: 0.31% of the sales you insure.');
    assert.equal(await text(page, '#quote-status'), 'Indicative premium £4,687.50 to £7,812.50 a year.');
    assert.equal(await text(page, '#fig-indemnity'), '90%');
    assert.equal(await text(page, '#fig-maxLiability'), '£187,500.00');
    assert.equal(await text(page, '#fig-premium'), '£6,250.00');
    assert.equal(await text(page, '#fig-tax-label'), 'Insurance premium tax (12%)');
    assert.equal(await text(page, '#fig-tax'), '£750.00');
    assert.equal(await text(page, '#fig-total'), '£7,000.00');
    assert.equal(await page.isVisible('#fig-fees-row'), false, 'no named-buyer fees asked, none shown');
    assert.equal(await text(page, '#fig-expected'), '£6,000.00');
    assert.equal(await text(page, '#fig-kept'), '£600.00');
    assert.equal(await text(page, '#fig-breakEven'), '£7,777.78');
    assert.match(await text(page, '#summary'), /^The premium is about 6,250\.00 GBP a year \(0\.31% of turnover; indicative range 4,687\.50 GBP to 7,812\.50 GBP\), 7,000\.00 GBP with fees and tax\. It pays 90% of insured losses, up to 187,500\.00 GBP a year\./);
    const how = await page.locator('#how-list li').allTextContents();
    assert.equal(how[0], 'Starting rate for your sector (risk class 3): 0.25%');
    assert.ok(how.includes('Your bad-debt record (0.3% of sales a year): × 1.25'), how.join('\n'));
    assert.ok(how.includes('Number of customers (about 50): × 1'), how.join('\n'));
    assert.equal(how.at(-1), 'Rate: 0.3125% of the sales you insure');
    assert.deepEqual(await page.locator('#assumption-list li').allTextContents(), [
      'Standard cover: 90% of each insured loss, up to 30 times the premium a year.',
    ]);

    // The notes a prospect must see.
    assert.equal(await page.isVisible('#offer-note'), true);
    assert.equal(await text(page, '#offer-note'), 'Indicative estimate, not an offer. Actual premiums depend on the insurer’s underwriting.');
    assert.match(await text(page, '#offer-note'), /not an offer/);
    assert.equal(await page.isVisible('#privacy'), true);
    assert.equal(await text(page, '#privacy'), 'Everything is calculated on this page. Nothing you enter is sent anywhere.');

    // The phone's bar shows the range while the result is out of view, and leads to it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForSelector('#peek:not([hidden])', { timeout: 3000 });
    assert.equal(await text(page, '#peek-range'), UK_RANGE);
    await page.click('#peek');
    await page.waitForSelector('#peek[hidden]', { state: 'attached', timeout: 3000 });
    assert.equal(await page.isVisible('#premium-range'), true);

    assert.deepEqual(requests, [], 'no request at all while answering');
    await assertNoSidewaysScroll(page, 'English, 375px');
    await assertTapTargets(page, 'English, 375px');
    await axe(page, 'English, 375px, answered');
    await assertSound(page, problems);
    await context.close();
  });

  test('in Chinese: labels, options, the range and the engine’s summary; axe clean in both languages at 375 and 1280px', async () => {
    const { page, context, problems } = await openQuote({ viewport: LAPTOP });
    await answerUkCase(page);
    await expectText(page, '#premium-range', UK_RANGE);
    await assertNoSidewaysScroll(page, 'English, 1280px');
    await assertTapTargets(page, 'English, 1280px');
    await axe(page, 'English, 1280px');

    await chooseLocale(page, 'zh-CN');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.title(), '贸易信用保险：参考保费');
    assert.equal(await text(page, 'label[for="q-turnover"]'), '您每年的赊销额是多少？');
    assert.equal(await text(page, '#q-where legend'), '您的客户主要在哪里？');
    assert.equal(await text(page, 'label:has(#q-where-home)'), '主要在本国');
    assert.equal(await page.locator('#q-sector option[value="wholesale"]').innerText(), '批发贸易');
    assert.equal(await page.locator('#q-terms option[value="60"]').innerText(), '60 天');
    assert.equal(await page.locator('#q-buyers option[value="21-100"]').innerText(), '21 至 100 家');
    assert.equal(await page.locator('#q-country option[value="GB"]').innerText(), '英国');
    await expectText(page, '#premium-range', '£4,687.50 至 £7,812.50');
    assert.equal(await text(page, '#offer-note'), '仅为参考估算，并非报价要约。实际保费取决于保险公司的核保结果。');
    assert.equal(await text(page, '#privacy'), '所有计算都在本页完成，您输入的任何内容都不会发送到任何地方。');
    assert.equal(await text(page, '#fig-tax-label'), '保险费税（12%）');
    assert.match(await text(page, '#summary'), /^保费每年约 6,250\.00 GBP（占营业额的 0\.31%；参考区间 4,687\.50 GBP 至 7,812\.50 GBP），含费用和税共 7,000\.00 GBP。承保损失赔付 90%/);
    assert.equal((await page.locator('#how-list li').allTextContents())[0], '您所在行业的起始费率（风险等级 3）：0.25%');
    assert.equal(await text(page, '#contact'), '联系我们获取正式报价');
    assert.deepEqual(await answers(page), UK_ANSWERS, 'the answers stay as they were');
    await assertTapTargets(page, 'Chinese, 1280px');
    await axe(page, 'Chinese, 1280px');

    await page.setViewportSize(PHONE);
    await assertNoSidewaysScroll(page, 'Chinese, 375px');
    await assertTapTargets(page, 'Chinese, 375px');
    await axe(page, 'Chinese, 375px');

    await chooseLocale(page, 'en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await expectText(page, '#premium-range', UK_RANGE);
    await assertNoSidewaysScroll(page, 'English, 375px');
    await axe(page, 'English, 375px');
    await assertSound(page, problems);
    await context.close();

    // A browser in Chinese opens the page in Chinese, with yuan as the currency.
    const zh = await openQuote({ viewport: PHONE, locale: 'zh-CN' });
    assert.equal(await zh.page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await zh.page.inputValue('#q-currency'), 'CNY');
    assert.equal(await text(zh.page, 'h1'), '贸易信用保险：参考保费');
    await zh.page.locator('#q-turnover').pressSequentially('10000000');
    await expectText(zh.page, '#premium-range', /^¥.+ 至 ¥.+$/);
    await axe(zh.page, 'Chinese browser, 375px');
    await assertSound(zh.page, zh.problems);
    await zh.context.close();
  });

  test('a wrong turnover is marked on its field in the current language; the other answers keep their values', async () => {
    const { page, context, problems } = await openQuote({ viewport: PHONE });
    await answerUkCase(page);
    await expectText(page, '#premium-range', UK_RANGE);

    await page.locator('#q-turnover').fill('');
    await expectText(page, '#quote-status', 'Enter your yearly sales on credit (question 1) to see your estimate.');
    assert.equal(await page.getAttribute('#q-turnover', 'aria-invalid'), null, 'empty is not yet wrong');
    assert.equal(await text(page, '#q-turnover-error'), '');

    await page.locator('#q-turnover').pressSequentially('abc');
    await expectText(page, '#q-turnover-error', 'Enter an amount in figures, for example 2,000,000.');
    assert.equal(await page.getAttribute('#q-turnover', 'aria-invalid'), 'true');
    assert.match(await page.getAttribute('#q-turnover', 'aria-describedby'), /\bq-turnover-error\b/);
    assert.equal(await text(page, '#quote-status'), 'Correct the marked answer to see your estimate.');
    assert.equal(await page.isVisible('#premium-range'), false, 'no stale figure beside a wrong answer');
    assert.deepEqual(await answers(page), { ...UK_ANSWERS, turnover: 'abc' });

    await page.locator('#q-turnover').fill('0');
    await expectText(page, '#q-turnover-error', 'Enter an amount above zero.');
    await chooseLocale(page, 'zh-CN');
    await expectText(page, '#q-turnover-error', '请输入大于 0 的金额。');
    assert.equal(await text(page, '#quote-status'), '请更正标出的回答以查看估算。');
    await axe(page, 'Chinese, invalid turnover');
    await chooseLocale(page, 'en');
    assert.deepEqual(await answers(page), { ...UK_ANSWERS, turnover: '0' });

    // A wrong loss figure is marked on its own field.
    await page.locator('#q-turnover').fill('2,000,000');
    await expectText(page, '#premium-range', UK_RANGE);
    await page.locator('#q-losses').fill('-5');
    await expectText(page, '#q-losses-error', 'Enter 0 or more.');
    assert.equal(await page.getAttribute('#q-losses', 'aria-invalid'), 'true');
    assert.equal(await text(page, '#q-turnover-error'), '');
    await axe(page, 'English, invalid losses');

    // Corrected: the same range again, no marks left.
    await page.locator('#q-losses').fill('6000');
    await expectText(page, '#premium-range', UK_RANGE);
    assert.equal(await page.locator('#quote-form [aria-invalid]').count(), 0);
    assert.equal(await page.locator('#quote-form .error:not(:empty)').count(), 0);
    await assertSound(page, problems);
    await context.close();
  });

  test('the contact button is the host’s plain link: the meta’s (or the element’s contact attribute’s) href exactly, no query string; hidden when empty', async () => {
    const { page, context, problems } = await openQuote({ viewport: PHONE });
    const meta = await page.getAttribute('meta[name="quote-contact"]', 'content');
    assert.equal(meta, 'contact.html', 'the placeholder the host replaces');
    const link = page.locator('#contact');
    assert.equal(await link.evaluate((a) => a.tagName), 'A');
    assert.equal(await link.getAttribute('href'), meta);
    const resolved = await link.evaluate((a) => ({ search: a.search, hash: a.hash, href: a.href }));
    assert.equal(resolved.search, '', 'no query string');
    assert.equal(resolved.hash, '');
    assert.equal(resolved.href, new URL('contact.html', h.url).href);
    assert.match(await link.getAttribute('rel'), /\bnoreferrer\b/);
    assert.equal(await link.getAttribute('onclick'), null);
    assert.equal(await link.getAttribute('ping'), null);
    assert.equal(await page.isVisible('#contact'), true);
    assert.equal(await text(page, '#contact'), 'Ask us for a firm quote');

    // Answering does not change the link: nothing of the answers goes into it.
    await answerUkCase(page);
    await expectText(page, '#premium-range', UK_RANGE);
    assert.equal(await link.getAttribute('href'), meta);
    await assertSound(page, problems);

    // The same page as a host would publish it: other meta contents, or the element's own
    // `contact` attribute, which wins over the meta.
    const pageUrl = new URL('quote.html', h.url).href; // not parts/quote.html
    async function published(replace) {
      await context.route(pageUrl, async (route) => {
        const response = await route.fetch();
        let body = await response.text();
        for (const [from, to] of replace) {
          assert.ok(body.includes(from), from);
          body = body.replace(from, to);
        }
        await route.fulfill({ response, body });
      });
      await page.reload();
      await ready(page);
      await context.unroute(pageUrl);
    }
    const withMeta = (content) => published([['<meta name="quote-contact" content="contact.html">', `<meta name="quote-contact" content="${content}">`]]);
    const withAttribute = (attribute) => published([['<credit-calculator mode="quote">', `<credit-calculator mode="quote" ${attribute}>`]]);
    await withMeta('mailto:sales@example.com');
    assert.equal(await link.getAttribute('href'), 'mailto:sales@example.com');
    assert.equal(await page.isVisible('#contact'), true);
    await withAttribute('contact="tel:+441234567890"');
    assert.equal(await link.getAttribute('href'), 'tel:+441234567890', 'the element’s attribute, not the meta');
    assert.equal(await page.isVisible('#contact'), true);
    await withAttribute('contact=""');
    assert.equal(await page.isVisible('#contact-box'), false, 'an empty attribute hides the button whatever the meta says');
    await withMeta('');
    assert.equal(await page.isVisible('#contact'), false, 'empty meta: no button');
    assert.equal(await page.isVisible('#contact-box'), false);
    await withMeta('javascript:alert(1)');
    assert.equal(await page.isVisible('#contact'), false, 'a script link is never used');
    assert.equal(await link.getAttribute('href'), null);
    await withAttribute('contact="javascript:alert(1)"');
    assert.equal(await link.getAttribute('href'), null, 'nor from the attribute');
    await axe(page, 'no contact button');
    await assertSound(page, problems);
    await context.close();
  });

  test('a reload restores the answers, the language and the same range; "Clear my answers" forgets them', async () => {
    const { page, context, problems } = await openQuote({ viewport: PHONE });
    await answerUkCase(page);
    await expectText(page, '#premium-range', UK_RANGE);
    const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STORE_KEY));
    assert.deepEqual(saved, UK_ANSWERS, 'the answers as typed, in this browser only');

    await page.reload();
    await ready(page);
    assert.deepEqual(await answers(page), UK_ANSWERS);
    await expectText(page, '#premium-range', UK_RANGE);
    assert.equal(await text(page, '#fig-total'), '£7,000.00');

    // The language is remembered too.
    await chooseLocale(page, 'zh-CN');
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.deepEqual(await answers(page), UK_ANSWERS);
    await expectText(page, '#premium-range', '£4,687.50 至 £7,812.50');
    await chooseLocale(page, 'en');

    await page.click('#clear');
    await expectText(page, '#quote-status', 'Enter your yearly sales on credit (question 1) to see your estimate.');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORE_KEY), null);
    assert.deepEqual(await answers(page), {
      turnover: '', currency: 'EUR', sector: '', where: 'home', buyers: '21-100', terms: '60', losses: '', country: '',
    });
    assert.equal(await focused(page), 'q-turnover');
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue('#q-turnover'), '');
    await assertSound(page, problems);
    await context.close();
  });

  test('keyboard only: the language first, then the questions in order, the result and the contact link', async () => {
    const { page, context, problems } = await openQuote({ viewport: LAPTOP });
    // Only the language stands before the questions (the page heading has no control), so no
    // skip link: the second Tab is the first question.
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'locale');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'q-turnover');
    await page.keyboard.type('2000000');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'q-currency');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'q-sector');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'q-where-home', 'the checked radio of question 3');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'q-where-oecd');
    assert.equal(await page.isChecked('#q-where-oecd'), true);
    for (const id of ['q-buyers', 'q-terms', 'q-losses', 'q-country']) {
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), id);
    }
    // A figure came, in euros (the default currency), with category-0 buyers.
    await expectText(page, '#premium-range', '€3,750.00 – €6,250.00');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'contact');
    const visible = await page.evaluate(() => {
      const r = window.deepActive.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(visible, 'the focused contact link is scrolled into view');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'clear');
    await assertSound(page, problems);
    await context.close();
  });

  test('the first estimate does not wait for the policy; a restored sector the policy does not list is estimated as "Other", with no error shown; the lists are sorted by name', async () => {
    // Saved answers, and the policy's response held back: the estimate comes all the same.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const record = async (ctx, saved) => ctx.addInitScript(([key, answers]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, answers);
      window.answers = [];
      for (const type of ['credit-result', 'credit-error']) {
        document.addEventListener(type, (e) => window.answers.push({ type, input: e.detail.input ?? null, field: e.detail.error?.field ?? null }), true);
      }
    }, [STORE_KEY, JSON.stringify(saved)]);
    const first = await h.open('quote.html', {
      viewport: LAPTOP,
      locale: 'en-GB',
      async before(ctx) {
        await ctx.route('**/pkg/default-policy.json', async (route) => {
          await held;
          await route.continue().catch(() => {}); // the page may be closed by then
        });
        await record(ctx, UK_ANSWERS);
      },
    });
    await expectText(first.page, '#premium-range', UK_RANGE);
    assert.equal(await first.page.evaluate(() => window.answers.length), 1, 'one estimate, with the policy still held');
    release();
    await assertSound(first.page, first.problems);
    await first.context.close();

    // Answers saved under another policy, say: a sector this one does not list.
    const { page, context, problems } = await h.open('quote.html', {
      viewport: LAPTOP,
      locale: 'en-GB',
      before: (ctx) => record(ctx, { ...UK_ANSWERS, sector: 'no-such-sector' }),
    });
    await ready(page);
    await page.waitForFunction(() => window.answers.some((a) => a.type === 'credit-result'));
    const answers = await page.evaluate(() => window.answers);
    assert.deepEqual(answers.filter((a) => a.field === 'sector'), [], 'no error for the restored sector');
    assert.equal('sector' in answers.at(-1).input, false);
    assert.equal(await page.inputValue('#q-sector'), '');
    assert.equal(await page.inputValue('#q-country'), 'GB');
    const shown = await text(page, '#premium-range');
    await page.selectOption('#q-sector', 'wholesale');
    await expectText(page, '#premium-range', UK_RANGE);
    await page.selectOption('#q-sector', '');
    await expectText(page, '#premium-range', shown);
    // Sorted once the first estimate is shown (the collator's first use is slow).
    for (const id of ['q-sector', 'q-country']) {
      const names = (await page.locator(`#${id} option`).allInnerTexts()).slice(1);
      assert.deepEqual(names, [...names].sort(new Intl.Collator('en').compare), `#${id} in alphabetical order`);
    }
    await assertSound(page, problems);
    await context.close();
  });

  test('the element in quote mode fires credit-error, then credit-result with section "quote", the engine input and its result', async () => {
    const { page, context, problems } = await openQuote({ viewport: LAPTOP });
    await context.addInitScript(() => {
      window.creditEvents = [];
      for (const type of ['credit-result', 'credit-error']) {
        document.addEventListener(type, (e) => window.creditEvents.push({ type, target: e.target.tagName, detail: JSON.parse(JSON.stringify(e.detail)) }));
      }
    });
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('credit-calculator', 'mode'), 'quote');
    // Before any answer: the turnover's REQUIRED problem, which the section shows as a prompt.
    let events = await page.evaluate(() => window.creditEvents);
    assert.deepEqual(events.map((e) => [e.type, e.target, e.detail.mode, e.detail.section]), [['credit-error', 'CREDIT-CALCULATOR', 'quote', 'quote']]);
    assert.equal(events[0].detail.error.code, 'REQUIRED');
    assert.equal(events[0].detail.error.field, 'insuredTurnover');

    await answerUkCase(page);
    await expectText(page, '#premium-range', UK_RANGE);
    events = await page.evaluate(() => window.creditEvents);
    const last = events.at(-1);
    assert.equal(last.type, 'credit-result');
    assert.equal(last.detail.mode, 'quote');
    assert.equal(last.detail.section, 'quote');
    assert.deepEqual(last.detail.input, {
      currency: 'GBP',
      buyerCountries: [{ country: 'GB', share: '1' }],
      numberOfBuyers: 50,
      typicalTermsDays: 60,
      insuredTurnover: '2000000',
      sector: 'wholesale',
      badDebtLosses: ['6000'],
      policyholderCountry: 'GB',
    });
    for (const key of ['premium', 'premiumLow', 'premiumHigh', 'premiumTax', 'totalAnnualCost', 'breakEvenLoss']) {
      assert.equal(last.detail.result[key], UK.expect[key], key);
    }
    assert.equal(last.detail.policyVersion, last.detail.result.policyVersion);
    assert.match(last.detail.policyVersion, /\S/);
    assert.ok(events.every((e) => e.detail.section === 'quote'), 'every event is the quote section’s');

    // The element's scripted API sees the same: the section's saved answers and latest outcome.
    const api = await page.evaluate(() => {
      const calculator = document.querySelector('credit-calculator');
      return { input: calculator.input, latest: calculator.results.quote };
    });
    assert.deepEqual(api.input, { quote: UK_ANSWERS });
    assert.equal(api.latest.outcome.ok, true);
    assert.equal(api.latest.outcome.value.premium, '6250.00');
    await assertSound(page, problems);
    await context.close();
  });
  test('the page runs the quote build of the engine, which also checks a policy a script sets; the complete engine is loaded only for a function the quote build lacks', async () => {
    const { page, context, problems } = await h.open('about:blank', { viewport: LAPTOP });
    const wasm = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname);
    });
    await page.goto(new URL('quote.html', h.url).href);
    await ready(page);
    await answerUkCase(page);
    await expectText(page, '#premium-range', UK_RANGE);
    assert.deepEqual(wasm, ['/pkg/credit_calculator_quote_bg.wasm'], 'only the quote build, once');

    // A wider range in the company's policy, checked by the quote build's validatePolicy.
    const policy = await page.evaluate(async () => {
      const p = await (await fetch('pkg/default-policy.json')).json();
      p.insurance.rangeShare = '0.5';
      document.querySelector('credit-calculator').policy = p;
      return p.version;
    });
    assert.match(policy, /\S/);
    await expectText(page, '#premium-range', '£3,125.00 – £9,375.00');
    assert.deepEqual(wasm, ['/pkg/credit_calculator_quote_bg.wasm'], 'a company policy needs no other build');

    // A function the quote build lacks (a host page asking the page's engine for more): the
    // complete engine answers it, loaded then.
    const payout = await page.evaluate(async () => {
      const { call } = await import(new URL('app/engine.js', document.baseURI).href);
      const r = await call('claimPayout', { unpaidAmount: '100000', indemnity: '0.9', excess: '5000', currency: 'EUR' });
      return r.ok ? r.value.payout : r.error.code;
    });
    assert.equal(payout, '85000.00', 'claimPayout: 100,000 × 90 % − 5,000');
    assert.deepEqual(wasm, ['/pkg/credit_calculator_quote_bg.wasm', '/pkg/credit_calculator_bg.wasm'], 'the complete engine, when asked for more');
    await assertSound(page, problems);
    await context.close();
  });
});
