// Offline use for our own pages (the deal check, the quote page, the portfolio page): registers
// www/sw.js, which precaches every file the pages need, so after one visit they work with the
// network off. Not imported by <credit-calculator>: a host page that embeds the element decides
// for itself whether it wants a service worker.
//
// On a loopback host (localhost, 127.x.x.x, [::1]: `npm start`, the tests, the bench) the worker
// is off unless asked for, because the front end has no build step: a developer edits www/js and
// reloads, and a worker would keep serving the precached copy. `?sw` in a page's address turns it
// on for this browser (remembered), `?sw=off` turns it off again and drops the worker and its
// caches. On any other host it is on unless `?sw=off` was given there.

const FLAG = 'credit-calculator:offline';
const CACHE_PREFIX = 'credit-calculator-precache-';
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
const SW = new URL('../sw.js', import.meta.url);
const SCOPE = new URL('../', import.meta.url);

function remembered() {
  try {
    const asked = new URLSearchParams(location.search).get('sw');
    if (asked !== null) localStorage.setItem(FLAG, asked === 'off' ? 'off' : 'on');
    return localStorage.getItem(FLAG);
  } catch {
    return null; // storage refused: the host decides alone
  }
}

/** Resolves once a worker is past installing (it writes its cache until then), or after 10 s. */
function pastInstalling(worker) {
  if (!worker || worker.state !== 'installing') return Promise.resolve();
  return new Promise((resolve) => {
    worker.addEventListener('statechange', () => worker.state !== 'installing' && resolve());
    setTimeout(resolve, 10000);
  });
}

async function dropWorker() {
  const registration = await navigator.serviceWorker.getRegistration(SCOPE.href);
  if (registration) {
    const installing = registration.installing;
    await registration.unregister();
    // An update still installing would write its cache after we deleted it: wait for it.
    await pastInstalling(installing);
  }
  for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX)) await caches.delete(name);
}

// The notice a page shows when a new version has taken over during this visit. Its own texts,
// in the page's language (each page keeps <html lang> in step with its own).
const UPDATE_TEXTS = {
  en: { ready: 'A new version of this page is ready.', reload: 'Reload', later: 'Not now' },
  zh: { ready: '此页面已有新版本。', reload: '重新加载', later: '稍后' },
};

// Its look, at the foot of the window, the same on every page: a constructed style sheet, as
// the element's own (a strict CSP allows it; no style attribute, no extra file to fetch).
const UPDATE_CSS = `
.update-notice {
  position: fixed; inset: auto 1rem 1rem; z-index: 10; max-width: 40rem; margin: 0 auto;
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.75rem 1rem;
  background: #1b2430; color: #ffffff; border-radius: 10px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25);
}
.update-notice button {
  min-height: 2.75rem; padding: 0 1rem; font: inherit; font-weight: 600; color: #1b2430; background: #ffffff;
  border: 0; border-radius: 8px; cursor: pointer;
}
.update-notice button.later { color: #ffffff; background: transparent; border: 1px solid #ffffff; }
.update-notice button:focus-visible { outline: 3px solid #8cc4ff; outline-offset: 2px; }
@media print { .update-notice { display: none; } }`;

function textsNow() {
  return document.documentElement.lang.toLowerCase().startsWith('zh') ? UPDATE_TEXTS.zh : UPDATE_TEXTS.en;
}

/**
 * Offers the new version once it controls the page: the worker installs an update in the
 * background during a visit and takes over at its end (sw.js), so without this the visit
 * would go on with the old version, and only the next one show the new. A page opened with no
 * worker yet (the first visit) gets none: nothing changed. Listened for from the start, not
 * from the page's load: the browser checks for an update on the navigation itself, and a
 * small update can take over before the page has loaded. The deal check and the quote page
 * restore what was typed after the reload; the portfolio page's list is not kept, so the
 * notice waits for the user's click.
 */
function offerUpdates() {
  if (!navigator.serviceWorker.controller) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (document.getElementById('update-notice')) return;
    const notice = document.createElement('div');
    notice.id = 'update-notice';
    notice.className = 'update-notice';
    notice.setAttribute('role', 'status');
    const text = document.createElement('span');
    const button = document.createElement('button');
    button.type = 'button';
    button.addEventListener('click', () => location.reload());
    // Closes the notice (it would cover the foot of the page): the next visit is the new version.
    const later = document.createElement('button');
    later.type = 'button';
    later.className = 'later';
    const observer = new MutationObserver(() => translate());
    later.addEventListener('click', () => {
      notice.remove();
      observer.disconnect();
    });
    const translate = () => {
      const texts = textsNow();
      text.textContent = texts.ready;
      button.textContent = texts.reload;
      later.textContent = texts.later;
    };
    notice.append(text, ' ', button, ' ', later);
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(UPDATE_CSS);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    } catch {
      // A browser without constructed style sheets: the notice unstyled, at the page's end.
    }
    document.body.append(notice);
    // Filled once in the page, so that a screen reader announces it as a status.
    requestAnimationFrame(translate);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }, { once: true });
}

/**
 * Registers the service worker once the page has loaded (so that precaching never competes
 * with the page's own first load), or removes it where it is off. Resolves to the
 * registration, or null; never rejects: offline use is a bonus, never a reason for an error.
 */
export function registerOffline() {
  if (!('serviceWorker' in navigator)) return Promise.resolve(null); // e.g. plain http off loopback
  const flag = remembered();
  const wanted = flag === 'on' || (flag !== 'off' && !LOOPBACK.test(location.hostname));
  if (wanted) offerUpdates();
  const loaded = document.readyState === 'complete'
    ? Promise.resolve()
    : new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  return loaded
    .then(() => (wanted
      ? navigator.serviceWorker.register(SW.href, { scope: SCOPE.href, updateViaCache: 'none' })
      : dropWorker().then(() => null)))
    .catch(() => null); // e.g. offline before the first visit ever completed
}
