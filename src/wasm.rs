//! The WebAssembly boundary: the only `#[wasm_bindgen]` exports. Pure functions, plain
//! objects in and out, money as decimal strings; every failure is thrown as a JS `Error`
//! carrying `code`, `field` and the full `errors` list. What they keep between calls never
//! changes an answer: the field names results have sent (src/tape.rs) and the policy read
//! last (below, and `policy::resolve`).
//!
//! Which exports a build has is a cargo feature (Cargo.toml): `estimatePremium` always,
//! `company-policy` the policy reader (every export's `policy` argument) and `validatePolicy`
//! (the quote page's build has it: an intranet page's quote may bring its company's
//! policy), `deal` the deal check's seven others, `portfolio` the portfolio worker's
//! `scorePortfolio`, `full` (the default) every one. The
//! pages' smaller builds are the crate built with fewer features, so the linker also drops
//! the texts and tables only the other exports read (scripts/build.mjs, `ENGINE_SUBSETS`).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Error as JsError, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{code, Problem, Problems};
use crate::value::{Value, MAX_DEPTH};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A decimal number as text ("1234.50"); inputs also accept a JS number. */
export type DecimalInput = string | number;
/** A decimal number as text, exact ("0.3724489796"). Rates are fractions: 0.0372 = 3.72 %. */
export type DecimalString = string;
/** A calendar date written YYYY-MM-DD. */
export type DateString = string;

/** One thing wrong with an input or a policy. */
export interface Problem {
  /** Stable code to translate by, e.g. "OUT_OF_RANGE", "REQUIRED". */
  code: string;
  /** Path of the field, e.g. "netDays" or "policy.rounding.moneyDecimals". */
  field: string;
  /** English explanation. */
  message: string;
  min?: string;
  max?: string;
  allowed?: string[];
}

/** What every export throws: a JS Error with the first problem's code and field, and all of them. */
export interface CreditCalculatorError extends Error {
  name: "CreditCalculatorError";
  code: string;
  field: string;
  errors: Problem[];
}

export type RoundingMode = "halfAwayFromZero" | "halfEven" | "towardZero";

/** A company's credit policy. Every field but `version` may be left out to keep ours. */
export interface Policy {
  version: string;
  name?: string;
  rounding?: { mode?: RoundingMode; moneyDecimals?: number; rateDecimals?: number };
  currencies?: { code: string; minorUnits: number }[];
  terms?: { dayBasis?: 360 | 365 | "360" | "365"; maxTermDays?: number; costOfCapital?: DecimalInput; lossGivenDefault?: DecimalInput; defaultPd?: DecimalInput };
  scorecard?: {
    missingData?: "reweight" | "neutral"; neutralPoints?: DecimalInput; minPaymentExperiences?: number;
    highConfidenceFrom?: DecimalInput; mediumConfidenceFrom?: DecimalInput;
    factors?: { code: FactorCode; weight: DecimalInput; bands: { below: DecimalInput | null; points: DecimalInput }[] }[];
  };
  grades?: { grade: number; minScore: DecimalInput; pd: DecimalInput; band: "green" | "amber" | "red"; decision: "approve" | "review" | "secureOrPrepay" }[];
  paymentIndex?: {
    anchors?: { daysBeyondTerms: number; index: DecimalInput; practice: string }[];
    lowRiskFrom?: DecimalInput; mediumRiskFrom?: DecimalInput; halfLifeMonths?: DecimalInput; lookbackMonths?: number;
  };
  legal?: {
    events?: { kind: string; severity: DecimalInput }[];
    resolvedFactor?: DecimalInput; halfLifeMonths?: DecimalInput; lookbackMonths?: number; insolvencyKnockoutMonths?: number;
  };
  altman?: {
    z?: AltmanModel; zPrime?: AltmanModel; zDoublePrime?: AltmanModel;
    emConstant?: DecimalInput; emRatings?: { rating: string; minScore: DecimalInput }[];
  };
  industries?: { code: string; nameEn?: string; nameZh?: string; riskClass: number }[];
  countries?: { code: string; oecdCategory: number }[];
  limit?: {
    roundingStep?: DecimalInput; roundingSteps?: { currency: string; step: DecimalInput }[]; capAtNeed?: boolean; noOpenCreditFromGrade?: number;
    byGrade?: { grade: number; netWorthShare: DecimalInput; revenueShare: DecimalInput; ceiling: DecimalInput }[];
    workingCapitalShare?: DecimalInput; concentrationShare?: DecimalInput; ceilingCurrency?: string;
    partialPrepaymentShare?: DecimalInput; insuranceIndemnity?: DecimalInput;
    approvers?: { role: string; upTo: DecimalInput | null }[];
    reviewMonths?: { green?: number; amber?: number; red?: number };
  };
  insurance?: {
    baseRateByRiskClass?: DecimalInput[]; countryFactors?: DecimalInput[];
    termsFactors?: { below: DecimalInput | null; factor: DecimalInput }[];
    buyerQualityFactors?: { below: DecimalInput | null; factor: DecimalInput }[];
    lossHistoryFactors?: { below: DecimalInput | null; factor: DecimalInput }[];
    spreadFactors?: { below: DecimalInput | null; factor: DecimalInput }[];
    indemnityFactors?: { below: DecimalInput | null; factor: DecimalInput }[];
    firstLossFactors?: { below: DecimalInput | null; factor: DecimalInput }[];
    rangeShare?: DecimalInput; defaultIndemnity?: DecimalInput; defaultMaxLiabilityMultiple?: DecimalInput;
    minimumPremiums?: { currency: string; amount: DecimalInput }[];
    namedBuyerFees?: { currency: string; amount: DecimalInput }[];
    premiumTaxes?: { country: string; rate: DecimalInput }[];
  };
  overdue?: {
    ladder?: { days: number; action: string }[];
    routes?: { route: string; recovery: DecimalInput; months: number; costShare?: DecimalInput; fixedCost?: DecimalInput }[];
  };
  latePayment?: {
    referenceRates?: { code: string; entries: { from: DateString; rate: DecimalInput }[] }[];
    eu?: { margin?: DecimalInput; countryMargins?: { country: string; margin: DecimalInput }[]; fixedCompensation?: DecimalInput; currency?: string };
    uk?: { margin?: DecimalInput; fixedCompensation?: { below: DecimalInput | null; amount: DecimalInput }[]; currency?: string };
    cn?: { dailyRateWithoutAgreement?: DecimalInput };
    us?: { defaultMonthlyRate?: DecimalInput };
  };
}

