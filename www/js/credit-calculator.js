// <credit-calculator>: the whole calculator as one custom element, for our own pages and for
// any intranet page. One <script type="module" src=".../app/credit-calculator.js"> (this
// file bundled with every section by `npm run build`; this file alone works too) and
//   <credit-calculator mode="deal|score|limit|terms|insurance|overdue|discount|quote|portfolio"
//                      locale="zh-CN|en" currency="CNY" policy-src="/credit-policy.json">
// Everything lives in an open shadow root (no CSS or globals in or out; theming through the
// --cc-* custom properties); every asset URL is resolved from import.meta.url, so the element
// works under any sub-path. All instances on a page share one engine instance (engine.js).
//
// Host-facing API:
//   events   `credit-result` { mode, section, input, result, policyVersion }
//            `credit-error`  { mode, section, error }          (bubble, composed)
//            `credit-locale` { locale }                         when the user switches language
//   props    `policy`  (get/set a policy object; invalid → every problem listed, credit-error)
//            `input`   (get/set the form state of every section, as saved and shared)
//            `results` (the latest outcome of every section)
//   attrs    mode, locale, currency (the initial currency of new entries), policy-src,
//            share-link (the deal check keeps its state in the URL fragment: copy link),
//            storage-key (a namespace for autosave), autosave="off",
//            contact (mode quote: the address of the "talk to us" button; else the page's
//            <meta name="quote-contact">).
import { call as engineCall, callWithPolicy } from './engine.js';
import { detectLocale, loadLocale, LOCALES, problemText, t } from './i18n.js';
import { decodeState, encodeState } from './share.js';
import { localStore } from './storage.js';
import { registeredView } from './view-registry.js';

const BASE = new URL('../', import.meta.url);
const asset = (path) => new URL(path, BASE).href;

/** The sections each mode shows, in page order. */
export const MODES = {
  deal: ['score', 'limit', 'terms', 'insurance', 'overdue', 'discount'],
  score: ['score'],
  limit: ['score', 'limit'],
  terms: ['terms'],
  insurance: ['score', 'limit', 'insurance'],
  overdue: ['overdue'],
  discount: ['discount'],
  quote: ['quote'],
  portfolio: ['portfolio'],
};
/**
 * A section's start function: registered by its module when the page imported it (the pages
 * and their bundles do), else its module loaded now (www/js/<name>-view.js beside this file).
 * The URL is built at run time so that a bundler leaves it alone: each bundle carries only the
 * sections its page shows.
 */
async function view(name) {
  if (!registeredView(name)) await import(new URL(`./${name}-view.js`, import.meta.url).href);
  const start = registeredView(name);
  if (!start) throw new Error(`no section named ${name}`);
  return start;
}
const STYLES = {
  quote: ['css/quote.css'],
  portfolio: ['css/app.css', 'css/portfolio-section.css'],
  other: ['css/app.css', 'css/report.css', 'css/letter.css'],
};
const SHARED_KEYS = ['score', 'limit', 'terms', 'insurance', 'overdue', 'discount', 'quote'];
const LOCALE_KEY = 'credit-calculator:locale';
const POLICY_KEY = 'credit-calculator:policy:v1';
const FRAGMENT = 'deal=';

// ---- assets, fetched once per page and shared by every instance -----------------------------

/**
 * The markup and styles of a kind of page in one module (written by `npm run build` from
 * www/parts/ and www/css/, see scripts/build.mjs; the pages preload it). Without it, as in a
 * checkout not built yet, each file is fetched.
 */
const bundles = new Map();
function bundle(mode) {
  const name = mode === 'quote' || mode === 'portfolio' ? `./assets-${mode}.js` : './assets-main.js';
  if (!bundles.has(name)) bundles.set(name, import(name).then((m) => m.default, () => ({})));
  return bundles.get(name);
}

/** A file of ours by its path under www/: from the mode's bundle, else fetched. */
async function assetText(path, mode) {
  const bundled = await bundle(mode);
  return Object.hasOwn(bundled, path) ? bundled[path] : fetchText(asset(path));
}

