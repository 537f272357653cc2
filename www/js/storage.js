// The forgiving localStorage every page and element uses: a private window or a full quota
// never breaks a page, it only cannot remember. `prefix` namespaces the keys
// (credit-calculator:<prefix>:…) for an element given a storage-key.
export function localStore(prefix = '') {
  const key = (k) => (prefix ? k.replace(/^credit-calculator:/, `credit-calculator:${prefix}:`) : k);
  return {
    get(k) {
      try {
        return localStorage.getItem(key(k));
      } catch {
        return null;
      }
    },
    set(k, v) {
      try {
        localStorage.setItem(key(k), v);
      } catch {
        // Private mode or a full quota: the page works on, it only cannot remember.
      }
    },
    remove(k) {
      try {
        localStorage.removeItem(key(k));
      } catch {
        // as above
      }
    },
  };
}