export interface AltmanModel {
  x1?: DecimalInput; x2?: DecimalInput; x3?: DecimalInput; x4?: DecimalInput; x5?: DecimalInput;
  distressBelow?: DecimalInput; safeAbove?: DecimalInput;
}

export interface PolicyValidation {
  valid: boolean;
  errors: Problem[];
  /** The policy as the engine reads it (defaults filled in), when valid; else null. */
  policy: Policy | null;
}

export interface DiscountCostInput {
  /** The discount in percent: 2 for "2/10 net 30". 0 ≤ value < 100. */
  discountPercent: DecimalInput;
  /** Days within which the discount may be taken. */
  discountDays: DecimalInput;
  /** Days until the full amount is due; more than discountDays. */
  netDays: DecimalInput;
  /** Days in a year for the simple rate; the policy's default (365) when left out. */
  dayBasis?: 360 | 365 | "360" | "365" | null;
  invoiceAmount?: DecimalInput | null;
  invoiceDate?: DateString | null;
  /** ISO 4217 code; amounts are rounded to its minor unit. */
  currency?: string | null;
}

export interface DiscountCostResult {
  policyVersion: string;
  discountPercent: DecimalString;
  /** The discount as a fraction: "0.02" for 2 %. */
  discountRate: DecimalString;
  discountDays: number;
  netDays: number;
  dayBasis: 360 | 365;
  /** netDays − discountDays. */
  extraDays: number;
  /** d / (1 − d). */
  periodRate: DecimalString;
  /** dayBasis / extraDays. */
  periodsPerYear: DecimalString;
  /** periodRate × periodsPerYear. */
  simpleAnnualRate: DecimalString;
  /** (1 + periodRate)^(365 / extraDays) − 1; null when too large to express. */
  effectiveAnnualRate: DecimalString | null;
  effectiveDayBasis: 365;
  invoice: {
    currency: string | null;
    amount: DecimalString | null;
    discountAmount: DecimalString | null;
    amountIfDiscounted: DecimalString | null;
    invoiceDate: DateString | null;
    discountDueDate: DateString | null;
    netDueDate: DateString | null;
  } | null;
}
export interface Band { below: DecimalString | null; points: DecimalString }

/** Financial statement figures of one period; every figure is optional. */
export interface FinancialPeriod {
  /** Required when several periods are given. */
  periodEnd?: DateString;
  currency?: string;
  /** Length of the period for the days ratios (DSO …); 12 when left out. */
  periodMonths?: number;
  currentAssets?: DecimalInput; currentLiabilities?: DecimalInput;
  totalAssets?: DecimalInput; totalLiabilities?: DecimalInput;
  bookEquity?: DecimalInput; retainedEarnings?: DecimalInput;
  ebit?: DecimalInput; netIncome?: DecimalInput;
  revenue?: DecimalInput; costOfGoodsSold?: DecimalInput;
  cash?: DecimalInput; inventory?: DecimalInput; receivables?: DecimalInput; payables?: DecimalInput;
  intangibleAssets?: DecimalInput; interestExpense?: DecimalInput;
  operatingCashFlow?: DecimalInput;
  /** Listed firms: for Altman's original Z. */
  marketValueOfEquity?: DecimalInput;
}

export interface PaymentExperience {
  amount: DecimalInput;
  dueDate: DateString;
  /** Left out while the invoice is still open on the as-of date. */
  paidDate?: DateString | null;
  invoiceDate?: DateString | null;
  reference?: string;
}

export type PaymentsInput =
  | PaymentExperience[]
  | { experiences: PaymentExperience[] }
  | { summary: { daysBeyondTerms: DecimalInput; sharePaidLate?: DecimalInput; count?: number } };

export interface LegalEvent {
  /** One of the policy's kinds: lawsuit, judgment, lien, taxArrears, insolvency. */
  kind: string;
  date: DateString;
  amount?: DecimalInput;
  resolved?: boolean;
  description?: string;
}

export interface CustomerProfile {
  name?: string;
  reference?: string;
  foundedOn?: DateString;
  employees?: number;
  /** A code from the policy's industries. */
  industry?: string;
  /** ISO 3166 alpha-2 code from the policy's countries. */
  country?: string;
  listed?: boolean;
  manufacturer?: boolean;
  bureauScore?: { score: DecimalInput; min: DecimalInput; max: DecimalInput; higherIsBetter?: boolean };
}

export interface ScoreInput {
  asOf: DateString;
  customer?: { name?: string; reference?: string };
  profile?: CustomerProfile;
  financials?: FinancialPeriod | FinancialPeriod[];
  payments?: PaymentsInput;
  legal?: LegalEvent[];
}

export interface Ratio {
  value: DecimalString | null;
  /** MISSING_INPUT, ZERO_DENOMINATOR, NEGATIVE_DENOMINATOR or OVERFLOW. */
  unavailable: string | null;
  missing: string[];
}

export interface FinancialAnalysis {
  periodEnd: DateString | null;
  currency: string | null;
  periodCount: number;
  /** The newest period's revenue, as given. */
  revenue: DecimalString | null;
  ratios: {
    currentRatio: Ratio; quickRatio: Ratio; cashRatio: Ratio; debtRatio: Ratio; debtToEquity: Ratio;
    netMargin: Ratio; grossMargin: Ratio; returnOnAssets: Ratio; returnOnEquity: Ratio;
    interestCover: Ratio; operatingCashFlowRatio: Ratio; workingCapital: Ratio; tangibleNetWorth: Ratio;
    daysSalesOutstanding: Ratio; daysInventoryOutstanding: Ratio; daysPayablesOutstanding: Ratio;
    cashConversionCycle: Ratio;
  };
  altman: {
    model: "z" | "zPrime" | "zDoublePrime";
    modelReason: "LISTED_MANUFACTURER" | "PRIVATE_MANUFACTURER" | "NON_MANUFACTURER" | "PROFILE_MISSING";
    value: DecimalString | null;
    zone: "distress" | "grey" | "safe" | null;
    distressBelow: DecimalString;
    safeAbove: DecimalString;
    components: { name: string; ratio: DecimalString; coefficient: DecimalString; contribution: DecimalString }[];
    unavailable: string | null;
    missing: string[];
  };
  emScore: { value: DecimalString; rating: string } | null;
  trend: { previousPeriodEnd: DateString | null; revenueGrowth: Ratio; netMarginChange: Ratio; secondLossYear: boolean | null } | null;
  assumptions: string[];
}

