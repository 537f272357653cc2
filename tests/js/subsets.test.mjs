// The pages' smaller builds of the engine (www/pkg/credit_calculator_<page>_bg.wasm) are the
// crate compiled again with fewer cargo features (the portfolio worker's also at another
// optimization level, for speed), and a page runs them with the complete
// engine's glue. So each must export exactly what scripts/build.mjs lists for it, and answer
// every golden vector of each of its exports exactly as the complete engine does: the same
// result, or the same error with the same code, field and problems. Also with our whole
// policy passed (its reader is the largest part of a build) and with a broken one; a build
// without the reader (cargo feature `company-policy`: the deal check's) refuses both with
// POLICY_NOT_IN_BUILD, and the page's loader gives such calls to the complete engine.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { ENGINE_SUBSETS, subsetFile, wasmFile } from '../../scripts/build.mjs';

const glue = new URL('../../www/pkg/credit_calculator.js', import.meta.url);

/** The glue as a module record of its own (as engine.js loads a page's build), started on `wasm`. */
async function instance(wasm, name) {
  const mod = await import(`${glue.href}?subset-test=${name}`);
  mod.initSync({ module: readFileSync(wasm) });
  return mod;
}

const complete = await instance(wasmFile, 'complete');
const ours = complete.defaultPolicy();

const VECTOR_FILES = {
  scoreCustomer: 'score_customer', recommendLimit: 'recommend_limit', simulateTerms: 'simulate_terms',
  estimatePremium: 'estimate_premium', claimPayout: 'claim_payout', overduePlan: 'overdue_plan',
  lateInterest: 'late_interest', discountCost: 'discount_cost', validatePolicy: 'validate_policy',
  scorePortfolio: 'portfolio',
};

const vectorsDir = new URL('../vectors/', import.meta.url);
const cases = (name) => JSON.parse(readFileSync(new URL(`${VECTOR_FILES[name]}.json`, vectorsDir), 'utf8')).cases;

/** What a call gave: its result, or the error's name, code, field, message and problems. */
function outcome(fn, args) {
  try {
    return { value: fn(...args) };
  } catch (e) {
    return { error: { name: e?.name, code: e?.code, field: e?.field, message: e?.message, errors: e?.errors } };
  }
}

test('every export a page build lists has golden vectors here', () => {
  for (const { exports } of Object.values(ENGINE_SUBSETS)) {
    for (const name of exports) assert.ok(VECTOR_FILES[name], `${name} has no vector file in this test`);
  }
  const files = readdirSync(vectorsDir);
  for (const file of Object.values(VECTOR_FILES)) assert.ok(files.includes(`${file}.json`), file);
});

test('engine.js sends a company policy straight to the complete engine on exactly the pages whose build lacks the reader', () => {
  const loader = readFileSync(new URL('../../www/js/engine.js', import.meta.url), 'utf8');
  const listed = loader.match(/const WITHOUT_POLICY_READER = new Set\((\[[^\]]*\])\)/);
  assert.ok(listed, 'engine.js names the builds without the policy reader');
  const names = JSON.parse(listed[1].replaceAll("'", '"'));
  const expected = Object.entries(ENGINE_SUBSETS).filter(([, { features }]) => !features.includes('company-policy')).map(([n]) => n);
  assert.deepEqual(names.sort(), expected.sort());
});

for (const [page, { exports, features }] of Object.entries(ENGINE_SUBSETS)) {
  const readsPolicies = features.includes('company-policy');
  // validatePolicy is in a build exactly when it reads company policies: engine.js tells them
  // apart by it.
  test(`the ${page} page's build ${readsPolicies ? 'reads' : 'refuses'} a company policy, and ${readsPolicies ? 'has' : 'lacks'} validatePolicy`, () => {
    assert.equal(exports.includes('validatePolicy'), readsPolicies);
  });

  test(`the ${page} page's build exports exactly ${exports.length === 1 ? exports[0] : `its ${exports.length} functions`}`, () => {
    const module = new WebAssembly.Module(readFileSync(subsetFile(page)));
    const names = WebAssembly.Module.exports(module).map((e) => e.name).filter((n) => n !== 'memory' && !n.startsWith('__'));
    assert.deepEqual(names.sort(), [...exports].sort());
  });

  test(`the ${page} page's build answers every golden vector as the complete engine does`, async () => {
    const small = await instance(subsetFile(page), page);
    const broken = { ...ours, grades: 'none' };
    let calls = 0;
    for (const name of exports) {
      for (const c of cases(name)) {
        const argsList = name === 'validatePolicy'
          ? [[c.input]]
          : [[c.input, c.policy], [c.input, ours], [c.input, broken]];
        for (const args of argsList) {
          const got = outcome(small[name], args);
          if (!readsPolicies && args[1] != null) {
            assert.equal(got.error?.name, 'CreditCalculatorError', `${page}: ${name}: ${c.name}`);
            assert.deepEqual([got.error.code, got.error.field, got.error.errors.length], ['POLICY_NOT_IN_BUILD', 'policy', 1],
              `${page}: ${name}: ${c.name}`);
          } else {
            assert.deepEqual(got, outcome(complete[name], args), `${page}: ${name}: ${c.name}`);
          }
          calls += 1;
        }
      }
    }
    assert.ok(calls >= exports.length * 3, `only ${calls} calls`);
  });
}
