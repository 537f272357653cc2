// The results' decoder (src/tape.js) on tapes written by hand from src/tape.rs's format,
// for what the engine's own results never send: a map key "__proto__", an id no call named,
// two engine instances side by side. (Every real result goes through it in api.test.mjs.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeTape } from '../../src/tape.js';

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