export interface PaymentIndexResult {
  source: "experiences" | "summary";
  index: DecimalString | null;
  recencyWeightedIndex: DecimalString | null;
  band: "low" | "medium" | "high" | null;
  practice: string | null;
  counted: number;
  openNotDue: number;
  insufficientHistory: boolean;
  totalAmount: DecimalString;
  weightedDaysBeyondTerms: DecimalString | null;
  sharePaidLate: DecimalString | null;
  experiences: {
    amount: DecimalString; dueDate: DateString; paidDate: DateString | null; open: boolean;
    daysBeyondTerms: number | null; indexValue: DecimalString | null; recencyWeight: DecimalString | null;
    excluded: "NOT_YET_DUE" | "OLDER_THAN_LOOKBACK" | null;
  }[];
}

export type FactorCode =
  | "altman" | "currentRatio" | "debtRatio" | "netMargin" | "interestCover" | "revenueGrowth"
  | "paymentIndex" | "legal" | "businessAge" | "employees" | "industryRisk" | "countryRisk" | "bureauScore";

export interface LocalizedText { en: string; "zh-CN": string }

export interface ScoreResult {
  policyVersion: string;
  asOf: DateString;
  /** 0–100, higher = safer. */
  score: DecimalString;
  /** 1 (exceptional) … 10 (at risk of failure). */
  grade: number;
  /** 12-month probability of default of the grade, as a fraction. */
  pd: DecimalString;
  band: "green" | "amber" | "red";
  decision: "approve" | "review" | "secureOrPrepay";
  knockout: "INSOLVENCY_FILING" | null;
  confidence: { value: DecimalString; level: "high" | "medium" | "low"; missing: FactorCode[]; notes: string[] };
  factors: {
    code: FactorCode; group: "financials" | "payments" | "legal" | "profile";
    value: DecimalString | null; available: boolean; points: DecimalString | null;
    weight: DecimalString; effectiveWeight: DecimalString; contribution: DecimalString; pointsLost: DecimalString;
    bandIndex: number | null;
  }[];
  /** At most four, ranked by points lost. */
  reasons: { code: string; factor: FactorCode | null; value: DecimalString | null; pointsLost: DecimalString; text: LocalizedText }[];
  toNextGrade: {
    factor: FactorCode; currentValue: DecimalString | null; targetValue: DecimalString;
    comparator: "atLeast" | "below"; newScore: DecimalString; newGrade: number; text: LocalizedText;
  } | null;
  profile: {
    name: string | null; businessAgeYears: DecimalString | null; employees: number | null;
    industry: string | null; industryRiskClass: number | null; country: string | null; oecdCategory: number | null;
    listed: boolean | null; manufacturer: boolean | null; bureauScoreNormalized: DecimalString | null;
  };
  financialAnalysis: FinancialAnalysis | null;
  paymentIndex: PaymentIndexResult | null;
  legal: {
    events: { kind: string; date: DateString; amount: DecimalString | null; resolved: boolean; ageMonths: DecimalString;
      severity: DecimalString; weightedSeverity: DecimalString; excluded: string | null }[];
    weightedSeverity: DecimalString;
    insolvencyKnockout: boolean;
  } | null;
}
export interface LimitInput {
  asOf: DateString;
  currency?: string;
  /** A scoreCustomer result (only `grade` is required), or give `customer` to score on the way. */
  score?: Partial<ScoreResult> & { grade: number };
  customer?: ScoreInput;
  name?: string;
  expectedAnnualSales?: DecimalInput;
  /** Counted twelve times; give annual or monthly, not both. */
  expectedMonthlySales?: DecimalInput;
  termsDays: number;
  /** Default: the payment index's average days beyond terms, else 0. */
  expectedDaysBeyondTerms?: DecimalInput;
  openReceivables?: DecimalInput;
  openOrders?: DecimalInput;
  requestedAmount?: DecimalInput;
  ourAnnualSales?: DecimalInput;
  /** Defaults from the score's financial analysis. */
  tangibleNetWorth?: DecimalInput;
  workingCapital?: DecimalInput;
  customerRevenue?: DecimalInput;
  insurerApprovedLimit?: DecimalInput;
}

export interface LimitMethod {
  method: "need" | "netWorth" | "revenue" | "workingCapital" | "concentration" | "ceiling" | "insuredExtension";
  value: DecimalString | null;
  applicable: boolean;
  skipped: "NO_DATA" | "CURRENCY_MISMATCH" | "NOT_INSURED" | null;
  basis: DecimalString | null;
  share: DecimalString | null;
  explanation: LocalizedText;
}