/** Lets the browser run what is queued and paint; not throttled in a background tab. */
function yieldToBrowser() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * The sections' channel (score-result, limit-result). A listener added after an event was
 * sent is called at once with the latest one, so a section started later misses nothing.
 */
class LatestFirstBus extends EventTarget {
  #latest = new Map();

  dispatchEvent(event) {
    this.#latest.set(event.type, event.detail);
    return super.dispatchEvent(event);
  }

  addEventListener(type, listener, options) {
    super.addEventListener(type, listener, options);
    if (this.#latest.has(type) && typeof listener === 'function') {
      const detail = this.#latest.get(type);
      queueMicrotask(() => listener(new CustomEvent(type, { detail })));
    }
  }
}

/**
 * The default policy, as every section needs it before its first result (choices, country
 * lists): pkg/default-policy.json, which `npm run build` writes from the engine's own
 * defaultPolicy() beside the wasm it came from (the pages preload it). Read as JSON it costs
 * under a millisecond; the engine's call cost 15 to 50 ms of the cold start, before the
 * browser had optimised the wasm. The engine's call stays the fallback.
 */
let defaultPolicyLoading = null;
function defaultPolicy() {
  defaultPolicyLoading ??= fetch(asset('pkg/default-policy.json'))
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((value) => ({ ok: true, value }), () => engineCall('defaultPolicy'))
    .then((loaded) => {
      if (!loaded.ok) defaultPolicyLoading = null; // asked again next time
      return loaded;
    });
  return defaultPolicyLoading;
}

