// Idempotent set-up shared by `npm start`, `npm test`, `npm run build` and `npm run bench`.
// A fresh machine has only Rust (rustup) and Node with npm; everything else is installed
// here, project-locally where possible, so that nothing done by hand is ever needed.
// Only Node built-ins are imported: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const toolsDir = join(root, '.tools');
export const wasmBindgenBin = join(toolsDir, 'bin', 'wasm-bindgen');
export const testRunnerBin = join(toolsDir, 'bin', 'wasm-bindgen-test-runner');
export const WASM_TARGET = 'wasm32-unknown-unknown';

export function log(message) {
  console.log(`[setup] ${message}`);
}

/** Runs a command with inherited output; throws when it fails. */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw new Error(`${cmd} could not start: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status}`);
  }
  return result;
}

/** Runs a command and returns its stdout, or null when it cannot run or fails. */
export function capture(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', cwd: root, ...options });
  return result.status === 0 ? result.stdout : null;
}

export function ensureWasmTarget() {
  const installed = capture('rustup', ['target', 'list', '--installed']);
  if (installed === null) {
    throw new Error('rustup was not found. Install Rust with rustup (https://rustup.rs), then run this again.');
  }
  if (!installed.split('\n').includes(WASM_TARGET)) {
    log(`adding the Rust target ${WASM_TARGET}`);
    run('rustup', ['target', 'add', WASM_TARGET]);
  }
}

/** The wasm-bindgen version Cargo.lock pins; the CLI must be exactly this version. */
export function lockedWasmBindgenVersion() {
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  const match = lock.match(/\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/);
  if (!match) throw new Error('Cargo.lock names no wasm-bindgen version');
  return match[1];
}

export function ensureWasmBindgen() {
  const version = lockedWasmBindgenVersion();
  const have = existsSync(wasmBindgenBin) ? capture(wasmBindgenBin, ['--version']) : null;
  const haveRunner = existsSync(testRunnerBin);
  if (have && have.trim() === `wasm-bindgen ${version}` && haveRunner) return;
  log(`installing wasm-bindgen-cli ${version} into .tools/ (about 4 minutes, once)`);
  const args = ['install', 'wasm-bindgen-cli', '--version', version, '--root', toolsDir, '--force'];
  // The CLI's own lock file can name a dependency version that the registry no longer
  // serves (seen: webpki-roots 1.0.11); then resolve afresh within its version ranges.
  const locked = spawnSync('cargo', [...args, '--locked'], { stdio: 'inherit', cwd: root });
  if (locked.status !== 0) {
    log('the locked install failed; retrying with freshly resolved dependencies');
    run('cargo', args);
  }
}

export function ensureNodeModules() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing npm packages (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const CHROMEDRIVER_CANDIDATES = ['/usr/bin/chromedriver'];

function findExecutable(envName, candidates, names) {
  const fromEnv = process.env[envName];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const c of candidates) if (existsSync(c)) return c;
  for (const name of names) {
    const found = capture('sh', ['-c', `command -v ${name}`]);
    if (found && found.trim()) return found.trim();
  }
  return null;
}

/** Paths of the system Chromium and ChromeDriver, installing them with apt on Debian as root. */
export function ensureChromium() {
  const find = () => ({
    chromium: findExecutable('CHROMIUM_PATH', CHROMIUM_CANDIDATES, ['chromium', 'chromium-browser']),
    chromedriver: findExecutable('CHROMEDRIVER', CHROMEDRIVER_CANDIDATES, ['chromedriver']),
  });
  let found = find();
  if (found.chromium && found.chromedriver) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log('installing Chromium and ChromeDriver with apt (about a minute, once)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], { env });
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'chromium-driver'], { env });
    found = find();
    if (found.chromium && found.chromedriver) return found;
  }
  throw new Error(
    'The browser tests need Chromium and ChromeDriver, and they were not found.\n' +
      '  On Debian or Ubuntu: sudo apt-get install chromium chromium-driver\n' +
      '  Elsewhere: install Chromium and a matching ChromeDriver, then set CHROMIUM_PATH and\n' +
      '  CHROMEDRIVER to their paths.',
  );
}

/** Launch options for playwright-core with the system Chromium on a closed network. */
export function chromiumLaunchOptions(executablePath) {
  return {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
    ],
  };
}
