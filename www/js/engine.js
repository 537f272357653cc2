// The one engine loader every page and element shares. The wasm module is started once and
// its promise reused; calls never throw: they return { ok, value } or { ok: false, error }.
// If the module ever traps (wasm aborts on a panic and is then unusable), the next call
// starts a fresh instance from a new module record, so the page keeps working.

const PKG = new URL('../pkg/credit_calculator.js', import.meta.url);
const FULL = new URL('../pkg/credit_calculator_bg.wasm', import.meta.url);

/**
 * The wasm the page runs. A page may preload a smaller build of the engine with only the
 * exports its sections call (`npm run build` writes them: pkg/credit_calculator_quote_bg.wasm
 * and pkg/credit_calculator_deal_bg.wasm) by marking the preload `data-engine`; elsewhere
 * (an intranet page, the portfolio worker) it is the complete engine.
 */
const PAGE = (typeof document !== 'undefined' && document.querySelector('link[rel="preload"][data-engine]')?.href) || FULL.href;

const engines = new Map(); // wasm URL → its loading promise: { mod, exports, wasm }
let records = 0; // glue module records made so far: each instance after the first gets its own

function start(wasm) {
  let loading = engines.get(wasm);
  if (!loading) {
    // A query makes a new module record, hence a new wasm instance (after a trap, or for the
    // complete engine beside the page's smaller one); the first is the preloaded glue itself.
    const url = records === 0 ? PKG.href : `${PKG.href}?instance=${records}`;
    records += 1;
    const page = wasm === PAGE;
    if (page) performance.mark('engine-start');
    loading = import(url).then(async (mod) => {
      const exports = await mod.default({ module_or_path: new URL(wasm) });
      if (page) performance.mark('engine-ready');
      return { mod, exports, wasm };
    });
    loading.catch(() => engines.delete(wasm));
    engines.set(wasm, loading);
  }
  return loading;
}

/** Resolves to the engine module (its exported functions), starting it on first use. */
export async function loadEngine() {
  return (await start(PAGE)).mod;
}

// Everything that imports this module calls the engine, so it starts compiling on import:
// the pages load this module with <script type="module" async> ahead of their own scripts,
// which starts the wasm compile while those are still arriving (before, it waited for the
// sections' markup; the longest wait of the cold start).
start(PAGE).catch(() => {}); // a failure is reported by the first call, which retries

function engineFailure(code, message) {
  return { code, field: '', message, errors: [{ code, field: '', message }] };
}

/**
 * Calls an engine export by name. Engine errors come back as { ok: false, error } with the
 * engine's code, field and errors; a trap or a failed load as code ENGINE_FAILED.
 */
export async function call(name, ...args) {
  let engine;
  try {
    engine = await start(PAGE);
    // A function the page's smaller engine leaves out (a host page asking for more than the
    // page's own sections do) is answered by the complete engine, loaded then.
    if (PAGE !== FULL.href && typeof engine.exports[name] !== 'function') engine = await start(FULL.href);
  } catch (e) {
    return { ok: false, error: engineFailure('ENGINE_FAILED', `The calculator could not start: ${e?.message ?? e}`) };
  }
  try {
    return { ok: true, value: engine.mod[name](...args) };
  } catch (e) {
    if (e && e.name === 'CreditCalculatorError') {
      return { ok: false, error: { code: e.code, field: e.field, message: e.message, errors: e.errors ?? [] } };
    }
    engines.delete(engine.wasm); // the next call starts a fresh instance of this engine
    return { ok: false, error: engineFailure('ENGINE_FAILED', String(e?.message ?? e)) };
  }
}