const fetched = new Map();
function fetchText(url) {
  if (!fetched.has(url)) {
    const p = fetch(url).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${url}`))));
    p.catch(() => fetched.delete(url)); // a later render tries again
    fetched.set(url, p);
  }
  return fetched.get(url);
}

const sheets = new Map();
function sheet(path, mode) {
  const url = asset(path);
  if (!sheets.has(url)) {
    sheets.set(url, assetText(path, mode).then((css) => {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      return s;
    }).catch(() => null));
  }
  return sheets.get(url);
}

/** Our own static markup for a section (www/parts/<name>.html), as a fresh fragment. */
async function part(name, mode) {
  const template = document.createElement('template');
  template.innerHTML = await assetText(`parts/${name}.html`, mode); // our static markup, never data
  return template.content;
}

// ---- storage ---------------------------------------------------------------------------------

function memoryStore() {
  const map = new Map();
  return { get: (k) => map.get(k) ?? null, set: (k, v) => map.set(k, String(v)), remove: (k) => map.delete(k) };
}

const sectionKey = (name) => `credit-calculator:${name}:v1`;

async function copyText(text, host) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (plain-http intranet) or no permission: the old way, inside our root.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    host.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

// ---- the element -----------------------------------------------------------------------------

export class CreditCalculator extends HTMLElement {
  static observedAttributes = ['mode', 'locale', 'currency', 'policy-src', 'contact'];

  #root;
  #started = false;
  #generation = 0;
  #ctx = null;
  #views = [];
  #latest = {};
  #locale = 'en';
  #wantedLocale = 'en'; // the language last asked for, shown once its texts are in
  #store = null;
  #policy = null; // the company policy as the engine read it (defaults filled), or null
  #policySource = null; // { kind: 'file' | 'url' | 'attribute' | 'script', name }
  #policyProblems = [];
  #defaultPolicy = null;
  #pendingPolicy;
  #pendingInput;
  #status = '';
  #onBeforePrint = () => this.#buildReport();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open', delegatesFocus: false });
  }

  connectedCallback() {
    window.addEventListener('beforeprint', this.#onBeforePrint);
    if (this.#started) return;
    this.#started = true;
    this.#boot();
  }

  disconnectedCallback() {
    window.removeEventListener('beforeprint', this.#onBeforePrint);
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#started || before === after) return;
    if (name === 'locale') this.#setLocale(this.#pickLocale());
    else if (name === 'policy-src') this.#loadPolicyFrom(after, 'attribute');
    else this.#render();
  }

  get mode() {
    const m = this.getAttribute('mode') ?? 'deal';
    return Object.hasOwn(MODES, m) ? m : 'deal';
  }

  get locale() {
    return this.#locale;
  }

  /** The company policy in use (as the engine read it), or null for the default policy. */
  get policy() {
    return this.#policy;
  }

  set policy(value) {
    if (!this.#started) {
      this.#pendingPolicy = value;
      return;
    }
    this.#applyPolicy(value, { kind: 'script', name: '' });
  }

  /** The form state of every section of this mode: what autosave keeps and a share link carries. */
  get input() {
    const state = {};
    for (const name of this.#sections()) {
      try {
        const saved = JSON.parse(this.#storage().get(sectionKey(name)) ?? 'null');
        if (saved && typeof saved === 'object') state[name] = saved;
      } catch {
        // an unreadable entry is no state
      }
    }
    return state;
  }

  set input(state) {
    if (!this.#started) {
      this.#pendingInput = state;
      return;
    }
    this.#writeState(state);
    this.#render();
  }

  /** The latest outcome of every section: { [section]: { input, outcome } }. */
  get results() {
    return structuredClone(this.#latest);
  }

  /**
   * The text modules whose translations this mode shows (i18n.js loadLocale): the element's
   * bundle carries every mode's, and a language's files are fetched only for these.
   */
  #textParts() {
    if (this.mode === 'quote') return ['quote'];
    if (this.mode === 'portfolio') return []; // portfolio-i18n.js has its Chinese in itself
    return ['sections', 'letter', 'report'];
  }

  // ---- start-up ----------------------------------------------------------------------------

  async #boot() {
    this.#locale = this.#pickLocale();
    this.#wantedLocale = this.#locale;
    loadLocale(this.#locale, this.#textParts()).catch(() => {}); // fetched while the rest starts; #render waits for it
    if (this.#pendingInput) this.#writeState(this.#pendingInput);
    await this.#readFragment();
    const src = this.getAttribute('policy-src');
    if (this.#pendingPolicy !== undefined) {
      await this.#applyPolicy(this.#pendingPolicy, { kind: 'script', name: '' }, false);
    } else if (src) {
      await this.#loadPolicyFrom(src, 'attribute', false);
    } else {
      this.#restorePolicy();
    }
    await this.#render();
  }

  #storage() {
    this.#store ??= this.getAttribute('autosave') === 'off'
      ? memoryStore()
      : localStore(this.getAttribute('storage-key') ?? '');
    return this.#store;
  }

  #pickLocale() {
    const attr = this.getAttribute('locale');
    if (attr && LOCALES.includes(attr)) return attr;
    return detectLocale(this.#storage().get(LOCALE_KEY), navigator.languages ?? [navigator.language]);
  }

  #sections() {
    return MODES[this.mode];
  }

  #writeState(state) {
    if (!state || typeof state !== 'object') return;
    for (const name of SHARED_KEYS) {
      if (state[name] && typeof state[name] === 'object') this.#storage().set(sectionKey(name), JSON.stringify(state[name]));
    }
  }

  /** A shared link's state (#deal=…) replaces what is saved, then leaves the address bar. */
  async #readFragment() {
    if (!this.hasAttribute('share-link')) return;
    const hash = location.hash.slice(1);
    if (!hash.startsWith(FRAGMENT)) return;
    try {
      this.#writeState(await decodeState(hash.slice(FRAGMENT.length)));
      this.#status = 'tools.linkOpened';
    } catch {
      this.#status = 'tools.linkBroken';
    }
    // The fragment has been read: later edits are saved locally and must win over it.
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  }

  // ---- rendering -----------------------------------------------------------------------------

  async #render() {
    const generation = ++this.#generation;
    const sections = this.#sections();
    const styles = STYLES[this.mode] ?? STYLES.other;
    let loaded;
    try {
      loaded = await Promise.all([
        Promise.all(styles.map((path) => sheet(path, this.mode))),
        Promise.all(['toolbar', ...sections].map((name) => part(name, this.mode))),
        Promise.all(sections.map((name) => view(name))),
      ]);
    } catch (e) {
      if (generation === this.#generation) this.#fail(e);
      return;
    }
    if (generation !== this.#generation) return;
    // The language's texts, including those of sections just imported.
    try {
      await loadLocale(this.#locale, this.#textParts());
    } catch {
      // Not to be had (offline before the service worker kept them): English, and why.
      this.#locale = this.#wantedLocale = 'en';
      this.#status = 'tools.languageFailed';
      this.#emit('credit-locale', { locale: 'en' });
    }
    // A switch under way gets these sections' texts too.
    if (this.#wantedLocale !== this.#locale) loadLocale(this.#wantedLocale, this.#textParts()).catch(() => {});
    if (generation !== this.#generation) return;
    const [styleSheets, fragments, starters] = loaded;
    this.#root.adoptedStyleSheets = styleSheets.filter(Boolean);

    // The previous generation's views may still finish a calculation: they now write into a
    // detached fragment, never into the new sections.
    if (this.#ctx) {
      const old = document.createDocumentFragment();
      old.append(...this.#root.childNodes);
      this.#ctx.scope = old;
    }
    // A section with work of its own (the portfolio's worker) ends it.
    for (const view of this.#views) view?.dispose?.();
    const frame = document.createElement('div');
    frame.className = `cc-frame cc-mode-${this.mode}`;
    const [toolbar, ...parts] = fragments;
    // Each section's own nodes: inert (no focus, no typing, out of the accessibility tree)
    // until its view has started below, so nothing typed into a section before it listens is
    // lost or overwritten by its restored values.
    const sectionNodes = parts.map((fragment) => [...fragment.children]);
    for (const nodes of sectionNodes.slice(1)) for (const node of nodes) node.inert = true;
    frame.append(toolbar, ...parts);
    if (this.mode !== 'quote') frame.append(Object.assign(document.createElement('div'), { id: 'report', className: 'report-host' }));
    frame.append(Object.assign(document.createElement('div'), { id: 'print-host', className: 'print-host' }));
    this.#root.replaceChildren(frame);
    this.#latest = {};
    delete this.dataset.ready;

    const ctx = this.#makeContext();
    this.#ctx = ctx;
    this.#setUpToolbar();
    this.#translate();
    this.#views = [];
    // In page order, letting the browser paint between sections. The top section's first
    // answer comes before the next section starts: `scheduler.yield()` resumes this loop
    // ahead of the tasks that answer (the default policy's response, the engine's start), so
    // the top section's answer used to come after every section below had been built and had
    // answered (a deal check's score 200-380 ms after its terms). A second's wait at most,
    // should a section never answer. A section that starts after the score's (or the limit's)
    // result was sent gets it at once from the bus.
    for (const [i, start] of starters.entries()) {
      if (i === 1) {
        await Promise.race([ctx.firstReport, new Promise((resolve) => setTimeout(resolve, 1000))]);
        if (generation !== this.#generation) return;
      }
      if (i > 0) {
        await yieldToBrowser();
        if (generation !== this.#generation) return;
      }
      for (const node of sectionNodes[i] ?? []) node.inert = false;
      try {
        this.#views.push(start(ctx));
      } catch (e) {
        this.#fail(e);
        return;
      }
    }
  }

  #fail(e) {
    const box = document.createElement('p');
    box.className = 'status cc-failed';
    box.setAttribute('role', 'alert');
    box.textContent = `${t(this.#locale, 'engine.failed')} (${e?.message ?? e})`;
    this.#root.replaceChildren(box);
    this.#emit('credit-error', { mode: this.mode, section: '', error: { code: 'ENGINE_FAILED', field: '', message: String(e?.message ?? e), errors: [] } });
  }

  #makeContext() {
    const host = this;
    let reported;
    const ctx = {
      /** Resolves when a section has reported for the first time. */
      firstReport: new Promise((resolve) => { reported = resolve; }),
      scope: this.#root,
      host,
      locale: this.#locale,
      currency: this.getAttribute('currency') || null,
      /** The sections this mode shows, in page order. */
      sections: this.#sections(),
      storage: this.#storage(),
      bus: new LatestFirstBus(),
      $: (id) => ctx.scope.getElementById(id),
      call: (name, ...args) => (ctx !== host.#ctx ? new Promise(() => {}) : host.#call(name, ...args)),
      /** Prints this node alone (a reminder letter, say) through the browser's print dialog. */
      print(node) {
        if (ctx !== host.#ctx) return;
        const frame = host.#root.querySelector('.cc-frame');
        host.#root.getElementById('print-host').replaceChildren(node);
        frame.classList.add('cc-printing');
        window.addEventListener('afterprint', () => frame.classList.remove('cc-printing'), { once: true });
        window.print();
      },
      mark(flag) {
        if (ctx === host.#ctx) host.dataset[flag] = 'true';
      },
      report(section, outcome, input) {
        if (ctx !== host.#ctx) return;
        reported();
        host.#latest[section] = { input: input ?? null, outcome: outcome ?? null };
        if (outcome?.ok) {
          host.#emit('credit-result', {
            mode: host.mode,
            section,
            input,
            result: outcome.value,
            policyVersion: outcome.value?.policyVersion ?? outcome.value?.premium?.policyVersion ?? null,
          });
        } else if (outcome) {
          host.#emit('credit-error', { mode: host.mode, section, error: outcome.error });
        }
        // Ready: the first section has worked out (or found nothing to work out) its answer.
        if (!host.dataset.ready) host.dataset.ready = 'true';
      },
    };
    return ctx;
  }

  /** Engine calls with the company policy appended; `defaultPolicy` answers the policy in use. */
  async #call(name, ...args) {
    if (name === 'defaultPolicy') {
      if (this.#policy) return { ok: true, value: this.#policy };
      if (!this.#defaultPolicy) {
        const loaded = await defaultPolicy();
        if (!loaded.ok) return loaded;
        this.#defaultPolicy = loaded.value;
      }
      return { ok: true, value: this.#defaultPolicy };
    }
    return this.#policy ? callWithPolicy(name, this.#policy, ...args) : engineCall(name, ...args);
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- language ----------------------------------------------------------------------------

  #translate() {
    const root = this.#root;
    for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(this.#locale, node.dataset.i18n);
    for (const node of root.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(this.#locale, node.dataset.i18nLabel));
    const select = root.getElementById('locale');
    if (select) select.value = this.#locale;
    this.#showPolicy();
    this.#showStatus();
  }

  /** Switches once the language's texts are in (a first switch fetches them); the last ask wins. */
  #setLocale(locale) {
    if (!LOCALES.includes(locale)) return;
    this.#wantedLocale = locale;
    if (locale === this.#locale) return;
    // Twice: the second waits for texts of sections imported while the first was loading.
    const parts = this.#textParts();
    loadLocale(locale, parts).then(() => loadLocale(locale, parts)).then(() => {
      if (locale === this.#wantedLocale) this.#showLocale(locale);
    }, () => {
      if (locale !== this.#wantedLocale) return;
      // Not to be had (offline before the service worker kept them): stay, and say why.
      this.#wantedLocale = this.#locale;
      const select = this.#root.getElementById('locale');
      if (select) select.value = this.#locale;
      this.#say('tools.languageFailed');
    });
  }

  #showLocale(locale) {
    if (locale === this.#locale) return;
    this.#locale = locale;
    if (this.#ctx) this.#ctx.locale = locale;
    this.#translate();
    for (const view of this.#views) view?.setLocale?.(locale);
    this.#emit('credit-locale', { locale });
  }

  // ---- the toolbar -----------------------------------------------------------------------------

  #setUpToolbar() {
    const $ = (id) => this.#root.getElementById(id);
    const sections = this.#sections();
    const many = sections.length > 1;
    $('skip-links').hidden = !many;
    // Buttons, not #fragment links: a fragment does not reach into a shadow root, and the
    // fragment belongs to the host page (and to the share link).
    for (const link of $('skip-links').querySelectorAll('.skip-link')) {
      link.hidden = !sections.includes(link.dataset.part);
      link.addEventListener('click', () => {
        const target = this.#root.getElementById(link.dataset.part);
        target?.focus();
        target?.scrollIntoView({ block: 'start' });
      });
    }
    const deal = this.mode === 'deal';
    $('copy-link').hidden = !this.hasAttribute('share-link');
    $('copy-summary').hidden = this.mode === 'quote' || this.mode === 'portfolio';
    $('report-print').hidden = !deal;
    // The quote keeps its own “Clear my answers”; the portfolio keeps nothing.
    $('clear-all').hidden = this.mode === 'quote' || this.mode === 'portfolio';
    $('policy-panel').hidden = this.mode === 'quote';
    $('policy-download').href = asset('pkg/default-policy.json');

    $('locale').addEventListener('change', () => {
      this.#storage().set(LOCALE_KEY, $('locale').value);
      this.#setLocale($('locale').value);
    });
    $('copy-link').addEventListener('click', async () => {
      const link = `${location.origin}${location.pathname}${location.search}#${FRAGMENT}${await encodeState(this.input)}`;
      this.#say(await copyText(link, this.#root.getElementById('toolbar')) ? 'tools.linkCopied' : 'tools.copyFailed');
    });
    $('copy-summary').addEventListener('click', async () => {
      // Imported when asked for, like the report: the quote mode has no summary button, and
      // its page leaves out the sections' texts a summary is written in.
      const { buildSummary } = await import('./summary.js');
      const text = buildSummary(this.#latest, this.#locale, this.#policyLabel());
      this.#say(await copyText(text, this.#root.getElementById('toolbar')) ? 'tools.summaryCopied' : 'tools.copyFailed');
    });
    $('report-print').addEventListener('click', async () => {
      await this.#buildReport();
      window.print();
    });
    $('clear-all').addEventListener('click', () => {
      if (!window.confirm(t(this.#locale, 'tools.clearConfirm'))) return;
      for (const name of this.#sections()) this.#storage().remove(sectionKey(name));
      this.#say('tools.cleared');
      this.#render();
    });
    $('policy-file').addEventListener('change', async () => {
      const file = $('policy-file').files?.[0];
      if (!file) return;
      let text;
      try {
        text = await file.text();
      } catch {
        text = null;
      }
      this.#applyPolicyText(text, { kind: 'file', name: file.name });
    });
    $('policy-url-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.#loadPolicyFrom($('policy-url').value.trim(), 'url');
    });
    $('policy-default').addEventListener('click', () => {
      this.#policy = null;
      this.#policySource = null;
      this.#policyProblems = [];
      this.#storage().remove(POLICY_KEY);
      this.#render();
    });
  }

  #say(key) {
    this.#status = key;
    this.#showStatus();
  }

  #showStatus() {
    const node = this.#root.getElementById('tool-status');
    if (node) node.textContent = this.#status ? t(this.#locale, this.#status) : '';
  }

  async #buildReport() {
    const host = this.#root.getElementById('report');
    if (!host) return;
    try {
      const { buildReport } = await import('./report.js');
      await loadLocale(this.#locale, ['report']).catch(() => {}); // report-i18n.js's, in this language
      host.replaceChildren(buildReport(this.#latest, this.#locale, { policy: this.#policy ?? this.#defaultPolicy }));
    } catch (e) {
      // Never a blank sheet without a word: the report says it could not be built.
      const note = document.createElement('p');
      note.textContent = `${t(this.#locale, 'tools.reportFailed')} (${e?.message ?? e})`;
      host.replaceChildren(note);
    }
  }

  // ---- the credit policy -------------------------------------------------------------------------

  #policyLabel() {
    const version = this.#policy?.version ?? this.#defaultPolicy?.version ?? '';
    return this.#policy
      ? t(this.#locale, 'tools.policyCompany', { version, name: this.#policy.name ?? this.#policySource?.name ?? '' })
      : t(this.#locale, 'tools.policyOurs', { version });
  }

  #showPolicy() {
    const $ = (id) => this.#root.getElementById(id);
    if (!$('policy-name')) return;
    if (!this.#policy && !this.#defaultPolicy) {
      this.#call('defaultPolicy').then((r) => {
        if (r.ok) this.#showPolicy();
      });
    }
    $('policy-name').textContent = this.#policyLabel();
    const problems = this.#policyProblems;
    $('policy-status').textContent = problems.length ? t(this.#locale, 'tools.policyInvalid', { count: problems.length }) : '';
    $('policy-errors').replaceChildren(...problems.map((p) => {
      const li = document.createElement('li');
      const path = document.createElement('code');
      path.textContent = p.field || '(root)';
      li.append(path, `: ${problemText(this.#locale, p)}`);
      return li;
    }));
    if (problems.length) $('policy-panel').open = true;
  }

  #restorePolicy() {
    try {
      const saved = JSON.parse(this.#storage().get(POLICY_KEY) ?? 'null');
      if (saved?.policy && typeof saved.policy === 'object') {
        this.#policy = saved.policy;
        this.#policySource = saved.source ?? null;
      }
    } catch {
      // an unreadable saved policy: the default one
    }
  }

  async #loadPolicyFrom(src, kind, rerender = true) {
    if (!src) return;
    let url;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      url = null;
    }
    if (!url || url.origin !== location.origin) {
      return this.#policyFailed([{ code: 'POLICY_OFF_ORIGIN', field: '', message: 'Only a policy on this site is read.' }], rerender);
    }
    let text = null;
    try {
      const r = await fetch(url.href, { credentials: 'same-origin' });
      text = r.ok ? await r.text() : null;
    } catch {
      text = null;
    }
    if (text === null) {
      return this.#policyFailed([{ code: 'POLICY_UNREACHABLE', field: '', message: `The policy could not be fetched: ${url.pathname}` }], rerender);
    }
    return this.#applyPolicyText(text, { kind, name: url.pathname }, rerender);
  }

  #applyPolicyText(text, source, rerender = true) {
    let value;
    try {
      value = JSON.parse(text ?? '');
    } catch (e) {
      return this.#policyFailed([{ code: 'POLICY_NOT_JSON', field: '', message: String(e?.message ?? e) }], rerender);
    }
    return this.#applyPolicy(value, source, rerender);
  }

  async #applyPolicy(value, source, rerender = true) {
    if (value === null || value === undefined) {
      this.#policy = null;
      this.#policySource = null;
      this.#policyProblems = [];
      this.#storage().remove(POLICY_KEY);
      if (rerender) await this.#render();
      return true;
    }
    const checked = await engineCall('validatePolicy', value);
    if (!checked.ok) return this.#policyFailed(checked.error.errors.length ? checked.error.errors : [checked.error], rerender);
    if (!checked.value.valid) return this.#policyFailed(checked.value.errors, rerender);
    this.#policy = checked.value.policy;
    this.#policySource = source;
    this.#policyProblems = [];
    // What the user loaded is remembered; a policy the host supplies (attribute or script)
    // is supplied again on the next visit and must not leak into other instances.
    if (source.kind === 'file' || source.kind === 'url') this.#storage().set(POLICY_KEY, JSON.stringify({ policy: this.#policy, source }));
    else this.#storage().remove(POLICY_KEY);
    if (rerender) await this.#render();
    return true;
  }

  /** A policy that cannot be used: its problems are listed; the one in use stays. */
  #policyFailed(problems, rerender) {
    this.#policyProblems = problems;
    this.#emit('credit-error', {
      mode: this.mode,
      section: 'policy',
      error: { code: 'INVALID_POLICY', field: '', message: 'The credit policy has problems.', errors: problems },
    });
    if (rerender) this.#showPolicy();
    return false;
  }
}

if (!customElements.get('credit-calculator')) customElements.define('credit-calculator', CreditCalculator);
