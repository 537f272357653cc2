// The one engine loader every page and element shares. Each engine is started once and its
// promise reused; calls never throw: they return { ok, value } or { ok: false, error }.
// If an engine ever traps (wasm aborts on a panic and is then unusable), the next call
// starts a fresh instance from a new module record, so the page keeps working.

const PKG = new URL('../pkg/credit_calculator.js', import.meta.url);
const FULL = new URL('../pkg/credit_calculator_bg.wasm', import.meta.url);
// The portfolio worker's build: scorePortfolio, built for speed (scripts/build.mjs).
const PORTFOLIO = new URL('../pkg/credit_calculator_portfolio_bg.wasm', import.meta.url);

/**
 * The wasm the page runs. A page may preload a smaller build of the engine with only the
 * exports its sections call (`npm run build` writes them: pkg/credit_calculator_quote_bg.wasm
 * and pkg/credit_calculator_deal_bg.wasm) by marking the preload `data-engine="quote"` (or
 * "deal"); it must be in the document before this module runs. Elsewhere (an intranet page,
 * a worker) it is the complete engine. The portfolio worker asks for its own build
 * (loadPortfolioEngine).
 */
const LINK = typeof document === 'undefined' ? null : document.querySelector('link[rel="preload"][data-engine]');
const PAGE = LINK?.href || FULL.href;

// The page builds without the policy reader (scripts/build.mjs, ENGINE_SUBSETS): with a
// company policy their page goes to the complete engine at once, without waiting for its own
// build to load first (a saved or policy-src policy, at the cold start). Any other build is
// asked first, and told apart by its validatePolicy.
const WITHOUT_POLICY_READER = new Set(['deal']);
const PAGE_READS_NO_POLICY = PAGE !== FULL.href && WITHOUT_POLICY_READER.has(LINK.dataset.engine);

/**
 * The glue's module record for each engine's first instance. The complete engine's is the
 * plain pkg/credit_calculator.js, the record a host page's own `import init from
 * './pkg/credit_calculator.js'` shares (the JS API); a smaller build's never is, or it would
 * stand in for the JS API with fewer functions: it is pkg/credit_calculator.js?engine=<name>,
 * which the page modulepreloads. A restart after a trap takes a fresh record, named for this
 * copy of the loader so that two copies on one page never share one.
 */
const firstRecords = new Map([[FULL.href, PKG.href], [PORTFOLIO.href, `${PKG.href}?engine=portfolio`]]);
if (PAGE !== FULL.href) firstRecords.set(PAGE, `${PKG.href}?engine=${encodeURIComponent(LINK.dataset.engine || 'page')}`);
const COPY = Math.random().toString(36).slice(2, 8);
let restarts = 0;

const engines = new Map(); // wasm URL → its loading promise: { mod, exports, wasm, record }
const current = new Map(); // wasm URL → the module record of its current instance

function start(wasm) {
  let loading = engines.get(wasm);
  if (!loading) {
    const record = firstRecords.get(wasm) ?? `${PKG.href}?instance=${COPY}-${++restarts}`;
    firstRecords.delete(wasm);
    current.set(wasm, record);
    const page = wasm === PAGE;
    if (page) performance.mark('engine-start');
    loading = import(record).then(async (mod) => {
      const exports = await mod.default({ module_or_path: new URL(wasm) });
      if (page) performance.mark('engine-ready');
      return { mod, exports, wasm, record };
    });
    loading.catch(() => {
      if (engines.get(wasm) === loading) engines.delete(wasm); // the next call tries again
    });
    engines.set(wasm, loading);
  }
  return loading;
}

/** The page's engine; the complete one when the page's smaller build cannot be loaded. */
function pageEngine() {
  return PAGE === FULL.href ? start(FULL.href) : start(PAGE).catch(() => start(FULL.href));
}

/** Resolves to the complete engine's module (every export), starting it on first use. */
export async function loadEngine() {
  return (await start(FULL.href)).mod;
}

let portfolioEngine = null;

/**
 * Resolves to the portfolio worker's engine: a build with scorePortfolio (and only what the
 * quote build has besides) compiled for speed, since it scores whole customer books; the
 * complete engine when that build cannot be loaded (a copy of the site without it), after
 * which every run keeps the complete one and fetches nothing more.
 */
export async function loadPortfolioEngine() {
  if (!portfolioEngine) {
    portfolioEngine = start(PORTFOLIO.href).catch(() => start(FULL.href));
    portfolioEngine.catch(() => {
      portfolioEngine = null; // neither loaded: the next run tries again
    });
  }
  return (await portfolioEngine).mod;
}

// Everything that imports this module calls the engine, so it starts compiling on import:
// the pages load this module with <script type="module" async> ahead of their own scripts,
// which starts the wasm compile while those are still arriving (before, it waited for the
// sections' markup; the longest wait of the cold start). A page whose engine works elsewhere
// (the portfolio page's, in its worker) says so with <meta name="credit-engine"
// content="on-demand">: its own then starts only if a call needs it (a company policy checked).
// In a worker nothing starts before it asks: the portfolio worker runs its own build.
const ON_DEMAND = typeof document === 'undefined' || document.querySelector('meta[name="credit-engine"][content="on-demand"]');
if (!ON_DEMAND) pageEngine().catch(() => {}); // a failure is reported by the first call, which retries

function engineFailure(code, message) {
  return { code, field: '', message, errors: [{ code, field: '', message }] };
}

/**
 * Calls an engine export by name. Engine errors come back as { ok: false, error } with the
 * engine's code, field and errors; a trap or a failed load as code ENGINE_FAILED. A company
 * policy goes through `callWithPolicy`: given here as the last argument it reaches the page's
 * build, and the deal check's refuses it (POLICY_NOT_IN_BUILD).
 */
export function call(name, ...args) {
  return invoke(name, args, null);
}

/**
 * Calls an engine export with a company policy as its last argument; as `call` otherwise.
 * A page's build that reads no company policy (the deal check's, which has no
 * validatePolicy: its policy reader was about a seventh of it) leaves the call to the
 * complete engine, loaded then.
 */
export function callWithPolicy(name, policy, ...args) {
  return invoke(name, args, policy);
}

async function invoke(name, args, policy) {
  let engine;
  try {
    engine = policy != null && PAGE_READS_NO_POLICY ? await start(FULL.href) : await pageEngine();
    // A function the page's smaller build leaves out (a host page asking for more than the
    // page's own sections do, or a company policy to check or calculate with) is answered
    // by the complete engine, loaded then.
    if (engine.wasm !== FULL.href && (typeof engine.exports[name] !== 'function'
      || (policy != null && typeof engine.exports.validatePolicy !== 'function'))) engine = await start(FULL.href);
  } catch (e) {
    return { ok: false, error: engineFailure('ENGINE_FAILED', `The calculator could not start: ${e?.message ?? e}`) };
  }
  try {
    return { ok: true, value: policy != null ? engine.mod[name](...args, policy) : engine.mod[name](...args) };
  } catch (e) {
    if (e && e.name === 'CreditCalculatorError') {
      return { ok: false, error: { code: e.code, field: e.field, message: e.message, errors: e.errors ?? [] } };
    }
    // The next call starts a fresh instance of this engine (unless one already has).
    if (current.get(engine.wasm) === engine.record) engines.delete(engine.wasm);
    return { ok: false, error: engineFailure('ENGINE_FAILED', String(e?.message ?? e)) };
  }
}