export interface LimitResult {
  policyVersion: string;
  asOf: DateString;
  currency: string | null;
  grade: number;
  band: "green" | "amber" | "red";
  methods: LimitMethod[];
  recommended: DecimalString;
  bindingMethod: LimitMethod["method"] | "gradeCutOff" | "none";
  unrounded: DecimalString;
  roundingStep: DecimalString;
  noOpenCredit: boolean;
  /** What is wanted beyond the headroom: the mitigations are worked out for it. */
  uncovered: DecimalString;
  mitigations: { kind: "prepayment" | "partialPrepayment" | "bankGuarantee" | "letterOfCredit" | "creditInsurance"; share: DecimalString; covers: DecimalString; retained: DecimalString }[];
  exposure: { openReceivables: DecimalString; openOrders: DecimalString; total: DecimalString };
  headroom: DecimalString;
  overLimit: boolean;
  request: {
    amount: DecimalString;
    decision: "approve" | "approveInPart" | "refer" | "decline";
    approvedAmount: DecimalString;
    referTo: string | null;
    reason: "WITHIN_LIMIT" | "ABOVE_LIMIT" | "NO_HEADROOM" | "GRADE_CUT_OFF";
    text: LocalizedText;
  } | null;
  reviewMonths: number;
  nextReview: DateString;
  assumptions: string[];
}
export interface PaymentPlan {
  amount: DecimalInput;
  /** The invoice date; the first instalment falls one period after it unless firstDueDate is given. */
  startDate: DateString;
  firstDueDate?: DateString;
  /** 1–600; not needed with frequency "dates". */
  count?: number;
  frequency?: "monthly" | "weekly" | "days" | "dates";
  everyDays?: number;
  dates?: DateString[];
  /** Default: annuity with a rate, noInterest without. */
  method?: "annuity" | "equalPrincipal" | "noInterest";
  /** Yearly, as a fraction ("0.12" = 12 %). */
  annualRate?: DecimalInput;
  dayCount?: "ACT/365F" | "ACT/360" | "30/360";
  businessDay?: "none" | "following" | "modifiedFollowing" | "preceding" | "modifiedPreceding";
  holidays?: DateString[];
  currency?: string;
}

export interface PaymentScheduleResult {
  amount: DecimalString;
  currency: string | null;
  method: "annuity" | "equalPrincipal" | "noInterest";
  annualRate: DecimalString;
  periodicRate: DecimalString | null;
  instalments: { number: number; dueDate: DateString; scheduledDate: DateString; payment: DecimalString; principal: DecimalString; interest: DecimalString; balanceAfter: DecimalString }[];
  totalPayments: DecimalString;
  totalInterest: DecimalString;
  totalPrincipal: DecimalString;
}

export interface LateInterestInput {
  jurisdiction: "EU" | "UK" | "CN" | "US" | "custom";
  amount: DecimalInput;
  dueDate: DateString;
  paidDate: DateString;
  /** Replaces the policy's dated reference rate (ECB, Bank of England, LPR). */
  referenceRate?: DecimalInput;
  /** Contractual yearly rate (CN, US, custom). */
  agreedRate?: DecimalInput;
  /** EU member state for its margin (DE + 9 points, FR + 10). */
  country?: string;
  currency?: string;
  fixedCompensation?: DecimalInput;
}

export interface LateInterestResult {
  policyVersion: string;
  jurisdiction: LateInterestInput["jurisdiction"];
  currency: string | null;
  amount: DecimalString;
  dueDate: DateString;
  paidDate: DateString;
  daysLate: number;
  segments: { from: DateString; to: DateString; days: number; referenceRate: DecimalString | null; reference: string | null; referenceDate: DateString | null; margin: DecimalString | null; rate: DecimalString; interest: DecimalString }[];
  interest: DecimalString;
  fixedCompensation: DecimalString;
  /** EUR (EU) or GBP (UK) whatever the invoice's currency; the total claim adds it only in the same currency. */
  fixedCompensationCurrency: string | null;
  totalClaim: DecimalString;
  legalBasis: LocalizedText;
  notes: string[];
}

export interface DsoInput {
  receivables: DecimalInput;
  creditSales?: DecimalInput;
  daysInPeriod?: number;
  /** Monthly credit sales, any order: "YYYY-MM". */
  months?: { month: string; sales: DecimalInput }[];
}

export interface DsoResult {
  receivables: DecimalString;
  standard: { value: DecimalString; creditSales: DecimalString; daysInPeriod: number } | null;
  countBack: { value: DecimalString; exceedsSales: boolean; steps: { month: string; sales: DecimalString; daysInMonth: number; daysCounted: DecimalString; remaining: DecimalString }[] } | null;
}

export type TermOptionInput =
  | { kind: "net"; days: number; label?: string }
  | { kind: "endOfMonth"; days: number; label?: string }
  | { kind: "discount"; discountPercent: DecimalInput; discountDays: number; netDays: number; takeUp?: DecimalInput; label?: string }
  | { kind: "prepayment"; share: DecimalInput; rest?: TermOptionInput; label?: string }
  | { kind: "instalments"; plan: Partial<PaymentPlan>; label?: string };

export interface TermsInput {
  invoiceDate?: DateString;
  asOf?: DateString;
  currency?: string;
  invoiceAmount?: DecimalInput;
  annualSales?: DecimalInput;
  grossMargin?: DecimalInput;
  variableCostShare?: DecimalInput;
  costOfCapital?: DecimalInput;
  pd?: DecimalInput;
  lgd?: DecimalInput;
  expectedDaysBeyondTerms?: DecimalInput;
  /** A scoreCustomer result: its PD and payment index are used when pd / lateness are not given. */
  score?: Partial<ScoreResult>;
  businessDay?: PaymentPlan["businessDay"];
  holidays?: DateString[];
  /** 1 to 6 options to compare; the first is the baseline for the differences. */
  options: TermOptionInput[];
  name?: string;
}

