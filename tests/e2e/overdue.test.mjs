// Browser end-to-end: the "Overdue customer" section of the deal-check page, used as a credit
// manager would: the late customer's open invoices typed row by row (the worked example of
// tests/vectors/overdue_plan.json, case 1), then read in both languages, with an invalid row,
// after a reload, with the keyboard alone and on a phone-width screen. The figures are the
// vector's, formatted by the page with Intl. Then the reminder letter of the final notice,
// printed to an A4 PDF (and, in Chinese, read in the DOM: no CJK font here for the PDF).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness } from './harness.mjs';
import { assertClean, axe, assertNoInline, assertNoSidewaysScroll, pdfText, text, expectText, chooseLocale } from './checks.mjs';

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
  await page.waitForSelector('credit-calculator[data-overdue-ready="true"]', { timeout: 15000 });
}

const cell = (n, field) => `#overdue-rows .row:nth-child(${n}) [data-row-field="${field}"]`;

/** Case 1's invoices: F fully paid, G partly paid (sent as payments on the as-of date), E disputed. */
const INVOICES = [
  { number: 'A', amount: '10000', invoiceDate: '2025-01-15', dueDate: '2025-02-14' },
  { number: 'B', amount: '5000', invoiceDate: '2025-03-01', dueDate: '2025-03-31' },
  { number: 'C', amount: '2000', invoiceDate: '2025-03-01', dueDate: '2025-03-30' },
  { number: 'D', amount: '3000', invoiceDate: '2025-04-15', dueDate: '2025-05-15' },
  { number: 'E', amount: '4000', invoiceDate: '2025-01-01', dueDate: '2025-01-31', disputed: true },
  { number: 'F', amount: '1000', invoiceDate: '2025-01-01', dueDate: '2025-01-30', paid: '1000' },
  { number: 'G', amount: '6000', invoiceDate: '2025-01-01', dueDate: '2025-01-30', paid: '1000' },
  { number: 'H', amount: '700', invoiceDate: '2024-12-30', dueDate: '2025-01-29' },
];

/**
 * Types case 1: as of 30 April 2025, euro, EU law, the eight invoices, the default plan of 6.
 * `numbers` renames invoices ({ A: 'RE-1' }); the figures stay the vector's.
 */
async function enterCase1(page, numbers = {}) {
  await page.locator('#od-asOf').fill('2025-04-30');
  await page.selectOption('#od-currency', 'EUR');
  await page.selectOption('#od-jurisdiction', 'EU');
  for (const [i, inv] of INVOICES.entries()) {
    const n = i + 1;
    if (n > 1) await page.locator('#overdue-add').click();
    await page.locator(cell(n, 'number')).pressSequentially(numbers[inv.number] ?? inv.number);
    await page.locator(cell(n, 'amount')).pressSequentially(inv.amount);
    await page.locator(cell(n, 'invoiceDate')).fill(inv.invoiceDate);
    await page.locator(cell(n, 'dueDate')).fill(inv.dueDate);
    if (inv.paid) await page.locator(cell(n, 'paid')).pressSequentially(inv.paid);
    if (inv.disputed) await page.locator(cell(n, 'disputed')).check();
  }
  assert.equal(await page.inputValue('#od-planCount'), '6');
  await expectText(page, '#overdue-overdueTotal', '€22,700.00');
}

const step = (action, part) => `#overdue-ladder li[data-action="${action}"] ${part}`;

/** The message shown for a control, by its aria-describedby error slot. */
const errorOf = (page, selector) => page.locator(selector).evaluate((c) => c.getRootNode().getElementById(`${c.id}-error`).textContent);

