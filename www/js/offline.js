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

/**
 * Registers the service worker once the page has loaded (so that precaching never competes
 * with the page's own first load), or removes it where it is off. Resolves to the
 * registration, or null; never rejects: offline use is a bonus, never a reason for an error.
 */
export function registerOffline() {
  if (!('serviceWorker' in navigator)) return Promise.resolve(null); // e.g. plain http off loopback
  const flag = remembered();
  const wanted = flag === 'on' || (flag !== 'off' && !LOOPBACK.test(location.hostname));
  const loaded = document.readyState === 'complete'
    ? Promise.resolve()
    : new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  return loaded
    .then(() => (wanted
      ? navigator.serviceWorker.register(SW.href, { scope: SCOPE.href, updateViaCache: 'none' })
      : dropWorker().then(() => null)))
    .catch(() => null); // e.g. offline before the first visit ever completed
}