export interface TermsResult {
  policyVersion: string;
  invoiceDate: DateString;
  currency: string | null;
  invoiceAmount: DecimalString;
  annualSales: DecimalString;
  costOfCapital: DecimalString;
  pd: DecimalString;
  lgd: DecimalString;
  daysBeyondTerms: DecimalString;
  options: {
    label: string;
    kind: TermOptionInput["kind"];
    description: LocalizedText;
    cashFlows: { kind: "prepayment" | "discounted" | "net" | "instalment"; contractualDate: DateString; expectedDate: DateString; amount: DecimalString; settles: DecimalString; daysOutstanding: number }[];
    daysOutstanding: DecimalString;
    receivablesCarried: DecimalString;
    carryingCost: DecimalString;
    pdOverTerm: DecimalString;
    expectedLoss: DecimalString;
    discountCost: DecimalString;
    interestIncome: DecimalString;
    presentValue: DecimalString;
    financingCost: DecimalString;
    netContribution: DecimalString | null;
    totalCost: DecimalString;
    rank: number;
    differenceFromFirst: { daysOutstanding: DecimalString; carryingCost: DecimalString; expectedLoss: DecimalString; discountCost: DecimalString; netContribution: DecimalString | null };
    buyerCost: { simpleAnnualRate: DecimalString; effectiveAnnualRate: DecimalString | null; text: LocalizedText } | null;
    schedule: PaymentScheduleResult | null;
  }[];
  best: string;
  assumptions: string[];
}
export interface PremiumInput {
  insuredTurnover: DecimalInput;
  currency?: string;
  domesticShare?: DecimalInput;
  /** An industry code of the policy (its risk class sets the base rate). */
  sector?: string;
  /** Shares of turnover adding up to 1; a country outside the policy's list needs its oecdCategory. */
  buyerCountries?: { country?: string; share: DecimalInput; oecdCategory?: number }[];
  numberOfBuyers?: number;
  buyerGradeMix?: { grade: number; share: DecimalInput }[];
  typicalTermsDays?: number;
  maxTermsDays?: number;
  /** Bad-debt losses of the last years (up to 10). */
  badDebtLosses?: DecimalInput[];
  dso?: DecimalInput;
  pd?: DecimalInput;
  cover?: { indemnity?: DecimalInput; aggregateFirstLoss?: DecimalInput; excessPerClaim?: DecimalInput; maxLiabilityMultiple?: DecimalInput; namedBuyers?: number };
  policyholderCountry?: string;
  premiumTaxRate?: DecimalInput;
  name?: string;
}

export interface PremiumEstimate {
  policyVersion: string;
  currency: string | null;
  insuredTurnover: DecimalString;
  baseRate: DecimalString;
  factors: { driver: "sector" | "country" | "terms" | "buyerQuality" | "lossHistory" | "spread" | "indemnity" | "firstLoss"; input: DecimalString | null; factor: DecimalString }[];
  rate: DecimalString;
  premium: DecimalString;
  premiumLow: DecimalString;
  premiumHigh: DecimalString;
  minimumPremium: DecimalString | null;
  minimumApplies: boolean;
  effectiveRate: DecimalString;
  monitoringFees: DecimalString;
  premiumTaxRate: DecimalString;
  premiumTax: DecimalString;
  totalAnnualCost: DecimalString;
  indemnity: DecimalString;
  maxLiability: DecimalString;
  aggregateFirstLoss: DecimalString;
  excessPerClaim: DecimalString;
  expectedAnnualLoss: DecimalString;
  expectedLossKept: DecimalString;
  breakEvenLoss: DecimalString;
  lossRatio: DecimalString | null;
  summary: LocalizedText;
  assumptions: string[];
}

export interface ClaimInput {
  unpaidAmount: DecimalInput;
  recovered?: DecimalInput;
  approvedLimit?: DecimalInput;
  indemnity?: DecimalInput;
  excess?: DecimalInput;
  order?: "indemnityThenExcess" | "excessThenIndemnity";
  fixedRetention?: DecimalInput;
  maxLiabilityRemaining?: DecimalInput;
  currency?: string;
}

export interface ClaimPayoutResult {
  policyVersion: string;
  currency: string | null;
  unpaid: DecimalString;
  recovered: DecimalString;
  insuredLoss: DecimalString;
  order: "indemnityThenExcess" | "excessThenIndemnity";
  indemnity: DecimalString;
  excess: DecimalString;
  payoutBeforeRetention: DecimalString;
  minimumRetention: DecimalString;
  payout: DecimalString;
  kept: DecimalString;
  cappedBy: "APPROVED_LIMIT" | "MINIMUM_RETENTION" | "MAXIMUM_LIABILITY" | null;
}
export interface DealCheckInput {
  asOf: DateString;
  currency?: string;
  /** The customer to score (asOf comes from the top). */
  customer?: Omit<ScoreInput, "asOf">;
  /** The limit's own fields (asOf, currency and score come from the top and the score part). */
  limit?: Omit<LimitInput, "asOf" | "score" | "customer">;
  /** The terms' own fields (the invoice date defaults to asOf; PD and lateness to the score's). */
  terms?: Omit<TermsInput, "score">;
  /** Cover for this customer: its sales insured as a single buyer (sector, country, grade from the score). */
  insurance?: Partial<PremiumInput>;
}

export interface DealCheckResult {
  policyVersion: string;
  score: ScoreResult | null;
  limit: LimitResult | null;
  terms: TermsResult | null;
  insurance: { premium: PremiumEstimate; protectedLimit: DecimalString; payoutIfDefault: ClaimPayoutResult } | null;
  /** Every part's problems under its path (customer.…, limit.…, terms.…, insurance.…); the other parts still answer. */
  errors: Problem[];
}
export interface OverdueInput {
  asOf: DateString;
  currency?: string;
  /** For statutory interest and compensation (lateInterest's rules); "custom" needs agreedRate. */
  jurisdiction?: "EU" | "UK" | "CN" | "US" | "custom";
  country?: string;
  agreedRate?: DecimalInput;
  referenceRate?: DecimalInput;
  grade?: number;
  costOfCapital?: DecimalInput;
  invoices: { number?: string; amount: DecimalInput; invoiceDate: DateString; dueDate: DateString; disputed?: boolean; payments?: { date: DateString; amount: DecimalInput }[] }[];
  /** A restructuring plan over the overdue total. */
  plan?: { count: number; frequency?: "monthly" | "weekly"; method?: "annuity" | "equalPrincipal" | "noInterest"; annualRate?: DecimalInput; includeInterest?: boolean };
  name?: string;
}

export interface OverdueClaim { principal: DecimalString; interest: DecimalString; compensation: DecimalString; total: DecimalString; invoices: string[] }

