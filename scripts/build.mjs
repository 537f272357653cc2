// `npm run build`: the release engine for wasm32 → wasm-bindgen (--target web, no bundler
// needed) into www/pkg/ → wasm-opt -Oz → the sizes a user downloads.
// Why wasm-opt from the npm package `binaryen`: it is a pure JS/wasm build with no download
// step; Debian's binaryen is too old for current Rust output. The two --enable flags are
// what Rust ≥ 1.87 emits by default.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import {
  ensureNodeModules, ensureWasmBindgen, ensureWasmTarget, log, root, run, WASM_TARGET, wasmBindgenBin,
} from './lib/setup.mjs';

export const pkgDir = join(root, 'www', 'pkg');
export const wasmFile = join(pkgDir, 'credit_calculator_bg.wasm');

export function setup() {
  ensureWasmTarget();
  ensureWasmBindgen();
  ensureNodeModules();
}

function newestMtime(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/** True when www/pkg is missing or older than the engine's sources. */
export function needsBuild() {
  let built;
  try {
    built = statSync(wasmFile).mtimeMs;
  } catch {
    return true;
  }
  const sources = ['src', 'Cargo.toml', 'Cargo.lock'].map((p) => newestMtime(join(root, p)));
  return Math.max(...sources) > built;
}

/**
 * The CSV parser the portfolio page's worker imports: papaparse, copied from node_modules as
 * an ES module into www/vendor/. Why wrapped: papaparse ships only a UMD file, and a module
 * worker has no importScripts; the UMD takes its CommonJS branch when `module` and `exports`
 * are in scope, so two lines around the untouched file make it importable, with no bundler
 * and nothing inline for the CSP to refuse.
 */
export function vendor() {
  const source = join(root, 'node_modules', 'papaparse', 'papaparse.min.js');
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules', 'papaparse', 'package.json'), 'utf8'));
  const wrapped = `// papaparse ${version} (MIT licence, see its header below), wrapped as an ES module by scripts/build.mjs.\n`
    + 'const module = { exports: {} };\nconst exports = module.exports;\n'
    + `${readFileSync(source, 'utf8').trim()}\n`
    + 'export default module.exports;\n';
  mkdirSync(join(root, 'www', 'vendor'), { recursive: true });
  const target = join(root, 'www', 'vendor', 'papaparse.mjs');
  if (!existsSync(target) || readFileSync(target, 'utf8') !== wrapped) writeFileSync(target, wrapped);
}

export function sizes() {
  const raw = readFileSync(wasmFile);
  return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
}

export async function build() {
  setup();
  log('building the engine (release, wasm32)');
  run('cargo', ['build', '--release', '--lib', '--target', WASM_TARGET]);
  const input = join(root, 'target', WASM_TARGET, 'release', 'credit_calculator.wasm');
  run(wasmBindgenBin, ['--target', 'web', '--out-dir', pkgDir, input]);
  run(join(root, 'node_modules', '.bin', 'wasm-opt'), [
    '-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', wasmFile, '-o', wasmFile,
  ]);
  vendor();
  // The default policy as a file, for companies to copy and edit.
  const engine = await import(`${pathToFileURL(join(pkgDir, 'credit_calculator.js')).href}?t=${Date.now()}`);
  engine.initSync({ module: readFileSync(wasmFile) });
  writeFileSync(join(pkgDir, 'default-policy.json'), `${JSON.stringify(engine.defaultPolicy(), null, 2)}\n`);
  const { raw, gzip } = sizes();
  log(`www/pkg/credit_calculator_bg.wasm: ${raw} bytes raw, ${gzip} bytes gzipped`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  build().catch((e) => {
    console.error(`\nbuild failed: ${e.message}`);
    process.exit(1);
  });
}