describe('overdue customer section', () => {
  test('case 1: the ageing, the disputed invoice apart, the ladder, the best route and the plan', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    // Nothing typed yet: a friendly prompt, not an error, and no field marked.
    await expectText(page, '#overdue-status', /^Enter the customer’s open invoices/);
    assert.equal(await page.locator('#overdue-form [aria-invalid]').count(), 0);
    assert.equal(await page.locator('#overdue-body').isHidden(), true);

    await enterCase1(page);
    const bucket = (b, part) => text(page, `#overdue-ageing-rows tr[data-bucket="${b}"] ${part}`);
    assert.equal(await bucket('61-90', 'td.amount'), '€15,000.00');
    assert.equal(await bucket('61-90', 'td.count'), '2');
    assert.equal(await bucket('61-90', 'th'), '61–90 days');
    assert.equal(await bucket('over90', 'td.amount'), '€700.00');
    assert.equal(await bucket('current', 'td.amount'), '€3,000.00');
    // The bar: one <rect> per bucket with money in it, sized by its width attribute only.
    const bar = await page.locator('#overdue-ageing-bar').evaluate((node) => ({
      hidden: node.getAttribute('aria-hidden'),
      widths: [...node.querySelectorAll('rect[data-bucket]')].map((r) => [r.dataset.bucket, r.getAttribute('width')]),
    }));
    assert.equal(bar.hidden, 'true');
    assert.deepEqual(bar.widths.map(([b]) => b), ['current', '1-30', '31-60', '61-90', 'over90']);
    assert.equal(bar.widths.find(([b]) => b === '61-90')[1], '58.37'); // 15,000 of 25,700
    // E is disputed: listed apart, not in the ageing.
    assert.deepEqual(await page.locator('#overdue-disputed li').allInnerTexts(), ['Invoice E: €4,000.00, due Jan 31, 2025']);
    assert.equal(await text(page, '#overdue-disputed-wrap h4'), 'Disputed: excluded from dunning until resolved');
    assert.equal(await text(page, '#overdue-overdueTotal'), '€22,700.00');
    assert.equal(await text(page, '#overdue-outstandingTotal'), '€25,700.00');

    // The ladder: five steps, all due by 30 April; the final notice claims €15,913.48.
    assert.deepEqual(await page.locator('#overdue-ladder li').evaluateAll((l) => l.map((n) => n.dataset.action)),
      ['reminder', 'formalLetter', 'finalNotice', 'stopCredit', 'agencyOrLegal']);
    assert.equal(await text(page, step('finalNotice', '.overdue-step-action')), 'Final notice');
    assert.equal(await text(page, step('finalNotice', '.overdue-step-date')), 'Feb 28, 2025');
    assert.equal(await text(page, step('finalNotice', '.overdue-badge')), 'Action due now');
    assert.equal(await text(page, step('finalNotice', '.claim-principal dd')), '€15,700.00');
    assert.equal(await text(page, step('finalNotice', '.claim-interest dd')), '€93.48');
    assert.equal(await text(page, step('finalNotice', '.claim-compensation dd')), '€120.00');
    assert.equal(await text(page, step('finalNotice', '.claim-total dd')), '€15,913.48');
    assert.match(await text(page, step('finalNotice', '.overdue-step-sub')), /Invoices: A, G, and H\.$/);
    assert.equal(await text(page, step('finalNotice', '.overdue-letter')),
      'Final notice, claiming statutory interest and compensation on 2025-02-28: 15,913.48 EUR due on 3 invoice(s)');

    // The routes: restructuring is best, marked in its row.
    assert.equal(await page.locator('#overdue-route-rows tr.best').getAttribute('data-route'), 'restructuring');
    assert.equal(await text(page, '#overdue-route-rows tr.best th'), 'Restructuring plan Best');
    assert.equal(await text(page, '#overdue-route-rows tr.best td.pv'), '€18,566.62');
    assert.equal(await text(page, '#overdue-route-rows tr.best td.rank'), '1');
    assert.equal(await text(page, '#overdue-route-rows tr[data-route="legal"] td.cost'), '€5,737.75');
    assert.equal(await text(page, '#overdue-best'), 'Best route: Restructuring plan, worth €18,566.62 today.');

    // The plan: six monthly instalments, the last one takes the rounding.
    assert.equal(await page.locator('#overdue-plan-rows tr').count(), 6);
    assert.equal(await text(page, '#overdue-plan-rows tr:first-child td.payment'), '€3,783.33');
    assert.equal(await text(page, '#overdue-plan-rows tr:last-child td.payment'), '€3,783.35');
    assert.equal(await text(page, '#overdue-plan-rows tr:last-child td.balance'), '€0.00');
    assert.equal(await text(page, '#overdue-plan-rows tr:nth-child(4) td.date'), 'Sep 1, 2025');
    assert.match(await text(page, '#overdue-legal'), /^EU Directive 2011\/7\/EU/);
    assert.equal(await text(page, '#overdue-status'), 'Overdue €22,700.00; best recovery route: Restructuring plan.');
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('credit-calculator:overdue:v1')));
    assert.equal(saved.invoices.length, 8);
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('in Chinese, with axe clean in both languages and at 375px', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await enterCase1(page);
    await axe(page, 'English');
    await chooseLocale(page, 'zh-CN');
    assert.equal(await text(page, '#overdue-title'), '逾期客户');
    assert.equal(await text(page, '.skip-link[data-part="overdue"]'), '跳至逾期客户');
    assert.equal(await text(page, 'label[for="od-planCount"]'), '分期期数');
    assert.equal(await text(page, '#overdue-rows .row:nth-child(2) legend'), '发票 2');
    assert.equal(await text(page, '#overdue-rows .row:nth-child(2) label[for$="-dueDate"]'), '到期日');
    assert.equal(await text(page, '#overdue-ageing-rows tr[data-bucket="over90"] th'), '90 天以上');
    assert.equal(await text(page, step('finalNotice', '.overdue-step-action')), '最后通知');
    assert.equal(await text(page, step('finalNotice', '.overdue-step-date')), '2025年2月28日');
    assert.equal(await text(page, step('finalNotice', '.overdue-badge')), '现在即应执行');
    assert.equal(await text(page, step('finalNotice', '.claim-total dd')), '€15,913.48');
    assert.equal(await text(page, step('finalNotice', '.overdue-letter')),
      '最后通知（主张法定利息及补偿）（2025-02-28）：3 张发票应付 15,913.48 EUR');
    assert.equal(await text(page, '#overdue-route-rows tr.best th'), '分期还款 最佳');
    assert.match(await text(page, '#overdue-legal'), /^欧盟第 2011\/7\/EU 号指令/);
    await axe(page, 'Chinese');
    await page.setViewportSize({ width: 375, height: 800 });
    await assertNoSidewaysScroll(page, 'Chinese, 375px');
    await axe(page, 'Chinese, 375px');
    await chooseLocale(page, 'en');
    await assertNoSidewaysScroll(page, 'English, 375px');
    await axe(page, 'English, 375px');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('an invalid row is marked in English and Chinese; every other field keeps its value', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await enterCase1(page);
    // B due before it was issued.
    await page.locator(cell(2, 'dueDate')).fill('2025-02-01');
    await expectText(page, '#overdue-status', 'Correct the marked field to see the result.');
    assert.equal(await page.locator(cell(2, 'dueDate')).getAttribute('aria-invalid'), 'true');
    assert.equal(await errorOf(page, cell(2, 'dueDate')), 'The due date must not be before the invoice date.');
    assert.equal(await page.locator('#overdue-form [aria-invalid="true"]').count(), 1);
    assert.equal(await page.locator('#overdue-body').isHidden(), true);
    assert.equal(await page.inputValue(cell(2, 'dueDate')), '2025-02-01');
    assert.equal(await page.inputValue(cell(2, 'amount')), '5000');
    assert.equal(await page.inputValue(cell(7, 'paid')), '1000');
    assert.equal(await page.isChecked(cell(5, 'disputed')), true);
    assert.equal(await page.inputValue('#od-asOf'), '2025-04-30');
    await chooseLocale(page, 'zh-CN');
    assert.equal(await errorOf(page, cell(2, 'dueDate')), '到期日不能早于开票日期。');
    assert.equal(await text(page, '#overdue-status'), '请更正标出的字段以查看结果。');
    // A payment above the invoice and a plan of 0 instalments, marked on their own fields.
    await page.locator(cell(2, 'dueDate')).fill('2025-03-31');
    await page.locator(cell(8, 'paid')).pressSequentially('900');
    await page.locator('#od-planCount').fill('0');
    await expectText(page, '#overdue-status', '请更正标出的字段以查看结果。');
    assert.equal(await errorOf(page, cell(8, 'paid')), '已付金额不能超过发票金额。');
    assert.equal(await errorOf(page, '#od-planCount'), '请输入 1 到 600 期。');
    assert.equal(await page.locator(cell(2, 'dueDate')).getAttribute('aria-invalid'), null);
    await chooseLocale(page, 'en');
    assert.equal(await errorOf(page, cell(8, 'paid')), 'The amount paid must not exceed the invoice.');
    assert.equal(await errorOf(page, '#od-planCount'), 'Enter from 1 to 600 instalments.');
    // A custom rule without its rate: the agreed-rate field shows and is marked.
    await page.locator(cell(8, 'paid')).fill('');
    await page.locator('#od-planCount').fill('6');
    await page.selectOption('#od-jurisdiction', 'custom');
    await expectText(page, '#od-agreedRate-error', 'An agreed rate is needed for a custom rule.');
    await page.locator('#od-agreedRate').pressSequentially('9.5');
    await expectText(page, '#overdue-overdueTotal', '€22,700.00');
    assert.equal(await page.locator('#overdue-form [aria-invalid="true"]').count(), 0);
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('a reload restores every row and field', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    await enterCase1(page);
    await page.selectOption('#od-country', 'DE');
    await page.locator('#od-planCount').fill('');
    await page.locator('#od-planCount').pressSequentially('4');
    await page.selectOption('#od-planFrequency', 'weekly');
    await page.locator('#od-planRate').pressSequentially('5');
    await page.locator('#od-planIncludeInterest').check();
    await expectText(page, '#overdue-plan-rows tr:last-child th', '4');
    const rows = () => page.locator('#overdue-rows .row').evaluateAll((list) => list.map((row) => Object.fromEntries(
      [...row.querySelectorAll('[data-row-field]')].map((c) => [c.dataset.rowField, c.type === 'checkbox' ? c.checked : c.value]))));
    const fields = () => Promise.all(['#od-asOf', '#od-currency', '#od-jurisdiction', '#od-country', '#od-planCount', '#od-planFrequency', '#od-planRate']
      .map((s) => page.inputValue(s)));
    const shown = async () => ({
      ladder: await page.locator('#overdue-ladder li').allInnerTexts(),
      routes: await page.locator('#overdue-route-rows tr').allInnerTexts(),
      plan: await page.locator('#overdue-plan-rows tr').allInnerTexts(),
    });
    const before = { rows: await rows(), fields: await fields(), checked: await page.isChecked('#od-planIncludeInterest'), shown: await shown() };
    assert.deepEqual(before.fields, ['2025-04-30', 'EUR', 'EU', 'DE', '4', 'weekly', '5']);
    assert.equal(before.rows.length, 8);
    assert.deepEqual(before.rows[6], { number: 'G', amount: '6000', invoiceDate: '2025-01-01', dueDate: '2025-01-30', paid: '1000', disputed: false });
    assert.equal(before.rows[4].disputed, true);
    await page.reload();
    await ready(page);
    await expectText(page, '#overdue-plan-rows tr:last-child th', '4');
    assert.deepEqual(await rows(), before.rows);
    assert.deepEqual(await fields(), before.fields);
    assert.equal(await page.isChecked('#od-planIncludeInterest'), true);
    assert.deepEqual(await shown(), before.shown);
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('works with the keyboard alone: the skip link, adding and removing rows', async () => {
    const { page, context, problems } = await h.open();
    await ready(page);
    // The skip links in page order: score, limit, terms, insurance, overdue.
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.dataset.part), 'overdue');
    assert.equal(await text(page, '.skip-link[data-part="overdue"]'), 'Skip to the overdue customer');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => deepActive.id), 'od-name');
    // Add a row by keyboard: focus lands in its first field.
    await page.locator('#overdue-add').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#overdue-rows .row').count(), 2);
    assert.equal(await page.evaluate(() => deepActive.dataset.rowField), 'number');
    assert.equal(await text(page, '#overdue-rows .row:nth-child(2) legend'), 'Invoice 2');
    assert.equal(await page.locator('#overdue-rows .row:nth-child(2) .button-remove').textContent(), 'Remove Invoice 2'); // its accessible name
    await page.keyboard.type('X1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('250');
    // Remove the first row: focus moves to the remove button of the row that takes its place.
    await page.locator('#overdue-rows .row:nth-child(1) .button-remove').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#overdue-rows .row').count(), 1);
    assert.equal(await page.inputValue(cell(1, 'number')), 'X1');
    assert.equal(await page.evaluate(() => deepActive.className), 'button button-remove');
    assert.equal(await text(page, '#overdue-rows .row:nth-child(1) legend'), 'Invoice 1');
    // The last row removed: focus goes to the add button; the prompt is back.
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#overdue-rows .row').count(), 0);
    assert.equal(await page.evaluate(() => deepActive.id), 'overdue-add');
    await expectText(page, '#overdue-status', /^Enter the customer’s open invoices/);
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });
});