export interface OverduePlanResult {
  policyVersion: string;
  asOf: DateString;
  currency: string | null;
  jurisdiction: string;
  grade: number | null;
  invoices: { number: string; dueDate: DateString; outstanding: DecimalString; daysPastDue: number; bucket: "current" | "1-30" | "31-60" | "61-90" | "over90"; disputed: boolean }[];
  ageing: { bucket: "current" | "1-30" | "31-60" | "61-90" | "over90"; amount: DecimalString; count: number }[];
  disputed: OverduePlanResult["invoices"];
  overdueTotal: DecimalString;
  outstandingTotal: DecimalString;
  claimableNow: OverdueClaim;
  ladder: { action: string; days: number; date: DateString; status: "due" | "upcoming"; claim: OverdueClaim; letter: LocalizedText }[];
  routes: { route: string; expectedRecovery: DecimalString; cost: DecimalString; months: number; expectedDate: DateString; presentValue: DecimalString; rank: number }[];
  bestRoute: string;
  restructuring: PaymentScheduleResult | null;
  legalBasis: LocalizedText;
}
/** The columns a portfolio file may have (names matched ignoring case, spaces, "_", "-", "."; the Chinese aliases are in the README). */
export type PortfolioColumn =
  | "reference" | "name" | "foundedOn" | "employees" | "industry" | "country" | "listed" | "manufacturer"
  | "bureauScore" | "bureauScoreMin" | "bureauScoreMax" | "currency" | "periodEnd"
  | "currentAssets" | "currentLiabilities" | "totalAssets" | "totalLiabilities" | "bookEquity" | "retainedEarnings"
  | "ebit" | "netIncome" | "revenue" | "previousRevenue" | "interestExpense" | "intangibleAssets" | "marketValueOfEquity"
  | "daysBeyondTerms" | "paymentCount" | "legalKind" | "legalDate" | "legalResolved"
  | "termsDays" | "expectedAnnualSales" | "openReceivables" | "openOrders" | "insurerApprovedLimit";

/** Sums of one currency (null: rows that name none), to be passed back with the next chunk. */
export interface PortfolioTotals {
  currency: string | null;
  customers: number;
  recommended: DecimalString;
  exposure: DecimalString;
  expectedLoss: DecimalString;
  overLimit: number;
  review: number;
}

export interface PortfolioInput {
  asOf: DateString;
  /** The file's header, as given: documented names or their aliases; unknown ones are left out (see `columns` in the result). termsDays is required. */
  columns: string[];
  /** At most 100,000 rows: lists of cells (text, or numbers), or one text with cells joined by U+001F and rows by U+001E. */
  rows: (string | number | null)[][] | string;
  /** The spreadsheet row of rows[0], for the problems (the header is row 1): 2 when left out. */
  firstRow?: number;
  /** Our own yearly sales, for the concentration cap. */
  ourAnnualSales?: DecimalInput;
  /** The totals the previous chunk returned: this call adds to them. */
  totals?: PortfolioTotals[];
  /** "objects" (the default): `results`; "packed": one text in `packed`, fields in `packedFields` order. */
  output?: "objects" | "packed";
}

export interface PortfolioRow {
  row: number;
  reference: string | null;
  name: string | null;
  currency: string | null;
  score: DecimalString;
  grade: number;
  pd: DecimalString;
  band: "green" | "amber" | "red";
  decision: "approve" | "review" | "secureOrPrepay";
  recommended: DecimalString;
  bindingMethod: "need" | "netWorth" | "revenue" | "workingCapital" | "concentration" | "ceiling" | "insuredExtension" | "gradeCutOff" | "none";
  /** Open receivables + open orders. */
  exposure: DecimalString;
  headroom: DecimalString;
  /** PD × the policy's LGD × exposure. */
  expectedLoss: DecimalString;
  overLimit: boolean;
  /** The grade's decision is not approve, or the customer is over the limit. */
  review: boolean;
}

/** A problem of one row: that row is left out, the others are scored. */
export interface PortfolioProblem {
  /** The spreadsheet row (the header is row 1). */
  row: number;
  /** The column's header as given; "" for the row as a whole. */
  column: string;
  /** The field read from it ("totalAssets"), or "row". */
  field: string;
  code: string;
  message: string;
  min?: string;
  max?: string;
  allowed?: string[];
}

export interface PortfolioResult {
  policyVersion: string;
  asOf: DateString;
  /** How each column was read; field null: not a known column, left out. */
  columns: { column: string; field: PortfolioColumn | null }[];
  firstRow: number;
  /** Rows read, blank ones included. */
  rows: number;
  blank: number;
  scored: number;
  results: PortfolioRow[];
  packed: string | null;
  packedFields: string[] | null;
  problems: PortfolioProblem[];
  /** By currency, the carried totals included. */
  totals: PortfolioTotals[];
}
"#;

#[wasm_bindgen]
extern "C" {
    /// A policy object supplied by the caller (typed for TypeScript; read like any input).
    #[wasm_bindgen(typescript_type = "Policy")]
    pub type PolicyArg;
}

/// The complete default credit policy, as a plain object.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = defaultPolicy, unchecked_return_type = "Policy")]
pub fn default_policy() -> Result<JsValue, JsValue> {
    to_js(crate::policy::default_policy())
}

/// Every problem in a policy, with its path; never throws for a bad policy.
#[cfg(feature = "company-policy")]
#[wasm_bindgen(js_name = validatePolicy, unchecked_return_type = "PolicyValidation")]
pub fn validate_policy(
    #[wasm_bindgen(unchecked_param_type = "unknown")] policy: JsValue,
) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Validation {
        valid: bool,
        errors: Problems,
        /// The policy as the engine reads it (every field the document leaves out filled
        /// from the default), when it is valid.
        policy: Option<crate::policy::Policy>,
    }
    let (policy, errors) = match read(policy).map(|value| crate::policy::read_policy(&value)) {
        Ok(Ok(policy)) => (Some(policy), Problems::new()),
        Ok(Err(problems)) | Err(problems) => (None, problems),
    };
    to_js(&Validation {
        valid: errors.is_empty(),
        errors,
        policy,
    })
}

/// The buyer's annualized cost of not taking an early-payment discount, and the invoice's
/// discount amount and due dates when an amount and date are given.
#[cfg(feature = "deal")]
#[wasm_bindgen(js_name = discountCost, unchecked_return_type = "DiscountCostResult")]
pub fn discount_cost(
    #[wasm_bindgen(unchecked_param_type = "DiscountCostInput")] input: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let input = read(input).map_err(to_js_error)?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    let result = crate::discount::run(&input, policy.as_deref()).map_err(to_js_error)?;
    to_js(&result)
}

