// Browser end-to-end: the results a keystroke rebuilds are patched into the page (dom.js's
// `patch`) rather than replaced, so that the browser lays out and paints only what changed.
// Here: patch gives exactly the DOM replaceChildren would, over random trees; it keeps the
// nodes that match; and on the deal check a keystroke changes the factor table's figures in
// rows that stay the same nodes.
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

describe('patching results into the page', () => {
  test('patch gives the DOM replaceChildren gives, over 400 random pairs of trees', async () => {
    const { page, context } = await h.open();
    const { failures, seen } = await page.evaluate(async () => {
      const { el, svg, patch } = await import('/js/dom.js');
      let seed = 12345;
      const random = (n) => { // Park–Miller: exact in doubles, every bit varies
        seed = (seed * 48271) % 2147483647;
        return seed % n;
      };
      const TAGS = ['tr', 'td', 'th', 'span', 'li', 'p', 'a'];
      const ATTRS = ['class', 'data-x', 'hidden', 'aria-label', 'scope', 'width'];
      const VALUES = ['a', 'b', '', 'c d'];
      const TEXTS = ['1', '2.50', '—', '', 'Net 30 days'];
      const seen = {};
      const count = (kind) => {
        seen[kind] = (seen[kind] ?? 0) + 1;
      };
      const attrs = () => {
        const a = {};
        for (const name of ATTRS) {
          if (random(3) === 0) {
            a[name] = VALUES[random(VALUES.length)];
            count(`attribute ${a[name] === '' ? 'empty' : 'set'}`);
          }
        }
        return a;
      };
      const tree = (depth) => {
        switch (random(depth > 3 ? 4 : 7)) {
          case 0: count('string'); return TEXTS[random(TEXTS.length)];
          case 1: count('comment'); return document.createComment(TEXTS[random(TEXTS.length)]);
          case 2: count('null'); return random(2) ? null : undefined;
          case 3: count('text leaf'); return el(TAGS[random(TAGS.length)], { ...attrs(), text: TEXTS[random(TEXTS.length)] });
          case 4: { // SVG, with an <a> beside HTML's <a>
            count('svg');
            const box = svg(random(2) ? 'svg' : 'a', { viewBox: '0 0 100 8' });
            for (let i = random(3); i > 0; i--) box.append(svg('rect', { width: String(random(100)), class: VALUES[random(4)] }));
            return box;
          }
          default: {
            count('element');
            const children = [];
            for (let i = random(5); i > 0; i--) children.push(tree(depth + 1));
            return el(TAGS[random(TAGS.length)], attrs(), ...children);
          }
        }
      };
      const forest = () => Array.from({ length: random(6) }, () => tree(0));
      const clone = (nodes) => nodes.map((n) => (n instanceof Node ? n.cloneNode(true) : n));
      const failures = [];
      for (let i = 0; i < 400; i++) {
        const before = forest();
        const after = forest();
        const patched = document.createElement('tbody');
        patched.replaceChildren(...clone(before).filter((n) => n !== null && n !== undefined));
        // Now and then a node already in the container, passed again (it moves, as it is).
        const again = random(4) === 0 ? patched.children[random(Math.max(patched.children.length, 1))] ?? null : null;
        if (again) count('node passed again');
        const afterNodes = clone(after);
        const expectedNodes = clone(after);
        if (again) {
          const at = random(afterNodes.length + 1);
          afterNodes.splice(at, 0, again);
          expectedNodes.splice(at, 0, again.cloneNode(true));
        }
        const expected = document.createElement('tbody');
        expected.replaceChildren(...expectedNodes.filter((n) => n !== null && n !== undefined));
        patch(patched, ...afterNodes);
        if (!patched.isEqualNode(expected)) failures.push({ i, patched: patched.innerHTML, expected: expected.innerHTML });
        if (again && again.parentNode !== patched) failures.push({ i, lost: 'the node passed again is not in the container' });
      }
      return { failures, seen };
    });
    assert.deepEqual(failures.slice(0, 3), []);
    // The trees vary: every kind of node and attribute is met, each many times.
    for (const kind of ['string', 'comment', 'null', 'text leaf', 'svg', 'element', 'attribute set', 'attribute empty', 'node passed again']) {
      assert.ok((seen[kind] ?? 0) >= 50, `${kind}: ${seen[kind] ?? 0} times`);
    }
    await context.close();
  });

  test('patch keeps the nodes that match and changes only what differs', async () => {
    const { page, context } = await h.open();
    const outcome = await page.evaluate(async () => {
      const { el, patch } = await import('/js/dom.js');
      const row = (a, b, tone) => el('tr', { class: tone }, el('th', { text: a }), el('td', { class: 'num', text: b }));
      const body = document.createElement('tbody');
      body.replaceChildren(row('Current ratio', '1.90', 'good'), row('Quick ratio', '1.40', null));
      const [first, second] = body.children;
      const cell = second.lastChild;
      const changes = [];
      const watcher = new MutationObserver((list) => changes.push(...list.map((m) => m.type + (m.attributeName ? ` ${m.attributeName}` : ''))));
      watcher.observe(body, { subtree: true, childList: true, attributes: true, characterData: true });
      patch(body, row('Current ratio', '1.90', 'good'), row('Quick ratio', '1.45', 'weak'), row('Cash ratio', '0.20', null));
      changes.push(...watcher.takeRecords().map((m) => m.type + (m.attributeName ? ` ${m.attributeName}` : '')));
      watcher.disconnect();
      return {
        kept: body.children[0] === first && body.children[1] === second && second.lastChild === cell,
        html: body.innerHTML,
        changes: changes.sort(),
      };
    });
    assert.ok(outcome.kept, 'the rows and cells already there are the same nodes');
    assert.equal(outcome.html, '<tr class="good"><th>Current ratio</th><td class="num">1.90</td></tr>'
      + '<tr class="weak"><th>Quick ratio</th><td class="num">1.45</td></tr>'
      + '<tr><th>Cash ratio</th><td class="num">0.20</td></tr>');
    assert.deepEqual(outcome.changes, ['attributes class', 'characterData', 'childList']);
    await context.close();
  });

  test('a keystroke in the deal check updates the factor table in place', async () => {
    const { page, context } = await h.open();
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
    await page.waitForSelector('credit-calculator[data-score-ready="true"]', { timeout: 15000 });
    const totals = () => page.evaluate(() => {
      const rows = document.querySelector('credit-calculator').shadowRoot.getElementById('score-factor-rows');
      return [...rows.children].map((r) => r.textContent).join('|');
    });
    await page.evaluate(() => {
      const rows = document.querySelector('credit-calculator').shadowRoot.getElementById('score-factor-rows');
      window.rowsBefore = [...rows.children];
    });
    const shown = await totals();
    await page.locator('#score-foundedOn').fill('2020-05-01');
    await page.locator('#score-employees').pressSequentially('45');
    await page.waitForFunction((was) => {
      const rows = document.querySelector('credit-calculator').shadowRoot.getElementById('score-factor-rows');
      return [...rows.children].map((r) => r.textContent).join('|') !== was;
    }, shown);
    const after = await page.evaluate(() => {
      const rows = document.querySelector('credit-calculator').shadowRoot.getElementById('score-factor-rows');
      return { count: rows.children.length, kept: [...rows.children].filter((r, i) => r === window.rowsBefore[i]).length };
    });
    assert.ok(after.count > 3, 'the factor table has its rows');
    assert.equal(after.kept, after.count, 'every row is the node it was');
    await context.close();
  });
});