// ---- the reminder letter ---------------------------------------------------------------------

/** Typed data that would be markup if it were ever parsed as HTML. */
const NAME = '<img src=x onerror=alert(1)>';
/** Case 1 with invoice numbers as a credit controller's system has them, one an injection attempt. */
const NUMBERS = { A: 'RE-2025-0107', G: '<img src=x onerror=alert(2)>', H: 'RE-2024-1288' };
const CLAIMED = [NUMBERS.A, NUMBERS.G, NUMBERS.H];
const ACTIONS = ['reminder', 'formalLetter', 'finalNotice', 'stopCredit', 'agencyOrLegal'];

/** Opens the deal check, counting dialogs (an alert would be the injection firing). */
async function openCounting(path) {
  const opened = await h.open(path);
  opened.dialogs = [];
  opened.page.on('dialog', (d) => {
    opened.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await ready(opened.page);
  return opened;
}

/** window.print stubbed: ctx.print shows the letter alone, no dialog opens; calls counted. */
const stubPrint = (page) => page.evaluate(() => {
  window.print = () => {
    window.printed = (window.printed ?? 0) + 1;
  };
});
const printed = (n) => (page) => page.waitForFunction((count) => window.printed === count, n, { timeout: 5000 });


describe('the printed reminder letter', () => {
  test('the final notice prints as an A4 letter with the claim on screen, the invoices and the legal basis, and nothing else', async () => {
    const { page, context, problems, dialogs } = await openCounting('');
    await page.locator('#od-name').pressSequentially(NAME);
    await enterCase1(page, NUMBERS);
    // One button per step, each named after its step for a screen reader.
    const names = await page.locator('#overdue-ladder .overdue-print').evaluateAll((list) => list.map((b) => [b.dataset.action, b.textContent, b.getAttribute('aria-label')]));
    assert.deepEqual(names, [
      ['reminder', 'Print letter', 'Print letter: Friendly reminder'],
      ['formalLetter', 'Print letter', 'Print letter: Formal payment demand'],
      ['finalNotice', 'Print letter', 'Print letter: Final notice'],
      ['stopCredit', 'Print letter', 'Print letter: Stop credit and hold deliveries'],
      ['agencyOrLegal', 'Print letter', 'Print letter: Collection agency or court'],
    ]);
    const onScreen = {
      total: await text(page, step('finalNotice', '.claim-total dd')),
      principal: await text(page, step('finalNotice', '.claim-principal dd')),
      interest: await text(page, step('finalNotice', '.claim-interest dd')),
      compensation: await text(page, step('finalNotice', '.claim-compensation dd')),
      legal: await text(page, '#overdue-legal'),
    };
    assert.equal(onScreen.total, '€15,913.48');

    // By keyboard: the button found by its accessible name, pressed with Enter.
    await stubPrint(page);
    const button = page.getByRole('button', { name: 'Print letter: Final notice' });
    await button.focus();
    await page.keyboard.press('Enter');
    await printed(1)(page);
    assert.equal(await page.evaluate(() => deepActive.dataset.action), 'finalNotice', 'focus stays on the button');

    // Built with textContent: the name and the numbers are text; no element of them exists.
    const letter = page.locator('.letter');
    assert.equal(await letter.count(), 1);
    assert.equal(await page.locator('.letter img').count(), 0, 'the typed data made no <img>');
    assert.equal(await page.locator('.letter [style]').count(), 0, 'no inline style (CSP)');
    assert.equal(await letter.getAttribute('lang'), 'en');
    assert.equal(await letter.isVisible(), false, 'on screen the letter is not shown');
    assert.equal(await page.locator('#overdue-form').isVisible(), true);
    assert.equal(await page.locator('.letter .letter-subject').textContent(), 'Final notice: overdue invoices');
    assert.equal(await page.locator('.letter .letter-salutation').textContent(), `Dear ${NAME},`);
    assert.deepEqual(await page.locator('.letter tbody th').allTextContents(), CLAIMED);

    await page.emulateMedia({ media: 'print' });
    assert.equal(await letter.isVisible(), true, 'in print the letter shows');
    assert.equal(await page.locator('#overdue-form').isVisible(), false, 'in print the form does not');
    assert.equal(await page.locator('#overdue-ladder').isVisible(), false, 'nor the ladder');
    const pdf = await page.pdf({ format: 'A4' });
    const { pages, text: printedText } = await pdfText(pdf);
    assert.equal(pages, 1, 'a one-page letter');
    const has = (s) => printedText.includes(s);

    assert.ok(has('[Your company]'), 'the sender placeholder');
    assert.ok(has('Feb 28, 2025'), 'the date of the step');
    assert.ok(has(NAME), 'the customer, literally');
    assert.ok(has(`Dear ${NAME},`), 'the salutation');
    assert.ok(has('Final notice: overdue invoices'), 'the subject');
    assert.ok(has('Final notice, claiming statutory interest and compensation on 2025-02-28: 15,913.48 EUR due on 3 invoice(s)'), 'the engine’s letter text');
    assert.ok(has('Invoices claimed on Feb 28, 2025'), 'the table’s caption');
    assert.ok(has('Invoice number Due date Days past due Outstanding'), 'the table’s columns');
    // Each claimed invoice, its due date, its days past due on the letter's date, what is open.
    assert.ok(has(`${NUMBERS.A} Feb 14, 2025 14 €10,000.00`), 'invoice A');
    assert.ok(has(`${NUMBERS.G} Jan 30, 2025 29 €5,000.00`), 'invoice G, partly paid');
    assert.ok(has(`${NUMBERS.H} Jan 29, 2025 30 €700.00`), 'invoice H');
    for (const number of CLAIMED) assert.ok(has(number), `invoice ${number}`);
    assert.ok(has(`Principal outstanding ${onScreen.principal}`), 'the principal as on screen');
    assert.ok(has(`Interest for late payment to Feb 28, 2025 ${onScreen.interest}`), 'the interest as on screen');
    assert.ok(has(`Fixed compensation for recovery costs ${onScreen.compensation}`), 'the compensation as on screen');
    assert.ok(has(`Total due ${onScreen.total}`), `the claim's total as on screen (${onScreen.total})`);
    assert.ok(has(`Please pay ${onScreen.total} to the account below`), 'the payment line');
    assert.ok(has('[bank details]'), 'the bank details placeholder');
    assert.ok(has(`Legal basis: ${onScreen.legal}`), 'the legal basis, the engine’s');
    assert.match(printedText, /Legal basis: EU Directive 2011\/7\/EU/);
    assert.match(printedText, /Figures as of Apr 30, 2025 · credit policy \d+\.\d+\.\d+/);
    // Not claimed: the disputed invoice, the ones not yet due by then, the paid one.
    for (const number of ['B', 'C', 'D', 'E', 'F']) assert.ok(!new RegExp(`(^| )${number} [A-Z][a-z]{2} \\d`).test(printedText), `invoice ${number} is not in the letter`);
    // Nothing else of the page: no form, no other step, no button, no report, no masthead.
    for (const other of [
      'Number of instalments', 'Law for late-payment interest', 'Add invoice', 'Where the customer stands',
      'Recovery routes compared', 'Dunning steps', 'Friendly reminder', 'Formal payment demand',
      'Stop credit and hold deliveries', 'Collection agency or court', 'Print letter', 'Credit report',
      'Credit calculator', 'Private by design',
    ]) assert.ok(!has(other), `"${other}" is not printed`);

    // Back on screen, the calculator is as it was; printing the reminder replaces the letter.
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('#overdue-form').isVisible(), true);
    await page.getByRole('button', { name: 'Print letter: Friendly reminder' }).click();
    await printed(2)(page);
    assert.equal(await letter.count(), 1);
    assert.equal(await page.locator('.letter .letter-subject').textContent(), 'Friendly reminder: overdue invoices');
    assert.equal(await page.locator('.letter time').getAttribute('datetime'), '2025-02-03');
    assert.deepEqual(dialogs, [], 'no alert or other dialog fired');
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('in Chinese: the letter’s words, the figures and the legal basis in the DOM; without a name, “尊敬的客户”', async () => {
    const { page, context, problems, dialogs } = await openCounting('');
    await enterCase1(page, NUMBERS);
    await chooseLocale(page, 'zh-CN');
    await expectText(page, step('finalNotice', '.overdue-step-action'), '最后通知');
    assert.deepEqual(await page.locator('#overdue-ladder .overdue-print').evaluateAll((list) => list.map((b) => b.getAttribute('aria-label'))), [
      '打印催款函：友好提醒', '打印催款函：正式催款函', '打印催款函：最后通知', '打印催款函：停止赊销并暂停发货', '打印催款函：移交催收机构或起诉',
    ]);
    const total = await text(page, step('finalNotice', '.claim-total dd'));
    await stubPrint(page);
    await page.getByRole('button', { name: '打印催款函：最后通知' }).click();
    await printed(1)(page);
    await page.emulateMedia({ media: 'print' });
    const letter = page.locator('.letter');
    assert.equal(await letter.getAttribute('lang'), 'zh-CN');
    assert.equal(await letter.isVisible(), true);
    assert.equal(await page.locator('#overdue-form').isVisible(), false);
    const part = (cls) => page.locator(`.letter .${cls}`).innerText();
    assert.equal(await part('letter-subject'), '最后通知：逾期发票');
    assert.equal(await part('letter-salutation'), '尊敬的客户：');
    assert.equal(await page.locator('.letter-recipient .letter-line').count(), 1, 'no name line without a name');
    assert.equal(await page.locator('.letter time').innerText(), '2025年2月28日');
    assert.equal(await part('letter-figures'), '要点：最后通知（主张法定利息及补偿）（2025-02-28）：3 张发票应付 15,913.48 EUR');
    assert.deepEqual(await page.locator('.letter thead th').allInnerTexts(), ['发票号', '到期日', '逾期天数', '未付金额']);
    assert.deepEqual(await page.locator('.letter tbody th').allTextContents(), CLAIMED);
    assert.equal(await page.locator('.letter img').count(), 0);
    assert.equal(await part('letter-total'), `应付合计\t${total}`);
    assert.equal(total, '€15,913.48');
    assert.match(await part('letter-interest'), /^截至 2025年2月28日 的逾期利息\s+€93\.48$/);
    assert.match(await part('letter-compensation'), /^追偿费用的固定补偿\s+€120\.00$/);
    assert.match(await part('letter-legal'), /^法律依据：欧盟第 2011\/7\/EU 号指令/);
    assert.equal(await part('letter-pay'), `请将 ${total} 汇入以下账户，并注明发票号：`);
    assert.equal(await part('letter-bank'), '[银行账户信息]');
    assert.match(await part('letter-footer'), /^数据截至 2025年4月30日 · 信用政策 \d+\.\d+\.\d+$/);
    const whole = await letter.innerText();
    for (const other of ['友好提醒', '正式催款函', '停止赊销', '打印催款函', 'Final notice']) assert.ok(!whole.includes(other), `"${other}" is not in the letter`);
    assert.deepEqual(dialogs, []);
    await assertNoInline(page);
    assertClean(problems);
    await context.close();
  });

  test('mode="overdue" alone: the section, its buttons and the printed letter', async () => {
    const { page, context, problems } = await openCounting('');
    await page.locator('#od-name').pressSequentially('Acme Trading Ltd');
    await enterCase1(page);
    // The same element switched to the overdue section alone: the saved invoices come back.
    await page.locator('credit-calculator').evaluate((node) => node.setAttribute('mode', 'overdue'));
    await expectText(page, step('finalNotice', '.claim-total dd'), '€15,913.48');
    assert.equal(await page.locator('#score').count(), 0, 'no other section');
    assert.equal(await page.locator('#overdue-ladder .overdue-print').count(), ACTIONS.length);
    assert.equal(await page.inputValue('#od-name'), 'Acme Trading Ltd');
    await stubPrint(page);
    await page.getByRole('button', { name: 'Print letter: Formal payment demand' }).click();
    await printed(1)(page);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.letter').isVisible(), true);
    assert.equal(await page.locator('#overdue').isVisible(), false, 'in print only the letter');
    assert.equal(await page.locator('.letter .letter-subject').innerText(), 'Formal payment demand: overdue invoices');
    assert.equal(await page.locator('.letter .letter-salutation').innerText(), 'Dear Acme Trading Ltd,');
    assert.deepEqual(await page.locator('.letter .letter-recipient .letter-line').allInnerTexts(), ['Acme Trading Ltd', '[Customer’s address]']);
    await axe(page, 'mode="overdue"');
    assertClean(problems);
    await context.close();
  });
});