/// The deal check in one call: score → limit → terms → insurance. Part-level problems come
/// back in `errors` (the other parts still answer); it throws only for a bad top level or
/// a bad policy.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = dealCheck, unchecked_return_type = "DealCheckResult")]
pub fn deal_check(
    #[wasm_bindgen(unchecked_param_type = "DealCheckInput")] input: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let input = read(input).map_err(to_js_error)?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    to_js(&crate::deal::run(&input, policy.as_deref()).map_err(to_js_error)?)
}

/// A late customer: ageing, the dunning ladder with what may be claimed on each date, the
/// recovery routes compared, a restructuring plan and each letter's key figures.
#[cfg(feature = "deal")]
#[wasm_bindgen(js_name = overduePlan, unchecked_return_type = "OverduePlanResult")]
pub fn overdue_plan(
    #[wasm_bindgen(unchecked_param_type = "OverdueInput")] input: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let input = read(input).map_err(to_js_error)?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    to_js(&crate::overdue::run(&input, policy.as_deref()).map_err(to_js_error)?)
}

/// A chunk of a customer book: every row scored and limited by the rules of scoreCustomer
/// and recommendLimit, compact figures only; a row's problems are listed and the other
/// rows still scored; totals by currency carried from chunk to chunk.
#[cfg(feature = "portfolio")]
#[wasm_bindgen(js_name = scorePortfolio, unchecked_return_type = "PortfolioResult")]
pub fn score_portfolio(
    #[wasm_bindgen(unchecked_param_type = "PortfolioInput")] input: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let input = read(input).map_err(to_js_error)?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    to_js(&crate::portfolio::run(&input, policy.as_deref()).map_err(to_js_error)?)
}

/// Score a customer: 0–100 score, grade 1–10, 12-month PD, band, decision, confidence,
/// every factor's points, the reasons and the change that would lift the grade.
#[cfg(feature = "deal")]
#[wasm_bindgen(js_name = scoreCustomer, unchecked_return_type = "ScoreResult")]
pub fn score_customer(
    #[wasm_bindgen(unchecked_param_type = "ScoreInput")] input: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let input = read(input).map_err(to_js_error)?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    to_js(&crate::score::run(&input, policy.as_deref()).map_err(to_js_error)?)
}

/// The credit limit: every method, the binding one, mitigations, headroom, the decision on
/// a requested amount and the next review date.
#[cfg(feature = "deal")]
#[wasm_bindgen(js_name = recommendLimit, unchecked_return_type = "LimitResult")]
pub fn recommend_limit(
    #[wasm_bindgen(unchecked_param_type = "LimitInput")] input: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let input = read(input).map_err(to_js_error)?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    to_js(&crate::limit::run(&input, policy.as_deref()).map_err(to_js_error)?)
}

/// Term options compared: cash flows, days outstanding, carrying cost, expected loss,
/// discount cost, present value, net contribution, ranking.
#[cfg(feature = "deal")]
#[wasm_bindgen(js_name = simulateTerms, unchecked_return_type = "TermsResult")]
pub fn simulate_terms(
    #[wasm_bindgen(unchecked_param_type = "TermsInput")] input: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let input = read(input).map_err(to_js_error)?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    to_js(&crate::terms::run(&input, policy.as_deref()).map_err(to_js_error)?)
}

/// An instalment plan, to the cent, summing exactly to the amount.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = paymentSchedule, unchecked_return_type = "PaymentScheduleResult")]
pub fn payment_schedule(
    #[wasm_bindgen(unchecked_param_type = "PaymentPlan")] plan: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let plan = read(plan).map_err(to_js_error)?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    to_js(&crate::schedule::run(&plan, policy.as_deref()).map_err(to_js_error)?)
}

/// Statutory or contractual late-payment interest and fixed compensation.
#[cfg(feature = "deal")]
#[wasm_bindgen(js_name = lateInterest, unchecked_return_type = "LateInterestResult")]
pub fn late_interest(
    #[wasm_bindgen(unchecked_param_type = "LateInterestInput")] input: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let input = read(input).map_err(to_js_error)?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    to_js(&crate::late::run(&input, policy.as_deref()).map_err(to_js_error)?)
}

/// Days sales outstanding, standard and count-back.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = dso, unchecked_return_type = "DsoResult")]
pub fn dso(
    #[wasm_bindgen(unchecked_param_type = "DsoInput")] input: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let input = read(input).map_err(to_js_error)?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    to_js(&crate::dso::run(&input, policy.as_deref()).map_err(to_js_error)?)
}

/// An indicative trade-credit-insurance premium with its range, fees, tax, cover and
/// cost-benefit figures.
#[wasm_bindgen(js_name = estimatePremium, unchecked_return_type = "PremiumEstimate")]
pub fn estimate_premium(
    #[wasm_bindgen(unchecked_param_type = "PremiumInput")] input: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let input = read(input).map_err(to_js_error)?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    to_js(&crate::insurance::run_estimate(&input, policy.as_deref()).map_err(to_js_error)?)
}

/// What a trade-credit-insurance claim pays and what the insured keeps.
#[cfg(feature = "deal")]
#[wasm_bindgen(js_name = claimPayout, unchecked_return_type = "ClaimPayoutResult")]
pub fn claim_payout(
    #[wasm_bindgen(unchecked_param_type = "ClaimInput")] input: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let input = read(input).map_err(to_js_error)?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    to_js(&crate::insurance::run_claim(&input, policy.as_deref()).map_err(to_js_error)?)
}

/// Ratios, the Altman model the profile calls for, the EM score and the trend.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = financialAnalysis, unchecked_return_type = "FinancialAnalysis")]
pub fn financial_analysis(
    #[wasm_bindgen(unchecked_param_type = "FinancialPeriod | FinancialPeriod[]")]
    financials: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CustomerProfile | null | undefined")] profile: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let financials = read(financials)
        .map_err(|ps| to_js_error(ps.into_iter().map(|p| p.under("financials")).collect()))?;
    let profile = if profile.is_null() || profile.is_undefined() {
        None
    } else {
        Some(
            read(profile)
                .map_err(|ps| to_js_error(ps.into_iter().map(|p| p.under("profile")).collect()))?,
        )
    };
    let policy = read_optional(policy).map_err(to_js_error)?;
    to_js(
        &crate::financial::run(&financials, profile.as_ref(), policy.as_deref())
            .map_err(to_js_error)?,
    )
}

