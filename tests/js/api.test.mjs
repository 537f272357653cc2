// JS layer: the built ES module as a JS developer uses it, on the same golden vectors read
// from disk, plus the shipped TypeScript declarations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = new URL('../../www/pkg/', import.meta.url);
const engine = await import(new URL('credit_calculator.js', pkg));
engine.initSync({ module: readFileSync(new URL('credit_calculator_bg.wasm', pkg)) });

const vectors = (name) => JSON.parse(readFileSync(new URL(`../vectors/${name}.json`, import.meta.url), 'utf8')).cases;

function partial(expected, actual, path = '') {
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    expected.forEach((e, i) => partial(e, actual[i], `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    for (const [k, v] of Object.entries(expected)) {
      assert.ok(actual && k in actual, `${path}.${k} missing`);
      partial(v, actual[k], `${path}.${k}`);
    }
  } else {
    assert.deepEqual(actual, expected, path);
  }
}

test('discountCost: every golden vector', () => {
  let ran = 0;
  for (const c of vectors('discount_cost')) {
    if (c.expect) {
      partial(c.expect, engine.discountCost(c.input, c.policy), c.name);
    } else {
      assert.throws(
        () => engine.discountCost(c.input, c.policy),
        (e) => {
          assert.ok(e instanceof Error, c.name);
          assert.equal(e.name, 'CreditCalculatorError');
          assert.deepEqual(e.errors.map((p) => [p.code, p.field]), c.errors.map((p) => [p.code, p.field]), c.name);
          assert.equal(e.code, c.errors[0].code);
          assert.equal(e.field, c.errors[0].field);
          return true;
        },
      );
    }
    ran += 1;
  }
  assert.equal(ran, 25);
});

function runCases(name, call, count) {
  let ran = 0;
  for (const c of vectors(name)) {
    if (c.expect) {
      partial(c.expect, call(c), c.name);
    } else {
      assert.throws(() => call(c), (e) => {
        assert.equal(e.name, 'CreditCalculatorError', c.name);
        assert.deepEqual(e.errors.map((p) => [p.code, p.field]), c.errors.map((p) => [p.code, p.field]), c.name);
        return true;
      });
    }
    ran += 1;
  }
  assert.equal(ran, count, `${name} vectors ran`);
}

test('scoreCustomer, financialAnalysis, paymentIndex: every golden vector', () => {
  runCases('score_customer', (c) => engine.scoreCustomer(c.input, c.policy), 12);
  runCases('financial_analysis', (c) => engine.financialAnalysis(c.input.financials, c.input.profile), 11);
  runCases('payment_index', (c) => engine.paymentIndex(c.input, c.asOf), 18);
});

test('recommendLimit: every golden vector, and a score result passed straight back', () => {
  runCases('recommend_limit', (c) => engine.recommendLimit(c.input, c.policy), 17);
  const score = engine.scoreCustomer({
    asOf: '2026-11-22',
    financials: { currentAssets: '500000', currentLiabilities: '300000', totalAssets: '2000000', totalLiabilities: '1200000', bookEquity: '800000', revenue: '5000000', retainedEarnings: '300000', ebit: '250000', netIncome: '150000' },
  });
  const limit = engine.recommendLimit({ asOf: '2026-11-22', currency: 'CNY', score, expectedAnnualSales: '1000000', termsDays: 30 });
  assert.equal(limit.grade, score.grade);
  const tnw = limit.methods.find((m) => m.method === 'netWorth');
  assert.equal(tnw.basis, '800000.00', 'TNW taken from the score result');
});

test('simulateTerms, paymentSchedule, lateInterest, dso: every golden vector', () => {
  runCases('simulate_terms', (c) => engine.simulateTerms(c.input), 6);
  runCases('payment_schedule', (c) => engine.paymentSchedule(c.input), 12);
  runCases('late_interest', (c) => engine.lateInterest(c.input), 16);
  runCases('dso', (c) => engine.dso(c.input), 6);
});

test('estimatePremium, claimPayout: every golden vector', () => {
  runCases('estimate_premium', (c) => engine.estimatePremium(c.input), 8);
  runCases('claim_payout', (c) => engine.claimPayout(c.input), 7);
});

test('dealCheck, overduePlan: every golden vector', () => {
  runCases('deal_check', (c) => engine.dealCheck(c.input), 3);
  runCases('overdue_plan', (c) => engine.overduePlan(c.input), 3);
});

test('scorePortfolio: every golden vector, each scored customer as scoreCustomer and recommendLimit see it', () => {
  let crossed = 0;
  runCases('portfolio', (c) => {
    const result = engine.scorePortfolio(c.input, c.policy);
    for (const check of c.crossCheck ?? []) {
      const score = engine.scoreCustomer(check.scoreCustomer, c.policy);
      const limit = engine.recommendLimit({ ...check.recommendLimit, score }, c.policy);
      const row = result.results.find((r) => r.row === check.row);
      assert.ok(row, `${c.name}: row ${check.row}`);
      assert.deepEqual(
        [row.score, row.grade, row.pd, row.recommended, row.bindingMethod, row.exposure, row.headroom],
        [score.score, score.grade, score.pd, limit.recommended, limit.bindingMethod, limit.exposure.total, limit.headroom],
        `${c.name}: row ${check.row}`,
      );
      crossed += 1;
    }
    return result;
  }, 11);
  assert.equal(crossed, 6, 'every cross-checked customer');
});

test('scorePortfolio: packed rows in, packed lines out, the same figures as objects', () => {
  const columns = ['name', 'termsDays', 'expectedAnnualSales', 'openReceivables', 'daysBeyondTerms'];
  const rows = [['A', '30', '365000', '10000', '0'], ['B', '60', '730000', '', '45']];
  const objects = engine.scorePortfolio({ asOf: '2026-11-22', columns, rows });
  const packed = engine.scorePortfolio({ asOf: '2026-11-22', columns, rows: rows.map((r) => r.join('\x1f')).join('\x1e'), output: 'packed' });
  assert.deepEqual(packed.results, []);
  const lines = packed.packed.split('\x1e').map((line) => Object.fromEntries(line.split('\x1f').map((v, i) => [packed.packedFields[i], v])));
  assert.equal(lines.length, 2);
  lines.forEach((line, i) => {
    const o = objects.results[i];
    for (const k of ['score', 'pd', 'recommended', 'bindingMethod', 'exposure', 'headroom', 'expectedLoss']) assert.equal(line[k], o[k], k);
    assert.equal(Number(line.row), o.row);
    assert.equal(Number(line.grade), o.grade);
    assert.equal(line.review === '1', o.review);
  });
  assert.deepEqual(packed.totals, objects.totals);
});

test('validatePolicy: every golden vector, never throwing', () => {
  const cases = vectors('validate_policy');
  for (const c of cases) {
    const r = engine.validatePolicy(c.input);
    assert.equal(r.valid, c.errors.length === 0, c.name);
    assert.deepEqual(r.errors.map((p) => [p.code, p.field]), c.errors.map((p) => [p.code, p.field]), c.name);
  }
  assert.ok(cases.length >= 6);
});

test('the policy argument is optional; undefined and null mean ours', () => {
  const input = { discountPercent: 2, discountDays: 10, netDays: 30 };
  assert.equal(engine.discountCost(input).simpleAnnualRate, '0.3724489796');
  assert.equal(engine.discountCost(input, undefined).policyVersion, '2026.11.1');
  assert.equal(engine.discountCost(input, null).policyVersion, '2026.11.1');
  assert.equal(engine.discountCost(input, engine.defaultPolicy()).policyVersion, '2026.11.1');
});

test('results are plain JSON-compatible objects: strings for money, null not undefined', () => {
  const r = engine.discountCost({ discountPercent: 2, discountDays: 10, netDays: 30 });
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  assert.equal(r.invoice, null);
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  assert.equal(typeof r.simpleAnnualRate, 'string');
});

test('TypeScript declarations ship for every export and type', () => {
  const dts = readFileSync(new URL('credit_calculator.d.ts', pkg), 'utf8');
  for (const sig of [
    'export function discountCost(input: DiscountCostInput, policy?: Policy | null): DiscountCostResult;',
    'export function defaultPolicy(): Policy;',
    'export function validatePolicy(policy: unknown): PolicyValidation;',
    'export function scoreCustomer(input: ScoreInput, policy?: Policy | null): ScoreResult;',
    'export function financialAnalysis(financials: FinancialPeriod | FinancialPeriod[], profile: CustomerProfile | null | undefined, policy?: Policy | null): FinancialAnalysis;',
    'export function paymentIndex(experiences: PaymentsInput, asOf: DateString, policy?: Policy | null): PaymentIndexResult;',
    'export function recommendLimit(input: LimitInput, policy?: Policy | null): LimitResult;',
    'export function simulateTerms(input: TermsInput, policy?: Policy | null): TermsResult;',
    'export function paymentSchedule(plan: PaymentPlan, policy?: Policy | null): PaymentScheduleResult;',
    'export function lateInterest(input: LateInterestInput, policy?: Policy | null): LateInterestResult;',
    'export function dso(input: DsoInput, policy?: Policy | null): DsoResult;',
    'export function estimatePremium(input: PremiumInput, policy?: Policy | null): PremiumEstimate;',
    'export function claimPayout(input: ClaimInput, policy?: Policy | null): ClaimPayoutResult;',
    'export function dealCheck(input: DealCheckInput, policy?: Policy | null): DealCheckResult;',
    'export function overduePlan(input: OverdueInput, policy?: Policy | null): OverduePlanResult;',
    'export function scorePortfolio(input: PortfolioInput, policy?: Policy | null): PortfolioResult;',
    'export interface CreditCalculatorError extends Error',
    'export interface Problem',
  ]) {
    assert.ok(dts.includes(sig), `missing: ${sig}`);
  }
});

test('the default policy ships as a JSON file equal to defaultPolicy()', () => {
  const file = JSON.parse(readFileSync(new URL('default-policy.json', pkg), 'utf8'));
  assert.deepEqual(file, engine.defaultPolicy());
});
