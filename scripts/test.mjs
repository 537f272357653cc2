// `npm test`: the same set-up as `npm start`, then every test layer in order:
//   1. native `cargo test` (unit, property/fuzz, golden vectors);
//   2. wasm-bindgen-test under Node;  3. wasm-bindgen-test in headless Chromium;
//   4. the release build, then the JS API tests and the browser end-to-end tests
//      (playwright-core driving the system Chromium against the served site).
// Every layer runs even when an earlier one fails, so one run shows everything that is red.
import { build, setup } from './build.mjs';
import { ensureChromium, run, testRunnerBin, WASM_TARGET } from './lib/setup.mjs';

async function main() {
  setup();
  const { chromedriver } = ensureChromium();
  const wasmEnv = { ...process.env, CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: testRunnerBin };
  const layers = [
    ['native engine (cargo test)', () => run('cargo', ['test'])],
    ['wasm in Node (wasm-bindgen-test)', () =>
      run('cargo', ['test', '--target', WASM_TARGET, '--test', 'wasm_node'], { env: wasmEnv })],
    ['wasm in Chromium (wasm-bindgen-test)', () =>
      run('cargo', ['test', '--target', WASM_TARGET, '--test', 'wasm_browser'], {
        env: { ...wasmEnv, CHROMEDRIVER: chromedriver },
      })],
    ['release build', () => build()],
    ['JS API and browser end-to-end (node --test, playwright-core)', () =>
      run(process.execPath, ['--test', '--test-concurrency=1', 'tests/js/', 'tests/e2e/'])],
  ];
  const failed = [];
  for (const [name, runLayer] of layers) {
    console.log(`\n=== ${name}`);
    try {
      await runLayer();
    } catch (e) {
      console.error(`*** ${name}: ${e.message}`);
      failed.push(name);
    }
  }
  console.log('\n=== summary');
  for (const [name] of layers) console.log(`${failed.includes(name) ? 'FAILED' : 'ok    '} ${name}`);
  if (failed.length) process.exit(1);
}

main().catch((e) => {
  console.error(`\nnpm test could not run: ${e.message}`);
  process.exit(1);
});
