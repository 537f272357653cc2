// Any JS value through every export, as the JS API receives it: what JSON cannot express
// (symbols, functions, BigInts, undefined, -0, NaN, sparse arrays, lone surrogates, getters
// and proxies that throw, cycles) put in place of a golden vector's fields. Each call must
// answer or throw a CreditCalculatorError with a code and a field path; never another
// exception (a wasm trap is a RuntimeError), and the module must still answer afterwards.
// Seeded, so a failure repeats; `npm run bench` runs a million JSON-shaped inputs natively.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = new URL('../../www/pkg/', import.meta.url);
const engine = await import(new URL('credit_calculator.js', pkg));
engine.initSync({ module: readFileSync(new URL('credit_calculator_bg.wasm', pkg)) });

const vectors = (name) => JSON.parse(readFileSync(new URL(`../vectors/${name}.json`, import.meta.url), 'utf8')).cases;

// The exports with one input object, and the vector file of each.
const EXPORTS = {
  discountCost: 'discount_cost', scoreCustomer: 'score_customer', recommendLimit: 'recommend_limit',
  simulateTerms: 'simulate_terms', paymentSchedule: 'payment_schedule', lateInterest: 'late_interest',
  dso: 'dso', estimatePremium: 'estimate_premium', claimPayout: 'claim_payout', overduePlan: 'overdue_plan',
  dealCheck: 'deal_check', scorePortfolio: 'portfolio',
};

function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function oddValues() {
  const cyclic = { a: 1 };
  cyclic.self = cyclic;
  const sparse = [];
  sparse.length = 4294967295;
  const holes = [1, , 3];
  return [
    undefined, null, -0, NaN, Infinity, -Infinity, 1e308, 5e-324, 2 ** 53 + 1, 10n ** 30n, -7n,
    '', ' ', '\ud800', 'x\udfff', '\ud835\udd18', 'é', '1e400', '0x10', '١٢٣', 'a'.repeat(20000),
    Symbol('s'), () => 1, class {}, cyclic, sparse, holes, new Date(0), new Map([[1, 2]]), /x/,
    new Number(5), new String('5'), Object.create(null), [[[[[[[[[[]]]]]]]]]],
    { get x() { throw new Error('getter'); } },
    new Proxy({}, { ownKeys() { throw new Error('ownKeys'); } }),
    new Proxy([1, 2], { get: (t, k) => (k === 'length' ? -1 : t[k]) }),
    new Proxy({ a: 1 }, { get() { throw 'a string thrown'; } }),
  ];
}

/** A copy of `value` with one place (chosen by `rnd`) replaced by `odd`. */
function mutate(value, odd, rnd) {
  if (value === null || typeof value !== 'object' || rnd() < 0.25) return odd;
  const keys = Object.keys(value);
  if (keys.length === 0) return odd;
  const copy = Array.isArray(value) ? [...value] : { ...value };
  const k = keys[Math.floor(rnd() * keys.length)];
  copy[k] = mutate(value[k], odd, rnd);
  if (rnd() < 0.1) copy[`extra${Math.floor(rnd() * 3)}`] = odd; // an unknown field too
  return copy;
}

function check(name, call) {
  try {
    call();
  } catch (e) {
    assert.equal(e?.name, 'CreditCalculatorError', `${name} threw ${e?.name}: ${e?.message}`);
    assert.equal(typeof e.code, 'string', `${name}: code`);
    assert.equal(typeof e.field, 'string', `${name}: field`);
    assert.ok(Array.isArray(e.errors) && e.errors.length > 0, `${name}: errors`);
  }
}

test('odd JS values anywhere in every input get an answer or a coded error, never a trap', () => {
  const rnd = random(20261122);
  const odd = oddValues();
  const policy = engine.defaultPolicy();
  let calls = 0;
  for (const [name, file] of Object.entries(EXPORTS)) {
    const inputs = vectors(file).map((c) => c.input).filter((i) => i && typeof i === 'object');
    assert.ok(inputs.length > 0, name);
    for (let i = 0; i < 150; i++) {
      const input = mutate(inputs[i % inputs.length], odd[Math.floor(rnd() * odd.length)], rnd);
      // Now and then an odd value in a company policy as well.
      const args = rnd() < 0.2 ? [input, mutate(policy, odd[Math.floor(rnd() * odd.length)], rnd)] : [input];
      check(name, () => engine[name](...args));
      calls++;
    }
  }
  for (const value of odd) {
    check('validatePolicy', () => engine.validatePolicy(value));
    check('financialAnalysis', () => engine.financialAnalysis(value, value));
    check('paymentIndex', () => engine.paymentIndex(value, value));
    calls += 3;
  }
  assert.ok(calls > 1800);
  // Still alive, and still answering from the right policy.
  const premium = vectors('estimate_premium')[0].input;
  assert.deepEqual(engine.estimatePremium(premium, policy), engine.estimatePremium(premium));
});
