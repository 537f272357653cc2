// The engine's results as plain objects, from the tape src/tape.rs writes (its comment has
// the format): one call from the wasm per result instead of one per object, key and string.
// scripts/build.mjs copies this function into the wasm-bindgen glue, so that a page fetches
// no extra file for it.

// Field names already sent, for each engine instance (by its wasm memory): a page may run
// several builds of the engine, and a restarted one starts its ids over.
const fieldNames = new WeakMap();

export function decodeTape(ops, text, memory) {
  let keys = fieldNames.get(memory);
  if (keys === undefined || ops[0] === 1) {
    keys = [];
    fieldNames.set(memory, keys);
  }
  let at = 1;
  const slice = () => {
    const start = ops[at];
    const end = start + ops[at + 1];
    at += 2;
    return text.slice(start, end);
  };
  const read = () => {
    switch (ops[at++]) {
      case 0: return null;
      case 1: return true;
      case 2: return false;
      case 3: return slice();
      case 4: return ops[at++];
      case 5: return Number(slice());
      case 6: {
        const n = ops[at++];
        const array = new Array(n);
        for (let i = 0; i < n; i++) array[i] = read();
        return array;
      }
      case 7: {
        const n = ops[at++];
        const object = {};
        for (let i = 0; i < n; i++) {
          const word = ops[at++];
          let key;
          if (word === 0xffffffff) {
            const id = ops[at++];
            key = slice();
            keys[id] = key;
          } else if (word === 0xfffffffe) {
            key = slice();
            if (key === '__proto__') { // data, as JSON.parse has it, never the prototype
              Object.defineProperty(object, key, { value: read(), enumerable: true, writable: true, configurable: true });
              continue;
            }
          } else {
            key = keys[word];
            if (key === undefined) throw new Error(`the engine's result names an unknown field ${word}`);
          }
          object[key] = read();
        }
        return object;
      }
      default: throw new Error(`the engine's result is unreadable at word ${at - 1}`);
    }
  };
  return read();
}