/// The amount-weighted payment index 0–100 of payment experiences on a date.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = paymentIndex, unchecked_return_type = "PaymentIndexResult")]
pub fn payment_index(
    #[wasm_bindgen(unchecked_param_type = "PaymentsInput")] experiences: JsValue,
    #[wasm_bindgen(js_name = "asOf", unchecked_param_type = "DateString")] as_of: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let experiences = read(experiences)
        .map_err(|ps| to_js_error(ps.into_iter().map(|p| p.under("experiences")).collect()))?;
    let as_of =
        read(as_of).map_err(|ps| to_js_error(ps.into_iter().map(|p| p.under("asOf")).collect()))?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    to_js(&crate::payments::run(&experiences, &as_of, policy.as_deref()).map_err(to_js_error)?)
}

/// The JS value as an input tree, walked in JS and read from its tape (src/tape/input.rs):
/// a number becomes its shortest decimal text as JS itself writes it (`String(n)`), a
/// BigInt its exact digits, so no amount passes through a binary float in Rust. A value
/// that is not plain data (a symbol, a function, nesting past [`MAX_DEPTH`] such as a
/// cyclic object, an array of more than a million items, a getter that throws) is refused
/// with its path.
fn read(value: JsValue) -> Result<Value, Problems> {
    let (words, text) = encode(&value);
    crate::tape::input::read(&words, &text).map_err(|p| vec![p])
}

/// The JS value's tape: its words and its text.
fn encode(value: &JsValue) -> (Vec<u32>, String) {
    let words = encode_input(
        value,
        MAX_DEPTH as u32,
        crate::tape::input::MAX_ITEMS as u32,
    );
    (words, take_input_text())
}

thread_local! {
    /// The policy argument met last: its tape and the value read from it. A page that uses
    /// its own policy passes the same one with every call. An equal tape (compared word for
    /// word) gets that value without building it again (about 0.15 ms in Node for ours);
    /// `policy::resolve` then finds it equal to the value it read its policy from (a
    /// comparison of about 20 µs) and skips reading the policy (about 0.3 ms).
    static LAST_POLICY: RefCell<Option<KeptPolicy>> = const { RefCell::new(None) };
}

struct KeptPolicy {
    words: Vec<u32>,
    text: String,
    value: Rc<Value>,
}

fn read_optional(value: Option<PolicyArg>) -> Result<Option<Rc<Value>>, Problems> {
    let value = match value.map(JsValue::from) {
        None => return Ok(None),
        Some(v) if v.is_null() || v.is_undefined() => return Ok(None),
        Some(v) => v,
    };
    let (words, text) = encode(&value);
    let seen = LAST_POLICY.with(|last| {
        let last = last.try_borrow().ok()?;
        let kept = last.as_ref()?;
        (kept.words == words && kept.text == text).then(|| Rc::clone(&kept.value))
    });
    if seen.is_some() {
        return Ok(seen);
    }
    let read =
        Rc::new(crate::tape::input::read(&words, &text).map_err(|p| vec![p.under("policy")])?);
    LAST_POLICY.with(|last| {
        if let Ok(mut last) = last.try_borrow_mut() {
            *last = Some(KeptPolicy {
                words,
                text,
                value: Rc::clone(&read),
            });
        }
    });
    Ok(Some(read))
}

#[wasm_bindgen(module = "/src/tape.js")]
extern "C" {
    /// The input value as the words src/tape/input.rs reads; its text follows.
    #[wasm_bindgen(js_name = encodeInput)]
    fn encode_input(value: &JsValue, max_depth: u32, max_items: u32) -> Vec<u32>;
    /// The text of the input `encodeInput` wrote last.
    #[wasm_bindgen(js_name = takeInputText)]
    fn take_input_text() -> String;
    /// Builds the plain object a tape describes (src/tape.rs, src/tape.js).
    #[wasm_bindgen(js_name = decodeTape, catch)]
    fn decode_tape(ops: &[u32], text: &str, memory: &JsValue) -> Result<JsValue, JsValue>;
}

/// A plain JS value, made in one call into JS (see src/tape.rs for why). Should the decoder
/// ever fail, the field names both sides know are dropped and the value sent once more with
/// every name spelled out, so that one failure cannot spoil the calls after it.
fn to_plain<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, String> {
    let memory = wasm_bindgen::memory();
    let tape = crate::tape::encode(value).map_err(|e| e.to_string())?;
    decode_tape(&tape.ops, &tape.text, &memory).or_else(|_| {
        crate::tape::forget_keys();
        let tape = crate::tape::encode(value).map_err(|e| e.to_string())?;
        decode_tape(&tape.ops, &tape.text, &memory).map_err(|_| {
            crate::tape::forget_keys();
            "the result could not be built".to_string()
        })
    })
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    to_plain(value).map_err(|e| to_js_error(vec![Problem::new(code::INTERNAL, "", e)]))
}

/// A JS `Error` named `CreditCalculatorError` with `code`, `field` (of the first problem)
/// and `errors` (all of them).
fn to_js_error(problems: Problems) -> JsValue {
    let first = problems
        .first()
        .cloned()
        .unwrap_or_else(|| Problem::new(code::INTERNAL, "", "unknown error"));
    let mut message = if first.field.is_empty() {
        first.message.clone()
    } else {
        format!("{} {}", first.field, first.message)
    };
    if problems.len() > 1 {
        let more = problems.len() - 1;
        message.push_str(&format!(
            " (and {more} more problem{})",
            if more == 1 { "" } else { "s" }
        ));
    }
    let error = JsError::new(&message);
    error.set_name("CreditCalculatorError");
    let errors = to_plain(&problems).unwrap_or(JsValue::NULL);
    // Setting a property on a fresh Error object cannot fail; ignore the Result all the same.
    let _ = Reflect::set(&error, &"code".into(), &first.code.into());
    let _ = Reflect::set(&error, &"field".into(), &first.field.as_str().into());
    let _ = Reflect::set(&error, &"errors".into(), &errors);
    error.into()
}
