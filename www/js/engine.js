// The one engine loader every page and element shares. The wasm module is started once and
// its promise reused; calls never throw: they return { ok, value } or { ok: false, error }.
// If the module ever traps (wasm aborts on a panic and is then unusable), the next call
// starts a fresh instance from a new module record, so the page keeps working.

const PKG = new URL('../pkg/credit_calculator.js', import.meta.url);
const WASM = new URL('../pkg/credit_calculator_bg.wasm', import.meta.url);

let loading = null;
let generation = 0;

/** Resolves to the engine module (its exported functions), starting it on first use. */
export function loadEngine() {
  if (!loading) {
    // A query makes a new module record, hence a new wasm instance after a trap.
    const url = generation === 0 ? PKG.href : `${PKG.href}?instance=${generation}`;
    performance.mark('engine-start');
    loading = import(url).then(async (mod) => {
      await mod.default({ module_or_path: WASM });
      performance.mark('engine-ready');
      return mod;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

// Everything that imports this module calls the engine, so it starts compiling on import:
// the pages load this module with <script type="module" async> ahead of their own scripts,
// which starts the wasm compile while those are still arriving (before, it waited for the
// sections' markup; the longest wait of the cold start).
loadEngine().catch(() => {}); // a failure is reported by the first call, which retries

function engineFailure(code, message) {
  return { code, field: '', message, errors: [{ code, field: '', message }] };
}

/**
 * Calls an engine export by name. Engine errors come back as { ok: false, error } with the
 * engine's code, field and errors; a trap or a failed load as code ENGINE_FAILED.
 */
export async function call(name, ...args) {
  let mod;
  try {
    mod = await loadEngine();
  } catch (e) {
    return { ok: false, error: engineFailure('ENGINE_FAILED', `The calculator could not start: ${e?.message ?? e}`) };
  }
  try {
    return { ok: true, value: mod[name](...args) };
  } catch (e) {
    if (e && e.name === 'CreditCalculatorError') {
      return { ok: false, error: { code: e.code, field: e.field, message: e.message, errors: e.errors ?? [] } };
    }
    generation += 1;
    loading = null;
    return { ok: false, error: engineFailure('ENGINE_FAILED', String(e?.message ?? e)) };
  }
}
