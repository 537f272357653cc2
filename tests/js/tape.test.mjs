// The results' decoder (src/tape.js) on tapes written by hand from src/tape.rs's format,
// for what the engine's own results never send: a map key "__proto__", an id no call named,
// two engine instances side by side. (Every real result goes through it in api.test.mjs.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeTape, encodeInput, replaceLoneSurrogates, takeInputText } from '../../src/tape.js';

const [NULL, TRUE, STRING, INT, NUMBER, ARRAY, OBJECT] = [0, 1, 3, 4, 5, 6, 7];
const KEY_NEW = 0xffffffff;
const KEY_TEXT = 0xfffffffe;
const ops = (...words) => Uint32Array.from(words);

test('field names are kept per engine instance, and a reset header starts over', () => {
  const a = {};
  const b = {};
  // { asOf: "2026-11-22", grade: 4 } naming both fields (ids 0 and 1).
  const text = 'asOf2026-11-22grade';
  const first = ops(1, OBJECT, 2, KEY_NEW, 0, 0, 4, STRING, 4, 10, KEY_NEW, 1, 14, 5, INT, 4);
  assert.deepEqual(decodeTape(first, text, a), { asOf: '2026-11-22', grade: 4 });
  // The next call of the same instance sends ids only.
  assert.deepEqual(decodeTape(ops(0, OBJECT, 2, 1, INT, 5, 0, STRING, 0, 4), '2027', a), { grade: 5, asOf: '2027' });
  // Another instance has named nothing yet.
  assert.throws(() => decodeTape(ops(0, OBJECT, 1, 0, NULL), '', b), /unknown field 0/);
  // A reset header forgets the instance's names.
  assert.throws(() => decodeTape(ops(1, OBJECT, 1, 0, NULL), '', a), /unknown field 0/);
});

test('a map key "__proto__" is data, as JSON.parse has it, never the prototype', () => {
  const result = decodeTape(ops(1, OBJECT, 1, KEY_TEXT, 0, 9, ARRAY, 2, TRUE, NUMBER, 9, 2), '__proto__-7', {});
  assert.deepEqual(Object.keys(result), ['__proto__']);
  assert.deepEqual(result.__proto__, [true, -7]);
  assert.equal(Object.getPrototypeOf(result), Object.prototype);
  assert.deepEqual(result, JSON.parse('{"__proto__":[true,-7]}'));
});

test('offsets count UTF-16 units, as JS strings do', () => {
  const text = '😀赊销x';
  assert.deepEqual(decodeTape(ops(1, ARRAY, 3, STRING, 0, 2, STRING, 2, 2, STRING, 4, 1), text, {}), ['😀', '赊销', 'x']);
});

test('an unknown word is an error, not a wrong result', () => {
  assert.throws(() => decodeTape(ops(1, 42), '', {}), /unreadable at word 1/);
});

// The inputs' encoder, against src/tape/input.rs's format: words, and one text.
test('an input is written depth first, each string as its length in UTF-16 units', () => {
  const [I_NULL, I_TRUE, I_FALSE, I_STRING, I_NUMBER, I_ARRAY, I_OBJECT] = [0, 1, 2, 3, 5, 6, 7];
  const words = encodeInput({ a: [null, undefined, true, false], 名: '𝔘', n: -0, x: 0.1, big: 12345678901234567890n }, 32, 1000);
  assert.deepEqual(words, [
    I_OBJECT, 5,
    1, I_ARRAY, 4, I_NULL, I_NULL, I_TRUE, I_FALSE,
    1, I_STRING, 2,
    1, I_NUMBER, 1,
    1, I_NUMBER, 3,
    3, I_NUMBER, 20,
  ]);
  assert.equal(takeInputText(), 'a名𝔘n0x0.1big12345678901234567890');
  assert.equal(takeInputText(), '', 'taken once');
});

test('the walk stops where the input is not plain data, and says why', () => {
  const [TOO_DEEP, UNREADABLE, TOO_LONG, THREW] = [8, 9, 10, 11];
  const cyclic = {};
  cyclic.self = cyclic;
  const words = encodeInput(cyclic, 2, 1000);
  assert.deepEqual(words, [7, 1, 4, 7, 1, 4, 7, 1, 4, TOO_DEEP]);
  assert.equal(takeInputText(), 'selfselfself');
  assert.deepEqual(encodeInput({ f: () => 1, later: 1 }, 32, 1000), [7, 2, 1, UNREADABLE]);
  takeInputText();
  assert.deepEqual(encodeInput([Symbol('s')], 32, 1000), [6, 1, UNREADABLE]);
  const sparse = [];
  sparse.length = 4294967295;
  assert.deepEqual(encodeInput({ rows: sparse }, 32, 1000000), [7, 1, 4, TOO_LONG]);
  takeInputText();
  const locked = { get amount() { throw new Error('locked'); } };
  assert.deepEqual(encodeInput({ x: locked }, 32, 1000), [7, 1, 1, 7, 1, 6, THREW, 6]);
  assert.equal(takeInputText(), 'xamountlocked');
  const trap = new Proxy({}, { ownKeys() { throw 'no keys'; } });
  assert.deepEqual(encodeInput(trap, 32, 1000), [THREW, 7]);
  assert.equal(takeInputText(), 'no keys');
  // A function first of several items: the walk stops there, short of the count.
  assert.deepEqual(encodeInput([() => 1, 2, 3], 32, 1000), [6, 3, UNREADABLE]);
  const item = new Proxy([1, 2], { get(t, k) { if (k === '1') throw new Error('item'); return t[k]; } });
  assert.deepEqual(encodeInput(item, 32, 1000), [6, 2, 5, 1, THREW, 4]);
  assert.equal(takeInputText(), '1item');
});

test("a proxy's odd length is read as a u32, as before, and lone surrogates never pair up", () => {
  const odd = new Proxy([7, 8, 9], { get: (t, k) => (k === 'length' ? 2.5 : t[k]) });
  assert.deepEqual(encodeInput(odd, 32, 1000), [6, 2, 5, 1, 5, 1]);
  assert.equal(takeInputText(), '78');
  // A key ending in a high surrogate, its value starting with a low one: two U+FFFD.
  assert.deepEqual(encodeInput({ 'x\uD835': '\uDD18' }, 32, 1000), [7, 1, 2, 3, 1]);
  assert.equal(takeInputText(), 'x\uFFFD\uFFFD');
  // A length that cannot be a number: the array's own path says so.
  const symbolic = new Proxy([1], { get: (t, k) => (k === 'length' ? Symbol('n') : t[k]) });
  const words = encodeInput({ rows: symbolic }, 32, 1000);
  assert.deepEqual(words.slice(0, 4), [7, 1, 4, 11]);
  const text = takeInputText();
  assert.match(text, /^rows.*Symbol/);
  assert.equal(words[4], text.length - 4);
});

test('without toWellFormed (older browsers) lone surrogates are replaced the same way', () => {
  for (const s of ['', 'plain', '\uD835\uDD18', 'a\uD800', '\uDC00b', '\uDC00\uD800', '\uD800\uD800\uDC00', 'x\uD835\uDD18\uDD18y', '\uDBFF']) {
    assert.equal(replaceLoneSurrogates(s), s.toWellFormed(), JSON.stringify(s));
  }
});
