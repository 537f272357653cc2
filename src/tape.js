// The engine's inputs and results cross between JS and the wasm as tapes of u32 words
// (their formats: src/tape/input.rs, src/tape.rs): two calls per input and one per result,
// instead of one per object, key and string. scripts/build.mjs copies these functions into
// the wasm-bindgen glue, so that a page fetches no extra file for them.

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

// The text of the input encodeInput wrote last, until the engine takes it.
let inputText = '';

// A lone surrogate as U+FFFD, as passing the string on its own would have it, so that two
// halves of different strings cannot pair up once joined (same length in code units).
// Browsers before String.prototype.toWellFormed (Safari 16.3, 2023) get the same by a
// pattern without lookbehind, which they could not even parse.
export function replaceLoneSurrogates(s) {
  return s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (m) => (m.length === 2 ? m : '\uFFFD'));
}
const wellFormed = String.prototype.isWellFormed
  ? (s) => (s.isWellFormed() ? s : s.toWellFormed())
  : replaceLoneSurrogates;

// What a thrown value says, whatever it is.
function messageOf(e) {
  try {
    return String(e?.message ?? e);
  } catch {
    return 'it threw';
  }
}

/**
 * An input value (or a company policy) as the words src/tape/input.rs reads: the value's
 * tree, depth first (of an object, its own enumerable string keys: Object.keys), each
 * string (key, text or number) as its length in UTF-16 code units, its characters going to
 * one text the engine then takes with `takeInputText`. A number is the text JS writes for
 * it (`String(n)`), so no amount passes through a binary float in Rust. The walk stops at
 * the first thing that is not plain data, nesting past `maxDepth` (a cyclic object), an
 * array longer than `maxItems`, or a getter or proxy that throws: it writes what it met,
 * and the engine reports it with its path. Should anything else fail (a text longer than
 * JS's longest string), the words say the whole input could not be read, and why.
 */
export function encodeInput(value, maxDepth, maxItems) {
  const words = [];
  const parts = [];
  const stop = {};
  const text = (s) => {
    words.push(s.length);
    parts.push(wellFormed(s));
  };
  // A getter or proxy threw: its message, where the engine's path will say.
  const threw = (e) => {
    words.push(11);
    text(messageOf(e));
    throw stop;
  };
  // v[k], or what it threw.
  const at = (v, k) => {
    try {
      return v[k];
    } catch (e) {
      return threw(e);
    }
  };
  const write = (v, depth) => {
    if (depth > maxDepth) {
      words.push(8);
      throw stop;
    }
    switch (typeof v) {
      case 'string': words.push(3); text(v); return;
      case 'number': words.push(5); text(String(v)); return;
      case 'boolean': words.push(v ? 1 : 2); return;
      case 'undefined': words.push(0); return;
      case 'bigint': words.push(5); text(String(v)); return;
      case 'object': {
        if (v === null) {
          words.push(0);
          return;
        }
        // An array's length as a u32, as js_sys read it: a proxy's may be anything, even a
        // symbol, or throw.
        let keys = null;
        let n = 0;
        try {
          if (Array.isArray(v)) n = v.length >>> 0;
          else keys = Object.keys(v);
        } catch (e) {
          threw(e);
        }
        if (keys === null) {
          if (n > maxItems) {
            words.push(10);
            throw stop;
          }
          words.push(6, n);
          for (let i = 0; i < n; i++) write(at(v, i), depth + 1);
          return;
        }
        words.push(7, keys.length);
        for (const k of keys) {
          text(k);
          write(at(v, k), depth + 1);
        }
        return;
      }
      default: // a symbol or a function
        words.push(9);
        throw stop;
    }
  };
  // Anything else that goes wrong (a text past JS's longest string): the whole input is
  // unreadable, with what JS said.
  const failed = (e) => {
    const message = wellFormed(messageOf(e));
    inputText = message;
    return [11, message.length];
  };
  try {
    write(value, 0);
  } catch (e) {
    if (e !== stop) return failed(e);
  }
  try {
    inputText = parts.join('');
  } catch (e) {
    return failed(e);
  }
  return words;
}

export function takeInputText() {
  const text = inputText;
  inputText = '';
  return text;
}
